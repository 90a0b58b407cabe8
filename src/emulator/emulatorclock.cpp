#include "emulatorclock.h"

#include <QDateTime>

EmulatorClock::~EmulatorClock() = default;

qint64 SystemEmulatorClock::nowMs() const
{
    return QDateTime::currentMSecsSinceEpoch();
}

ManualEmulatorClock::ManualEmulatorClock(qint64 startMs)
    : m_nowMs(startMs >= 0 ? startMs : QDateTime::currentSecsSinceEpoch() * 1000)
{ }
