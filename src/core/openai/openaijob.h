#pragma once
// One video through the Videos API: create (or resume), poll with backoff, download right away,
// and never create again once the service has accepted the job.
#include "openaiclient.h"
#include "videoprovider.h"

#include <QObject>
#include <QPointer>

class Clock;

class OpenAIJob final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(OpenAIJob)

public:
    struct Options
    {
        OpenAIConfig config;
        OpenAIDelay delay;
        bool downloadThumbnail = true;
        int maxDownloadAttempts = 4; // each with the client's own retries and resumes
    };

    OpenAIJob(OpenAIClient *client, const Clock *clock, ProviderRequest request, Options options,
              QObject *parent = nullptr);
    ~OpenAIJob() override;

    QString jobId() const { return m_request.jobId; }
    QString remoteId() const { return m_remoteId; }
    void start();

Q_SIGNALS:
    void remoteIdAssigned(const QString &jobId, const QString &remoteId, const QString &requestId);
    void progressChanged(const QString &jobId, int percent);
    // The finished video as the service describes it (model, "WxH", seconds).
    void videoDescribed(const QString &jobId, const QString &model, const QString &size,
                        int seconds);
    // The video itself, not the thumbnail; bytesTotal is -1 when unknown.
    void downloadProgress(const QString &jobId, qint64 bytesReceived, qint64 bytesTotal);
    void finished(const QString &jobId, const QString &filePath);
    void failed(const QString &jobId, const ProviderError &error);

private:
    OpenAICreateParams createParams() const;
    void lookForEarlierCreate();
    void create();
    void onCreated(OpenAICall *call);
    void poll();
    void onPolled(OpenAICall *call);
    void handleVideo(const OpenAIVideo &video, const QString &requestId, qint64 pollAfterMs);
    void schedulePoll(qint64 pollAfterMs);
    void download();
    void onDownloaded(OpenAICall *call);
    void downloadThumbnail();
    void succeed();
    void fail(OpenAIError error);
    qint64 nowMs() const;

    OpenAIClient *m_client;
    const Clock *m_clock;
    ProviderRequest m_request;
    Options m_options;
    QPointer<OpenAICall> m_call;
    QString m_remoteId;
    QString m_requestId;
    qint64 m_deadlineMs = 0;
    qint64 m_pollDelayMs = 0;
    int m_progress = -1;
    int m_downloadAttempts = 0;
    bool m_done = false;
};
