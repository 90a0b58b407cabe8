#pragma once
// A failed Videos API call or job, typed, with a message a coach understands.
#include "videoprovider.h"

#include <QByteArray>
#include <QCoreApplication>
#include <QNetworkReply>
#include <QString>

struct OpenAIVideo;

struct OpenAIError
{
    Q_DECLARE_TR_FUNCTIONS(OpenAIError)

public:
    enum class Kind {
        None,
        Moderation, // the prompt or a reference image was refused
        InvalidParameter, // 400 other than moderation
        BadKey, // 401
        NotVerified, // 403: organisation not verified for the model, or region
        Quota, // 429 insufficient_quota: never retried
        RateLimit, // 429
        Conflict, // 409
        Server, // 5xx
        Network, // connection refused, reset, DNS, ...
        Timeout, // a request took longer than openai/requestTimeoutSeconds
        ContentExpired, // the video can no longer be downloaded
        ModelUnavailable, // the endpoint no longer offers this model (api.openai.com since
                          // 2026-09-24)
        NotFound, // unknown video id
        NoKey, // no API key in any source
        JobFailed, // the job ended failed for another reason
        JobExpired, // status expired
        JobCancelled, // status cancelled
        JobTimeout, // jobs/timeoutSeconds passed while polling
        TooLarge, // a download passed the size limit
        InvalidResponse, // an answer the client cannot read
        LocalFile, // the download could not be written
        Cancelled, // cancelled here
        Other,
    };

    Kind kind = Kind::None;
    int httpStatus = 0;
    QString requestId;
    bool retryable = false;
    QString message; // translated
    QString apiCode; // error.code of the body, when any
    QString apiType; // error.type
    QString apiParam; // error.param
    QString apiMessage; // error.message, untranslated

    bool isError() const { return kind != Kind::None; }
    // Stable machine readable code, as stored with the job.
    QString code() const;
    ProviderError toProviderError() const;

    static OpenAIError make(Kind kind, const QString &detail = {});
    // An HTTP answer other than 2xx. forContent: the request was a content download.
    static OpenAIError fromHttp(int status, const QByteArray &body, const QString &requestId,
                                bool forContent);
    static OpenAIError fromNetwork(QNetworkReply::NetworkError error, const QString &detail);
    // A job that ended in a status other than completed.
    static OpenAIError fromJob(const OpenAIVideo &video);

    // The message for a kind; detail is the server's or system's text, shown after it.
    static QString messageFor(Kind kind, const QString &detail = {});
};
