// bench_startup: cold start of DrillStudio to a shown main window with 100,000 videos in the
// library, against a minimal Qt window holding a QMediaPlayer and a QVideoWidget, measured in the
// same run. Both run on an X server of their own (Xvfb, the xcb platform: what a user's desktop
// runs, GPU-less). Each round starts each program as a new process (the order alternates from
// round to round); each prints when its window is first exposed and painted ("shown"), when its
// start-up work is done ("ready": DrillStudio creates its player right after the first paint; the
// minimal window has its player from the start), and its peak RSS half a second after both, so
// the memory compared includes everything either started. Medians of the rounds are compared
// with the targets: at most 2x the minimal window's time to shown and at most 1.3x its memory.
#include "benchutil.h"
#include "database.h"

#include <QDir>
#include <QFile>
#include <QProcessEnvironment>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QTemporaryDir>

#include <ctime>
#include <unistd.h>

using namespace bench;

namespace {

constexpr int kVideos = 100000;
constexpr int kRounds = 9;

bool fill(const QString &dataDir)
{
    Database db;
    Database::Config config;
    config.sqlitePath = QDir(dataDir).filePath(QStringLiteral("library.sqlite"));
    if (!db.open(config)) {
        out() << "cannot open the store: " << db.errorString() << Qt::endl;
        return false;
    }
    QSqlDatabase connection = db.connection();
    if (!connection.transaction())
        return false;
    QSqlQuery q(connection);
    constexpr int kChunk = 500;
    for (int start = 0; start < kVideos; start += kChunk) {
        QStringList jobs;
        QStringList runs;
        for (int i = start; i < start + kChunk; ++i) {
            const QString id = QStringLiteral("'v%1'").arg(i, 8, 10, QLatin1Char('0'));
            const qint64 created = 1'700'000'000'000LL + i * 1000LL;
            jobs << QStringLiteral("(%1, %2, 'ドリル %2 もも上げ 20m×3', 'h%2', 'local', "
                                   "'drillstudio-local', '1280x720', 4, 'p', 'completed', 100, "
                                   "0, 0, %3, %3, %3, %3, 'f%2.mp4', 60000, 'sha', 4000)")
                            .arg(id)
                            .arg(i + 1)
                            .arg(created);
            runs << QStringLiteral("(%1, %2, 'ドリル', %3)").arg(i + 1).arg(id).arg(created);
        }
        if (!q.exec(QStringLiteral("INSERT INTO jobs (id, run_id, drill_text, spec_hash, "
                                   "provider, model, size, seconds, prompt, status, progress, "
                                   "estimated_cost, actual_cost, created_at, started_at, "
                                   "completed_at, last_accessed_at, file_path, bytes, sha256, "
                                   "duration_ms) VALUES ")
                    + jobs.join(QLatin1Char(',')))
            || !q.exec(QStringLiteral("INSERT INTO runs (run_id, job_id, drill_text, linked_at) "
                                      "VALUES ")
                       + runs.join(QLatin1Char(',')))) {
            out() << "fill failed: " << q.lastError().text() << Qt::endl;
            return false;
        }
    }
    return connection.commit();
}

qint64 wallClockUs()
{
    timespec now {};
    clock_gettime(CLOCK_REALTIME, &now);
    return qint64(now.tv_sec) * 1000000 + now.tv_nsec / 1000;
}

struct Sample
{
    double ms = -1;
    double readyMs = -1;
    double peakMiB = -1;
};

QString g_display; // the Xvfb display the programs start on

// An X server of its own: Xvfb picks a free display number and writes it to the pipe.
bool startXvfb(QProcess *xvfb)
{
    int fds[2];
    if (::pipe(fds) != 0)
        return false;
    xvfb->setProgram(QStringLiteral("Xvfb"));
    xvfb->setArguments({QStringLiteral("-displayfd"), QString::number(fds[1]),
                        QStringLiteral("-screen"), QStringLiteral("0"),
                        QStringLiteral("1600x1000x24"), QStringLiteral("-nolisten"),
                        QStringLiteral("tcp")});
    xvfb->start();
    ::close(fds[1]);
    if (!xvfb->waitForStarted()) {
        ::close(fds[0]);
        return false;
    }
    QFile pipe;
    if (!pipe.open(fds[0], QIODevice::ReadOnly, QFileDevice::AutoCloseHandle))
        return false;
    const QByteArray number = pipe.readLine().trimmed(); // blocks until the server is up
    if (number.isEmpty())
        return false;
    g_display = QLatin1Char(':') + QString::fromLatin1(number);
    return true;
}

Sample startOnce(const QString &program, const QStringList &arguments, const QString &dataDir)
{
    QProcess process;
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(QStringLiteral("DRILLSTUDIO_STARTUP_PROBE"), QStringLiteral("1"));
    env.insert(QStringLiteral("DRILLSTUDIO_DATA_DIR"), dataDir);
    env.insert(QStringLiteral("QT_QPA_PLATFORM"), QStringLiteral("xcb"));
    env.insert(QStringLiteral("DISPLAY"), g_display);
    process.setProcessEnvironment(env);
    process.setProcessChannelMode(QProcess::SeparateChannels);
    const qint64 started = wallClockUs();
    process.start(program, arguments);
    if (!process.waitForFinished(120000)) {
        process.kill();
        process.waitForFinished();
        return {};
    }
    Sample sample;
    for (const QByteArray &line : process.readAllStandardOutput().split('\n')) {
        const QList<QByteArray> parts = line.split(' ');
        if (line.startsWith("shown "))
            sample.ms = (parts.value(1).toLongLong() - started) / 1000.0;
        else if (line.startsWith("ready "))
            sample.readyMs = (parts.value(1).toLongLong() - started) / 1000.0;
        else if (line.startsWith("peak "))
            sample.peakMiB = parts.value(1).toLongLong() / 1024.0;
    }
    if (sample.ms >= 0 && sample.readyMs >= 0 && sample.peakMiB > 0) {
        sample.readyMs = qMax(sample.readyMs, sample.ms);
        return sample;
    }
    out() << program << " did not report its window: "
          << QString::fromLocal8Bit(process.readAllStandardError()).left(400) << Qt::endl;
    return {};
}

} // namespace

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    const QString binaries
            = qEnvironmentVariable("DRILLSTUDIO_BINARY_DIR",
                                   QCoreApplication::applicationDirPath() + QStringLiteral("/.."));
    const QString drillstudio = binaries + QStringLiteral("/src/app/drillstudio");
    const QString minimal = binaries + QStringLiteral("/bench/startup_minimal");
    QTemporaryDir library;
    QTemporaryDir empty;
    out() << "filling a library with " << kVideos << " videos..." << Qt::endl;
    if (!fill(library.path()))
        return 1;
    struct Program
    {
        QString name;
        QString path;
        QString dataDir;
        QList<double> ms;
        QList<double> readyMs;
        QList<double> mib;
    };
    QList<Program> programs = {
            {QStringLiteral("minimal window (QMediaPlayer + QVideoWidget)"),
             minimal,
             empty.path(),
             {},
             {},
             {}},
            {QStringLiteral("DrillStudio, empty library"), drillstudio, empty.path(), {}, {}, {}},
            {QStringLiteral("DrillStudio, 100,000 videos"),
             drillstudio,
             library.path(),
             {},
             {},
             {}},
    };
    QProcess xvfb;
    if (!startXvfb(&xvfb)) {
        out() << "Xvfb did not start (package xvfb)" << Qt::endl;
        return 1;
    }
    out() << "on Xvfb " << g_display << " (xcb)" << Qt::endl;
    // One warm-up start each (disk cache, font cache), not counted.
    for (Program &program : programs)
        startOnce(program.path, {}, program.dataDir);
    for (int round = 0; round < kRounds; ++round) {
        for (int i = 0; i < programs.size(); ++i) {
            Program &program = programs[round % 2 ? programs.size() - 1 - i : i];
            const Sample sample = startOnce(program.path, {}, program.dataDir);
            if (sample.ms < 0)
                return 1;
            program.ms << sample.ms;
            program.readyMs << sample.readyMs;
            program.mib << sample.peakMiB;
        }
    }
    out() << Qt::endl
          << "| program                                       | shown (ms, median) | player ready "
             "(ms) | peak RSS, settled (MiB) |"
          << Qt::endl
          << "|-----------------------------------------------|-------------------:|-------------"
             "-----:|------------------------:|"
          << Qt::endl;
    for (const Program &program : std::as_const(programs))
        out() << QStringLiteral("| %1 | %2 | %3 | %4 |")
                         .arg(program.name, -45)
                         .arg(median(program.ms), 18, 'f', 0)
                         .arg(median(program.readyMs), 17, 'f', 0)
                         .arg(median(program.mib), 23, 'f', 1)
              << Qt::endl;
    out() << "(" << kRounds << " rounds, each program a new process per round, order alternating;"
          << " peak RSS read 0.5 s after shown and ready)" << Qt::endl;
    xvfb.terminate();
    xvfb.waitForFinished();
    const double baseMs = median(programs[0].ms);
    const double baseMib = median(programs[0].mib);
    const double ms = median(programs[2].ms);
    const double mib = median(programs[2].mib);
    bool met = target(QStringLiteral("startup time with 100,000 videos vs the minimal window"),
                      QStringLiteral("%1x").arg(ms / baseMs, 0, 'f', 2), QStringLiteral("<= 2x"),
                      ms <= 2 * baseMs);
    met = target(QStringLiteral("peak memory with 100,000 videos vs the minimal window"),
                 QStringLiteral("%1x").arg(mib / baseMib, 0, 'f', 2), QStringLiteral("<= 1.3x"),
                 mib <= 1.3 * baseMib)
            && met;
    return 0;
}
