#include "openaitypes.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonValue>
#include <QRandomGenerator>

#include <algorithm>

namespace {

QString text(const QJsonObject &object, QLatin1StringView key)
{
    const QJsonValue value = object.value(key);
    if (value.isString())
        return value.toString();
    if (value.isDouble())
        return QString::number(value.toDouble());
    return {};
}

qint64 integer(const QJsonObject &object, QLatin1StringView key)
{
    const QJsonValue value = object.value(key);
    if (value.isDouble())
        return qint64(value.toDouble());
    if (value.isString())
        return value.toString().toLongLong();
    return 0;
}

} // namespace

OpenAIVideo OpenAIVideo::fromJson(const QJsonObject &object)
{
    OpenAIVideo video;
    video.id = object.value(QLatin1StringView("id")).toString();
    video.model = text(object, QLatin1StringView("model"));
    video.status = text(object, QLatin1StringView("status")).trimmed().toLower();
    video.progress
            = int(std::clamp<qint64>(integer(object, QLatin1StringView("progress")), 0, 100));
    video.createdAt = integer(object, QLatin1StringView("created_at"));
    video.completedAt = integer(object, QLatin1StringView("completed_at"));
    video.expiresAt = integer(object, QLatin1StringView("expires_at"));
    const QJsonValue prompt = object.value(QLatin1StringView("prompt"));
    video.hasPrompt = prompt.isString();
    video.prompt = prompt.toString();
    video.size = text(object, QLatin1StringView("size"));
    video.seconds = text(object, QLatin1StringView("seconds"));
    video.remixedFromVideoId = text(object, QLatin1StringView("remixed_from_video_id"));
    const QJsonValue error = object.value(QLatin1StringView("error"));
    if (error.isObject()) {
        video.errorCode = text(error.toObject(), QLatin1StringView("code"));
        video.errorMessage = text(error.toObject(), QLatin1StringView("message"));
    } else if (error.isString()) {
        video.errorMessage = error.toString();
    }
    return video;
}

bool OpenAIVideo::isPending() const
{
    return status == QLatin1String("queued") || status == QLatin1String("in_progress")
            || status == QLatin1String("processing");
}

bool OpenAIVideo::isCompleted() const
{
    return status == QLatin1String("completed");
}

OpenAIVideoPage OpenAIVideoPage::fromJson(const QJsonObject &object)
{
    OpenAIVideoPage page;
    const QJsonArray data = object.value(QLatin1StringView("data")).toArray();
    for (const QJsonValue &value : data) {
        if (value.isObject())
            page.data.append(OpenAIVideo::fromJson(value.toObject()));
    }
    page.firstId = text(object, QLatin1StringView("first_id"));
    page.lastId = text(object, QLatin1StringView("last_id"));
    page.hasMore = object.value(QLatin1StringView("has_more")).toBool();
    if (page.lastId.isEmpty() && !page.data.isEmpty())
        page.lastId = page.data.constLast().id;
    return page;
}

QByteArray OpenAICreateParams::body(QByteArray *contentType) const
{
    if (!isMultipart()) {
        *contentType = "application/json";
        const QJsonObject object {{QStringLiteral("prompt"), prompt},
                                  {QStringLiteral("model"), model},
                                  {QStringLiteral("size"), size},
                                  {QStringLiteral("seconds"), QString::number(seconds)}};
        return QJsonDocument(object).toJson(QJsonDocument::Compact);
    }
    QByteArray boundary;
    do {
        boundary = "----DrillStudio"
                + QByteArray::number(QRandomGenerator::global()->generate64(), 16);
    } while (imageData.contains(boundary) || prompt.toUtf8().contains(boundary));
    *contentType = "multipart/form-data; boundary=" + boundary;
    QByteArray out;
    auto field = [&](const char *name, const QByteArray &value) {
        out += "--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + name + "\"\r\n\r\n"
                + value + "\r\n";
    };
    field("prompt", prompt.toUtf8());
    field("model", model.toUtf8());
    field("size", size.toUtf8());
    field("seconds", QByteArray::number(seconds));
    // A file part needs a filename and a Content-Type, or the server takes it for a string.
    QByteArray fileName = imageFileName.toUtf8();
    fileName.replace('"', '_').replace('\r', '_').replace('\n', '_');
    if (fileName.isEmpty())
        fileName = "reference";
    out += "--" + boundary + "\r\nContent-Disposition: form-data; name=\"input_reference\"; "
            + "filename=\"" + fileName + "\"\r\nContent-Type: "
            + (imageContentType.isEmpty() ? QByteArray("application/octet-stream")
                                          : imageContentType)
            + "\r\n\r\n" + imageData + "\r\n";
    out += "--" + boundary + "--\r\n";
    return out;
}

QString openAIVariantName(OpenAIVariant variant)
{
    switch (variant) {
    case OpenAIVariant::Video:
        return QStringLiteral("video");
    case OpenAIVariant::Thumbnail:
        return QStringLiteral("thumbnail");
    case OpenAIVariant::Spritesheet:
        return QStringLiteral("spritesheet");
    }
    return QStringLiteral("video");
}
