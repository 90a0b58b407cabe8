// The REST server against a real client over loopback: the old service's contract, the
// extensions (Range, ETag, 202, metrics, OpenAPI), the password lockout and the size limits.
#include "appcontext.h"
#include "clock.h"
#include "jobmanager.h"
#include "jobstore.h"
#include "mediaprobe.h"
#include "restserver.h"
#include "settings.h"
#include "testsupport.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QProcess>
#include <QSignalSpy>
#include <QTcpServer>
#include <QTemporaryDir>
#include <QTest>

namespace {

const QByteArray kPassword = QByteArrayLiteral("test-password-not-secret");
const QString kDrill = QStringLiteral(
        "【💪 おすすめの補強ドリル】\n補強ドリルとして、壁を使った前傾姿勢の練習（ウォールドリル）"
        "が効果的です。\n");

struct Answer
{
    int status = 0;
    QByteArray body;
    QHash<QByteArray, QByteArray> headers; // lower-case names
    QNetworkReply::NetworkError error = QNetworkReply::NoError;

    QJsonObject json() const { return QJsonDocument::fromJson(body).object(); }
    QByteArray header(const QByteArray &name) const { return headers.value(name); }
};

} // namespace

class TestServer : public QObject
{
    Q_OBJECT

private:
    Answer request(const QByteArray &method, const QString &path, const QByteArray &body = {},
                   const QList<QPair<QByteArray, QByteArray>> &headers = {});
    Answer generate(const QJsonObject &body, const QString &prefix = {});
    QJsonObject generateBody(qint64 runId, const QString &drill,
                             const QByteArray &password = kPassword) const;
    QUrl url(const QString &path) const;

    QTemporaryDir m_dir;
    ManualClock m_clock;
    std::unique_ptr<AppContext> m_context;
    std::unique_ptr<RestServer> m_server;
    QNetworkAccessManager m_network;
    QString m_firstVideoId;
    QByteArray m_firstVideo;

private Q_SLOTS:
    void initTestCase();
    void cleanupTestCase();

    void health();
    void generateWaitsForTheVideo();
    void sameDrillIsACacheHit();
    void waitZeroAnswers202ThenStatusProgresses();
    void statusOfUnknownRun();
    void statusRejectsABadRunId();
    void deleteCache();
    void downloadRanges_data();
    void downloadRanges();
    void downloadUnsatisfiableRange();
    void downloadEtagAndNotModified();
    void downloadUnknownVideo();
    void validationErrors_data();
    void validationErrors();
    void oversizedBodyIsRefused();
    void unknownRouteAndWrongMethod();
    void prefixedRoutesAnswerTheSame_data();
    void prefixedRoutesAnswerTheSame();
    void openApiAndMetrics();
    void noPasswordConfigured();
    void wrongPasswordLockout();
    void serveCommand();
    void serveCommandRefusesBadArguments();
};

void TestServer::initTestCase()
{
    QVERIFY(m_dir.isValid());
    qputenv("DRILLSTUDIO_GENERATION_PASSWORD", kPassword);
    m_context = std::make_unique<AppContext>();
    AppContext::Options options;
    options.dataDir = m_dir.filePath(QStringLiteral("data"));
    options.installLogFile = false;
    options.clock = &m_clock;
    QVERIFY2(m_context->open(options), qPrintable(m_context->errorString()));
    m_server = std::make_unique<RestServer>(m_context.get());
    QVERIFY2(m_server->listen(QHostAddress::LocalHost, 0), qPrintable(m_server->errorString()));
    QVERIFY(m_server->port() != 0);
}

void TestServer::cleanupTestCase()
{
    m_server.reset();
    m_context.reset();
    qunsetenv("DRILLSTUDIO_GENERATION_PASSWORD");
}

QUrl TestServer::url(const QString &path) const
{
    return QUrl(QStringLiteral("http://127.0.0.1:%1%2").arg(m_server->port()).arg(path));
}

Answer TestServer::request(const QByteArray &method, const QString &path, const QByteArray &body,
                           const QList<QPair<QByteArray, QByteArray>> &headers)
{
    QNetworkRequest request(url(path));
    request.setTransferTimeout(120000);
    if (!body.isEmpty())
        request.setHeader(QNetworkRequest::ContentTypeHeader,
                          QByteArrayLiteral("application/json"));
    for (const auto &[name, value] : headers)
        request.setRawHeader(name, value);
    QNetworkReply *reply = m_network.sendCustomRequest(request, method, body);
    QSignalSpy finished(reply, &QNetworkReply::finished);
    if (!reply->isFinished())
        finished.wait(180000);
    Answer answer;
    answer.status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    answer.body = reply->readAll();
    answer.error = reply->error();
    for (const auto &[name, value] : reply->rawHeaderPairs())
        answer.headers.insert(name.toLower(), value);
    reply->deleteLater();
    return answer;
}

QJsonObject TestServer::generateBody(qint64 runId, const QString &drill,
                                     const QByteArray &password) const
{
    return QJsonObject {{QStringLiteral("run_id"), runId},
                        {QStringLiteral("drill_text"), drill},
                        {QStringLiteral("size"), QStringLiteral("320x180")},
                        {QStringLiteral("seconds"), QStringLiteral("1")},
                        {QStringLiteral("password"), QString::fromUtf8(password)}};
}

Answer TestServer::generate(const QJsonObject &body, const QString &prefix)
{
    return request("POST", prefix + QStringLiteral("/generate"),
                   QJsonDocument(body).toJson(QJsonDocument::Compact));
}

void TestServer::health()
{
    const QByteArray expected = QByteArrayLiteral(
            R"({"message":"Video Generation Service is running","service":"video_generation","status":"healthy"})");
    for (const QString &path : {QStringLiteral("/"), QStringLiteral("/api/video-generation/"),
                                QStringLiteral("/api/video-generation")}) {
        const Answer answer = request("GET", path);
        QCOMPARE(answer.status, 200);
        QCOMPARE(answer.header("content-type"), QByteArrayLiteral("application/json"));
        QCOMPARE(QJsonDocument::fromJson(answer.body).toJson(QJsonDocument::Compact), expected);
    }
}

void TestServer::generateWaitsForTheVideo()
{
    const Answer answer = generate(generateBody(1001, kDrill));
    QCOMPARE(answer.status, 200);
    const QJsonObject json = answer.json();
    QCOMPARE(json.value(QStringLiteral("status")).toString(), QStringLiteral("success"));
    QCOMPARE(json.value(QStringLiteral("message")).toString(),
             QStringLiteral("動画生成が完了しました"));
    QVERIFY(json.value(QStringLiteral("error")).isNull());
    const QString videoUrl = json.value(QStringLiteral("video_url")).toString();
    QVERIFY2(videoUrl.startsWith(QLatin1String("/api/video-generation/download/")),
             qPrintable(videoUrl));
    m_firstVideoId = videoUrl.section(QLatin1Char('/'), -1);
    QCOMPARE(json.value(QStringLiteral("video_id")).toString(), m_firstVideoId);

    const Answer video = request("GET", videoUrl);
    QCOMPARE(video.status, 200);
    QCOMPARE(video.header("content-type"), QByteArrayLiteral("video/mp4"));
    QCOMPARE(video.header("content-disposition"),
             "inline; filename=training_video_" + m_firstVideoId.toLatin1() + ".mp4");
    QCOMPARE(video.header("accept-ranges"), QByteArrayLiteral("bytes"));
    QVERIFY(video.body.size() > 1000);
    m_firstVideo = video.body;

    const QString path = m_dir.filePath(QStringLiteral("downloaded.mp4"));
    QFile file(path);
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write(video.body);
    file.close();
    const MediaInfo info = MediaProbe::probe(path, true);
    QVERIFY2(info.valid, qPrintable(info.error));
    QCOMPARE(info.codec, QStringLiteral("h264"));
    QCOMPARE(info.width, 320);
    QCOMPARE(info.height, 180);
    QVERIFY(info.frameCount > 0);
}

void TestServer::sameDrillIsACacheHit()
{
    QVERIFY(!m_firstVideoId.isEmpty());
    QSignalSpy started(m_context->jobs(), &JobManager::jobStarted);
    const Answer answer = generate(generateBody(1002, kDrill));
    QCOMPARE(answer.status, 200);
    QCOMPARE(answer.json().value(QStringLiteral("video_id")).toString(), m_firstVideoId);
    QCOMPARE(started.size(), 0);
    const Answer status = request("GET", QStringLiteral("/status/1002"));
    QCOMPARE(status.json().value(QStringLiteral("generation_status")).toString(),
             QStringLiteral("completed"));
    QCOMPARE(status.json().value(QStringLiteral("video_url")).toString(),
             QStringLiteral("/api/video-generation/download/") + m_firstVideoId);
}

void TestServer::waitZeroAnswers202ThenStatusProgresses()
{
    QJsonObject body = generateBody(1003, QStringLiteral("もも上げ 20m×3"));
    body.insert(QStringLiteral("wait"), 0);
    const Answer answer = generate(body);
    QCOMPARE(answer.status, 202);
    const QJsonObject json = answer.json();
    QCOMPARE(json.value(QStringLiteral("status")).toString(), QStringLiteral("accepted"));
    QVERIFY(json.value(QStringLiteral("video_url")).isNull());
    const QString videoId = json.value(QStringLiteral("video_id")).toString();
    QVERIFY(!videoId.isEmpty());
    QCOMPARE(json.value(QStringLiteral("status_url")).toString(),
             QStringLiteral("/api/video-generation/status/1003"));

    const Answer first = request("GET", QStringLiteral("/status/1003"));
    QCOMPARE(first.status, 200);
    QCOMPARE(first.json().value(QStringLiteral("status")).toString(), QStringLiteral("success"));
    const QString firstStatus = first.json().value(QStringLiteral("generation_status")).toString();
    QVERIFY2(QStringList({QStringLiteral("pending"), QStringLiteral("processing"),
                          QStringLiteral("completed")})
                     .contains(firstStatus),
             qPrintable(firstStatus));
    QVERIFY(first.json().contains(QStringLiteral("progress")));
    QVERIFY(first.json().contains(QStringLiteral("eta_seconds")));

    QTRY_COMPARE_WITH_TIMEOUT(request("GET", QStringLiteral("/status/1003"))
                                      .json()
                                      .value(QStringLiteral("generation_status"))
                                      .toString(),
                              QStringLiteral("completed"), 120000);
    const QJsonObject done = request("GET", QStringLiteral("/status/1003")).json();
    QCOMPARE(done.value(QStringLiteral("video_url")).toString(),
             QStringLiteral("/api/video-generation/download/") + videoId);
    QCOMPARE(done.value(QStringLiteral("progress")).toInt(), 100);
    QVERIFY(done.value(QStringLiteral("error_message")).isNull());
}

void TestServer::statusOfUnknownRun()
{
    const Answer answer = request("GET", QStringLiteral("/status/999999"));
    QCOMPARE(answer.status, 200);
    QCOMPARE(answer.json(),
             QJsonObject({{QStringLiteral("status"), QStringLiteral("not_found")},
                          {QStringLiteral("video_url"), QJsonValue()},
                          {QStringLiteral("generation_status"), QStringLiteral("not_generated")},
                          {QStringLiteral("error_message"), QJsonValue()}}));
}

void TestServer::statusRejectsABadRunId()
{
    const Answer answer = request("GET", QStringLiteral("/status/abc"));
    QCOMPARE(answer.status, 422);
    const QJsonObject issue
            = answer.json().value(QStringLiteral("detail")).toArray().at(0).toObject();
    QCOMPARE(issue.value(QStringLiteral("type")).toString(), QStringLiteral("int_parsing"));
    QCOMPARE(issue.value(QStringLiteral("loc")).toArray(),
             QJsonArray({QStringLiteral("path"), QStringLiteral("run_id")}));
    QCOMPARE(issue.value(QStringLiteral("input")).toString(), QStringLiteral("abc"));
}

void TestServer::deleteCache()
{
    const Answer cleared = request("DELETE", QStringLiteral("/cache/1002"));
    QCOMPARE(cleared.status, 200);
    QCOMPARE(cleared.json(),
             QJsonObject(
                     {{QStringLiteral("status"), QStringLiteral("success")},
                      {QStringLiteral("message"), QStringLiteral("キャッシュをクリアしました")}}));
    const Answer again = request("DELETE", QStringLiteral("/api/video-generation/cache/1002"));
    QCOMPARE(again.status, 200);
    QCOMPARE(again.json(),
             QJsonObject({{QStringLiteral("status"), QStringLiteral("not_found")},
                          {QStringLiteral("message"),
                           QStringLiteral("キャッシュが見つかりませんでした")}}));
    QCOMPARE(request("GET", QStringLiteral("/status/1002")).json().value(QStringLiteral("status")),
             QJsonValue(QStringLiteral("not_found")));
    // Run 1001 still links to the shared video.
    QCOMPARE(request("GET", QStringLiteral("/download/") + m_firstVideoId).status, 200);
}

void TestServer::downloadRanges_data()
{
    QTest::addColumn<QByteArray>("range");
    QTest::addColumn<qint64>("start"); // -1: suffix of `length`
    QTest::addColumn<qint64>("length");
    QTest::newRow("first bytes") << QByteArrayLiteral("bytes=0-99") << qint64(0) << qint64(100);
    QTest::newRow("middle") << QByteArrayLiteral("bytes=1000-1499") << qint64(1000) << qint64(500);
    QTest::newRow("open end") << QByteArrayLiteral("bytes=1000-") << qint64(1000) << qint64(-1);
    QTest::newRow("suffix") << QByteArrayLiteral("bytes=-50") << qint64(-1) << qint64(50);
}

void TestServer::downloadRanges()
{
    QFETCH(QByteArray, range);
    QFETCH(qint64, start);
    QFETCH(qint64, length);
    QVERIFY(m_firstVideo.size() > 2000);
    const qint64 size = m_firstVideo.size();
    if (start < 0)
        start = size - length;
    if (length < 0)
        length = size - start;
    const Answer answer
            = request("GET", QStringLiteral("/download/") + m_firstVideoId, {}, {{"Range", range}});
    QCOMPARE(answer.status, 206);
    QCOMPARE(answer.body, m_firstVideo.mid(start, length));
    QCOMPARE(answer.header("content-range"),
             "bytes " + QByteArray::number(start) + '-' + QByteArray::number(start + length - 1)
                     + '/' + QByteArray::number(size));
    QCOMPARE(answer.header("content-length"), QByteArray::number(length));
}

void TestServer::downloadUnsatisfiableRange()
{
    const QByteArray range = "bytes=" + QByteArray::number(m_firstVideo.size()) + '-';
    const Answer answer
            = request("GET", QStringLiteral("/download/") + m_firstVideoId, {}, {{"Range", range}});
    QCOMPARE(answer.status, 416);
    QCOMPARE(answer.header("content-range"), "bytes */" + QByteArray::number(m_firstVideo.size()));
}

void TestServer::downloadEtagAndNotModified()
{
    const Answer full = request("GET", QStringLiteral("/download/") + m_firstVideoId);
    const QByteArray etag = full.header("etag");
    QCOMPARE(etag,
             '"' + QCryptographicHash::hash(m_firstVideo, QCryptographicHash::Sha256).toHex()
                     + '"');
    const Answer again = request("GET", QStringLiteral("/download/") + m_firstVideoId, {},
                                 {{"If-None-Match", etag}});
    QCOMPARE(again.status, 304);
    QVERIFY(again.body.isEmpty());
    const Answer other = request("GET", QStringLiteral("/download/") + m_firstVideoId, {},
                                 {{"If-None-Match", QByteArrayLiteral("\"other\"")}});
    QCOMPARE(other.status, 200);
    QCOMPARE(other.body.size(), m_firstVideo.size());
}

void TestServer::downloadUnknownVideo()
{
    for (const QString &id : {QStringLiteral("doesnotexist"), QStringLiteral("..%2F..%2Fetc")}) {
        const Answer answer = request("GET", QStringLiteral("/download/") + id);
        QCOMPARE(answer.status, 404);
        QCOMPARE(answer.body, QByteArrayLiteral(R"({"detail":"Not Found"})"));
    }
}

void TestServer::validationErrors_data()
{
    QTest::addColumn<QByteArray>("body");
    QTest::addColumn<QString>("field");
    QTest::addColumn<QString>("type");
    const auto with = [this](const QString &key, const QJsonValue &value) {
        QJsonObject body = generateBody(2001, QStringLiteral("プランク 30秒"));
        if (value.isUndefined())
            body.remove(key);
        else
            body.insert(key, value);
        return QJsonDocument(body).toJson(QJsonDocument::Compact);
    };
    QTest::newRow("missing run_id")
            << with(QStringLiteral("run_id"), QJsonValue::Undefined) << "run_id"
            << "missing";
    QTest::newRow("missing password")
            << with(QStringLiteral("password"), QJsonValue::Undefined) << "password"
            << "missing";
    QTest::newRow("run_id not a number")
            << with(QStringLiteral("run_id"), QStringLiteral("abc")) << "run_id"
            << "int_parsing";
    QTest::newRow("run_id a list") << with(QStringLiteral("run_id"), QJsonArray {1}) << "run_id"
                                   << "int_type";
    QTest::newRow("run_id 0") << with(QStringLiteral("run_id"), 0) << "run_id"
                              << "greater_than";
    QTest::newRow("drill not a string") << with(QStringLiteral("drill_text"), 5) << "drill_text"
                                        << "string_type";
    QTest::newRow("empty drill") << with(QStringLiteral("drill_text"), QStringLiteral("  \n "))
                                 << "drill_text"
                                 << "string_too_short";
    QTest::newRow("too long drill")
            << with(QStringLiteral("drill_text"), QString(2001, QLatin1Char('a'))) << "drill_text"
            << "string_too_long";
    QTest::newRow("odd size") << with(QStringLiteral("size"), QStringLiteral("321x180")) << "size"
                              << "value_error";
    QTest::newRow("seconds out of range")
            << with(QStringLiteral("seconds"), QStringLiteral("99")) << "seconds"
            << "value_error";
}

void TestServer::validationErrors()
{
    QFETCH(QByteArray, body);
    QFETCH(QString, field);
    QFETCH(QString, type);
    const Answer answer = request("POST", QStringLiteral("/generate"), body);
    QCOMPARE(answer.status, 422);
    const QJsonArray detail = answer.json().value(QStringLiteral("detail")).toArray();
    QCOMPARE(detail.size(), 1);
    const QJsonObject issue = detail.at(0).toObject();
    QCOMPARE(issue.value(QStringLiteral("type")).toString(), type);
    QCOMPARE(issue.value(QStringLiteral("loc")).toArray(),
             QJsonArray({QStringLiteral("body"), field}));
    QVERIFY(!issue.value(QStringLiteral("msg")).toString().isEmpty());
    QVERIFY(issue.contains(QStringLiteral("input")));

    const Answer invalidJson = request("POST", QStringLiteral("/generate"), "{\"run_id\": ");
    QCOMPARE(invalidJson.status, 422);
    QCOMPARE(invalidJson.json()
                     .value(QStringLiteral("detail"))
                     .toArray()
                     .at(0)
                     .toObject()
                     .value(QStringLiteral("type"))
                     .toString(),
             QStringLiteral("json_invalid"));
}

void TestServer::oversizedBodyIsRefused()
{
    const qint64 limit = m_context->settings()->integer("server/maxBodyBytes");
    QJsonObject body = generateBody(2002, QStringLiteral("プランク"));
    body.insert(QStringLiteral("padding"), QString(int(limit) + 1024, QLatin1Char('x')));
    const Answer answer = request("POST", QStringLiteral("/generate"),
                                  QJsonDocument(body).toJson(QJsonDocument::Compact));
    QCOMPARE(answer.status, 413);
    QVERIFY(answer.json()
                    .value(QStringLiteral("detail"))
                    .toString()
                    .contains(QString::number(limit)));
    // A much larger one, to see that it is refused before it is buffered.
    const Answer huge
            = request("POST", QStringLiteral("/generate"), QByteArray(8 * 1024 * 1024, ' '));
    QCOMPARE(huge.status, 413);
    QCOMPARE(request("GET", QStringLiteral("/")).status, 200);
}

void TestServer::unknownRouteAndWrongMethod()
{
    for (const QString &path :
         {QStringLiteral("/nothing"), QStringLiteral("/api/video-generation/nothing"),
          QStringLiteral("/status"), QStringLiteral("/status/1/extra")}) {
        const Answer answer = request("GET", path);
        QCOMPARE(answer.status, 404);
        QCOMPARE(answer.body, QByteArrayLiteral(R"({"detail":"Not Found"})"));
    }
    const Answer getGenerate = request("GET", QStringLiteral("/generate"));
    QCOMPARE(getGenerate.status, 405);
    QCOMPARE(getGenerate.body, QByteArrayLiteral(R"({"detail":"Method Not Allowed"})"));
    QCOMPARE(getGenerate.header("allow"), QByteArrayLiteral("POST"));
    const Answer postStatus = request("POST", QStringLiteral("/api/video-generation/status/1"),
                                      QByteArrayLiteral("{}"));
    QCOMPARE(postStatus.status, 405);
    QCOMPARE(request("PATCH", QStringLiteral("/cache/1")).status, 405);
}

void TestServer::prefixedRoutesAnswerTheSame_data()
{
    QTest::addColumn<QByteArray>("method");
    QTest::addColumn<QString>("path");
    QTest::newRow("health") << QByteArrayLiteral("GET") << QStringLiteral("/");
    QTest::newRow("status") << QByteArrayLiteral("GET") << QStringLiteral("/status/1001");
    QTest::newRow("status unknown") << QByteArrayLiteral("GET") << QStringLiteral("/status/4242");
    QTest::newRow("status invalid") << QByteArrayLiteral("GET") << QStringLiteral("/status/x");
    QTest::newRow("cache unknown") << QByteArrayLiteral("DELETE") << QStringLiteral("/cache/4242");
    QTest::newRow("openapi") << QByteArrayLiteral("GET") << QStringLiteral("/openapi.json");
    QTest::newRow("not found") << QByteArrayLiteral("GET") << QStringLiteral("/x");
    QTest::newRow("405") << QByteArrayLiteral("PUT") << QStringLiteral("/generate");
}

void TestServer::prefixedRoutesAnswerTheSame()
{
    QFETCH(QByteArray, method);
    QFETCH(QString, path);
    const Answer root = request(method, path);
    const Answer prefixed = request(method, QStringLiteral("/api/video-generation") + path);
    QCOMPARE(prefixed.status, root.status);
    QCOMPARE(prefixed.body, root.body);
    QCOMPARE(prefixed.header("content-type"), root.header("content-type"));
}

void TestServer::openApiAndMetrics()
{
    const Answer openapi = request("GET", QStringLiteral("/openapi.json"));
    QCOMPARE(openapi.status, 200);
    const QJsonObject document = openapi.json();
    QVERIFY(document.value(QStringLiteral("openapi")).toString().startsWith(QLatin1String("3.0")));
    const QJsonObject paths = document.value(QStringLiteral("paths")).toObject();
    for (const QString &path :
         {QStringLiteral("/"), QStringLiteral("/generate"), QStringLiteral("/status/{run_id}"),
          QStringLiteral("/cache/{run_id}"), QStringLiteral("/download/{video_id}"),
          QStringLiteral("/thumbnail/{video_id}"), QStringLiteral("/metrics")})
        QVERIFY2(paths.contains(path), qPrintable(path));

    const Answer metrics = request("GET", QStringLiteral("/metrics"));
    QCOMPARE(metrics.status, 200);
    QVERIFY(metrics.header("content-type").startsWith("text/plain"));
    const QByteArray text = metrics.body;
    QVERIFY(text.contains(
            R"(drillstudio_http_requests_total{route="/status/{run_id}",method="GET",status="200"})"));
    QVERIFY(text.contains(R"(drillstudio_http_refused_total{status="413"} 2)"));
    QVERIFY(text.contains(R"(drillstudio_jobs{status="completed"} 2)"));
    QVERIFY(text.contains("drillstudio_cache_bytes "));
}

void TestServer::noPasswordConfigured()
{
    qunsetenv("DRILLSTUDIO_GENERATION_PASSWORD");
    const Answer refused = generate(generateBody(1004, kDrill, "anything"));
    QCOMPARE(refused.status, 503);
    QVERIFY(refused.json()
                    .value(QStringLiteral("detail"))
                    .toString()
                    .contains(QLatin1String("DRILLSTUDIO_GENERATION_PASSWORD")));

    // A password file works as well as the variable.
    const QString passwordFile = m_dir.filePath(QStringLiteral("password.txt"));
    QFile file(passwordFile);
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write(kPassword + '\n');
    file.close();
    QCOMPARE(m_context->settings()->setValue("server/passwordFile", passwordFile), QString());
    QCOMPARE(generate(generateBody(1004, kDrill)).status, 200);
    QCOMPARE(m_context->settings()->setValue("server/passwordFile", QString()), QString());

    // Open generation for development: any password.
    QCOMPARE(m_context->settings()->setValue("server/openGeneration", true), QString());
    const Answer open = generate(generateBody(1004, kDrill, "anything"));
    QCOMPARE(open.status, 200);
    QCOMPARE(open.json().value(QStringLiteral("status")).toString(), QStringLiteral("success"));
    QCOMPARE(m_context->settings()->setValue("server/openGeneration", false), QString());
    qputenv("DRILLSTUDIO_GENERATION_PASSWORD", kPassword);
}

void TestServer::wrongPasswordLockout()
{
    for (int left = 4; left >= 1; --left) {
        const Answer answer = generate(generateBody(1005, kDrill, "wrong"));
        QCOMPARE(answer.status, 401);
        QCOMPARE(answer.json().value(QStringLiteral("detail")).toString(),
                 QStringLiteral("パスワードが正しくありません（残り%1回）").arg(left));
    }
    const QString locked
            = QStringLiteral("試行回数が上限に達しました。15分後に再試行してください。");
    const Answer fifth = generate(generateBody(1005, kDrill, "wrong"));
    QCOMPARE(fifth.status, 401);
    QCOMPARE(fifth.json().value(QStringLiteral("detail")).toString(), locked);
    // Even the right password is refused while locked out, also under the prefix.
    const Answer right
            = generate(generateBody(1005, kDrill), QStringLiteral("/api/video-generation"));
    QCOMPARE(right.status, 401);
    QCOMPARE(right.json().value(QStringLiteral("detail")).toString(), locked);

    m_clock.advance(10 * 60 * 1000);
    QCOMPARE(generate(generateBody(1005, kDrill)).json().value(QStringLiteral("detail")).toString(),
             QStringLiteral("試行回数が上限に達しました。5分後に再試行してください。"));
    m_clock.advance(5 * 60 * 1000);
    const Answer after = generate(generateBody(1005, kDrill));
    QCOMPARE(after.status, 200);
    QCOMPARE(after.json().value(QStringLiteral("status")).toString(), QStringLiteral("success"));
    // The count starts again.
    const Answer wrongAgain = generate(generateBody(1005, kDrill, "wrong"));
    QCOMPARE(wrongAgain.json().value(QStringLiteral("detail")).toString(),
             QStringLiteral("パスワードが正しくありません（残り4回）"));
    QCOMPARE(generate(generateBody(1005, kDrill)).status, 200);
}

void TestServer::serveCommand()
{
    QTemporaryDir dataDir;
    QProcess process;
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(QStringLiteral("QT_QPA_PLATFORM"), QStringLiteral("offscreen"));
    process.setProcessEnvironment(env);
    process.start(TestSupport::cliPath(),
                  {QStringLiteral("serve"), QStringLiteral("--port"), QStringLiteral("0"),
                   QStringLiteral("--data-dir"), dataDir.path()});
    QVERIFY2(process.waitForStarted(), qPrintable(process.errorString()));
    QTRY_VERIFY_WITH_TIMEOUT(process.canReadLine() || process.state() == QProcess::NotRunning,
                             60000);
    const QString line = QString::fromUtf8(process.readLine()).trimmed();
    QVERIFY2(line.startsWith(QLatin1String("listening on http://127.0.0.1:")),
             qPrintable(line + QString::fromUtf8(process.readAllStandardError())));
    const QUrl base(line.section(QLatin1Char(' '), 2));
    QVERIFY(base.port() > 0);

    QNetworkRequest get(base.resolved(QUrl(QStringLiteral("/api/video-generation/"))));
    QNetworkReply *reply = m_network.get(get);
    QSignalSpy finished(reply, &QNetworkReply::finished);
    QVERIFY(finished.wait(30000));
    QCOMPARE(reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt(), 200);
    QCOMPARE(QJsonDocument::fromJson(reply->readAll()).object().value(QStringLiteral("status")),
             QJsonValue(QStringLiteral("healthy")));
    reply->deleteLater();

    // A second server on the same port is told that the port is taken.
    const TestSupport::CliResult taken = TestSupport::runCli(
            {QStringLiteral("serve"), QStringLiteral("--port"), QString::number(base.port()),
             QStringLiteral("--data-dir"), dataDir.path()},
            env);
    QCOMPARE(taken.exitCode, 1);
    QVERIFY2(taken.err.contains(QLatin1String("in use")), qPrintable(taken.err));

    process.terminate();
    QVERIFY(process.waitForFinished(30000));
}

void TestServer::serveCommandRefusesBadArguments()
{
    QTemporaryDir dataDir;
    const TestSupport::CliResult badPort = TestSupport::runCli(
            {QStringLiteral("serve"), QStringLiteral("--port"), QStringLiteral("70000"),
             QStringLiteral("--data-dir"), dataDir.path()});
    QCOMPARE(badPort.exitCode, 2);
    QVERIFY2(badPort.err.contains(QLatin1String("--port")), qPrintable(badPort.err));
    const TestSupport::CliResult badHost = TestSupport::runCli(
            {QStringLiteral("serve"), QStringLiteral("--host"), QStringLiteral("not an address"),
             QStringLiteral("--data-dir"), dataDir.path()});
    QCOMPARE(badHost.exitCode, 2);
    QVERIFY2(badHost.err.contains(QLatin1String("--host")), qPrintable(badHost.err));
}

QTEST_MAIN(TestServer)
#include "tst_server.moc"
