#pragma once
// The Videos API's objects as the client reads and writes them, parsed tolerantly.
#include <QByteArray>
#include <QJsonObject>
#include <QList>
#include <QString>

// A video job as the API reports it. Unknown fields are ignored; nullable ones may be missing.
struct OpenAIVideo
{
    QString id; // opaque
    QString model;
    QString status;
    int progress = 0;
    qint64 createdAt = 0; // unix seconds, 0 when null
    qint64 completedAt = 0;
    qint64 expiresAt = 0;
    QString prompt;
    bool hasPrompt = false; // false when the server sent null or nothing
    QString size;
    QString seconds;
    QString remixedFromVideoId;
    QString errorCode;
    QString errorMessage;

    static OpenAIVideo fromJson(const QJsonObject &object);
    bool isValid() const { return !id.isEmpty(); }
    // queued, in_progress and processing are pending; every other status is final.
    bool isPending() const;
    bool isCompleted() const;
};

// One page of GET /videos.
struct OpenAIVideoPage
{
    QList<OpenAIVideo> data;
    QString firstId;
    QString lastId;
    bool hasMore = false;

    static OpenAIVideoPage fromJson(const QJsonObject &object);
};

// What POST /videos sends; multipart when an input reference image is given.
struct OpenAICreateParams
{
    QString prompt;
    QString model;
    QString size; // "1280x720"
    int seconds = 4; // sent as a string
    QByteArray imageData;
    QString imageFileName;
    QByteArray imageContentType;

    bool isMultipart() const { return !imageData.isEmpty(); }
    // Serialised body and its Content-Type. The boundary only needs to be absent from the data.
    QByteArray body(QByteArray *contentType) const;
};

// The content variants of GET /videos/{id}/content.
enum class OpenAIVariant { Video, Thumbnail, Spritesheet };
QString openAIVariantName(OpenAIVariant variant);
