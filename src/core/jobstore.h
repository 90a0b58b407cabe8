#pragma once
// Reads and writes jobs and run links through the Database; every multi-row write is one
// transaction. Lives on the thread that uses it.
#include "jobrecord.h"

#include <QHash>
#include <QList>
#include <QPair>
#include <QString>

#include <memory>
#include <optional>

class QSqlDatabase;
class QSqlQuery;

class Database;

// A row of the library list: a video with the runs that link to it.
struct LibraryEntry
{
    JobRecord job;
    int runCount = 0;
    QList<qint64> runIds; // at most a few, for display
};

// Spending caps for a new remote job; a cap of 0 is no cap.
struct BudgetCaps
{
    qint64 dayStartMs = 0;
    double daily = 0;
    qint64 monthStartMs = 0;
    double monthly = 0;

    bool any() const { return daily > 0 || monthly > 0; }
};

struct BudgetRefusal
{
    enum class Reason {
        None,
        Daily, // today's spending plus this job would pass the daily cap
        Monthly,
        Unreadable, // what was spent cannot be read: refused, never waved through
    };
    Reason reason = Reason::None;
    double spent = 0; // spent or committed under the cap that refused
    double cap = 0;
};

class JobStore
{
    Q_DECLARE_TR_FUNCTIONS(JobStore)

public:
    // The PostgreSQL notification channel on which every write that changes what a run shows
    // (jobs, run links) is announced after it commits.
    static constexpr char ChangeChannel[] = "drillstudio_store";

    explicit JobStore(Database *database);
    ~JobStore();
    Q_DISABLE_COPY_MOVE(JobStore)

    QString errorString() const { return m_error; }

    // With duplicate set, a clash with a job under way for the same spec returns false with
    // *duplicate true instead of an error.
    bool insertJob(const JobRecord &job, bool *duplicate = nullptr);
    // Inserts the job only if it fits the caps: what was spent or committed since each cap's
    // start is read and the job recorded in one write transaction, serialised between
    // processes (SQLite's write lock, a PostgreSQL advisory lock), so that two processes cannot
    // both pass at the cap. False with refusal->reason set when the caps refuse; false with
    // reason None on a database failure (errorString) or a duplicate (as insertJob).
    bool insertJobWithinBudget(const JobRecord &job, const BudgetCaps &caps, BudgetRefusal *refusal,
                               bool *duplicate = nullptr);
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
    // Every run with the job it links to, in one read (the REST server mirrors them in memory).
    // Empty with *ok false when the store cannot be read.
    QList<QPair<qint64, JobRecord>> runJobs(bool *ok);
    bool touch(const QString &jobId, qint64 nowMs);

    // Removes the run's link. Returns false with an empty error when the run had none.
    bool unlinkRun(qint64 runId, QString *jobId);
    int linkCount(const QString &jobId);
    bool deleteJob(const QString &jobId);
    // Jobs that no run links to any more and that are not under way.
    QList<JobRecord> orphanedJobs();

    QList<LibraryEntry> library(int limit = 200, int offset = 0);
    // Finished videos in the cache (completed jobs); not failed, cancelled or waiting ones.
    qint64 videoCount();
    // Every job by status name ("completed", "failed", ...); statuses with no job are absent.
    QHash<QString, qint64> jobCountsByStatus();
    qint64 totalBytes();
    QList<JobRecord> unfinishedJobs();
    // The queue as people follow it: every unfinished job, and the others created or ended
    // since sinceMs, newest first, at most limit of them.
    QList<JobRecord> recentJobs(qint64 sinceMs, int limit);
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
    // Whether process pid of host holds a claim valid after sinceMs (or the store cannot say,
    // which counts as yes).
    bool hasLiveClaim(const QString &host, qint64 pid, qint64 sinceMs);
    bool releaseClaims(const QString &owner);
    // Cancels a job nobody has started. False when it was claimed or is no longer queued.
    bool cancelQueued(const QString &jobId, const QString &message, qint64 nowMs);

    // Money spent since a time: finished videos at their cost, jobs under way at their
    // estimate, and every remote job the service accepted (it has a remote id) that failed,
    // expired or was cancelled here, since the service bills those too. Empty when the amount
    // cannot be read.
    std::optional<double> spentSince(qint64 fromMs);
    // The jobs that cost money since a time (completed or billed), oldest first; their cost is
    // JobStore::costOf(job).
    QList<JobRecord> paidJobs(qint64 fromMs);
    static double costOf(const JobRecord &job);

    // Completed videos, least recently used first.
    QList<JobRecord> leastRecentlyUsed(int limit, int offset = 0);
    // The completed video used last; empty when there is none.
    QString mostRecentlyUsedId();
    // (run id, bytes of its video) for every run.
    QList<QPair<qint64, qint64>> bytesPerRun();

private:
    void announceChange(QSqlDatabase &db);
    bool insertRow(QSqlDatabase &db, const JobRecord &job, bool *duplicate);
    std::optional<double> spentSince(QSqlDatabase &db, qint64 fromMs);
    bool lockBudget(QSqlDatabase &db);
    // message is a whole sentence with %1 for the database's detail.
    bool fail(const QString &message, const QString &detail);

    Database *m_database;
    QString m_error;
    std::unique_ptr<QSqlQuery> m_jobForRun; // prepared once per connection
    QString m_jobForRunConnection;
};
