#pragma once
// The emulator's per-run behaviour and its fault rules, with their JSON forms (snake_case keys).
#include <QJsonObject>
#include <QList>
#include <QString>
#include <QStringList>

struct EmulatorConfig
{
    // Expected bearer key; empty accepts any non-empty key.
    QString apiKey;
    // "2025" (SDK/OpenAPI enums) or "2026-03" (adds 1920x1080, 1080x1920 and seconds 16, 20).
    QString profile = QStringLiteral("2025");
    // "system" or "manual" (time moves only through advanceClock() / the control endpoint).
    QString clock = QStringLiteral("system");
    // Job timing: queued for queuedMs, then in progress for runMs. 0 and 0 completes a job at
    // its first retrieve (the create answer itself is always "queued").
    qint64 queuedMs = 1000;
    qint64 runMs = 4000;
    qint64 expirySeconds = 3600;
    // Report "expired" for completed jobs past expires_at (otherwise they stay "completed").
    bool expiredStatus = false;
    // The status reported while a job runs: "in_progress", or "processing" as some gateways do.
    QString inProgressStatus = QStringLiteral("in_progress");
    // Answer every API call as api.openai.com does since the shutdown (404).
    bool shutDown = false;
    // Content: tiny renders (160x90 or 90x160, 1 s, 10 fps) for fast tests and benchmarks.
    bool tinyContent = false;
    // One rendering per size and seconds, whatever the prompt (for benchmarks).
    bool sharedContent = false;
    // Answer content downloads with 302 to a signed URL (on redirectHost when set, loopback only).
    bool redirectContent = false;
    QString redirectHost;
    qint64 signedUrlTtlSeconds = 300;
    // Signed URLs refuse requests that carry an Authorization header (as S3 does): 400.
    bool signedUrlRejectsAuthorization = false;
    // Webhooks: events video.completed / video.failed POSTed to this URL when set.
    QString webhookUrl;
    // "whsec_" + base64 key; when empty a random one is made for the run (GET /_emulator/config).
    QString webhookSecret;
    // Sends openai-poll-after-ms on retrieve answers when positive.
    qint64 pollAfterMs = 0;
    int maxPromptLength = 32000;
    // Where rendered content is cached; a temporary folder when empty.
    QString contentDir;

    QStringList allowedSeconds() const;
    QStringList allowedSizes(const QString &model) const;
    bool isKnownModel(const QString &model) const;

    QJsonObject toJson() const;
    // Applies the keys present in json; unknown keys or bad values fail with a message.
    bool apply(const QJsonObject &json, QString *error);
};

struct FaultRule
{
    // rate_limit, quota, server_error, error, reset, lost_response, drop, slow,
    // moderation, moderation_failed, job_failed
    QString kind;
    // create, retrieve, list, delete, content, remix, signed_content or any
    QString target = QStringLiteral("any");
    int skip = 0; // matching requests let through before the rule applies
    int count = 1; // requests affected; -1 for every one
    int status = 0;
    QString retryAfter; // retry-after header value (seconds or an HTTP date)
    qint64 retryAfterMs = -1;
    QString shouldRetry; // "true" / "false" sends x-should-retry
    qint64 delayMs = 0;
    qint64 afterBytes = 0; // reset: body bytes sent before the connection is reset
    QString variant; // content: only this variant ("video", "thumbnail", "spritesheet")
    QString type;
    QString code;
    QString message;
    QString param;

    static QStringList kinds();
    static QStringList targets();
    QJsonObject toJson() const;
    static FaultRule fromJson(const QJsonObject &json, QString *error);
};
