#include "openaiclient.h"

#include "crashpoint.h"

#include "clock.h"
#include "openailog.h"
#include "settings.h"

#include <QDateTime>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QLocale>
#include <QNetworkAccessManager>
#include <QNetworkRequest>
#include <QRandomGenerator>
#include <QTimer>
#include <QUrlQuery>

#include <chrono>
#include <climits>
#include <cstring>

Q_LOGGING_CATEGORY(lcOpenAI, "drillstudio.openai", QtInfoMsg)

namespace {

constexpr int kMaxRedirects = 10;
// A download that keeps making progress may resume beyond openai/maxRetries, up to this.
constexpr int kMaxAttemptsWithProgress = 25;
constexpr qint64 kMaxJsonBytes = 16 * 1024 * 1024;
// How far before the first send a job found by listing may have been created (clock skew).
constexpr qint64 kCreateSkewSeconds = 300;
constexpr int kMaxLookupPages = 5;
constexpr qint64 kMaxHonouredRetryAfterMs = 60'000;

// A request body that can be read once and never rewound. Qt's HTTP layer silently sends a
// request again when a connection closes before the answer; for a create that would be a second
// paid job. A body that refuses reset() turns that into ContentReSendError, which this client
// handles by looking for the job first.
class OneShotBody final : public QIODevice
{
public:
    OneShotBody(QByteArray data, QObject *parent)
        : QIODevice(parent)
        , m_data(std::move(data))
    {
        open(QIODevice::ReadOnly);
    }
    bool isSequential() const override { return true; }
    bool reset() override { return false; }
    qint64 bytesAvailable() const override
    {
        return m_data.size() - m_position + QIODevice::bytesAvailable();
    }
    qint64 size() const override { return m_data.size(); }
    bool atEnd() const override { return m_position >= m_data.size() && QIODevice::atEnd(); }

protected:
    qint64 readData(char *data, qint64 maxSize) override
    {
        const qint64 count = qMin(maxSize, qint64(m_data.size()) - m_position);
        if (count <= 0)
            return m_position >= m_data.size() ? -1 : 0;
        memcpy(data, m_data.constData() + m_position, size_t(count));
        m_position += count;
        return count;
    }
    qint64 writeData(const char *, qint64) override { return -1; }

private:
    QByteArray m_data;
    qint64 m_position = 0;
};

bool isRedirect(int status)
{
    return status == 301 || status == 302 || status == 303 || status == 307 || status == 308;
}

// "Sun, 06 Nov 1994 08:49:37 GMT" (IMF-fixdate), else what RFC 2822 parsing accepts.
QDateTime parseHttpDate(const QByteArray &text)
{
    QString value = QString::fromLatin1(text).trimmed();
    if (value.endsWith(QLatin1String(" GMT")) || value.endsWith(QLatin1String(" UTC")))
        value.chop(4);
    QDateTime when = QLocale::c().toDateTime(value, QStringLiteral("ddd, dd MMM yyyy HH:mm:ss"));
    if (when.isValid()) {
        when.setTimeSpec(Qt::UTC);
        return when;
    }
    return QDateTime::fromString(QString::fromLatin1(text).trimmed(), Qt::RFC2822Date);
}

QString methodName(const QByteArray &method)
{
    return QString::fromLatin1(method);
}

} // namespace

OpenAIDelay openAIDefaultDelay()
{
    return [](qint64 ms, QObject *context, std::function<void()> then) {
        QTimer::singleShot(std::chrono::milliseconds(qMax<qint64>(0, ms)), context,
                           std::move(then));
    };
}

// ---------------------------------------------------------------------------------------------

OpenAICall::OpenAICall(OpenAIClient *client, Operation operation, QByteArray method, QUrl url,
                       QObject *parent)
    : QObject(parent)
    , m_client(client)
    , m_config(client->config())
    , m_operation(operation)
    , m_method(std::move(method))
    , m_url(std::move(url))
{ }

OpenAICall::~OpenAICall()
{
    dropReply();
    delete m_lookup.data();
}

QByteArray OpenAICall::rawHeader(const QByteArray &name) const
{
    for (const auto &pair : m_headers) {
        if (pair.first.compare(name, Qt::CaseInsensitive) == 0)
            return pair.second;
    }
    return {};
}

void OpenAICall::abort()
{
    if (m_finished)
        return;
    m_finished = true;
    dropReply();
    if (m_lookup)
        m_lookup->abort();
    if (m_file) {
        m_file->close();
        QFile::remove(m_filePath);
    }
    deleteLater();
}

void OpenAICall::dropReply()
{
    if (!m_reply)
        return;
    QNetworkReply *reply = m_reply;
    m_reply = nullptr;
    reply->disconnect(this);
    reply->abort();
    reply->deleteLater();
}

void OpenAICall::start()
{
    if (m_lookupOnly) {
        lookForCreatedJob({}, 0);
        return;
    }
    m_firstSentMs = m_client->nowMs();
    if (m_operation == Operation::Download) {
        m_file = std::make_unique<QFile>(m_filePath);
        if (!m_file->open(QIODevice::WriteOnly | QIODevice::Truncate)) {
            finishLater(OpenAIError::make(OpenAIError::Kind::LocalFile, m_file->errorString()));
            return;
        }
    }
    ++m_attempts;
    send(m_url, m_method, !m_body.isEmpty());
}

void OpenAICall::resend()
{
    if (m_finished)
        return;
    ++m_attempts;
    m_hops = 0;
    send(m_url, m_method, !m_body.isEmpty());
}

void OpenAICall::send(const QUrl &url, const QByteArray &method, bool withBody)
{
    m_status = 0;
    m_headers.clear();
    m_responseBody.clear();
    m_bodyStarted = false;
    m_currentMethod = method;
    m_writtenAtAttemptStart = m_written;
    // Credentials go only to the configured origin, never to a host a redirect names.
    m_sendCredentials = OpenAIClient::sameOrigin(url, m_config.baseUrl);
    QNetworkRequest request = OpenAIClient::buildRequest(url, m_config, m_sendCredentials,
                                                         m_operation != Operation::Download);
    if (withBody) {
        request.setHeader(QNetworkRequest::ContentTypeHeader, m_contentType);
        request.setHeader(QNetworkRequest::ContentLengthHeader, m_body.size());
        request.setAttribute(QNetworkRequest::DoNotBufferUploadDataAttribute, true);
    }
    if (m_operation == Operation::Download) {
        // Plain bytes, so that a byte range means the same on both sides.
        request.setRawHeader("Accept-Encoding", "identity");
        if (m_written > 0) {
            request.setRawHeader("Range", "bytes=" + QByteArray::number(m_written) + '-');
            if (!m_validator.isEmpty())
                request.setRawHeader("If-Range", m_validator);
        }
    }
    qCDebug(lcOpenAI).noquote() << methodName(method) << url.toDisplayString()
                                << (m_sendCredentials ? "" : "(without credentials)") << "attempt"
                                << m_attempts;
    QNetworkAccessManager *network = m_client->networkAccess();
    QNetworkReply *reply = nullptr;
    if (withBody) {
        auto *body = new OneShotBody(m_body, nullptr);
        reply = network->sendCustomRequest(request, method, body);
        body->setParent(reply);
    } else if (method == "GET") {
        reply = network->get(request);
    } else {
        reply = network->sendCustomRequest(request, method);
    }
    reply->setParent(this);
    if (m_operation == Operation::Download)
        reply->setReadBufferSize(1024 * 1024);
    connect(reply, &QNetworkReply::readyRead, this, &OpenAICall::onReadyRead);
    connect(reply, &QNetworkReply::finished, this, &OpenAICall::onReplyFinished);
    m_reply = reply;
}

bool OpenAICall::beginBody(int status)
{
    m_bodyStarted = true;
    QByteArray validator = m_reply->rawHeader("ETag");
    if (validator.startsWith("W/"))
        validator.clear();
    if (validator.isEmpty())
        validator = m_reply->rawHeader("Last-Modified");
    if (status == 206) {
        // "bytes START-END/TOTAL"
        const QByteArray range = m_reply->rawHeader("Content-Range").trimmed();
        const QByteArray spec = range.mid(range.indexOf(' ') + 1);
        const qint64 start = spec.left(spec.indexOf('-')).toLongLong();
        const QByteArray total = spec.mid(spec.indexOf('/') + 1);
        if (!range.startsWith("bytes ") || start != m_written) {
            // Not the part asked for: start again from the first byte.
            qCInfo(lcOpenAI) << "unexpected Content-Range" << range << "; downloading again";
            dropReply();
            m_file->resize(0);
            m_file->seek(0);
            m_written = 0;
            m_validator.clear();
            ++m_attempts;
            send(m_url, m_method, false);
            return false;
        }
        m_expectedTotal = total == "*" ? -1 : total.toLongLong();
        qCInfo(lcOpenAI) << "resuming download at byte" << m_written;
    } else {
        if (m_written > 0) {
            m_file->resize(0);
            m_file->seek(0);
            m_written = 0;
        }
        const QVariant length = m_reply->header(QNetworkRequest::ContentLengthHeader);
        m_expectedTotal = length.isValid() ? length.toLongLong() : -1;
    }
    if (m_expectedTotal > m_config.maxDownloadBytes) {
        dropReply();
        finishWith(OpenAIError::make(OpenAIError::Kind::TooLarge));
        return false;
    }
    m_validator = validator;
    return true;
}

void OpenAICall::onReadyRead()
{
    if (!m_reply || !m_reply->isOpen())
        return;
    const int status = m_reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    if (m_operation == Operation::Download && (status == 200 || status == 206)) {
        if (!m_bodyStarted && !beginBody(status))
            return;
        const QByteArray chunk = m_reply->readAll();
        if (chunk.isEmpty())
            return;
        if (m_expectedTotal >= 0 && m_written + chunk.size() > m_expectedTotal) {
            // More than announced (a connection layer that sent the request again and appends
            // the whole body): start over from the first byte.
            dropReply();
            m_file->resize(0);
            m_file->seek(0);
            m_written = 0;
            m_validator.clear();
            handleFailure(OpenAIError::make(OpenAIError::Kind::Network,
                                            tr("the download was longer than announced")),
                          false, false);
            return;
        }
        if (m_written + chunk.size() > m_config.maxDownloadBytes) {
            dropReply();
            finishWith(OpenAIError::make(OpenAIError::Kind::TooLarge));
            return;
        }
        if (m_file->write(chunk) != chunk.size()) {
            const QString reason = m_file->errorString();
            dropReply();
            finishWith(OpenAIError::make(OpenAIError::Kind::LocalFile, reason));
            return;
        }
        m_written += chunk.size();
        CrashPoint::hit("download");
        Q_EMIT downloadProgress(m_written, m_expectedTotal);
        return;
    }
    const QByteArray chunk = m_reply->readAll();
    if (m_responseBody.size() + chunk.size() > kMaxJsonBytes) {
        dropReply();
        finishWith(OpenAIError::make(OpenAIError::Kind::InvalidResponse,
                                     tr("the answer is larger than %1 bytes").arg(kMaxJsonBytes)));
        return;
    }
    m_responseBody += chunk;
}

void OpenAICall::onReplyFinished()
{
    QNetworkReply *reply = m_reply;
    onReadyRead(); // what is left in the buffer
    if (!reply || m_finished || m_reply != reply)
        return;
    const int status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    const QNetworkReply::NetworkError networkError = reply->error();
    const bool transport = networkError != QNetworkReply::NoError
            && (status == 0 || (status >= 200 && status < 300));
    // An empty body never passed through onReadyRead.
    if (m_operation == Operation::Download && !transport && (status == 200 || status == 206)
        && !m_bodyStarted && !beginBody(status))
        return;
    m_reply = nullptr;
    reply->disconnect(this);
    reply->deleteLater();
    m_status = status;
    m_headers = reply->rawHeaderPairs();
    m_requestId = QString::fromLatin1(rawHeader("x-request-id"));
    qCDebug(lcOpenAI).noquote() << methodName(m_currentMethod) << reply->url().toDisplayString()
                                << "->" << status << networkError << "request id" << m_requestId;

    if (isRedirect(status) && reply->hasRawHeader("Location")) {
        if (++m_hops > kMaxRedirects) {
            finishWith(OpenAIError::make(OpenAIError::Kind::Network, tr("too many redirects")));
            return;
        }
        const QUrl next = reply->url().resolved(QUrl::fromEncoded(reply->rawHeader("Location")));
        if (!next.isValid()
            || (next.scheme() != QLatin1String("https")
                && next.scheme() != QLatin1String("http"))) {
            finishWith(OpenAIError::make(OpenAIError::Kind::InvalidResponse,
                                         tr("a redirect to an unusable address")));
            return;
        }
        QByteArray method = m_currentMethod;
        if (status == 303 || ((status == 301 || status == 302) && method == "POST"))
            method = "GET";
        const bool withBody = method != "GET" && method != "DELETE" && !m_body.isEmpty();
        send(next, method, withBody);
        return;
    }

    if (!transport && status >= 200 && status < 300) {
        if (m_operation == Operation::Download) {
            m_file->flush();
            if (m_expectedTotal < 0 || m_written == m_expectedTotal) {
                finishWith({});
                return;
            }
            OpenAIError error
                    = OpenAIError::make(OpenAIError::Kind::Network, tr("the download ended early"));
            error.requestId = m_requestId;
            handleFailure(error, false, m_written > m_writtenAtAttemptStart);
            return;
        }
        QJsonParseError parseError;
        const QJsonDocument document = QJsonDocument::fromJson(m_responseBody, &parseError);
        if (!document.isObject()) {
            OpenAIError error = OpenAIError::make(OpenAIError::Kind::InvalidResponse,
                                                  parseError.errorString());
            error.httpStatus = status;
            error.requestId = m_requestId;
            finishWith(error);
            return;
        }
        m_json = document.object();
        if (m_operation == Operation::Create || m_operation == Operation::Remix) {
            const QString id = m_json.value(QLatin1StringView("id")).toString();
            if (id.isEmpty()) {
                OpenAIError error = OpenAIError::make(OpenAIError::Kind::InvalidResponse,
                                                      tr("the answer has no job id"));
                error.httpStatus = status;
                error.requestId = m_requestId;
                finishWith(error);
                return;
            }
            m_client->rememberVideoId(id);
        }
        finishWith({});
        return;
    }

    OpenAIError error;
    if (transport || status == 0) {
        error = OpenAIError::fromNetwork(networkError, reply->errorString());
    } else {
        error = OpenAIError::fromHttp(status, m_responseBody, m_requestId,
                                      m_operation == Operation::Download);
        // The server's word on retrying wins over the status code.
        const QByteArray shouldRetry = rawHeader("x-should-retry").trimmed().toLower();
        if (shouldRetry == "true")
            error.retryable = true;
        else if (shouldRetry == "false")
            error.retryable = false;
    }
    if (error.kind == OpenAIError::Kind::Quota)
        error.retryable = false;
    error.requestId = m_requestId;
    const bool createsJob = m_operation == Operation::Create || m_operation == Operation::Remix;
    const bool ambiguous
            = createsJob && (transport || status == 0 || status == 408 || status >= 500);
    handleFailure(error, ambiguous, m_written > m_writtenAtAttemptStart);
}

void OpenAICall::handleFailure(const OpenAIError &error, bool ambiguousCreate, bool madeProgress)
{
    const bool budget = m_retries < m_config.maxRetries
            || (madeProgress && m_attempts < kMaxAttemptsWithProgress);
    const bool retry = error.retryable && budget;
    qCInfo(lcOpenAI).noquote() << methodName(m_method) << m_url.path() << "failed:" << error.code()
                               << "HTTP" << error.httpStatus << "request id" << error.requestId
                               << (retry ? "- will retry" : "- not retried");
    if (ambiguousCreate) {
        // The job may exist although the answer was lost: look before sending it again.
        m_pendingError = error;
        m_resendAfterLookup = retry;
        lookForCreatedJob({}, 0);
        return;
    }
    if (!retry) {
        finishWith(error);
        return;
    }
    const qint64 delay = retryDelayMs();
    if (!madeProgress)
        ++m_retries;
    m_client->delayFunction()(delay, this, [this] { resend(); });
}

qint64 OpenAICall::retryDelayMs() const
{
    // As the official SDKs: retry-after-ms, then retry-after (seconds or an HTTP date), honoured
    // up to 60 s; otherwise min(0.5 * 2^n, 8) s with jitter.
    qint64 ms = -1;
    bool ok = false;
    const double afterMs = rawHeader("retry-after-ms").trimmed().toDouble(&ok);
    if (ok)
        ms = qint64(afterMs);
    if (ms < 0 || !ok) {
        const QByteArray after = rawHeader("retry-after").trimmed();
        const double seconds = after.toDouble(&ok);
        if (ok) {
            ms = qint64(seconds * 1000);
        } else if (!after.isEmpty()) {
            const QDateTime when = parseHttpDate(after);
            if (when.isValid())
                ms = when.toMSecsSinceEpoch() - m_client->nowMs();
        }
    }
    if (ms > 0 && ms <= kMaxHonouredRetryAfterMs)
        return ms;
    const double base = qMin(0.5 * double(1LL << qMin(m_retries, 20)), 8.0);
    const double jitter = 1.0 - m_client->m_random() * 0.25;
    return qint64(base * jitter * 1000);
}

void OpenAICall::lookForCreatedJob(const QString &after, int page)
{
    if (m_finished)
        return;
    OpenAICall *lookup = m_client->list(100, after, Qt::DescendingOrder);
    m_lookup = lookup;
    connect(lookup, &OpenAICall::finished, this,
            [this, lookup, page] { onLookupFinished(lookup, page); });
}

void OpenAICall::onLookupFinished(OpenAICall *lookup, int page)
{
    m_lookup = nullptr;
    if (m_finished)
        return;
    if (!lookup->isOk()) {
        qCWarning(lcOpenAI) << "could not check whether a lost create was accepted; it is not "
                               "sent again";
        OpenAIError error = m_lookupOnly ? lookup->error() : m_pendingError;
        error.retryable = false;
        finishWith(error);
        return;
    }
    const QJsonArray data = lookup->json().value(QLatin1StringView("data")).toArray();
    qint64 oldest = LLONG_MAX;
    for (const QJsonValue &value : data) {
        const OpenAIVideo video = OpenAIVideo::fromJson(value.toObject());
        if (video.createdAt > 0)
            oldest = qMin(oldest, video.createdAt);
        if (matchesCreate(video)) {
            qCInfo(lcOpenAI) << "the lost create was accepted as" << video.id
                             << "; adopting it instead of sending it again";
            m_json = value.toObject();
            m_adopted = true;
            m_status = 200;
            m_requestId = lookup->requestId();
            m_client->rememberVideoId(video.id);
            finishWith({});
            return;
        }
    }
    const OpenAIVideoPage listed = OpenAIVideoPage::fromJson(lookup->json());
    const qint64 windowStart = m_firstSentMs / 1000 - kCreateSkewSeconds;
    if (listed.hasMore && !listed.lastId.isEmpty() && page + 1 < kMaxLookupPages
        && oldest >= windowStart) {
        lookForCreatedJob(listed.lastId, page + 1);
        return;
    }
    if (m_lookupOnly) {
        finishWith({});
        return;
    }
    if (!m_resendAfterLookup) {
        finishWith(m_pendingError);
        return;
    }
    qCInfo(lcOpenAI) << "the lost create was not accepted; sending it again";
    const qint64 delay = retryDelayMs();
    ++m_retries;
    m_client->delayFunction()(delay, this, [this] { resend(); });
}

bool OpenAICall::matchesCreate(const OpenAIVideo &video) const
{
    if (!video.isValid() || m_client->knowsVideoId(video.id))
        return false;
    if (video.createdAt > 0 && video.createdAt < m_firstSentMs / 1000 - kCreateSkewSeconds)
        return false;
    const bool promptMatches
            = !video.hasPrompt || video.prompt.trimmed() == m_create.prompt.trimmed();
    if (m_operation == Operation::Remix)
        return video.remixedFromVideoId == m_remixSource && promptMatches;
    const bool modelMatches = video.model == m_create.model
            || video.model.startsWith(m_create.model + QLatin1Char('-'));
    const QSize size = parseVideoSize(video.size);
    return modelMatches && !size.isEmpty() && formatVideoSize(size) == m_create.size
            && video.seconds.toInt() == m_create.seconds && promptMatches;
}

void OpenAICall::finishWith(const OpenAIError &error)
{
    if (m_finished)
        return;
    m_finished = true;
    m_error = error;
    if (m_error.isError() && m_error.requestId.isEmpty())
        m_error.requestId = m_requestId;
    if (m_file) {
        m_file->close();
        if (m_error.isError())
            QFile::remove(m_filePath);
    }
    Q_EMIT finished();
    deleteLater();
}

void OpenAICall::finishLater(const OpenAIError &error)
{
    QMetaObject::invokeMethod(
            this, [this, error] { finishWith(error); }, Qt::QueuedConnection);
}

// ---------------------------------------------------------------------------------------------

OpenAIClient::OpenAIClient(const Clock *clock, QObject *parent)
    : QObject(parent)
    , m_network(new QNetworkAccessManager(this))
    , m_clock(clock)
    , m_delay(openAIDefaultDelay())
    , m_random([] { return QRandomGenerator::global()->generateDouble(); })
{ }

OpenAIClient::~OpenAIClient()
{
    // Calls abort their replies; they must go before the network access manager.
    const QList<OpenAICall *> calls = findChildren<OpenAICall *>(Qt::FindDirectChildrenOnly);
    qDeleteAll(calls);
}

int OpenAIClient::activeCallCount() const
{
    return int(findChildren<OpenAICall *>(Qt::FindDirectChildrenOnly).size());
}

qint64 OpenAIClient::nowMs() const
{
    return m_clock ? m_clock->nowMs() : QDateTime::currentMSecsSinceEpoch();
}

QNetworkRequest OpenAIClient::buildRequest(const QUrl &url, const OpenAIConfig &config,
                                           bool sendCredentials, bool expectJson)
{
    QNetworkRequest request(url);
    request.setTransferTimeout(config.requestTimeoutMs);
    // Redirects are followed by OpenAICall, which decides where credentials may go.
    request.setAttribute(QNetworkRequest::RedirectPolicyAttribute,
                         QNetworkRequest::ManualRedirectPolicy);
    request.setHeader(QNetworkRequest::UserAgentHeader,
                      QByteArrayLiteral("DrillStudio/" DRILLSTUDIO_VERSION " Qt/" QT_VERSION_STR));
    request.setRawHeader("Accept", expectJson ? "application/json" : "*/*");
    if (sendCredentials) {
        if (!config.apiKey.isEmpty())
            request.setRawHeader("Authorization", "Bearer " + config.apiKey.toUtf8());
        if (!config.organization.isEmpty())
            request.setRawHeader("OpenAI-Organization", config.organization.toUtf8());
        if (!config.project.isEmpty())
            request.setRawHeader("OpenAI-Project", config.project.toUtf8());
    }
    return request;
}

bool OpenAIClient::sameOrigin(const QUrl &a, const QUrl &b)
{
    const auto defaultPort = [](const QUrl &url) {
        return url.port(url.scheme() == QLatin1String("https") ? 443 : 80);
    };
    return a.scheme().compare(b.scheme(), Qt::CaseInsensitive) == 0
            && a.host().compare(b.host(), Qt::CaseInsensitive) == 0
            && defaultPort(a) == defaultPort(b);
}

QUrl OpenAIClient::endpoint(const QString &path, const QUrlQuery &query) const
{
    QUrl url = QUrl::fromEncoded(
            m_config.baseUrl.toEncoded(QUrl::StripTrailingSlash | QUrl::RemoveQuery) + '/'
            + path.toUtf8());
    if (!query.isEmpty())
        url.setQuery(query);
    return url;
}

OpenAICall *OpenAIClient::makeCall(OpenAICall::Operation operation, const QByteArray &method,
                                   const QUrl &url)
{
    return new OpenAICall(this, operation, method, url, this);
}

OpenAICall *OpenAIClient::create(const OpenAICreateParams &params)
{
    OpenAICall *call = makeCall(OpenAICall::Operation::Create, "POST",
                                endpoint(QStringLiteral("videos"), {}));
    call->m_create = params;
    call->m_create.size = formatVideoSize(parseVideoSize(params.size));
    call->m_body = params.body(&call->m_contentType);
    call->start();
    return call;
}

OpenAICall *OpenAIClient::findCreated(const OpenAICreateParams &params, qint64 createdAfterMs)
{
    OpenAICall *call
            = makeCall(OpenAICall::Operation::List, "GET", endpoint(QStringLiteral("videos"), {}));
    call->m_create = params;
    call->m_create.size = formatVideoSize(parseVideoSize(params.size));
    call->m_lookupOnly = true;
    // The window starts a little before the earlier attempt, for clock differences.
    call->m_firstSentMs = createdAfterMs;
    QMetaObject::invokeMethod(
            call, [call] { call->start(); }, Qt::QueuedConnection);
    return call;
}

OpenAICall *OpenAIClient::retrieve(const QString &videoId)
{
    OpenAICall *call
            = makeCall(OpenAICall::Operation::Retrieve, "GET",
                       endpoint(QStringLiteral("videos/")
                                        + QString::fromLatin1(QUrl::toPercentEncoding(videoId)),
                                {}));
    call->start();
    return call;
}

OpenAICall *OpenAIClient::list(int limit, const QString &after, Qt::SortOrder order)
{
    QUrlQuery query;
    query.addQueryItem(QStringLiteral("limit"), QString::number(qBound(1, limit, 100)));
    query.addQueryItem(QStringLiteral("order"),
                       order == Qt::AscendingOrder ? QStringLiteral("asc")
                                                   : QStringLiteral("desc"));
    if (!after.isEmpty())
        query.addQueryItem(QStringLiteral("after"),
                           QString::fromLatin1(QUrl::toPercentEncoding(after)));
    OpenAICall *call = makeCall(OpenAICall::Operation::List, "GET",
                                endpoint(QStringLiteral("videos"), query));
    call->start();
    return call;
}

OpenAICall *OpenAIClient::deleteVideo(const QString &videoId)
{
    OpenAICall *call
            = makeCall(OpenAICall::Operation::Delete, "DELETE",
                       endpoint(QStringLiteral("videos/")
                                        + QString::fromLatin1(QUrl::toPercentEncoding(videoId)),
                                {}));
    call->start();
    return call;
}

OpenAICall *OpenAIClient::remix(const QString &videoId, const QString &prompt)
{
    OpenAICall *call
            = makeCall(OpenAICall::Operation::Remix, "POST",
                       endpoint(QStringLiteral("videos/")
                                        + QString::fromLatin1(QUrl::toPercentEncoding(videoId))
                                        + QStringLiteral("/remix"),
                                {}));
    call->m_remixSource = videoId;
    call->m_create.prompt = prompt;
    call->m_contentType = "application/json";
    call->m_body = QJsonDocument(QJsonObject {{QStringLiteral("prompt"), prompt}})
                           .toJson(QJsonDocument::Compact);
    call->start();
    return call;
}

OpenAICall *OpenAIClient::download(const QString &videoId, OpenAIVariant variant,
                                   const QString &filePath)
{
    QUrlQuery query;
    query.addQueryItem(QStringLiteral("variant"), openAIVariantName(variant));
    OpenAICall *call
            = makeCall(OpenAICall::Operation::Download, "GET",
                       endpoint(QStringLiteral("videos/")
                                        + QString::fromLatin1(QUrl::toPercentEncoding(videoId))
                                        + QStringLiteral("/content"),
                                query));
    call->m_filePath = filePath;
    call->start();
    return call;
}
