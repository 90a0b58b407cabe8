// The REST server against a real client over loopback: the old service's contract, the
// extensions (Range, ETag, HEAD, thumbnails, 202, metrics, OpenAPI), the password lockout, the
// size limits, the one run ID rule, and that no password reaches an answer, the log or the data
// folder. Every test function has its own data folder and server (init/cleanup).
#include "admingate.h"
#include "appcontext.h"
#include "clock.h"
#include "jobmanager.h"
#include "jobspec.h"
#include "jobstore.h"
#include "localprovider.h"
#include "logfile.h"
#include "mediaprobe.h"
#include "restserver.h"
#include "settings.h"
#include "testsupport.h"
#include "videocontroller.h"

#include <QDirIterator>
#include <QElapsedTimer>
#include <QEventLoop>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QProcess>
#include <QScopeGuard>
#include <QSignalSpy>
#include <QTcpServer>
#include <QTcpSocket>
#include <QTemporaryDir>
#include <QTest>
#include <QTimer>
#include <QUuid>
#include <QtEndian>

#include <array>
#include <cmath>
#include <functional>
#include <utility>

#include <sys/socket.h>

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

// The local renderer behind a gate the test opens: a job waits until release(); in step mode the
// renderer's progress reports and its end reach JobManager one at a time, when the test says.
// What is rendered, and how, is the real LocalProvider's.
class HeldProvider final : public VideoProvider
{
public:
    HeldProvider()
        : m_inner(new LocalProvider(this))
    {
        connect(m_inner, &VideoProvider::progressChanged, this,
                [this](const QString &id, int percent) {
                    pass(percent, [this, id, percent] { Q_EMIT progressChanged(id, percent); });
                });
        connect(m_inner, &VideoProvider::finished, this,
                [this](const QString &id, const QString &path) {
                    pass(Finished, [this, id, path] { Q_EMIT finished(id, path); });
                });
        connect(m_inner, &VideoProvider::failed, this,
                [this](const QString &id, const ProviderError &error) {
                    pass(Finished, [this, id, error] { Q_EMIT failed(id, error); });
                });
    }

    static constexpr int Finished = 1000; // step()'s answer for the end of a job

    QString name() const override { return QStringLiteral("local"); }
    bool isRemote() const override { return false; }
    void start(const ProviderRequest &request) override { m_held.append(request); }
    void cancel(const QString &jobId) override
    {
        m_held.removeIf([&](const ProviderRequest &r) { return r.jobId == jobId; });
        m_inner->cancel(jobId);
    }

    qsizetype heldCount() const { return m_held.size(); }
    void setStepping(bool stepping) { m_stepping = stepping; }
    void release()
    {
        const QList<ProviderRequest> held = std::exchange(m_held, {});
        for (const ProviderRequest &request : held)
            m_inner->start(request);
    }
    bool hasStep() const { return !m_steps.isEmpty(); }
    // Passes the next report on; returns its percent, or Finished.
    int step()
    {
        const auto [percent, deliver] = m_steps.takeFirst();
        deliver();
        return percent;
    }

private:
    void pass(int percent, const std::function<void()> &deliver)
    {
        if (m_stepping)
            m_steps.append({percent, deliver});
        else
            deliver();
    }

    LocalProvider *m_inner;
    QList<ProviderRequest> m_held;
    bool m_stepping = false;
    QList<QPair<int, std::function<void()>>> m_steps;
};

// One raw exchange over TCP, for requests QNetworkAccessManager will not make (chunked bodies,
// no Content-Length, oversized heads, pipelining). The server runs on this thread, so this waits
// in the event loop. Returns the status line's code and the whole answer: up to the end of the
// first answer's Content-Length, or with untilClosed everything until the server closes.
QPair<int, QByteArray> rawExchange(quint16 port, const QByteArray &request,
                                   bool untilClosed = false)
{
    QTcpSocket socket;
    QByteArray answer;
    QEventLoop loop;
    const auto complete = [&] {
        const qsizetype headEnd = answer.indexOf("\r\n\r\n");
        if (untilClosed || headEnd < 0)
            return false;
        const QByteArray lower = answer.left(headEnd).toLower();
        const qsizetype at = lower.indexOf("content-length:");
        if (at < 0)
            return false;
        const qsizetype lineEnd = lower.indexOf('\r', at);
        const qint64 length = lower.mid(at + 15, (lineEnd < 0 ? lower.size() : lineEnd) - at - 15)
                                      .trimmed()
                                      .toLongLong();
        return answer.size() >= headEnd + 4 + length;
    };
    QObject::connect(&socket, &QTcpSocket::connected, &loop, [&] { socket.write(request); });
    QObject::connect(&socket, &QTcpSocket::readyRead, &loop, [&] {
        answer += socket.readAll();
        if (complete())
            loop.quit();
    });
    QObject::connect(&socket, &QTcpSocket::disconnected, &loop, &QEventLoop::quit);
    QObject::connect(&socket, &QAbstractSocket::errorOccurred, &loop, [&] {
        answer += socket.readAll();
        loop.quit();
    });
    QTimer::singleShot(60000, &loop, &QEventLoop::quit); // a bound for a broken server only
    socket.connectToHost(QHostAddress::LocalHost, port);
    loop.exec();
    answer += socket.readAll();
    const QList<QByteArray> statusLine = answer.left(answer.indexOf('\r')).split(' ');
    return {statusLine.size() > 1 ? statusLine.at(1).toInt() : 0, answer};
}

// The picture size in a WebP file's first image chunk (VP8, VP8L or VP8X); invalid otherwise.
QSize webpSize(const QByteArray &webp)
{
    if (webp.size() < 30 || !webp.startsWith("RIFF") || webp.mid(8, 4) != "WEBP")
        return {};
    const QByteArray chunk = webp.mid(12, 4);
    const auto *data = reinterpret_cast<const uchar *>(webp.constData());
    if (chunk == "VP8X")
        return {int(1 + (data[24] | data[25] << 8 | data[26] << 16)),
                int(1 + (data[27] | data[28] << 8 | data[29] << 16))};
    if (chunk == "VP8L" && data[20] == 0x2f) {
        const quint32 bits = qFromLittleEndian<quint32>(data + 21);
        return {int((bits & 0x3fff) + 1), int(((bits >> 14) & 0x3fff) + 1)};
    }
    if (chunk == "VP8 " && data[23] == 0x9d && data[24] == 0x01 && data[25] == 0x2a)
        return {int(qFromLittleEndian<quint16>(data + 26) & 0x3fff),
                int(qFromLittleEndian<quint16>(data + 28) & 0x3fff)};
    return {};
}

} // namespace

class TestServer : public QObject
{
    Q_OBJECT

private:
    void startServer();
    Answer request(const QByteArray &method, const QString &path, const QByteArray &body = {},
                   const QList<QPair<QByteArray, QByteArray>> &headers = {});
    Answer generate(const QJsonObject &body, const QString &prefix = {},
                    const QList<QPair<QByteArray, QByteArray>> &headers = {});
    QJsonObject generateBody(qint64 runId, const QString &drill,
                             const QByteArray &password = kPassword) const;
    QUrl url(const QString &path) const;
    // Generates the drill for the run and downloads it: m_videoId and m_video.
    void makeVideo(qint64 runId, const QString &drill = kDrill);
    HeldProvider *holdLocalJobs();

    std::unique_ptr<QTemporaryDir> m_dir;
    ManualClock m_clock;
    std::unique_ptr<AppContext> m_context;
    std::unique_ptr<RestServer> m_server;
    std::unique_ptr<QNetworkAccessManager> m_network;
    QString m_videoId;
    QByteArray m_video;

private Q_SLOTS:
    void init();
    void cleanup();

    void health();
    void generateWaitsForTheVideo();
    void sameDrillIsACacheHit();
    void waitZeroAnswers202ThenStatusProgresses();
    void maxWaitRunsOutWith202();
    void statusOfUnknownRun();
    void runIdOnThePath_data();
    void runIdOnThePath();
    void runIdInTheBody_data();
    void runIdInTheBody();
    void deleteCache();
    void downloadRanges_data();
    void downloadRanges();
    void downloadUnsatisfiableRange();
    void downloadEtagAndNotModified();
    void downloadIfRange();
    void headOfADownload();
    void thumbnailIsAWebp();
    void downloadUnknownVideo();
    void validationErrors_data();
    void validationErrors();
    void passwordNeverEchoedOrStored();
    void oversizedBodyIsRefused();
    void bodyWithoutContentLength();
    void oversizedHeadersAreRefused();
    void unknownRouteAndWrongMethod();
    void prefixedRoutesAnswerTheSame_data();
    void prefixedRoutesAnswerTheSame();
    void openApiAndMetrics();
    void noPasswordConfigured();
    void wrongPasswordLockout();
    void trustedProxiesNameTheClient();
    void serveCommand();
    void serveCommandRefusesBadArguments();

    void adminRoutesNeedCredentials();
    void localhostBypassesAdminCredentials();
    void fiveFailedLoginsBanTheAddress();
    void otherAddressesNeedCredentials();
    void credentialsFromEnvironment();
    void hashSecretCommand();
    void hostHeaderAllowList();
    void securityHeadersAndCors();
    void requestServedSignal();
    void slowClientIsDropped();
    void connectionCap();
    void pipelinedAnswersInOrder();
    void halfClosedClientGetsItsAnswer();
    void expectContinueIsAnswered();
    void malformedRequestIsRefused();
    void http10ClosesAfterItsAnswer();
    void unreadAnswersHoldBackRequests();

private:
    // Admin credentials in the settings (low PBKDF2 cost: tests only) and no localhost bypass.
    void configureAdmin();
};

void TestServer::init()
{
    qputenv("DRILLSTUDIO_GENERATION_PASSWORD", kPassword);
    m_clock.set(QDateTime::fromSecsSinceEpoch(1790000000, Qt::UTC));
    m_dir = std::make_unique<QTemporaryDir>();
    QVERIFY(m_dir->isValid());
    m_network = std::make_unique<QNetworkAccessManager>();
    m_videoId.clear();
    m_video.clear();
    startServer();
}

void TestServer::startServer()
{
    m_context = std::make_unique<AppContext>();
    AppContext::Options options;
    options.dataDir = m_dir->filePath(QStringLiteral("data"));
    options.installLogFile = true; // drillstudio.log in this function's data folder
    options.clock = &m_clock;
    LogFile::setQuietStderr(true);
    QVERIFY2(m_context->open(options), qPrintable(m_context->errorString()));
    m_server = std::make_unique<RestServer>(m_context.get());
    QVERIFY2(m_server->listen(QHostAddress::LocalHost, 0), qPrintable(m_server->errorString()));
    QVERIFY(m_server->port() != 0);
}

void TestServer::cleanup()
{
    m_network.reset();
    m_server.reset();
    m_context.reset();
    LogFile::uninstall();
    m_dir.reset();
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
    // As a custom verb, HEAD would make the client wait for a body that never comes.
    QNetworkReply *reply = method == "HEAD" ? m_network->head(request)
                                            : m_network->sendCustomRequest(request, method, body);
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

Answer TestServer::generate(const QJsonObject &body, const QString &prefix,
                            const QList<QPair<QByteArray, QByteArray>> &headers)
{
    return request("POST", prefix + QStringLiteral("/generate"),
                   QJsonDocument(body).toJson(QJsonDocument::Compact), headers);
}

void TestServer::makeVideo(qint64 runId, const QString &drill)
{
    const Answer answer = generate(generateBody(runId, drill));
    QCOMPARE(answer.status, 200);
    QCOMPARE(answer.json().value(QStringLiteral("status")).toString(), QStringLiteral("success"));
    m_videoId = answer.json().value(QStringLiteral("video_id")).toString();
    QVERIFY(!m_videoId.isEmpty());
    const Answer video = request("GET", QStringLiteral("/download/") + m_videoId);
    QCOMPARE(video.status, 200);
    QVERIFY(video.body.size() > 2000);
    m_video = video.body;
}

HeldProvider *TestServer::holdLocalJobs()
{
    auto *held = new HeldProvider;
    m_context->jobs()->addProvider(held); // replaces the "local" provider; owned by the manager
    return held;
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
    const QString videoId = videoUrl.section(QLatin1Char('/'), -1);
    QCOMPARE(json.value(QStringLiteral("video_id")).toString(), videoId);

    const Answer video = request("GET", videoUrl);
    QCOMPARE(video.status, 200);
    QCOMPARE(video.header("content-type"), QByteArrayLiteral("video/mp4"));
    QCOMPARE(video.header("content-disposition"),
             "inline; filename=training_video_" + videoId.toLatin1() + ".mp4");
    QCOMPARE(video.header("accept-ranges"), QByteArrayLiteral("bytes"));
    QVERIFY(video.body.size() > 1000);

    const QString path = m_dir->filePath(QStringLiteral("downloaded.mp4"));
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
    makeVideo(1001);
    QSignalSpy started(m_context->jobs(), &JobManager::jobStarted);
    const Answer answer = generate(generateBody(1002, kDrill));
    QCOMPARE(answer.status, 200);
    QCOMPARE(answer.json().value(QStringLiteral("video_id")).toString(), m_videoId);
    QCOMPARE(started.size(), 0);
    const Answer status = request("GET", QStringLiteral("/status/1002"));
    QCOMPARE(status.json().value(QStringLiteral("generation_status")).toString(),
             QStringLiteral("completed"));
    QCOMPARE(status.json().value(QStringLiteral("video_url")).toString(),
             QStringLiteral("/api/video-generation/download/") + m_videoId);
}

void TestServer::waitZeroAnswers202ThenStatusProgresses()
{
    // The renderer's reports reach the job manager one at a time, so every report is seen by a
    // status request, whatever the speed of the machine.
    HeldProvider *held = holdLocalJobs();
    held->setStepping(true);
    QElapsedTimer sinceSubmit;
    sinceSubmit.start();
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
    QCOMPARE(json.value(QStringLiteral("progress")).toInt(-1), 0);

    const auto status = [this] {
        const Answer answer = request("GET", QStringLiteral("/status/1003"));
        return answer.status == 200 ? answer.json() : QJsonObject();
    };
    // Held before the renderer starts: nothing done, no estimate yet.
    QJsonObject first = status();
    QCOMPARE(first.value(QStringLiteral("status")).toString(), QStringLiteral("success"));
    QVERIFY2(QStringList({QStringLiteral("pending"), QStringLiteral("processing")})
                     .contains(first.value(QStringLiteral("generation_status")).toString()),
             qPrintable(first.value(QStringLiteral("generation_status")).toString()));
    QCOMPARE(first.value(QStringLiteral("progress")).toInt(-1), 0);
    QVERIFY(first.value(QStringLiteral("eta_seconds")).isNull());
    QVERIFY(first.value(QStringLiteral("video_url")).isNull());

    QCOMPARE(held->heldCount(), 1);
    held->release();
    int lastProgress = 0;
    int reports = 0;
    for (;;) {
        QTRY_VERIFY_WITH_TIMEOUT(held->hasStep(), 60000);
        const int reported = held->step();
        if (reported == HeldProvider::Finished)
            break;
        ++reports;
        const QJsonObject now = status();
        QCOMPARE(now.value(QStringLiteral("generation_status")).toString(),
                 QStringLiteral("processing"));
        QVERIFY(now.value(QStringLiteral("video_url")).isNull());
        // Stored in steps of 10 %: never ahead of the renderer, never a step behind, never back.
        const int progress = now.value(QStringLiteral("progress")).toInt(-1);
        QVERIFY2(progress >= lastProgress && progress <= reported && progress >= reported / 10 * 10,
                 qPrintable(QStringLiteral("progress %1 after %2, renderer at %3")
                                    .arg(progress)
                                    .arg(lastProgress)
                                    .arg(reported)));
        lastProgress = progress;
        const QJsonValue eta = now.value(QStringLiteral("eta_seconds"));
        if (reported > 0) {
            // The time still needed at the pace so far: at most the time taken until now times
            // what is left over what is done.
            QVERIFY2(eta.isDouble(), qPrintable(QString::number(reported)));
            const double bound = std::ceil(double(sinceSubmit.elapsed()) * (100 - reported)
                                           / reported / 1000.0);
            QVERIFY2(eta.toDouble() >= 0 && eta.toDouble() <= bound
                             && eta.toDouble() == std::trunc(eta.toDouble()),
                     qPrintable(QStringLiteral("eta %1 s at %2 %, bound %3 s")
                                        .arg(eta.toDouble())
                                        .arg(reported)
                                        .arg(bound)));
            if (reported == 100)
                QCOMPARE(eta.toDouble(), 0.0);
        }
    }
    QVERIFY2(reports >= 5, qPrintable(QString::number(reports)));
    QCOMPARE(lastProgress, 100);

    // The finished file is verified off the server's thread, then it is the run's video.
    QTRY_COMPARE_WITH_TIMEOUT(status().value(QStringLiteral("generation_status")).toString(),
                              QStringLiteral("completed"), 20000);
    const QJsonObject done = status();
    QCOMPARE(done.value(QStringLiteral("video_url")).toString(),
             QStringLiteral("/api/video-generation/download/") + videoId);
    QCOMPARE(done.value(QStringLiteral("progress")).toInt(), 100);
    QCOMPARE(done.value(QStringLiteral("eta_seconds")), QJsonValue(0));
    QVERIFY(done.value(QStringLiteral("error_message")).isNull());
}

void TestServer::maxWaitRunsOutWith202()
{
    // A job that cannot finish while the request waits: the answer is 202 when the wait runs out.
    HeldProvider *held = holdLocalJobs();
    QCOMPARE(m_context->settings()->setValue("server/maxWaitSeconds", 1), QString());
    QElapsedTimer timer;
    timer.start();
    QJsonObject body = generateBody(1006, QStringLiteral("縄跳び 1分"));
    body.insert(QStringLiteral("wait"), 30); // asks for longer than the server allows
    const Answer answer = generate(body);
    QCOMPARE(answer.status, 202);
    QVERIFY2(timer.elapsed() >= 900 && timer.elapsed() < 20000,
             qPrintable(QString::number(timer.elapsed())));
    QCOMPARE(answer.json().value(QStringLiteral("status")).toString(), QStringLiteral("accepted"));
    QVERIFY(answer.json().value(QStringLiteral("video_url")).isNull());
    QCOMPARE(answer.json().value(QStringLiteral("status_url")).toString(),
             QStringLiteral("/api/video-generation/status/1006"));
    QCOMPARE(m_server->controller()->waitingRequests(), 0);
    // The job goes on after the answer.
    QSignalSpy finished(m_context->jobs(), &JobManager::jobFinished);
    held->release();
    QVERIFY(finished.wait(60000));
    QCOMPARE(request("GET", QStringLiteral("/status/1006"))
                     .json()
                     .value(QStringLiteral("generation_status"))
                     .toString(),
             QStringLiteral("completed"));
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

void TestServer::runIdOnThePath_data()
{
    // The path as sent (percent-encoded), the answer's status, and for a 422 the issue's type.
    QTest::addColumn<QString>("path");
    QTest::addColumn<int>("status");
    QTest::addColumn<QString>("type");
    const QString parsing = QStringLiteral("int_parsing");
    QTest::newRow("plain") << QStringLiteral("42") << 200 << QString();
    QTest::newRow("leading zeros") << QStringLiteral("0042") << 200 << QString();
    QTest::newRow("largest") << QStringLiteral("9007199254740991") << 200 << QString();
    QTest::newRow("full-width digits") << QStringLiteral("%EF%BC%94%EF%BC%92") << 200 << QString();
    QTest::newRow("surrounding spaces") << QStringLiteral("%2042%20") << 200 << QString();
    QTest::newRow("plus sign") << QStringLiteral("+5") << 422 << parsing;
    QTest::newRow("encoded plus sign") << QStringLiteral("%2B5") << 422 << parsing;
    QTest::newRow("minus one") << QStringLiteral("-1") << 422 << parsing;
    QTest::newRow("zero") << QStringLiteral("0") << 422 << QStringLiteral("greater_than");
    QTest::newRow("zeros") << QStringLiteral("000") << 422 << QStringLiteral("greater_than");
    QTest::newRow("fraction") << QStringLiteral("1.5") << 422 << parsing;
    QTest::newRow("42.7") << QStringLiteral("42.7") << 422 << parsing;
    QTest::newRow("exponent") << QStringLiteral("9e15") << 422 << parsing;
    QTest::newRow("2^53") << QStringLiteral("9007199254740992") << 422
                          << QStringLiteral("less_than_equal");
    QTest::newRow("huge") << QString(5000, QLatin1Char('9')) << 422
                          << QStringLiteral("less_than_equal");
    QTest::newRow("trailing NUL") << QStringLiteral("1%00") << 422 << parsing;
    QTest::newRow("leading NUL") << QStringLiteral("%001") << 422 << parsing;
    QTest::newRow("inner space") << QStringLiteral("1%202") << 422 << parsing;
    QTest::newRow("tab and newline") << QStringLiteral("1%09%0A") << 200 << QString();
    QTest::newRow("letters") << QStringLiteral("abc") << 422 << parsing;
    QTest::newRow("hex") << QStringLiteral("0x10") << 422 << parsing;
    QTest::newRow("true") << QStringLiteral("true") << 422 << parsing;
    QTest::newRow("null") << QStringLiteral("null") << 422 << parsing;
    QTest::newRow("array") << QStringLiteral("%5B1%5D") << 422 << parsing;
    QTest::newRow("full-width minus") << QStringLiteral("%EF%BC%8D%EF%BC%91") << 422 << parsing;
}

void TestServer::runIdOnThePath()
{
    QFETCH(QString, path);
    QFETCH(int, status);
    QFETCH(QString, type);
    const QString decoded = QUrl::fromPercentEncoding(path.toUtf8());
    for (const QByteArray &method : {QByteArrayLiteral("GET"), QByteArrayLiteral("DELETE")}) {
        const QString route
                = method == "GET" ? QStringLiteral("/status/") : QStringLiteral("/cache/");
        for (const QString &prefix : {QString(), QStringLiteral("/api/video-generation")}) {
            const QUrl target(QStringLiteral("http://127.0.0.1:%1%2%3%4")
                                      .arg(m_server->port())
                                      .arg(prefix, route, path),
                              QUrl::StrictMode);
            QVERIFY2(target.isValid(), qPrintable(path));
            QNetworkRequest request(target);
            QNetworkReply *reply = m_network->sendCustomRequest(request, method);
            QSignalSpy finished(reply, &QNetworkReply::finished);
            QVERIFY(finished.wait(30000));
            const int answered = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
            const QJsonObject json = QJsonDocument::fromJson(reply->readAll()).object();
            reply->deleteLater();
            QVERIFY2(answered == status,
                     qPrintable(QString::fromLatin1(method) + QLatin1Char(' ')
                                + target.toString(QUrl::FullyEncoded) + QStringLiteral(" answered ")
                                + QString::number(answered)));
            if (status == 200) {
                QCOMPARE(json.value(QStringLiteral("status")).toString(),
                         QStringLiteral("not_found"));
                continue;
            }
            const QJsonArray detail = json.value(QStringLiteral("detail")).toArray();
            QCOMPARE(detail.size(), 1);
            const QJsonObject issue = detail.at(0).toObject();
            QCOMPARE(issue.value(QStringLiteral("type")).toString(), type);
            QCOMPARE(issue.value(QStringLiteral("loc")).toArray(),
                     QJsonArray({QStringLiteral("path"), QStringLiteral("run_id")}));
            QCOMPARE(issue.value(QStringLiteral("input")).toString(), decoded);
            QVERIFY(!issue.value(QStringLiteral("msg")).toString().isEmpty());
        }
    }
}

void TestServer::runIdInTheBody_data()
{
    // The run_id member as JSON text; 0 as the status: accepted (the run gets the video).
    QTest::addColumn<QByteArray>("runId");
    QTest::addColumn<qint64>("accepted"); // the run ID it stands for; 0 when refused
    QTest::addColumn<QString>("type");
    const QString parsing = QStringLiteral("int_parsing");
    const QString type = QStringLiteral("int_type");
    QTest::newRow("number") << QByteArrayLiteral("42") << qint64(42) << QString();
    QTest::newRow("string") << QByteArrayLiteral("\"42\"") << qint64(42) << QString();
    QTest::newRow("whole float") << QByteArrayLiteral("42.0") << qint64(0)
                                 << QStringLiteral("int_from_float");
    QTest::newRow("largest") << QByteArrayLiteral("9007199254740991") << JobSpec::MaxRunId
                             << QString();
    QTest::newRow("full-width digits")
            << QByteArrayLiteral("\"\xEF\xBC\x94\xEF\xBC\x92\"") << qint64(42) << QString();
    QTest::newRow("spaces around") << QByteArrayLiteral("\" 42 \"") << qint64(42) << QString();
    QTest::newRow("plus sign string") << QByteArrayLiteral("\"+5\"") << qint64(0) << parsing;
    QTest::newRow("minus one") << QByteArrayLiteral("-1") << qint64(0)
                               << QStringLiteral("greater_than");
    QTest::newRow("minus one string") << QByteArrayLiteral("\"-1\"") << qint64(0) << parsing;
    QTest::newRow("zero") << QByteArrayLiteral("0") << qint64(0) << QStringLiteral("greater_than");
    QTest::newRow("zero string") << QByteArrayLiteral("\"0\"") << qint64(0)
                                 << QStringLiteral("greater_than");
    QTest::newRow("1.5") << QByteArrayLiteral("1.5") << qint64(0)
                         << QStringLiteral("int_from_float");
    QTest::newRow("42.7") << QByteArrayLiteral("42.7") << qint64(0)
                          << QStringLiteral("int_from_float");
    QTest::newRow("42.7 string") << QByteArrayLiteral("\"42.7\"") << qint64(0) << parsing;
    // A run ID is written as a plain integer: 9e15 parses to a whole number under 2^53, but
    // it is refused as written (pydantic would take it; the one rule does not).
    QTest::newRow("9e15") << QByteArrayLiteral("9e15") << qint64(0)
                          << QStringLiteral("int_from_float");
    QTest::newRow("9.1e15") << QByteArrayLiteral("9.1e15") << qint64(0)
                            << QStringLiteral("int_from_float");
    QTest::newRow("1e-3") << QByteArrayLiteral("1e-3") << qint64(0)
                          << QStringLiteral("int_from_float");
    QTest::newRow("9e15 string") << QByteArrayLiteral("\"9e15\"") << qint64(0) << parsing;
    QTest::newRow("2^53") << QByteArrayLiteral("9007199254740992") << qint64(0)
                          << QStringLiteral("less_than_equal");
    QTest::newRow("2^53 string") << QByteArrayLiteral("\"9007199254740992\"") << qint64(0)
                                 << QStringLiteral("less_than_equal");
    QTest::newRow("huge number") << QByteArray(300, '9') << qint64(0)
                                 << QStringLiteral("less_than_equal");
    QTest::newRow("huge string") << '"' + QByteArray(20000, '9') + '"' << qint64(0)
                                 << QStringLiteral("less_than_equal");
    QTest::newRow("trailing NUL") << QByteArrayLiteral("\"1\\u0000\"") << qint64(0) << parsing;
    QTest::newRow("inner space") << QByteArrayLiteral("\"1 2\"") << qint64(0) << parsing;
    QTest::newRow("empty string") << QByteArrayLiteral("\"\"") << qint64(0) << parsing;
    QTest::newRow("letters") << QByteArrayLiteral("\"abc\"") << qint64(0) << parsing;
    QTest::newRow("true") << QByteArrayLiteral("true") << qint64(0) << type;
    QTest::newRow("false") << QByteArrayLiteral("false") << qint64(0) << type;
    QTest::newRow("null") << QByteArrayLiteral("null") << qint64(0) << type;
    QTest::newRow("array") << QByteArrayLiteral("[1]") << qint64(0) << type;
    QTest::newRow("object") << QByteArrayLiteral("{\"id\":1}") << qint64(0) << type;
}

void TestServer::runIdInTheBody()
{
    QFETCH(QByteArray, runId);
    QFETCH(qint64, accepted);
    QFETCH(QString, type);
    // A wrong password: a valid body is checked (401) without generating anything.
    const QByteArray body = R"({"run_id":)" + runId
            + R"(,"drill_text":"プランク 30秒","size":"320x180","seconds":"1","password":"wrong"})";
    const Answer answer = request("POST", QStringLiteral("/generate"), body);
    if (accepted) {
        QCOMPARE(answer.status, 401);
        holdLocalJobs(); // nothing needs rendering here
        // The run ID it was read as: generate with the right password, then ask by number.
        QJsonObject good = QJsonDocument::fromJson(body).object();
        good.insert(QStringLiteral("password"), QString::fromLatin1(kPassword));
        good.insert(QStringLiteral("wait"), 0);
        const Answer generated = generate(good);
        QCOMPARE(generated.status, 202);
        QCOMPARE(generated.json().value(QStringLiteral("status_url")).toString(),
                 QStringLiteral("/api/video-generation/status/%1").arg(accepted));
        return;
    }
    QVERIFY2(answer.status == 422,
             QByteArray(QByteArray::number(answer.status) + ' ' + answer.body.left(300))
                     .constData());
    const QJsonArray detail = answer.json().value(QStringLiteral("detail")).toArray();
    QCOMPARE(detail.size(), 1);
    const QJsonObject issue = detail.at(0).toObject();
    QCOMPARE(issue.value(QStringLiteral("type")).toString(), type);
    QCOMPARE(issue.value(QStringLiteral("loc")).toArray(),
             QJsonArray({QStringLiteral("body"), QStringLiteral("run_id")}));
    QCOMPARE(issue.value(QStringLiteral("input")),
             QJsonDocument::fromJson(body).object().value(QStringLiteral("run_id")));
    QVERIFY(!issue.value(QStringLiteral("msg")).toString().isEmpty());
}

void TestServer::deleteCache()
{
    makeVideo(1001);
    QCOMPARE(generate(generateBody(1002, kDrill)).status, 200);
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
    QCOMPARE(request("GET", QStringLiteral("/download/") + m_videoId).status, 200);
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
    makeVideo(1001);
    QVERIFY(m_video.size() > 2000);
    const qint64 size = m_video.size();
    if (start < 0)
        start = size - length;
    if (length < 0)
        length = size - start;
    const Answer answer
            = request("GET", QStringLiteral("/download/") + m_videoId, {}, {{"Range", range}});
    QCOMPARE(answer.status, 206);
    QCOMPARE(answer.body, m_video.mid(start, length));
    QCOMPARE(answer.header("content-range"),
             "bytes " + QByteArray::number(start) + '-' + QByteArray::number(start + length - 1)
                     + '/' + QByteArray::number(size));
    QCOMPARE(answer.header("content-length"), QByteArray::number(length));
}

void TestServer::downloadUnsatisfiableRange()
{
    makeVideo(1001);
    const QByteArray range = "bytes=" + QByteArray::number(m_video.size()) + '-';
    const Answer answer
            = request("GET", QStringLiteral("/download/") + m_videoId, {}, {{"Range", range}});
    QCOMPARE(answer.status, 416);
    QCOMPARE(answer.header("content-range"), "bytes */" + QByteArray::number(m_video.size()));
}

void TestServer::downloadEtagAndNotModified()
{
    makeVideo(1001);
    const Answer full = request("GET", QStringLiteral("/download/") + m_videoId);
    const QByteArray etag = full.header("etag");
    QCOMPARE(etag,
             '"' + QCryptographicHash::hash(m_video, QCryptographicHash::Sha256).toHex() + '"');
    const Answer again = request("GET", QStringLiteral("/download/") + m_videoId, {},
                                 {{"If-None-Match", etag}});
    QCOMPARE(again.status, 304);
    QVERIFY(again.body.isEmpty());
    const Answer other = request("GET", QStringLiteral("/download/") + m_videoId, {},
                                 {{"If-None-Match", QByteArrayLiteral("\"other\"")}});
    QCOMPARE(other.status, 200);
    QCOMPARE(other.body.size(), m_video.size());
}

void TestServer::downloadIfRange()
{
    makeVideo(1001);
    const QString path = QStringLiteral("/download/") + m_videoId;
    const QByteArray etag = request("HEAD", path).header("etag");
    QVERIFY(!etag.isEmpty());
    // The client's copy is this version: only the rest.
    const Answer same = request("GET", path, {}, {{"Range", "bytes=100-"}, {"If-Range", etag}});
    QCOMPARE(same.status, 206);
    QCOMPARE(same.body, m_video.mid(100));
    QCOMPARE(same.header("content-range"),
             "bytes 100-" + QByteArray::number(m_video.size() - 1) + '/'
                     + QByteArray::number(m_video.size()));
    // Another version: the whole file, with 200.
    for (const QByteArray &other : {QByteArrayLiteral("\"0123abcd\""), QByteArrayLiteral("W/\"x\""),
                                    QByteArrayLiteral("Wed, 21 Oct 2015 07:28:00 GMT")}) {
        const Answer changed
                = request("GET", path, {}, {{"Range", "bytes=100-"}, {"If-Range", other}});
        QCOMPARE(changed.status, 200);
        QCOMPARE(changed.body, m_video);
        QVERIFY(changed.header("content-range").isEmpty());
    }
}

void TestServer::headOfADownload()
{
    makeVideo(1001);
    const QString path = QStringLiteral("/download/") + m_videoId;
    const Answer get = request("GET", path);
    const Answer head = request("HEAD", path);
    QCOMPARE(head.status, 200);
    QVERIFY(head.body.isEmpty());
    for (const QByteArray &name :
         {QByteArrayLiteral("content-type"), QByteArrayLiteral("content-disposition"),
          QByteArrayLiteral("accept-ranges"), QByteArrayLiteral("etag")})
        QCOMPARE(head.header(name), get.header(name));
    QCOMPARE(head.header("content-length"), QByteArray::number(m_video.size()));
    // With a range, the headers of the part.
    const Answer part = request("HEAD", path, {}, {{"Range", "bytes=0-9"}});
    QCOMPARE(part.status, 206);
    QVERIFY(part.body.isEmpty());
    QCOMPARE(part.header("content-length"), QByteArrayLiteral("10"));
    // The raw answer has no body after the head, and the connection serves the next request.
    const QByteArray raw = "HEAD /api/video-generation" + path.toLatin1()
            + " HTTP/1.1\r\nHost: localhost\r\n\r\nGET / HTTP/1.1\r\nHost: "
              "localhost\r\nConnection: close\r\n\r\n";
    const auto [status, answer] = rawExchange(m_server->port(), raw, true);
    QCOMPARE(status, 200);
    const qsizetype headEnd = answer.indexOf("\r\n\r\n");
    QVERIFY(answer.mid(headEnd + 4).startsWith("HTTP/1.1 200"));
    QVERIFY(!answer.contains(m_video.left(64)));
}

void TestServer::thumbnailIsAWebp()
{
    makeVideo(1001);
    const Answer thumbnail = request("GET", QStringLiteral("/thumbnail/") + m_videoId);
    QCOMPARE(thumbnail.status, 200);
    QCOMPARE(thumbnail.header("content-type"), QByteArrayLiteral("image/webp"));
    QVERIFY(thumbnail.body.startsWith("RIFF"));
    QCOMPARE(thumbnail.body.mid(8, 4), QByteArrayLiteral("WEBP"));
    QVERIFY(!thumbnail.header("etag").isEmpty());
    // A whole RIFF file with an image chunk whose picture has the video's shape.
    QCOMPARE(qFromLittleEndian<quint32>(thumbnail.body.constData() + 4),
             quint32(thumbnail.body.size() - 8));
    const QSize size = webpSize(thumbnail.body);
    QVERIFY2(size.isValid() && !size.isEmpty(), thumbnail.body.mid(12, 4).constData());
    QVERIFY2(qAbs(size.width() * 180 - size.height() * 320) <= 320,
             qPrintable(QStringLiteral("%1x%2").arg(size.width()).arg(size.height())));
    QCOMPARE(request("GET", QStringLiteral("/api/video-generation/thumbnail/") + m_videoId).body,
             thumbnail.body);
    QCOMPARE(request("GET", QStringLiteral("/thumbnail/") + m_videoId, {},
                     {{"If-None-Match", thumbnail.header("etag")}})
                     .status,
             304);
    QCOMPARE(request("GET", QStringLiteral("/thumbnail/unknown")).status, 404);
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

void TestServer::passwordNeverEchoedOrStored()
{
    // A password nobody else uses, so any hit is this test's.
    const QByteArray secret
            = "pw-" + QUuid::createUuid().toByteArray(QUuid::WithoutBraces).replace('-', "");
    qputenv("DRILLSTUDIO_GENERATION_PASSWORD", secret);
    const QByteArray basic = "Basic " + QByteArray("coach:" + secret).toBase64();
    const QString s = QString::fromLatin1(secret);
    QList<Answer> answers;
    const auto post = [&](const QByteArray &body, const QString &path = QStringLiteral("/generate"),
                          const QList<QPair<QByteArray, QByteArray>> &headers = {}) {
        answers << request("POST", path, body, headers);
        return answers.last().status;
    };
    const auto json = [](const QJsonValue &value) {
        return value.isObject() ? QJsonDocument(value.toObject()).toJson(QJsonDocument::Compact)
                                : QJsonDocument(value.toArray()).toJson(QJsonDocument::Compact);
    };
    QJsonObject valid = generateBody(3001, QStringLiteral("プランク 30秒"), secret);
    QCOMPARE(post(json(valid)), 200);
    QJsonObject wrong = generateBody(3001, QStringLiteral("プランク 30秒"), secret + "-wrong");
    QCOMPARE(post(json(wrong)), 401);

    // Invalid bodies of every shape, each carrying the password somewhere.
    const auto with = [&](const QString &key, const QJsonValue &value) {
        QJsonObject body = valid;
        if (value.isUndefined())
            body.remove(key);
        else
            body.insert(key, value);
        return json(body);
    };
    // Members the model does not know are echoed only by the "missing" issue of a body without a
    // run ID.
    const auto withoutRunId = [&](const QString &key, const QJsonValue &value) {
        QJsonObject body = valid;
        body.remove(QStringLiteral("run_id"));
        body.insert(key, value);
        return json(body);
    };
    QList<QByteArray> invalid {
            with(QStringLiteral("run_id"), QStringLiteral("abc")),
            with(QStringLiteral("run_id"), QJsonValue::Undefined), // "missing" echoes the body
            with(QStringLiteral("drill_text"), QJsonValue::Undefined),
            with(QStringLiteral("drill_text"), 5),
            with(QStringLiteral("run_id"), QJsonObject {{QStringLiteral("password"), s}}),
            with(QStringLiteral("run_id"), QJsonArray {s}),
            with(QStringLiteral("run_id"), s),
            with(QStringLiteral("size"), s),
            with(QStringLiteral("seconds"), s),
            with(QStringLiteral("wait"), s),
            with(QStringLiteral("password"), QJsonArray {s}),
            with(QStringLiteral("password"), QJsonObject {{QStringLiteral("value"), s}}),
            withoutRunId(QStringLiteral("Password"), s),
            withoutRunId(QStringLiteral("api_key"), s),
            withoutRunId(QStringLiteral("extra"), QJsonObject {{QStringLiteral("token"), s}}),
            json(QJsonArray {valid}),
            json(QJsonArray {QJsonObject {{QStringLiteral("deep"), QJsonArray {valid}}}}),
            json(QJsonObject {{QStringLiteral("password"), s}}),
            R"({"password":")" + secret + R"(","run_id": )", // not JSON
            R"({"password":")" + secret + R"(","password":")" + secret + R"(","run_id":"x"})",
            R"({"run_id":"x","drill_text":"x","password":")" + secret + R"(\u0000"})",
    };
    for (const QByteArray &body : std::as_const(invalid)) {
        const int status = post(body);
        QVERIFY2(status == 422,
                 QByteArray(QByteArray::number(status) + ' ' + body.left(200)).constData());
    }
    // A password given as a number.
    QCOMPARE(post(R"({"run_id":1,"drill_text":"x","password":123456789})"), 422);

    // In headers and in the query string, on answers of every kind.
    const QList<QPair<QByteArray, QByteArray>> headers {
            {"Authorization", basic},
            {"Cookie", "session=" + secret},
            {"X-Api-Key", secret},
            {"Proxy-Authorization", "Bearer " + secret}};
    QCOMPARE(post(with(QStringLiteral("run_id"), 0), QStringLiteral("/generate"), headers), 422);
    QCOMPARE(post(json(valid), QStringLiteral("/generate?password=") + s, headers), 200);
    QCOMPARE(post(with(QStringLiteral("run_id"), -3), QStringLiteral("/generate?password=") + s),
             422);
    const QStringList queries {QStringLiteral("/status/abc?password=") + s,
                               QStringLiteral("/status/3001?token=") + s,
                               QStringLiteral("/nothing?password=") + s,
                               QStringLiteral("/download/none?password=") + s};
    for (const QString &path : queries) {
        answers << request("GET", path, {}, headers);
        QVERIFY(answers.last().status != 0);
    }
    answers << request("PUT", QStringLiteral("/generate?password=") + s, json(valid), headers);
    QCOMPARE(answers.last().status, 405);
    // Oversized and refused before reading, with the password in it.
    QJsonObject big = valid;
    big.insert(QStringLiteral("padding"), QString(100 * 1024, QLatin1Char('x')));
    QCOMPARE(post(json(big), QStringLiteral("/generate"), headers), 413);
    // Five wrong ones and a lockout.
    for (int i = 0; i < 5; ++i)
        post(json(wrong), QStringLiteral("/generate"), headers);
    QCOMPARE(answers.last().status, 401);

    const QList<QByteArray> needles {secret, QByteArray(secret).toBase64(), basic.mid(6),
                                     QUrl::toPercentEncoding(s)};
    for (const Answer &answer : std::as_const(answers)) {
        QByteArray everything = answer.body;
        for (auto it = answer.headers.cbegin(); it != answer.headers.cend(); ++it)
            everything += it.key() + ": " + it.value() + '\n';
        for (const QByteArray &needle : needles)
            QVERIFY2(!everything.contains(needle), everything.left(400).constData());
        // The shape of a 422 stays FastAPI's: the password's place is named, its value is not.
        if (answer.status == 422)
            QVERIFY(answer.json().value(QStringLiteral("detail")).isArray());
    }

    // The log and every file of the data folder, the database and its journal included, while
    // the server still runs (nothing checkpointed or cleaned up yet), and again after it stopped.
    const QString dataDir = m_context->dataDir();
    const QString logPath = QDir(dataDir).filePath(QStringLiteral("drillstudio.log"));
    QVERIFY(QFileInfo(logPath).size() > 0);
    const auto searchFolder = [&](const QString &when) {
        int files = 0;
        QDirIterator it(dataDir, QDir::Files | QDir::Hidden, QDirIterator::Subdirectories);
        while (it.hasNext()) {
            const QString path = it.next();
            QFile file(path);
            QVERIFY2(file.open(QIODevice::ReadOnly), qPrintable(path));
            const QByteArray content = file.readAll();
            ++files;
            for (const QByteArray &needle : needles)
                QVERIFY2(!content.contains(needle),
                         qPrintable(when + QStringLiteral(": the password is in ") + path));
        }
        QVERIFY(files >= 3);
    };
    QVERIFY(QFileInfo::exists(QDir(dataDir).filePath(QStringLiteral("library.sqlite"))));
    QVERIFY(QFileInfo::exists(QDir(dataDir).filePath(QStringLiteral("library.sqlite-wal"))));
    searchFolder(QStringLiteral("while serving"));
    if (QTest::currentTestFailed())
        return;
    // The log does name the refusals, so the search above looked at the right lines.
    QFile log(logPath);
    QVERIFY(log.open(QIODevice::ReadOnly));
    const QByteArray logText = log.readAll();
    QVERIFY(logText.contains("refused 422"));
    QVERIFY(logText.contains("refused 401"));
    m_server.reset();
    m_context.reset();
    searchFolder(QStringLiteral("after the server stopped"));
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

void TestServer::bodyWithoutContentLength()
{
    // A chunked body is refused with 411 before it is read.
    const auto [chunked, chunkedAnswer] = rawExchange(
            m_server->port(),
            "POST /generate HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/json\r\n"
            "Transfer-Encoding: chunked\r\n\r\n2\r\n{}\r\n0\r\n\r\n");
    QVERIFY2(chunked == 411, chunkedAnswer.constData());
    QVERIFY(chunkedAnswer.contains("Content-Length"));
    // Without Content-Length or Transfer-Encoding a request has no body (RFC 9112): FastAPI's
    // 422 for a missing body.
    const auto [none, noneAnswer]
            = rawExchange(m_server->port(),
                          "POST /api/video-generation/generate HTTP/1.1\r\nHost: "
                          "localhost\r\nConnection: close\r\n\r\n");
    QVERIFY2(none == 422, noneAnswer.constData());
    QVERIFY(noneAnswer.contains(R"("type":"missing")"));
    QCOMPARE(request("GET", QStringLiteral("/")).status, 200);
}

void TestServer::oversizedHeadersAreRefused()
{
    // 32 KiB of request head at most: one long header, or many.
    const QByteArray one = "GET / HTTP/1.1\r\nHost: localhost\r\nX-Padding: "
            + QByteArray(40 * 1024, 'a') + "\r\n\r\n";
    const auto [status, answer] = rawExchange(m_server->port(), one);
    QVERIFY2(status == 431, answer.left(200).constData());
    QByteArray many = "GET /status/1 HTTP/1.1\r\nHost: localhost\r\n";
    for (int i = 0; i < 2000; ++i)
        many += "X-Header-" + QByteArray::number(i) + ": some value\r\n";
    many += "\r\n";
    QCOMPARE(rawExchange(m_server->port(), many).first, 431);
    // Just under the limit is fine.
    const QByteArray fits = "GET / HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\nX-Padding: "
            + QByteArray(30 * 1024, 'a') + "\r\n\r\n";
    QCOMPARE(rawExchange(m_server->port(), fits).first, 200);
    const QByteArray metrics = request("GET", QStringLiteral("/metrics")).body;
    QVERIFY2(metrics.contains(R"(drillstudio_http_refused_total{status="431"} 2)"),
             metrics.constData());
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
    // The document states the run ID rule the server applies.
    for (const QString &path :
         {QStringLiteral("/status/{run_id}"), QStringLiteral("/cache/{run_id}")}) {
        const QJsonObject operation = paths.value(path).toObject().begin()->toObject();
        const QJsonObject schema = operation.value(QStringLiteral("parameters"))
                                           .toArray()
                                           .at(0)
                                           .toObject()
                                           .value(QStringLiteral("schema"))
                                           .toObject();
        QCOMPARE(schema.value(QStringLiteral("minimum")).toInteger(), 1);
        QCOMPARE(schema.value(QStringLiteral("maximum")).toInteger(), JobSpec::MaxRunId);
    }

    makeVideo(1001);
    QCOMPARE(request("GET", QStringLiteral("/status/1001")).status, 200);
    QJsonObject big = generateBody(1002, kDrill);
    big.insert(QStringLiteral("padding"), QString(100 * 1024, QLatin1Char('x')));
    QCOMPARE(generate(big).status, 413);
    const Answer metrics = request("GET", QStringLiteral("/metrics"));
    QCOMPARE(metrics.status, 200);
    QVERIFY(metrics.header("content-type").startsWith("text/plain"));
    QByteArray text = metrics.body;
    QVERIFY(text.contains(
            R"(drillstudio_http_requests_total{route="/status/{run_id}",method="GET",status="200"})"));
    QVERIFY(text.contains(R"(drillstudio_http_refused_total{status="413"} 1)"));
    // The store's totals come with the run mirror, which follows the store within a moment.
    QTRY_VERIFY_WITH_TIMEOUT((text = request("GET", QStringLiteral("/metrics")).body)
                                     .contains(R"(drillstudio_jobs{status="completed"} 1)"),
                             10000);
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
    const QString passwordFile = m_dir->filePath(QStringLiteral("password.txt"));
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
        QVERIFY(answer.header("retry-after").isEmpty());
        QCOMPARE(answer.json().value(QStringLiteral("detail")).toString(),
                 QStringLiteral("パスワードが正しくありません（残り%1回）").arg(left));
    }
    const QString locked
            = QStringLiteral("試行回数が上限に達しました。15分後に再試行してください。");
    const Answer fifth = generate(generateBody(1005, kDrill, "wrong"));
    QCOMPARE(fifth.status, 401);
    QCOMPARE(fifth.json().value(QStringLiteral("detail")).toString(), locked);
    // Retry-After says the same wait, in seconds; nothing says it while attempts are left.
    QCOMPARE(fifth.header("retry-after"), QByteArrayLiteral("900"));
    // Even the right password is refused while locked out, also under the prefix.
    const Answer right
            = generate(generateBody(1005, kDrill), QStringLiteral("/api/video-generation"));
    QCOMPARE(right.status, 401);
    QCOMPARE(right.json().value(QStringLiteral("detail")).toString(), locked);

    m_clock.advance(10 * 60 * 1000 + 30 * 1000);
    const Answer later = generate(generateBody(1005, kDrill));
    QCOMPARE(later.json().value(QStringLiteral("detail")).toString(),
             QStringLiteral("試行回数が上限に達しました。5分後に再試行してください。"));
    // 4.5 minutes are left: a client that waits as told is not refused again.
    QCOMPARE(later.header("retry-after"), QByteArrayLiteral("300"));
    m_clock.advance(30 * 1000);
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

void TestServer::trustedProxiesNameTheClient()
{
    const auto attempt = [this](const QByteArray &password, const QByteArray &forwardedFor) {
        QList<QPair<QByteArray, QByteArray>> headers;
        if (!forwardedFor.isEmpty())
            headers << qMakePair(QByteArrayLiteral("X-Forwarded-For"), forwardedFor);
        return generate(generateBody(1007, kDrill, password), {}, headers);
    };
    const QString locked
            = QStringLiteral("試行回数が上限に達しました。15分後に再試行してください。");

    // No proxy listed: X-Forwarded-For is the client's own claim and changes nothing.
    for (int i = 0; i < 5; ++i)
        QCOMPARE(attempt("wrong", "10.0.0." + QByteArray::number(i + 1)).status, 401);
    const Answer claimed = attempt(kPassword, "10.0.0.99");
    QCOMPARE(claimed.status, 401);
    QCOMPARE(claimed.json().value(QStringLiteral("detail")).toString(), locked);

    // 127.0.0.1 is the listed proxy: each forwarded client has its own count.
    m_clock.advance(16 * 60 * 1000);
    QCOMPARE(m_context->settings()->setValue("server/trustedProxies",
                                             QStringLiteral("192.0.2.1, 127.0.0.1")),
             QString());
    for (int i = 0; i < 5; ++i)
        QCOMPARE(attempt("wrong", "198.51.100.7").status, 401);
    QCOMPARE(attempt(kPassword, "198.51.100.7").json().value(QStringLiteral("detail")).toString(),
             locked);
    // The proxy appends what it saw; earlier entries are the client's and do not count.
    QCOMPARE(attempt(kPassword, "203.0.113.5, 198.51.100.7").status, 401);
    const Answer other = attempt(kPassword, "198.51.100.8");
    QCOMPARE(other.status, 200);
    QCOMPARE(other.json().value(QStringLiteral("status")).toString(), QStringLiteral("success"));
    QCOMPARE(attempt(kPassword, "198.51.100.7, 198.51.100.9").status, 200);
    // The proxy itself, without the header, is a client of its own.
    QCOMPARE(attempt(kPassword, {}).status, 200);
    // Not a proxy any more: the header is ignored again, and 127.0.0.1's count is its own.
    QCOMPARE(m_context->settings()->setValue("server/trustedProxies", QStringLiteral("192.0.2.1")),
             QString());
    QCOMPARE(attempt(kPassword, "198.51.100.7").status, 200);
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
    QNetworkReply *reply = m_network->get(get);
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

namespace {

const QByteArray kAdminUser = QByteArrayLiteral("coach");
const QByteArray kAdminPassword = QByteArrayLiteral("admin-password-not-secret");
const QByteArray kApiKey = QByteArrayLiteral("api-key-not-secret-0123456789");

QPair<QByteArray, QByteArray> basicAuth(const QByteArray &user, const QByteArray &password)
{
    return {QByteArrayLiteral("Authorization"),
            "Basic " + QByteArray(user + ':' + password).toBase64()};
}

QPair<QByteArray, QByteArray> bearer(const QByteArray &key)
{
    return {QByteArrayLiteral("Authorization"), "Bearer " + key};
}

} // namespace

void TestServer::configureAdmin()
{
    Settings *settings = m_context->settings();
    QCOMPARE(settings->setValue("server/localhostBypass", false), QString());
    QCOMPARE(settings->setValue("server/adminUser", QString::fromUtf8(kAdminUser)), QString());
    QCOMPARE(settings->setValue("server/adminPasswordHash",
                                AdminGate::hashSecret(kAdminPassword, 1000)),
             QString());
    QCOMPARE(settings->setValue("server/apiKeyHash", AdminGate::hashSecret(kApiKey, 1000)),
             QString());
}

void TestServer::adminRoutesNeedCredentials()
{
    configureAdmin();
    // The secret itself is refused as a hash.
    QVERIFY(!m_context->settings()->setValue("server/apiKeyHash", kApiKey).isEmpty());

    const Answer none = request("GET", QStringLiteral("/metrics"));
    QCOMPARE(none.status, 401);
    QVERIFY(none.header("www-authenticate").startsWith("Basic realm="));
    QCOMPARE(
            request("GET", QStringLiteral("/metrics"), {}, {basicAuth(kAdminUser, "wrong")}).status,
            401);
    QCOMPARE(request("GET", QStringLiteral("/metrics"), {}, {basicAuth("other", kAdminPassword)})
                     .status,
             401);
    QCOMPARE(request("GET", QStringLiteral("/metrics"), {}, {bearer("wrong-key")}).status, 401);
    QCOMPARE(request("GET", QStringLiteral("/metrics"), {}, {basicAuth(kAdminUser, kAdminPassword)})
                     .status,
             200);
    QCOMPARE(request("GET", QStringLiteral("/metrics"), {}, {bearer(kApiKey)}).status, 200);
    QCOMPARE(request("DELETE", QStringLiteral("/cache/5")).status, 401);
    QCOMPARE(request("DELETE", QStringLiteral("/api/video-generation/cache/5")).status, 401);
    QCOMPARE(request("DELETE", QStringLiteral("/cache/5"), {}, {bearer(kApiKey)}).status, 200);
    // One run's status is not an admin route.
    QCOMPARE(request("GET", QStringLiteral("/status/5")).status, 200);
    // A loopback peer behind a proxy is not trusted as local.
    QCOMPARE(m_context->settings()->setValue("server/localhostBypass", true), QString());
    QCOMPARE(request("GET", QStringLiteral("/metrics"), {},
                     {{QByteArrayLiteral("X-Forwarded-For"), QByteArrayLiteral("203.0.113.7")}})
                     .status,
             401);
}

void TestServer::localhostBypassesAdminCredentials()
{
    configureAdmin();
    QCOMPARE(request("GET", QStringLiteral("/metrics")).status, 401);
    QCOMPARE(m_context->settings()->setValue("server/localhostBypass", true), QString());
    QCOMPARE(request("GET", QStringLiteral("/metrics")).status, 200);
    QCOMPARE(request("DELETE", QStringLiteral("/cache/5")).status, 200);
}

void TestServer::fiveFailedLoginsBanTheAddress()
{
    configureAdmin();
    QCOMPARE(m_context->settings()->setValue("server/banSeconds", 120), QString());
    // Asking without credentials (as a browser does first) is not a failure.
    for (int i = 0; i < 6; ++i)
        QCOMPARE(request("GET", QStringLiteral("/metrics")).status, 401);
    for (int i = 1; i < AdminGate::MaxFailures; ++i)
        QCOMPARE(request("GET", QStringLiteral("/metrics"), {}, {bearer("wrong-key")}).status, 401);
    const Answer banned = request("GET", QStringLiteral("/metrics"), {}, {bearer("wrong-key")});
    QCOMPARE(banned.status, 403);
    QCOMPARE(banned.header("retry-after"), QByteArrayLiteral("120"));
    // Banned from every route, and the right key does not lift it.
    const Answer health = request("GET", QStringLiteral("/"));
    QCOMPARE(health.status, 403);
    QVERIFY(health.header("retry-after").toInt() > 0);
    QCOMPARE(request("GET", QStringLiteral("/metrics"), {}, {bearer(kApiKey)}).status, 403);
    m_clock.advance(60 * 1000);
    QCOMPARE(request("GET", QStringLiteral("/")).header("retry-after"), QByteArrayLiteral("60"));
    m_clock.advance(61 * 1000);
    QCOMPARE(request("GET", QStringLiteral("/")).status, 200);
    QCOMPARE(request("GET", QStringLiteral("/metrics"), {}, {bearer(kApiKey)}).status, 200);
    // A success clears the count: four more failures do not ban.
    for (int i = 1; i < AdminGate::MaxFailures; ++i)
        QCOMPARE(request("GET", QStringLiteral("/metrics"), {}, {bearer("wrong-key")}).status, 401);
    QCOMPARE(request("GET", QStringLiteral("/")).status, 200);

    // Behind a trusted proxy, the client it names is banned, not the proxy.
    QCOMPARE(m_context->settings()->setValue("server/trustedProxies", QStringLiteral("127.0.0.1")),
             QString());
    const QPair<QByteArray, QByteArray> attacker {"X-Forwarded-For", "203.0.113.9"};
    const QPair<QByteArray, QByteArray> coach {"X-Forwarded-For", "203.0.113.10"};
    for (int i = 1; i <= AdminGate::MaxFailures; ++i)
        request("GET", QStringLiteral("/metrics"), {}, {attacker, bearer("wrong-key")});
    QCOMPARE(request("GET", QStringLiteral("/"), {}, {attacker}).status, 403);
    QCOMPARE(request("GET", QStringLiteral("/"), {}, {coach}).status, 200);
    QCOMPARE(request("GET", QStringLiteral("/metrics"), {}, {coach, bearer(kApiKey)}).status, 200);
}

void TestServer::otherAddressesNeedCredentials()
{
    RestServer open(m_context.get());
    QVERIFY(!open.listen(QHostAddress::AnyIPv4, 0));
    QVERIFY2(open.errorString().contains(QLatin1String("server/apiKeyHash")),
             qPrintable(open.errorString()));
    QCOMPARE(m_context->settings()->setValue("server/apiKeyHash",
                                             AdminGate::hashSecret(kApiKey, 1000)),
             QString());
    RestServer guarded(m_context.get());
    QVERIFY2(guarded.listen(QHostAddress::AnyIPv4, 0), qPrintable(guarded.errorString()));
}

void TestServer::credentialsFromEnvironment()
{
    // A container or a service unit gives the server its admin hash in the environment.
    const QByteArray name = Settings::environmentName("server/apiKeyHash").toLatin1();
    QCOMPARE(name, QByteArrayLiteral("DRILLSTUDIO_SERVER_API_KEY_HASH"));
    const auto restore = qScopeGuard([&] { qunsetenv(name.constData()); });
    const auto reopen = [this] {
        m_server.reset();
        m_context.reset();
        startServer();
    };
    qputenv(name.constData(), "not-a-hash");
    reopen();
    QVERIFY2(m_context->settings()->problems().join(QLatin1Char(' ')).contains(QLatin1String(name)),
             qPrintable(m_context->settings()->problems().join(QLatin1Char(' '))));
    RestServer open(m_context.get());
    QVERIFY(!open.listen(QHostAddress::AnyIPv4, 0));

    qputenv(name.constData(), AdminGate::hashSecret(kApiKey, 1000).toLatin1());
    reopen();
    QVERIFY(m_context->settings()->fromEnvironment("server/apiKeyHash"));
    // The environment wins over the file, and the file cannot change what it sets.
    QVERIFY(!m_context->settings()
                     ->setValue("server/apiKeyHash", AdminGate::hashSecret("other", 1000))
                     .isEmpty());
    RestServer guarded(m_context.get());
    QVERIFY2(guarded.listen(QHostAddress::AnyIPv4, 0), qPrintable(guarded.errorString()));
    m_context->settings()->setValue("server/localhostBypass", false);
    QCOMPARE(request("GET", QStringLiteral("/metrics")).status, 401);
    QCOMPARE(request("GET", QStringLiteral("/metrics"), {}, {bearer(kApiKey)}).status, 200);
}

void TestServer::hashSecretCommand()
{
    QProcess process;
    process.setProgram(qEnvironmentVariable("DRILLSTUDIO_CLI"));
    process.setArguments({QStringLiteral("serve"), QStringLiteral("--data-dir"),
                          m_dir->filePath(QStringLiteral("cli")), QStringLiteral("--hash-secret")});
    process.start();
    QVERIFY(process.waitForStarted());
    process.write(kApiKey + '\n');
    process.closeWriteChannel();
    QVERIFY(process.waitForFinished(60000));
    QCOMPARE(process.exitCode(), 0);
    const QString hash = QString::fromUtf8(process.readAllStandardOutput()).trimmed();
    QVERIFY2(hash.startsWith(QLatin1String("pbkdf2-sha256$")), qPrintable(hash));
    QVERIFY(!hash.contains(QString::fromUtf8(kApiKey)));
    QVERIFY(AdminGate::verifySecret(kApiKey, hash));
    QVERIFY(!AdminGate::verifySecret(kApiKey + 'x', hash));
    // Salted: the same secret hashes differently each time.
    QVERIFY(AdminGate::hashSecret(kApiKey, 1000) != AdminGate::hashSecret(kApiKey, 1000));
}

void TestServer::hostHeaderAllowList()
{
    const auto get = [this](const QByteArray &host) {
        return rawExchange(m_server->port(),
                           "GET / HTTP/1.1\r\nHost: " + host + "\r\nConnection: close\r\n\r\n")
                .first;
    };
    const QByteArray port = QByteArray::number(m_server->port());
    QCOMPARE(get("127.0.0.1:" + port), 200);
    QCOMPARE(get("localhost:" + port), 200);
    QCOMPARE(get("[::1]:" + port), 200);
    QCOMPARE(get("192.0.2.10"), 200);
    QCOMPARE(get("attacker.example:" + port), 403);
    QCOMPARE(get("drills.example.org"), 403);
    QCOMPARE(m_context->settings()->setValue("server/allowedHosts",
                                             QStringLiteral("drills.example.org, *.team.example")),
             QString());
    QCOMPARE(get("drills.example.org:" + port), 200);
    QCOMPARE(get("a.team.example"), 200);
    QCOMPARE(get("team.example"), 403);
    QCOMPARE(get("evilteam.example"), 403);
}

void TestServer::securityHeadersAndCors()
{
    const Answer plain = request("GET", QStringLiteral("/"));
    QCOMPARE(plain.header("x-content-type-options"), QByteArrayLiteral("nosniff"));
    QCOMPARE(plain.header("referrer-policy"), QByteArrayLiteral("no-referrer"));
    QVERIFY(plain.header("content-security-policy").contains("frame-ancestors"));
    QVERIFY(!plain.headers.contains("access-control-allow-origin"));
    QCOMPARE(request("GET", QStringLiteral("/status/77")).header("x-content-type-options"),
             QByteArrayLiteral("nosniff"));

    QCOMPARE(m_context->settings()->setValue("server/corsOrigins",
                                             QStringLiteral("http://localhost:3000")),
             QString());
    const QPair<QByteArray, QByteArray> dev {"Origin", "http://localhost:3000"};
    const QPair<QByteArray, QByteArray> other {"Origin", "http://attacker.example"};
    QCOMPARE(request("GET", QStringLiteral("/"), {}, {dev}).header("access-control-allow-origin"),
             QByteArrayLiteral("http://localhost:3000"));
    QVERIFY(!request("GET", QStringLiteral("/"), {}, {other})
                     .headers.contains("access-control-allow-origin"));

    const QPair<QByteArray, QByteArray> wants {"Access-Control-Request-Method", "POST"};
    const Answer preflight = request("OPTIONS", QStringLiteral("/generate"), {}, {dev, wants});
    QCOMPARE(preflight.status, 204);
    QCOMPARE(preflight.header("access-control-allow-origin"),
             QByteArrayLiteral("http://localhost:3000"));
    QVERIFY(preflight.header("access-control-allow-methods").contains("POST"));
    QVERIFY(preflight.header("access-control-allow-headers").toLower().contains("content-type"));
    const Answer refused = request("OPTIONS", QStringLiteral("/generate"), {}, {other, wants});
    QVERIFY(!refused.headers.contains("access-control-allow-origin"));
    QVERIFY(!refused.headers.contains("access-control-allow-methods"));
}

void TestServer::requestServedSignal()
{
    QSignalSpy served(m_server.get(), &RestServer::requestServed);
    QCOMPARE(request("GET", QStringLiteral("/nowhere/42")).status, 404);
    QTRY_COMPARE(served.size(), 1);
    QCOMPARE(served.at(0).at(0).toByteArray(), QByteArrayLiteral("GET"));
    QCOMPARE(served.at(0).at(1).toString(), QStringLiteral("/nowhere/42"));
    QCOMPARE(served.at(0).at(2).toInt(), 404);
    QVERIFY(served.at(0).at(3).toLongLong() >= 0);
}

void TestServer::slowClientIsDropped()
{
    QCOMPARE(m_context->settings()->setValue("server/requestTimeoutSeconds", 1), QString());
    RestServer server(m_context.get());
    QVERIFY(server.listen(QHostAddress::LocalHost, 0));
    // One byte every 100 ms: the whole head would take about 5 s.
    const QByteArray head = "GET / HTTP/1.1\r\nHost: localhost\r\nX-Slow: aaaaaaaaaaaa\r\n\r\n";
    QTcpSocket socket;
    QByteArray answer;
    connect(&socket, &QTcpSocket::readyRead, this, [&] { answer += socket.readAll(); });
    qsizetype sent = 0;
    QTimer drip;
    drip.setInterval(100);
    connect(&drip, &QTimer::timeout, this, [&] {
        if (sent < head.size() && socket.state() == QAbstractSocket::ConnectedState)
            socket.write(head.mid(sent++, 1));
    });
    QElapsedTimer elapsed;
    elapsed.start();
    socket.connectToHost(QHostAddress::LocalHost, server.port());
    QVERIFY(socket.waitForConnected(10000));
    drip.start();
    QTRY_VERIFY_WITH_TIMEOUT(answer.startsWith("HTTP/1.1 408"), 4000);
    QTRY_COMPARE_WITH_TIMEOUT(socket.state(), QAbstractSocket::UnconnectedState, 15000);
    QVERIFY(sent < head.size());
    QVERIFY2(elapsed.elapsed() < 4000, qPrintable(QString::number(elapsed.elapsed())));
    // A client that sends its request at once is answered.
    QCOMPARE(rawExchange(server.port(),
                         "GET / HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n")
                     .first,
             200);
}

void TestServer::connectionCap()
{
    QCOMPARE(m_context->settings()->setValue("server/maxConnections", 2), QString());
    RestServer server(m_context.get());
    QVERIFY(server.listen(QHostAddress::LocalHost, 0));
    const QByteArray keepAlive = "GET / HTTP/1.1\r\nHost: localhost\r\n\r\n";
    std::array<QTcpSocket, 2> open;
    for (QTcpSocket &socket : open) {
        socket.connectToHost(QHostAddress::LocalHost, server.port());
        QVERIFY(socket.waitForConnected(10000));
        socket.write(keepAlive);
        QByteArray answer;
        QTRY_VERIFY_WITH_TIMEOUT((answer += socket.readAll()).contains("\r\n\r\n"), 10000);
        QVERIFY(answer.startsWith("HTTP/1.1 200"));
    }
    const auto [status, answer] = rawExchange(server.port(), keepAlive, true);
    QVERIFY2(status == 503, answer.constData());
    QVERIFY(answer.toLower().contains("retry-after"));
    // A connection that ends frees its place.
    open.at(0).disconnectFromHost();
    QTRY_COMPARE_WITH_TIMEOUT(
            rawExchange(server.port(),
                        "GET / HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n")
                    .first,
            200, 10000);
}

void TestServer::pipelinedAnswersInOrder()
{
    // A generate that waits for its video, then a health check, on one connection at once: the
    // health check is handled first, but its answer must come second.
    HeldProvider *held = holdLocalJobs();
    const QByteArray body
            = QJsonDocument(generateBody(3001, kDrill)).toJson(QJsonDocument::Compact);
    const QByteArray pipelined = "POST /generate HTTP/1.1\r\nHost: localhost\r\nContent-Type: "
                                 "application/json\r\nContent-Length: "
            + QByteArray::number(body.size()) + "\r\n\r\n" + body
            + "GET / HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n";
    QSignalSpy served(m_server.get(), &RestServer::requestServed);
    QTcpSocket socket;
    QByteArray answer;
    connect(&socket, &QTcpSocket::readyRead, this, [&] { answer += socket.readAll(); });
    socket.connectToHost(QHostAddress::LocalHost, m_server->port());
    QVERIFY(socket.waitForConnected(10000));
    socket.write(pipelined);
    QTRY_COMPARE_WITH_TIMEOUT(served.size(), 1, 20000);
    QCOMPARE(served.at(0).at(1).toString(), QStringLiteral("/"));
    QTRY_COMPARE(held->heldCount(), 1);
    QVERIFY2(answer.isEmpty(), answer.constData());
    held->release();
    QTRY_COMPARE_WITH_TIMEOUT(socket.state(), QAbstractSocket::UnconnectedState, 60000);
    answer += socket.readAll();
    QVERIFY2(answer.startsWith("HTTP/1.1 200"), answer.left(300).constData());
    const qsizetype second = answer.indexOf("HTTP/1.1 ", 10);
    QVERIFY(second > 0);
    QVERIFY(answer.left(second).contains("video_url"));
    QVERIFY(answer.mid(second).contains("Video Generation Service is running"));
}

// A client that sends its request and shuts its side down (as "printf | nc -N" does) still gets
// the answer before the server closes.
void TestServer::halfClosedClientGetsItsAnswer()
{
    // An answer that comes later: a generate waiting for its video.
    HeldProvider *held = holdLocalJobs();
    const QByteArray body
            = QJsonDocument(generateBody(3201, kDrill)).toJson(QJsonDocument::Compact);
    QTcpSocket socket;
    QByteArray answer;
    connect(&socket, &QTcpSocket::readyRead, this, [&] { answer += socket.readAll(); });
    socket.connectToHost(QHostAddress::LocalHost, m_server->port());
    QVERIFY(socket.waitForConnected(10000));
    socket.write("POST /generate HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/json\r\n"
                 "Content-Length: "
                 + QByteArray::number(body.size()) + "\r\n\r\n" + body);
    QVERIFY(socket.waitForBytesWritten(10000));
    QCOMPARE(::shutdown(int(socket.socketDescriptor()), SHUT_WR), 0);
    QTRY_COMPARE_WITH_TIMEOUT(held->heldCount(), 1, 20000);
    QVERIFY(answer.isEmpty());
    held->release();
    QTRY_COMPARE_WITH_TIMEOUT(socket.state(), QAbstractSocket::UnconnectedState, 60000);
    answer += socket.readAll();
    QVERIFY2(answer.startsWith("HTTP/1.1 200 OK"), answer.left(300).constData());
    QVERIFY(answer.contains("video_url"));
}

// curl sends "Expect: 100-continue" before a large upload and waits for the go-ahead.
void TestServer::expectContinueIsAnswered()
{
    const QByteArray body
            = QJsonDocument(generateBody(3101, kDrill)).toJson(QJsonDocument::Compact);
    QTcpSocket socket;
    QByteArray answer;
    connect(&socket, &QTcpSocket::readyRead, this, [&] { answer += socket.readAll(); });
    socket.connectToHost(QHostAddress::LocalHost, m_server->port());
    QVERIFY(socket.waitForConnected(10000));
    socket.write("POST /generate HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/json\r\n"
                 "Expect: 100-continue\r\nContent-Length: "
                 + QByteArray::number(body.size()) + "\r\n\r\n");
    QTRY_VERIFY_WITH_TIMEOUT(answer.contains("\r\n\r\n"), 10000);
    QVERIFY2(answer.startsWith("HTTP/1.1 100 Continue\r\n\r\n"), answer.constData());
    answer.clear();
    socket.write(body);
    QTRY_VERIFY_WITH_TIMEOUT(answer.contains("video_url"), 60000);
    QVERIFY2(answer.startsWith("HTTP/1.1 200 OK"), answer.left(200).constData());
}

void TestServer::malformedRequestIsRefused()
{
    for (const QByteArray &request :
         {QByteArray("HELLO\r\n\r\n"), QByteArray("GET / HTTP/1.1\r\nBroken header\r\n\r\n"),
          QByteArray("GET / HTTP/3\r\n\r\n"),
          QByteArray(
                  "POST /generate HTTP/1.1\r\nContent-Length: 3\r\nContent-Length: 4\r\n\r\n")}) {
        const auto [status, answer] = rawExchange(m_server->port(), request, true);
        QCOMPARE(status, 400);
        QVERIFY2(answer.contains("Connection: close"), answer.constData());
        QVERIFY(answer.contains("\"detail\""));
    }
    // The server goes on answering.
    QCOMPARE(rawExchange(m_server->port(), "GET / HTTP/1.1\r\nHost: localhost\r\n\r\n").first, 200);
}

void TestServer::http10ClosesAfterItsAnswer()
{
    const auto [status, answer] = rawExchange(m_server->port(), "GET / HTTP/1.0\r\n\r\n", true);
    QCOMPARE(status, 200);
    QVERIFY(answer.contains("Connection: close"));
    QVERIFY(answer.endsWith("}"));
}

// A client that pipelines many requests and reads nothing: the server holds back its further
// requests instead of its answers piling up, answers others meanwhile, and delivers every answer,
// in order, once the client reads.
void TestServer::unreadAnswersHoldBackRequests()
{
    // 25 MB of answers: more than the socket buffers and the connection's own take.
    constexpr int kRequests = 1200;
    // Each second answer names its request: a run ID that is not one is echoed in the 422.
    QByteArray burst;
    for (int i = 0; i < kRequests; ++i) {
        burst += "GET /openapi.json HTTP/1.1\r\nHost: localhost\r\n\r\n"
                 "GET /status/r"
                + QByteArray::number(i) + " HTTP/1.1\r\nHost: localhost\r\n\r\n";
    }
    QSignalSpy served(m_server.get(), &RestServer::requestServed);
    QTcpSocket greedy;
    greedy.setReadBufferSize(1); // reads next to nothing for now
    greedy.connectToHost(QHostAddress::LocalHost, m_server->port());
    QVERIFY(greedy.waitForConnected(10000));
    greedy.write(burst);
    QTRY_COMPARE_WITH_TIMEOUT(greedy.bytesToWrite(), qint64(0), 20000);
    QTRY_VERIFY_WITH_TIMEOUT(served.size() >= 64, 20000);
    // Another client is answered at once, while the first one's requests wait (the server has
    // read them all by the time this exchange is over: it runs in this thread's event loop).
    QCOMPARE(rawExchange(m_server->port(), "GET / HTTP/1.1\r\nHost: localhost\r\n\r\n").first, 200);
    const qsizetype servedWhileUnread = served.size();
    QVERIFY2(servedWhileUnread < 2 * kRequests, qPrintable(QString::number(servedWhileUnread)));
    // Now the client reads: every answer comes, in the order asked.
    QByteArray answers;
    greedy.setReadBufferSize(0);
    connect(&greedy, &QTcpSocket::readyRead, this, [&] { answers += greedy.readAll(); });
    answers += greedy.readAll();
    QTRY_VERIFY_WITH_TIMEOUT(answers.count("HTTP/1.1 422 ") == kRequests, 60000);
    QCOMPARE(answers.count("HTTP/1.1 200 OK"), kRequests);
    qsizetype at = 0;
    for (int i = 0; i < kRequests; ++i) {
        const qsizetype found
                = answers.indexOf(QByteArray("\"r" + QByteArray::number(i) + '"'), at);
        QVERIFY2(found > at, qPrintable(QString::number(i)));
        at = found;
    }
}

QTEST_MAIN(TestServer)
#include "tst_server.moc"
