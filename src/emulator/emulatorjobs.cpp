// The job model: jobs on the emulator clock, how each looks at an instant, and the transitions
// (with their webhooks) as the clock moves.
#include "soraemulator_p.h"

#include "standardwebhooks.h"

#include <QNetworkReply>
#include <QNetworkRequest>

using namespace emulator;

SoraEmulator::Private::Job *SoraEmulator::Private::findJob(const QString &id)
{
    const auto it = jobs.find(id);
    return it == jobs.end() ? nullptr : &it.value();
}

ApiError SoraEmulator::Private::notFoundError(const QString &id) const
{
    return ApiError::notFound(QStringLiteral("Video with id '%1' not found.").arg(id),
                              QStringLiteral("video_not_found"));
}

SoraEmulator::Private::Job &SoraEmulator::Private::addJob(const CreateParams &params,
                                                          const QString &remixedFrom)
{
    Job job;
    job.id = QStringLiteral("video_") + QString::fromLatin1(randomHex(16));
    job.sequence = nextSequence++;
    job.model = params.model;
    job.prompt = params.prompt;
    job.size = params.size;
    job.seconds = params.seconds;
    job.remixedFrom = remixedFrom;
    job.createdMs = clock->nowMs();
    job.queuedMs = config.queuedMs;
    job.runMs = config.runMs;
    job.expirySeconds = config.expirySeconds;
    order.append(job.id);
    pending.append(job.id);
    return jobs.insert(job.id, job).value();
}

SoraEmulator::Private::JobView SoraEmulator::Private::view(const Job &job) const
{
    JobView v;
    const qint64 elapsed = clock->nowMs() - job.createdMs;
    if (elapsed < job.queuedMs) {
        v.status = QStringLiteral("queued");
        return v;
    }
    if (elapsed < job.queuedMs + job.runMs) {
        v.status = config.inProgressStatus;
        v.progress = int(qBound<qint64>(0, (elapsed - job.queuedMs) * 100 / job.runMs, qint64(99)));
        return v;
    }
    v.terminal = true;
    if (!job.failCode.isEmpty()) {
        v.status = QStringLiteral("failed");
        return v;
    }
    const qint64 completedAt = (job.createdMs + job.queuedMs + job.runMs) / 1000;
    const qint64 expiresAt = completedAt + job.expirySeconds;
    v.status = QStringLiteral("completed");
    v.progress = 100;
    v.completedAt = completedAt;
    v.expiresAt = expiresAt;
    v.expired = clock->nowMs() >= expiresAt * 1000;
    v.contentAvailable = !v.expired;
    if (v.expired && config.expiredStatus)
        v.status = QStringLiteral("expired");
    return v;
}

QJsonObject SoraEmulator::Private::videoJson(const Job &job, bool justCreated) const
{
    JobView v = view(job);
    if (justCreated) {
        // The create answer always shows the job as it was accepted.
        v = JobView {};
        v.status = QStringLiteral("queued");
    }
    QJsonValue error;
    if (v.status == u"failed") {
        error = QJsonObject {{QStringLiteral("code"), job.failCode},
                             {QStringLiteral("message"), job.failMessage}};
    }
    return QJsonObject {
            {QStringLiteral("id"), job.id},
            {QStringLiteral("object"), QStringLiteral("video")},
            {QStringLiteral("model"), job.model},
            {QStringLiteral("status"), v.status},
            {QStringLiteral("progress"), v.progress},
            {QStringLiteral("created_at"), job.createdMs / 1000},
            {QStringLiteral("completed_at"), v.completedAt},
            {QStringLiteral("expires_at"), v.expiresAt},
            {QStringLiteral("prompt"), job.prompt},
            {QStringLiteral("size"), job.size},
            {QStringLiteral("seconds"), job.seconds},
            {QStringLiteral("remixed_from_video_id"),
             job.remixedFrom.isEmpty() ? QJsonValue() : QJsonValue(job.remixedFrom)},
            {QStringLiteral("error"), error},
    };
}

void SoraEmulator::Private::processTransitions()
{
    const qint64 now = clock->nowMs();
    qint64 nextAt = -1;
    for (qsizetype i = 0; i < pending.size();) {
        Job *job = findJob(pending.at(i));
        if (!job) {
            pending.removeAt(i);
            continue;
        }
        const qint64 endAt = job->createdMs + job->queuedMs + job->runMs;
        if (now < endAt) {
            nextAt = nextAt < 0 ? endAt : qMin(nextAt, endAt);
            ++i;
            continue;
        }
        job->finishNotified = true;
        pending.removeAt(i);
        const QString status
                = job->failCode.isEmpty() ? QStringLiteral("completed") : QStringLiteral("failed");
        Q_EMIT q->jobFinished(job->id, status);
        if (!config.webhookUrl.isEmpty())
            sendWebhook(*job, QStringLiteral("video.") + status);
    }
    if (nextAt >= 0 && !clock->isManual())
        transitionTimer.start(int(qBound<qint64>(0, nextAt - now, qint64(24) * 3600 * 1000)));
    else
        transitionTimer.stop();
}

void SoraEmulator::Private::sendWebhook(const Job &job, const QString &type)
{
    const QByteArray eventId = "evt_" + randomHex(16);
    const QJsonObject event {
            {QStringLiteral("id"), QString::fromLatin1(eventId)},
            {QStringLiteral("object"), QStringLiteral("event")},
            {QStringLiteral("created_at"), clock->nowMs() / 1000},
            {QStringLiteral("type"), type},
            {QStringLiteral("data"), QJsonObject {{QStringLiteral("id"), job.id}}}};
    const QByteArray body = QJsonDocument(event).toJson(QJsonDocument::Compact);
    // The timestamp is real time: receivers compare it with their own clock.
    const qint64 timestamp = QDateTime::currentSecsSinceEpoch();
    QNetworkRequest request {QUrl(config.webhookUrl)};
    request.setHeader(QNetworkRequest::ContentTypeHeader, QByteArrayLiteral("application/json"));
    request.setRawHeader("webhook-id", eventId);
    request.setRawHeader("webhook-timestamp", QByteArray::number(timestamp));
    request.setRawHeader("webhook-signature",
                         StandardWebhooks::sign(config.webhookSecret, eventId, timestamp, body));
    request.setTransferTimeout(10000);
    QNetworkReply *reply = network.post(request, body);
    const QString videoId = job.id;
    QObject::connect(reply, &QNetworkReply::finished, q, [this, reply, type, videoId, eventId] {
        reply->deleteLater();
        const int status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
        QJsonObject delivery {{QStringLiteral("event_id"), QString::fromLatin1(eventId)},
                              {QStringLiteral("type"), type},
                              {QStringLiteral("video_id"), videoId},
                              {QStringLiteral("http_status"), status}};
        if (reply->error() != QNetworkReply::NoError && status == 0)
            delivery.insert(QStringLiteral("error"), reply->errorString());
        webhookDeliveries.append(delivery);
        Q_EMIT q->webhookDelivered(type, status);
    });
}
