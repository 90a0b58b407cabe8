// sora-emulator over loopback with a real QNetworkAccessManager: validation, the job clock,
// pagination, content, signed redirects, every fault, webhooks and the request log.
#include "emulatorclock.h"
#include "mediaprobe.h"
#include "soraemulator.h"

#include <QBuffer>
#include <QHttpServer>
#include <QHttpServerRequest>
#include <QHttpServerResponder>
#include <QHttpServerResponse>
#include <QImage>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QMessageAuthenticationCode>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>
#include <QUrlQuery>

namespace {

const QByteArray kKey = "test-key-not-secret";

struct Response
{
    int status = 0;
    QNetworkReply::NetworkError error = QNetworkReply::NoError;
    QByteArray body;
    QJsonObject json;
    QList<QNetworkReply::RawHeaderPair> headers;
    bool finished = false;

    QByteArray header(const QByteArray &name) const
    {
        for (const auto &[key, value] : headers) {
            if (key.compare(name, Qt::CaseInsensitive) == 0)
                return value;
        }
        return {};
    }
    QJsonObject error_() const { return json.value(u"error").toObject(); }
    QString errorCode() const { return error_().value(u"code").toString(); }
    QString errorParam() const { return error_().value(u"param").toString(); }
    QString errorMessage() const { return error_().value(u"message").toString(); }
};

struct Part
{
    QByteArray name;
    QByteArray data;
    QByteArray fileName; // a file part when set
    QByteArray contentType;
};

QByteArray multipartBody(const QList<Part> &parts, const QByteArray &boundary)
{
    QByteArray body;
    for (const Part &part : parts) {
        body += "--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + part.name + '"';
        if (!part.fileName.isEmpty())
            body += "; filename=\"" + part.fileName + '"';
        body += "\r\n";
        if (!part.contentType.isEmpty())
            body += "Content-Type: " + part.contentType + "\r\n";
        body += "\r\n" + part.data + "\r\n";
    }
    body += "--" + boundary + "--\r\n";
    return body;
}

QByteArray pngOfSize(QSize size)
{
    QImage image(size, QImage::Format_RGB32);
    image.fill(Qt::darkGreen);
    QByteArray bytes;
    QBuffer buffer(&bytes);
    buffer.open(QIODevice::WriteOnly);
    image.save(&buffer, "PNG");
    return bytes;
}

const QStringList kVideoKeys {
        QStringLiteral("id"),           QStringLiteral("object"),
        QStringLiteral("model"),        QStringLiteral("status"),
        QStringLiteral("progress"),     QStringLiteral("created_at"),
        QStringLiteral("completed_at"), QStringLiteral("expires_at"),
        QStringLiteral("prompt"),       QStringLiteral("size"),
        QStringLiteral("seconds"),      QStringLiteral("remixed_from_video_id"),
        QStringLiteral("error")};

} // namespace

Q_DECLARE_METATYPE(Part)

class TestEmulator : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void init();

    void authentication();
    void createValidation_data();
    void createValidation();
    void multipartValidation_data();
    void multipartValidation();
    void profile2026();
    void stateMachine();
    void processingStatusAndPollHeader();
    void expiry();
    void pagination();
    void deleteAndRemix();
    void contentVariants();
    void signedRedirect();
    void faultErrors_data();
    void faultErrors();
    void faultSkipCountAndVariant();
    void slowAnswerDoesNotBlock();
    void dropBeforeWork();
    void lostCreateResponse();
    void contentResetMidBody();
    void rangeRequests_data();
    void rangeRequests();
    void ifRange_data();
    void ifRange();
    void rangeOnSignedUrlAndVariants();
    void logCountsBytesSent();
    void moderationAtCreateAndAsFailedJob();
    void shutDownMode();
    void controlEndpoints();
    void webhooksAreSigned();
    void requestLogNeverHoldsTheKey();
    void realClockCompletesOnItsOwn();

private:
    Response send(const QByteArray &method, const QString &path, const QByteArray &body = {},
                  const QByteArray &contentType = {}, const QByteArray &key = kKey,
                  bool followRedirects = false);
    Response sendUrl(const QByteArray &method, const QUrl &url, const QByteArray &body,
                     const QByteArray &contentType, const QByteArray &key, bool followRedirects);
    Response createJson(const QJsonObject &body);
    QString createJob(const QString &prompt = QStringLiteral("wall drill"),
                      const QString &size = QStringLiteral("1280x720"));
    QString completedJob();
    Response control(const QByteArray &method, const QString &name, const QJsonObject &body = {});
    EmulatorConfig baseConfig() const;

    QNetworkAccessManager m_network;
    QList<QPair<QByteArray, QByteArray>> m_extraHeaders; // sent with every request; init() clears
    std::unique_ptr<SoraEmulator> m_emulator;
    QTemporaryDir m_contentDir;
};

EmulatorConfig TestEmulator::baseConfig() const
{
    EmulatorConfig config;
    config.apiKey = QString::fromLatin1(kKey);
    config.clock = QStringLiteral("manual");
    config.queuedMs = 1000;
    config.runMs = 4000;
    config.tinyContent = true;
    config.contentDir = m_contentDir.path();
    return config;
}

void TestEmulator::initTestCase()
{
    QVERIFY(m_contentDir.isValid());
    m_emulator = std::make_unique<SoraEmulator>(baseConfig());
    QVERIFY(m_emulator->listen() != 0);
    QVERIFY(m_emulator->baseUrl().startsWith(u"http://127.0.0.1:"));
    QVERIFY(m_emulator->baseUrl().endsWith(u"/v1"));
}

void TestEmulator::init()
{
    m_emulator->reset();
    m_extraHeaders.clear();
    QVERIFY(m_emulator->setConfig(baseConfig()));
}

Response TestEmulator::sendUrl(const QByteArray &method, const QUrl &url, const QByteArray &body,
                               const QByteArray &contentType, const QByteArray &key,
                               bool followRedirects)
{
    QNetworkRequest request(url);
    request.setAttribute(QNetworkRequest::RedirectPolicyAttribute,
                         followRedirects ? QNetworkRequest::NoLessSafeRedirectPolicy
                                         : QNetworkRequest::ManualRedirectPolicy);
    // Fresh connections: a fault that closes one must not leak into the next request.
    request.setRawHeader("Connection", "close");
    if (!key.isEmpty())
        request.setRawHeader("Authorization", "Bearer " + key);
    if (!contentType.isEmpty())
        request.setHeader(QNetworkRequest::ContentTypeHeader, contentType);
    for (const auto &[name, value] : std::as_const(m_extraHeaders))
        request.setRawHeader(name, value);
    QNetworkReply *reply = m_network.sendCustomRequest(request, method, body);
    Response response;
    QSignalSpy finished(reply, &QNetworkReply::finished);
    if (!reply->isFinished() && !finished.wait(60000)) {
        reply->abort();
        delete reply;
        return response;
    }
    response.finished = true;
    response.status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    response.error = reply->error();
    response.body = reply->readAll();
    response.headers = reply->rawHeaderPairs();
    response.json = QJsonDocument::fromJson(response.body).object();
    delete reply;
    return response;
}

Response TestEmulator::send(const QByteArray &method, const QString &path, const QByteArray &body,
                            const QByteArray &contentType, const QByteArray &key,
                            bool followRedirects)
{
    const QString base = path.startsWith(u"/_emulator") || path.startsWith(u"/signed")
            ? m_emulator->baseUrl().chopped(3)
            : m_emulator->baseUrl();
    return sendUrl(method, QUrl(base + path), body, contentType, key, followRedirects);
}

Response TestEmulator::createJson(const QJsonObject &body)
{
    return send("POST", QStringLiteral("/videos"), QJsonDocument(body).toJson(),
                "application/json");
}

QString TestEmulator::createJob(const QString &prompt, const QString &size)
{
    const Response response
            = createJson(QJsonObject {{QStringLiteral("prompt"), prompt},
                                      {QStringLiteral("size"), size},
                                      {QStringLiteral("seconds"), QStringLiteral("4")}});
    if (response.status != 200)
        qWarning() << "create failed" << response.status << response.body;
    return response.json.value(u"id").toString();
}

QString TestEmulator::completedJob()
{
    const QString id = createJob();
    m_emulator->advanceClock(5000);
    return id;
}

Response TestEmulator::control(const QByteArray &method, const QString &name,
                               const QJsonObject &body)
{
    return send(method, QStringLiteral("/_emulator/") + name,
                body.isEmpty() ? QByteArray() : QJsonDocument(body).toJson(),
                body.isEmpty() ? QByteArray() : QByteArray("application/json"), {});
}

void TestEmulator::authentication()
{
    const Response missing = send("GET", QStringLiteral("/videos"), {}, {}, {});
    QCOMPARE(missing.status, 401);
    QVERIFY(missing.errorMessage().contains(u"You didn't provide an API key"));
    QCOMPARE(missing.error_().value(u"type").toString(), QStringLiteral("invalid_request_error"));
    QVERIFY(missing.header("x-request-id").startsWith("req_"));

    const Response wrong = send("GET", QStringLiteral("/videos"), {}, {}, "wrong-key-for-test");
    QCOMPARE(wrong.status, 401);
    QCOMPARE(wrong.errorCode(), QStringLiteral("invalid_api_key"));
    QVERIFY(!wrong.errorMessage().contains(u"wrong-key-for-test"));
    QVERIFY(wrong.header("x-request-id").startsWith("req_"));

    const Response right = send("GET", QStringLiteral("/videos"));
    QCOMPARE(right.status, 200);
    QVERIFY(right.header("x-request-id").startsWith("req_"));
    QVERIFY(right.header("x-request-id") != wrong.header("x-request-id"));
}

void TestEmulator::createValidation_data()
{
    QTest::addColumn<QByteArray>("body");
    QTest::addColumn<QByteArray>("contentType");
    QTest::addColumn<int>("status");
    QTest::addColumn<QString>("param");
    QTest::addColumn<QString>("code");
    QTest::addColumn<QString>("message");

    const QByteArray json = "application/json";
    QTest::newRow("seconds as number")
            << QByteArray(R"({"prompt":"x","seconds":4})") << json << 400 << "seconds"
            << "invalid_type"
            << "Invalid type for 'seconds': expected one of '4', '8', or '12', but got an integer "
               "instead.";
    QTest::newRow("unknown parameter")
            << QByteArray(R"({"prompt":"x","width":1280})") << json << 400 << "width"
            << "unknown_parameter"
            << "Unknown parameter: 'width'.";
    QTest::newRow("missing prompt") << QByteArray(R"({"seconds":"4"})") << json << 400 << "prompt"
                                    << "missing_required_parameter"
                                    << "Missing required parameter: 'prompt'.";
    QTest::newRow("empty prompt") << QByteArray(R"({"prompt":""})") << json << 400 << "prompt"
                                  << "string_below_min_length" << QString();
    QTest::newRow("prompt not a string")
            << QByteArray(R"({"prompt":12})") << json << 400 << "prompt"
            << "invalid_type" << QString();
    QTest::newRow("prompt too long")
            << QByteArray("{\"prompt\":\"" + QByteArray(32001, 'a') + "\"}") << json << 400
            << "prompt"
            << "string_above_max_length" << QString();
    QTest::newRow("prompt at the limit")
            << QByteArray("{\"prompt\":\"" + QByteArray(32000, 'a') + "\"}") << json << 200
            << QString() << QString() << QString();
    QTest::newRow("seconds not allowed")
            << QByteArray(R"({"prompt":"x","seconds":"5"})") << json << 400 << "seconds"
            << "invalid_value"
            << "Invalid value: '5'. Supported values are: '4', '8', "
               "and '12'.";
    QTest::newRow("seconds 20 needs the 2026-03 profile")
            << QByteArray(R"({"prompt":"x","seconds":"20"})") << json << 400 << "seconds"
            << "invalid_value" << QString();
    QTest::newRow("pro size on sora-2")
            << QByteArray(R"({"prompt":"x","size":"1792x1024"})") << json << 400 << "size"
            << "invalid_value" << QString();
    QTest::newRow("pro size on sora-2-pro")
            << QByteArray(R"({"prompt":"x","model":"sora-2-pro","size":"1792x1024"})") << json
            << 200 << QString() << QString() << QString();
    QTest::newRow("dated snapshot") << QByteArray(R"({"prompt":"x","model":"sora-2-2025-10-06"})")
                                    << json << 200 << QString() << QString() << QString();
    QTest::newRow("2026-03 size in the default profile")
            << QByteArray(R"({"prompt":"x","size":"1920x1080"})") << json << 400 << "size"
            << "invalid_value" << QString();
    QTest::newRow("unknown model")
            << QByteArray(R"({"prompt":"x","model":"gpt-video"})") << json << 400 << "model"
            << "invalid_value" << QString();
    QTest::newRow("invalid JSON") << QByteArray(R"({"prompt":)") << json << 400 << QString()
                                  << QString() << "We could not parse the JSON body";
    QTest::newRow("JSON array") << QByteArray(R"(["prompt"])") << json << 400 << QString()
                                << QString() << QString();
    QTest::newRow("text/plain") << QByteArray("prompt=x") << QByteArray("text/plain") << 400
                                << QString() << QString() << QString();
    QTest::newRow("input_reference as string")
            << QByteArray(R"({"prompt":"x","input_reference":"abc"})") << json << 400
            << "input_reference"
            << "invalid_type" << QString();
    QTest::newRow("input_reference image_url") << QByteArray(
            R"({"prompt":"x","input_reference":{"image_url":"https://example.invalid/a.png"}})")
                                               << json << 200 << QString() << QString()
                                               << QString();
    QTest::newRow("input_reference two keys")
            << QByteArray(R"({"prompt":"x","input_reference":{"image_url":"a","file_id":"b"}})")
            << json << 400 << "input_reference"
            << "invalid_value" << QString();
    QTest::newRow("defaults") << QByteArray(R"({"prompt":"x"})") << json << 200 << QString()
                              << QString() << QString();
}

void TestEmulator::createValidation()
{
    QFETCH(QByteArray, body);
    QFETCH(QByteArray, contentType);
    QFETCH(int, status);
    QFETCH(QString, param);
    QFETCH(QString, code);
    QFETCH(QString, message);

    const Response response = send("POST", QStringLiteral("/videos"), body, contentType);
    QCOMPARE(response.status, status);
    QVERIFY(response.header("x-request-id").startsWith("req_"));
    if (status == 200) {
        QCOMPARE(response.json.value(u"status").toString(), QStringLiteral("queued"));
        QCOMPARE(m_emulator->createdJobCount(), 1);
        return;
    }
    const QJsonObject error = response.error_();
    QVERIFY2(error.contains(u"message") && error.contains(u"type") && error.contains(u"param")
                     && error.contains(u"code"),
             response.body.constData());
    QCOMPARE(error.value(u"type").toString(), QStringLiteral("invalid_request_error"));
    if (param.isEmpty())
        QVERIFY(error.value(u"param").isNull());
    else
        QCOMPARE(error.value(u"param").toString(), param);
    if (code.isEmpty())
        QVERIFY(error.value(u"code").isNull());
    else
        QCOMPARE(error.value(u"code").toString(), code);
    if (!message.isEmpty())
        QVERIFY2(error.value(u"message").toString().startsWith(message),
                 qPrintable(error.value(u"message").toString()));
    QCOMPARE(m_emulator->createdJobCount(), 0);
}

void TestEmulator::multipartValidation_data()
{
    QTest::addColumn<QList<Part>>("parts");
    QTest::addColumn<int>("status");
    QTest::addColumn<QString>("param");
    QTest::addColumn<QString>("code");

    const Part prompt {"prompt", "high knees", {}, {}};
    const Part size {"size", "1280x720", {}, {}};
    QTest::newRow("fields") << QList<Part> {prompt, size, {"seconds", "8", {}, {}}} << 200
                            << QString() << QString();
    QTest::newRow("file part without filename")
            << QList<Part> {prompt,
                            size,
                            {"input_reference", pngOfSize({1280, 720}), {}, "image/png"}}
            << 400 << "input_reference"
            << "invalid_type";
    QTest::newRow("image of the right size")
            << QList<Part> {prompt,
                            size,
                            {"input_reference", pngOfSize({1280, 720}), "first.png", "image/png"}}
            << 200 << QString() << QString();
    QTest::newRow("image of another size")
            << QList<Part> {prompt,
                            size,
                            {"input_reference", pngOfSize({640, 360}), "first.png", "image/png"}}
            << 400 << "input_reference"
            << "invalid_value";
    QTest::newRow("file of another type")
            << QList<Part> {prompt, size, {"input_reference", "GIF89a", "a.gif", "image/gif"}}
            << 400 << "input_reference"
            << "invalid_value";
    QTest::newRow("nested image_url")
            << QList<Part> {prompt,
                            {"input_reference[image_url]", "https://example.invalid/a.png", {}, {}}}
            << 200 << QString() << QString();
    QTest::newRow("unknown field")
            << QList<Part> {prompt, {"width", "1280", {}, {}}} << 400 << "width"
            << "unknown_parameter";
    QTest::newRow("prompt as a file")
            << QList<Part> {{"prompt", "x", "p.txt", "text/plain"}} << 400 << "prompt"
            << "invalid_type";
}

void TestEmulator::multipartValidation()
{
    QFETCH(QList<Part>, parts);
    QFETCH(int, status);
    QFETCH(QString, param);
    QFETCH(QString, code);

    const QByteArray boundary = "----DrillStudioBoundary7MA4YWxkTrZu0gW";
    const Response response
            = send("POST", QStringLiteral("/videos"), multipartBody(parts, boundary),
                   "multipart/form-data; boundary=" + boundary);
    QVERIFY2(response.status == status, response.body.constData());
    if (status == 200) {
        QCOMPARE(response.json.value(u"object").toString(), QStringLiteral("video"));
        return;
    }
    QCOMPARE(response.errorParam(), param);
    QCOMPARE(response.errorCode(), code);
}

void TestEmulator::profile2026()
{
    EmulatorConfig config = baseConfig();
    config.profile = QStringLiteral("2026-03");
    QVERIFY(m_emulator->setConfig(config));
    const Response response
            = createJson(QJsonObject {{QStringLiteral("prompt"), QStringLiteral("x")},
                                      {QStringLiteral("size"), QStringLiteral("1920x1080")},
                                      {QStringLiteral("seconds"), QStringLiteral("20")}});
    QCOMPARE(response.status, 200);
    QCOMPARE(response.json.value(u"seconds").toString(), QStringLiteral("20"));
    const Response bad = createJson(QJsonObject {{QStringLiteral("prompt"), QStringLiteral("x")},
                                                 {QStringLiteral("seconds"), 16}});
    QCOMPARE(bad.status, 400);
    QCOMPARE(bad.errorMessage(),
             QStringLiteral("Invalid type for 'seconds': expected one of '4', '8', '12', '16', or "
                            "'20', but got an integer instead."));
}

void TestEmulator::stateMachine()
{
    const Response created
            = createJson(QJsonObject {{QStringLiteral("prompt"), QStringLiteral("plank")},
                                      {QStringLiteral("size"), QStringLiteral("1280x720")}});
    QCOMPARE(created.status, 200);
    for (const QString &key : kVideoKeys)
        QVERIFY2(created.json.contains(key), qPrintable(key));
    QCOMPARE(created.json.size(), kVideoKeys.size());
    const QString id = created.json.value(u"id").toString();
    QVERIFY(QRegularExpression(QStringLiteral("^video_[0-9a-f]{32}$")).match(id).hasMatch());
    QCOMPARE(created.json.value(u"status").toString(), QStringLiteral("queued"));
    QCOMPARE(created.json.value(u"progress").toInt(), 0);
    QCOMPARE(created.json.value(u"seconds").toString(), QStringLiteral("4"));
    QCOMPARE(created.json.value(u"model").toString(), QStringLiteral("sora-2"));
    QCOMPARE(created.json.value(u"prompt").toString(), QStringLiteral("plank"));
    QVERIFY(created.json.value(u"completed_at").isNull());
    QVERIFY(created.json.value(u"expires_at").isNull());
    QVERIFY(created.json.value(u"remixed_from_video_id").isNull());
    QVERIFY(created.json.value(u"error").isNull());
    QCOMPARE(created.json.value(u"created_at").toInteger(), m_emulator->nowMs() / 1000);

    const QString path = QStringLiteral("/videos/") + id;
    m_emulator->advanceClock(500);
    QCOMPARE(send("GET", path).json.value(u"status").toString(), QStringLiteral("queued"));
    const Response early = send("GET", path + QStringLiteral("/content"));
    QCOMPARE(early.status, 400);
    QCOMPARE(early.errorCode(), QStringLiteral("video_not_ready"));

    int lastProgress = -1;
    for (int step = 0; step < 4; ++step) {
        m_emulator->advanceClock(1000);
        const Response running = send("GET", path);
        QCOMPARE(running.json.value(u"status").toString(), QStringLiteral("in_progress"));
        const int progress = running.json.value(u"progress").toInt();
        QVERIFY2(progress > lastProgress && progress < 100, qPrintable(QString::number(progress)));
        lastProgress = progress;
        for (const QString &key : kVideoKeys)
            QVERIFY(running.json.contains(key));
    }
    QVERIFY(lastProgress > 50);

    QSignalSpy finished(m_emulator.get(), &SoraEmulator::jobFinished);
    m_emulator->advanceClock(1000);
    QCOMPARE(finished.size(), 1);
    QCOMPARE(finished.first().at(1).toString(), QStringLiteral("completed"));
    const Response done = send("GET", path);
    QCOMPARE(done.json.value(u"status").toString(), QStringLiteral("completed"));
    QCOMPARE(done.json.value(u"progress").toInt(), 100);
    const qint64 completedAt = done.json.value(u"completed_at").toInteger();
    QCOMPARE(completedAt, created.json.value(u"created_at").toInteger() + 5);
    QCOMPARE(done.json.value(u"expires_at").toInteger(), completedAt + 3600);
    QVERIFY(done.json.value(u"error").isNull());
    QCOMPARE(send("GET", path + QStringLiteral("/content")).status, 200);
}

void TestEmulator::processingStatusAndPollHeader()
{
    EmulatorConfig config = baseConfig();
    config.inProgressStatus = QStringLiteral("processing");
    config.pollAfterMs = 1500;
    QVERIFY(m_emulator->setConfig(config));
    const QString id = createJob();
    m_emulator->advanceClock(2000);
    const Response running = send("GET", QStringLiteral("/videos/") + id);
    QCOMPARE(running.json.value(u"status").toString(), QStringLiteral("processing"));
    QCOMPARE(running.header("openai-poll-after-ms"), QByteArray("1500"));
}

void TestEmulator::expiry()
{
    const QString id = completedJob();
    const QString content = QStringLiteral("/videos/%1/content").arg(id);
    QCOMPARE(send("GET", content).status, 200);
    m_emulator->advanceClock(3600 * 1000);
    const Response gone = send("GET", content);
    QCOMPARE(gone.status, 404);
    QCOMPARE(gone.errorCode(), QStringLiteral("video_expired"));
    QCOMPARE(send("GET", QStringLiteral("/videos/") + id).json.value(u"status").toString(),
             QStringLiteral("completed"));

    EmulatorConfig config = baseConfig();
    config.expiredStatus = true;
    QVERIFY(m_emulator->setConfig(config));
    const Response expired = send("GET", QStringLiteral("/videos/") + id);
    QCOMPARE(expired.json.value(u"status").toString(), QStringLiteral("expired"));
    QCOMPARE(expired.json.size(), kVideoKeys.size());
}

void TestEmulator::pagination()
{
    QStringList ids;
    for (int i = 0; i < 5; ++i) {
        ids << createJob(QStringLiteral("drill %1").arg(i));
        m_emulator->advanceClock(1000);
    }
    const QStringList newestFirst {ids[4], ids[3], ids[2], ids[1], ids[0]};

    auto page = [&](const QString &query) {
        const Response response = send("GET", QStringLiteral("/videos?") + query);
        QStringList pageIds;
        for (const QJsonValue &video : response.json.value(u"data").toArray())
            pageIds << video[u"id"].toString();
        return std::make_pair(response, pageIds);
    };
    auto [first, firstIds] = page(QStringLiteral("limit=2"));
    QCOMPARE(first.status, 200);
    QCOMPARE(first.json.value(u"object").toString(), QStringLiteral("list"));
    QCOMPARE(firstIds, newestFirst.mid(0, 2));
    QCOMPARE(first.json.value(u"first_id").toString(), ids[4]);
    QCOMPARE(first.json.value(u"last_id").toString(), ids[3]);
    QCOMPARE(first.json.value(u"has_more").toBool(), true);

    auto [second, secondIds] = page(QStringLiteral("limit=2&after=") + ids[3]);
    QCOMPARE(secondIds, newestFirst.mid(2, 2));
    QCOMPARE(second.json.value(u"has_more").toBool(), true);
    auto [third, thirdIds] = page(QStringLiteral("limit=2&after=") + ids[1]);
    QCOMPARE(thirdIds, newestFirst.mid(4));
    QCOMPARE(third.json.value(u"has_more").toBool(), false);

    auto [ascending, ascendingIds] = page(QStringLiteral("order=asc&limit=100"));
    QCOMPARE(ascendingIds, ids);
    QCOMPARE(ascending.json.value(u"has_more").toBool(), false);
    auto [all, allIds] = page(QString());
    QCOMPARE(allIds, newestFirst);

    auto [empty, emptyIds] = page(QStringLiteral("limit=0"));
    QCOMPARE(empty.status, 200);
    QVERIFY(emptyIds.isEmpty());
    QVERIFY(empty.json.value(u"first_id").isNull());
    QVERIFY(empty.json.value(u"last_id").isNull());
    QCOMPARE(empty.json.value(u"has_more").toBool(), true);

    QCOMPARE(page(QStringLiteral("limit=101")).first.errorCode(),
             QStringLiteral("integer_above_max_value"));
    QCOMPARE(page(QStringLiteral("limit=-1")).first.errorCode(),
             QStringLiteral("integer_below_min_value"));
    QCOMPARE(page(QStringLiteral("limit=ten")).first.errorCode(), QStringLiteral("invalid_type"));
    QCOMPARE(page(QStringLiteral("order=newest")).first.errorParam(), QStringLiteral("order"));
    QCOMPARE(page(QStringLiteral("after=video_unknown")).first.status, 400);
}

void TestEmulator::deleteAndRemix()
{
    const QString running = createJob();
    const Response early = send("DELETE", QStringLiteral("/videos/") + running);
    QCOMPARE(early.status, 400);
    const Response earlyRemix = send("POST", QStringLiteral("/videos/%1/remix").arg(running),
                                     R"({"prompt":"slower"})", "application/json");
    QCOMPARE(earlyRemix.status, 400);
    m_emulator->advanceClock(5000);

    const Response remix = send("POST", QStringLiteral("/videos/%1/remix").arg(running),
                                R"({"prompt":"slower"})", "application/json");
    QCOMPARE(remix.status, 200);
    QCOMPARE(remix.json.value(u"remixed_from_video_id").toString(), running);
    QCOMPARE(remix.json.value(u"prompt").toString(), QStringLiteral("slower"));
    QCOMPARE(remix.json.value(u"size").toString(), QStringLiteral("1280x720"));
    QCOMPARE(remix.json.size(), kVideoKeys.size());
    QCOMPARE(send("POST", QStringLiteral("/videos/%1/remix").arg(running),
                  R"({"prompt":"x","seconds":"8"})", "application/json")
                     .errorCode(),
             QStringLiteral("unknown_parameter"));
    QCOMPARE(send("POST", QStringLiteral("/videos/video_nothing/remix"), R"({"prompt":"x"})",
                  "application/json")
                     .status,
             404);
    QCOMPARE(m_emulator->createdJobCount(), 1);
    QCOMPARE(m_emulator->jobCount(), 2);

    const Response deleted = send("DELETE", QStringLiteral("/videos/") + running);
    QCOMPARE(deleted.status, 200);
    QCOMPARE(deleted.json,
             (QJsonObject {{QStringLiteral("id"), running},
                           {QStringLiteral("object"), QStringLiteral("video.deleted")},
                           {QStringLiteral("deleted"), true}}));
    const Response missing = send("GET", QStringLiteral("/videos/") + running);
    QCOMPARE(missing.status, 404);
    QCOMPARE(missing.errorCode(), QStringLiteral("video_not_found"));
    QCOMPARE(send("DELETE", QStringLiteral("/videos/") + running).status, 404);
    QCOMPARE(send("GET", QStringLiteral("/videos/%1/content").arg(running)).status, 404);
}

void TestEmulator::contentVariants()
{
    const QString id = completedJob();
    const QString base = QStringLiteral("/videos/%1/content").arg(id);
    QTemporaryDir dir;

    const Response video = send("GET", base);
    QCOMPARE(video.status, 200);
    QCOMPARE(video.header("content-type"), QByteArray("video/mp4"));
    QCOMPARE(video.header("content-length").toLongLong(), video.body.size());
    const QString mp4 = dir.filePath(QStringLiteral("v.mp4"));
    {
        QFile file(mp4);
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write(video.body);
    }
    const MediaInfo info = MediaProbe::probe(mp4, true);
    QVERIFY2(info.valid, qPrintable(info.error));
    QCOMPARE(info.codec, QStringLiteral("h264"));
    QVERIFY(info.frameCount > 0);
    QCOMPARE(send("GET", base + QStringLiteral("?variant=video")).body, video.body);

    const Response thumbnail = send("GET", base + QStringLiteral("?variant=thumbnail"));
    QCOMPARE(thumbnail.status, 200);
    QCOMPARE(thumbnail.header("content-type"), QByteArray("image/webp"));
    QVERIFY(thumbnail.body.startsWith("RIFF"));
    QCOMPARE(thumbnail.body.mid(8, 4), QByteArray("WEBP"));
    const QString webp = dir.filePath(QStringLiteral("t.webp"));
    {
        QFile file(webp);
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write(thumbnail.body);
    }
    const QList<QImage> still = MediaProbe::decodeFrames(webp, {0});
    QCOMPARE(still.size(), 1);
    QCOMPARE(still.first().size(), QSize(info.width, info.height));

    const Response sprites = send("GET", base + QStringLiteral("?variant=spritesheet"));
    QCOMPARE(sprites.status, 200);
    QCOMPARE(sprites.header("content-type"), QByteArray("image/jpeg"));
    QImage sheet;
    QVERIFY(sheet.loadFromData(sprites.body, "JPEG"));
    QVERIFY(sheet.width() > 0 && sheet.height() > 0);

    const Response bad = send("GET", base + QStringLiteral("?variant=gif"));
    QCOMPARE(bad.status, 400);
    QCOMPARE(bad.errorParam(), QStringLiteral("variant"));
    QCOMPARE(send("GET", QStringLiteral("/videos/video_nothing/content")).status, 404);
}

void TestEmulator::signedRedirect()
{
    EmulatorConfig config = baseConfig();
    config.redirectContent = true;
    config.redirectHost = QStringLiteral("127.0.0.2");
    config.signedUrlRejectsAuthorization = true;
    config.signedUrlTtlSeconds = 60;
    QVERIFY(m_emulator->setConfig(config));
    const QString id = completedJob();
    const Response direct = send("GET", QStringLiteral("/videos/%1/content").arg(id));
    QCOMPARE(direct.status, 302);
    const QUrl location(QString::fromUtf8(direct.header("location")));
    QCOMPARE(location.host(), QStringLiteral("127.0.0.2"));
    QVERIFY(location.port() > 0);

    // The signed URL works without the key, and refuses a forwarded Authorization header.
    const Response plain = sendUrl("GET", location, {}, {}, {}, false);
    QCOMPARE(plain.status, 200);
    QVERIFY(plain.body.mid(4, 4) == "ftyp");
    const Response withKey = sendUrl("GET", location, {}, {}, kKey, false);
    QCOMPARE(withKey.status, 400);
    QCOMPARE(withKey.errorCode(), QStringLiteral("authorization_not_allowed"));
    const RequestLogEntry last = m_emulator->requestLog().last();
    QCOMPARE(last.endpoint, QStringLiteral("signed_content"));
    QVERIFY(last.authorization);

    QUrl tampered = location;
    QUrlQuery query(tampered);
    query.removeQueryItem(QStringLiteral("expires"));
    query.addQueryItem(QStringLiteral("expires"), QStringLiteral("99999999999"));
    tampered.setQuery(query);
    QCOMPARE(sendUrl("GET", tampered, {}, {}, {}, false).status, 403);

    const Response thumb
            = send("GET", QStringLiteral("/videos/%1/content?variant=thumbnail").arg(id));
    QCOMPARE(thumb.status, 302);
    QVERIFY(thumb.header("location").contains("/thumbnail?"));

    // Followed by QNetworkAccessManager itself; the log tells whether it forwarded the key.
    config.signedUrlRejectsAuthorization = false;
    QVERIFY(m_emulator->setConfig(config));
    const Response followed
            = send("GET", QStringLiteral("/videos/%1/content").arg(id), {}, {}, kKey, true);
    QCOMPARE(followed.status, 200);
    QCOMPARE(followed.body, plain.body);
    qInfo("QNetworkAccessManager %s the Authorization header on a redirect to another host",
          m_emulator->requestLog().last().authorization ? "forwarded" : "dropped");

    m_emulator->advanceClock(61 * 1000);
    const Response late = sendUrl("GET", location, {}, {}, {}, false);
    QCOMPARE(late.status, 403);
    QCOMPARE(late.errorCode(), QStringLiteral("url_expired"));
}

void TestEmulator::faultErrors_data()
{
    QTest::addColumn<QJsonObject>("rule");
    QTest::addColumn<int>("status");
    QTest::addColumn<QString>("type");
    QTest::addColumn<QString>("code");
    QTest::addColumn<QList<QByteArrayList>>("headers");

    QTest::newRow("rate limit")
            << QJsonObject {{QStringLiteral("kind"), QStringLiteral("rate_limit")},
                            {QStringLiteral("target"), QStringLiteral("create")},
                            {QStringLiteral("retry_after"), 2},
                            {QStringLiteral("retry_after_ms"), 1500}}
            << 429 << "requests"
            << "rate_limit_exceeded"
            << QList<QByteArrayList> {{"retry-after", "2"}, {"retry-after-ms", "1500"}};
    QTest::newRow("rate limit with an HTTP date")
            << QJsonObject {{QStringLiteral("kind"), QStringLiteral("rate_limit")},
                            {QStringLiteral("retry_after"),
                             QStringLiteral("Wed, 21 Oct 2026 07:28:00 GMT")}}
            << 429 << "requests"
            << "rate_limit_exceeded"
            << QList<QByteArrayList> {{"retry-after", "Wed, 21 Oct 2026 07:28:00 GMT"}};
    QTest::newRow("quota") << QJsonObject {{QStringLiteral("kind"), QStringLiteral("quota")}} << 429
                           << "insufficient_quota"
                           << "insufficient_quota" << QList<QByteArrayList> {};
    QTest::newRow("server error 503, do not retry")
            << QJsonObject {{QStringLiteral("kind"), QStringLiteral("server_error")},
                            {QStringLiteral("status"), 503},
                            {QStringLiteral("should_retry"), false}}
            << 503 << "server_error" << QString()
            << QList<QByteArrayList> {{"x-should-retry", "false"}};
    QTest::newRow("conflict, retry")
            << QJsonObject {{QStringLiteral("kind"), QStringLiteral("error")},
                            {QStringLiteral("status"), 409},
                            {QStringLiteral("code"), QStringLiteral("conflict")},
                            {QStringLiteral("should_retry"), true}}
            << 409 << "invalid_request_error"
            << "conflict" << QList<QByteArrayList> {{"x-should-retry", "true"}};
    QTest::newRow("organisation not verified")
            << QJsonObject {{QStringLiteral("kind"), QStringLiteral("error")},
                            {QStringLiteral("status"), 403},
                            {QStringLiteral("message"),
                             QStringLiteral("Your organization must be verified to use the model "
                                            "`sora-2`.")}}
            << 403 << "invalid_request_error" << QString() << QList<QByteArrayList> {};
}

void TestEmulator::faultErrors()
{
    QFETCH(QJsonObject, rule);
    QFETCH(int, status);
    QFETCH(QString, type);
    QFETCH(QString, code);
    QFETCH(QList<QByteArrayList>, headers);

    QJsonObject twice = rule;
    twice.insert(QStringLiteral("count"), 2);
    const Response added = control("POST", QStringLiteral("faults"), twice);
    QCOMPARE(added.status, 200);
    QCOMPARE(added.json.value(u"faults").toArray().size(), 1);

    for (int attempt = 0; attempt < 2; ++attempt) {
        const Response response
                = createJson(QJsonObject {{QStringLiteral("prompt"), QStringLiteral("x")}});
        QCOMPARE(response.status, status);
        QCOMPARE(response.error_().value(u"type").toString(), type);
        if (code.isEmpty())
            QVERIFY(response.error_().value(u"code").isNull());
        else
            QCOMPARE(response.errorCode(), code);
        QVERIFY(response.header("x-request-id").startsWith("req_"));
        for (const QByteArrayList &header : headers)
            QCOMPARE(response.header(header.at(0)), header.at(1));
    }
    QCOMPARE(createJson(QJsonObject {{QStringLiteral("prompt"), QStringLiteral("x")}}).status, 200);
    QCOMPARE(m_emulator->createdJobCount(), 1);
    QCOMPARE(m_emulator->createRequestCount(), 3);
    QVERIFY(m_emulator->faults().isEmpty());
}

void TestEmulator::faultSkipCountAndVariant()
{
    const QString id = completedJob();
    FaultRule rule;
    rule.kind = QStringLiteral("server_error");
    rule.target = QStringLiteral("retrieve");
    rule.skip = 1;
    m_emulator->addFault(rule);
    const QString path = QStringLiteral("/videos/") + id;
    QCOMPARE(send("GET", path).status, 200);
    QCOMPARE(send("GET", path).status, 500);
    QCOMPARE(send("GET", path).status, 200);

    FaultRule everyTime;
    everyTime.kind = QStringLiteral("server_error");
    everyTime.target = QStringLiteral("content");
    everyTime.variant = QStringLiteral("thumbnail");
    everyTime.count = -1;
    m_emulator->addFault(everyTime);
    for (int i = 0; i < 3; ++i)
        QCOMPARE(send("GET", path + QStringLiteral("/content?variant=thumbnail")).status, 500);
    QCOMPARE(send("GET", path + QStringLiteral("/content")).status, 200);
    QCOMPARE(m_emulator->faults().size(), 1);
    QCOMPARE(control("DELETE", QStringLiteral("faults")).json.value(u"faults").toArray().size(), 0);
    QCOMPARE(send("GET", path + QStringLiteral("/content?variant=thumbnail")).status, 200);
}

void TestEmulator::slowAnswerDoesNotBlock()
{
    const QString id = createJob();
    FaultRule slow;
    slow.kind = QStringLiteral("slow");
    slow.target = QStringLiteral("retrieve");
    slow.delayMs = 400;
    m_emulator->addFault(slow);

    QNetworkRequest slowRequest(QUrl(m_emulator->baseUrl() + QStringLiteral("/videos/") + id));
    slowRequest.setRawHeader("Authorization", "Bearer " + kKey);
    QNetworkReply *slowReply = m_network.get(slowRequest);
    QSignalSpy slowFinished(slowReply, &QNetworkReply::finished);
    // Once the slow request has reached the server (its fault is taken), ask something else.
    QTRY_VERIFY(m_emulator->faults().isEmpty());
    const Response fast = send("GET", QStringLiteral("/videos"));
    QCOMPARE(fast.status, 200);
    QVERIFY(!slowReply->isFinished());
    QVERIFY(slowFinished.wait(5000));
    QCOMPARE(slowReply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt(), 200);
    const QList<RequestLogEntry> log = m_emulator->requestLog();
    QCOMPARE(log.last().endpoint, QStringLiteral("retrieve"));
    QCOMPARE(log.last().fault, QStringLiteral("slow"));
    delete slowReply;
}

void TestEmulator::dropBeforeWork()
{
    FaultRule drop;
    drop.kind = QStringLiteral("drop");
    drop.target = QStringLiteral("create");
    drop.count = -1;
    m_emulator->addFault(drop);
    const Response response
            = createJson(QJsonObject {{QStringLiteral("prompt"), QStringLiteral("x")}});
    QVERIFY(response.finished);
    QVERIFY(response.error != QNetworkReply::NoError);
    QCOMPARE(response.status, 0);
    QCOMPARE(m_emulator->createdJobCount(), 0);
    QVERIFY(m_emulator->createRequestCount() >= 1);
    QCOMPARE(m_emulator->requestLog().first().delivered, false);
}

void TestEmulator::lostCreateResponse()
{
    FaultRule lost;
    lost.kind = QStringLiteral("lost_response");
    lost.target = QStringLiteral("create");
    lost.count = -1;
    m_emulator->addFault(lost);
    const Response response
            = createJson(QJsonObject {{QStringLiteral("prompt"), QStringLiteral("x")}});
    QVERIFY(response.finished);
    QCOMPARE(response.error, QNetworkReply::RemoteHostClosedError);
    // The job exists although no answer arrived: a client must find it, not create it again.
    // (QNetworkAccessManager may resend a request whose connection closed before any answer;
    // each attempt creates a job, which the log shows.)
    const int attempts = m_emulator->createRequestCount();
    QVERIFY(attempts >= 1);
    QCOMPARE(m_emulator->createdJobCount(), attempts);
    const RequestLogEntry entry = m_emulator->requestLog().first();
    QCOMPARE(entry.fault, QStringLiteral("lost_response"));
    QCOMPARE(entry.status, 200);
    QVERIFY(!entry.delivered);
    QVERIFY(!entry.videoId.isEmpty());
    const Response listed = send("GET", QStringLiteral("/videos"));
    QCOMPARE(listed.json.value(u"data").toArray().first()[u"id"].toString(),
             m_emulator->requestLog().at(attempts - 1).videoId);
    if (attempts > 1)
        qInfo("QNetworkAccessManager resent the POST %d times after the connection closed",
              attempts - 1);
}

void TestEmulator::contentResetMidBody()
{
    const QString id = completedJob();
    const QString path = QStringLiteral("/videos/%1/content").arg(id);
    const Response whole = send("GET", path);
    QCOMPARE(whole.status, 200);
    QVERIFY(whole.body.size() > 1000);

    FaultRule reset;
    reset.kind = QStringLiteral("reset");
    reset.target = QStringLiteral("content");
    reset.afterBytes = 1000;
    m_emulator->addFault(reset);
    const Response cut = send("GET", path);
    QVERIFY(cut.finished);
    QVERIFY(cut.error != QNetworkReply::NoError);
    QVERIFY(cut.body.size() <= 1000);
    QVERIFY(whole.body.startsWith(cut.body));
    const RequestLogEntry entry = m_emulator->requestLog().last();
    QCOMPARE(entry.fault, QStringLiteral("reset"));
    QVERIFY(!entry.delivered);

    const Response again = send("GET", path);
    QCOMPARE(again.status, 200);
    QCOMPARE(again.body, whole.body);
    QCOMPARE(m_emulator->createdJobCount(), 1);
}

// {L} in a row stands for the length of the video, {L+n} for that plus n.
static QByteArray withLength(QByteArray text, qint64 length)
{
    qsizetype open = 0;
    while ((open = text.indexOf("{L", open)) >= 0) {
        const qsizetype close = text.indexOf('}', open);
        const QByteArray inner = text.mid(open + 2, close - open - 2);
        const qint64 value = length + (inner.isEmpty() ? 0 : inner.toLongLong());
        text.replace(open, close - open + 1, QByteArray::number(value));
    }
    return text;
}

void TestEmulator::rangeRequests_data()
{
    QTest::addColumn<QByteArray>("range");
    QTest::addColumn<int>("status");
    QTest::addColumn<QByteArray>("first"); // expected first byte of a 206, {L} allowed
    QTest::addColumn<QByteArray>("last");
    // Satisfiable single ranges: 206 with exactly those bytes.
    QTest::newRow("first-last") << QByteArray("bytes=0-99") << 206 << QByteArray("0")
                                << QByteArray("99");
    QTest::newRow("from an offset")
            << QByteArray("bytes=100-") << 206 << QByteArray("100") << QByteArray("{L-1}");
    QTest::newRow("suffix") << QByteArray("bytes=-100") << 206 << QByteArray("{L-100}")
                            << QByteArray("{L-1}");
    QTest::newRow("suffix longer than the file")
            << QByteArray("bytes=-{L+5}") << 206 << QByteArray("0") << QByteArray("{L-1}");
    QTest::newRow("last beyond the end is cut")
            << QByteArray("bytes=10-{L+100}") << 206 << QByteArray("10") << QByteArray("{L-1}");
    QTest::newRow("last byte only")
            << QByteArray("bytes={L-1}-") << 206 << QByteArray("{L-1}") << QByteArray("{L-1}");
    QTest::newRow("unit is case-insensitive")
            << QByteArray("Bytes=0-9") << 206 << QByteArray("0") << QByteArray("9");
    QTest::newRow("whole file as a range")
            << QByteArray("bytes=0-") << 206 << QByteArray("0") << QByteArray("{L-1}");
    // Unsatisfiable: 416 with bytes */length.
    QTest::newRow("starts at the end")
            << QByteArray("bytes={L}-") << 416 << QByteArray() << QByteArray();
    QTest::newRow("starts beyond the end")
            << QByteArray("bytes={L+10}-{L+20}") << 416 << QByteArray() << QByteArray();
    QTest::newRow("empty suffix") << QByteArray("bytes=-0") << 416 << QByteArray() << QByteArray();
    QTest::newRow("huge first") << QByteArray("bytes=99999999999999999999999-") << 416
                                << QByteArray() << QByteArray();
    // Not the grammar of a bytes range: rejected (416), as RFC 9110 section 14.2 allows.
    QTest::newRow("last before first")
            << QByteArray("bytes=5-3") << 416 << QByteArray() << QByteArray();
    QTest::newRow("not a number") << QByteArray("bytes=abc") << 416 << QByteArray() << QByteArray();
    QTest::newRow("no dash") << QByteArray("bytes=5") << 416 << QByteArray() << QByteArray();
    QTest::newRow("signed number")
            << QByteArray("bytes=+5-9") << 416 << QByteArray() << QByteArray();
    QTest::newRow("nothing after =") << QByteArray("bytes=") << 416 << QByteArray() << QByteArray();
    QTest::newRow("one bad part of two")
            << QByteArray("bytes=0-1,x-2") << 416 << QByteArray() << QByteArray();
    // Ignored: the whole file (200).
    QTest::newRow("several ranges")
            << QByteArray("bytes=0-1,5-6") << 200 << QByteArray() << QByteArray();
    QTest::newRow("unknown unit") << QByteArray("items=0-5") << 200 << QByteArray() << QByteArray();
}

void TestEmulator::rangeRequests()
{
    QFETCH(QByteArray, range);
    QFETCH(int, status);
    QFETCH(QByteArray, first);
    QFETCH(QByteArray, last);
    const QString path = QStringLiteral("/videos/%1/content").arg(completedJob());
    const Response whole = send("GET", path);
    QCOMPARE(whole.status, 200);
    const qint64 length = whole.body.size();
    QVERIFY(length > 200);
    QCOMPARE(whole.header("accept-ranges"), QByteArray("bytes"));
    QVERIFY(whole.header("etag").startsWith('"'));
    QVERIFY(!whole.header("last-modified").isEmpty());

    m_extraHeaders << qMakePair(QByteArray("Range"), withLength(range, length));
    const Response answer = send("GET", path);
    QCOMPARE(answer.status, status);
    QCOMPARE(answer.header("content-length").toLongLong(), answer.body.size());
    if (status == 200) {
        QCOMPARE(answer.body, whole.body);
        QVERIFY(answer.header("content-range").isEmpty());
    } else if (status == 206) {
        const qint64 from = withLength(first, length).toLongLong();
        const qint64 to = withLength(last, length).toLongLong();
        QCOMPARE(answer.header("content-range"),
                 "bytes " + QByteArray::number(from) + '-' + QByteArray::number(to) + '/'
                         + QByteArray::number(length));
        QCOMPARE(answer.body, whole.body.mid(from, to - from + 1));
        QCOMPARE(answer.header("etag"), whole.header("etag"));
    } else {
        QCOMPARE(answer.header("content-range"), "bytes */" + QByteArray::number(length));
        QCOMPARE(answer.errorCode(), QStringLiteral("range_not_satisfiable"));
        QVERIFY(answer.errorMessage().contains(QString::fromLatin1(withLength(range, length))));
    }
    const RequestLogEntry entry = m_emulator->requestLog().last();
    QCOMPARE(entry.range, QString::fromLatin1(withLength(range, length)));
    QCOMPARE(entry.status, status);
}

void TestEmulator::ifRange_data()
{
    QTest::addColumn<QByteArray>("validator"); // {etag} and {date} stand for the current ones
    QTest::addColumn<int>("status");
    QTest::newRow("same entity tag") << QByteArray("{etag}") << 206;
    QTest::newRow("same date") << QByteArray("{date}") << 206;
    QTest::newRow("other entity tag") << QByteArray("\"0123456789abcdef\"") << 200;
    QTest::newRow("weak tag never matches") << QByteArray("W/{etag}") << 200;
    QTest::newRow("tag without quotes") << QByteArray("{bare}") << 200;
    QTest::newRow("a second earlier") << QByteArray("{earlier}") << 200;
    QTest::newRow("a second later") << QByteArray("{later}") << 200;
    QTest::newRow("not a date") << QByteArray("yesterday") << 200;
}

void TestEmulator::ifRange()
{
    QFETCH(QByteArray, validator);
    QFETCH(int, status);
    const QString path = QStringLiteral("/videos/%1/content").arg(completedJob());
    const Response whole = send("GET", path);
    QCOMPARE(whole.status, 200);
    const QByteArray etag = whole.header("etag");
    const QByteArray date = whole.header("last-modified");
    const QDateTime modified = QLocale::c().toDateTime(
            QString::fromLatin1(date), QStringLiteral("ddd, dd MMM yyyy HH:mm:ss 'GMT'"));
    QVERIFY2(modified.isValid(), date.constData());
    auto shifted = [&](int seconds) {
        return QLocale::c()
                .toString(modified.addSecs(seconds),
                          QStringLiteral("ddd, dd MMM yyyy HH:mm:ss 'GMT'"))
                .toLatin1();
    };
    validator.replace("{etag}", etag)
            .replace("{date}", date)
            .replace("{bare}", etag.mid(1, etag.size() - 2))
            .replace("{earlier}", shifted(-1))
            .replace("{later}", shifted(1));

    m_extraHeaders << qMakePair(QByteArray("Range"), QByteArray("bytes=100-"))
                   << qMakePair(QByteArray("If-Range"), validator);
    const Response answer = send("GET", path);
    QCOMPARE(answer.status, status);
    // A validator that does not match: the whole file, as it is now.
    QCOMPARE(answer.body, status == 206 ? whole.body.mid(100) : whole.body);

    // If-Range without Range changes nothing.
    m_extraHeaders.removeFirst();
    QCOMPARE(send("GET", path).status, 200);
}

void TestEmulator::rangeOnSignedUrlAndVariants()
{
    EmulatorConfig config = baseConfig();
    config.redirectContent = true;
    QVERIFY(m_emulator->setConfig(config));
    const QString id = completedJob();
    const Response direct = send("GET", QStringLiteral("/videos/%1/content").arg(id));
    QCOMPARE(direct.status, 302);
    const QUrl location(QString::fromUtf8(direct.header("location")));
    const Response whole = sendUrl("GET", location, {}, {}, {}, false);
    QCOMPARE(whole.status, 200);
    m_extraHeaders << qMakePair(QByteArray("Range"), QByteArray("bytes=-10"))
                   << qMakePair(QByteArray("If-Range"), whole.header("etag"));
    const Response tail = sendUrl("GET", location, {}, {}, {}, false);
    QCOMPARE(tail.status, 206);
    QCOMPARE(tail.body, whole.body.right(10));

    // The thumbnail has its own entity tag: the video's does not resume it.
    QVERIFY(m_emulator->setConfig(baseConfig()));
    const QString thumbnail = QStringLiteral("/videos/%1/content?variant=thumbnail").arg(id);
    const Response mismatch = send("GET", thumbnail);
    QCOMPARE(mismatch.status, 200);
    QVERIFY(mismatch.header("etag") != whole.header("etag"));
    m_extraHeaders.last().second = mismatch.header("etag");
    const Response part = send("GET", thumbnail);
    QCOMPARE(part.status, 206);
    QCOMPARE(part.body, mismatch.body.right(10));
}

void TestEmulator::logCountsBytesSent()
{
    const QString path = QStringLiteral("/videos/%1/content").arg(completedJob());
    const Response whole = send("GET", path);
    QCOMPARE(m_emulator->requestLog().last().bytesSent, whole.body.size());

    FaultRule reset;
    reset.kind = QStringLiteral("reset");
    reset.target = QStringLiteral("content");
    reset.afterBytes = 700;
    m_emulator->addFault(reset);
    m_extraHeaders << qMakePair(QByteArray("Range"), QByteArray("bytes=300-"));
    // QNetworkAccessManager may send the cut request once more on its own (a 206 cut short is not
    // an error to it), at a moment of its choosing: entries are found by what they are, not by
    // where they stand in the log.
    const auto since = [this](qsizetype mark) {
        return m_emulator->requestLog().mid(mark);
    };
    qsizetype mark = m_emulator->requestLog().size();
    const Response cut = send("GET", path);
    // The headers promise the rest; 700 bytes of it arrive. (QNetworkAccessManager reports no
    // error for a 206 cut short: a client has to compare with Content-Length itself.)
    QCOMPARE(cut.body.size(), 700);
    QCOMPARE(cut.header("content-length").toLongLong(), whole.body.size() - 300);
    const QList<RequestLogEntry> afterCut = since(mark);
    const auto resetEntry = std::find_if(afterCut.cbegin(), afterCut.cend(), [](const auto &entry) {
        return entry.fault == QLatin1String("reset");
    });
    QVERIFY(resetEntry != afterCut.cend());
    QCOMPARE(resetEntry->bytesSent, 700);
    QVERIFY(!resetEntry->delivered);
    mark = m_emulator->requestLog().size();
    const Response rest = send("GET", path);
    QCOMPARE(rest.status, 206);
    const QList<RequestLogEntry> afterRest = since(mark);
    QVERIFY(std::any_of(afterRest.cbegin(), afterRest.cend(), [&](const auto &entry) {
        return entry.fault.isEmpty() && entry.status == 206 && entry.delivered
                && entry.bytesSent == whole.body.size() - 300;
    }));

    // The same figures through the control endpoint, for tests in other languages.
    m_extraHeaders.clear();
    QJsonArray entries;
    const QJsonArray all = control("GET", QStringLiteral("log")).json.value(u"entries").toArray();
    for (const QJsonValue &entry : all) {
        if (entry[u"endpoint"].toString() == u"content")
            entries.append(entry);
    }
    QString seen;
    for (const QJsonValue &entry : std::as_const(entries))
        seen += QStringLiteral("[%1 %2 %3 %4] ")
                        .arg(entry[u"status"].toInt())
                        .arg(entry[u"bytes_sent"].toInteger())
                        .arg(entry[u"range"].toString(), entry[u"fault"].toString());
    QVERIFY2(entries.size() >= 3, qPrintable(seen));
    QCOMPARE(entries.at(0)[u"bytes_sent"].toInteger(), whole.body.size());
    QVERIFY(entries.at(0)[u"range"].isNull());
    const auto find = [&](const auto &match) {
        return std::any_of(entries.cbegin(), entries.cend(),
                           [&](const QJsonValue &entry) { return match(entry); });
    };
    QVERIFY2(find([](const QJsonValue &entry) {
                 return entry[u"fault"].toString() == u"reset"
                         && entry[u"bytes_sent"].toInteger() == 700
                         && entry[u"range"].toString() == u"bytes=300-";
             }),
             qPrintable(seen));
    QVERIFY2(find([&](const QJsonValue &entry) {
                 return entry[u"fault"].toString().isEmpty() && entry[u"status"].toInt() == 206
                         && entry[u"bytes_sent"].toInteger() == whole.body.size() - 300;
             }),
             qPrintable(seen));
}

void TestEmulator::moderationAtCreateAndAsFailedJob()
{
    control("POST", QStringLiteral("faults"),
            QJsonObject {{QStringLiteral("kind"), QStringLiteral("moderation")}});
    const Response refused
            = createJson(QJsonObject {{QStringLiteral("prompt"), QStringLiteral("x")}});
    QCOMPARE(refused.status, 400);
    QCOMPARE(refused.errorCode(), QStringLiteral("moderation_blocked"));
    QCOMPARE(m_emulator->createdJobCount(), 0);

    control("POST", QStringLiteral("faults"),
            QJsonObject {{QStringLiteral("kind"), QStringLiteral("moderation_failed")}});
    const QString id = createJob();
    QVERIFY(!id.isEmpty());
    m_emulator->advanceClock(2000);
    QCOMPARE(send("GET", QStringLiteral("/videos/") + id).json.value(u"status").toString(),
             QStringLiteral("in_progress"));
    m_emulator->advanceClock(3000);
    const Response failed = send("GET", QStringLiteral("/videos/") + id);
    QCOMPARE(failed.status, 200);
    QCOMPARE(failed.json.value(u"status").toString(), QStringLiteral("failed"));
    const QJsonObject error = failed.json.value(u"error").toObject();
    QCOMPARE(error.value(u"code").toString(), QStringLiteral("moderation_blocked"));
    QVERIFY(error.value(u"message").toString().contains(u"moderation"));
    QCOMPARE(failed.json.size(), kVideoKeys.size());
    QCOMPARE(send("GET", QStringLiteral("/videos/%1/content").arg(id)).status, 400);

    control("POST", QStringLiteral("faults"),
            QJsonObject {{QStringLiteral("kind"), QStringLiteral("job_failed")},
                         {QStringLiteral("code"), QStringLiteral("internal_error")}});
    const QString other = createJob();
    m_emulator->advanceClock(5000);
    QCOMPARE(send("GET", QStringLiteral("/videos/") + other)
                     .json.value(u"error")[u"code"]
                     .toString(),
             QStringLiteral("internal_error"));
    QCOMPARE(send("DELETE", QStringLiteral("/videos/") + other).status, 200);
}

void TestEmulator::shutDownMode()
{
    EmulatorConfig config = baseConfig();
    config.shutDown = true;
    QVERIFY(m_emulator->setConfig(config));
    const Response create
            = createJson(QJsonObject {{QStringLiteral("prompt"), QStringLiteral("x")}});
    QCOMPARE(create.status, 404);
    QCOMPARE(create.errorCode(), QStringLiteral("model_not_found"));
    QVERIFY(create.errorMessage().contains(u"sora-2"));
    const Response retrieve = send("GET", QStringLiteral("/videos/video_abc"));
    QCOMPARE(retrieve.status, 404);
    QCOMPARE(retrieve.errorMessage(), QStringLiteral("Invalid URL (GET /v1/videos/video_abc)"));
    QCOMPARE(send("GET", QStringLiteral("/videos"), {}, {}, {}).status, 401);
    QCOMPARE(m_emulator->createdJobCount(), 0);
}

void TestEmulator::controlEndpoints()
{
    const Response state = control("GET", QStringLiteral("state"));
    QCOMPARE(state.status, 200);
    QCOMPARE(state.json.value(u"clock").toString(), QStringLiteral("manual"));
    QVERIFY(state.json.value(u"api_key_required").toBool());
    QVERIFY(!state.body.contains(kKey));
    QVERIFY(state.header("x-request-id").startsWith("req_"));

    QCOMPARE(control("POST", QStringLiteral("config"),
                     QJsonObject {{QStringLiteral("no_such_key"), true}})
                     .status,
             400);
    QCOMPARE(control("POST", QStringLiteral("config"),
                     QJsonObject {{QStringLiteral("redirect_host"), QStringLiteral("10.0.0.1")}})
                     .status,
             400);
    QCOMPARE(control("POST", QStringLiteral("faults"),
                     QJsonObject {{QStringLiteral("kind"), QStringLiteral("explode")}})
                     .status,
             400);
    const Response configured = control(
            "POST", QStringLiteral("config"),
            QJsonObject {{QStringLiteral("queued_ms"), 0}, {QStringLiteral("run_ms"), 0}});
    QCOMPARE(configured.status, 200);
    QCOMPARE(m_emulator->config().runMs, 0);

    // Instant jobs: the create answer is queued, the first retrieve completed.
    const QString id = createJob();
    QCOMPARE(send("GET", QStringLiteral("/videos/") + id).json.value(u"status").toString(),
             QStringLiteral("completed"));

    QVERIFY(control("POST", QStringLiteral("config"),
                    QJsonObject {{QStringLiteral("queued_ms"), 1000},
                                 {QStringLiteral("run_ms"), 1000}})
                    .status
            == 200);
    const QString later = createJob();
    const qint64 before = control("GET", QStringLiteral("clock")).json.value(u"now_ms").toInteger();
    const Response advanced = control("POST", QStringLiteral("clock"),
                                      QJsonObject {{QStringLiteral("advance_seconds"), 3}});
    QCOMPARE(advanced.json.value(u"now_ms").toInteger(), before + 3000);
    QCOMPARE(send("GET", QStringLiteral("/videos/") + later).json.value(u"status").toString(),
             QStringLiteral("completed"));

    const Response log = control("GET", QStringLiteral("log"));
    QCOMPARE(log.json.value(u"creates").toInt(), 2);
    QCOMPARE(log.json.value(u"create_requests").toInt(), 2);
    const QJsonArray entries = log.json.value(u"entries").toArray();
    QCOMPARE(entries.size(), 4); // control requests are not logged
    QCOMPARE(entries.first()[u"method"].toString(), QStringLiteral("POST"));
    QCOMPARE(entries.first()[u"path"].toString(), QStringLiteral("/v1/videos"));
    QCOMPARE(entries.first()[u"status"].toInt(), 200);
    QVERIFY(!entries.first()[u"time"].toString().isEmpty());
    QCOMPARE(control("DELETE", QStringLiteral("log")).status, 200);
    QVERIFY(m_emulator->requestLog().isEmpty());

    QCOMPARE(control("POST", QStringLiteral("reset")).status, 200);
    QCOMPARE(m_emulator->jobCount(), 0);
    QCOMPARE(control("GET", QStringLiteral("nothing")).status, 404);

    EmulatorConfig system = baseConfig();
    system.clock = QStringLiteral("system");
    QVERIFY(m_emulator->setConfig(system));
    QCOMPARE(control("POST", QStringLiteral("clock"),
                     QJsonObject {{QStringLiteral("advance_ms"), 5}})
                     .status,
             400);
}

void TestEmulator::webhooksAreSigned()
{
    struct Delivery
    {
        QList<QPair<QByteArray, QByteArray>> headers;
        QByteArray body;
    };
    QList<Delivery> deliveries;
    QHttpServer receiver;
    receiver.route(QStringLiteral("/hook"), QHttpServerRequest::Method::Post,
                   [&deliveries](const QHttpServerRequest &request) {
                       deliveries.append({request.headers(), request.body()});
                       return QHttpServerResponse(QHttpServerResponder::StatusCode::Ok);
                   });
    const quint16 port = receiver.listen(QHostAddress::LocalHost, 0);
    QVERIFY(port);

    const QString secret = QStringLiteral("whsec_")
            + QString::fromLatin1(QByteArray("fixture-secret-not-real-0123456789").toBase64());
    EmulatorConfig config = baseConfig();
    config.webhookUrl = QStringLiteral("http://127.0.0.1:%1/hook").arg(port);
    config.webhookSecret = secret;
    QVERIFY(m_emulator->setConfig(config));
    control("POST", QStringLiteral("faults"),
            QJsonObject {{QStringLiteral("kind"), QStringLiteral("moderation_failed")},
                         {QStringLiteral("skip"), 1}});

    QSignalSpy delivered(m_emulator.get(), &SoraEmulator::webhookDelivered);
    const QString completed = createJob();
    const QString failed = createJob();
    m_emulator->advanceClock(5000);
    QTRY_COMPARE(delivered.size(), 2);
    QCOMPARE(deliveries.size(), 2);
    QCOMPARE(delivered.at(0).at(1).toInt(), 200);

    QStringList types;
    for (const Delivery &delivery : std::as_const(deliveries)) {
        QByteArray id, timestamp, signature;
        for (const auto &[name, value] : delivery.headers) {
            const QByteArray lower = name.toLower();
            if (lower == "webhook-id")
                id = value;
            else if (lower == "webhook-timestamp")
                timestamp = value;
            else if (lower == "webhook-signature")
                signature = value;
        }
        QVERIFY(id.startsWith("evt_"));
        QVERIFY(qAbs(timestamp.toLongLong() - QDateTime::currentSecsSinceEpoch()) <= 300);
        // Verified here from the scheme itself: HMAC-SHA256 over "id.timestamp.body" with the
        // base64-decoded part of the secret after "whsec_".
        const QByteArray key = QByteArray::fromBase64(secret.mid(6).toLatin1());
        const QByteArray expected
                = QMessageAuthenticationCode::hash(id + '.' + timestamp + '.' + delivery.body, key,
                                                   QCryptographicHash::Sha256)
                          .toBase64();
        bool matched = false;
        for (const QByteArray &entry : signature.split(' '))
            matched = matched || entry == "v1," + expected;
        QVERIFY2(matched, signature.constData());

        const QJsonObject event = QJsonDocument::fromJson(delivery.body).object();
        QCOMPARE(event.value(u"object").toString(), QStringLiteral("event"));
        QCOMPARE(event.value(u"id").toString(), QString::fromLatin1(id));
        QVERIFY(event.value(u"created_at").toInteger() > 0);
        const QString videoId = event.value(u"data")[u"id"].toString();
        const QString type = event.value(u"type").toString();
        QCOMPARE(type,
                 videoId == completed ? QStringLiteral("video.completed")
                                      : QStringLiteral("video.failed"));
        types << type;
    }
    types.sort();
    QCOMPARE(types,
             (QStringList {QStringLiteral("video.completed"), QStringLiteral("video.failed")}));
    Q_UNUSED(failed);
    QCOMPARE(control("GET", QStringLiteral("webhooks")).json.value(u"deliveries").toArray().size(),
             2);
}

void TestEmulator::requestLogNeverHoldsTheKey()
{
    createJob();
    send("GET", QStringLiteral("/videos"), {}, {}, "another-fake-key-123456");
    const QList<RequestLogEntry> log = m_emulator->requestLog();
    QCOMPARE(log.size(), 2);
    QCOMPARE(log.at(0).method, QStringLiteral("POST"));
    QCOMPARE(log.at(0).endpoint, QStringLiteral("create"));
    QCOMPARE(log.at(0).status, 200);
    QVERIFY(log.at(0).authorization);
    QCOMPARE(log.at(1).status, 401);
    QVERIFY(log.at(0).sequence < log.at(1).sequence);
    const QByteArray dump = control("GET", QStringLiteral("log")).body;
    QVERIFY(!dump.contains(kKey));
    QVERIFY(!dump.contains("another-fake-key"));
}

void TestEmulator::realClockCompletesOnItsOwn()
{
    EmulatorConfig config = baseConfig();
    config.clock = QStringLiteral("system");
    config.queuedMs = 50;
    config.runMs = 100;
    QVERIFY(m_emulator->setConfig(config));
    QSignalSpy finished(m_emulator.get(), &SoraEmulator::jobFinished);
    const QString id = createJob();
    QTRY_COMPARE(finished.size(), 1);
    QCOMPARE(finished.first().at(0).toString(), id);
    QCOMPARE(send("GET", QStringLiteral("/videos/") + id).json.value(u"status").toString(),
             QStringLiteral("completed"));
}

QTEST_MAIN(TestEmulator)
#include "tst_emulator.moc"
