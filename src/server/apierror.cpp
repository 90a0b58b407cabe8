#include "apierror.h"

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
    case ApiError::Kind::Validation:
        return HttpResponse::json(QJsonObject {{QStringLiteral("detail"), error.validation}}, 422);
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
    }
    return detail(QStringLiteral("Not Found"), 404);
}
