#pragma once
// The Videos API on QNetworkAccessManager: one place builds every request, retries follow the
// official SDKs, redirects never carry credentials to another host, and a create whose answer
// was lost is looked up before it is ever sent again.
#include "openaiconfig.h"
#include "openaierror.h"
#include "openaitypes.h"

#include <QJsonObject>
#include <QNetworkReply>
#include <QObject>
#include <QPointer>
#include <QSet>

#include <functional>
#include <memory>

class Clock;
class OpenAIClient;
class QFile;
class QNetworkAccessManager;
class QNetworkRequest;

// Waits ms milliseconds, then calls then, unless context was destroyed meanwhile. Tests pass one
// that does not sleep.
using OpenAIDelay = std::function<void(qint64 ms, QObject *context, std::function<void()> then)>;
OpenAIDelay openAIDefaultDelay();

// One API call with its retries and redirects. It emits finished() once and then deletes itself;
// abort() stops it without finished().
class OpenAICall final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(OpenAICall)

public:
    enum class Operation { Create, Retrieve, List, Delete, Remix, Download };

    ~OpenAICall() override;

    Operation operation() const { return m_operation; }
    bool isOk() const { return !m_error.isError(); }
    const OpenAIError &error() const { return m_error; }
    int httpStatus() const { return m_status; }
    QString requestId() const { return m_requestId; }
    QJsonObject json() const { return m_json; }
    OpenAIVideo video() const { return OpenAIVideo::fromJson(m_json); }
    OpenAIVideoPage page() const { return OpenAIVideoPage::fromJson(m_json); }
    // A header of the last answer; empty when absent.
    QByteArray rawHeader(const QByteArray &name) const;
    // Requests sent for this call, retries included, redirects and look-ups not.
    int attempts() const { return m_attempts; }
    // Create only: the answer was lost and the job was found by listing, not created again.
    bool adopted() const { return m_adopted; }
    qint64 bytesWritten() const { return m_written; }
    QString filePath() const { return m_filePath; }

    void abort();

Q_SIGNALS:
    void finished();
    void downloadProgress(qint64 bytesWritten, qint64 bytesTotal);

private:
    friend class OpenAIClient;
    OpenAICall(OpenAIClient *client, Operation operation, QByteArray method, QUrl url,
               QObject *parent);

    void start();
    void send(const QUrl &url, const QByteArray &method, bool withBody);
    void onReadyRead();
    void onReplyFinished();
    void handleFailure(const OpenAIError &error, bool ambiguousCreate, bool madeProgress);
    qint64 retryDelayMs() const;
    void resend();
    void lookForCreatedJob(const QString &after, int page);
    void onLookupFinished(OpenAICall *lookup, int page);
    bool matchesCreate(const OpenAIVideo &video) const;
    bool beginBody(int status);
    void finishWith(const OpenAIError &error);
    void finishLater(const OpenAIError &error);
    void dropReply();

    OpenAIClient *m_client;
    OpenAIConfig m_config;
    Operation m_operation;
    QByteArray m_method;
    QUrl m_url;
    QByteArray m_body;
    QByteArray m_contentType;
    QByteArray m_currentMethod;
    OpenAICreateParams m_create;
    QString m_remixSource;
    qint64 m_firstSentMs = 0;

    QPointer<QNetworkReply> m_reply;
    QPointer<OpenAICall> m_lookup;
    int m_attempts = 0;
    int m_retries = 0;
    int m_hops = 0;
    bool m_sendCredentials = true;
    bool m_bodyStarted = false;
    bool m_finished = false;
    bool m_resendAfterLookup = false;
    bool m_lookupOnly = false;

    int m_status = 0;
    QString m_requestId;
    QList<QNetworkReply::RawHeaderPair> m_headers;
    QByteArray m_responseBody;
    QJsonObject m_json;
    OpenAIError m_error;
    OpenAIError m_pendingError;
    bool m_adopted = false;

    // Downloads
    QString m_filePath;
    std::unique_ptr<QFile> m_file;
    qint64 m_written = 0;
    qint64 m_expectedTotal = -1;
    qint64 m_writtenAtAttemptStart = 0;
    QByteArray m_validator; // ETag or Last-Modified for If-Range
};

class OpenAIClient final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(OpenAIClient)

public:
    // clock may be null: the system clock is used.
    explicit OpenAIClient(const Clock *clock = nullptr, QObject *parent = nullptr);
    ~OpenAIClient() override;

    void setConfig(const OpenAIConfig &config) { m_config = config; }
    const OpenAIConfig &config() const { return m_config; }
    void setDelayFunction(OpenAIDelay delay) { m_delay = std::move(delay); }
    const OpenAIDelay &delayFunction() const { return m_delay; }
    // Jitter source in [0, 1); tests make it fixed.
    void setRandomSource(std::function<double()> random) { m_random = std::move(random); }

    OpenAICall *create(const OpenAICreateParams &params);
    OpenAICall *retrieve(const QString &videoId);
    OpenAICall *list(int limit = 20, const QString &after = {},
                     Qt::SortOrder order = Qt::DescendingOrder);
    OpenAICall *deleteVideo(const QString &videoId);
    OpenAICall *remix(const QString &videoId, const QString &prompt);
    // Looks for a job that an earlier, interrupted attempt may have created (same prompt, model,
    // size and seconds, created after createdAfterMs). Answers ok with the video as json(), or
    // ok with an empty json() when there is none; an error when the list cannot be read.
    OpenAICall *findCreated(const OpenAICreateParams &params, qint64 createdAfterMs);
    // Streams the content to filePath as it arrives (created or truncated).
    OpenAICall *download(const QString &videoId, OpenAIVariant variant, const QString &filePath);

    // Ids of jobs this client created or resumes: a lost create never adopts one of them.
    void rememberVideoId(const QString &videoId) { m_knownIds.insert(videoId); }
    bool knowsVideoId(const QString &videoId) const { return m_knownIds.contains(videoId); }

    int activeCallCount() const;
    QNetworkAccessManager *networkAccess() const { return m_network; }

    // The one place where requests are made: timeout, redirect policy, user agent, credentials.
    static QNetworkRequest buildRequest(const QUrl &url, const OpenAIConfig &config,
                                        bool sendCredentials, bool expectJson);
    // Same scheme, host and port.
    static bool sameOrigin(const QUrl &a, const QUrl &b);

private:
    friend class OpenAICall;
    QUrl endpoint(const QString &path, const QUrlQuery &query) const;
    OpenAICall *makeCall(OpenAICall::Operation operation, const QByteArray &method,
                         const QUrl &url);
    qint64 nowMs() const;

    QNetworkAccessManager *m_network;
    const Clock *m_clock;
    OpenAIConfig m_config;
    OpenAIDelay m_delay;
    std::function<double()> m_random;
    QSet<QString> m_knownIds;
};
