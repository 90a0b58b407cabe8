#include "apierror.h"

#include <QJsonObject>

namespace rest {

namespace {

const QString kRedacted = QStringLiteral("[redacted]");

// An issue's input with its secrets removed: the whole input when the issue is about a secret
// field (a password given as a number is echoed bare), else every secret member inside it.
QJsonObject redactIssue(QJsonObject issue)
{
    // A "missing" issue echoes the object that lacks the field, not the field's value.
    const QJsonArray loc = issue.value(QStringLiteral("loc")).toArray();
    const QJsonValue last = loc.isEmpty() ? QJsonValue() : loc.last();
    const bool aboutSecret = last.isString() && isSecretName(last.toString())
            && issue.value(QStringLiteral("type")).toString() != QLatin1String("missing");
    const auto input = issue.find(QStringLiteral("input"));
    if (input != issue.end())
        *input = redactSecrets(*input, aboutSecret);
    const auto ctx = issue.find(QStringLiteral("ctx"));
    if (ctx != issue.end())
        *ctx = redactSecrets(*ctx, aboutSecret);
    return issue;
}

} // namespace

bool isSecretName(const QString &name)
{
    static const QStringList parts {
            QStringLiteral("password"), QStringLiteral("passwd"),        QStringLiteral("secret"),
            QStringLiteral("token"),    QStringLiteral("authorization"), QStringLiteral("cookie"),
            QStringLiteral("api_key"),  QStringLiteral("apikey"),        QStringLiteral("api-key")};
    const QString lower = name.toLower();
    for (const QString &part : parts) {
        if (lower.contains(part))
            return true;
    }
    return false;
}

QJsonValue redactSecrets(const QJsonValue &value, bool secretKey)
{
    if (secretKey && !value.isNull() && !value.isUndefined())
        return kRedacted;
    if (value.isObject()) {
        QJsonObject object = value.toObject();
        for (auto it = object.begin(); it != object.end(); ++it)
            *it = redactSecrets(*it, isSecretName(it.key()));
        return object;
    }
    if (value.isArray()) {
        QJsonArray array = value.toArray();
        for (auto it = array.begin(); it != array.end(); ++it)
            *it = redactSecrets(*it, false);
        return array;
    }
    return value;
}

QJsonObject ApiError::issue(const QString &type, const QJsonArray &loc, const QString &msg,
                            const QJsonValue &input, const QJsonObject &ctx)
{
    QJsonObject object {{QStringLiteral("type"), type},
                        {QStringLiteral("loc"), loc},
                        {QStringLiteral("msg"), msg},
                        {QStringLiteral("input"), input}};
    if (!ctx.isEmpty())
        object.insert(QStringLiteral("ctx"), ctx);
    return object;
}

QJsonValue redactStrings(const QJsonValue &value, const QStringList &secrets)
{
    if (value.isString()) {
        for (const QString &secret : secrets) {
            if (!secret.isEmpty() && value.toString().contains(secret))
                return kRedacted;
        }
        return value;
    }
    if (value.isObject()) {
        QJsonObject object = value.toObject();
        for (auto it = object.begin(); it != object.end(); ++it)
            *it = redactStrings(*it, secrets);
        return object;
    }
    if (value.isArray()) {
        QJsonArray array = value.toArray();
        for (auto it = array.begin(); it != array.end(); ++it)
            *it = redactStrings(*it, secrets);
        return array;
    }
    return value;
}

HttpResponse errorResponse(const ApiError &error)
{
    const auto detail = [](const QString &text, int status) {
        return HttpResponse::json(QJsonObject {{QStringLiteral("detail"), text}}, status);
    };
    switch (error.kind) {
    case ApiError::Kind::NotFound:
        return detail(QStringLiteral("Not Found"), 404);
    case ApiError::Kind::MethodNotAllowed: {
        HttpResponse response = detail(QStringLiteral("Method Not Allowed"), 405);
        response.headers << HttpResponse::Header {"Allow", error.allow};
        return response;
    }
    case ApiError::Kind::Validation: {
        // FastAPI echoes every input, passwords included; these answers reach logs, proxies and
        // browser consoles, so secrets are replaced here, whatever the handler put in.
        QJsonArray detail;
        for (const QJsonValue &issue : error.validation)
            detail.append(issue.isObject() ? QJsonValue(redactIssue(issue.toObject()))
                                           : redactSecrets(issue));
        return HttpResponse::json(QJsonObject {{QStringLiteral("detail"), detail}}, 422);
    }
    case ApiError::Kind::WrongPassword:
        // The old service's text, kept as it was: the frontend shows it.
        return detail(QStringLiteral("パスワードが正しくありません（残り%1回）").arg(error.number),
                      401);
    case ApiError::Kind::LockedOut: {
        HttpResponse response
                = detail(QStringLiteral("試行回数が上限に達しました。%1分後に再試行してください。")
                                 .arg(error.number),
                         401);
        response.headers << HttpResponse::Header {"Retry-After",
                                                  QByteArray::number(error.number * 60)};
        return response;
    }
    case ApiError::Kind::PasswordNotConfigured:
        return detail(error.message, 503);
    case ApiError::Kind::PayloadTooLarge:
        return detail(ApiError::tr("The request body is larger than %1 bytes.").arg(error.number),
                      413);
    case ApiError::Kind::HeadersTooLarge:
        return detail(ApiError::tr("The request headers are too large."), 431);
    case ApiError::Kind::LengthRequired:
        return detail(ApiError::tr("A request body needs a Content-Length header."), 411);
    case ApiError::Kind::RangeNotSatisfiable: {
        HttpResponse response
                = detail(ApiError::tr("The requested range is not satisfiable."), 416);
        response.headers << HttpResponse::Header {"Content-Range",
                                                  "bytes */" + QByteArray::number(error.number)};
        return response;
    }
    case ApiError::Kind::Internal:
        return detail(error.message, 500);
    case ApiError::Kind::AdminUnauthorized: {
        HttpResponse response = detail(
                ApiError::tr("This needs the admin user name and password, or the API key."), 401);
        response.headers << HttpResponse::Header {"WWW-Authenticate",
                                                  R"(Basic realm="DrillStudio", charset="UTF-8")"};
        return response;
    }
    case ApiError::Kind::Banned: {
        HttpResponse response = detail(ApiError::tr("Too many failed logins from your address. "
                                                    "Try again in %n minute(s).",
                                                    nullptr, int((error.number + 59) / 60)),
                                       403);
        response.headers << HttpResponse::Header {"Retry-After", QByteArray::number(error.number)};
        return response;
    }
    case ApiError::Kind::BadRequest:
        return detail(ApiError::tr("The request is not well-formed HTTP."), 400);
    case ApiError::Kind::RequestTimeout:
        return detail(ApiError::tr("The request took too long to arrive."), 408);
    case ApiError::Kind::TooManyConnections: {
        HttpResponse response = detail(
                ApiError::tr("The server is busy with too many connections. Try again shortly."),
                503);
        response.headers << HttpResponse::Header {"Retry-After", "5"};
        return response;
    }
    case ApiError::Kind::HostNotAllowed:
        return detail(ApiError::tr("This server does not answer to the host name %1. Add it to "
                                   "server/allowedHosts if it is yours.")
                              .arg(error.message),
                      403);
    }
    return detail(QStringLiteral("Not Found"), 404);
}

} // namespace rest
