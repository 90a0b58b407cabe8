#include "jobmanager.h"

#include "clock.h"
#include "corelog.h"
#include "jobstore.h"
#include "settings.h"
#include "videostore.h"

#include <QFile>
#include <QUuid>

JobManager::JobManager(JobStore *store, VideoStore *videos, Settings *settings, const Clock *clock,
                       QObject *parent)
    : QObject(parent)
    , m_store(store)
    , m_videos(videos)
    , m_settings(settings)
    , m_clock(clock)
{
}

JobManager::~JobManager()
{
    // Providers are children; destroying them stops their work. Their temporary files go too.
    for (const QString &path : std::as_const(m_outputPaths))
        QFile::remove(path);
}

void JobManager::addProvider(VideoProvider *provider)
{
    provider->setParent(this);
    m_providers.insert(provider->name(), provider);
    connect(provider, &VideoProvider::remoteIdAssigned, this, &JobManager::onRemoteId);
    connect(provider, &VideoProvider::progressChanged, this, &JobManager::onProgress);
    connect(provider, &VideoProvider::finished, this, &JobManager::onFinished);
    connect(provider, &VideoProvider::failed, this, &JobManager::onFailed);
}

VideoProvider *JobManager::provider(const QString &name) const
{
    return m_providers.value(name);
}

JobManager::Submission JobManager::submit(const JobSpec &spec)
{
    Submission result;
    result.error = spec.validate();
    if (!result.error.isEmpty())
        return result;
    VideoProvider *provider = m_providers.value(spec.provider);
    if (!provider) {
        result.error = tr("The video provider \"%1\" is not available.").arg(spec.provider);
        return result;
    }
    const qint64 now = m_clock->nowMs();
    const QString specHash = spec.specHash();
    const bool share = m_settings->shareVideos();

    std::optional<JobRecord> existing;
    Submission::Kind kind = Submission::Kind::Started;
    if (!spec.force) {
        const auto current = m_store->jobForRun(spec.runId);
        if (current && current->specHash == specHash && current->status != JobStatus::Failed
            && current->status != JobStatus::Cancelled && current->status != JobStatus::Expired) {
            existing = current;
        } else if (share) {
            existing = m_store->findCompleted(specHash);
            if (!existing)
                existing = m_store->findActive(specHash);
        }
        if (existing && existing->status != JobStatus::Completed
            && !m_active.contains(existing->id)) {
            // Under way in the store but not in this process: its worker is gone. Close it so
            // that nothing waits for it for ever, and start afresh.
            fail(*existing, QStringLiteral("interrupted"),
                 tr("The earlier attempt was interrupted before it finished."));
            existing.reset();
        }
        if (existing) {
            if (existing->status == JobStatus::Completed
                && !QFile::exists(m_videos->absolutePath(existing->filePath))) {
                qCWarning(lcJobs) << "video file of" << existing->id << "is missing; regenerating";
                existing.reset();
            } else {
                kind = existing->status == JobStatus::Completed ? Submission::Kind::CacheHit
                                                                : Submission::Kind::Joined;
            }
        }
    }

    JobRecord job;
    if (existing) {
        job = *existing;
        m_store->touch(job.id, now);
        job.lastAccessedAt = now;
    } else {
        job.id = QUuid::createUuid().toString(QUuid::Id128).left(20);
        job.runId = spec.runId;
        job.drillText = spec.drillText.trimmed();
        job.specHash = specHash;
        job.provider = provider->name();
        job.model = provider->isRemote() ? spec.model : QStringLiteral("drillstudio-local");
        job.size = QStringLiteral("%1x%2").arg(spec.size.width()).arg(spec.size.height());
        job.seconds = spec.seconds;
        job.prompt = spec.prompt();
        job.status = JobStatus::Queued;
        job.estimatedCost = provider->estimateCost(spec.model, spec.size, spec.seconds);
        job.createdAt = now;
        job.lastAccessedAt = now;
        if (!m_store->insertJob(job)) {
            result.error = m_store->errorString();
            return result;
        }
    }
    QString previous;
    if (!m_store->linkRun(spec.runId, job.id, spec.drillText.trimmed(), now, &previous)) {
        result.error = m_store->errorString();
        return result;
    }
    if (!previous.isEmpty() && previous != job.id)
        removeIfUnused(previous);

    result.kind = kind;
    result.job = job;
    if (kind == Submission::Kind::Started) {
        qCInfo(lcJobs) << "queued job" << job.id << "for run" << spec.runId << "on"
                       << job.provider;
        m_queue.enqueue(job.id);
        m_active.insert(job.id, job);
        startNext();
    } else {
        qCInfo(lcJobs) << "run" << spec.runId << "linked to" << job.id
                       << (kind == Submission::Kind::CacheHit ? "(cached)" : "(under way)");
    }
    Q_EMIT libraryChanged();
    return result;
}

void JobManager::startNext()
{
    // One job at a time per provider for now; the queue keeps order.
    QSet<QString> busy;
    for (auto it = m_active.cbegin(); it != m_active.cend(); ++it) {
        if (it->status != JobStatus::Queued)
            busy.insert(it->provider);
    }
    for (auto it = m_queue.begin(); it != m_queue.end();) {
        JobRecord &job = m_active[*it];
        if (busy.contains(job.provider)) {
            ++it;
            continue;
        }
        VideoProvider *provider = m_providers.value(job.provider);
        busy.insert(job.provider);
        job.status = JobStatus::Running;
        job.startedAt = m_clock->nowMs();
        m_store->updateJob(job);
        ProviderRequest request;
        request.jobId = job.id;
        request.drillText = job.drillText;
        request.prompt = job.prompt;
        request.model = job.model;
        request.size = parseVideoSize(job.size);
        request.seconds = job.seconds;
        request.cornerLabel = tr("Run %1").arg(job.runId);
        request.outputPath = m_videos->newTemporaryPath();
        request.remoteId = job.remoteId;
        m_outputPaths.insert(job.id, request.outputPath);
        it = m_queue.erase(it);
        Q_EMIT jobStarted(job.id);
        provider->start(request);
    }
}

bool JobManager::cancel(const QString &jobId)
{
    if (!m_active.contains(jobId))
        return false;
    if (m_queue.removeAll(jobId) > 0) {
        fail(m_active.value(jobId), QStringLiteral("cancelled"), tr("Cancelled."));
        return true;
    }
    if (VideoProvider *provider = m_providers.value(m_active.value(jobId).provider))
        provider->cancel(jobId);
    return true;
}

void JobManager::onRemoteId(const QString &jobId, const QString &remoteId,
                            const QString &requestId)
{
    auto it = m_active.find(jobId);
    if (it == m_active.end())
        return;
    it->remoteId = remoteId;
    it->requestId = requestId;
    it->status = JobStatus::Submitted;
    m_store->updateJob(*it);
}

void JobManager::onProgress(const QString &jobId, int percent)
{
    auto it = m_active.find(jobId);
    if (it == m_active.end())
        return;
    // Persist in steps of 10 % so that status pages see movement without a write per frame.
    if (percent / 10 != it->progress / 10) {
        it->progress = percent;
        m_store->updateJob(*it);
    }
    it->progress = percent;
    Q_EMIT jobProgress(jobId, percent);
}

void JobManager::onFinished(const QString &jobId, const QString &filePath)
{
    auto it = m_active.find(jobId);
    if (it == m_active.end()) {
        QFile::remove(filePath);
        return;
    }
    JobRecord job = *it;
    m_outputPaths.remove(jobId);
    VerifiedVideo video;
    if (!m_videos->commit(filePath, &video)) {
        fail(job, QStringLiteral("invalid_video"), m_videos->errorString());
        return;
    }
    job.status = JobStatus::Completed;
    job.progress = 100;
    job.completedAt = m_clock->nowMs();
    job.filePath = video.relativePath;
    job.bytes = video.bytes;
    job.sha256 = video.sha256;
    job.durationMs = video.durationMs;
    job.actualCost = job.estimatedCost;
    job.errorCode.clear();
    job.errorMessage.clear();
    m_active.remove(jobId);
    if (!m_store->updateJob(job)) {
        // The file is in place but unrecorded; keep it only if another job already uses it.
        if (!m_store->fileInUseByOther(job.filePath, job.id))
            m_videos->remove(job.filePath);
        job.status = JobStatus::Failed;
        job.errorCode = QStringLiteral("store_failed");
        job.errorMessage = m_store->errorString();
        Q_EMIT jobFailed(job);
    } else {
        qCInfo(lcJobs) << "job" << jobId << "completed:" << job.filePath << job.bytes << "bytes";
        // The library first, so that listeners of jobFinished find the video in it.
        Q_EMIT libraryChanged();
        Q_EMIT jobFinished(job);
    }
    startNext();
}

void JobManager::onFailed(const QString &jobId, const ProviderError &error)
{
    auto it = m_active.find(jobId);
    if (it == m_active.end())
        return;
    JobRecord job = *it;
    job.requestId = error.requestId.isEmpty() ? job.requestId : error.requestId;
    fail(job, error.code, error.message);
}

void JobManager::fail(JobRecord job, const QString &code, const QString &message)
{
    const QString path = m_outputPaths.take(job.id);
    if (!path.isEmpty())
        QFile::remove(path);
    m_active.remove(job.id);
    job.status = code == QLatin1String("cancelled") ? JobStatus::Cancelled : JobStatus::Failed;
    job.errorCode = code;
    job.errorMessage = message;
    job.completedAt = m_clock->nowMs();
    m_store->updateJob(job);
    qCWarning(lcJobs) << "job" << job.id << "failed:" << code << message;
    Q_EMIT libraryChanged();
    Q_EMIT jobFailed(job);
    startNext();
}

void JobManager::removeIfUnused(const QString &jobId)
{
    if (m_active.contains(jobId) || m_store->linkCount(jobId) != 0)
        return;
    const auto job = m_store->job(jobId);
    if (!job)
        return;
    if (!job->filePath.isEmpty() && !m_store->fileInUseByOther(job->filePath, jobId))
        m_videos->remove(job->filePath);
    m_store->deleteJob(jobId);
}

bool JobManager::clearRun(qint64 runId, QString *error)
{
    QString jobId;
    if (!m_store->unlinkRun(runId, &jobId)) {
        if (error)
            *error = m_store->errorString();
        return false;
    }
    removeIfUnused(jobId);
    Q_EMIT libraryChanged();
    return true;
}

int JobManager::clearAll(QString *error)
{
    int removed = 0;
    const QList<LibraryEntry> all = m_store->library(INT_MAX, 0);
    for (const LibraryEntry &entry : all) {
        if (m_active.contains(entry.job.id))
            continue;
        if (!entry.job.filePath.isEmpty())
            m_videos->remove(entry.job.filePath);
        if (!m_store->deleteJob(entry.job.id)) {
            if (error)
                *error = m_store->errorString();
            break;
        }
        ++removed;
    }
    Q_EMIT libraryChanged();
    return removed;
}

bool JobManager::removeVideo(const QString &jobId, QString *error)
{
    if (m_active.contains(jobId)) {
        if (error)
            *error = tr("This video is still being generated; cancel it first.");
        return false;
    }
    const auto job = m_store->job(jobId);
    if (!job) {
        if (error)
            *error = tr("This video is no longer in the cache.");
        return false;
    }
    if (!job->filePath.isEmpty() && !m_store->fileInUseByOther(job->filePath, jobId))
        m_videos->remove(job->filePath);
    if (!m_store->deleteJob(jobId)) {
        if (error)
            *error = m_store->errorString();
        return false;
    }
    Q_EMIT libraryChanged();
    return true;
}
