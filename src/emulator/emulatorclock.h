#pragma once
// The emulator's time source: the system clock, or a manual clock that tests advance explicitly.
#include <QtGlobal>

class EmulatorClock
{
public:
    virtual ~EmulatorClock();
    // Milliseconds since the Unix epoch.
    virtual qint64 nowMs() const = 0;
    // True when time moves only through advance() (no timers are armed then).
    virtual bool isManual() const { return false; }
    virtual void advance(qint64 ms) { Q_UNUSED(ms); }
};

class SystemEmulatorClock final : public EmulatorClock
{
public:
    qint64 nowMs() const override;
};

class ManualEmulatorClock final : public EmulatorClock
{
public:
    // Starts at startMs, or at the current system time (whole seconds) when startMs is negative.
    explicit ManualEmulatorClock(qint64 startMs = -1);
    qint64 nowMs() const override { return m_nowMs; }
    bool isManual() const override { return true; }
    void advance(qint64 ms) override { m_nowMs += qMax<qint64>(0, ms); }

private:
    qint64 m_nowMs = 0;
};
