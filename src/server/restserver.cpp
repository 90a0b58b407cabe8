#include "restserver.h"

#include "apierror.h"
#include "appcontext.h"
#include "connectionguard.h"
#include "filestream.h"
#include "httpconnection.h"
#include "jobmanager.h"
#include "librarycontroller.h"
#include "openapi.h"
#include "runstatuscache.h"
#include "serverlog.h"
#include "settings.h"
#include "videocontroller.h"

#include <QElapsedTimer>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QUrl>

#include <algorithm>
#include <csignal>
#include <memory>

using rest::ApiError;
using rest::errorResponse;

namespace {

// What the log says about a refusal: the detail text of a plain error, or the field and type of
// each validation issue. Never the issue's input: that echoes the request body (the generation
// password is redacted from it, but a log keeps no request data it does not need).
QString refusalSummary(const HttpResponse &response)
{
    if (response.isFile())
        return {};
    const QJsonValue detail
            = QJsonDocument::fromJson(response.body).object().value(QStringLiteral("detail"));
    if (detail.isString())
        return detail.toString().left(300);
    QStringList issues;
    for (const QJsonValue &issue : detail.toArray()) {
        QStringList loc;
        for (const QJsonValue &part : issue.toObject().value(QStringLiteral("loc")).toArray())
            loc << (part.isString() ? part.toString() : QString::number(part.toInteger()));
        issues << loc.join(QLatin1Char('.')) + QLatin1Char(':')
                        + issue.toObject().value(QStringLiteral("type")).toString();
        if (issues.size() >= 10)
            break;
    }
    return issues.join(QLatin1Char(' '));
}

// A request path as the log shows it: bounded, and without control characters (a %0A in a path
// must not start a line of its own in the log).
QString loggablePath(const QString &path)
{
    QString shown = path.left(200);
    for (QChar &c : shown) {
        if (c.category() == QChar::Other_Control)
            c = QChar(0xFFFD);
    }
    return path.size() > 200 ? shown + QStringLiteral("…") : shown;
}

QStringList splitPath(const QString &path)
{
    return path.split(QLatin1Char('/'), Qt::SkipEmptyParts);
}

} // namespace

RestServer::RestServer(AppContext *context, QObject *parent)
    : QObject(parent)
    , m_context(context)
    , m_controller(new VideoController(context, this))
    , m_admin(context->settings(), context->clock())
{
    m_controller->setCommonHeaders(commonHeaders());
    m_uptime.start();
    // Writing to a connection the client closed must be an error, not the end of the process
    // (downloads write with sendfile(2), which raises SIGPIPE).
    std::signal(SIGPIPE, SIG_IGN);
    setUpRoutes();
    readSettings();
    connect(context->settings(), &Settings::changed, this, [this] { readSettings(); });
    connect(context->jobs(), &JobManager::jobFinished, this, [this] { m_metrics.countJob(true); });
    connect(context->jobs(), &JobManager::jobFailed, this, [this] { m_metrics.countJob(false); });
}

RestServer::~RestServer()
{
    // The connections first: their answer queues tell this server when they go.
    m_tcp.reset();
}

RestServer::AnswerQueue *RestServer::queueOf(HttpConnection *connection)
{
    if (AnswerQueue *queue = m_queues.value(connection))
        return queue;
    auto *queue = new AnswerQueue;
    queue->setParent(connection);
    m_queues.insert(connection, queue);
    connect(queue, &QObject::destroyed, this, [this, connection] { m_queues.remove(connection); });
    return queue;
}

// The route table. Handlers only unpack the request and forward to the controller.
void RestServer::setUpRoutes()
{
    VideoController *c = m_controller;
    addRoute("GET", QStringLiteral("/"),
             [c](const HttpRequest &, const QStringList &, const Reply &reply) {
                 reply(c->health());
             });
    addRoute("POST", QStringLiteral("/generate"),
             [c](const HttpRequest &request, const QStringList &, const Reply &reply) {
                 c->generate(request, reply);
             });
    addRoute("GET", QStringLiteral("/status/{run_id}"),
             [c](const HttpRequest &, const QStringList &args, const Reply &reply) {
                 reply(c->status(args.at(0)));
             });
    addRoute(
            "DELETE", QStringLiteral("/cache/{run_id}"),
            [c](const HttpRequest &, const QStringList &args, const Reply &reply) {
                reply(c->clearCache(args.at(0)));
            },
            Access::Admin);
    auto *library = new LibraryController(m_context, this);
    addRoute(
            "POST", QString::fromUtf16(LibraryController::ImportPath),
            [library](const HttpRequest &request, const QStringList &, const Reply &reply) {
                library->importUpload(request, reply);
            },
            Access::Admin);
    addRoute("GET", QStringLiteral("/download/{video_id}"),
             [c](const HttpRequest &request, const QStringList &args, const Reply &reply) {
                 reply(c->download(request, args.at(0)));
             });
    addRoute("GET", QStringLiteral("/thumbnail/{video_id}"),
             [c](const HttpRequest &request, const QStringList &args, const Reply &reply) {
                 reply(c->thumbnail(request, args.at(0)));
             });
    addRoute("GET", QStringLiteral("/openapi.json"),
             [](const HttpRequest &, const QStringList &, const Reply &reply) {
                 reply(HttpResponse::text(openApiDocument(), "application/json"));
             });
    addRoute(
            "GET", QStringLiteral("/metrics"),
            [this](const HttpRequest &, const QStringList &, const Reply &reply) {
                reply(HttpResponse::text(m_metrics.render(m_controller->runs()->gauges(),
                                                          m_tcp ? m_tcp->connectionCount() : 0),
                                         "text/plain; version=0.0.4; charset=utf-8"));
            },
            Access::Admin);
    addDemoRoutes();
}

void RestServer::addRoute(const QByteArray &method, const QString &pattern, Handler handler,
                          Access access)
{
    m_routes.append(Route {method, pattern, splitPath(pattern), std::move(handler),
                           access == Access::Admin});
}

// Loopback names and IP addresses always (a DNS rebinding attack needs a name it controls);
// other names only when server/allowedHosts lists them ("*.example.org" for any subdomain). A
// request without Host (HTTP/1.0) is let through.
bool RestServer::hostAllowed(const QByteArray &hostHeader) const
{
    QString host = QString::fromLatin1(hostHeader).trimmed().toLower();
    if (host.isEmpty())
        return true;
    if (host.startsWith(QLatin1Char('['))) {
        const qsizetype end = host.indexOf(QLatin1Char(']'));
        if (end < 0)
            return false;
        host = host.mid(1, end - 1);
    } else if (const qsizetype colon = host.lastIndexOf(QLatin1Char(':')); colon >= 0) {
        host.truncate(colon);
    }
    if (host.endsWith(QLatin1Char('.')))
        host.chop(1);
    if (host == QLatin1String("localhost") || host.endsWith(QLatin1String(".localhost")))
        return true;
    if (QHostAddress address; address.setAddress(host))
        return true;
    const QStringList allowed
            = m_allowedHosts.toLower().split(QLatin1Char(','), Qt::SkipEmptyParts);
    for (QString entry : allowed) {
        entry = entry.trimmed();
        if (entry.startsWith(QLatin1String("*."))) {
            if (host.endsWith(entry.mid(1)) && host.size() > entry.size() - 1)
                return true;
        } else if (entry == host) {
            return true;
        }
    }
    return false;
}

bool RestServer::originAllowed(const QByteArray &origin) const
{
    if (origin.isEmpty())
        return false;
    const QString given = QString::fromLatin1(origin).trimmed();
    const QStringList allowed = m_corsOrigins.split(QLatin1Char(','), Qt::SkipEmptyParts);
    for (const QString &entry : allowed) {
        QString trimmed = entry.trimmed();
        if (trimmed.endsWith(QLatin1Char('/')))
            trimmed.chop(1);
        if (trimmed.compare(given, Qt::CaseInsensitive) == 0)
            return true;
    }
    return false;
}

// On every answer: no MIME sniffing, no referrer sent on, no framing by other sites; and the
// CORS headers when the request comes from a page of an allowed origin.
const QByteArray &RestServer::commonHeaders()
{
    static const QByteArray common = QByteArrayLiteral(
            "X-Content-Type-Options: nosniff\r\nReferrer-Policy: no-referrer\r\n"
            "Content-Security-Policy: frame-ancestors 'self'\r\n");
    return common;
}

void RestServer::addCommonHeaders(const HttpRequest &request, HttpResponse &response) const
{
    response.rawHeaders = commonHeaders();
    const QByteArray origin = request.header("origin");
    if (!origin.isEmpty() && originAllowed(origin)) {
        response.headers << HttpResponse::Header {"Access-Control-Allow-Origin", origin}
                         << HttpResponse::Header {"Access-Control-Allow-Credentials", "true"}
                         << HttpResponse::Header {"Access-Control-Expose-Headers",
                                                  "Content-Range, Content-Length, ETag, "
                                                  "Retry-After, Accept-Ranges"}
                         << HttpResponse::Header {"Vary", "Origin"};
    }
}

bool RestServer::mayListenOn(const QHostAddress &address)
{
    if (address.isLoopback() || m_admin.hasCredentials())
        return true;
    m_error = tr("The server does not listen on %1 without admin credentials: anyone on the "
                 "network could clear the cache. Set server/adminUser and "
                 "server/adminPasswordHash, or server/apiKeyHash (drillstudio serve "
                 "--hash-secret makes the hash), or listen on 127.0.0.1.")
                      .arg(address.toString());
    m_socketError = QAbstractSocket::SocketAccessError;
    qCWarning(lcServer).noquote() << m_error;
    return false;
}

std::unique_ptr<GuardedTcpServer> RestServer::makeTcpServer() const
{
    auto tcp = std::make_unique<GuardedTcpServer>();
    HttpConnection::Options options;
    options.limits.maxBodyBytes = m_context->settings()->integer("server/maxBodyBytes");
    const QByteArray upload = QString::fromUtf16(LibraryController::ImportPath).toUtf8();
    options.limits.uploadPaths = {upload, QString::fromUtf16(Prefix).toUtf8() + upload};
    options.limits.maxUploadBytes = m_context->settings()->integer("server/maxUploadBytes");
    options.requestTimeoutMs
            = int(m_context->settings()->integer("server/requestTimeoutSeconds") * 1000);
    options.idleTimeoutMs = int(m_context->settings()->integer("server/idleTimeoutSeconds") * 1000);
    tcp->setConnectionOptions(options);
    tcp->setMaxConnections(int(m_context->settings()->integer("server/maxConnections")));
    return tcp;
}

bool RestServer::listen(const QHostAddress &address, quint16 port)
{
    if (!mayListenOn(address))
        return false;
    auto tcp = makeTcpServer();
    if (!tcp->listen(address, port)) {
        m_error = tcp->errorString();
        m_socketError = tcp->serverError();
        qCWarning(lcServer).noquote()
                << "cannot listen on" << address.toString() << port << ":" << m_error;
        return false;
    }
    adopt(std::move(tcp));
    return true;
}

bool RestServer::listenOnDescriptor(qintptr descriptor)
{
    auto tcp = makeTcpServer();
    if (!tcp->setSocketDescriptor(descriptor) || !tcp->isListening()
        || tcp->serverAddress().isNull()) {
        m_error = tr("The socket handed over by the service manager cannot be used: %1")
                          .arg(tcp->errorString());
        m_socketError = tcp->serverError();
        qCWarning(lcServer).noquote() << m_error;
        return false;
    }
    if (!mayListenOn(tcp->serverAddress()))
        return false;
    adopt(std::move(tcp));
    return true;
}

void RestServer::adopt(std::unique_ptr<GuardedTcpServer> tcp)
{
    connect(tcp.get(), &GuardedTcpServer::refused, this,
            [this](const QHostAddress &, int status, const QString &) {
                m_metrics.countRefusal(status);
            });
    connect(tcp.get(), &GuardedTcpServer::idleClosed, this, [this] { m_metrics.countIdleClose(); });
    tcp->setConnectionHandler([this](HttpConnection *connection) {
        connection->setRequestHandler(
                [this](HttpConnection *from, HttpRequest &&request, bool keepAlive) {
                    onRequest(from, std::move(request), keepAlive);
                });
        connection->setBusyCheck([this, connection] {
            const AnswerQueue *queue = m_queues.value(connection);
            return queue && (queue->nextOut < queue->nextSequence || queue->streaming);
        });
    });
    m_address = tcp->serverAddress();
    m_port = tcp->serverPort();
    m_tcp = std::move(tcp);
    if (!m_address.isLoopback())
        qCWarning(lcServer).noquote()
                << "listening on" << m_address.toString() << "- reachable from other machines";
}

// Pipelined answers a connection may owe before its further requests wait.
constexpr int kMaxAnswersOwed = 32;

// The run ID of "/status/<digits>" (with or without the gateway's prefix), for the short path:
// plain digits only, 1 to 2^53 - 1, no leading zero. Anything else takes the usual path, which
// checks it by the one rule of run IDs.
static qint64 plainStatusRunId(QStringView path)
{
    const QStringView prefix(RestServer::Prefix);
    if (path.startsWith(prefix))
        path = path.sliced(prefix.size());
    if (!path.startsWith(u"/status/"))
        return 0;
    path = path.sliced(8);
    if (path.isEmpty() || path.size() > 16 || path.front() == u'0')
        return 0;
    qint64 value = 0;
    for (const QChar c : path) {
        if (c < u'0' || c > u'9')
            return 0;
        value = value * 10 + (c.unicode() - u'0');
    }
    return value <= (qint64(1) << 53) - 1 ? value : 0;
}

void RestServer::onRequest(HttpConnection *connection, HttpRequest &&request, bool keepAlive)
{
    AnswerQueue *queue = queueOf(connection);
    // The short path: a cached status answer, as bytes, when nothing else applies to it (no
    // ban under way, an allowed Host, no CORS, nothing owed before it on this connection).
    if (keepAlive && request.method == "GET" && queue->nextOut == queue->nextSequence
        && !queue->streaming && !m_admin.anyFailures() && request.header("origin").isEmpty()) {
        if (const qint64 runId = plainStatusRunId(request.path);
            runId > 0 && hostAllowedCached(request.header("host"))) {
            if (const QByteArray *wire = m_controller->cachedStatusWire(runId)) {
                const qint64 startedNs = m_uptime.nsecsElapsed();
                ++queue->nextSequence;
                ++queue->nextOut;
                connection->write(*wire);
                const qint64 tookNs = m_uptime.nsecsElapsed() - startedNs;
                m_metrics.countCachedStatus(tookNs);
                Q_EMIT requestServed(request.method, request.path, 200, tookNs / 1000000);
                return;
            }
        }
    }

    // The handlers may answer later (a waiting POST /generate): the request lives in the reply.
    auto copy = std::make_shared<const HttpRequest>(std::move(request));
    const bool close = !keepAlive;
    const QPointer<HttpConnection> guarded = connection;
    auto route = std::make_shared<QString>();
    auto answered = std::make_shared<bool>(false);
    const int sequence = queue->nextSequence++;
    if (queue->nextSequence - queue->nextOut > kMaxAnswersOwed)
        connection->setReadingPaused(true);
    const qint64 startedNs = m_uptime.nsecsElapsed();
    const Reply reply = [this, guarded, copy, route, answered, close, startedNs,
                         sequence](const HttpResponse &r) {
        if (*answered)
            return;
        *answered = true;
        send(guarded, *copy, *route, r, close, startedNs, sequence);
    };
    const HttpRequest &req = *copy;
    if (const qint64 seconds
        = m_admin.anyFailures() ? m_admin.bannedFor(m_controller->clientAddress(req)) : 0) {
        *route = QStringLiteral("banned");
        reply(errorResponse(ApiError {ApiError::Kind::Banned, {}, {}, seconds, {}}));
        return;
    }
    if (!hostAllowedCached(req.header("host"))) {
        *route = QStringLiteral("host_not_allowed");
        reply(errorResponse(ApiError {ApiError::Kind::HostNotAllowed,
                                      loggablePath(QString::fromLatin1(req.header("host"))),
                                      {},
                                      0,
                                      {}}));
        return;
    }
    if (req.method == "OPTIONS" && !req.header("access-control-request-method").isEmpty()) {
        // A CORS preflight: allowed origins get the methods and headers; others get no CORS
        // headers, so the browser stops there.
        *route = QStringLiteral("preflight");
        HttpResponse response = HttpResponse::text({}, {}, 204);
        if (originAllowed(req.header("origin"))) {
            response.headers << HttpResponse::Header {"Access-Control-Allow-Methods",
                                                      "GET, HEAD, POST, DELETE, OPTIONS"}
                             << HttpResponse::Header {"Access-Control-Allow-Headers",
                                                      "Authorization, Content-Type, Range, "
                                                      "If-None-Match, If-Range"}
                             << HttpResponse::Header {"Access-Control-Max-Age", "600"};
        }
        reply(response);
        return;
    }
    dispatch(req, reply, route.get());
}

void RestServer::dispatch(const HttpRequest &request, const Reply &reply, QString *routeName)
{
    QStringView path = request.path;
    const QStringView prefix(Prefix);
    if (path.startsWith(prefix) && (path.size() == prefix.size() || path.at(prefix.size()) == u'/'))
        path = path.sliced(prefix.size());
    const bool trailingSlash = path.size() > 1 && path.endsWith(QLatin1Char('/'));
    const QList<QStringView> segments = path.split(QLatin1Char('/'), Qt::SkipEmptyParts);

    QByteArrayList allowed;
    for (const Route &route : std::as_const(m_routes)) {
        if (trailingSlash || route.segments.size() != segments.size())
            continue;
        QStringList args;
        bool matches = true;
        for (qsizetype i = 0; i < segments.size() && matches; ++i) {
            const QString &part = route.segments.at(i);
            if (!part.startsWith(QLatin1Char('{')))
                matches = part == segments.at(i);
            else if (segments.at(i).contains(QLatin1Char('%')))
                args << QUrl::fromPercentEncoding(segments.at(i).toUtf8());
            else
                args << segments.at(i).toString();
        }
        if (!matches)
            continue;
        const bool head = request.method == "HEAD" && route.method == "GET";
        if (route.method != request.method && !head) {
            allowed << route.method;
            if (route.method == "GET")
                allowed << "HEAD";
            continue;
        }
        *routeName = route.pattern;
        if (route.admin) {
            const AdminGate::Verdict verdict = m_admin.check(
                    request.peer, m_controller->clientAddress(request),
                    request.header("authorization"), !request.header("x-forwarded-for").isEmpty());
            switch (verdict.result) {
            case AdminGate::Result::Accepted:
                break;
            case AdminGate::Result::Banned:
                return reply(errorResponse(
                        ApiError {ApiError::Kind::Banned, {}, {}, verdict.retryAfterSeconds, {}}));
            case AdminGate::Result::Missing:
            case AdminGate::Result::Wrong:
                return reply(
                        errorResponse(ApiError {ApiError::Kind::AdminUnauthorized, {}, {}, 0, {}}));
            }
        }
        route.handler(request, args, reply);
        return;
    }
    if (!allowed.isEmpty()) {
        *routeName = QStringLiteral("method_not_allowed");
        return reply(errorResponse(
                ApiError {ApiError::Kind::MethodNotAllowed, {}, {}, 0, allowed.join(", ")}));
    }
    *routeName = QStringLiteral("not_found");
    reply(errorResponse(ApiError {ApiError::Kind::NotFound, {}, {}, 0, {}}));
}

void RestServer::send(const QPointer<HttpConnection> &connection, const HttpRequest &request,
                      const QString &route, HttpResponse response, bool close, qint64 startedNs,
                      int sequence)
{
    const qint64 tookNs = startedNs >= 0 ? m_uptime.nsecsElapsed() - startedNs : 0;
    m_metrics.countRequest(route, request.method, response.status, tookNs);
    addCommonHeaders(request, response);
    if (startedNs >= 0)
        Q_EMIT requestServed(request.method, request.path, response.status, tookNs / 1000000);
    if (response.status >= 400) {
        qCInfo(lcServer).noquote()
                << "refused" << response.status << request.method << loggablePath(request.path)
                << "from" << request.peer.toString() << refusalSummary(response);
    }
    if (!connection || !connection->isWritable()) {
        qCInfo(lcServer).noquote() << "client of" << request.method << loggablePath(request.path)
                                   << "left before the answer";
        return;
    }
    HttpConnection *to = connection.data();
    AnswerQueue *queue = sequence >= 0 ? queueOf(to) : nullptr;
    if (!queue) {
        write(to, request, response, close);
        return;
    }
    if (sequence == queue->nextOut && !queue->streaming && queue->pending.isEmpty()) {
        // The usual case: nothing before it waits; no queueing.
        ++queue->nextOut;
        if (FileStream *stream = write(to, request, response, close))
            waitForStream(queue, to, stream);
        to->setReadingPaused(queue->nextSequence - queue->nextOut > kMaxAnswersOwed);
        return;
    }
    // Pipelined requests are answered in the order they came, whatever order their handlers
    // finish in (a waiting POST /generate, then a quick GET /status).
    queue->pending.insert(sequence, AnswerQueue::Pending {request, response, close});
    flush(queue, to);
}

void RestServer::flush(AnswerQueue *queue, HttpConnection *connection)
{
    while (!queue->streaming && queue->pending.contains(queue->nextOut)) {
        const AnswerQueue::Pending next = queue->pending.take(queue->nextOut++);
        if (!connection->isWritable())
            return;
        if (FileStream *stream = write(connection, next.request, next.response, next.close))
            waitForStream(queue, connection, stream);
    }
    connection->setReadingPaused(queue->nextSequence - queue->nextOut > kMaxAnswersOwed);
}

void RestServer::waitForStream(AnswerQueue *queue, HttpConnection *connection, FileStream *stream)
{
    queue->streaming = stream;
    connect(stream, &QObject::destroyed, queue, [this, queue, connection] {
        queue->streaming = nullptr;
        flush(queue, connection);
    });
}

bool RestServer::hostAllowedCached(const QByteArray &host)
{
    // A client sends the same Host on every request: the verdict is kept per value (until the
    // allow-list changes).
    if (const auto it = m_hostVerdicts.constFind(host); it != m_hostVerdicts.cend())
        return *it;
    const bool allowed = hostAllowed(host);
    if (m_hostVerdicts.size() >= 256)
        m_hostVerdicts.clear();
    m_hostVerdicts.insert(host, allowed);
    return allowed;
}

void RestServer::readSettings()
{
    m_allowedHosts = m_context->settings()->string("server/allowedHosts");
    m_corsOrigins = m_context->settings()->string("server/corsOrigins");
    m_hostVerdicts.clear();
}

FileStream *RestServer::write(HttpConnection *connection, const HttpRequest &request,
                              HttpResponse response, bool close)
{
    const bool headOnly = request.method == "HEAD";
    if (response.isFile() && !headOnly && response.fileLength > 0) {
        auto file = std::make_unique<QFile>(response.filePath);
        if (!file->open(QIODevice::ReadOnly)) {
            qCWarning(lcServer).noquote()
                    << "cannot open" << response.filePath << ":" << file->errorString();
            response = errorResponse(ApiError {ApiError::Kind::NotFound, {}, {}, 0, {}});
        } else {
            connection->write(response.head(close));
            auto *stream = new FileStream(connection, std::move(file), response.fileOffset,
                                          response.fileLength, close);
            stream->start();
            return stream;
        }
    }
    QByteArray out = response.head(close);
    if (!headOnly && !response.isFile())
        out += response.body;
    connection->write(out);
    if (close)
        connection->closeAfterWrite();
    else
        connection->answerFinished();
    return nullptr;
}
