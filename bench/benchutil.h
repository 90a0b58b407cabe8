#pragma once
// Small helpers shared by the benchmarks: medians, CPU time of children, process timing and the
// target lines every benchmark prints (MET / NOT MET, never hidden).
#include <QElapsedTimer>
#include <QList>
#include <QProcess>
#include <QString>
#include <QTextStream>

#include <sys/resource.h>
#include <sys/time.h>

#include <algorithm>

namespace bench {

inline QTextStream &out()
{
    static QTextStream stream(stdout);
    return stream;
}

inline double median(QList<double> values)
{
    if (values.isEmpty())
        return 0;
    std::sort(values.begin(), values.end());
    const qsizetype n = values.size();
    return n % 2 ? values.at(n / 2) : (values.at(n / 2 - 1) + values.at(n / 2)) / 2;
}

inline double percentile(QList<double> values, double p)
{
    if (values.isEmpty())
        return 0;
    std::sort(values.begin(), values.end());
    const qsizetype index = qMin(values.size() - 1, qsizetype(p * double(values.size())));
    return values.at(index);
}

inline double cpuSecondsOf(int who)
{
    rusage usage {};
    getrusage(who, &usage);
    return double(usage.ru_utime.tv_sec) + double(usage.ru_utime.tv_usec) / 1e6
            + double(usage.ru_stime.tv_sec) + double(usage.ru_stime.tv_usec) / 1e6;
}

// Wall and CPU time (user + system) of one child process, from exec to exit.
struct ProcessTime
{
    double wall = 0;
    double cpu = 0;
    bool ok = false;
    QByteArray standardOutput;
    QByteArray standardError;
};

inline ProcessTime timeProcess(QProcess &process, const QString &program,
                               const QStringList &arguments, int timeoutMs = 300000)
{
    ProcessTime result;
    const double cpuBefore = cpuSecondsOf(RUSAGE_CHILDREN);
    QElapsedTimer timer;
    timer.start();
    process.start(program, arguments);
    const bool finished = process.waitForFinished(timeoutMs);
    result.wall = double(timer.nsecsElapsed()) / 1e9;
    if (!finished) {
        process.kill();
        process.waitForFinished();
    }
    result.cpu = cpuSecondsOf(RUSAGE_CHILDREN) - cpuBefore;
    result.ok = finished && process.exitStatus() == QProcess::NormalExit && process.exitCode() == 0;
    result.standardOutput = process.readAllStandardOutput();
    result.standardError = process.readAllStandardError();
    return result;
}

inline QString metText(bool met)
{
    return met ? QStringLiteral("MET") : QStringLiteral("NOT MET");
}

// One target line: what is compared, the measured value, the target and whether it was met.
inline bool target(const QString &what, const QString &measured, const QString &wanted, bool met)
{
    out() << QStringLiteral("target %1: %2 (want %3) -> %4")
                     .arg(what, measured, wanted, metText(met))
          << Qt::endl;
    return met;
}

} // namespace bench
