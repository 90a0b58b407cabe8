#include "jobmanager.h"

#include "clock.h"
#include "corelog.h"
#include "crashpoint.h"
#include "jobstore.h"
#include "settings.h"
#include "storeworker.h"
#include "videostore.h"

#include <QCoreApplication>
#include <QDate>
#include <QFile>
#include <QMap>
#include <QSysInfo>
#include <QUuid>
#include <QtConcurrent/QtConcurrentRun>

#include <cerrno>
#include <csignal>

namespace {

constexpr int kHeartbeatMs = 1000;

QString makeOwnerId()
{
    return VideoStore::hostName() + QLatin1Char(':')
            + QString::number(QCoreApplication::applicationPid()) + QLatin1Char(':')
            + QUuid::createUuid().toString(QUuid::Id128).left(8);
}

bool isExpiredError(const QString &code)
{
    return code == QLatin1String("content_expired") || code == QLatin1String("job_expired")
            || code == QLatin1String("expired");
}

} // namespace

JobManager::JobManager(JobStore *store, VideoStore *videos, Settings *settings, const Clock *clock,
                       QObject *parent)
    : QObject(parent)
    , m_store(store)
    , m_videos(videos)
    , m_settings(settings)
    , m_clock(clock)
    , m_owner(makeOwnerId())
{
    // Named and parented so that a test can wait for heartbeats instead of sleeping.
    m_heartbeat.setParent(this);
    m_heartbeat.setObjectName(QStringLiteral("jobHeartbeat"));
    m_heartbeat.setInterval(kHeartbeatMs);
    connect(&m_heartbeat, &QTimer::timeout, this, &JobManager::heartbeat);
}

JobManager::~JobManager()
{
    m_heartbeat.stop();
    // Stop the providers first: a renderer thread may still be writing a temporary file.
    const QList<VideoProvider *> providers = m_providers.values();
    m_providers.clear();
    qDeleteAll(providers);
    for (const Running &running : std::as_const(m_running))
        removeTemporaries(running.outputPath);
    // Hand unfinished work back at once, so that another process (or the next start) resumes it
    // without waiting for the claims to lapse.
    if (!m_running.isEmpty())
        m_store->releaseClaims(m_owner);
}

void JobManager::addProvider(VideoProvider *provider)
{
    provider->setParent(this);
    m_providers.insert(provider->name(), provider);
    connect(provider, &VideoProvider::remoteIdAssigned, this, &JobManager::onRemoteId);
    connect(provider, &VideoProvider::progressChanged, this, &JobManager::onProgress);
    connect(provider, &VideoProvider::videoDescribed, this, &JobManager::onVideoDescribed);
    connect(provider, &VideoProvider::downloadProgress, this, &JobManager::onDownloadProgress);
    connect(provider, &VideoProvider::finished, this, &JobManager::onFinished);
    connect(provider, &VideoProvider::failed, this, &JobManager::onFailed);
}

VideoProvider *JobManager::provider(const QString &name) const
{
    return m_providers.value(name);
}

void JobManager::start()
{
    if (m_started)
        return;
    m_started = true;
    m_heartbeat.start();
    evict();
    schedule();
}

int JobManager::slotsFor(const VideoProvider *provider) const
{
    const bool remote = provider->isRemote();
    const qint64 limit
            = m_settings->integer(remote ? "jobs/maxRemoteConcurrent" : "jobs/maxLocalConcurrent");
    qint64 busy = 0;
    for (const Running &running : m_running) {
        const VideoProvider *other = m_providers.value(running.job.provider);
        if (other && other->isRemote() == remote)
            ++busy;
    }
    return int(qMax<qint64>(0, limit - busy));
}

BudgetCaps JobManager::budgetCaps(qint64 now) const
{
    BudgetCaps caps;
    caps.daily = m_settings->number("budget/dailyUsd");
    caps.monthly = m_settings->number("budget/monthlyUsd");
    const QDateTime local = QDateTime::fromMSecsSinceEpoch(now).toLocalTime();
    caps.dayStartMs = local.date().startOfDay().toMSecsSinceEpoch();
    caps.monthStartMs
            = QDate(local.date().year(), local.date().month(), 1).startOfDay().toMSecsSinceEpoch();
    return caps;
}

QString JobManager::budgetMessage(const BudgetRefusal &refusal, double estimate) const
{
    switch (refusal.reason) {
    case BudgetRefusal::Reason::None:
        return {};
    case BudgetRefusal::Reason::Daily:
        return tr("Today's budget of $%1 would be exceeded: $%2 spent or under way, this "
                  "video costs about $%3. Use the local renderer or raise budget/dailyUsd.")
                .arg(refusal.cap, 0, 'f', 2)
                .arg(refusal.spent, 0, 'f', 2)
                .arg(estimate, 0, 'f', 2);
    case BudgetRefusal::Reason::Monthly:
        return tr("This month's budget of $%1 would be exceeded: $%2 spent or under way, "
                  "this video costs about $%3. Use the local renderer or raise "
                  "budget/monthlyUsd.")
                .arg(refusal.cap, 0, 'f', 2)
                .arg(refusal.spent, 0, 'f', 2)
                .arg(estimate, 0, 'f', 2);
    case BudgetRefusal::Reason::Unreadable:
        return tr("The spending so far cannot be read from the library database, so no paid "
                  "video is ordered (a budget is set). Check the database, or use the local "
                  "renderer.");
    }
    return {};
}

// The drill library first, when the provider order names it; then the provider generates.
JobManager::Submission JobManager::submit(const JobSpec &spec)
{
    const QStringList order = m_settings->providerOrder();
    // "--provider library", or an order that names nothing else: the library alone answers.
    const bool libraryOnly = spec.provider == QLatin1String("library")
            || (spec.useLibrary && order == QStringList {QStringLiteral("library")});
    if (m_libraryStep && !spec.force
        && (libraryOnly || (spec.useLibrary && order.contains(QLatin1String("library"))))) {
        const Submission answer = m_libraryStep(spec);
        if (answer.kind != Submission::Kind::Rejected || libraryOnly)
            return answer;
        Submission generated = submitInOrder(spec, order);
        generated.libraryExplanation = answer.libraryExplanation;
        return generated;
    }
    if (libraryOnly) {
        Submission refused;
        refused.error = tr("The drill library is not available here.");
        return refused;
    }
    return submitInOrder(spec, order);
}

// When the spec's provider refuses (a budget, a provider that is not available), the providers
// after it in the order are tried in turn; a provider chosen for the request is the only one.
JobManager::Submission JobManager::submitInOrder(const JobSpec &spec, const QStringList &order)
{
    Submission result = submitToProvider(spec);
    const qsizetype at = order.indexOf(spec.provider);
    if (result.kind != Submission::Kind::Rejected || !spec.useLibrary || at < 0)
        return result;
    for (qsizetype i = at + 1; i < order.size(); ++i) {
        if (order.at(i) == QLatin1String("library"))
            continue;
        JobSpec next = spec;
        next.provider = order.at(i);
        qCInfo(lcJobs).noquote() << spec.provider << "refused:" << result.error << "- trying"
                                 << next.provider;
        result = submitToProvider(next);
        if (result.kind != Submission::Kind::Rejected)
            return result;
    }
    return result;
}

JobManager::Submission JobManager::submitToProvider(const JobSpec &spec)
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
    const QString drillText = spec.drillText.trimmed();

    std::optional<JobRecord> existing;
    if (!spec.force) {
        const auto current = m_store->jobForRun(spec.runId);
        if (current && current->specHash == specHash
            && (current->status == JobStatus::Completed || !isTerminal(current->status))) {
            existing = current;
        } else if (m_settings->shareVideos()) {
            existing = m_store->findCompleted(specHash);
            if (!existing)
                existing = m_store->findActive(specHash);
        }
    }
    if (!existing) {
        // Even when forced, a job for the same spec that is under way is joined, not doubled.
        existing = m_store->findActive(specHash);
    }
    if (existing && existing->status == JobStatus::Completed
        && !QFile::exists(m_videos->absolutePath(existing->filePath))) {
        qCWarning(lcJobs) << "video file of" << existing->id << "is missing; generating again";
        existing.reset();
    }

    JobRecord job;
    Submission::Kind kind = Submission::Kind::Started;
    bool resumed = false;
    if (!existing && !spec.force) {
        // Ordered and paid for before, then given up here (a timeout, a network failure, a
        // cancel): the video may well exist by now, so resume that job rather than order again.
        if (auto earlier = m_store->findResumable(specHash)) {
            JobRecord retry = *earlier;
            retry.status = JobStatus::Submitted;
            retry.errorCode.clear();
            retry.errorMessage.clear();
            retry.progress = 0;
            retry.startedAt = 0;
            retry.completedAt = 0;
            retry.claimedBy.clear();
            retry.claimedUntil = 0;
            retry.lastAccessedAt = now;
            if (m_store->updateJob(retry)) {
                qCInfo(lcJobs) << "resuming job" << retry.id << "with remote id" << retry.remoteId
                               << "instead of ordering the video again";
                existing = retry;
                resumed = true;
            }
        }
    }
    if (existing && resumed) {
        job = *existing;
    } else if (existing) {
        job = *existing;
        kind = job.status == JobStatus::Completed ? Submission::Kind::CacheHit
                                                  : Submission::Kind::Joined;
        m_store->touch(job.id, now);
        job.lastAccessedAt = now;
    } else {
        job.id = QUuid::createUuid().toString(QUuid::Id128).left(20);
        job.runId = spec.runId;
        job.drillText = drillText;
        job.specHash = specHash;
        job.provider = provider->name();
        job.model = provider->isRemote() ? spec.model : QStringLiteral("drillstudio-local");
        job.size = QStringLiteral("%1x%2").arg(spec.size.width()).arg(spec.size.height());
        job.seconds = spec.seconds;
        job.prompt = spec.prompt();
        job.status = JobStatus::Queued;
        job.priority = spec.priority;
        job.estimatedCost = provider->estimateCost(spec.model, spec.size, spec.seconds);
        job.createdAt = now;
        job.lastAccessedAt = now;
        bool duplicate = false;
        BudgetRefusal refusal;
        const BudgetCaps caps = provider->isRemote() ? budgetCaps(now) : BudgetCaps();
        if (!m_store->insertJobWithinBudget(job, caps, &refusal, &duplicate)) {
            if (refusal.reason != BudgetRefusal::Reason::None) {
                result.error = budgetMessage(refusal, job.estimatedCost);
                qCWarning(lcJobs).noquote() << "refused by budget:" << result.error;
                return result;
            }
            const auto active = duplicate ? m_store->findActive(specHash) : std::nullopt;
            if (!active) {
                result.error = duplicate ? tr("The same drill is being recorded by another "
                                              "process; try again in a moment.")
                                         : m_store->errorString();
                return result;
            }
            job = *active;
            kind = Submission::Kind::Joined;
        }
    }
    QString previous;
    if (!m_store->linkRun(spec.runId, job.id, drillText, now, &previous)) {
        result.error = m_store->errorString();
        return result;
    }
    if (!previous.isEmpty() && previous != job.id)
        removeIfUnused(previous);

    result.kind = kind;
    result.job = job;
    if (kind == Submission::Kind::CacheHit) {
        qCInfo(lcJobs) << "run" << spec.runId << "linked to cached video" << job.id;
    } else {
        m_interesting.insert(job.id);
        if (!m_running.contains(job.id))
            m_watched.insert(job.id, job.status);
        qCInfo(lcJobs) << "run" << spec.runId << "linked to job" << job.id
                       << (kind == Submission::Kind::Joined ? "(under way)" : "(queued)");
    }
    Q_EMIT libraryChanged();
    if (kind != Submission::Kind::CacheHit) {
        if (!m_started)
            start();
        else
            schedule();
    }
    return result;
}

double JobManager::estimateCost(const JobSpec &spec) const
{
    const VideoProvider *provider = m_providers.value(spec.provider);
    if (!provider)
        return -1;
    return provider->isRemote() ? provider->estimateCost(spec.model, spec.size, spec.seconds) : 0;
}

bool JobManager::ownerIsGone(const JobRecord &job, qint64 now) const
{
    if (job.claimedBy.isEmpty())
        return true;
    if (job.claimedBy == m_owner)
        return !m_running.contains(job.id);
    if (job.claimedUntil < now)
        return true;
    // A process on this machine that no longer exists gives up its claims at once.
    const QStringList parts = job.claimedBy.split(QLatin1Char(':'));
    if (parts.size() == 3 && parts.at(0) == VideoStore::hostName()) {
        const qint64 pid = parts.at(1).toLongLong();
        if (pid > 0 && ::kill(pid_t(pid), 0) != 0 && errno == ESRCH)
            return true;
    }
    return false;
}

void JobManager::schedule()
{
    if (m_scheduling || !m_started)
        return;
    m_scheduling = true;
    const qint64 now = m_clock->nowMs();
    QHash<QString, int> freeSlots;
    QStringList names;
    for (auto it = m_providers.cbegin(); it != m_providers.cend(); ++it) {
        const int free = slotsFor(it.value());
        if (free > 0) {
            freeSlots.insert(it.key(), free);
            names << it.key();
        }
    }
    if (!names.isEmpty()) {
        const QList<JobRecord> candidates
                = m_store->claimCandidates(names, 64, now, VideoStore::hostName());
        for (JobRecord job : candidates) {
            if (m_running.contains(job.id))
                continue;
            if (!m_claimForeign && !m_interesting.contains(job.id))
                continue;
            VideoProvider *provider = m_providers.value(job.provider);
            // Slots are shared by all local (or all remote) providers.
            if (!provider || slotsFor(provider) <= 0)
                continue;
            if (!ownerIsGone(job, now))
                continue;
            const qint64 until = now + m_leaseMs;
            if (!m_store->claim(job.id, m_owner, until, job.claimedBy))
                continue; // another process was quicker
            if (!job.claimedBy.isEmpty() && job.claimedBy != m_owner)
                qCInfo(lcJobs) << "took over job" << job.id << "from" << job.claimedBy;
            job.claimedBy = m_owner;
            job.claimedUntil = until;
            startJob(job);
        }
    }
    m_scheduling = false;
}

void JobManager::startJob(JobRecord job)
{
    VideoProvider *provider = m_providers.value(job.provider);
    const qint64 now = m_clock->nowMs();
    ProviderRequest request;
    request.jobId = job.id;
    request.drillText = job.drillText;
    request.prompt = job.prompt;
    request.model = job.model;
    request.size = parseVideoSize(job.size);
    request.seconds = job.seconds;
    // A shared video serves every run with the same drill, so it names none of them (the window
    // and the frontend show the run). Only a run's own video carries its ID, in the same words
    // in every locale, so that the picture does not depend on who asked for it.
    if (!m_settings->shareVideos())
        request.cornerLabel = QStringLiteral("Run %1").arg(job.runId);
    request.outputPath = m_videos->newTemporaryPath();
    request.remoteId = job.remoteId;
    if (provider->isRemote()) {
        if (job.remoteId.isEmpty()) {
            // An earlier attempt may have sent its create and died before recording the id:
            // the provider must look for that video before it creates one.
            request.mayHaveCreated = job.status == JobStatus::Creating;
            request.createdAfterMs = job.startedAt ? job.startedAt : job.createdAt;
            job.status = JobStatus::Creating;
        }
    } else {
        job.status = JobStatus::Running;
        job.progress = 0;
    }
    if (job.startedAt == 0)
        job.startedAt = now;
    // Committed before the provider sends anything: a crash after this point resumes safely.
    if (!m_store->updateJob(job)) {
        m_store->claim(job.id, QString(), 0, m_owner);
        return;
    }
    CrashPoint::hit("job-recorded");
    Running running;
    running.job = job;
    running.outputPath = request.outputPath;
    running.startedHereMs = now;
    running.elapsed.start();
    m_running.insert(job.id, running);
    m_watched.remove(job.id);
    qCInfo(lcJobs) << "started job" << job.id << "on" << job.provider
                   << (request.remoteId.isEmpty() ? QString() : request.remoteId);
    Q_EMIT jobStarted(job.id);
    provider->start(request);
}

void JobManager::heartbeat()
{
    const qint64 now = m_clock->nowMs();
    if (!m_running.isEmpty() && now - m_lastRenewal >= m_leaseMs / 3) {
        m_store->renewClaims(m_owner, now + m_leaseMs);
        m_lastRenewal = now;
        for (Running &running : m_running)
            running.job.claimedUntil = now + m_leaseMs;
    }
    const qint64 timeoutMs = m_settings->integer("jobs/timeoutSeconds") * 1000;
    const QList<QString> ids = m_running.keys();
    for (const QString &id : ids) {
        // Measured from when this process took the job up: a job resumed after the application
        // was closed for a while gets the whole timeout again (its video may well be ready).
        const Running &running = m_running[id];
        const JobRecord job = running.job;
        if (now - running.startedHereMs > timeoutMs) {
            if (VideoProvider *provider = m_providers.value(job.provider))
                provider->cancel(id);
            finishWithError(job, QStringLiteral("timeout"),
                            tr("The video was not ready after %n minute(s); gave up waiting. "
                               "Raise jobs/timeoutSeconds if the provider is slow.",
                               nullptr, int(timeoutMs / 60000)));
        }
    }
    // Jobs this process waits for but another one runs: follow them in the store.
    const QList<QString> watched = m_watched.keys();
    for (const QString &id : watched) {
        const auto job = m_store->job(id);
        if (!job) {
            m_watched.remove(id);
            continue;
        }
        if (job->status == JobStatus::Completed) {
            m_watched.remove(id);
            Q_EMIT libraryChanged();
            Q_EMIT jobFinished(*job);
        } else if (isTerminal(job->status)) {
            m_watched.remove(id);
            Q_EMIT libraryChanged();
            Q_EMIT jobFailed(*job);
        } else if (job->progress > 0) {
            Q_EMIT jobProgress(id, job->progress, -1);
        }
    }
    schedule();
}

bool JobManager::cancel(const QString &jobId)
{
    if (m_running.contains(jobId)) {
        const JobRecord job = m_running.value(jobId).job;
        if (VideoProvider *provider = m_providers.value(job.provider))
            provider->cancel(jobId);
        finishWithError(job, QStringLiteral("cancelled"), tr("Cancelled."));
        return true;
    }
    if (m_store->cancelQueued(jobId, tr("Cancelled."), m_clock->nowMs())) {
        m_watched.remove(jobId);
        Q_EMIT libraryChanged();
        if (const auto job = m_store->job(jobId))
            Q_EMIT jobFailed(*job);
        return true;
    }
    return false;
}

void JobManager::onRemoteId(const QString &jobId, const QString &remoteId, const QString &requestId)
{
    auto it = m_running.find(jobId);
    if (it == m_running.end())
        return;
    it->job.remoteId = remoteId;
    it->job.requestId = requestId;
    it->job.status = JobStatus::Submitted;
    CrashPoint::hit("before-remote-id-commit");
    // Synchronous: the provider waits for nothing before this commit returns.
    if (!m_store->updateJob(it->job))
        qCCritical(lcJobs) << "could not record remote id" << remoteId << "of job" << jobId;
    CrashPoint::hit("after-remote-id-commit");
}

void JobManager::onProgress(const QString &jobId, int percent)
{
    auto it = m_running.find(jobId);
    if (it == m_running.end())
        return;
    percent = qBound(0, percent, 100);
    const bool statusChanged
            = it->job.status == JobStatus::Submitted || it->job.status == JobStatus::Creating;
    if (statusChanged)
        it->job.status = JobStatus::Running;
    // Persist in steps of 10 % so that status pages see movement without a write per frame.
    const bool persist = statusChanged || percent / 10 != it->job.progress / 10;
    it->job.progress = percent;
    if (persist)
        m_store->updateJob(it->job);
    CrashPoint::hit("progress");
    const qint64 elapsed = it->elapsed.elapsed();
    const qint64 msLeft = percent > 0 && percent < 100 ? elapsed * (100 - percent) / percent
                                                       : (percent >= 100 ? 0 : -1);
    Q_EMIT jobProgress(jobId, percent, msLeft);
}

void JobManager::onVideoDescribed(const QString &jobId, const QString &model, const QString &size,
                                  int seconds)
{
    auto it = m_running.find(jobId);
    if (it == m_running.end())
        return;
    it->billedModel = model;
    it->billedSize = parseVideoSize(size);
    it->billedSeconds = seconds;
}

double JobManager::actualCost(const VideoProvider *provider, const Running &running) const
{
    // From the price list, for the video the service says it made (model, size, seconds);
    // what was asked for when it did not say.
    if (!provider || !provider->isRemote())
        return 0;
    const JobRecord &job = running.job;
    const QString model = running.billedModel.isEmpty() ? job.model : running.billedModel;
    const QSize size = running.billedSize.isValid() ? running.billedSize : parseVideoSize(job.size);
    const int seconds = running.billedSeconds > 0 ? running.billedSeconds : job.seconds;
    const double cost = provider->estimateCost(model, size, seconds);
    // A model or size missing from the price list keeps the estimate made when it was ordered.
    return cost > 0 ? cost : job.estimatedCost;
}

// The first report of a download records the Downloading status, once; the bytes themselves are
// only signalled (a write per chunk would cost more than the download).
void JobManager::onDownloadProgress(const QString &jobId, qint64 bytesReceived, qint64 bytesTotal)
{
    auto it = m_running.find(jobId);
    if (it == m_running.end())
        return;
    if (it->job.status != JobStatus::Downloading) {
        it->job.status = JobStatus::Downloading;
        if (!m_store->updateJob(it->job))
            qCWarning(lcJobs) << "could not record that job" << jobId << "is downloading";
    }
    Q_EMIT jobDownloadProgress(jobId, bytesReceived, bytesTotal);
}

// The finished file is read, hashed, probed and flushed to disk on the thread pool (tens of
// milliseconds for a video, more on a slow disk), then renamed into the store here.
void JobManager::onFinished(const QString &jobId, const QString &filePath)
{
    if (!m_running.contains(jobId)) {
        removeTemporaries(filePath);
        return;
    }
    struct Verified
    {
        bool ok = false;
        VerifiedVideo video;
        QString error;
    };
    QtConcurrent::run([filePath] {
        Verified verified;
        verified.ok = VideoStore::verify(filePath, &verified.video, &verified.error);
        return verified;
    }).then(this, [this, jobId, filePath](const Verified &verified) {
        if (verified.ok)
            install(jobId, filePath, verified.video);
        else if (m_running.contains(jobId))
            finishWithError(m_running.value(jobId).job, QStringLiteral("invalid_video"),
                            verified.error);
        else
            removeTemporaries(filePath);
    });
}

void JobManager::install(const QString &jobId, const QString &filePath,
                         const VerifiedVideo &verified)
{
    VerifiedVideo video = verified;
    auto it = m_running.find(jobId);
    if (it == m_running.end()) { // cancelled while its file was checked
        removeTemporaries(filePath);
        return;
    }
    JobRecord job = it->job;
    const Running running = *it;
    CrashPoint::hit("before-rename");
    if (!m_videos->install(filePath, &video)) {
        finishWithError(job, QStringLiteral("invalid_video"), m_videos->errorString());
        return;
    }
    m_running.erase(it);
    const QString thumbnail = filePath + QStringLiteral(".webp");
    if (QFile::exists(thumbnail)) {
        const QString name = video.sha256 + QStringLiteral(".webp");
        if (m_videos->commitSidecar(thumbnail, name))
            job.thumbnailPath = name;
    }
    const VideoProvider *provider = m_providers.value(job.provider);
    job.status = JobStatus::Completed;
    job.progress = 100;
    job.completedAt = m_clock->nowMs();
    job.filePath = video.relativePath;
    job.bytes = video.bytes;
    job.sha256 = video.sha256;
    job.durationMs = video.durationMs;
    job.actualCost = actualCost(provider, running);
    job.errorCode.clear();
    job.errorMessage.clear();
    job.claimedBy.clear();
    job.claimedUntil = 0;
    CrashPoint::hit("after-rename");
    if (!m_store->updateJob(job)) {
        // The file is in place but unrecorded; keep it only if another job already uses it.
        if (!m_store->fileInUseByOther(job.filePath, job.id))
            m_videos->remove(job.filePath);
        job.status = JobStatus::Failed;
        job.errorCode = QStringLiteral("store_failed");
        job.errorMessage = m_store->errorString();
        Q_EMIT libraryChanged();
        Q_EMIT jobFailed(job);
    } else {
        qCInfo(lcJobs) << "job" << jobId << "completed:" << job.filePath << job.bytes << "bytes";
        // The library first, so that listeners of jobFinished find the video in it.
        Q_EMIT libraryChanged();
        Q_EMIT jobFinished(job);
        evictAfterNewVideo();
    }
    schedule();
}

void JobManager::onFailed(const QString &jobId, const ProviderError &error)
{
    auto it = m_running.find(jobId);
    if (it == m_running.end())
        return;
    JobRecord job = it->job;
    if (!error.requestId.isEmpty())
        job.requestId = error.requestId;
    finishWithError(job, error.code, error.message);
}

void JobManager::finishWithError(JobRecord job, const QString &code, const QString &message)
{
    const Running running = m_running.take(job.id);
    removeTemporaries(running.outputPath);
    if (code == QLatin1String("cancelled"))
        job.status = JobStatus::Cancelled;
    else if (isExpiredError(code))
        job.status = JobStatus::Expired;
    else
        job.status = JobStatus::Failed;
    job.errorCode = code;
    job.errorMessage = message;
    job.completedAt = m_clock->nowMs();
    job.claimedBy.clear();
    job.claimedUntil = 0;
    m_store->updateJob(job);
    qCWarning(lcJobs) << "job" << job.id << "ended:" << code << message;
    Q_EMIT libraryChanged();
    Q_EMIT jobFailed(job);
    schedule();
}

void JobManager::removeTemporaries(const QString &outputPath)
{
    if (outputPath.isEmpty())
        return;
    QFile::remove(outputPath);
    QFile::remove(outputPath + QStringLiteral(".webp"));
    QFile::remove(outputPath + QStringLiteral(".part"));
}

void JobManager::removeIfUnused(const QString &jobId)
{
    if (m_running.contains(jobId) || m_store->linkCount(jobId) != 0)
        return;
    const auto job = m_store->job(jobId);
    if (!job || !isTerminal(job->status))
        return;
    if (!job->filePath.isEmpty() && !m_store->fileInUseByOther(job->filePath, jobId))
        m_videos->remove(job->filePath);
    if (!job->thumbnailPath.isEmpty())
        m_videos->remove(job->thumbnailPath);
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

bool JobManager::removeVideo(const QString &jobId, QString *error)
{
    const auto job = m_store->job(jobId);
    if (!job) {
        if (error)
            *error = tr("This video is no longer in the cache.");
        return false;
    }
    if (m_running.contains(jobId) || !isTerminal(job->status)) {
        if (error)
            *error = tr("This video is still being generated; cancel it first.");
        return false;
    }
    if (!job->filePath.isEmpty() && !m_store->fileInUseByOther(job->filePath, jobId))
        m_videos->remove(job->filePath);
    if (!job->thumbnailPath.isEmpty())
        m_videos->remove(job->thumbnailPath);
    if (!m_store->deleteJob(jobId)) {
        if (error)
            *error = m_store->errorString();
        return false;
    }
    Q_EMIT libraryChanged();
    return true;
}

int JobManager::clearAll(QString *error)
{
    int removed = 0;
    const QList<LibraryEntry> all = m_store->library(INT_MAX, 0);
    for (const LibraryEntry &entry : all) {
        if (m_running.contains(entry.job.id) || !isTerminal(entry.job.status))
            continue;
        if (!entry.job.filePath.isEmpty())
            m_videos->remove(entry.job.filePath);
        if (!entry.job.thumbnailPath.isEmpty())
            m_videos->remove(entry.job.thumbnailPath);
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

int JobManager::evict()
{
    const int removed = evictFrom(m_store, m_videos, m_settings->integer("cache/maxBytes"),
                                  m_settings->integer("cache/maxAgeDays"), m_clock->nowMs());
    return removed;
}

void JobManager::evictAfterNewVideo()
{
    if (!m_evictionWorker) {
        evict();
        return;
    }
    const qint64 maxBytes = m_settings->integer("cache/maxBytes");
    const qint64 maxAgeDays = m_settings->integer("cache/maxAgeDays");
    if (maxBytes <= 0 && maxAgeDays <= 0)
        return;
    const qint64 now = m_clock->nowMs();
    m_evictionWorker->run<int>(
            this,
            [maxBytes, maxAgeDays, now](JobStore &store, VideoStore &videos) {
                return evictFrom(&store, &videos, maxBytes, maxAgeDays, now);
            },
            [this](const int &removed) {
                if (removed > 0)
                    Q_EMIT libraryChanged();
            });
}

int JobManager::evictFrom(JobStore *store, VideoStore *videos, qint64 maxBytes, qint64 maxAgeDays,
                          qint64 now)
{
    if (maxBytes <= 0 && maxAgeDays <= 0)
        return 0;
    // The most recently used video always stays, under both caps: a video just made or just
    // watched is never evicted by making it, however large it is and however long the program
    // was closed.
    const QString keep = store->mostRecentlyUsedId();
    int removed = 0;
    int skipped = 0; // videos that could not be removed; they stay at the head of the list
    auto drop = [&](const JobRecord &job) {
        if (!job.filePath.isEmpty() && !store->fileInUseByOther(job.filePath, job.id)
            && !videos->remove(job.filePath)) {
            // The row stays with its file, so that nothing on disk goes untracked; the next
            // eviction tries again.
            qCWarning(lcJobs).noquote()
                    << "cannot evict" << job.id << ":" << videos->absolutePath(job.filePath)
                    << "cannot be deleted";
            ++skipped;
            return false;
        }
        if (!job.thumbnailPath.isEmpty())
            videos->remove(job.thumbnailPath);
        if (!store->deleteJob(job.id)) {
            ++skipped;
            return false;
        }
        ++removed;
        qCInfo(lcJobs) << "evicted" << job.id << job.bytes << "bytes";
        return true;
    };
    auto lastUsed = [](const JobRecord &job) {
        return job.lastAccessedAt ? job.lastAccessedAt
                                  : (job.completedAt ? job.completedAt : job.createdAt);
    };
    // Each pass walks the videos from the least recently used once: every video is looked at
    // at most once, so a file that cannot be deleted cannot keep the loop going.
    constexpr int kPage = 200;
    if (maxAgeDays > 0) {
        const qint64 limit = now - maxAgeDays * 24 * 3600 * 1000;
        bool done = false;
        skipped = 0;
        while (!done) {
            const QList<JobRecord> page = store->leastRecentlyUsed(kPage, skipped);
            done = page.isEmpty();
            for (const JobRecord &job : page) {
                if (job.id == keep || lastUsed(job) >= limit) {
                    done = true;
                    break;
                }
                drop(job);
            }
        }
    }
    if (maxBytes > 0) {
        qint64 total = store->totalBytes();
        bool done = false;
        skipped = 0;
        while (!done && total > maxBytes) {
            const QList<JobRecord> page = store->leastRecentlyUsed(kPage, skipped);
            done = page.isEmpty();
            for (const JobRecord &job : page) {
                if (job.id == keep || total <= maxBytes) {
                    done = true;
                    break;
                }
                if (drop(job))
                    total -= job.bytes;
            }
        }
    }
    return removed;
}

CostSummary JobManager::costs()
{
    CostSummary summary;
    const QDateTime now = m_clock->now().toLocalTime();
    const qint64 dayStart = now.date().startOfDay().toMSecsSinceEpoch();
    const qint64 monthStart
            = QDate(now.date().year(), now.date().month(), 1).startOfDay().toMSecsSinceEpoch();
    const auto today = m_store->spentSince(dayStart);
    const auto thisMonth = m_store->spentSince(monthStart);
    summary.readable = today && thisMonth;
    summary.today = today.value_or(0);
    summary.thisMonth = thisMonth.value_or(0);
    summary.dailyCap = m_settings->number("budget/dailyUsd");
    summary.monthlyCap = m_settings->number("budget/monthlyUsd");
    const qint64 yearAgo = now.addDays(-400).toMSecsSinceEpoch();
    QMap<QString, double> days;
    QMap<QString, double> months;
    QMap<qint64, double> runs;
    const QString firstDay = now.date().addDays(-30).toString(Qt::ISODate);
    for (const JobRecord &job : m_store->paidJobs(yearAgo)) {
        const QDate date = QDateTime::fromMSecsSinceEpoch(job.completedAt).toLocalTime().date();
        const QString day = date.toString(Qt::ISODate);
        const double cost = JobStore::costOf(job);
        if (day >= firstDay)
            days[day] += cost;
        months[date.toString(QStringLiteral("yyyy-MM"))] += cost;
        runs[job.runId] += cost;
    }
    for (auto it = days.cbegin(); it != days.cend(); ++it)
        summary.perDay.append({it.key(), it.value()});
    for (auto it = months.cbegin(); it != months.cend(); ++it)
        summary.perMonth.append({it.key(), it.value()});
    for (auto it = runs.cbegin(); it != runs.cend(); ++it)
        summary.perRun.append({it.key(), it.value()});
    return summary;
}
