// POST /library/videos over real loopback HTTP: an admin uploads a recording with its drills and
// it joins the library; without credentials, too large (refused from the headers, before any of
// the body is sent), chunked past the limit, not a video, not multipart, missing fields.
#include "admingate.h"
#include "appcontext.h"
#include "library/drilllibrary.h"
#include "restserver.h"
#include "settings.h"
#include "videostore.h"

#include <QDir>
#include <QHttpMultiPart>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QProcess>
#include <QSignalSpy>
#include <QTcpSocket>
#include <QTemporaryDir>
#include <QTest>

namespace {

const QByteArray kAdminUser = "coach-admin";
const QByteArray kAdminPassword = "upload-test-secret";
constexpr qint64 kUploadLimit = 2 * 1024 * 1024;

struct Answer
{
    int status = 0;
    QByteArray body;
    QJsonObject json() const { return QJsonDocument::fromJson(body).object(); }
};

struct Field
{
    QString name;
    QByteArray value;
    QString fileName; // a file part when set
};

QByteArray basicAuth()
{
    return "Basic " + QByteArray(kAdminUser + ':' + kAdminPassword).toBase64();
}

} // namespace

class TestLibraryUpload : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    std::unique_ptr<AppContext> m_context;
    std::unique_ptr<RestServer> m_server;
    QNetworkAccessManager m_network;
    QByteArray m_video;

    QString url(const QString &path) const
    {
        return QStringLiteral("http://127.0.0.1:%1%2").arg(m_server->port()).arg(path);
    }

    Answer send(QNetworkReply *reply)
    {
        QSignalSpy finished(reply, &QNetworkReply::finished);
        if (!reply->isFinished() && !finished.wait(120000))
            return {};
        Answer answer;
        answer.status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
        answer.body = reply->readAll();
        reply->deleteLater();
        return answer;
    }

    Answer upload(const QList<Field> &fields, bool authenticated = true,
                  const QString &path = QStringLiteral("/library/videos"))
    {
        auto *multipart = new QHttpMultiPart(QHttpMultiPart::FormDataType);
        for (const Field &field : fields) {
            QHttpPart part;
            QString disposition = QStringLiteral("form-data; name=\"%1\"").arg(field.name);
            if (!field.fileName.isEmpty()) {
                disposition += QStringLiteral("; filename=\"%1\"").arg(field.fileName);
                part.setHeader(QNetworkRequest::ContentTypeHeader,
                               QByteArrayLiteral("application/octet-stream"));
            }
            part.setHeader(QNetworkRequest::ContentDispositionHeader, disposition);
            part.setBody(field.value);
            multipart->append(part);
        }
        QNetworkRequest request {QUrl(url(path))};
        request.setTransferTimeout(120000);
        if (authenticated)
            request.setRawHeader("Authorization", basicAuth());
        QNetworkReply *reply = m_network.post(request, multipart);
        multipart->setParent(reply);
        return send(reply);
    }

    QList<Field> videoForm(const QString &drill) const
    {
        return {{QStringLiteral("file"), m_video, QStringLiteral("demo.mp4")},
                {QStringLiteral("drill"), drill.toUtf8(), {}}};
    }

    // Files in the library folder and the upload folder.
    QStringList leftovers() const
    {
        QStringList files = QDir(m_context->videos()->absolutePath(DrillLibrary::folderName()))
                                    .entryList(QDir::Files | QDir::Hidden);
        for (const QString &name :
             QDir(QDir(m_context->dataDir()).filePath(QStringLiteral("uploads")))
                     .entryList(QDir::Files | QDir::Hidden))
            files << QStringLiteral("uploads/") + name;
        return files;
    }

    // Connects a raw socket (for requests QNetworkAccessManager cannot shape).
    std::unique_ptr<QTcpSocket> connectRaw()
    {
        auto socket = std::make_unique<QTcpSocket>();
        QSignalSpy connected(socket.get(), &QTcpSocket::connected);
        socket->connectToHost(QHostAddress::LocalHost, m_server->port());
        if (!connected.wait(10000))
            return nullptr;
        return socket;
    }

    // Reads until the answer's head is in (the server answers while the client still sends).
    static QByteArray readHead(QTcpSocket *socket)
    {
        QByteArray in = socket->readAll();
        while (!in.contains("\r\n\r\n")) {
            QSignalSpy ready(socket, &QTcpSocket::readyRead);
            if (!ready.wait(10000))
                break;
            in += socket->readAll();
        }
        return in;
    }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        const QString recording = m_dir.filePath(QStringLiteral("demo.mp4"));
        QProcess ffmpeg;
        ffmpeg.start(QStringLiteral("ffmpeg"),
                     {QStringLiteral("-hide_banner"), QStringLiteral("-loglevel"),
                      QStringLiteral("error"), QStringLiteral("-f"), QStringLiteral("lavfi"),
                      QStringLiteral("-i"),
                      QStringLiteral("testsrc2=size=320x240:rate=30:duration=1"),
                      QStringLiteral("-c:v"), QStringLiteral("libx264"), QStringLiteral("-preset"),
                      QStringLiteral("ultrafast"), recording});
        QVERIFY(ffmpeg.waitForFinished(60000) && ffmpeg.exitCode() == 0);
        QFile file(recording);
        QVERIFY(file.open(QIODevice::ReadOnly));
        m_video = file.readAll();
        QVERIFY(m_video.size() < kUploadLimit / 2);
        // Larger than the body limit of the other routes, which must not apply to uploads.
        QVERIFY2(m_video.size() > 64 * 1024, qPrintable(QString::number(m_video.size())));

        m_context = std::make_unique<AppContext>();
        AppContext::Options options;
        options.dataDir = m_dir.filePath(QStringLiteral("data"));
        options.installLogFile = false;
        options.startJobs = false;
        QVERIFY2(m_context->open(options), qPrintable(m_context->errorString()));
        Settings *settings = m_context->settings();
        QCOMPARE(settings->setValue("generation/size", QStringLiteral("320x180")), QString());
        QCOMPARE(settings->setValue("server/localhostBypass", false), QString());
        QCOMPARE(settings->setValue("server/adminUser", QString::fromUtf8(kAdminUser)), QString());
        QCOMPARE(settings->setValue("server/adminPasswordHash",
                                    AdminGate::hashSecret(kAdminPassword, 1000)),
                 QString());
        QCOMPARE(settings->setValue("server/maxUploadBytes", kUploadLimit), QString());
        QCOMPARE(settings->setValue("server/maxBodyBytes", 64 * 1024), QString());
        m_server = std::make_unique<RestServer>(m_context.get());
        QVERIFY2(m_server->listen(QHostAddress::LocalHost, 0), qPrintable(m_server->errorString()));
    }

    void cleanupTestCase()
    {
        m_server.reset();
        m_context.reset();
    }

    void adminUploadJoinsTheLibrary()
    {
        QList<Field> form = videoForm(QStringLiteral("もも上げ"));
        form << Field {QStringLiteral("drill"), "High knees", {}}
             << Field {QStringLiteral("note"), "Filmed on the track.", {}}
             << Field {QStringLiteral("trim_start"), "0.2", {}}
             << Field {QStringLiteral("mute"), "true", {}};
        const Answer answer
                = upload(form, true, QStringLiteral("/api/video-generation/library/videos"));
        QVERIFY2(answer.status == 201, answer.body.constData());
        const QString id = answer.json().value(QStringLiteral("id")).toString();
        QVERIFY(!id.isEmpty());
        const QJsonArray drills = answer.json().value(QStringLiteral("drills")).toArray();
        QCOMPARE(drills.size(), 2);
        QCOMPARE(drills.at(0).toObject().value(QStringLiteral("name")).toString(),
                 QStringLiteral("もも上げ"));
        QCOMPARE(drills.at(1).toObject().value(QStringLiteral("language")).toString(),
                 QStringLiteral("en"));
        const auto video = m_context->library()->video(id);
        QVERIFY(video.has_value());
        QCOMPARE(video->notes, QStringLiteral("Filmed on the track."));
        QVERIFY(video->durationMs < 1000); // trimmed
        QVERIFY(QFile::exists(m_context->videos()->absolutePath(video->filePath)));
        // The upload itself is not kept.
        QVERIFY(QDir(QDir(m_context->dataDir()).filePath(QStringLiteral("uploads")))
                        .entryList(QDir::Files | QDir::Hidden)
                        .isEmpty());
        // The same recording again: already there.
        QCOMPARE(upload(form).status, 409);
        QVERIFY(m_context->library()->removeVideo(id));
    }

    void noCredentialsIs401()
    {
        const int before = int(m_context->library()->videos().size());
        const Answer answer = upload(videoForm(QStringLiteral("プランク")), false);
        QCOMPARE(answer.status, 401);
        QCOMPARE(m_context->library()->videos().size(), before);
    }

    void tooLargeIsRefusedFromTheHeaders()
    {
        auto socket = connectRaw();
        QVERIFY(socket);
        // Only the headers are sent: the answer must come without any of the body.
        socket->write("POST /library/videos HTTP/1.1\r\nHost: localhost\r\nAuthorization: "
                      + basicAuth()
                      + "\r\nContent-Type: multipart/form-data; boundary=xyz\r\nContent-Length: "
                      + QByteArray::number(kUploadLimit + 1) + "\r\n\r\n");
        const QByteArray head = readHead(socket.get());
        QVERIFY2(head.startsWith("HTTP/1.1 413"), head.constData());
        QVERIFY(head.contains(QByteArray::number(kUploadLimit)));
        // The server goes on.
        QNetworkRequest health {QUrl(url(QStringLiteral("/")))};
        QCOMPARE(send(m_network.get(health)).status, 200);
    }

    void chunkedUploadIsCutOffPastTheLimit()
    {
        auto socket = connectRaw();
        QVERIFY(socket);
        socket->write("POST /library/videos HTTP/1.1\r\nHost: localhost\r\nAuthorization: "
                      + basicAuth()
                      + "\r\nContent-Type: multipart/form-data; boundary=xyz\r\n"
                        "Transfer-Encoding: chunked\r\n\r\n");
        const QByteArray chunk(64 * 1024, 'x');
        qint64 sent = 0;
        QByteArray in;
        // Chunks until the server answers; it must do so before the limit is passed.
        while (socket->state() == QAbstractSocket::ConnectedState && sent <= 2 * kUploadLimit) {
            socket->write(QByteArray::number(chunk.size(), 16) + "\r\n" + chunk + "\r\n");
            sent += chunk.size();
            QSignalSpy written(socket.get(), &QTcpSocket::bytesWritten);
            QSignalSpy ready(socket.get(), &QTcpSocket::readyRead);
            while (socket->bytesToWrite() > 0 && ready.isEmpty()
                   && socket->state() == QAbstractSocket::ConnectedState)
                written.wait(2000);
            in += socket->readAll();
            if (!in.isEmpty())
                break;
        }
        if (!in.contains("\r\n\r\n"))
            in += readHead(socket.get());
        // Answered while the body is still coming (its last chunk is never sent): a server that
        // buffered the body first would not answer at all.
        QVERIFY2(in.startsWith("HTTP/1.1 413"), in.left(200).constData());
        QVERIFY(sent > kUploadLimit);
        QVERIFY(in.contains(QByteArray::number(kUploadLimit)));
    }

    void smallChunkedUploadIsTaken()
    {
        const QByteArray boundary = "chunkedboundary";
        const QByteArray body = "--" + boundary
                + "\r\nContent-Disposition: form-data; name=\"drill\"\r\n\r\nウォールドリル\r\n--"
                + boundary
                + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"wall.mp4\"\r\n"
                  "Content-Type: video/mp4\r\n\r\n"
                + m_video + "\r\n--" + boundary + "--\r\n";
        auto socket = connectRaw();
        QVERIFY(socket);
        QByteArray out = "POST /library/videos HTTP/1.1\r\nHost: localhost\r\nAuthorization: "
                + basicAuth() + "\r\nContent-Type: multipart/form-data; boundary=" + boundary
                + "\r\nTransfer-Encoding: chunked\r\nConnection: close\r\n\r\n";
        for (qsizetype at = 0; at < body.size(); at += 10000) {
            const QByteArray piece = body.mid(at, 10000);
            out += QByteArray::number(piece.size(), 16) + "\r\n" + piece + "\r\n";
        }
        out += "0\r\n\r\n";
        socket->write(out);
        QSignalSpy closed(socket.get(), &QTcpSocket::disconnected);
        QVERIFY(closed.wait(120000));
        const QByteArray in = socket->readAll();
        QVERIFY2(in.startsWith("HTTP/1.1 201 Created"), in.left(400).constData());
        const qsizetype bodyStart = in.indexOf("\r\n\r\n") + 4;
        const QString id = QJsonDocument::fromJson(in.mid(bodyStart))
                                   .object()
                                   .value(QStringLiteral("id"))
                                   .toString();
        QVERIFY(m_context->library()->video(id).has_value());
        QVERIFY(m_context->library()->removeVideo(id));
    }

    void notAVideoIs422AndLeavesNothing()
    {
        const QStringList before = leftovers();
        const Answer answer = upload({{QStringLiteral("file"), "just some words, not a video\n",
                                       QStringLiteral("notes.mp4")},
                                      {QStringLiteral("drill"), "プランク", {}}});
        QCOMPARE(answer.status, 422);
        const QString detail = answer.json().value(QStringLiteral("detail")).toString();
        QVERIFY2(detail.contains(QStringLiteral("notes.mp4 is not a video")), qPrintable(detail));
        QCOMPARE(leftovers(), before);
    }

    void formProblemsAreNamed()
    {
        // Not multipart: 415.
        QNetworkRequest json {QUrl(url(QStringLiteral("/library/videos")))};
        json.setRawHeader("Authorization", basicAuth());
        json.setHeader(QNetworkRequest::ContentTypeHeader, QByteArrayLiteral("application/json"));
        const Answer wrongType = send(m_network.post(json, QByteArrayLiteral("{}")));
        QCOMPARE(wrongType.status, 415);
        QVERIFY(wrongType.json()
                        .value(QStringLiteral("detail"))
                        .toString()
                        .contains(QStringLiteral("multipart/form-data")));

        // No drill, a bad trim: 422 naming each field.
        const Answer missing = upload({{QStringLiteral("file"), m_video, QStringLiteral("a.mp4")},
                                       {QStringLiteral("trim_end"), "soon", {}}});
        QCOMPARE(missing.status, 422);
        QStringList fields;
        for (const QJsonValue &issue : missing.json().value(QStringLiteral("detail")).toArray())
            fields << issue.toObject().value(QStringLiteral("loc")).toArray().at(1).toString();
        QCOMPARE(fields, QStringList({QStringLiteral("trim_end"), QStringLiteral("drill")}));

        // A broken multipart body: 400.
        QNetworkRequest broken {QUrl(url(QStringLiteral("/library/videos")))};
        broken.setRawHeader("Authorization", basicAuth());
        broken.setHeader(QNetworkRequest::ContentTypeHeader,
                         QByteArrayLiteral("multipart/form-data; boundary=abc"));
        const Answer bad = send(m_network.post(broken, QByteArrayLiteral("--abc\r\nno end")));
        QCOMPARE(bad.status, 400);
    }
};

QTEST_MAIN(TestLibraryUpload)
#include "tst_libraryupload.moc"
