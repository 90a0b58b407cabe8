// The /v1 routes: one table, one handler that applies auth, faults and logging, then the
// endpoints themselves and the writing of their answers.
#include "soraemulator_p.h"

#include "byterange.h"

#include <QUrlQuery>

using namespace emulator;

namespace {

QString maskedKey(const QString &key)
{
    if (key.size() <= 8)
        return QStringLiteral("***");
    return key.left(3) + QStringLiteral("***") + key.right(4);
}

} // namespace

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
    exchange->range = joinedHeaderValues(request, "range");
    exchange->ifRange = headerValue(request, "if-range");
    entry.range = QString::fromLatin1(exchange->range);
    entry.ifRange = QString::fromLatin1(exchange->ifRange);
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
        const QByteArray part = reply.body.left(exchange->fault.afterBytes);
        responder.writeBody(part);
        entry.bytesSent = part.size();
        socket->disconnectFromHost();
        entry.delivered = false;
        return logEntry(exchange);
    }
    responder.writeBody(reply.body);
    entry.bytesSent = reply.body.size();
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
    const QDateTime lastModified
            = QDateTime::fromSecsSinceEpoch(v.completedAt.toInteger(), Qt::UTC);
    contents.content(job->prompt, QSize(wh.value(0).toInt(), wh.value(1).toInt()),
                     job->seconds.toInt(), variant, q,
                     [this, exchange, lastModified](const ContentFile &file) {
                         if (!file.error.isEmpty()) {
                             ApiError error;
                             error.status = 500;
                             error.type = QStringLiteral("server_error");
                             error.message = QStringLiteral("Rendering failed: %1").arg(file.error);
                             return finish(exchange, Reply::error(error));
                         }
                         finish(exchange, contentReply(file, lastModified, *exchange));
                     });
}

// The whole file or the part a Range asks for, with the validators a client resumes with.
SoraEmulator::Private::Reply SoraEmulator::Private::contentReply(const ContentFile &file,
                                                                 const QDateTime &lastModified,
                                                                 const Exchange &exchange) const
{
    const qint64 length = file.bytes.size();
    Reply reply {200, file.mimeType, file.bytes, {}};
    if (exchange.fault.kind == u"not_a_video") {
        // As long as the real file and labelled the same, but an error page, not a video.
        const QByteArray page = "<html><body>Service temporarily unavailable</body></html>\n";
        reply.body = page.repeated(int(length / page.size()) + 1).left(length);
    }
    reply.headers << Header {"Accept-Ranges", "bytes"} << Header {"ETag", file.etag}
                  << Header {"Last-Modified", httpDate(lastModified)};
    const RangeDecision range
            = decideRange(exchange.range, exchange.ifRange, file.etag, lastModified, length);
    switch (range.kind) {
    case RangeDecision::Kind::Whole:
        break;
    case RangeDecision::Kind::Partial:
        reply.status = 206;
        reply.body = reply.body.mid(range.first, range.size());
        reply.headers << Header {"Content-Range", range.contentRange(length)};
        break;
    case RangeDecision::Kind::Unsatisfiable:
    case RangeDecision::Kind::Invalid: {
        const bool invalid = range.kind == RangeDecision::Kind::Invalid;
        ApiError error = ApiError::invalidRequest(
                invalid ? QStringLiteral("Invalid Range header '%1': expected one range such as "
                                         "'bytes=0-99', 'bytes=100-' or 'bytes=-100'.")
                                  .arg(QString::fromLatin1(exchange.range))
                        : QStringLiteral("Range '%1' is not satisfiable: the content is %2 bytes "
                                         "long.")
                                  .arg(QString::fromLatin1(exchange.range))
                                  .arg(length),
                {}, QStringLiteral("range_not_satisfiable"));
        error.status = 416;
        reply = Reply::error(error);
        reply.headers << Header {"Accept-Ranges", "bytes"}
                      << Header {"Content-Range", range.contentRange(length)};
        break;
    }
    }
    return reply;
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
