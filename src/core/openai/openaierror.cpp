#include "openaierror.h"

#include "openaitypes.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QRegularExpression>

namespace {

bool mentionsRetiredModel(const QString &message)
{
    static const QRegularExpression model(QStringLiteral("\\bmodel\\b"),
                                          QRegularExpression::CaseInsensitiveOption);
    static const QRegularExpression gone(
            QStringLiteral("does not exist|not found|not supported|no longer|deprecated|"
                           "shut ?down|retired|decommissioned|unavailable"),
            QRegularExpression::CaseInsensitiveOption);
    return model.match(message).hasMatch() && gone.match(message).hasMatch();
}

} // namespace

QString OpenAIError::code() const
{
    switch (kind) {
    case Kind::None:
        return {};
    case Kind::Moderation:
        return QStringLiteral("moderation_blocked");
    case Kind::InvalidParameter:
        return QStringLiteral("invalid_parameter");
    case Kind::BadKey:
        return QStringLiteral("invalid_api_key");
    case Kind::NotVerified:
        return QStringLiteral("organization_not_verified");
    case Kind::Quota:
        return QStringLiteral("insufficient_quota");
    case Kind::RateLimit:
        return QStringLiteral("rate_limited");
    case Kind::Conflict:
        return QStringLiteral("conflict");
    case Kind::Server:
        return QStringLiteral("server_error");
    case Kind::Network:
        return QStringLiteral("network_error");
    case Kind::Timeout:
        return QStringLiteral("timeout");
    case Kind::ContentExpired:
        return QStringLiteral("content_expired");
    case Kind::ModelUnavailable:
        return QStringLiteral("model_unavailable");
    case Kind::NotFound:
        return QStringLiteral("not_found");
    case Kind::NoKey:
        return QStringLiteral("no_api_key");
    case Kind::JobFailed:
        return QStringLiteral("job_failed");
    case Kind::JobExpired:
        return QStringLiteral("job_expired");
    case Kind::JobCancelled:
        return QStringLiteral("job_cancelled");
    case Kind::JobTimeout:
        return QStringLiteral("job_timeout");
    case Kind::TooLarge:
        return QStringLiteral("too_large");
    case Kind::InvalidResponse:
        return QStringLiteral("invalid_response");
    case Kind::LocalFile:
        return QStringLiteral("file_error");
    case Kind::Cancelled:
        return QStringLiteral("cancelled");
    case Kind::Other:
        return QStringLiteral("api_error");
    }
    return QStringLiteral("api_error");
}

ProviderError OpenAIError::toProviderError() const
{
    ProviderError error;
    error.code = code();
    error.message = message;
    error.httpStatus = httpStatus;
    error.requestId = requestId;
    error.retryable = retryable;
    return error;
}

QString OpenAIError::messageFor(Kind kind, const QString &detail)
{
    QString text;
    switch (kind) {
    case Kind::None:
        return {};
    case Kind::Moderation:
        text = tr("The video service refused this drill text or image under its content rules. "
                  "Reword the drill (no real people, brands or music) or use the local renderer.");
        break;
    case Kind::InvalidParameter:
        text = tr("The video service rejected a setting of this request. Check the model, size "
                  "and length in the settings.");
        break;
    case Kind::BadKey:
        text = tr("The video service did not accept the API key. Check OPENAI_API_KEY, the .env "
                  "file named in the settings, or the key stored in the system keychain.");
        break;
    case Kind::NotVerified:
        text = tr("This account may not use this model: the organisation is not verified for it, "
                  "or the service is not offered in this region.");
        break;
    case Kind::Quota:
        text = tr("The account of this API key has no credit left. Add credit or use another "
                  "key; nothing was retried.");
        break;
    case Kind::RateLimit:
        text = tr("The video service is receiving too many requests from this account. Try again "
                  "in a few minutes.");
        break;
    case Kind::Conflict:
        text = tr("The video service reported a conflict with another request. Try again.");
        break;
    case Kind::Server:
        text = tr("The video service had an internal problem. Try again later.");
        break;
    case Kind::Network:
        text = tr("The video service could not be reached. Check the network connection and the "
                  "address in the settings (openai/baseUrl).");
        break;
    case Kind::Timeout:
        text = tr("The video service did not answer in time. Try again later.");
        break;
    case Kind::ContentExpired:
        text = tr("The finished video can no longer be downloaded: the service keeps it only for "
                  "a limited time.");
        break;
    case Kind::ModelUnavailable:
        text = tr("This endpoint no longer offers this model (OpenAI shut its video API down on "
                  "2026-09-24). Set the address of a compatible endpoint in the settings "
                  "(openai/baseUrl) and a model it offers, or use the local renderer.");
        break;
    case Kind::NotFound:
        text = tr("The video service does not know this video.");
        break;
    case Kind::NoKey:
        text = tr("No API key for the video service was found. Set OPENAI_API_KEY, name a .env "
                  "file in the settings (openai/envFile), or store the key in the system "
                  "keychain with: drillstudio openai-key set");
        break;
    case Kind::JobFailed:
        text = tr("The video service could not make this video.");
        break;
    case Kind::JobExpired:
        text = tr("The video service let this job expire before it could be downloaded.");
        break;
    case Kind::JobCancelled:
        text = tr("The video service cancelled this job.");
        break;
    case Kind::JobTimeout:
        text = tr("The video was not ready within the time allowed (jobs/timeoutSeconds).");
        break;
    case Kind::TooLarge:
        text = tr("The downloaded file is larger than allowed (openai/maxDownloadBytes).");
        break;
    case Kind::InvalidResponse:
        text = tr("The video service sent an answer that cannot be read. Check that "
                  "openai/baseUrl points to an OpenAI-compatible video API.");
        break;
    case Kind::LocalFile:
        text = tr("The video could not be saved on this computer.");
        break;
    case Kind::Cancelled:
        text = tr("Cancelled.");
        break;
    case Kind::Other:
        text = tr("The video service reported an error.");
        break;
    }
    if (!detail.isEmpty())
        text += QLatin1Char(' ') + tr("(Details: %1)").arg(detail.left(500));
    return text;
}

OpenAIError OpenAIError::make(Kind kind, const QString &detail)
{
    OpenAIError error;
    error.kind = kind;
    error.message = messageFor(kind, detail);
    error.retryable = kind == Kind::RateLimit || kind == Kind::Server || kind == Kind::Network
            || kind == Kind::Timeout || kind == Kind::Conflict;
    return error;
}

OpenAIError OpenAIError::fromHttp(int status, const QByteArray &body, const QString &requestId,
                                  bool forContent)
{
    QString apiCode, apiType, apiParam, apiMessage;
    const QJsonObject root = QJsonDocument::fromJson(body).object();
    const QJsonValue errorValue = root.value(QLatin1StringView("error"));
    if (errorValue.isObject()) {
        const QJsonObject error = errorValue.toObject();
        apiCode = error.value(QLatin1StringView("code")).toString();
        apiType = error.value(QLatin1StringView("type")).toString();
        apiParam = error.value(QLatin1StringView("param")).toString();
        apiMessage = error.value(QLatin1StringView("message")).toString();
    } else if (errorValue.isString()) {
        apiMessage = errorValue.toString();
    } else if (root.value(QLatin1StringView("detail")).isString()) {
        apiMessage = root.value(QLatin1StringView("detail")).toString();
    }

    Kind kind = Kind::Other;
    QString detail;
    const bool moderation = apiCode == QLatin1String("moderation_blocked")
            || apiCode == QLatin1String("content_policy_violation");
    const bool retiredModel = apiCode == QLatin1String("model_not_found")
            || apiCode == QLatin1String("unknown_url")
            || apiMessage.startsWith(QLatin1String("Invalid URL"))
            || mentionsRetiredModel(apiMessage);
    const bool expired = apiCode.contains(QLatin1String("expired"))
            || apiMessage.contains(QLatin1String("expired"), Qt::CaseInsensitive);
    if (moderation) {
        kind = Kind::Moderation;
        detail = apiMessage;
    } else if (status == 401) {
        kind = Kind::BadKey;
    } else if (status == 403) {
        kind = Kind::NotVerified;
        detail = apiMessage;
    } else if (status == 429) {
        kind = apiCode == QLatin1String("insufficient_quota") ? Kind::Quota : Kind::RateLimit;
    } else if (forContent && (status == 410 || (status == 404 && !retiredModel) || expired)) {
        kind = Kind::ContentExpired;
    } else if ((status == 404 || status == 400) && retiredModel) {
        kind = Kind::ModelUnavailable;
    } else if (status == 404) {
        kind = Kind::NotFound;
    } else if (status == 408) {
        kind = Kind::Timeout;
    } else if (status == 409) {
        kind = Kind::Conflict;
    } else if (status >= 500) {
        kind = Kind::Server;
    } else if (status == 400 || status == 422) {
        kind = Kind::InvalidParameter;
        detail = apiMessage;
    } else {
        detail = apiMessage.isEmpty() ? QStringLiteral("HTTP %1").arg(status) : apiMessage;
    }
    OpenAIError error = make(kind, detail);
    error.httpStatus = status;
    error.requestId = requestId;
    error.apiCode = apiCode;
    error.apiType = apiType;
    error.apiParam = apiParam;
    error.apiMessage = apiMessage;
    // The SDKs' rule; x-should-retry is applied by the caller, which sees the headers.
    error.retryable = kind != Kind::Quota
            && (status == 408 || status == 409 || status == 429 || status >= 500);
    return error;
}

OpenAIError OpenAIError::fromNetwork(QNetworkReply::NetworkError networkError,
                                     const QString &detail)
{
    const bool timeout = networkError == QNetworkReply::TimeoutError
            || networkError == QNetworkReply::OperationCanceledError;
    OpenAIError error = make(timeout ? Kind::Timeout : Kind::Network, timeout ? QString() : detail);
    error.retryable = true;
    return error;
}

OpenAIError OpenAIError::fromJob(const OpenAIVideo &video)
{
    Kind kind = Kind::JobFailed;
    if (video.errorCode == QLatin1String("moderation_blocked")
        || video.errorCode == QLatin1String("content_policy_violation"))
        kind = Kind::Moderation;
    else if (video.status == QLatin1String("expired"))
        kind = Kind::JobExpired;
    else if (video.status == QLatin1String("cancelled")
             || video.status == QLatin1String("canceled"))
        kind = Kind::JobCancelled;
    QString detail = video.errorMessage;
    if (kind == Kind::JobFailed && video.status != QLatin1String("failed"))
        detail = tr("status \"%1\"").arg(video.status)
                + (detail.isEmpty() ? QString() : QStringLiteral(": ") + detail);
    OpenAIError error = make(kind, detail);
    error.apiCode = video.errorCode;
    error.apiMessage = video.errorMessage;
    error.retryable = false;
    return error;
}
