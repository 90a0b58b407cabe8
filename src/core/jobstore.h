#pragma once
// Reads and writes jobs and run links through the Database; every multi-row write is one
// transaction. Lives on the thread that uses it.
#include "jobrecord.h"

#include <QList>
#include <QPair>
#include <QString>

#include <memory>
#include <optional>

class QSqlQuery;

class Database;

// A row of the library list: a video with the runs that link to it.
struct LibraryEntry
{
    JobRecord job;
    int runCount = 0;
    QList<qint64> runIds; // at most a few, for display
};

class JobStore
{
    Q_DECLARE_TR_FUNCTIONS(JobStore)

public:
    explicit JobStore(Database *database);
    ~JobStore();
    Q_DISABLE_COPY_MOVE(JobStore)

    QString errorString() const { return m_error; }

    // With duplicate set, a clash with a job under way for the same spec returns false with
    // *duplicate true instead of an error.
    bool insertJob(const JobRecord &job, bool *duplicate = nullptr);
    bool updateJob(const JobRecord &job);
    std::optional<JobRecord> job(const QString &id);

    // The newest completed job for a spec, if its file is recorded.
    std::optional<JobRecord> findCompleted(const QString &specHash);
    // The newest job for the spec that was ordered remotely (it has a remote id) but ended here
    // without its video for a reason that does not mean the video is lost (timeout, network,
    // cancel): asking again resumes it instead of paying for a new one.
    std::optional<JobRecord> findResumable(const QString &specHash);
    // A job for the spec that is still under way.
    std::optional<JobRecord> findActive(const QString &specHash);

    // Points the run at the job (replacing any earlier link of that run). Returns the job id the
    // run linked to before, empty when none.
    bool linkRun(qint64 runId, const QString &jobId, const QString &drillText, qint64 nowMs,
                 QString *previousJobId = nullptr);
    std::optional<JobRecord> jobForRun(qint64 runId);
    bool touch(const QString &jobId, qint64 nowMs);

    // Removes the run's link. Returns false with an empty error when the run had none.
    bool unlinkRun(qint64 runId, QString *jobId);
    int linkCount(const QString &jobId);
    bool deleteJob(const QString &jobId);
    // Jobs that no run links to any more and that are not under way.
    QList<JobRecord> orphanedJobs();

    QList<LibraryEntry> library(int limit = 200, int offset = 0);
    qint64 videoCount();
    qint64 totalBytes();
    QList<JobRecord> unfinishedJobs();
    // Whether another job still uses the same file (identical content).
    bool fileInUseByOther(const QString &filePath, const QString &exceptJobId);

    // Queue shared by processes. Unfinished jobs of these providers that are unclaimed, whose
    // claim lapsed, or that a process on this host holds; best first (rows locked with SKIP
    // LOCKED on PostgreSQL while read, so that processes do not fight over the same rows).
    QList<JobRecord> claimCandidates(const QStringList &providers, int limit, qint64 nowMs,
                                     const QString &host);
    // Takes the job for owner until untilMs. expectedOwner empty: only if unclaimed; else only
    // if still claimed by expectedOwner (taking over from a process that died).
    bool claim(const QString &jobId, const QString &owner, qint64 untilMs,
               const QString &expectedOwner = {});
    bool renewClaims(const QString &owner, qint64 untilMs);
    bool releaseClaims(const QString &owner);
    // Cancels a job nobody has started. False when it was claimed or is no longer queued.
    bool cancelQueued(const QString &jobId, const QString &message, qint64 nowMs);

    // Money: spent (and committed by jobs under way) since a time, and the paid videos.
    double spentSince(qint64 fromMs);
    QList<JobRecord> paidJobs(qint64 fromMs);

    // Completed videos, least recently used first.
    QList<JobRecord> leastRecentlyUsed(int limit);
    // (run id, bytes of its video) for every run.
    QList<QPair<qint64, qint64>> bytesPerRun();

private:
    // message is a whole sentence with %1 for the database's detail.
    bool fail(const QString &message, const QString &detail);

    Database *m_database;
    QString m_error;
    std::unique_ptr<QSqlQuery> m_jobForRun; // prepared once per connection
    QString m_jobForRunConnection;
};
