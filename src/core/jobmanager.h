#pragma once
// Turns JobSpecs into videos: answers from the cache, joins work already under way, or records a
// job and drives its provider, persisting every transition. GUI, CLI and server only listen.
#include "jobrecord.h"
#include "jobspec.h"
#include "videoprovider.h"

#include <QHash>
#include <QObject>
#include <QQueue>

#include <optional>

class Clock;
class JobStore;
class Settings;
class VideoStore;

class JobManager final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(JobManager)

public:
    struct Submission
    {
        enum class Kind {
            CacheHit, // a finished video exists; the run now links to it
            Joined,   // the same drill is being generated for another run; linked to that job
            Started,  // a new job was recorded and queued
            Rejected, // invalid spec or storage failure; see error
        };
        Kind kind = Kind::Rejected;
        JobRecord job;
        QString error;
    };

    JobManager(JobStore *store, VideoStore *videos, Settings *settings, const Clock *clock,
               QObject *parent = nullptr);
    ~JobManager() override;

    // Takes ownership.
    void addProvider(VideoProvider *provider);
    VideoProvider *provider(const QString &name) const;

    Submission submit(const JobSpec &spec);
    bool cancel(const QString &jobId);

    // Removes the run's link; the video goes when nothing links to it. False when the run had
    // no video (error empty) or on failure (error set).
    bool clearRun(qint64 runId, QString *error = nullptr);
    // Removes the video and every run link to it. Refused while it is being generated.
    bool removeVideo(const QString &jobId, QString *error = nullptr);
    // Removes every run link and every finished video. Returns the number of videos removed.
    int clearAll(QString *error = nullptr);

    int activeJobCount() const { return int(m_active.size() + m_queue.size()); }

Q_SIGNALS:
    void jobStarted(const QString &jobId);
    void jobProgress(const QString &jobId, int percent);
    void jobFinished(const JobRecord &job);
    void jobFailed(const JobRecord &job);
    void libraryChanged();

private:
    void startNext();
    void onRemoteId(const QString &jobId, const QString &remoteId, const QString &requestId);
    void onProgress(const QString &jobId, int percent);
    void onFinished(const QString &jobId, const QString &filePath);
    void onFailed(const QString &jobId, const ProviderError &error);
    void fail(JobRecord job, const QString &code, const QString &message);
    void removeIfUnused(const QString &jobId);

    JobStore *m_store;
    VideoStore *m_videos;
    Settings *m_settings;
    const Clock *m_clock;
    QHash<QString, VideoProvider *> m_providers;
    QQueue<QString> m_queue;              // job ids waiting for a provider slot
    QHash<QString, JobRecord> m_active;   // job id -> record, while a provider works on it
    QHash<QString, QString> m_outputPaths; // job id -> temporary output path
};
