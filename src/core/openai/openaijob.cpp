#include "openaijob.h"

#include "clock.h"
#include "openailog.h"
#include "settings.h"

#include <QDateTime>
#include <QFile>

namespace {

constexpr qint64 kMaxPollDelayMs = 60'000;

} // namespace

OpenAIJob::OpenAIJob(OpenAIClient *client, const Clock *clock, ProviderRequest request,
                     Options options, QObject *parent)
    : QObject(parent)
    , m_client(client)
    , m_clock(clock)
    , m_request(std::move(request))
    , m_options(std::move(options))
{
    if (!m_options.delay)
        m_options.delay = openAIDefaultDelay();
}

OpenAIJob::~OpenAIJob()
{
    if (m_call)
        m_call->abort();
}

qint64 OpenAIJob::nowMs() const
{
    return m_clock ? m_clock->nowMs() : QDateTime::currentMSecsSinceEpoch();
}

void OpenAIJob::start()
{
    m_deadlineMs = nowMs() + m_options.config.jobTimeoutMs;
    m_pollDelayMs = m_options.config.pollIntervalMs;
    if (m_request.remoteId.isEmpty()) {
        if (m_request.mayHaveCreated)
            lookForEarlierCreate();
        else
            create();
        return;
    }
    // Resuming a job the service accepted before a restart: never create it again.
    m_remoteId = m_request.remoteId;
    m_client->rememberVideoId(m_remoteId);
    qCInfo(lcOpenAI) << "resuming" << m_request.jobId << "as remote job" << m_remoteId;
    poll();
}

OpenAICreateParams OpenAIJob::createParams() const
{
    OpenAICreateParams params;
    params.prompt = m_request.prompt.isEmpty() ? m_request.drillText : m_request.prompt;
    params.model = m_request.model;
    params.size = formatVideoSize(m_request.size);
    params.seconds = m_request.seconds;
    return params;
}

void OpenAIJob::lookForEarlierCreate()
{
    // An earlier attempt may have sent its create and died before recording the answer.
    m_call = m_client->findCreated(createParams(), m_request.createdAfterMs);
    connect(m_call, &OpenAICall::finished, this, [this, call = m_call.data()] {
        m_call = nullptr;
        if (!call->isOk()) {
            // Unknown whether the job exists: do not risk paying twice.
            fail(call->error());
            return;
        }
        if (call->json().isEmpty()) {
            create();
            return;
        }
        onCreated(call);
    });
}

void OpenAIJob::create()
{
    m_call = m_client->create(createParams());
    connect(m_call, &OpenAICall::finished, this, [this, call = m_call.data()] { onCreated(call); });
}

void OpenAIJob::onCreated(OpenAICall *call)
{
    m_call = nullptr;
    if (!call->isOk()) {
        fail(call->error());
        return;
    }
    if (m_done)
        return;
    const OpenAIVideo video = call->video();
    m_remoteId = video.id;
    m_requestId = call->requestId();
    qCInfo(lcOpenAI) << "job" << m_request.jobId << "accepted as" << m_remoteId
                     << (call->adopted() ? "(found after a lost answer)" : "") << "request id"
                     << m_requestId;
    // JobManager stores the id synchronously, before anything waits.
    Q_EMIT remoteIdAssigned(m_request.jobId, m_remoteId, m_requestId);
    if (m_done)
        return;
    handleVideo(video, m_requestId, 0);
}

void OpenAIJob::poll()
{
    if (m_done)
        return;
    if (nowMs() >= m_deadlineMs) {
        OpenAIError error = OpenAIError::make(OpenAIError::Kind::JobTimeout);
        error.retryable = true;
        fail(error);
        return;
    }
    m_call = m_client->retrieve(m_remoteId);
    connect(m_call, &OpenAICall::finished, this, [this, call = m_call.data()] { onPolled(call); });
}

void OpenAIJob::onPolled(OpenAICall *call)
{
    m_call = nullptr;
    if (!call->isOk()) {
        const OpenAIError &error = call->error();
        // A paid job is not given up for a passing network or server problem.
        if (error.retryable) {
            qCInfo(lcOpenAI) << "poll of" << m_remoteId << "failed:" << error.code()
                             << "; polling on";
            schedulePoll(0);
            return;
        }
        fail(error);
        return;
    }
    bool ok = false;
    const qint64 pollAfter = call->rawHeader("openai-poll-after-ms").trimmed().toLongLong(&ok);
    handleVideo(call->video(), call->requestId(), ok ? pollAfter : 0);
}

void OpenAIJob::handleVideo(const OpenAIVideo &video, const QString &requestId, qint64 pollAfterMs)
{
    if (video.isValid() && video.id != m_remoteId)
        qCWarning(lcOpenAI) << "the service answered for" << video.id << "instead of" << m_remoteId;
    if (video.progress != m_progress && (video.isPending() || video.isCompleted())) {
        m_progress = video.progress;
        Q_EMIT progressChanged(m_request.jobId, video.isCompleted() ? 99 : qMin(m_progress, 99));
    }
    if (video.isPending()) {
        schedulePoll(pollAfterMs);
        return;
    }
    if (video.isCompleted()) {
        // What the service says it made is what it bills; fall back to what was asked for.
        Q_EMIT videoDescribed(
                m_request.jobId, video.model.isEmpty() ? m_request.model : video.model,
                video.size.isEmpty() ? formatVideoSize(m_request.size) : video.size,
                video.seconds.toInt() > 0 ? video.seconds.toInt() : m_request.seconds);
        // Content expires: download at once, before anything else.
        download();
        return;
    }
    OpenAIError error = OpenAIError::fromJob(video);
    error.requestId = requestId;
    fail(error);
}

void OpenAIJob::schedulePoll(qint64 pollAfterMs)
{
    qint64 delay = pollAfterMs > 0 ? pollAfterMs : m_pollDelayMs;
    if (pollAfterMs <= 0) {
        m_pollDelayMs
                = qMin<qint64>(m_pollDelayMs * 3 / 2,
                               qMax<qint64>(m_options.config.pollIntervalMs, kMaxPollDelayMs));
    }
    delay = qBound<qint64>(0, delay, qMax<qint64>(0, m_deadlineMs - nowMs()));
    m_options.delay(delay, this, [this] { poll(); });
}

void OpenAIJob::download()
{
    if (m_done)
        return;
    ++m_downloadAttempts;
    m_call = m_client->download(m_remoteId, OpenAIVariant::Video, m_request.outputPath);
    // Reported at once, so that listeners know the download has begun before the first byte.
    Q_EMIT downloadProgress(m_request.jobId, 0, -1);
    connect(m_call, &OpenAICall::downloadProgress, this, [this](qint64 written, qint64 total) {
        Q_EMIT downloadProgress(m_request.jobId, written, total);
    });
    connect(m_call, &OpenAICall::finished, this,
            [this, call = m_call.data()] { onDownloaded(call); });
}

void OpenAIJob::onDownloaded(OpenAICall *call)
{
    m_call = nullptr;
    if (call->isOk()) {
        qCInfo(lcOpenAI) << "downloaded" << m_remoteId << call->bytesWritten() << "bytes";
        if (m_options.downloadThumbnail)
            downloadThumbnail();
        else
            succeed();
        return;
    }
    const OpenAIError &error = call->error();
    if (error.retryable && m_downloadAttempts < m_options.maxDownloadAttempts) {
        // Only the download is repeated; the video is never created again.
        const qint64 delay = qMin<qint64>(1000LL << m_downloadAttempts, 16'000);
        qCInfo(lcOpenAI) << "download of" << m_remoteId << "failed:" << error.code()
                         << "; trying again in" << delay << "ms";
        m_options.delay(delay, this, [this] { download(); });
        return;
    }
    fail(error);
}

void OpenAIJob::downloadThumbnail()
{
    m_call = m_client->download(m_remoteId, OpenAIVariant::Thumbnail,
                                m_request.outputPath + QStringLiteral(".webp"));
    connect(m_call, &OpenAICall::finished, this, [this, call = m_call.data()] {
        m_call = nullptr;
        if (!call->isOk())
            qCInfo(lcOpenAI) << "no thumbnail for" << m_remoteId << ':' << call->error().code();
        succeed();
    });
}

void OpenAIJob::succeed()
{
    if (m_done)
        return;
    m_done = true;
    Q_EMIT progressChanged(m_request.jobId, 100);
    Q_EMIT finished(m_request.jobId, m_request.outputPath);
}

void OpenAIJob::fail(OpenAIError error)
{
    if (m_done)
        return;
    m_done = true;
    if (error.requestId.isEmpty())
        error.requestId = m_requestId;
    qCWarning(lcOpenAI).noquote() << "job" << m_request.jobId << "remote" << m_remoteId
                                  << "failed:" << error.code() << "HTTP" << error.httpStatus
                                  << "request id" << error.requestId;
    Q_EMIT failed(m_request.jobId, error.toProviderError());
}
