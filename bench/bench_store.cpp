// Benchmark: the job store with 100,000 videos. Targets: the library opens in <= 0.5 s and a
// status lookup takes <= 1 ms. PostgreSQL runs when DRILLSTUDIO_TEST_PG_URL names a server
// (bench/run starts one on loopback).
#include "database.h"
#include "jobstore.h"
#include "storefixture.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QRandomGenerator>
#include <QSqlError>
#include <QSqlQuery>
#include <QTextStream>

#include <algorithm>
#include <cstdio>

namespace {

constexpr int kVideos = 100000;

struct Row
{
    QString backend;
    double fillSeconds = 0;
    double openMs = 0;
    double lookupP50Us = 0;
    double lookupP99Us = 0;
    double pageP50Ms = 0;
    double pageP99Ms = 0;
};

double percentile(QList<double> values, double p)
{
    std::sort(values.begin(), values.end());
    if (values.isEmpty())
        return 0;
    const qsizetype index = qMin(values.size() - 1, qsizetype(p * double(values.size())));
    return values.at(index);
}

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

std::optional<Row> measure(const QString &backend)
{
    StoreFixture fixture;
    Row row;
    row.backend = backend;
    {
        Database db;
        if (!fixture.open(backend, db)) {
            fprintf(stderr, "%s: %s\n", qPrintable(backend), qPrintable(fixture.error()));
            return std::nullopt;
        }
        QElapsedTimer timer;
        timer.start();
        if (!fill(db))
            return std::nullopt;
        row.fillSeconds = timer.elapsed() / 1000.0;
        QSqlQuery q(db.connection());
        q.exec(backend == QLatin1String("sqlite") ? QStringLiteral("PRAGMA optimize")
                                                  : QStringLiteral("ANALYZE"));
    }
    // Opening: checks, migrations (none due) and the first page, as the window does on start.
    QList<double> opens;
    for (int i = 0; i < 5; ++i) {
        QElapsedTimer timer;
        timer.start();
        Database db;
        if (!db.open(fixture.config()))
            return std::nullopt;
        JobStore store(&db);
        const auto page = store.library(50, 0);
        opens << timer.nsecsElapsed() / 1e6;
        if (page.size() != 50)
            return std::nullopt;
    }
    row.openMs = percentile(opens, 0.5);

    Database db;
    if (!db.open(fixture.config()))
        return std::nullopt;
    JobStore store(&db);
    QRandomGenerator random(42);
    QList<double> lookups;
    for (int i = 0; i < 5000; ++i) {
        const qint64 run = random.bounded(kVideos) + 1;
        QElapsedTimer timer;
        timer.start();
        const auto job = store.jobForRun(run);
        lookups << timer.nsecsElapsed() / 1e3;
        if (!job || job->runId != run)
            return std::nullopt;
    }
    row.lookupP50Us = percentile(lookups, 0.5);
    row.lookupP99Us = percentile(lookups, 0.99);
    QList<double> pages;
    for (int i = 0; i < 50; ++i) {
        QElapsedTimer timer;
        timer.start();
        const auto page = store.library(50, 0);
        pages << timer.nsecsElapsed() / 1e6;
    }
    row.pageP50Ms = percentile(pages, 0.5);
    row.pageP99Ms = percentile(pages, 0.99);
    return row;
}

} // namespace

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    QTextStream out(stdout);
    QList<Row> rows;
    for (const QString &backend : {QStringLiteral("sqlite"), QStringLiteral("postgresql")}) {
        if (backend == QLatin1String("postgresql") && StoreFixture::pgUrl().isEmpty()) {
            out << "postgresql: skipped (DRILLSTUDIO_TEST_PG_URL is not set)\n";
            continue;
        }
        const auto row = measure(backend);
        if (!row) {
            out << backend << ": failed\n";
            return 1;
        }
        rows << *row;
    }
    out << "\nJob store with " << kVideos
        << " videos (targets: open <= 500 ms, status lookup <= 1 ms)\n\n";
    out << "| store      | fill (s) | open + first page (ms) | status lookup p50 (µs) | p99 (µs) | "
           "first page p50 (ms) | p99 (ms) |\n";
    out << "|------------|---------:|-----------------------:|-----------------------:|---------:|-"
           "-------------------:|---------:|\n";
    for (const Row &row : std::as_const(rows)) {
        out << QStringLiteral("| %1 | %2 | %3 | %4 | %5 | %6 | %7 |\n")
                        .arg(row.backend, -10)
                        .arg(row.fillSeconds, 8, 'f', 1)
                        .arg(row.openMs, 22, 'f', 1)
                        .arg(row.lookupP50Us, 22, 'f', 0)
                        .arg(row.lookupP99Us, 8, 'f', 0)
                        .arg(row.pageP50Ms, 19, 'f', 2)
                        .arg(row.pageP99Ms, 8, 'f', 2);
    }
    return 0;
}
