#pragma once
// Turns JobSpecs into videos: answers from the cache, joins work already under way, or records a
// job; then claims queued jobs from the store (shared by every process on the same database),
// drives their providers, and persists every transition. GUI, CLI and server only listen.
#include "jobrecord.h"
#include "jobspec.h"
#include "videoprovider.h"

#include <QElapsedTimer>
#include <QHash>
#include <QObject>
#include <QSet>
#include <QTimer>

#include <functional>
#include <optional>

struct BudgetCaps;
struct BudgetRefusal;
struct VerifiedVideo;
class Clock;
class JobStore;
class Settings;
class StoreWorker;
class VideoStore;

// Money spent on remote videos.
struct CostSummary
{
    double today = 0;
    double thisMonth = 0;
    bool readable = true; // false: the store could not add up the spending
    double dailyCap = 0; // 0: none
    double monthlyCap = 0; // 0: none
    QList<QPair<QString, double>> perDay; // "yyyy-MM-dd", dollars (last 31 days)
    QList<QPair<QString, double>> perMonth; // "yyyy-MM", dollars
    QList<QPair<qint64, double>> perRun; // run id, dollars
};

class JobManager final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(JobManager)

public:
    struct Submission
    {
        enum class Kind {
            CacheHit, // a finished video exists; the run now links to it
            Joined, // the same drill is being generated for another run; linked to that job
            Started, // a new job was recorded and queued
            Rejected, // invalid spec, budget or storage failure; see error
        };
        Kind kind = Kind::Rejected;
        JobRecord job;
        QString error;
        // Set when the drill library answered (or was asked and had nothing): which video and why.
        QString libraryExplanation;
        double libraryConfidence = 0;
    };
    // Answers a spec from the drill library before anything is generated (see DrillLibrary).
    // CacheHit: the run is linked to a library video. Rejected: no match; error says why.
    using LibraryStep = std::function<Submission(const JobSpec &spec)>;

    JobManager(JobStore *store, VideoStore *videos, Settings *settings, const Clock *clock,
               QObject *parent = nullptr);
    ~JobManager() override;

    // Takes ownership.
    void addProvider(VideoProvider *provider);
    void setLibraryStep(LibraryStep step) { m_libraryStep = std::move(step); }
    VideoProvider *provider(const QString &name) const;

    // Whether to work on jobs that other processes or earlier runs submitted (a GUI or a
    // server: yes; a one-shot "generate": only its own and those it waits for).
    void setClaimForeignJobs(bool claim) { m_claimForeign = claim; }
    // How long a claim holds without renewal; a process that dies loses its jobs after this.
    void setLeaseMs(qint64 ms) { m_leaseMs = ms; }
    QString ownerId() const { return m_owner; }

    // Resumes unfinished jobs and starts the heartbeat that renews claims and watches the store.
    void start();

    Submission submit(const JobSpec &spec);
    // What the spec would cost with its provider (0 for the local renderer); -1 when the
    // provider is unknown.
    double estimateCost(const JobSpec &spec) const;
    bool cancel(const QString &jobId);

    // Removes the run's link; the video goes when nothing links to it. False when the run had
    // no video (error empty) or on failure (error set).
    bool clearRun(qint64 runId, QString *error = nullptr);
    // Removes the video and every run link to it. Refused while it is being generated.
    bool removeVideo(const QString &jobId, QString *error = nullptr);
    // Removes every run link and every finished video. Returns the number of videos removed.
    int clearAll(QString *error = nullptr);
    // Applies cache/maxBytes and cache/maxAgeDays. Returns the number of videos evicted.
    int evict();
    // Eviction after a new video then runs on the worker instead of the calling thread (a
    // window's event loop must not wait for file removals and store writes).
    void setEvictionWorker(StoreWorker *worker) { m_evictionWorker = worker; }

    CostSummary costs();
    int activeJobCount() const { return int(m_running.size()); }
    bool isRunningHere(const QString &jobId) const { return m_running.contains(jobId); }

Q_SIGNALS:
    void jobStarted(const QString &jobId);
    // percent 0..100; msLeft is an estimate, -1 when unknown.
    void jobProgress(const QString &jobId, int percent, qint64 msLeft);
    // A remote job's file is being fetched; bytesTotal is -1 when unknown.
    void jobDownloadProgress(const QString &jobId, qint64 bytesReceived, qint64 bytesTotal);
    void jobFinished(const JobRecord &job);
    void jobFailed(const JobRecord &job);
    void libraryChanged();

private:
    struct Running
    {
        JobRecord job;
        QString outputPath;
        qint64 startedHereMs = 0; // when this process took the job up (the injectable clock)
        QElapsedTimer elapsed;
        // The finished video as a remote service describes it (what it bills).
        QString billedModel;
        QSize billedSize;
        int billedSeconds = 0;
    };

    Submission submitInOrder(const JobSpec &spec, const QStringList &order);
    Submission submitToProvider(const JobSpec &spec);
    void schedule();
    void startJob(JobRecord job);
    void heartbeat();
    bool ownerIsGone(const JobRecord &job, qint64 now) const;
    void onRemoteId(const QString &jobId, const QString &remoteId, const QString &requestId);
    void onProgress(const QString &jobId, int percent);
    void onVideoDescribed(const QString &jobId, const QString &model, const QString &size,
                          int seconds);
    double actualCost(const VideoProvider *provider, const Running &running) const;
    void onDownloadProgress(const QString &jobId, qint64 bytesReceived, qint64 bytesTotal);
    void onFinished(const QString &jobId, const QString &filePath);
    void install(const QString &jobId, const QString &filePath, const VerifiedVideo &verified);
    void onFailed(const QString &jobId, const ProviderError &error);
    void finishWithError(JobRecord job, const QString &code, const QString &message);
    void removeIfUnused(const QString &jobId);
    void evictAfterNewVideo();
    static int evictFrom(JobStore *store, VideoStore *videos, qint64 maxBytes, qint64 maxAgeDays,
                         qint64 now);
    void removeTemporaries(const QString &outputPath);
    BudgetCaps budgetCaps(qint64 now) const;
    QString budgetMessage(const BudgetRefusal &refusal, double estimate) const;
    int slotsFor(const VideoProvider *provider) const;

    JobStore *m_store;
    VideoStore *m_videos;
    Settings *m_settings;
    const Clock *m_clock;
    QHash<QString, VideoProvider *> m_providers;
    LibraryStep m_libraryStep;
    StoreWorker *m_evictionWorker = nullptr;
    QHash<QString, Running> m_running; // jobs this process works on
    QSet<QString> m_interesting; // submitted here or waited for here
    QHash<QString, JobStatus> m_watched; // jobs waited for here but run elsewhere
    QString m_owner;
    qint64 m_leaseMs = 30000;
    qint64 m_lastRenewal = 0;
    bool m_claimForeign = true;
    bool m_started = false;
    bool m_scheduling = false;
    QTimer m_heartbeat;
};
