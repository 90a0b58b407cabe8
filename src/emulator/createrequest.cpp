#include "createrequest.h"

#include "emulatorconfig.h"
#include "multipartform.h"

#include <QBuffer>
#include <QImage>
#include <QImageReader>
#include <QJsonDocument>
#include <QJsonObject>
#include <QMap>

using emulator::ApiError;
namespace ApiText = emulator::ApiText;

namespace {

const QString kInputReference = QStringLiteral("input_reference");

// The fields of a request body, independent of its encoding.
struct Fields
{
    QMap<QString, QJsonValue> values; // JSON values, or strings from multipart fields
    QMap<QString, MultipartPart> files; // multipart parts that carry a filename
};

ApiError parseJsonError()
{
    return ApiError::invalidRequest(QStringLiteral(
            "We could not parse the JSON body of your request. (HINT: This likely means you "
            "aren't using your HTTP library correctly. The OpenAI API expects a JSON payload, but "
            "what was sent was not valid JSON. If you have trouble figuring out how to fix this, "
            "please contact us through our help center at help.openai.com.)"));
}

ApiError readFields(const QByteArray &contentType, const QByteArray &body, Fields *fields)
{
    const QByteArray mime = contentType.split(';').first().trimmed().toLower();
    if (mime == "application/json") {
        QJsonParseError parseError;
        const QJsonDocument document = QJsonDocument::fromJson(body, &parseError);
        if (parseError.error != QJsonParseError::NoError || !document.isObject())
            return parseJsonError();
        const QJsonObject object = document.object();
        for (auto it = object.begin(); it != object.end(); ++it)
            fields->values.insert(it.key(), it.value());
        return {};
    }
    if (mime == "multipart/form-data") {
        QList<MultipartPart> parts;
        QString error;
        if (!MultipartForm::parse(body, MultipartForm::boundaryOf(contentType), &parts, &error))
            return ApiError::invalidRequest(
                    QStringLiteral("Could not parse multipart form: %1.").arg(error));
        for (const MultipartPart &part : std::as_const(parts)) {
            if (part.hasFileName)
                fields->files.insert(part.name, part);
            else
                fields->values.insert(part.name, QString::fromUtf8(part.data));
        }
        return {};
    }
    return ApiError::invalidRequest(
            QStringLiteral("Invalid Content-Type header (%1), expected multipart/form-data or "
                           "application/json.")
                    .arg(mime.isEmpty() ? QStringLiteral("none") : QString::fromLatin1(mime)));
}

// Multipart nested keys such as input_reference[image_url] fold into one object.
void foldBracketKeys(Fields *fields)
{
    QJsonObject nested;
    const QStringList keys = fields->values.keys();
    for (const QString &key : keys) {
        if (key.startsWith(kInputReference + u'[') && key.endsWith(u']')) {
            const QString inner = key.mid(kInputReference.size() + 1).chopped(1);
            nested.insert(inner, fields->values.take(key));
        }
    }
    if (!nested.isEmpty())
        fields->values.insert(kInputReference, nested);
}

ApiError checkString(const Fields &fields, const QString &name, QString *out)
{
    if (fields.files.contains(name))
        return ApiError::invalidType(name, QStringLiteral("a string"), QStringLiteral("a file"));
    const auto it = fields.values.constFind(name);
    if (it == fields.values.cend())
        return {};
    if (!it->isString())
        return ApiError::invalidType(name, QStringLiteral("a string"), ApiText::jsonTypeName(*it));
    *out = it->toString();
    return {};
}

ApiError checkPrompt(const Fields &fields, const EmulatorConfig &config, QString *prompt)
{
    if (!fields.values.contains(QStringLiteral("prompt"))
        && !fields.files.contains(QStringLiteral("prompt")))
        return ApiError::missingParameter(QStringLiteral("prompt"));
    if (ApiError error = checkString(fields, QStringLiteral("prompt"), prompt); error.isError())
        return error;
    if (prompt->isEmpty())
        return ApiError::invalidRequest(
                QStringLiteral("Invalid 'prompt': string too short. Expected a string with minimum "
                               "length 1, but got an empty string instead."),
                QStringLiteral("prompt"), QStringLiteral("string_below_min_length"));
    if (prompt->size() > config.maxPromptLength)
        return ApiError::invalidRequest(
                QStringLiteral("Invalid 'prompt': string too long. Expected a string with maximum "
                               "length %1, but got a string with length %2 instead.")
                        .arg(config.maxPromptLength)
                        .arg(prompt->size()),
                QStringLiteral("prompt"), QStringLiteral("string_above_max_length"));
    return {};
}

ApiError imageError(const QString &message)
{
    return ApiError::invalidRequest(message, kInputReference, QStringLiteral("invalid_value"));
}

ApiError checkInputReference(const Fields &fields, const CreateParams &params, QString *kind)
{
    if (fields.files.contains(kInputReference)) {
        const MultipartPart &part = fields.files.value(kInputReference);
        const QByteArray type = part.contentType.split(';').first().trimmed().toLower();
        if (type != "image/jpeg" && type != "image/png" && type != "image/webp")
            return imageError(QStringLiteral(
                    "Invalid file format for 'input_reference'. Supported formats are: "
                    "'image/jpeg', 'image/png', and 'image/webp'."));
        const QByteArray format = type.mid(6);
        if (format == "webp" && !QImageReader::supportedImageFormats().contains("webp")) {
            *kind = QStringLiteral("file"); // cannot decode WebP here: accept as sent
            return {};
        }
        QBuffer buffer;
        buffer.setData(part.data);
        QImageReader reader(&buffer, format);
        const QSize imageSize = reader.size();
        if (!imageSize.isValid() || !reader.canRead())
            return imageError(
                    QStringLiteral("The file in 'input_reference' is not a valid image."));
        const QStringList wh = params.size.split(u'x');
        if (imageSize != QSize(wh.value(0).toInt(), wh.value(1).toInt()))
            return imageError(
                    QStringLiteral("Inpaint image must match the requested width and height"));
        *kind = QStringLiteral("file");
        return {};
    }
    const auto it = fields.values.constFind(kInputReference);
    if (it == fields.values.cend())
        return {};
    if (it->isString())
        return ApiError::invalidType(kInputReference, QStringLiteral("a file"),
                                     QStringLiteral("a string"));
    if (!it->isObject())
        return ApiError::invalidType(kInputReference, QStringLiteral("an object"),
                                     ApiText::jsonTypeName(*it));
    const QJsonObject reference = it->toObject();
    for (auto key = reference.begin(); key != reference.end(); ++key) {
        if (key.key() != u"file_id" && key.key() != u"image_url")
            return ApiError::unknownParameter(kInputReference + u'.' + key.key());
        if (!key.value().isString() || key.value().toString().isEmpty())
            return ApiError::invalidType(kInputReference + u'.' + key.key(),
                                         QStringLiteral("a string"),
                                         ApiText::jsonTypeName(key.value()));
    }
    if (reference.size() != 1)
        return ApiError::invalidRequest(
                QStringLiteral("Invalid 'input_reference': expected exactly one of 'file_id' or "
                               "'image_url'."),
                kInputReference, QStringLiteral("invalid_value"));
    *kind = reference.begin().key();
    return {};
}

} // namespace

ApiError CreateRequest::parseCreate(const QByteArray &contentType, const QByteArray &body,
                                    const EmulatorConfig &config, CreateParams *params)
{
    Fields fields;
    if (ApiError error = readFields(contentType, body, &fields); error.isError())
        return error;
    foldBracketKeys(&fields);
    static const QStringList known {QStringLiteral("prompt"), QStringLiteral("model"),
                                    QStringLiteral("seconds"), QStringLiteral("size"),
                                    kInputReference};
    for (const QString &key : fields.values.keys() + fields.files.keys()) {
        if (!known.contains(key))
            return ApiError::unknownParameter(key);
    }
    if (ApiError error = checkPrompt(fields, config, &params->prompt); error.isError())
        return error;

    if (ApiError error = checkString(fields, QStringLiteral("model"), &params->model);
        error.isError())
        return error;
    if (!config.isKnownModel(params->model))
        return ApiError::invalidValue(QStringLiteral("model"), params->model,
                                      {QStringLiteral("sora-2"), QStringLiteral("sora-2-pro")});

    const QStringList seconds = config.allowedSeconds();
    const auto secondsValue = fields.values.constFind(QStringLiteral("seconds"));
    if (secondsValue != fields.values.cend() && !secondsValue->isString())
        return ApiError::invalidType(QStringLiteral("seconds"),
                                     u"one of "
                                             + ApiText::quotedList(seconds, QStringLiteral("or")),
                                     ApiText::jsonTypeName(*secondsValue));
    if (ApiError error = checkString(fields, QStringLiteral("seconds"), &params->seconds);
        error.isError())
        return error;
    if (!seconds.contains(params->seconds))
        return ApiError::invalidValue(QStringLiteral("seconds"), params->seconds, seconds);

    if (ApiError error = checkString(fields, QStringLiteral("size"), &params->size);
        error.isError())
        return error;
    const QStringList sizes = config.allowedSizes(params->model);
    if (!sizes.contains(params->size))
        return ApiError::invalidValue(QStringLiteral("size"), params->size, sizes);

    return checkInputReference(fields, *params, &params->inputReference);
}

ApiError CreateRequest::parseRemix(const QByteArray &contentType, const QByteArray &body,
                                   const EmulatorConfig &config, QString *prompt)
{
    Fields fields;
    if (ApiError error = readFields(contentType, body, &fields); error.isError())
        return error;
    for (const QString &key : fields.values.keys() + fields.files.keys()) {
        if (key != u"prompt")
            return ApiError::unknownParameter(key);
    }
    return checkPrompt(fields, config, prompt);
}
