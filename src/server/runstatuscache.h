#pragma once
// Every run's job (and library match) mirrored in memory, so that GET /status and the downloads
// of cached videos are answered without a database read. The job store stays the truth: a loader
// thread with a connection of its own re-reads it whenever it changes, whoever changed it (SQLite:
// PRAGMA data_version polled on that connection; PostgreSQL: the writers' NOTIFY), and a query
// held up there never holds up an answer. Until a change this process made has been re-read, the
// mirror says it is stale and callers read the store as before.
#include "jobrecord.h"
#include "library/librarystore.h"

#include <QHash>
#include <QObject>

#include <memory>
#include <optional>

class Database;
class QThread;
class RunStatusLoader;

class RunStatusCache final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(RunStatusCache)

public:
    struct Run
    {
        JobRecord job;
        std::optional<LibraryMatchRecord> match;
    };
    // The store's totals, read with each snapshot (a scrape of /metrics reads these).
    struct Gauges
    {
        bool known = false; // false until the first snapshot
        QHash<QString, qint64> jobsByStatus;
        qint64 cacheBytes = 0;
        std::optional<double> spentToday; // empty when it could not be read
        qint64 readAtMs = 0; // when (ms since the epoch)
    };
    struct Snapshot
    {
        Gauges gauges;
        QHash<qint64, Run> runs;
        QHash<QString, JobRecord> videos; // completed jobs a run links to, by id
    };

    // pollMs: how often SQLite's data_version is read (PostgreSQL is told, not polled).
    explicit RunStatusCache(Database *database, int pollMs = 200, QObject *parent = nullptr);
    ~RunStatusCache() override;

    // True when the mirror holds every run as the store has it, this process's own changes
    // included; only then may lookups answer "no such run" from it.
    bool isCurrent() const { return m_snapshot && m_appliedGeneration >= m_staleGeneration; }
    // The run's entry; null when the run links to nothing. Only meaningful when isCurrent().
    const Run *run(qint64 runId) const;
    const JobRecord *video(const QString &jobId) const;
    Gauges gauges() const { return m_snapshot ? m_snapshot->gauges : Gauges(); }

    // This process changed the store: lookups go to the store until it has been re-read.
    void markStale();
    // Progress reported by a job this process runs, applied at once (no store read).
    void setProgress(const QString &jobId, int percent);
    // Queues a last-accessed time for the loader to write (batched, off this thread).
    void touch(const QString &jobId, qint64 nowMs);

    // Snapshots applied since the start (a test waits on reloaded()).
    int reloads() const { return m_reloads; }

Q_SIGNALS:
    // A new snapshot of the store replaced the mirror.
    void reloaded();

private:
    friend class RunStatusLoader;
    void apply(const std::shared_ptr<Snapshot> &snapshot, quint64 generation);
    void requestReload();

    QThread *m_thread;
    RunStatusLoader *m_loader; // lives in m_thread
    std::shared_ptr<Snapshot> m_snapshot;
    QHash<QString, QList<qint64>> m_runsOfJob; // of jobs under way
    QHash<QString, int> m_progress; // reported by jobs under way here, by job id
    quint64 m_staleGeneration = 1; // nothing loaded yet
    quint64 m_appliedGeneration = 0;
    int m_reloads = 0;
};
