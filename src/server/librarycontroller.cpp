#include "librarycontroller.h"

#include "apierror.h"
#include "appcontext.h"
#include "database.h"
#include "library/drilllibrary.h"
#include "serverlog.h"

#include <QDir>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonObject>
#include <QRegularExpression>
#include <QSqlDatabase>
#include <QTemporaryFile>
#include <QThread>

#include <optional>

using rest::ApiError;
using rest::errorResponse;

namespace {

constexpr int MaxDrills = 20;
constexpr int MaxDrillCharacters = 100;
constexpr int MaxNoteCharacters = 2000;

// One part of a multipart/form-data body; data points into the request body (no copy).
struct FormPart
{
    QByteArray name;
    QString fileName;
    bool isFile = false;
    QByteArrayView data;
};

// A parameter of a header value: name="x" or name=x.
std::optional<QByteArray> parameter(const QByteArray &value, const QByteArray &name)
{
    static const auto pattern = [] {
        return QRegularExpression(QStringLiteral(
                "(?:^|;)\\s*([A-Za-z0-9_*-]+)\\s*=\\s*(\"(?:[^\"\\\\]|\\\\.)*\"|[^;]*)"));
    }();
    const QString text = QString::fromUtf8(value);
    auto it = pattern.globalMatch(text);
    while (it.hasNext()) {
        const QRegularExpressionMatch match = it.next();
        if (match.captured(1).toLower().toUtf8() != name)
            continue;
        QString found = match.captured(2).trimmed();
        if (found.startsWith(QLatin1Char('"'))) {
            found = found.mid(1, found.size() - 2);
            found.replace(QStringLiteral("\\\""), QStringLiteral("\""));
            found.replace(QStringLiteral("\\\\"), QStringLiteral("\\"));
        }
        return found.toUtf8();
    }
    return std::nullopt;
}

// Splits a multipart/form-data body (RFC 7578); empty error when it is well formed.
QString parseForm(const QByteArray &body, const QByteArray &boundary, QList<FormPart> *parts)
{
    if (boundary.isEmpty() || boundary.size() > 70)
        return LibraryController::tr("The multipart boundary is missing or longer than 70 "
                                     "characters.");
    const QByteArray delimiter = "--" + boundary;
    const QByteArray separator = "\r\n" + delimiter;
    qsizetype pos = body.startsWith(delimiter) ? 0 : body.indexOf(separator);
    if (pos < 0)
        return LibraryController::tr("The body has no multipart boundary line.");
    if (pos > 0)
        pos += 2;
    while (true) {
        pos += delimiter.size();
        if (body.mid(pos, 2) == "--")
            return {};
        if (body.mid(pos, 2) != "\r\n")
            return LibraryController::tr("A multipart boundary line is malformed.");
        pos += 2;
        const qsizetype headEnd = body.indexOf("\r\n\r\n", pos);
        if (headEnd < 0)
            return LibraryController::tr("A multipart part has no end to its headers.");
        FormPart part;
        bool disposition = false;
        for (const QByteArray &raw : body.mid(pos, headEnd - pos).split('\n')) {
            const QByteArray line = raw.trimmed();
            const qsizetype colon = line.indexOf(':');
            if (colon <= 0)
                continue;
            if (line.left(colon).trimmed().toLower() != "content-disposition")
                continue;
            const QByteArray value = line.mid(colon + 1).trimmed();
            if (!value.toLower().startsWith("form-data"))
                return LibraryController::tr("A multipart part is not form-data.");
            const auto name = parameter(value, "name");
            if (!name)
                return LibraryController::tr("A multipart part has no name.");
            part.name = *name;
            if (const auto file = parameter(value, "filename")) {
                part.isFile = true;
                part.fileName = QString::fromUtf8(*file);
            }
            disposition = true;
        }
        if (!disposition)
            return LibraryController::tr("A multipart part has no Content-Disposition header.");
        const qsizetype dataStart = headEnd + 4;
        const qsizetype next = body.indexOf(separator, dataStart);
        if (next < 0)
            return LibraryController::tr("The multipart body ends before its closing boundary.");
        part.data = QByteArrayView(body).sliced(dataStart, next - dataStart);
        parts->append(part);
        pos = next + 2;
    }
}

QJsonArray bodyLoc(const QString &field)
{
    return QJsonArray {QStringLiteral("body"), field};
}

HttpResponse detailAnswer(const QString &text, int status)
{
    return HttpResponse::json(QJsonObject {{QStringLiteral("detail"), text}}, status);
}

struct Upload
{
    DrillLibrary::ImportRequest request;
    QByteArrayView file;
    QString fileName;
};

// Reads the form's fields; empty issues when they are valid.
Upload readForm(const QList<FormPart> &parts, QJsonArray *issues)
{
    Upload upload;
    auto issue = [issues](const QString &type, const QString &field, const QString &message,
                          const QJsonValue &input) {
        issues->append(ApiError::issue(type, bodyLoc(field), message, input));
    };
    std::optional<double> trimStart;
    std::optional<double> trimEnd;
    int files = 0;
    for (const FormPart &part : parts) {
        const QString text = part.isFile ? QString() : QString::fromUtf8(part.data).trimmed();
        if (part.name == "file") {
            ++files;
            upload.file = part.data;
            upload.fileName = part.fileName;
        } else if (part.name == "drill" || part.name == "drills") {
            // "drill" may be repeated; "drills" may hold several, separated by commas.
            for (const QString &name :
                 text.split(QRegularExpression(QStringLiteral("[,、\\n]")), Qt::SkipEmptyParts)) {
                if (name.trimmed().size() > MaxDrillCharacters)
                    issue(QStringLiteral("string_too_long"), QString::fromUtf8(part.name),
                          LibraryController::tr("A drill name has at most %1 characters.")
                                  .arg(MaxDrillCharacters),
                          name.left(MaxDrillCharacters));
                else if (!name.trimmed().isEmpty())
                    upload.request.drills << name.trimmed();
            }
        } else if (part.name == "note" || part.name == "notes") {
            if (text.size() > MaxNoteCharacters)
                issue(QStringLiteral("string_too_long"), QString::fromUtf8(part.name),
                      LibraryController::tr("The note has at most %1 characters.")
                              .arg(MaxNoteCharacters),
                      text.left(100));
            upload.request.notes = text;
        } else if (part.name == "cue") {
            if (!text.isEmpty())
                upload.request.cues << text;
        } else if (part.name == "trim_start" || part.name == "trim_end") {
            bool ok = false;
            const double seconds = text.toDouble(&ok);
            if (!ok || seconds < 0 || !qIsFinite(seconds)) {
                issue(QStringLiteral("float_parsing"), QString::fromUtf8(part.name),
                      LibraryController::tr("Give the trim in seconds, a number of 0 or more."),
                      text.left(100));
                continue;
            }
            (part.name == "trim_start" ? trimStart : trimEnd) = seconds;
        } else if (part.name == "mute") {
            static const QStringList yes {QStringLiteral("true"), QStringLiteral("1"),
                                          QStringLiteral("yes"), QStringLiteral("on")};
            static const QStringList no {QStringLiteral("false"), QStringLiteral("0"),
                                         QStringLiteral("no"), QStringLiteral("off"), QString()};
            if (yes.contains(text.toLower()))
                upload.request.mute = true;
            else if (!no.contains(text.toLower()))
                issue(QStringLiteral("bool_parsing"), QStringLiteral("mute"),
                      LibraryController::tr("mute is true or false."), text.left(100));
        }
    }
    if (files == 0 || upload.file.isEmpty())
        issue(QStringLiteral("missing"), QStringLiteral("file"),
              LibraryController::tr("Send the video as a non-empty file field named \"file\"."),
              QJsonValue());
    else if (files > 1)
        issue(QStringLiteral("too_long"), QStringLiteral("file"),
              LibraryController::tr("Send one video per request."), files);
    if (upload.request.drills.isEmpty())
        issue(QStringLiteral("missing"), QStringLiteral("drill"),
              LibraryController::tr("Name at least one drill the video shows (field \"drill\")."),
              QJsonValue());
    else if (upload.request.drills.size() > MaxDrills)
        issue(QStringLiteral("too_long"), QStringLiteral("drill"),
              LibraryController::tr("Name at most %1 drills.").arg(MaxDrills),
              int(upload.request.drills.size()));
    upload.request.trimStart = trimStart.value_or(0);
    upload.request.trimEnd = trimEnd.value_or(0);
    if (trimStart && trimEnd && *trimEnd <= *trimStart)
        issue(QStringLiteral("value_error"), QStringLiteral("trim_end"),
              LibraryController::tr("trim_end must come after trim_start."), *trimEnd);
    return upload;
}

// The whole import of one upload; runs on its own thread.
HttpResponse importUpload(DrillLibrary *library, const QString &temporaryFolder,
                          const QByteArray &body, const QByteArray &boundary,
                          const std::atomic<bool> &stopping)
{
    QList<FormPart> parts;
    if (const QString error = parseForm(body, boundary, &parts); !error.isEmpty())
        return detailAnswer(LibraryController::tr("The upload is not valid multipart/form-data: "
                                                  "%1")
                                    .arg(error),
                            400);
    QJsonArray issues;
    Upload upload = readForm(parts, &issues);
    if (!issues.isEmpty())
        return errorResponse(ApiError {ApiError::Kind::Validation, {}, issues, 0, {}});

    // The upload goes to a file of its own (the importer reads files); the file's suffix helps
    // it recognise the container. Removed whatever happens.
    static const QRegularExpression plainSuffix(QStringLiteral("^[a-z0-9]{1,5}$"));
    QString suffix = QFileInfo(upload.fileName).suffix().toLower();
    if (!plainSuffix.match(suffix).hasMatch())
        suffix = QStringLiteral("bin");
    QDir().mkpath(temporaryFolder);
    QTemporaryFile file(QDir(temporaryFolder).filePath(QStringLiteral("upload-XXXXXX.") + suffix));
    if (!file.open() || file.write(upload.file.data(), upload.file.size()) != upload.file.size()
        || !file.flush()) {
        qCWarning(lcServer).noquote() << "cannot keep an upload:" << file.errorString();
        return detailAnswer(LibraryController::tr("The server cannot store the upload: %1")
                                    .arg(file.errorString()),
                            500);
    }
    upload.request.file = file.fileName();
    const DrillLibrary::ImportResult result
            = library->importFile(upload.request, [&stopping](double) { return !stopping.load(); });
    // The importer names the file it read; the client knows it by its own name.
    const QString name = upload.fileName.isEmpty() ? QStringLiteral("upload") : upload.fileName;
    const QString message
            = QString(result.error).replace(QFileInfo(file.fileName()).fileName(), name);
    if (result.duplicate) {
        QJsonObject object {{QStringLiteral("detail"), message},
                            {QStringLiteral("id"), result.video.id}};
        return HttpResponse::json(object, 409);
    }
    if (!result.ok) {
        if (result.tooLarge)
            return detailAnswer(message, 413);
        if (result.badInput)
            return detailAnswer(message, 422);
        return detailAnswer(message, result.cancelled ? 503 : 500);
    }
    QJsonArray drills;
    for (const LibraryTag &tag : result.video.tags)
        drills.append(QJsonObject {{QStringLiteral("name"), tag.name},
                                   {QStringLiteral("language"), tag.language}});
    QJsonObject answer {{QStringLiteral("status"), QStringLiteral("success")},
                        {QStringLiteral("id"), result.video.id},
                        {QStringLiteral("drills"), drills},
                        {QStringLiteral("notes"), result.video.notes},
                        {QStringLiteral("cues"), QJsonArray::fromStringList(result.video.cues)},
                        {QStringLiteral("size"), result.video.size},
                        {QStringLiteral("duration_ms"), result.video.durationMs},
                        {QStringLiteral("bytes"), result.video.bytes},
                        {QStringLiteral("sha256"), result.video.sha256}};
    if (!result.audioNote.isEmpty())
        answer.insert(QStringLiteral("audio_note"), result.audioNote);
    return HttpResponse::json(answer, 201);
}

} // namespace

LibraryController::LibraryController(AppContext *context, QObject *parent)
    : QObject(parent)
    , m_context(context)
{ }

LibraryController::~LibraryController()
{
    m_stopping.store(true);
    for (QThread *thread : std::as_const(m_threads))
        thread->wait();
    qDeleteAll(m_threads);
}

void LibraryController::importUpload(const HttpRequest &request, const Done &done)
{
    const QByteArray contentType = request.header("content-type");
    if (!contentType.trimmed().toLower().startsWith("multipart/form-data"))
        return done(detailAnswer(tr("Send the video as multipart/form-data (Content-Type was "
                                    "\"%1\").")
                                         .arg(QString::fromLatin1(contentType.left(100))),
                                 415));
    const auto boundary = parameter(contentType, "boundary");
    if (!boundary || boundary->isEmpty())
        return done(detailAnswer(tr("The multipart/form-data Content-Type has no boundary."), 400));
    if (!m_context->library())
        return done(detailAnswer(tr("The drill library is not available."), 503));

    // Off the server thread: the form is read, the upload written and converted there.
    auto answer = std::make_shared<HttpResponse>();
    DrillLibrary *library = m_context->library();
    Database *database = m_context->database();
    const QString temporaryFolder = QDir(m_context->dataDir()).filePath(QStringLiteral("uploads"));
    QThread *thread = QThread::create([=, body = request.body, boundary = *boundary, this] {
        const QString connection = database->connection().connectionName();
        *answer = ::importUpload(library, temporaryFolder, body, boundary, m_stopping);
        {
            QSqlDatabase db = QSqlDatabase::database(connection, false);
            db.close();
        }
        QSqlDatabase::removeDatabase(connection);
    });
    m_threads.insert(thread);
    connect(thread, &QThread::finished, this, [this, thread, answer, done] {
        m_threads.remove(thread);
        thread->deleteLater();
        if (answer->status == 201)
            qCInfo(lcServer).noquote() << "library upload imported";
        done(*answer);
    });
    thread->start();
}
