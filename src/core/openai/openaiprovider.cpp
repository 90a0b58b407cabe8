#include "openaiprovider.h"

#include "openaijob.h"
#include "openaikeychain.h"
#include "openailog.h"
#include "settings.h"

#include <QMetaObject>

OpenAIProvider::OpenAIProvider(Settings *settings, const Clock *clock, QObject *parent)
    : VideoProvider(parent)
    , m_settings(settings)
    , m_clock(clock)
    , m_client(new OpenAIClient(clock, this))
    , m_delay(openAIDefaultDelay())
{ }

OpenAIProvider::~OpenAIProvider()
{
    // Jobs abort their calls before the client goes.
    const QList<OpenAIJob *> jobs = m_jobs.values();
    m_jobs.clear();
    qDeleteAll(jobs);
}

void OpenAIProvider::setDelayFunction(OpenAIDelay delay)
{
    m_delay = delay;
    m_client->setDelayFunction(std::move(delay));
}

OpenAIConfig OpenAIProvider::currentConfig() const
{
    OpenAIConfig config = OpenAIConfig::fromSettings(*m_settings);
    if (m_baseUrlOverride.isValid() && !m_baseUrlOverride.isEmpty())
        config.baseUrl = m_baseUrlOverride;
    return config;
}

double OpenAIProvider::estimateCost(const QString &model, QSize size, int seconds) const
{
    // Entries "model:WxH=dollars per second".
    const QString wanted = model.trimmed() + QLatin1Char(':') + formatVideoSize(size);
    for (const QString &entry : m_settings->list("openai/prices")) {
        const qsizetype equals = entry.indexOf(QLatin1Char('='));
        if (equals < 0)
            continue;
        const QString key = entry.left(equals).remove(QLatin1Char(' '));
        if (key.compare(wanted, Qt::CaseInsensitive) == 0)
            return entry.mid(equals + 1).trimmed().toDouble() * seconds;
    }
    return 0;
}

void OpenAIProvider::failLater(const QString &jobId, const OpenAIError &error)
{
    // Never from inside start(): JobManager may be iterating its queue.
    QMetaObject::invokeMethod(
            this, [this, jobId, error] { Q_EMIT failed(jobId, error.toProviderError()); },
            Qt::QueuedConnection);
}

void OpenAIProvider::start(const ProviderRequest &request)
{
    const OpenAIConfig config = currentConfig();
    // Every call carries the key, so an unencrypted address is refused before any is sent.
    if (const QString refusal = config.checkTransport(); !refusal.isEmpty()) {
        qCWarning(lcOpenAI).noquote() << refusal;
        OpenAIError error = OpenAIError::make(OpenAIError::Kind::InvalidParameter);
        error.message = refusal;
        failLater(request.jobId, error);
        return;
    }
    if (config.sendsKeyInClearText())
        qCWarning(lcOpenAI).noquote() << config.insecureWarning();
    if (request.remoteId.isEmpty()) {
        const QString problem = config.checkRequest(request.size, request.seconds);
        if (!problem.isEmpty()) {
            OpenAIError error = OpenAIError::make(OpenAIError::Kind::InvalidParameter);
            error.message = problem;
            failLater(request.jobId, error);
            return;
        }
    }
    const QString key = OpenAIApiKey::fromEnvironmentOrFile(m_settings->string("openai/envFile"));
    if (!key.isEmpty()) {
        startWithKey(request, key);
        return;
    }
    if (!m_keychainKey.isEmpty()) {
        startWithKey(request, m_keychainKey);
        return;
    }
    if (!m_keychainEnabled || !OpenAIKeychain::isAvailable()) {
        failLater(request.jobId, OpenAIError::make(OpenAIError::Kind::NoKey));
        return;
    }
    m_waitingForKey.append(request);
    if (m_keychainReading)
        return;
    m_keychainReading = true;
    if (!m_keychain) {
        m_keychain = new OpenAIKeychain(this);
        connect(m_keychain, &OpenAIKeychain::keyRead, this, &OpenAIProvider::onKeychainRead);
    }
    m_keychain->read();
}

void OpenAIProvider::onKeychainRead(const QString &key, const QString &)
{
    m_keychainReading = false;
    m_keychainKey = key;
    const QList<ProviderRequest> waiting = std::exchange(m_waitingForKey, {});
    for (const ProviderRequest &request : waiting) {
        if (key.isEmpty())
            Q_EMIT failed(request.jobId,
                          OpenAIError::make(OpenAIError::Kind::NoKey).toProviderError());
        else
            startWithKey(request, key);
    }
}

void OpenAIProvider::startWithKey(const ProviderRequest &request, const QString &key)
{
    OpenAIConfig config = currentConfig();
    config.apiKey = key;
    m_client->setConfig(config);
    qCDebug(lcOpenAI) << "starting" << request.jobId << "with" << config;
    OpenAIJob::Options options;
    options.config = config;
    options.delay = m_delay;
    options.downloadThumbnail = m_downloadThumbnails;
    auto *job = new OpenAIJob(m_client, m_clock, request, options, this);
    m_jobs.insert(request.jobId, job);
    connect(job, &OpenAIJob::remoteIdAssigned, this, &VideoProvider::remoteIdAssigned);
    connect(job, &OpenAIJob::progressChanged, this, &VideoProvider::progressChanged);
    connect(job, &OpenAIJob::videoDescribed, this, &VideoProvider::videoDescribed);
    connect(job, &OpenAIJob::downloadProgress, this, &VideoProvider::downloadProgress);
    connect(job, &OpenAIJob::finished, this, [this](const QString &jobId, const QString &path) {
        onJobEnded(jobId);
        Q_EMIT finished(jobId, path);
    });
    connect(job, &OpenAIJob::failed, this,
            [this](const QString &jobId, const ProviderError &error) {
                onJobEnded(jobId);
                Q_EMIT failed(jobId, error);
            });
    job->start();
}

void OpenAIProvider::onJobEnded(const QString &jobId)
{
    if (OpenAIJob *job = m_jobs.take(jobId))
        job->deleteLater();
}

void OpenAIProvider::cancel(const QString &jobId)
{
    // There is no remote cancel: stop polling; the service may still finish (and bill) the job.
    bool known = false;
    if (OpenAIJob *job = m_jobs.take(jobId)) {
        delete job;
        known = true;
    }
    for (qsizetype i = m_waitingForKey.size() - 1; i >= 0; --i) {
        if (m_waitingForKey.at(i).jobId == jobId) {
            m_waitingForKey.removeAt(i);
            known = true;
        }
    }
    if (known)
        failLater(jobId, OpenAIError::make(OpenAIError::Kind::Cancelled));
}
