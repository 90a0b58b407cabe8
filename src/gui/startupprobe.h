#pragma once
// For the start-up benchmark: when DRILLSTUDIO_STARTUP_PROBE is set, the program prints
//   shown <wall clock µs>   the first time the window is exposed and painted,
//   ready <wall clock µs>   when its start-up work is done (for DrillStudio: the player exists),
//   peak <kB>               its peak RSS half a second after both, once the start settled,
// and quits.
#include <QCoreApplication>
#include <QEvent>
#include <QFile>
#include <QObject>
#include <QTextStream>
#include <QTimer>
#include <QWidget>
#include <QWindow>

#include <ctime>

namespace StartupProbe {

inline bool enabled()
{
    static const bool on = qEnvironmentVariableIsSet("DRILLSTUDIO_STARTUP_PROBE");
    return on;
}

inline qint64 peakRssKb()
{
    QFile status(QStringLiteral("/proc/self/status"));
    if (!status.open(QIODevice::ReadOnly))
        return -1;
    for (const QByteArray &line : status.readAll().split('\n')) {
        if (line.startsWith("VmHWM:"))
            return line.mid(6).trimmed().split(' ').value(0).toLongLong();
    }
    return -1;
}

inline qint64 wallClockUs()
{
    timespec now {};
    clock_gettime(CLOCK_REALTIME, &now);
    return qint64(now.tv_sec) * 1000000 + now.tv_nsec / 1000;
}

struct State
{
    bool shown = false;
    bool ready = false;
    bool settling = false;
};

inline State &state()
{
    static State s;
    return s;
}

inline void settleIfDone()
{
    State &s = state();
    if (!s.shown || !s.ready || s.settling)
        return;
    s.settling = true;
    QTimer::singleShot(500, qApp, [] {
        QTextStream(stdout) << "peak " << peakRssKb() << Qt::endl;
        QCoreApplication::exit(0);
    });
}

// The program's own start-up work is done.
inline void ready()
{
    if (!enabled() || state().ready)
        return;
    state().ready = true;
    QTextStream(stdout) << "ready " << wallClockUs() << Qt::endl;
    settleIfDone();
}

class Watcher final : public QObject
{
public:
    using QObject::QObject;

protected:
    bool eventFilter(QObject *watched, QEvent *event) override
    {
        if (event->type() == QEvent::Expose && static_cast<QWindow *>(watched)->isExposed()
            && !m_done) {
            m_done = true;
            // After the paint that the expose event starts.
            QTimer::singleShot(0, this, [] {
                QTextStream(stdout) << "shown " << wallClockUs() << Qt::endl;
                state().shown = true;
                settleIfDone();
            });
        }
        return false;
    }

private:
    bool m_done = false;
};

// Call after window->show().
inline void watch(QWidget *window)
{
    if (!enabled() || !window->windowHandle())
        return;
    window->windowHandle()->installEventFilter(new Watcher(window));
}

} // namespace StartupProbe
