#pragma once
// For the start-up benchmark: when DRILLSTUDIO_STARTUP_PROBE is set, the first time the window
// is exposed (and painted) the program prints "shown <wall clock µs> <peak RSS kB>" and quits.
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
                timespec now {};
                clock_gettime(CLOCK_REALTIME, &now);
                QTextStream(stdout) << "shown " << qint64(now.tv_sec) * 1000000 + now.tv_nsec / 1000
                                    << ' ' << peakRssKb() << Qt::endl;
                QCoreApplication::exit(0);
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
    if (!qEnvironmentVariableIsSet("DRILLSTUDIO_STARTUP_PROBE") || !window->windowHandle())
        return;
    window->windowHandle()->installEventFilter(new Watcher(window));
}

} // namespace StartupProbe
