#include "soraemulator.h"

#include "apierror.h"
#include "contentstore.h"
#include "createrequest.h"
#include "emulatorclock.h"
#include "standardwebhooks.h"

#include <QHash>
#include <QHttpServer>
#include <QHttpServerRequest>
#include <QHttpServerResponder>
#include <QJsonDocument>
#include <QMessageAuthenticationCode>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QNetworkRequest>
#include <QPointer>
#include <QRandomGenerator>
#include <QTcpServer>
#include <QTcpSocket>
#include <QTimer>
#include <QUrlQuery>

namespace {

using Header = QPair<QByteArray, QByteArray>;
using Method = QHttpServerRequest::Method;

QByteArray randomHex(int bytes)
{
    QByteArray data(bytes, Qt::Uninitialized);
    for (char &byte : data)
        byte = char(QRandomGenerator::global()->bounded(256));
    return data.toHex();
}

QByteArray headerValue(const QHttpServerRequest &request, const QByteArray &name)
{
    const auto headers = request.headers();
    for (const auto &[key, value] : headers) {
        if (key.compare(name, Qt::CaseInsensitive) == 0)
            return value;
    }
    return {};
}

QString methodName(Method method)
{
    switch (method) {
    case Method::Get:
        return QStringLiteral("GET");
    case Method::Put:
        return QStringLiteral("PUT");
    case Method::Delete:
        return QStringLiteral("DELETE");
    case Method::Post:
        return QStringLiteral("POST");
    case Method::Head:
        return QStringLiteral("HEAD");
    case Method::Options:
        return QStringLiteral("OPTIONS");
    case Method::Patch:
        return QStringLiteral("PATCH");
    default:
        break;
    }
    return QStringLiteral("OTHER");
}

QString maskedKey(const QString &key)
{
    if (key.size() <= 8)
        return QStringLiteral("***");
    return key.left(3) + QStringLiteral("***") + key.right(4);
}

const QStringList kVariants {QStringLiteral("video"), QStringLiteral("thumbnail"),
                             QStringLiteral("spritesheet")};

} // namespace

QJsonObject RequestLogEntry::toJson() const
{
    return QJsonObject {
            {QStringLiteral("sequence"), sequence},
            {QStringLiteral("method"), method},
            {QStringLiteral("path"), path},
            {QStringLiteral("query"), query},
            {QStringLiteral("endpoint"), endpoint},
            {QStringLiteral("video_id"), videoId.isEmpty() ? QJsonValue() : QJsonValue(videoId)},
            {QStringLiteral("status"), status},
            {QStringLiteral("fault"), fault.isEmpty() ? QJsonValue() : QJsonValue(fault)},
            {QStringLiteral("delivered"), delivered},
            {QStringLiteral("authorization"), authorization},
            {QStringLiteral("request_id"), QString::fromLatin1(requestId)},
            {QStringLiteral("time"), time.toString(Qt::ISODateWithMs)},
            {QStringLiteral("clock_ms"), clockMs},
    };
}

class SoraEmulator::Private
{
public:
    struct Job
    {
        QString id;
        qint64 sequence = 0;
        QString model;
        QString prompt;
        QString size;
        QString seconds;
        QString remixedFrom;
        qint64 createdMs = 0;
        qint64 queuedMs = 0;
        qint64 runMs = 0;
        qint64 expirySeconds = 3600;
        QString failCode; // the job fails at its end time when set
        QString failMessage;
        bool finishNotified = false;
    };

    // A job as seen at one instant.
    struct JobView
    {
        QString status;
        int progress = 0;
        QJsonValue completedAt;
        QJsonValue expiresAt;
        bool terminal = false;
        bool contentAvailable = false;
        bool expired = false;
    };

    struct Reply
    {
        int status = 200;
        QByteArray contentType = "application/json";
        QByteArray body;
        QList<Header> headers;

        static Reply json(const QJsonObject &object, int status = 200)
        {
            return Reply {status,
                          "application/json",
                          QJsonDocument(object).toJson(QJsonDocument::Indented),
                          {}};
        }
        static Reply error(const ApiError &error)
        {
            return Reply {error.status, "application/json", error.body(), {}};
        }
    };

    struct Exchange
    {
        explicit Exchange(QHttpServerResponder &&r)
            : responder(std::move(r))
            , socket(responder.socket())
        { }
        QHttpServerResponder responder;
        QPointer<QTcpSocket> socket;
        RequestLogEntry entry;
        FaultRule fault; // kind empty without a fault
        bool log = true;
    };
    using ExchangePtr = std::shared_ptr<Exchange>;

    explicit Private(SoraEmulator *q, const EmulatorConfig &config);

    void setUpRoutes();
    void route(const QString &pattern, QHttpServerRequest::Methods methods,
               const QString &endpoint);
    void handle(const QString &endpoint, const QStringList &arguments,
                const QHttpServerRequest &request, QHttpServerResponder &&responder);
    void finish(const ExchangePtr &exchange, Reply reply);
    void write(const ExchangePtr &exchange, const Reply &reply);
    void logEntry(const ExchangePtr &exchange);

    bool takeFault(const QString &endpoint, const QString &variant, FaultRule *rule);
    Reply faultReply(const FaultRule &rule) const;
    ApiError checkAuthorization(const QHttpServerRequest &request) const;
    Reply shutDownReply(const QHttpServerRequest &request, const QString &endpoint) const;

    Reply create(const QHttpServerRequest &request, const ExchangePtr &exchange);
    Reply retrieve(const QString &id);
    Reply list(const QHttpServerRequest &request);
    Reply remove(const QString &id);
    Reply remix(const QString &id, const QHttpServerRequest &request, const ExchangePtr &exchange);
    void content(const QString &id, const QString &variant, const ExchangePtr &exchange,
                 bool mayRedirect = true);
    void signedContent(const QString &id, const QString &variant, const QHttpServerRequest &request,
                       const ExchangePtr &exchange);
    Reply control(const QString &name, const QHttpServerRequest &request);

    Job *findJob(const QString &id);
    Job &addJob(const CreateParams &params, const QString &remixedFrom);
    void applyJobFault(Job &job, const FaultRule &rule);
    JobView view(const Job &job) const;
    QJsonObject videoJson(const Job &job, bool justCreated = false) const;
    ApiError notFoundError(const QString &id) const;

    void processTransitions();
    void sendWebhook(const Job &job, const QString &type);
    bool ensureRedirectListener();
    QByteArray signature(const QString &id, const QString &variant, qint64 expires) const;
    QString signedUrl(const QString &id, const QString &variant) const;
    void applyConfig(const EmulatorConfig &config);
    void resetAll();

    SoraEmulator *q;
    EmulatorConfig config;
    QHttpServer server;
    QHostAddress address = QHostAddress::LocalHost;
    quint16 port = 0;
    QTcpServer *redirectServer = nullptr;
    QString redirectListenHost;
    std::unique_ptr<EmulatorClock> ownClock;
    EmulatorClock *clock = nullptr;
    ContentStore contents;
    QNetworkAccessManager network;
    QTimer transitionTimer;
    QByteArray urlSecret = randomHex(32);

    QHash<QString, Job> jobs;
    QList<QString> order; // ids by creation
    QList<QString> pending; // ids whose completion or failure was not yet observed
    qint64 nextSequence = 1;
    qint64 nextLogSequence = 1;

    QList<FaultRule> faults;
    QList<RequestLogEntry> log;
    QJsonArray webhookDeliveries;
    int createdJobs = 0;
};

SoraEmulator::Private::Private(SoraEmulator *owner, const EmulatorConfig &initial)
    : q(owner)
    , config(initial)
    , contents(initial.contentDir)
{
    applyConfig(initial);
    transitionTimer.setSingleShot(true);
    QObject::connect(&transitionTimer, &QTimer::timeout, q, [this] { processTransitions(); });
    setUpRoutes();
}

void SoraEmulator::Private::applyConfig(const EmulatorConfig &next)
{
    const bool clockChanged = !clock || next.clock != config.clock || !ownClock;
    config = next;
    if (config.webhookSecret.isEmpty()) {
        QByteArray key(24, Qt::Uninitialized);
        QRandomGenerator::system()->fillRange(reinterpret_cast<quint32 *>(key.data()),
                                              key.size() / 4);
        config.webhookSecret = QStringLiteral("whsec_") + QString::fromLatin1(key.toBase64());
    }
    if (clockChanged && (!clock || clock == ownClock.get())) {
        if (config.clock == u"manual")
            ownClock = std::make_unique<ManualEmulatorClock>();
        else
            ownClock = std::make_unique<SystemEmulatorClock>();
        clock = ownClock.get();
    }
    contents.setTiny(config.tinyContent);
    contents.setShared(config.sharedContent);
    if (port)
        ensureRedirectListener();
}

void SoraEmulator::Private::resetAll()
{
    jobs.clear();
    order.clear();
    pending.clear();
    faults.clear();
    log.clear();
    webhookDeliveries = QJsonArray();
    createdJobs = 0;
    transitionTimer.stop();
}

// One route table: every route goes through handle(), which applies auth, faults and logging.
void SoraEmulator::Private::setUpRoutes()
{
    route(QStringLiteral("/v1/videos"), Method::Post, QStringLiteral("create"));
    route(QStringLiteral("/v1/videos"), Method::Get, QStringLiteral("list"));
    route(QStringLiteral("/v1/videos/<arg>"), Method::Get, QStringLiteral("retrieve"));
    route(QStringLiteral("/v1/videos/<arg>"), Method::Delete, QStringLiteral("delete"));
    route(QStringLiteral("/v1/videos/<arg>/content"), Method::Get, QStringLiteral("content"));
    route(QStringLiteral("/v1/videos/<arg>/remix"), Method::Post, QStringLiteral("remix"));
    server.route(QStringLiteral("/signed/<arg>/<arg>"), Method::Get,
                 [this](const QString &id, const QString &variant,
                        const QHttpServerRequest &request, QHttpServerResponder &&responder) {
                     handle(QStringLiteral("signed_content"), {id, variant}, request,
                            std::move(responder));
                 });
    server.route(QStringLiteral("/_emulator/<arg>"), Method::Get | Method::Post | Method::Delete,
                 [this](const QString &name, const QHttpServerRequest &request,
                        QHttpServerResponder &&responder) {
                     handle(QStringLiteral("control"), {name}, request, std::move(responder));
                 });
    server.setMissingHandler(
            [this](const QHttpServerRequest &request, QHttpServerResponder &&responder) {
                handle(QStringLiteral("other"), {}, request, std::move(responder));
            });
}

void SoraEmulator::Private::route(const QString &pattern, QHttpServerRequest::Methods methods,
                                  const QString &endpoint)
{
    if (pattern.contains(u"<arg>")) {
        server.route(pattern, methods,
                     [this, endpoint](const QString &id, const QHttpServerRequest &request,
                                      QHttpServerResponder &&responder) {
                         handle(endpoint, {id}, request, std::move(responder));
                     });
    } else {
        server.route(pattern, methods,
                     [this, endpoint](const QHttpServerRequest &request,
                                      QHttpServerResponder &&responder) {
                         handle(endpoint, {}, request, std::move(responder));
                     });
    }
}

void SoraEmulator::Private::handle(const QString &endpoint, const QStringList &arguments,
                                   const QHttpServerRequest &request,
                                   QHttpServerResponder &&responder)
{
    auto exchange = std::make_shared<Exchange>(std::move(responder));
    // Answers go out at once instead of waiting for the peer's delayed acknowledgement.
    if (exchange->socket)
        exchange->socket->setSocketOption(QAbstractSocket::LowDelayOption, 1);
    RequestLogEntry &entry = exchange->entry;
    entry.method = methodName(request.method());
    entry.path = request.url().path();
    entry.query = request.url().query();
    entry.endpoint = endpoint;
    entry.videoId = arguments.value(0);
    entry.authorization = !headerValue(request, "authorization").isEmpty();
    entry.requestId = "req_" + randomHex(16);
    entry.time = QDateTime::currentDateTimeUtc();
    entry.clockMs = clock->nowMs();

    if (endpoint == u"control") {
        exchange->log = false;
        entry.videoId.clear();
        finish(exchange, control(arguments.value(0), request));
        return;
    }
    if (endpoint == u"other")
        entry.videoId.clear();
    processTransitions();

    if (endpoint != u"signed_content") {
        if (const ApiError error = checkAuthorization(request); error.isError())
            return finish(exchange, Reply::error(error));
        if (config.shutDown || endpoint == u"other")
            return finish(exchange, shutDownReply(request, endpoint));
    }

    QString variant;
    if (endpoint == u"content")
        variant = request.query().queryItemValue(QStringLiteral("variant"));
    else if (endpoint == u"signed_content")
        variant = arguments.value(1);
    if (takeFault(endpoint, variant.isEmpty() ? QStringLiteral("video") : variant,
                  &exchange->fault)) {
        const FaultRule &rule = exchange->fault;
        entry.fault = rule.kind;
        if (rule.kind == u"drop") {
            if (exchange->socket)
                exchange->socket->disconnectFromHost();
            entry.delivered = false;
            logEntry(exchange);
            return;
        }
        const Reply reply = faultReply(rule);
        if (reply.status)
            return finish(exchange, reply);
    }

    if (endpoint == u"create")
        return finish(exchange, create(request, exchange));
    if (endpoint == u"retrieve")
        return finish(exchange, retrieve(arguments.value(0)));
    if (endpoint == u"list")
        return finish(exchange, list(request));
    if (endpoint == u"delete")
        return finish(exchange, remove(arguments.value(0)));
    if (endpoint == u"remix")
        return finish(exchange, remix(arguments.value(0), request, exchange));
    if (endpoint == u"content")
        return content(arguments.value(0), variant, exchange);
    if (endpoint == u"signed_content")
        return signedContent(arguments.value(0), arguments.value(1), request, exchange);
}

void SoraEmulator::Private::finish(const ExchangePtr &exchange, Reply reply)
{
    const qint64 delay = exchange->fault.delayMs;
    if (delay <= 0)
        return write(exchange, reply);
    QTimer::singleShot(delay, q, [this, exchange, reply] { write(exchange, reply); });
}

void SoraEmulator::Private::write(const ExchangePtr &exchange, const Reply &reply)
{
    RequestLogEntry &entry = exchange->entry;
    entry.status = reply.status;
    QTcpSocket *socket = exchange->socket;
    const QString kind = exchange->fault.kind;
    if (!socket || socket->state() != QAbstractSocket::ConnectedState) {
        entry.delivered = false;
        return logEntry(exchange);
    }
    if (kind == u"lost_response") {
        // The work is done; the connection closes before a byte of the answer is sent.
        socket->disconnectFromHost();
        entry.delivered = false;
        return logEntry(exchange);
    }
    QHttpServerResponder &responder = exchange->responder;
    responder.writeStatusLine(QHttpServerResponder::StatusCode(reply.status));
    responder.writeHeader("Content-Type", reply.contentType);
    responder.writeHeader("Content-Length", QByteArray::number(reply.body.size()));
    responder.writeHeader("x-request-id", entry.requestId);
    for (const auto &[name, value] : reply.headers)
        responder.writeHeader(name, value);
    if (kind == u"reset") {
        // Headers promise the whole body; part of it is sent, then the connection goes away.
        responder.writeBody(reply.body.left(exchange->fault.afterBytes));
        socket->disconnectFromHost();
        entry.delivered = false;
        return logEntry(exchange);
    }
    responder.writeBody(reply.body);
    logEntry(exchange);
}

void SoraEmulator::Private::logEntry(const ExchangePtr &exchange)
{
    if (!exchange->log)
        return;
    exchange->entry.sequence = nextLogSequence++;
    log.append(exchange->entry);
    Q_EMIT q->requestLogged(exchange->entry);
}

bool SoraEmulator::Private::takeFault(const QString &endpoint, const QString &variant,
                                      FaultRule *rule)
{
    for (qsizetype i = 0; i < faults.size(); ++i) {
        FaultRule &candidate = faults[i];
        if (candidate.target != u"any" && candidate.target != endpoint)
            continue;
        if (!candidate.variant.isEmpty() && candidate.variant != variant)
            continue;
        if (candidate.skip > 0) {
            --candidate.skip;
            continue;
        }
        *rule = candidate;
        if (candidate.count > 0 && --candidate.count == 0)
            faults.removeAt(i);
        return true;
    }
    return false;
}

// The answer of a fault that replaces the normal one; status 0 when the request proceeds.
SoraEmulator::Private::Reply SoraEmulator::Private::faultReply(const FaultRule &rule) const
{
    ApiError error;
    QList<Header> headers;
    if (rule.kind == u"rate_limit") {
        error.status = 429;
        error.type = QStringLiteral("requests");
        error.code = QStringLiteral("rate_limit_exceeded");
        error.message
                = QStringLiteral("Rate limit reached for requests. Please try again in a moment.");
        headers << Header {"x-ratelimit-limit-requests", "60"}
                << Header {"x-ratelimit-remaining-requests", "0"};
    } else if (rule.kind == u"quota") {
        error.status = 429;
        error.type = QStringLiteral("insufficient_quota");
        error.code = QStringLiteral("insufficient_quota");
        error.message = QStringLiteral("You exceeded your current quota, please check your plan "
                                       "and billing details.");
    } else if (rule.kind == u"server_error") {
        error.status = 500;
        error.type = QStringLiteral("server_error");
        error.message = QStringLiteral("The server had an error while processing your request. "
                                       "Sorry about that!");
    } else if (rule.kind == u"error") {
        error.status = 400;
        error.message = QStringLiteral("Injected error.");
    } else if (rule.kind == u"moderation") {
        error.status = 400;
        error.code = QStringLiteral("moderation_blocked");
        error.message = QStringLiteral("Your request was blocked by our moderation system.");
    } else {
        return Reply {0, {}, {}, {}};
    }
    if (rule.status)
        error.status = rule.status;
    if (!rule.type.isEmpty())
        error.type = rule.type;
    if (!rule.code.isEmpty())
        error.code = rule.code;
    if (!rule.message.isEmpty())
        error.message = rule.message;
    if (!rule.param.isEmpty())
        error.param = rule.param;
    Reply reply = Reply::error(error);
    reply.headers = headers;
    if (!rule.retryAfter.isEmpty())
        reply.headers << Header {"retry-after", rule.retryAfter.toLatin1()};
    if (rule.retryAfterMs >= 0)
        reply.headers << Header {"retry-after-ms", QByteArray::number(rule.retryAfterMs)};
    if (!rule.shouldRetry.isEmpty())
        reply.headers << Header {"x-should-retry", rule.shouldRetry.toLatin1()};
    return reply;
}

ApiError SoraEmulator::Private::checkAuthorization(const QHttpServerRequest &request) const
{
    const QByteArray header = headerValue(request, "authorization").trimmed();
    ApiError error;
    error.status = 401;
    if (!header.startsWith("Bearer ") || header.mid(7).trimmed().isEmpty()) {
        error.message = QStringLiteral(
                "You didn't provide an API key. You need to provide your API key in an "
                "Authorization header using Bearer auth (i.e. Authorization: Bearer YOUR_KEY), or "
                "as the password field (with blank username) if you're accessing the API from "
                "your browser and are prompted for a username. You can obtain an API key from "
                "https://platform.openai.com/account/api-keys.");
        return error;
    }
    const QString key = QString::fromUtf8(header.mid(7).trimmed());
    if (!config.apiKey.isEmpty() && key != config.apiKey) {
        error.code = QStringLiteral("invalid_api_key");
        error.message = QStringLiteral("Incorrect API key provided: %1. You can find your API key "
                                       "at https://platform.openai.com/account/api-keys.")
                                .arg(maskedKey(key));
        return error;
    }
    return {};
}

// What api.openai.com answers since the shutdown, and for routes it does not know.
SoraEmulator::Private::Reply SoraEmulator::Private::shutDownReply(const QHttpServerRequest &request,
                                                                  const QString &endpoint) const
{
    ApiError error;
    error.status = 404;
    if (endpoint == u"create" || endpoint == u"remix") {
        error.code = QStringLiteral("model_not_found");
        error.message = QStringLiteral("The model `sora-2` does not exist or you do not have "
                                       "access to it.");
    } else {
        error.message = QStringLiteral("Invalid URL (%1 %2)")
                                .arg(methodName(request.method()), request.url().path());
    }
    return Reply::error(error);
}

SoraEmulator::Private::Job *SoraEmulator::Private::findJob(const QString &id)
{
    const auto it = jobs.find(id);
    return it == jobs.end() ? nullptr : &it.value();
}

ApiError SoraEmulator::Private::notFoundError(const QString &id) const
{
    return ApiError::notFound(QStringLiteral("Video with id '%1' not found.").arg(id),
                              QStringLiteral("video_not_found"));
}

SoraEmulator::Private::Job &SoraEmulator::Private::addJob(const CreateParams &params,
                                                          const QString &remixedFrom)
{
    Job job;
    job.id = QStringLiteral("video_") + QString::fromLatin1(randomHex(16));
    job.sequence = nextSequence++;
    job.model = params.model;
    job.prompt = params.prompt;
    job.size = params.size;
    job.seconds = params.seconds;
    job.remixedFrom = remixedFrom;
    job.createdMs = clock->nowMs();
    job.queuedMs = config.queuedMs;
    job.runMs = config.runMs;
    job.expirySeconds = config.expirySeconds;
    order.append(job.id);
    pending.append(job.id);
    return jobs.insert(job.id, job).value();
}

void SoraEmulator::Private::applyJobFault(Job &job, const FaultRule &rule)
{
    if (rule.kind == u"moderation_failed") {
        job.failCode = rule.code.isEmpty() ? QStringLiteral("moderation_blocked") : rule.code;
        job.failMessage = rule.message.isEmpty()
                ? QStringLiteral("The request is blocked by our moderation system when checking "
                                 "inputs. Possible reasons: people-in-user-uploads.")
                : rule.message;
    } else if (rule.kind == u"job_failed") {
        job.failCode = rule.code.isEmpty() ? QStringLiteral("internal_error") : rule.code;
        job.failMessage = rule.message.isEmpty()
                ? QStringLiteral("Video generation failed due to an internal error.")
                : rule.message;
    }
}

SoraEmulator::Private::JobView SoraEmulator::Private::view(const Job &job) const
{
    JobView v;
    const qint64 elapsed = clock->nowMs() - job.createdMs;
    if (elapsed < job.queuedMs) {
        v.status = QStringLiteral("queued");
        return v;
    }
    if (elapsed < job.queuedMs + job.runMs) {
        v.status = config.inProgressStatus;
        v.progress = int(qBound<qint64>(0, (elapsed - job.queuedMs) * 100 / job.runMs, qint64(99)));
        return v;
    }
    v.terminal = true;
    if (!job.failCode.isEmpty()) {
        v.status = QStringLiteral("failed");
        return v;
    }
    const qint64 completedAt = (job.createdMs + job.queuedMs + job.runMs) / 1000;
    const qint64 expiresAt = completedAt + job.expirySeconds;
    v.status = QStringLiteral("completed");
    v.progress = 100;
    v.completedAt = completedAt;
    v.expiresAt = expiresAt;
    v.expired = clock->nowMs() >= expiresAt * 1000;
    v.contentAvailable = !v.expired;
    if (v.expired && config.expiredStatus)
        v.status = QStringLiteral("expired");
    return v;
}

QJsonObject SoraEmulator::Private::videoJson(const Job &job, bool justCreated) const
{
    JobView v = view(job);
    if (justCreated) {
        // The create answer always shows the job as it was accepted.
        v = JobView {};
        v.status = QStringLiteral("queued");
    }
    QJsonValue error;
    if (v.status == u"failed") {
        error = QJsonObject {{QStringLiteral("code"), job.failCode},
                             {QStringLiteral("message"), job.failMessage}};
    }
    return QJsonObject {
            {QStringLiteral("id"), job.id},
            {QStringLiteral("object"), QStringLiteral("video")},
            {QStringLiteral("model"), job.model},
            {QStringLiteral("status"), v.status},
            {QStringLiteral("progress"), v.progress},
            {QStringLiteral("created_at"), job.createdMs / 1000},
            {QStringLiteral("completed_at"), v.completedAt},
            {QStringLiteral("expires_at"), v.expiresAt},
            {QStringLiteral("prompt"), job.prompt},
            {QStringLiteral("size"), job.size},
            {QStringLiteral("seconds"), job.seconds},
            {QStringLiteral("remixed_from_video_id"),
             job.remixedFrom.isEmpty() ? QJsonValue() : QJsonValue(job.remixedFrom)},
            {QStringLiteral("error"), error},
    };
}

SoraEmulator::Private::Reply SoraEmulator::Private::create(const QHttpServerRequest &request,
                                                           const ExchangePtr &exchange)
{
    CreateParams params;
    const ApiError error = CreateRequest::parseCreate(headerValue(request, "content-type"),
                                                      request.body(), config, &params);
    if (error.isError())
        return Reply::error(error);
    Job &job = addJob(params, {});
    applyJobFault(job, exchange->fault);
    exchange->entry.videoId = job.id;
    ++createdJobs;
    Q_EMIT q->jobCreated(job.id);
    const Reply reply = Reply::json(videoJson(job, true));
    processTransitions();
    return reply;
}

SoraEmulator::Private::Reply SoraEmulator::Private::retrieve(const QString &id)
{
    const Job *job = findJob(id);
    if (!job)
        return Reply::error(notFoundError(id));
    Reply reply = Reply::json(videoJson(*job));
    if (config.pollAfterMs > 0)
        reply.headers << Header {"openai-poll-after-ms", QByteArray::number(config.pollAfterMs)};
    return reply;
}

SoraEmulator::Private::Reply SoraEmulator::Private::list(const QHttpServerRequest &request)
{
    const QUrlQuery query = request.query();
    int limit = 20;
    if (query.hasQueryItem(QStringLiteral("limit"))) {
        const QString text = query.queryItemValue(QStringLiteral("limit"));
        bool ok = false;
        limit = text.toInt(&ok);
        if (!ok)
            return Reply::error(ApiError::invalidType(QStringLiteral("limit"),
                                                      QStringLiteral("an integer"),
                                                      QStringLiteral("a string")));
        if (limit < 0)
            return Reply::error(ApiError::invalidRequest(
                    QStringLiteral("Invalid 'limit': integer below minimum value. Expected a value "
                                   ">= 0, but got %1 instead.")
                            .arg(limit),
                    QStringLiteral("limit"), QStringLiteral("integer_below_min_value")));
        if (limit > 100)
            return Reply::error(ApiError::invalidRequest(
                    QStringLiteral("Invalid 'limit': integer above maximum value. Expected a value "
                                   "<= 100, but got %1 instead.")
                            .arg(limit),
                    QStringLiteral("limit"), QStringLiteral("integer_above_max_value")));
    }
    QString orderName = QStringLiteral("desc");
    if (query.hasQueryItem(QStringLiteral("order"))) {
        orderName = query.queryItemValue(QStringLiteral("order"));
        if (orderName != u"asc" && orderName != u"desc")
            return Reply::error(
                    ApiError::invalidValue(QStringLiteral("order"), orderName,
                                           {QStringLiteral("asc"), QStringLiteral("desc")}));
    }
    QList<QString> ids = order;
    if (orderName == u"desc")
        std::reverse(ids.begin(), ids.end());
    qsizetype start = 0;
    if (query.hasQueryItem(QStringLiteral("after"))) {
        const QString after = query.queryItemValue(QStringLiteral("after"));
        const qsizetype at = ids.indexOf(after);
        if (at < 0)
            return Reply::error(ApiError::invalidRequest(
                    QStringLiteral("Invalid 'after': no video with id '%1'.").arg(after),
                    QStringLiteral("after"), QStringLiteral("invalid_value")));
        start = at + 1;
    }
    QJsonArray data;
    for (qsizetype i = start; i < ids.size() && data.size() < limit; ++i)
        data.append(videoJson(jobs.value(ids.at(i))));
    const bool hasMore = start + data.size() < ids.size();
    auto idAt = [&](qsizetype i) {
        return data.isEmpty() ? QJsonValue() : data.at(i)[u"id"];
    };
    return Reply::json(QJsonObject {{QStringLiteral("object"), QStringLiteral("list")},
                                    {QStringLiteral("data"), data},
                                    {QStringLiteral("first_id"), idAt(0)},
                                    {QStringLiteral("last_id"), idAt(data.size() - 1)},
                                    {QStringLiteral("has_more"), hasMore}});
}

SoraEmulator::Private::Reply SoraEmulator::Private::remove(const QString &id)
{
    const Job *job = findJob(id);
    if (!job)
        return Reply::error(notFoundError(id));
    if (!view(*job).terminal)
        return Reply::error(ApiError::invalidRequest(
                QStringLiteral("Video '%1' is still being generated and cannot be deleted yet.")
                        .arg(id),
                {}, QStringLiteral("video_not_ready")));
    jobs.remove(id);
    order.removeOne(id);
    pending.removeOne(id);
    return Reply::json(QJsonObject {{QStringLiteral("id"), id},
                                    {QStringLiteral("object"), QStringLiteral("video.deleted")},
                                    {QStringLiteral("deleted"), true}});
}

SoraEmulator::Private::Reply SoraEmulator::Private::remix(const QString &id,
                                                          const QHttpServerRequest &request,
                                                          const ExchangePtr &exchange)
{
    const Job *source = findJob(id);
    if (!source)
        return Reply::error(notFoundError(id));
    QString prompt;
    const ApiError error = CreateRequest::parseRemix(headerValue(request, "content-type"),
                                                     request.body(), config, &prompt);
    if (error.isError())
        return Reply::error(error);
    if (!view(*source).contentAvailable)
        return Reply::error(ApiError::invalidRequest(
                QStringLiteral("Video '%1' is not completed and cannot be remixed.").arg(id), {},
                QStringLiteral("video_not_ready")));
    CreateParams params;
    params.prompt = prompt;
    params.model = source->model;
    params.size = source->size;
    params.seconds = source->seconds;
    Job &job = addJob(params, id);
    applyJobFault(job, exchange->fault);
    exchange->entry.videoId = job.id;
    Q_EMIT q->jobCreated(job.id);
    const Reply reply = Reply::json(videoJson(job, true));
    processTransitions();
    return reply;
}

void SoraEmulator::Private::content(const QString &id, const QString &variantText,
                                    const ExchangePtr &exchange, bool mayRedirect)
{
    const QString variant = variantText.isEmpty() ? QStringLiteral("video") : variantText;
    if (!kVariants.contains(variant))
        return finish(exchange,
                      Reply::error(ApiError::invalidValue(QStringLiteral("variant"), variant,
                                                          kVariants)));
    const Job *job = findJob(id);
    if (!job)
        return finish(exchange, Reply::error(notFoundError(id)));
    const JobView v = view(*job);
    if (v.expired)
        return finish(exchange,
                      Reply::error(ApiError::notFound(
                              QStringLiteral("The content of video '%1' has expired and is no "
                                             "longer available.")
                                      .arg(id),
                              QStringLiteral("video_expired"))));
    if (!v.contentAvailable)
        return finish(exchange,
                      Reply::error(ApiError::invalidRequest(
                              QStringLiteral("Video '%1' is not ready yet (status '%2'); "
                                             "use GET /v1/videos/%1 to check status.")
                                      .arg(id, v.status),
                              {}, QStringLiteral("video_not_ready"))));
    if (config.redirectContent && mayRedirect) {
        Reply reply {302, "application/json", {}, {}};
        reply.headers << Header {"Location", signedUrl(id, variant).toUtf8()};
        return finish(exchange, reply);
    }
    const QStringList wh = job->size.split(u'x');
    contents.content(job->prompt, QSize(wh.value(0).toInt(), wh.value(1).toInt()),
                     job->seconds.toInt(), variant, q, [this, exchange](const ContentFile &file) {
                         if (!file.error.isEmpty()) {
                             ApiError error;
                             error.status = 500;
                             error.type = QStringLiteral("server_error");
                             error.message = QStringLiteral("Rendering failed: %1").arg(file.error);
                             return finish(exchange, Reply::error(error));
                         }
                         finish(exchange, Reply {200, file.mimeType, file.bytes, {}});
                     });
}

void SoraEmulator::Private::signedContent(const QString &id, const QString &variant,
                                          const QHttpServerRequest &request,
                                          const ExchangePtr &exchange)
{
    const QUrlQuery query = request.query();
    const qint64 expires = query.queryItemValue(QStringLiteral("expires")).toLongLong();
    const QByteArray given = query.queryItemValue(QStringLiteral("signature")).toLatin1();
    ApiError error;
    error.status = 403;
    if (!kVariants.contains(variant) || given.isEmpty()
        || given != signature(id, variant, expires)) {
        error.message = QStringLiteral("The request signature does not match.");
        error.code = QStringLiteral("signature_mismatch");
        return finish(exchange, Reply::error(error));
    }
    if (clock->nowMs() / 1000 > expires) {
        error.message = QStringLiteral("The signed URL has expired.");
        error.code = QStringLiteral("url_expired");
        return finish(exchange, Reply::error(error));
    }
    if (config.signedUrlRejectsAuthorization && exchange->entry.authorization) {
        error.status = 400;
        error.message = QStringLiteral("Only one auth mechanism allowed: a signed URL must not "
                                       "carry an Authorization header.");
        error.code = QStringLiteral("authorization_not_allowed");
        return finish(exchange, Reply::error(error));
    }
    content(id, variant, exchange, false);
}

QByteArray SoraEmulator::Private::signature(const QString &id, const QString &variant,
                                            qint64 expires) const
{
    const QByteArray message
            = id.toUtf8() + '|' + variant.toUtf8() + '|' + QByteArray::number(expires);
    return QMessageAuthenticationCode::hash(message, urlSecret, QCryptographicHash::Sha256).toHex();
}

QString SoraEmulator::Private::signedUrl(const QString &id, const QString &variant) const
{
    const qint64 expires = clock->nowMs() / 1000 + config.signedUrlTtlSeconds;
    QString host = address.toString();
    quint16 urlPort = port;
    if (redirectServer && redirectServer->isListening()) {
        host = redirectServer->serverAddress().toString();
        urlPort = redirectServer->serverPort();
    }
    QUrl url;
    url.setScheme(QStringLiteral("http"));
    url.setHost(host);
    url.setPort(urlPort);
    url.setPath(QStringLiteral("/signed/%1/%2").arg(id, variant));
    QUrlQuery query;
    query.addQueryItem(QStringLiteral("expires"), QString::number(expires));
    query.addQueryItem(QStringLiteral("signature"),
                       QString::fromLatin1(signature(id, variant, expires)));
    url.setQuery(query);
    return url.toString(QUrl::FullyEncoded);
}

bool SoraEmulator::Private::ensureRedirectListener()
{
    if (config.redirectHost.isEmpty() || config.redirectHost == redirectListenHost)
        return true;
    const QHostAddress host(config.redirectHost);
    if (!host.isLoopback() || host == address)
        return true;
    auto *tcp = new QTcpServer;
    if (!tcp->listen(host, 0)) {
        delete tcp;
        return false;
    }
    server.bind(tcp);
    redirectServer = tcp;
    redirectListenHost = config.redirectHost;
    return true;
}

void SoraEmulator::Private::processTransitions()
{
    const qint64 now = clock->nowMs();
    qint64 nextAt = -1;
    for (qsizetype i = 0; i < pending.size();) {
        Job *job = findJob(pending.at(i));
        if (!job) {
            pending.removeAt(i);
            continue;
        }
        const qint64 endAt = job->createdMs + job->queuedMs + job->runMs;
        if (now < endAt) {
            nextAt = nextAt < 0 ? endAt : qMin(nextAt, endAt);
            ++i;
            continue;
        }
        job->finishNotified = true;
        pending.removeAt(i);
        const QString status
                = job->failCode.isEmpty() ? QStringLiteral("completed") : QStringLiteral("failed");
        Q_EMIT q->jobFinished(job->id, status);
        if (!config.webhookUrl.isEmpty())
            sendWebhook(*job, QStringLiteral("video.") + status);
    }
    if (nextAt >= 0 && !clock->isManual())
        transitionTimer.start(int(qBound<qint64>(0, nextAt - now, qint64(24) * 3600 * 1000)));
    else
        transitionTimer.stop();
}

void SoraEmulator::Private::sendWebhook(const Job &job, const QString &type)
{
    const QByteArray eventId = "evt_" + randomHex(16);
    const QJsonObject event {
            {QStringLiteral("id"), QString::fromLatin1(eventId)},
            {QStringLiteral("object"), QStringLiteral("event")},
            {QStringLiteral("created_at"), clock->nowMs() / 1000},
            {QStringLiteral("type"), type},
            {QStringLiteral("data"), QJsonObject {{QStringLiteral("id"), job.id}}}};
    const QByteArray body = QJsonDocument(event).toJson(QJsonDocument::Compact);
    // The timestamp is real time: receivers compare it with their own clock.
    const qint64 timestamp = QDateTime::currentSecsSinceEpoch();
    QNetworkRequest request {QUrl(config.webhookUrl)};
    request.setHeader(QNetworkRequest::ContentTypeHeader, QByteArrayLiteral("application/json"));
    request.setRawHeader("webhook-id", eventId);
    request.setRawHeader("webhook-timestamp", QByteArray::number(timestamp));
    request.setRawHeader("webhook-signature",
                         StandardWebhooks::sign(config.webhookSecret, eventId, timestamp, body));
    request.setTransferTimeout(10000);
    QNetworkReply *reply = network.post(request, body);
    const QString videoId = job.id;
    QObject::connect(reply, &QNetworkReply::finished, q, [this, reply, type, videoId, eventId] {
        reply->deleteLater();
        const int status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
        QJsonObject delivery {{QStringLiteral("event_id"), QString::fromLatin1(eventId)},
                              {QStringLiteral("type"), type},
                              {QStringLiteral("video_id"), videoId},
                              {QStringLiteral("http_status"), status}};
        if (reply->error() != QNetworkReply::NoError && status == 0)
            delivery.insert(QStringLiteral("error"), reply->errorString());
        webhookDeliveries.append(delivery);
        Q_EMIT q->webhookDelivered(type, status);
    });
}

// The control endpoints under /_emulator/ (no auth, never logged, never faulted).
SoraEmulator::Private::Reply SoraEmulator::Private::control(const QString &name,
                                                            const QHttpServerRequest &request)
{
    const Method method = request.method();
    QJsonParseError parseError {};
    const QJsonDocument document = QJsonDocument::fromJson(request.body(), &parseError);
    auto bad = [](const QString &message) {
        return Reply::error(ApiError::invalidRequest(message));
    };
    if (method == Method::Post && !request.body().isEmpty()
        && parseError.error != QJsonParseError::NoError)
        return bad(QStringLiteral("control body is not JSON: %1").arg(parseError.errorString()));

    auto faultList = [this] {
        QJsonArray array;
        for (const FaultRule &rule : std::as_const(faults))
            array.append(rule.toJson());
        return Reply::json(QJsonObject {{QStringLiteral("faults"), array}});
    };

    if (name == u"state" && method == Method::Get) {
        QJsonObject state = config.toJson();
        state.insert(QStringLiteral("now_ms"), clock->nowMs());
        state.insert(QStringLiteral("port"), port);
        state.insert(QStringLiteral("redirect_port"),
                     redirectServer ? int(redirectServer->serverPort()) : 0);
        state.insert(QStringLiteral("jobs"), jobs.size());
        state.insert(QStringLiteral("creates"), createdJobs);
        state.insert(QStringLiteral("renders"), contents.renderCount());
        return Reply::json(state);
    }
    if (name == u"config" && method == Method::Get)
        return Reply::json(config.toJson());
    if (name == u"config" && method == Method::Post) {
        EmulatorConfig next = config;
        QString error;
        if (!next.apply(document.object(), &error))
            return bad(error);
        applyConfig(next);
        return Reply::json(config.toJson());
    }
    if (name == u"faults" && method == Method::Get)
        return faultList();
    if (name == u"faults" && method == Method::Delete) {
        faults.clear();
        return faultList();
    }
    if (name == u"faults" && method == Method::Post) {
        QJsonArray rules;
        if (document.isArray())
            rules = document.array();
        else if (document.object().contains(u"faults"))
            rules = document.object().value(u"faults").toArray();
        else
            rules.append(document.object());
        QList<FaultRule> parsed;
        for (const QJsonValue &value : std::as_const(rules)) {
            QString error;
            const FaultRule rule = FaultRule::fromJson(value.toObject(), &error);
            if (!error.isEmpty())
                return bad(error);
            parsed.append(rule);
        }
        faults.append(parsed);
        return faultList();
    }
    if (name == u"log" && method == Method::Get) {
        QJsonArray entries;
        int createRequests = 0;
        for (const RequestLogEntry &entry : std::as_const(log)) {
            entries.append(entry.toJson());
            createRequests += entry.endpoint == u"create";
        }
        return Reply::json(QJsonObject {{QStringLiteral("entries"), entries},
                                        {QStringLiteral("creates"), createdJobs},
                                        {QStringLiteral("create_requests"), createRequests}});
    }
    if (name == u"log" && method == Method::Delete) {
        log.clear();
        return Reply::json(QJsonObject {{QStringLiteral("entries"), QJsonArray()}});
    }
    if (name == u"clock" && method == Method::Get)
        return Reply::json(QJsonObject {{QStringLiteral("now_ms"), clock->nowMs()},
                                        {QStringLiteral("manual"), clock->isManual()}});
    if (name == u"clock" && method == Method::Post) {
        if (!clock->isManual())
            return Reply::error(ApiError::invalidRequest(
                    QStringLiteral("the clock is the system clock; set \"clock\": \"manual\"")));
        const QJsonObject body = document.object();
        const qint64 ms = body.value(u"advance_ms").toInteger()
                + body.value(u"advance_seconds").toInteger() * 1000;
        if (ms <= 0)
            return bad(QStringLiteral("give advance_ms or advance_seconds (positive)"));
        clock->advance(ms);
        processTransitions();
        return Reply::json(QJsonObject {{QStringLiteral("now_ms"), clock->nowMs()},
                                        {QStringLiteral("manual"), true}});
    }
    if (name == u"webhooks" && method == Method::Get)
        return Reply::json(QJsonObject {{QStringLiteral("deliveries"), webhookDeliveries}});
    if (name == u"reset" && method == Method::Post) {
        resetAll();
        return Reply::json(QJsonObject {{QStringLiteral("reset"), true}});
    }
    return Reply::error(
            ApiError::notFound(QStringLiteral("Unknown control endpoint: %1 /_emulator/%2")
                                       .arg(methodName(method), name)));
}

SoraEmulator::SoraEmulator(const EmulatorConfig &config, QObject *parent)
    : QObject(parent)
    , d(std::make_unique<Private>(this, config))
{ }

SoraEmulator::~SoraEmulator() = default;

quint16 SoraEmulator::listen(const QHostAddress &address, quint16 port)
{
    d->address = address;
    d->port = d->server.listen(address, port);
    if (d->port && !d->ensureRedirectListener())
        qWarning("sora-emulator: cannot listen on redirect host %s",
                 qPrintable(d->config.redirectHost));
    return d->port;
}

quint16 SoraEmulator::port() const
{
    return d->port;
}

QString SoraEmulator::baseUrl() const
{
    QString host = d->address.toString();
    if (d->address.protocol() == QAbstractSocket::IPv6Protocol)
        host = u'[' + host + u']';
    return QStringLiteral("http://%1:%2/v1").arg(host).arg(d->port);
}

EmulatorConfig SoraEmulator::config() const
{
    return d->config;
}

bool SoraEmulator::setConfig(const EmulatorConfig &config, QString *error)
{
    if (!config.redirectHost.isEmpty() && !QHostAddress(config.redirectHost).isLoopback()) {
        if (error)
            *error = QStringLiteral("the redirect host must be a loopback address");
        return false;
    }
    d->applyConfig(config);
    return true;
}

void SoraEmulator::setClock(EmulatorClock *clock)
{
    d->clock = clock ? clock : d->ownClock.get();
    d->processTransitions();
}

qint64 SoraEmulator::nowMs() const
{
    return d->clock->nowMs();
}

bool SoraEmulator::advanceClock(qint64 ms)
{
    if (!d->clock->isManual())
        return false;
    d->clock->advance(ms);
    d->processTransitions();
    return true;
}

void SoraEmulator::addFault(const FaultRule &rule)
{
    d->faults.append(rule);
}

void SoraEmulator::clearFaults()
{
    d->faults.clear();
}

QList<FaultRule> SoraEmulator::faults() const
{
    return d->faults;
}

QList<RequestLogEntry> SoraEmulator::requestLog() const
{
    return d->log;
}

void SoraEmulator::clearRequestLog()
{
    d->log.clear();
}

int SoraEmulator::createdJobCount() const
{
    return d->createdJobs;
}

int SoraEmulator::createRequestCount() const
{
    return int(std::count_if(d->log.cbegin(), d->log.cend(), [](const RequestLogEntry &entry) {
        return entry.endpoint == u"create";
    }));
}

int SoraEmulator::jobCount() const
{
    return int(d->jobs.size());
}

void SoraEmulator::reset()
{
    d->resetAll();
}

QJsonArray SoraEmulator::webhookDeliveries() const
{
    return d->webhookDeliveries;
}
