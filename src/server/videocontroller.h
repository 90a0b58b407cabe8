#pragma once
// The routes' logic: turns requests into JobManager and JobStore calls and their results into
// the old service's answers. Knows nothing of sockets; asynchronous answers go to a callback.
#include "apierror.h"
#include "httpmessage.h"
#include "passwordgate.h"

#include <QElapsedTimer>
#include <QHash>
#include <QMultiHash>
#include <QObject>

#include <functional>
#include <memory>
#include <optional>

#include "jobrecord.h"
#include "library/librarystore.h"

class AppContext;
class RunStatusCache;
struct JobSpec;

class VideoController final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(VideoController)

public:
    using Done = std::function<void(const HttpResponse &)>;

    // Where the frontend reaches the videos (through its gateway), whatever the request's path.
    static constexpr char16_t DownloadPrefix[] = u"/api/video-generation/download/";
    // The longest synchronous wait: under the gateway's 300 s proxy timeout.
    static constexpr int DefaultMaxWaitSeconds = 290;

    explicit VideoController(AppContext *context, QObject *parent = nullptr);
    ~VideoController() override;

    HttpResponse health() const;
    void generate(const HttpRequest &request, const Done &done);
    // The answer to GET /status/{runId} as written to a kept-alive connection, when it is an
    // answer already serialised from the mirror (the run's job has ended); nullptr otherwise.
    // commonHeaders are the header lines RestServer adds to every answer.
    const QByteArray *cachedStatusWire(qint64 runId);
    void setCommonHeaders(const QByteArray &lines) { m_commonHeaders = lines; }
    HttpResponse status(const QString &runIdText);
    HttpResponse clearCache(const QString &runIdText);
    HttpResponse download(const HttpRequest &request, const QString &videoId);
    HttpResponse thumbnail(const HttpRequest &request, const QString &videoId);

    PasswordGate &passwordGate() { return m_gate; }
    // The address a request counts against for the lockout (the client behind a trusted proxy).
    QString clientAddress(const HttpRequest &request) const;
    int waitingRequests() const { return int(m_waiters.size()); }
    // The in-memory mirror of the runs that status and downloads answer from.
    RunStatusCache *runs() const { return m_runs; }

    static QString videoUrl(const QString &jobId);

private:
    struct Waiter;
    struct Parsed;

    std::optional<Parsed> parseGenerate(const HttpRequest &request, QJsonArray *issues) const;
    QString checkSize(const QString &provider, const QString &size) const;
    QString checkSeconds(const QString &provider, int seconds) const;
    HttpResponse statusOf(qint64 runId);
    HttpResponse statusAnswer(const JobRecord *job,
                              const std::optional<LibraryMatchRecord> &match) const;
    std::optional<qint64> parsePathRunId(const QString &text, rest::ApiError *error) const;

    HttpResponse successAnswer(const JobRecord &job) const;
    HttpResponse failedAnswer(const QString &error) const;
    HttpResponse acceptedAnswer(const JobRecord &job) const;
    HttpResponse fileAnswer(const HttpRequest &request, const QString &path,
                            const QByteArray &contentType, const QByteArray &etag,
                            const QList<HttpResponse::Header> &extraHeaders) const;
    void finishWaiters(const JobRecord &job, bool succeeded);
    std::optional<qint64> etaSeconds(const QString &jobId) const;

    AppContext *m_context;
    PasswordGate m_gate;
    QMultiHash<QString, std::shared_ptr<Waiter>> m_waiters; // by job id
    struct Eta
    {
        qint64 msLeft = -1;
        qint64 at = 0; // m_monotonic's reading when it was reported
    };
    QHash<QString, Eta> m_eta;
    // Status answers come from m_runs. Answers of runs whose job has ended do not change until
    // the mirror does: they are serialised once. Emptied whenever the mirror changes.
    RunStatusCache *m_runs; // child
    QHash<qint64, HttpResponse> m_answers;
    // The same answers as the bytes on the wire (with the common headers, kept alive), for
    // RestServer's path for cached status answers.
    QHash<qint64, QByteArray> m_statusWire;
    QByteArray m_commonHeaders;
    HttpResponse m_notFound;
    // Finished videos outside the mirror (while it is stale) by id for a moment: a browser
    // seeking asks for many ranges.
    static constexpr qint64 StatusCacheMs = 1000;
    struct CachedVideo
    {
        std::optional<JobRecord> job;
        qint64 until = 0;
    };
    QHash<QString, CachedVideo> m_videoCache;
    std::optional<JobRecord> finishedVideo(const QString &videoId);
    void forgetCachedAnswers();
    QElapsedTimer m_monotonic;
};
