#pragma once
// A source of videos: the local renderer or a remote API. JobManager drives providers and
// persists what they report; providers know nothing of the store.
#include <QMetaType>
#include <QObject>
#include <QSize>
#include <QString>

struct ProviderRequest
{
    QString jobId;
    QString drillText;
    QString prompt;
    QString model;
    QSize size;
    int seconds = 4;
    QString cornerLabel;
    QString outputPath; // where the finished MP4 must be written
    QString remoteId; // set when resuming a job the provider already accepted
    // No remote id is known, but an earlier attempt may have sent its create (created after
    // createdAfterMs) and died before recording the answer: look for that video before creating.
    bool mayHaveCreated = false;
    qint64 createdAfterMs = 0;
};

struct ProviderError
{
    QString code; // stable, machine readable: "moderation_blocked", "render_failed", ...
    QString message; // for people, already translated
    int httpStatus = 0;
    QString requestId;
    bool retryable = false;
};

Q_DECLARE_METATYPE(ProviderError)

class VideoProvider : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(VideoProvider)

public:
    using QObject::QObject;
    ~VideoProvider() override;

    virtual QString name() const = 0;
    virtual bool isRemote() const = 0;
    virtual double estimateCost(const QString &model, QSize size, int seconds) const;

    virtual void start(const ProviderRequest &request) = 0;
    virtual void cancel(const QString &jobId) = 0;

Q_SIGNALS:
    // A remote provider accepted the job; JobManager commits the id before anything waits.
    void remoteIdAssigned(const QString &jobId, const QString &remoteId, const QString &requestId);
    void progressChanged(const QString &jobId, int percent);
    // A remote provider's description of the finished video (model, "WxH", seconds) as the
    // service made and bills it; the actual cost is computed from it.
    void videoDescribed(const QString &jobId, const QString &model, const QString &size,
                        int seconds);
    // A remote provider fetches the finished file: bytes received so far (a resumed download
    // counts what it already had) out of bytesTotal, -1 when the service did not say.
    void downloadProgress(const QString &jobId, qint64 bytesReceived, qint64 bytesTotal);
    void finished(const QString &jobId, const QString &filePath);
    void failed(const QString &jobId, const ProviderError &error);
};
