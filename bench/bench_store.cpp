// Benchmark: the job store with 100,000 videos, SQLite and PostgreSQL side by side (PostgreSQL
// when DRILLSTUDIO_TEST_PG_URL names a server; bench/run starts one on loopback).
//
// What a start really does, in a NEW PROCESS each time: bench/store_start.cpp opens the data
// folder as the window and the commands do (settings, log, videos folder, store checks and
// migrations, job manager) and reads the library's first page (1,000 videos, as the window loads
// it), timed from exec to exit. Also `drillstudio cache list --json` (the whole library) from
// exec to exit, for information. Rounds alternate between the backends; medians.
// Status lookups: 5,000 distinct runs in random order, p50 and p99.
// Targets: open + first page <= 0.5 s in a new process; status lookup <= 1 ms (p50 and p99).
#include "benchutil.h"
#include "database.h"
#include "jobstore.h"
#include "storefixture.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QRandomGenerator>
#include <QSettings>
#include <QSqlError>
#include <QSqlQuery>
#include <QTemporaryDir>

#include <algorithm>
#include <cstdio>
#include <memory>
#include <numeric>
#include <vector>

using bench::out;

namespace {

constexpr int kVideos = 100000;
constexpr int kStartRounds = 5;
constexpr int kListRounds = 3;
constexpr int kLookups = 5000;

struct Backend
{
    QString name;
    std::unique_ptr<StoreFixture> fixture;
    std::unique_ptr<QTemporaryDir> dataDir; // for PostgreSQL: settings.ini naming the server
    QString dataPath;
    double fillSeconds = 0;
    QList<double> starts, startCpu, lists;
    double lookupP50Us = 0, lookupP99Us = 0;
};

bool fill(Database &db)
{
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
            fprintf(stderr, "fill failed: %s\n", qPrintable(q.lastError().text()));
            return false;
        }
    }
    return connection.commit();
}

bool prepare(Backend &backend)
{
    backend.fixture = std::make_unique<StoreFixture>();
    {
        Database db;
        if (!backend.fixture->open(backend.name, db)) {
            out() << backend.name << ": " << backend.fixture->error() << Qt::endl;
            return false;
        }
        QElapsedTimer timer;
        timer.start();
        if (!fill(db))
            return false;
        backend.fillSeconds = timer.elapsed() / 1000.0;
        QSqlQuery q(db.connection());
        q.exec(backend.name == QLatin1String("sqlite") ? QStringLiteral("PRAGMA optimize")
                                                       : QStringLiteral("ANALYZE"));
    }
    if (backend.name == QLatin1String("sqlite")) {
        backend.dataPath = backend.fixture->dir(); // holds library.sqlite
    } else {
        backend.dataDir = std::make_unique<QTemporaryDir>();
        backend.dataPath = backend.dataDir->path();
        QSettings settings(backend.dataPath + QStringLiteral("/settings.ini"),
                           QSettings::IniFormat);
        settings.setValue(QStringLiteral("store/backend"), QStringLiteral("postgresql"));
        settings.setValue(QStringLiteral("store/postgresUrl"),
                          backend.fixture->config().postgresUrl.toString());
    }
    return true;
}

bench::ProcessTime runIn(const Backend &backend, const QString &program, const QStringList &args)
{
    QProcess process;
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(QStringLiteral("DRILLSTUDIO_DATA_DIR"), backend.dataPath);
    env.insert(QStringLiteral("QT_QPA_PLATFORM"), QStringLiteral("offscreen"));
    process.setProcessEnvironment(env);
    return bench::timeProcess(process, program, args);
}

bool measureLookups(Backend &backend)
{
    Database db;
    if (!db.open(backend.fixture->config()))
        return false;
    JobStore store(&db);
    std::vector<qint64> runs(kVideos);
    std::iota(runs.begin(), runs.end(), 1);
    std::shuffle(runs.begin(), runs.end(), *QRandomGenerator::global());
    QList<double> lookups;
    for (int i = 0; i < kLookups; ++i) {
        const qint64 run = runs.at(size_t(i));
        QElapsedTimer timer;
        timer.start();
        const auto job = store.jobForRun(run);
        lookups << timer.nsecsElapsed() / 1e3;
        if (!job || job->runId != run)
            return false;
    }
    backend.lookupP50Us = bench::percentile(lookups, 0.5);
    backend.lookupP99Us = bench::percentile(lookups, 0.99);
    return true;
}

} // namespace

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    std::vector<Backend> backends;
    for (const QString &name : {QStringLiteral("sqlite"), QStringLiteral("postgresql")}) {
        if (name == QLatin1String("postgresql") && StoreFixture::pgUrl().isEmpty()) {
            out() << "postgresql: NOT MEASURED (DRILLSTUDIO_TEST_PG_URL is not set; bench/run "
                     "starts a server)"
                  << Qt::endl;
            continue;
        }
        Backend backend;
        backend.name = name;
        out() << name << ": filling a store with " << kVideos << " videos..." << Qt::endl;
        if (!prepare(backend))
            return 1;
        backends.push_back(std::move(backend));
    }
    const QString helper = QStringLiteral(STORE_START_PATH);
    const QString cli = QStringLiteral(DRILLSTUDIO_CLI_PATH);
    // A warm-up start of each, then alternating rounds.
    for (int round = -1; round < kStartRounds; ++round) {
        for (Backend &backend : backends) {
            const bench::ProcessTime t = runIn(backend, helper, {backend.dataPath});
            if (!t.ok || t.standardOutput.trimmed() != "1000") {
                out() << backend.name << ": the start failed: " << t.standardError << Qt::endl;
                return 1;
            }
            if (round >= 0) {
                backend.starts << t.wall;
                backend.startCpu << t.cpu;
            }
        }
    }
    for (int round = 0; round < kListRounds; ++round) {
        for (Backend &backend : backends) {
            const bench::ProcessTime t = runIn(
                    backend, cli,
                    {QStringLiteral("cache"), QStringLiteral("list"), QStringLiteral("--json")});
            if (!t.ok || !t.standardOutput.startsWith('[')) {
                out() << backend.name << ": cache list failed: " << t.standardError << Qt::endl;
                return 1;
            }
            backend.lists << t.wall;
        }
    }
    for (Backend &backend : backends) {
        if (!measureLookups(backend)) {
            out() << backend.name << ": status lookups failed" << Qt::endl;
            return 1;
        }
    }

    out() << Qt::endl
          << "Job store with " << kVideos << " videos; a new process per start (" << kStartRounds
          << " alternating rounds, medians); " << kLookups << " status lookups of distinct runs"
          << Qt::endl
          << Qt::endl;
    out() << "| store      | fill (s) | start: open + first page (s) | its CPU (s) | "
             "cache list --json, all (s) | lookup p50 (ms) | lookup p99 (ms) |"
          << Qt::endl
          << "|------------|---------:|-----------------------------:|-----------:|"
             "---------------------------:|----------------:|----------------:|"
          << Qt::endl;
    for (const Backend &backend : backends) {
        const double start = bench::median(backend.starts);
        out() << QStringLiteral("| %1 | %2 | %3 | %4 | %5 | %6 | %7 |")
                         .arg(backend.name, -10)
                         .arg(backend.fillSeconds, 8, 'f', 1)
                         .arg(start, 28, 'f', 3)
                         .arg(bench::median(backend.startCpu), 10, 'f', 3)
                         .arg(bench::median(backend.lists), 26, 'f', 2)
                         .arg(backend.lookupP50Us / 1000, 15, 'f', 3)
                         .arg(backend.lookupP99Us / 1000, 15, 'f', 3)
              << Qt::endl;
    }
    out() << Qt::endl;
    for (const Backend &backend : backends) {
        const double start = bench::median(backend.starts);
        bench::target(backend.name + QStringLiteral(" open + first page, new process"),
                      QStringLiteral("%1 s").arg(start, 0, 'f', 3), QStringLiteral("<= 0.5 s"),
                      start <= 0.5);
        bench::target(backend.name + QStringLiteral(" status lookup p50"),
                      QStringLiteral("%1 ms").arg(backend.lookupP50Us / 1000, 0, 'f', 3),
                      QStringLiteral("<= 1 ms"), backend.lookupP50Us <= 1000);
        bench::target(backend.name + QStringLiteral(" status lookup p99"),
                      QStringLiteral("%1 ms").arg(backend.lookupP99Us / 1000, 0, 'f', 3),
                      QStringLiteral("<= 1 ms"), backend.lookupP99Us <= 1000);
    }
    return 0;
}
