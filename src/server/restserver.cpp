#include "restserver.h"

#include "apierror.h"
#include "appcontext.h"
#include "connectionguard.h"
#include "filestream.h"
#include "jobmanager.h"
#include "openapi.h"
#include "serverlog.h"
#include "settings.h"
#include "videocontroller.h"

#include <QFile>
#include <QHttpServerRequest>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTcpSocket>
#include <QUrl>

#include <csignal>
#include <memory>

using rest::ApiError;
using rest::errorResponse;

namespace {

QByteArray methodName(QHttpServerRequest::Method method)
{
    using Method = QHttpServerRequest::Method;
    switch (method) {
    case Method::Get:
        return QByteArrayLiteral("GET");
    case Method::Put:
        return QByteArrayLiteral("PUT");
    case Method::Delete:
        return QByteArrayLiteral("DELETE");
    case Method::Post:
        return QByteArrayLiteral("POST");
    case Method::Head:
        return QByteArrayLiteral("HEAD");
    case Method::Options:
        return QByteArrayLiteral("OPTIONS");
    case Method::Patch:
        return QByteArrayLiteral("PATCH");
    case Method::Connect:
        return QByteArrayLiteral("CONNECT");
    case Method::Trace:
        return QByteArrayLiteral("TRACE");
    default:
        return QByteArrayLiteral("UNKNOWN");
    }
}

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
    : QAbstractHttpServer(parent)
    , m_context(context)
    , m_controller(new VideoController(context, this))
{
    // Writing to a connection the client closed must be an error, not the end of the process
    // (downloads write with sendfile(2), which raises SIGPIPE).
    std::signal(SIGPIPE, SIG_IGN);
    setUpRoutes();
    connect(context->jobs(), &JobManager::jobFinished, this, [this] { m_metrics.countJob(true); });
    connect(context->jobs(), &JobManager::jobFailed, this, [this] { m_metrics.countJob(false); });
}

RestServer::~RestServer() = default;

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
    addRoute("DELETE", QStringLiteral("/cache/{run_id}"),
             [c](const HttpRequest &, const QStringList &args, const Reply &reply) {
                 reply(c->clearCache(args.at(0)));
             });
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
    addRoute("GET", QStringLiteral("/metrics"),
             [this](const HttpRequest &, const QStringList &, const Reply &reply) {
                 reply(HttpResponse::text(m_metrics.render(m_context->store()),
                                          "text/plain; version=0.0.4; charset=utf-8"));
             });
}

void RestServer::addRoute(const QByteArray &method, const QString &pattern, Handler handler)
{
    m_routes.append(Route {method, pattern, splitPath(pattern), std::move(handler)});
}

bool RestServer::listen(const QHostAddress &address, quint16 port)
{
    auto tcp = std::make_unique<GuardedTcpServer>();
    tcp->setMaxBodyBytes(m_context->settings()->integer("server/maxBodyBytes"));
    if (!tcp->listen(address, port)) {
        m_error = tcp->errorString();
        m_socketError = tcp->serverError();
        qCWarning(lcServer).noquote()
                << "cannot listen on" << address.toString() << port << ":" << m_error;
        return false;
    }
    connect(tcp.get(), &GuardedTcpServer::refused, this,
            [this](const QHostAddress &, int status, const QString &) {
                m_metrics.countRefusal(status);
            });
    m_address = tcp->serverAddress();
    m_port = tcp->serverPort();
    m_tcp = tcp.get();
    bind(tcp.release());
    if (!address.isLoopback())
        qCWarning(lcServer).noquote()
                << "listening on" << address.toString() << "- reachable from other machines";
    return true;
}

bool RestServer::handleRequest(const QHttpServerRequest &request, QTcpSocket *socket)
{
    // QHttpServer reuses its request object for the connection's next request: copy it out.
    HttpRequest copy;
    copy.method = methodName(request.method());
    copy.path = request.url().path(QUrl::FullyEncoded);
    const auto headers = request.headers();
    copy.headers.reserve(headers.size());
    for (const auto &[name, value] : headers)
        copy.headers.insert(name.toLower(), value);
    copy.body = request.body();
    copy.peer = socket->peerAddress();

    const bool close = copy.header("connection").toLower().contains("close");
    const QPointer<QTcpSocket> guarded = socket;
    auto route = std::make_shared<QString>();
    auto answered = std::make_shared<bool>(false);
    const Reply reply = [this, guarded, copy, route, answered, close](const HttpResponse &r) {
        if (*answered)
            return;
        *answered = true;
        send(guarded, copy, *route, r, close);
    };
    dispatch(copy, reply, route.get());
    return true;
}

void RestServer::missingHandler(const QHttpServerRequest &request, QTcpSocket *socket)
{
    // handleRequest answers every request; this is here because the base class requires it.
    HttpRequest copy;
    copy.method = methodName(request.method());
    copy.path = request.url().path(QUrl::FullyEncoded);
    send(socket, copy, QStringLiteral("unmatched"),
         errorResponse(ApiError {ApiError::Kind::NotFound, {}, {}, 0, {}}), false);
}

void RestServer::dispatch(const HttpRequest &request, const Reply &reply, QString *routeName)
{
    QString path = request.path;
    const QString prefix = QString::fromUtf16(Prefix);
    if (path == prefix || path.startsWith(prefix + QLatin1Char('/')))
        path = path.mid(prefix.size());
    const bool trailingSlash = path.size() > 1 && path.endsWith(QLatin1Char('/'));
    const QStringList segments = splitPath(path);

    QByteArrayList allowed;
    for (const Route &route : std::as_const(m_routes)) {
        if (trailingSlash || route.segments.size() != segments.size())
            continue;
        QStringList args;
        bool matches = true;
        for (qsizetype i = 0; i < segments.size() && matches; ++i) {
            const QString &part = route.segments.at(i);
            if (part.startsWith(QLatin1Char('{')))
                args << QUrl::fromPercentEncoding(segments.at(i).toUtf8());
            else
                matches = part == segments.at(i);
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

void RestServer::send(const QPointer<QTcpSocket> &socket, const HttpRequest &request,
                      const QString &route, HttpResponse response, bool close)
{
    m_metrics.countRequest(route, request.method, response.status);
    if (response.status >= 400) {
        qCInfo(lcServer).noquote()
                << "refused" << response.status << request.method << loggablePath(request.path)
                << "from" << request.peer.toString() << refusalSummary(response);
    }
    if (!socket || socket->state() != QAbstractSocket::ConnectedState) {
        qCInfo(lcServer).noquote() << "client of" << request.method << loggablePath(request.path)
                                   << "left before the answer";
        return;
    }
    const bool headOnly = request.method == "HEAD";
    if (response.isFile() && !headOnly && response.fileLength > 0) {
        auto file = std::make_unique<QFile>(response.filePath);
        if (!file->open(QIODevice::ReadOnly)) {
            qCWarning(lcServer).noquote()
                    << "cannot open" << response.filePath << ":" << file->errorString();
            response = errorResponse(ApiError {ApiError::Kind::NotFound, {}, {}, 0, {}});
        } else {
            socket->write(response.head(close));
            auto *stream = new FileStream(socket, std::move(file), response.fileOffset,
                                          response.fileLength, close);
            stream->start();
            return;
        }
    }
    QByteArray out = response.head(close);
    if (!headOnly && !response.isFile())
        out += response.body;
    socket->write(out);
    if (close)
        socket->disconnectFromHost();
}
