// The openai provider and its client against sora-emulator over loopback: every call, every
// retry rule, every error mapping, lost creates, resumed downloads, and the key's secrecy.
#include "clock.h"
#include "database.h"
#include "jobmanager.h"
#include "jobspec.h"
#include "jobstore.h"
#include "mediaprobe.h"
#include "openai/openaiclient.h"
#include "openai/openaiprovider.h"
#include "settings.h"
#include "soraemulator.h"
#include "testsupport.h"
#include "videostore.h"

#include <QBuffer>
#include <QDir>
#include <QDirIterator>
#include <QFile>
#include <QImage>
#include <QJsonArray>
#include <QJsonDocument>
#include <QLoggingCategory>
#include <QMutex>
#include <QNetworkInterface>
#include <QNetworkReply>
#include <QProcess>
#include <QSignalSpy>
#include <QTcpServer>
#include <QTemporaryDir>
#include <QTest>
#include <QTimer>

#include <algorithm>
#include <memory>

namespace {

// A fake key, distinctive enough to be searched for in logs, files and argument lists.
const QString kKey = QStringLiteral("test-key-not-secret-7f3a9c");
const QString kPrompt = QStringLiteral("Wall drill: lean forward against a wall, 3 sets.");

struct CallResult
{
    bool done = false;
    bool ok = false;
    OpenAIError error;
    int status = 0;
    QString requestId;
    QJsonObject json;
    bool adopted = false;
    int attempts = 0;
    qint64 bytes = 0;
};

CallResult awaitCall(OpenAICall *call, int timeoutMs = 60000)
{
    auto result = std::make_shared<CallResult>();
    QObject::connect(call, &OpenAICall::finished, call, [call, result] {
        result->done = true;
        result->ok = call->isOk();
        result->error = call->error();
        result->status = call->httpStatus();
        result->requestId = call->requestId();
        result->json = call->json();
        result->adopted = call->adopted();
        result->attempts = call->attempts();
        result->bytes = call->bytesWritten();
    });
    (void)QTest::qWaitFor([&] { return result->done; }, timeoutMs);
    return *result;
}

// Records every wait and answers at once; moves a manual clock by the wait when given one.
struct DelayRecorder
{
    QList<qint64> delays;
    ManualClock *clock = nullptr;

    OpenAIDelay function()
    {
        return [this](qint64 ms, QObject *context, std::function<void()> then) {
            delays << ms;
            if (clock)
                clock->advance(ms);
            QTimer::singleShot(0, context, std::move(then));
        };
    }
};

QByteArray fileHead(const QString &path, int bytes)
{
    QFile file(path);
    return file.open(QIODevice::ReadOnly) ? file.read(bytes) : QByteArray();
}

QByteArray readAll(const QString &path)
{
    QFile file(path);
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
}

// The process and every process it started, from the parent links in /proc/<pid>/stat.
QList<qint64> processTree(qint64 root)
{
    QMultiMap<qint64, qint64> children;
    for (const QString &entry : QDir(QStringLiteral("/proc")).entryList(QDir::Dirs)) {
        bool isPid = false;
        const qint64 pid = entry.toLongLong(&isPid);
        if (!isPid)
            continue;
        const QByteArray stat = readAll(QStringLiteral("/proc/%1/stat").arg(pid));
        // "pid (name) state ppid ...": the name may hold spaces and parentheses.
        const QList<QByteArray> fields = stat.mid(stat.lastIndexOf(')') + 2).split(' ');
        if (fields.size() > 1)
            children.insert(fields.at(1).toLongLong(), pid);
    }
    QList<qint64> tree {root};
    for (qsizetype i = 0; i < tree.size(); ++i)
        tree += children.values(tree.at(i));
    return tree;
}

// Captures every log message of the process while installed.
QMutex g_logMutex;
QStringList g_log;
QtMessageHandler g_previousHandler = nullptr;

void captureMessage(QtMsgType type, const QMessageLogContext &context, const QString &message)
{
    {
        QMutexLocker locker(&g_logMutex);
        g_log << message;
    }
    if (g_previousHandler)
        g_previousHandler(type, context, message);
}

FaultRule fault(const char *json)
{
    QString error;
    const FaultRule rule
            = FaultRule::fromJson(QJsonDocument::fromJson(QByteArray(json)).object(), &error);
    if (!error.isEmpty())
        qFatal("bad fault rule %s: %s", json, qPrintable(error));
    return rule;
}

} // namespace

class TestOpenAI : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void init();
    void cleanup();

    // Parsing and configuration, no network
    void parsingIsTolerant();
    void statuses_data();
    void statuses();
    void envFile_data();
    void envFile();
    void keySources();
    void configRedactsKey();
    void estimateCost();

    // Every call
    void createJson();
    void createMultipart();
    void retrieveAndListPagination();
    void downloadVariants_data();
    void downloadVariants();
    void deleteVideo();
    void remix();
    void redirectSameHost();
    void redirectToOtherHostDropsAuthorization();

    // Retries
    void retryRules_data();
    void retryRules();
    void retryAfterHttpDate();
    void jitterStaysInRange();
    void timeoutIsRetried();

    // Errors
    void errorMapping_data();
    void errorMapping();
    void badKey();
    void networkError();
    void shutDownMode();
    void contentExpired();

    // A create is never paid twice
    void lostCreateIsAdopted();
    void droppedCreateIsSentOnce();
    void serverErrorOnCreateLooksFirst();
    void lostCreateWithoutRetriesIsStillFound();

    // The provider
    void providerEndToEnd();
    void providerFinalStatuses_data();
    void providerFinalStatuses();
    void providerResumesWithoutCreate();
    void providerFindsEarlierCreate();
    void providerResumesResetDownload();
    void resumedDownloadFetchesOnlyTheRest();
    void badDownloadIsRejected_data();
    void badDownloadIsRejected();
    void providerTimesOut();
    void providerCancel();
    void providerChecksSizeBeforeSending();
    void providerWithoutKey();
    void providerShutDownMessage();
    void providerRefusesClearTextToAnotherHost();

    // Secrets and the command line
    void keyNeverLogged();
    void cliEndToEnd();

private:
    OpenAIConfig clientConfig() const;
    void startEmulator(const EmulatorConfig &config);
    QString completedVideo();
    int logCount(const QString &endpoint) const;
    std::unique_ptr<OpenAIProvider> makeProvider(const Clock *clock = nullptr);
    ProviderRequest request(const QString &jobId) const;

    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<SoraEmulator> m_emulator;
    std::unique_ptr<OpenAIClient> m_client;
    std::unique_ptr<Settings> m_settings;
    DelayRecorder m_delays;

    // A job manager on a real SQLite store and video folder, with the openai provider only.
    struct Library
    {
        SystemClock clock;
        Database database;
        std::unique_ptr<JobStore> store;
        std::unique_ptr<VideoStore> videos;
        std::unique_ptr<JobManager> manager;
    };
    std::unique_ptr<Library> makeLibrary();
    QList<RequestLogEntry> videoDownloads() const;
};

void TestOpenAI::initTestCase()
{
    qputenv("OPENAI_API_KEY", kKey.toUtf8());
    qRegisterMetaType<ProviderError>();
}

void TestOpenAI::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    QVERIFY(m_dir->isValid());
    m_delays = {};
    EmulatorConfig config;
    config.apiKey = kKey;
    config.queuedMs = 0;
    config.runMs = 0;
    config.tinyContent = true;
    config.sharedContent = true;
    config.contentDir = m_dir->filePath(QStringLiteral("content"));
    startEmulator(config);
    m_settings = std::make_unique<Settings>(m_dir->filePath(QStringLiteral("settings.ini")));
    QCOMPARE(m_settings->setValue("openai/baseUrl", m_emulator->baseUrl()), QString());
}

void TestOpenAI::cleanup()
{
    m_client.reset();
    m_emulator.reset();
    m_settings.reset();
    m_dir.reset();
}

void TestOpenAI::startEmulator(const EmulatorConfig &config)
{
    m_client.reset();
    m_emulator = std::make_unique<SoraEmulator>(config);
    QVERIFY(m_emulator->listen() != 0);
    m_client = std::make_unique<OpenAIClient>();
    m_client->setConfig(clientConfig());
    m_client->setDelayFunction(m_delays.function());
    m_client->setRandomSource([] { return 0.0; });
}

OpenAIConfig TestOpenAI::clientConfig() const
{
    OpenAIConfig config;
    config.baseUrl = QUrl(m_emulator->baseUrl());
    config.apiKey = kKey;
    config.maxRetries = 2;
    config.requestTimeoutMs = 30000;
    config.maxDownloadBytes = 64 * 1024 * 1024;
    return config;
}

int TestOpenAI::logCount(const QString &endpoint) const
{
    int count = 0;
    for (const RequestLogEntry &entry : m_emulator->requestLog())
        count += entry.endpoint == endpoint;
    return count;
}

QString TestOpenAI::completedVideo()
{
    OpenAICreateParams params;
    params.prompt = kPrompt;
    params.model = QStringLiteral("sora-2");
    params.size = QStringLiteral("1280x720");
    params.seconds = 4;
    const CallResult created = awaitCall(m_client->create(params));
    if (!created.ok)
        return {};
    const QString id = created.json.value(QLatin1String("id")).toString();
    // Instant jobs complete at their first retrieve.
    const CallResult retrieved = awaitCall(m_client->retrieve(id));
    if (retrieved.json.value(QLatin1String("status")).toString() != QLatin1String("completed"))
        return {};
    return id;
}

std::unique_ptr<OpenAIProvider> TestOpenAI::makeProvider(const Clock *clock)
{
    auto provider = std::make_unique<OpenAIProvider>(m_settings.get(), clock);
    provider->setKeychainEnabled(false);
    provider->setDelayFunction(m_delays.function());
    provider->client()->setRandomSource([] { return 0.0; });
    return provider;
}

ProviderRequest TestOpenAI::request(const QString &jobId) const
{
    ProviderRequest request;
    request.jobId = jobId;
    request.drillText = QStringLiteral("ウォールドリル");
    request.prompt = kPrompt;
    request.model = QStringLiteral("sora-2");
    request.size = QSize(1280, 720);
    request.seconds = 4;
    request.outputPath = m_dir->filePath(jobId + QStringLiteral(".mp4"));
    return request;
}

// ---------------------------------------------------------------------------------------------

void TestOpenAI::parsingIsTolerant()
{
    const QByteArray json = R"({"id":"video_x","object":"video","status":"in_progress",
        "progress":42.0,"created_at":1761016896,"completed_at":null,"expires_at":null,
        "model":"veo-3","seconds":8,"size":"720x1280","prompt":null,"remixed_from_video_id":null,
        "error":null,"future_field":{"nested":[1,2,3]},"usage":{"seconds":8}})";
    const OpenAIVideo video = OpenAIVideo::fromJson(QJsonDocument::fromJson(json).object());
    QCOMPARE(video.id, QStringLiteral("video_x"));
    QCOMPARE(video.progress, 42);
    QCOMPARE(video.createdAt, qint64(1761016896));
    QCOMPARE(video.completedAt, qint64(0));
    QCOMPARE(video.seconds, QStringLiteral("8"));
    QVERIFY(!video.hasPrompt);
    QVERIFY(video.isPending());

    // Missing keys and odd types are accepted; the id is kept as it is.
    const OpenAIVideo sparse = OpenAIVideo::fromJson(
            QJsonDocument::fromJson(R"({"id":"gw-123/ABC","status":"COMPLETED"})").object());
    QCOMPARE(sparse.id, QStringLiteral("gw-123/ABC"));
    QVERIFY(sparse.isCompleted());
    QCOMPARE(sparse.progress, 0);

    const OpenAIVideo failed = OpenAIVideo::fromJson(
            QJsonDocument::fromJson(
                    R"({"id":"v","status":"failed","error":{"code":"moderation_blocked","message":"no"}})")
                    .object());
    QCOMPARE(OpenAIError::fromJob(failed).kind, OpenAIError::Kind::Moderation);

    const OpenAIVideoPage page = OpenAIVideoPage::fromJson(
            QJsonDocument::fromJson(
                    R"({"object":"list","data":[{"id":"a"},{"id":"b"},7,null],"has_more":true})")
                    .object());
    QCOMPARE(page.data.size(), 2);
    QCOMPARE(page.lastId, QStringLiteral("b")); // derived when last_id is missing
    QVERIFY(page.hasMore);
}

void TestOpenAI::statuses_data()
{
    QTest::addColumn<QString>("status");
    QTest::addColumn<bool>("pending");
    QTest::addColumn<int>("kind");
    QTest::newRow("queued") << "queued" << true << -1;
    QTest::newRow("in_progress") << "in_progress" << true << -1;
    QTest::newRow("processing") << "processing" << true << -1;
    QTest::newRow("completed") << "completed" << false << -1;
    QTest::newRow("failed") << "failed" << false << int(OpenAIError::Kind::JobFailed);
    QTest::newRow("expired") << "expired" << false << int(OpenAIError::Kind::JobExpired);
    QTest::newRow("cancelled") << "cancelled" << false << int(OpenAIError::Kind::JobCancelled);
    QTest::newRow("unknown") << "paused_by_gateway" << false << int(OpenAIError::Kind::JobFailed);
    QTest::newRow("missing") << "" << false << int(OpenAIError::Kind::JobFailed);
}

void TestOpenAI::statuses()
{
    QFETCH(QString, status);
    QFETCH(bool, pending);
    QFETCH(int, kind);
    OpenAIVideo video;
    video.id = QStringLiteral("v");
    video.status = status;
    QCOMPARE(video.isPending(), pending);
    if (kind >= 0) {
        const OpenAIError error = OpenAIError::fromJob(video);
        QCOMPARE(int(error.kind), kind);
        QVERIFY(!error.message.isEmpty());
    }
}

void TestOpenAI::envFile_data()
{
    QTest::addColumn<QByteArray>("text");
    QTest::addColumn<QString>("expected");
    QTest::newRow("plain") << QByteArray("OPENAI_API_KEY=abc\n") << "abc";
    QTest::newRow("double quotes") << QByteArray("OPENAI_API_KEY=\"a b#c\" # note\n") << "a b#c";
    QTest::newRow("single quotes") << QByteArray("OPENAI_API_KEY='xyz'\n") << "xyz";
    QTest::newRow("export and spaces")
            << QByteArray("# comment\n\nexport OPENAI_API_KEY = k1 # trailing\n") << "k1";
    QTest::newRow("other keys") << QByteArray("OTHER=1\nOPENAI_API_KEY_2=no\n") << "";
    QTest::newRow("last wins") << QByteArray("OPENAI_API_KEY=a\r\nOPENAI_API_KEY=b\r\n") << "b";
    QTest::newRow("hash inside") << QByteArray("OPENAI_API_KEY=ab#cd\n") << "ab#cd";
    QTest::newRow("commented out") << QByteArray("#OPENAI_API_KEY=zz\n") << "";
}

void TestOpenAI::envFile()
{
    QFETCH(QByteArray, text);
    QFETCH(QString, expected);
    QCOMPARE(OpenAIApiKey::fromEnvFileText(text), expected);
}

void TestOpenAI::keySources()
{
    const QString envPath = m_dir->filePath(QStringLiteral(".env"));
    QFile file(envPath);
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write("OPENAI_API_KEY=from-env-file-not-secret\n");
    file.close();
    QCOMPARE(OpenAIApiKey::fromEnvironmentOrFile(envPath), kKey); // the environment wins
    qunsetenv("OPENAI_API_KEY");
    const QString fromFile = OpenAIApiKey::fromEnvironmentOrFile(envPath);
    const QString none = OpenAIApiKey::fromEnvironmentOrFile(QString());
    qputenv("OPENAI_API_KEY", kKey.toUtf8());
    QCOMPARE(fromFile, QStringLiteral("from-env-file-not-secret"));
    QCOMPARE(none, QString());
}

void TestOpenAI::configRedactsKey()
{
    OpenAIConfig config = clientConfig();
    QString text;
    QDebug(&text) << config;
    QVERIFY(!text.contains(kKey));
    QVERIFY(text.contains(QLatin1String("redacted")));
}

void TestOpenAI::estimateCost()
{
    auto provider = makeProvider();
    QCOMPARE(provider->estimateCost(QStringLiteral("sora-2"), QSize(1280, 720), 4), 0.4);
    QCOMPARE(provider->estimateCost(QStringLiteral("sora-2-pro"), QSize(1792, 1024), 8), 4.0);
    QCOMPARE(provider->estimateCost(QStringLiteral("unknown"), QSize(1280, 720), 4), 0.0);
    QCOMPARE(m_settings->setValue("openai/prices", QStringLiteral("veo-3:1280x720=0.75")),
             QString());
    QCOMPARE(provider->estimateCost(QStringLiteral("veo-3"), QSize(1280, 720), 8), 6.0);
}

// ---------------------------------------------------------------------------------------------

void TestOpenAI::createJson()
{
    OpenAICreateParams params;
    params.prompt = kPrompt;
    params.model = QStringLiteral("sora-2");
    params.size = QStringLiteral("1280x720");
    params.seconds = 8;
    const CallResult result = awaitCall(m_client->create(params));
    QVERIFY2(result.ok, qPrintable(result.error.message));
    QCOMPARE(result.status, 200);
    QVERIFY(!result.requestId.isEmpty());
    const OpenAIVideo video = OpenAIVideo::fromJson(result.json);
    QVERIFY(video.isValid());
    QCOMPARE(video.status, QStringLiteral("queued"));
    QCOMPARE(video.seconds, QStringLiteral("8"));
    QCOMPARE(video.size, QStringLiteral("1280x720"));
    QCOMPARE(m_emulator->createdJobCount(), 1);
    QCOMPARE(m_emulator->requestLog().constLast().requestId, result.requestId.toLatin1());
}

void TestOpenAI::createMultipart()
{
    QImage image(1280, 720, QImage::Format_RGB32);
    image.fill(Qt::darkGreen);
    QByteArray png;
    QBuffer buffer(&png);
    QVERIFY(buffer.open(QIODevice::WriteOnly));
    QVERIFY(image.save(&buffer, "PNG"));
    OpenAICreateParams params;
    params.prompt = kPrompt;
    params.model = QStringLiteral("sora-2");
    params.size = QStringLiteral("1280x720");
    params.seconds = 4;
    params.imageData = png;
    params.imageFileName = QStringLiteral("first-frame.png");
    params.imageContentType = "image/png";
    QByteArray contentType;
    const QByteArray body = params.body(&contentType);
    QVERIFY(contentType.startsWith("multipart/form-data; boundary="));
    QVERIFY(body.contains("filename=\"first-frame.png\"\r\nContent-Type: image/png"));

    const CallResult result = awaitCall(m_client->create(params));
    QVERIFY2(result.ok, qPrintable(result.error.message + result.error.apiMessage));
    QCOMPARE(m_emulator->createdJobCount(), 1);
}

void TestOpenAI::retrieveAndListPagination()
{
    QStringList created;
    for (int i = 0; i < 5; ++i) {
        OpenAICreateParams params;
        params.prompt = kPrompt + QString::number(i);
        params.model = QStringLiteral("sora-2");
        params.size = QStringLiteral("720x1280");
        const CallResult result = awaitCall(m_client->create(params));
        QVERIFY(result.ok);
        created << result.json.value(QLatin1String("id")).toString();
    }
    const CallResult one = awaitCall(m_client->retrieve(created.at(2)));
    QVERIFY(one.ok);
    QCOMPARE(OpenAIVideo::fromJson(one.json).prompt, kPrompt + QLatin1Char('2'));

    QStringList listed;
    QString after;
    int pages = 0;
    for (;;) {
        const CallResult page = awaitCall(m_client->list(2, after, Qt::AscendingOrder));
        QVERIFY(page.ok);
        const OpenAIVideoPage parsed = OpenAIVideoPage::fromJson(page.json);
        for (const OpenAIVideo &video : parsed.data)
            listed << video.id;
        ++pages;
        if (!parsed.hasMore)
            break;
        after = parsed.lastId;
        QVERIFY(pages < 10);
    }
    QCOMPARE(pages, 3);
    QCOMPARE(listed, created);
}

void TestOpenAI::downloadVariants_data()
{
    QTest::addColumn<int>("variant");
    QTest::addColumn<QByteArray>("magic");
    QTest::addColumn<int>("offset");
    QTest::newRow("video") << int(OpenAIVariant::Video) << QByteArray("ftyp") << 4;
    QTest::newRow("thumbnail") << int(OpenAIVariant::Thumbnail) << QByteArray("WEBP") << 8;
    QTest::newRow("spritesheet") << int(OpenAIVariant::Spritesheet) << QByteArray("\xff\xd8\xff")
                                 << 0;
}

void TestOpenAI::downloadVariants()
{
    QFETCH(int, variant);
    QFETCH(QByteArray, magic);
    QFETCH(int, offset);
    const QString id = completedVideo();
    QVERIFY(!id.isEmpty());
    const QString path = m_dir->filePath(QStringLiteral("content.bin"));
    OpenAICall *call = m_client->download(id, OpenAIVariant(variant), path);
    QSignalSpy progress(call, &OpenAICall::downloadProgress);
    const CallResult result = awaitCall(call);
    QVERIFY2(result.ok, qPrintable(result.error.message));
    QVERIFY(result.bytes > 0);
    QCOMPARE(QFileInfo(path).size(), result.bytes);
    QCOMPARE(fileHead(path, offset + magic.size()).mid(offset), magic);
    QVERIFY(progress.count() > 0);
    const RequestLogEntry last = m_emulator->requestLog().constLast();
    QCOMPARE(last.endpoint, QStringLiteral("content"));
    QVERIFY(last.query.contains(QStringLiteral("variant=")
                                + openAIVariantName(OpenAIVariant(variant))));
}

void TestOpenAI::deleteVideo()
{
    const QString id = completedVideo();
    QVERIFY(!id.isEmpty());
    const CallResult deleted = awaitCall(m_client->deleteVideo(id));
    QVERIFY2(deleted.ok, qPrintable(deleted.error.message));
    QCOMPARE(deleted.json.value(QLatin1String("deleted")).toBool(), true);
    const CallResult gone = awaitCall(m_client->retrieve(id));
    QVERIFY(!gone.ok);
    QCOMPARE(gone.error.kind, OpenAIError::Kind::NotFound);
    QCOMPARE(gone.status, 404);
    QCOMPARE(gone.attempts, 1); // a 404 is not retried
}

void TestOpenAI::remix()
{
    const QString id = completedVideo();
    QVERIFY(!id.isEmpty());
    const CallResult result = awaitCall(m_client->remix(id, QStringLiteral("Slower, side view.")));
    QVERIFY2(result.ok, qPrintable(result.error.message + result.error.apiMessage));
    const OpenAIVideo video = OpenAIVideo::fromJson(result.json);
    QCOMPARE(video.remixedFromVideoId, id);
    QVERIFY(video.id != id);
    QCOMPARE(logCount(QStringLiteral("remix")), 1);
}

void TestOpenAI::redirectSameHost()
{
    EmulatorConfig config = m_emulator->config();
    config.redirectContent = true;
    QVERIFY(m_emulator->setConfig(config));
    const QString id = completedVideo();
    const QString path = m_dir->filePath(QStringLiteral("redirected.mp4"));
    const CallResult result = awaitCall(m_client->download(id, OpenAIVariant::Video, path));
    QVERIFY2(result.ok, qPrintable(result.error.message + result.error.apiMessage));
    QCOMPARE(fileHead(path, 8).mid(4), QByteArray("ftyp"));
    QCOMPARE(logCount(QStringLiteral("signed_content")), 1);
}

void TestOpenAI::redirectToOtherHostDropsAuthorization()
{
    // The signed URL lives on 127.0.0.2, another host, which refuses an Authorization header.
    EmulatorConfig config = m_emulator->config();
    config.redirectContent = true;
    config.redirectHost = QStringLiteral("127.0.0.2");
    config.signedUrlRejectsAuthorization = true;
    startEmulator(config);
    const QString id = completedVideo();
    QVERIFY(!id.isEmpty());
    const QString path = m_dir->filePath(QStringLiteral("other-host.mp4"));
    const CallResult result = awaitCall(m_client->download(id, OpenAIVariant::Video, path));
    QVERIFY2(result.ok, qPrintable(result.error.message + result.error.apiMessage));
    QCOMPARE(fileHead(path, 8).mid(4), QByteArray("ftyp"));
    bool sawSigned = false;
    for (const RequestLogEntry &entry : m_emulator->requestLog()) {
        if (entry.endpoint == QLatin1String("signed_content")) {
            sawSigned = true;
            QVERIFY2(!entry.authorization, "the key went to another host");
        } else {
            QVERIFY(entry.authorization);
        }
    }
    QVERIFY(sawSigned);
    QVERIFY(!OpenAIClient::sameOrigin(QUrl(QStringLiteral("http://127.0.0.1:80/v1")),
                                      QUrl(QStringLiteral("http://127.0.0.2/x"))));
    QVERIFY(OpenAIClient::sameOrigin(QUrl(QStringLiteral("https://api.example/v1")),
                                     QUrl(QStringLiteral("https://API.example:443/y"))));
    QVERIFY(!OpenAIClient::sameOrigin(QUrl(QStringLiteral("https://api.example/v1")),
                                      QUrl(QStringLiteral("http://api.example/v1"))));
}

// ---------------------------------------------------------------------------------------------

void TestOpenAI::retryRules_data()
{
    QTest::addColumn<QByteArray>("rule");
    QTest::addColumn<int>("attempts");
    QTest::addColumn<bool>("ok");
    QTest::addColumn<QList<qint64>>("delays"); // with jitter fixed at 1
    QTest::addColumn<int>("kind"); // when it fails

    const int none = int(OpenAIError::Kind::None);
    QTest::newRow("429 retry-after-ms")
            << QByteArray(R"({"kind":"rate_limit","target":"retrieve","retry_after_ms":1500})") << 2
            << true << QList<qint64> {1500} << none;
    QTest::newRow("429 retry-after seconds")
            << QByteArray(R"({"kind":"rate_limit","target":"retrieve","retry_after":"3"})") << 2
            << true << QList<qint64> {3000} << none;
    QTest::newRow("429 retry-after beyond 60 s")
            << QByteArray(R"({"kind":"rate_limit","target":"retrieve","retry_after":"120"})") << 2
            << true << QList<qint64> {500} << none;
    QTest::newRow("500 twice") << QByteArray(
            R"({"kind":"server_error","target":"retrieve","count":2})")
                               << 3 << true << QList<qint64> {500, 1000} << none;
    QTest::newRow("503 three times")
            << QByteArray(R"({"kind":"server_error","target":"retrieve","count":3,"status":503})")
            << 3 << false << QList<qint64> {500, 1000} << int(OpenAIError::Kind::Server);
    QTest::newRow("408") << QByteArray(R"({"kind":"error","target":"retrieve","status":408})") << 2
                         << true << QList<qint64> {500} << none;
    QTest::newRow("409") << QByteArray(R"({"kind":"error","target":"retrieve","status":409})") << 2
                         << true << QList<qint64> {500} << none;
    QTest::newRow("400 not retried")
            << QByteArray(R"({"kind":"error","target":"retrieve"})") << 1 << false
            << QList<qint64> {} << int(OpenAIError::Kind::InvalidParameter);
    QTest::newRow("x-should-retry false")
            << QByteArray(R"({"kind":"server_error","target":"retrieve","should_retry":false})")
            << 1 << false << QList<qint64> {} << int(OpenAIError::Kind::Server);
    QTest::newRow("x-should-retry true")
            << QByteArray(R"({"kind":"error","target":"retrieve","should_retry":true})") << 2
            << true << QList<qint64> {500} << none;
    QTest::newRow("insufficient_quota never")
            << QByteArray(R"({"kind":"quota","target":"retrieve","should_retry":true})") << 1
            << false << QList<qint64> {} << int(OpenAIError::Kind::Quota);
    QTest::newRow("connection reset")
            << QByteArray(R"({"kind":"reset","target":"retrieve","after_bytes":10})") << 2 << true
            << QList<qint64> {500} << none;
}

void TestOpenAI::retryRules()
{
    QFETCH(QByteArray, rule);
    QFETCH(int, attempts);
    QFETCH(bool, ok);
    QFETCH(QList<qint64>, delays);
    QFETCH(int, kind);
    const QString id = completedVideo();
    QVERIFY(!id.isEmpty());
    m_delays.delays.clear();
    m_emulator->clearRequestLog();
    m_emulator->addFault(fault(rule.constData()));
    const CallResult result = awaitCall(m_client->retrieve(id));
    QCOMPARE(result.ok, ok);
    QCOMPARE(result.attempts, attempts);
    QCOMPARE(logCount(QStringLiteral("retrieve")), attempts);
    QCOMPARE(m_delays.delays, delays);
    if (!ok) {
        QCOMPARE(int(result.error.kind), kind);
        QVERIFY(!result.error.requestId.isEmpty());
        QCOMPARE(result.error.requestId.toLatin1(), m_emulator->requestLog().constLast().requestId);
    }
}

void TestOpenAI::retryAfterHttpDate()
{
    const QString id = completedVideo();
    m_delays.delays.clear();
    const QByteArray when = QDateTime::currentDateTimeUtc()
                                    .addSecs(10)
                                    .toString(QStringLiteral("ddd, dd MMM yyyy hh:mm:ss 'GMT'"))
                                    .toLatin1();
    m_emulator->addFault(fault(
            QByteArray(R"({"kind":"rate_limit","target":"retrieve","retry_after":")" + when + "\"}")
                    .constData()));
    const CallResult result = awaitCall(m_client->retrieve(id));
    QVERIFY(result.ok);
    QCOMPARE(m_delays.delays.size(), 1);
    QVERIFY2(m_delays.delays.constFirst() > 7000 && m_delays.delays.constFirst() <= 10000,
             qPrintable(QString::number(m_delays.delays.constFirst())));
}

void TestOpenAI::jitterStaysInRange()
{
    const QString id = completedVideo();
    m_client->setRandomSource([] { return 0.9999; });
    m_delays.delays.clear();
    m_emulator->addFault(fault(R"({"kind":"server_error","target":"retrieve","count":2})"));
    QVERIFY(awaitCall(m_client->retrieve(id)).ok);
    QCOMPARE(m_delays.delays.size(), 2);
    QVERIFY(m_delays.delays.at(0) >= 375 && m_delays.delays.at(0) < 400);
    QVERIFY(m_delays.delays.at(1) >= 750 && m_delays.delays.at(1) < 800);
}

void TestOpenAI::timeoutIsRetried()
{
    const QString id = completedVideo();
    OpenAIConfig config = clientConfig();
    config.requestTimeoutMs = 300;
    m_client->setConfig(config);
    m_emulator->addFault(fault(R"({"kind":"slow","target":"retrieve","delay_ms":3000})"));
    const CallResult retried = awaitCall(m_client->retrieve(id));
    QVERIFY2(retried.ok, qPrintable(retried.error.message));
    QCOMPARE(retried.attempts, 2);

    config.maxRetries = 0;
    m_client->setConfig(config);
    m_emulator->addFault(fault(R"({"kind":"slow","target":"retrieve","delay_ms":3000})"));
    const CallResult failed = awaitCall(m_client->retrieve(id));
    QVERIFY(!failed.ok);
    QCOMPARE(failed.error.kind, OpenAIError::Kind::Timeout);
    QVERIFY(failed.error.retryable);
}

// ---------------------------------------------------------------------------------------------

void TestOpenAI::errorMapping_data()
{
    QTest::addColumn<QByteArray>("rule");
    QTest::addColumn<int>("kind");
    QTest::addColumn<int>("status");
    QTest::addColumn<QString>("code");

    QTest::newRow("moderation at create")
            << QByteArray(R"({"kind":"moderation","target":"create"})")
            << int(OpenAIError::Kind::Moderation) << 400 << "moderation_blocked";
    QTest::newRow("invalid parameter") << QByteArray(
            R"({"kind":"error","target":"create","param":"seconds","code":"invalid_value","message":"Invalid value: '5'. Supported values are: '4', '8', and '12'."})")
                                       << int(OpenAIError::Kind::InvalidParameter) << 400
                                       << "invalid_parameter";
    QTest::newRow("organisation not verified") << QByteArray(
            R"({"kind":"error","target":"create","status":403,"type":"invalid_request_error","message":"Your organization must be verified to use the model `sora-2`."})")
                                               << int(OpenAIError::Kind::NotVerified) << 403
                                               << "organization_not_verified";
    QTest::newRow("quota") << QByteArray(R"({"kind":"quota","target":"create"})")
                           << int(OpenAIError::Kind::Quota) << 429 << "insufficient_quota";
    QTest::newRow("rate limit") << QByteArray(
            R"({"kind":"rate_limit","target":"create","count":-1,"retry_after_ms":1})")
                                << int(OpenAIError::Kind::RateLimit) << 429 << "rate_limited";
    QTest::newRow("server error") << QByteArray(
            R"({"kind":"server_error","target":"create","count":-1})")
                                  << int(OpenAIError::Kind::Server) << 500 << "server_error";
}

void TestOpenAI::errorMapping()
{
    QFETCH(QByteArray, rule);
    QFETCH(int, kind);
    QFETCH(int, status);
    QFETCH(QString, code);
    m_emulator->addFault(fault(rule.constData()));
    OpenAICreateParams params;
    params.prompt = kPrompt;
    params.model = QStringLiteral("sora-2");
    params.size = QStringLiteral("1280x720");
    const CallResult result = awaitCall(m_client->create(params));
    QVERIFY(!result.ok);
    QCOMPARE(int(result.error.kind), kind);
    QCOMPARE(result.error.httpStatus, status);
    QCOMPARE(result.error.code(), code);
    QVERIFY(!result.error.message.isEmpty());
    // The request id is the one of an answer the emulator sent with this status.
    bool found = false;
    for (const RequestLogEntry &entry : m_emulator->requestLog())
        found = found
                || (entry.requestId == result.error.requestId.toLatin1() && entry.status == status);
    QVERIFY2(found, qPrintable(result.error.requestId));
    const ProviderError mapped = result.error.toProviderError();
    QCOMPARE(mapped.code, code);
    QCOMPARE(mapped.httpStatus, status);
    QCOMPARE(mapped.requestId, result.error.requestId);
    QCOMPARE(mapped.message, result.error.message);
    QCOMPARE(m_emulator->createdJobCount(), 0);
}

void TestOpenAI::badKey()
{
    OpenAIConfig config = clientConfig();
    config.apiKey = QStringLiteral("wrong-key-not-secret");
    m_client->setConfig(config);
    const CallResult result = awaitCall(m_client->list());
    QVERIFY(!result.ok);
    QCOMPARE(result.error.kind, OpenAIError::Kind::BadKey);
    QCOMPARE(result.error.httpStatus, 401);
    QVERIFY(!result.error.requestId.isEmpty());
    QVERIFY(!result.error.message.contains(QLatin1String("wrong-key")));
    QCOMPARE(result.attempts, 1);
}

void TestOpenAI::networkError()
{
    QTcpServer closed;
    QVERIFY(closed.listen(QHostAddress::LocalHost));
    const quint16 port = closed.serverPort();
    closed.close();
    OpenAIConfig config = clientConfig();
    config.baseUrl = QUrl(QStringLiteral("http://127.0.0.1:%1/v1").arg(port));
    m_client->setConfig(config);
    const CallResult result = awaitCall(m_client->list());
    QVERIFY(!result.ok);
    QCOMPARE(result.error.kind, OpenAIError::Kind::Network);
    QCOMPARE(result.attempts, 3);
    QVERIFY(result.error.retryable);
    QCOMPARE(result.error.toProviderError().code, QStringLiteral("network_error"));
}

void TestOpenAI::shutDownMode()
{
    EmulatorConfig config = m_emulator->config();
    config.shutDown = true;
    QVERIFY(m_emulator->setConfig(config));
    OpenAICreateParams params;
    params.prompt = kPrompt;
    params.model = QStringLiteral("sora-2");
    params.size = QStringLiteral("1280x720");
    const CallResult created = awaitCall(m_client->create(params));
    QVERIFY(!created.ok);
    QCOMPARE(created.error.kind, OpenAIError::Kind::ModelUnavailable);
    QCOMPARE(created.error.httpStatus, 404);
    QCOMPARE(created.attempts, 1);
    QVERIFY(created.error.message.contains(QLatin1String("openai/baseUrl")));
    QVERIFY(created.error.message.contains(QLatin1String("local renderer")));
    const CallResult listed = awaitCall(m_client->list());
    QCOMPARE(listed.error.kind, OpenAIError::Kind::ModelUnavailable);
    QCOMPARE(m_emulator->createdJobCount(), 0);
}

void TestOpenAI::contentExpired()
{
    EmulatorConfig config = m_emulator->config();
    config.clock = QStringLiteral("manual");
    config.expirySeconds = 60;
    startEmulator(config);
    const QString id = completedVideo();
    QVERIFY(!id.isEmpty());
    QVERIFY(m_emulator->advanceClock(120'000));
    const QString path = m_dir->filePath(QStringLiteral("late.mp4"));
    const CallResult result = awaitCall(m_client->download(id, OpenAIVariant::Video, path));
    QVERIFY(!result.ok);
    QCOMPARE(result.error.kind, OpenAIError::Kind::ContentExpired);
    QCOMPARE(result.error.code(), QStringLiteral("content_expired"));
    QVERIFY(!result.error.retryable);
    QVERIFY(!QFile::exists(path));
}

// ---------------------------------------------------------------------------------------------

void TestOpenAI::lostCreateIsAdopted()
{
    // The emulator creates the job, then closes the connection without answering.
    m_emulator->addFault(fault(R"({"kind":"lost_response","target":"create"})"));
    OpenAICreateParams params;
    params.prompt = kPrompt;
    params.model = QStringLiteral("sora-2");
    params.size = QStringLiteral("1280x720");
    const CallResult result = awaitCall(m_client->create(params));
    QVERIFY2(result.ok, qPrintable(result.error.message));
    QVERIFY(result.adopted);
    QCOMPARE(m_emulator->createRequestCount(), 1);
    QCOMPARE(m_emulator->createdJobCount(), 1);
    QCOMPARE(logCount(QStringLiteral("list")), 1);
    QCOMPARE(OpenAIVideo::fromJson(result.json).prompt, kPrompt);
}

void TestOpenAI::droppedCreateIsSentOnce()
{
    // Another job with the same prompt already exists: it must not be taken for ours.
    OpenAICreateParams params;
    params.prompt = kPrompt;
    params.model = QStringLiteral("sora-2");
    params.size = QStringLiteral("1280x720");
    QVERIFY(awaitCall(m_client->create(params)).ok);
    // The connection drops before the emulator handles the create: no job was made.
    m_emulator->addFault(fault(R"({"kind":"drop","target":"create"})"));
    const CallResult result = awaitCall(m_client->create(params));
    QVERIFY2(result.ok, qPrintable(result.error.message));
    QVERIFY(!result.adopted);
    QCOMPARE(m_emulator->createdJobCount(), 2);
    QCOMPARE(m_emulator->createRequestCount(), 3);
    QCOMPARE(logCount(QStringLiteral("list")), 1);
}

void TestOpenAI::serverErrorOnCreateLooksFirst()
{
    m_emulator->addFault(fault(R"({"kind":"server_error","target":"create"})"));
    OpenAICreateParams params;
    params.prompt = kPrompt;
    params.model = QStringLiteral("sora-2");
    params.size = QStringLiteral("1280x720");
    const CallResult result = awaitCall(m_client->create(params));
    QVERIFY(result.ok);
    QCOMPARE(m_emulator->createdJobCount(), 1);
    QCOMPARE(logCount(QStringLiteral("list")), 1);
    QCOMPARE(m_delays.delays, QList<qint64> {500});
}

void TestOpenAI::lostCreateWithoutRetriesIsStillFound()
{
    OpenAIConfig config = clientConfig();
    config.maxRetries = 0;
    m_client->setConfig(config);
    m_emulator->addFault(fault(R"({"kind":"lost_response","target":"create"})"));
    OpenAICreateParams params;
    params.prompt = kPrompt;
    params.model = QStringLiteral("sora-2");
    params.size = QStringLiteral("1280x720");
    const CallResult result = awaitCall(m_client->create(params));
    QVERIFY(result.ok);
    QVERIFY(result.adopted);
    QCOMPARE(m_emulator->createRequestCount(), 1);

    // When the list cannot be read either, nothing is sent again.
    m_emulator->addFault(fault(R"({"kind":"lost_response","target":"create"})"));
    m_emulator->addFault(fault(R"({"kind":"server_error","target":"list","count":-1})"));
    const CallResult unknown = awaitCall(m_client->create(params));
    QVERIFY(!unknown.ok);
    QVERIFY(!unknown.error.retryable);
    QCOMPARE(m_emulator->createRequestCount(), 2);
}

// ---------------------------------------------------------------------------------------------

void TestOpenAI::providerEndToEnd()
{
    auto provider = makeProvider();
    QStringList events;
    connect(provider.get(), &VideoProvider::remoteIdAssigned, this,
            [&](const QString &job, const QString &remote, const QString &requestId) {
                QCOMPARE(job, QStringLiteral("job-1"));
                QVERIFY(!requestId.isEmpty());
                // The id is reported before anything else asks the emulator.
                QCOMPARE(m_emulator->requestLog().size(), 1);
                events << QStringLiteral("remote:") + remote;
            });
    connect(provider.get(), &VideoProvider::progressChanged, this,
            [&](const QString &, int percent) { events << QString::number(percent); });
    QSignalSpy finished(provider.get(), &VideoProvider::finished);
    QSignalSpy failed(provider.get(), &VideoProvider::failed);
    const ProviderRequest job = request(QStringLiteral("job-1"));
    provider->start(job);
    QTRY_VERIFY_WITH_TIMEOUT(finished.count() + failed.count() > 0, 60000);
    QCOMPARE(failed.count(), 0);
    QCOMPARE(finished.first().at(1).toString(), job.outputPath);
    QVERIFY(events.first().startsWith(QLatin1String("remote:video_")));
    QCOMPARE(events.last(), QStringLiteral("100"));
    const MediaInfo info = MediaProbe::probe(job.outputPath);
    QVERIFY2(info.valid, qPrintable(info.error));
    QCOMPARE(fileHead(job.outputPath + QStringLiteral(".webp"), 12).mid(8), QByteArray("WEBP"));
    QCOMPARE(m_emulator->createRequestCount(), 1);
    QCOMPARE(provider->activeJobCount(), 0);
    // The poll interval from settings (10 s) started the backoff.
    QCOMPARE(m_delays.delays.value(0), qint64(10000));
}

void TestOpenAI::providerFinalStatuses_data()
{
    QTest::addColumn<QByteArray>("rule");
    QTest::addColumn<QString>("status");
    QTest::addColumn<QString>("code");
    QTest::newRow("processing completes") << QByteArray() << "processing"
                                          << "";
    QTest::newRow("moderation as a failed job")
            << QByteArray(R"({"kind":"moderation_failed","target":"create"})") << ""
            << "moderation_blocked";
    QTest::newRow("job failed") << QByteArray(R"({"kind":"job_failed","target":"create"})") << ""
                                << "job_failed";
}

void TestOpenAI::providerFinalStatuses()
{
    QFETCH(QByteArray, rule);
    QFETCH(QString, status);
    QFETCH(QString, code);
    EmulatorConfig config = m_emulator->config();
    config.queuedMs = 0;
    config.runMs = 1;
    if (!status.isEmpty())
        config.inProgressStatus = status;
    QVERIFY(m_emulator->setConfig(config));
    if (!rule.isEmpty())
        m_emulator->addFault(fault(rule.constData()));
    auto provider = makeProvider();
    QSignalSpy finished(provider.get(), &VideoProvider::finished);
    QSignalSpy failed(provider.get(), &VideoProvider::failed);
    provider->start(request(QStringLiteral("job-s")));
    QTRY_VERIFY_WITH_TIMEOUT(finished.count() + failed.count() > 0, 60000);
    if (code.isEmpty()) {
        QCOMPARE(finished.count(), 1);
    } else {
        QCOMPARE(failed.count(), 1);
        const ProviderError error = failed.first().at(1).value<ProviderError>();
        QCOMPARE(error.code, code);
        QVERIFY(!error.message.isEmpty());
    }
    QCOMPARE(m_emulator->createRequestCount(), 1);
}

void TestOpenAI::providerResumesWithoutCreate()
{
    const QString id = completedVideo();
    QVERIFY(!id.isEmpty());
    auto provider = makeProvider();
    QSignalSpy assigned(provider.get(), &VideoProvider::remoteIdAssigned);
    QSignalSpy finished(provider.get(), &VideoProvider::finished);
    ProviderRequest job = request(QStringLiteral("job-r"));
    job.remoteId = id;
    provider->start(job);
    QTRY_COMPARE_WITH_TIMEOUT(finished.count(), 1, 60000);
    QCOMPARE(assigned.count(), 0);
    QCOMPARE(m_emulator->createRequestCount(), 1);

    // A resumed job whose content has expired says so and never creates again.
    EmulatorConfig config = m_emulator->config();
    config.clock = QStringLiteral("manual");
    config.expirySeconds = 60;
    config.expiredStatus = true;
    startEmulator(config);
    QCOMPARE(m_settings->setValue("openai/baseUrl", m_emulator->baseUrl()), QString());
    const QString old = completedVideo();
    QVERIFY(m_emulator->advanceClock(3'600'000));
    auto second = makeProvider();
    QSignalSpy failed(second.get(), &VideoProvider::failed);
    job.remoteId = old;
    second->start(job);
    QTRY_COMPARE_WITH_TIMEOUT(failed.count(), 1, 60000);
    QCOMPARE(failed.first().at(1).value<ProviderError>().code, QStringLiteral("job_expired"));
    QCOMPARE(m_emulator->createRequestCount(), 1);
}

void TestOpenAI::providerFindsEarlierCreate()
{
    // An earlier process sent the create and died before it recorded the answer.
    OpenAICreateParams params;
    params.prompt = kPrompt;
    params.model = QStringLiteral("sora-2");
    params.size = QStringLiteral("1280x720");
    const qint64 before = QDateTime::currentMSecsSinceEpoch();
    OpenAIClient other;
    other.setConfig(clientConfig());
    const CallResult earlier = awaitCall(other.create(params));
    QVERIFY(earlier.ok);

    auto provider = makeProvider();
    QSignalSpy assigned(provider.get(), &VideoProvider::remoteIdAssigned);
    QSignalSpy finished(provider.get(), &VideoProvider::finished);
    ProviderRequest job = request(QStringLiteral("job-m"));
    job.mayHaveCreated = true;
    job.createdAfterMs = before;
    provider->start(job);
    QTRY_COMPARE_WITH_TIMEOUT(finished.count(), 1, 60000);
    QCOMPARE(assigned.count(), 1);
    QCOMPARE(assigned.first().at(1).toString(), earlier.json.value(QLatin1String("id")).toString());
    QCOMPARE(m_emulator->createRequestCount(), 1);

    // Nothing to find: it creates, once.
    job.jobId = QStringLiteral("job-n");
    job.prompt = kPrompt + QStringLiteral(" (another)");
    provider->start(job);
    QTRY_COMPARE_WITH_TIMEOUT(finished.count(), 2, 60000);
    QCOMPARE(m_emulator->createRequestCount(), 2);
}

void TestOpenAI::providerResumesResetDownload()
{
    m_emulator->addFault(fault(
            R"({"kind":"reset","target":"content","variant":"video","after_bytes":2000,"count":2})"));
    auto provider = makeProvider();
    QSignalSpy finished(provider.get(), &VideoProvider::finished);
    QSignalSpy failed(provider.get(), &VideoProvider::failed);
    const ProviderRequest job = request(QStringLiteral("job-d"));
    provider->start(job);
    QTRY_VERIFY_WITH_TIMEOUT(finished.count() + failed.count() > 0, 60000);
    QCOMPARE(failed.count(), 0);
    QVERIFY(MediaProbe::probe(job.outputPath).valid);
    QCOMPARE(m_emulator->createRequestCount(), 1);
    // Byte for byte what a clean download gives.
    const QString clean = m_dir->filePath(QStringLiteral("clean.mp4"));
    const QString remote = m_emulator->requestLog().constFirst().videoId;
    QVERIFY(awaitCall(m_client->download(remote, OpenAIVariant::Video, clean)).ok);
    QCOMPARE(TestSupport::sha256Of(job.outputPath), TestSupport::sha256Of(clean));
    int videoDownloads = 0;
    for (const RequestLogEntry &entry : m_emulator->requestLog())
        videoDownloads += entry.endpoint == QLatin1String("content")
                && !entry.query.contains(QLatin1String("thumbnail"));
    QCOMPARE(videoDownloads, 4); // two reset, the resumed one, the clean one
}

std::unique_ptr<TestOpenAI::Library> TestOpenAI::makeLibrary()
{
    auto library = std::make_unique<Library>();
    Database::Config config;
    config.sqlitePath = m_dir->filePath(QStringLiteral("jobs.sqlite"));
    if (!library->database.open(config))
        return {};
    library->store = std::make_unique<JobStore>(&library->database);
    library->videos = std::make_unique<VideoStore>(m_dir->filePath(QStringLiteral("videos")));
    if (!library->videos->ensureWritable())
        return {};
    library->manager = std::make_unique<JobManager>(library->store.get(), library->videos.get(),
                                                    m_settings.get(), &library->clock);
    library->manager->addProvider(makeProvider().release());
    library->manager->start();
    return library;
}

QList<RequestLogEntry> TestOpenAI::videoDownloads() const
{
    QList<RequestLogEntry> entries;
    for (const RequestLogEntry &entry : m_emulator->requestLog()) {
        if (entry.endpoint == QLatin1String("content")
            && !entry.query.contains(QLatin1String("thumbnail")))
            entries << entry;
    }
    return entries;
}

JobSpec openAISpec(qint64 runId)
{
    JobSpec spec;
    spec.runId = runId;
    spec.drillText = QStringLiteral("ウォールドリル");
    spec.provider = QStringLiteral("openai");
    spec.model = QStringLiteral("sora-2");
    spec.size = QSize(1280, 720);
    spec.seconds = 4;
    spec.promptTemplate = Settings::defaultPromptTemplate();
    return spec;
}

// The connection is cut after 2000 bytes; the next request asks for the rest with Range and
// If-Range, the emulator counts what it sent, and nothing is sent twice.
void TestOpenAI::resumedDownloadFetchesOnlyTheRest()
{
    constexpr qint64 kCut = 2000;
    m_emulator->addFault(
            fault(R"({"kind":"reset","target":"content","variant":"video","after_bytes":2000})"));
    auto library = makeLibrary();
    QVERIFY(library);
    JobManager *jobs = library->manager.get();
    QList<QPair<qint64, qint64>> progress;
    QStringList statusAtDownload;
    connect(jobs, &JobManager::jobDownloadProgress, this,
            [&](const QString &jobId, qint64 bytes, qint64 total) {
                if (progress.isEmpty()) {
                    // Recorded once, before the first byte is reported.
                    const auto job = library->store->job(jobId);
                    statusAtDownload << (job ? jobStatusToString(job->status) : QString());
                }
                progress << qMakePair(bytes, total);
            });
    QSignalSpy finished(jobs, &JobManager::jobFinished);
    QSignalSpy failed(jobs, &JobManager::jobFailed);
    const JobManager::Submission submission = jobs->submit(openAISpec(7));
    QCOMPARE(submission.kind, JobManager::Submission::Kind::Started);
    QTRY_VERIFY_WITH_TIMEOUT(finished.count() + failed.count() > 0, 60000);
    QCOMPARE(failed.count(), 0);
    const JobRecord job = finished.first().at(0).value<JobRecord>();
    const QString committed = library->videos->absolutePath(job.filePath);
    const qint64 length = QFileInfo(committed).size();
    QVERIFY2(length > kCut, "the content must be longer than the cut");

    // Two requests for the video: the cut one, then exactly the missing bytes.
    const QList<RequestLogEntry> downloads = videoDownloads();
    QCOMPARE(downloads.size(), 2);
    QCOMPARE(downloads.at(0).fault, QStringLiteral("reset"));
    QCOMPARE(downloads.at(0).bytesSent, kCut);
    QVERIFY(downloads.at(0).range.isEmpty());
    QCOMPARE(downloads.at(1).range, QStringLiteral("bytes=%1-").arg(kCut));
    QVERIFY(!downloads.at(1).ifRange.isEmpty());
    QCOMPARE(downloads.at(1).status, 206);
    QCOMPARE(downloads.at(1).bytesSent, length - kCut);
    QCOMPARE(downloads.at(0).bytesSent + downloads.at(1).bytesSent, length);
    QCOMPARE(m_emulator->createRequestCount(), 1);

    // The committed file is byte for byte the service's content.
    const QString clean = m_dir->filePath(QStringLiteral("clean.mp4"));
    QVERIFY(awaitCall(m_client->download(job.remoteId, OpenAIVariant::Video, clean)).ok);
    QCOMPARE(QFileInfo(clean).size(), length);
    QCOMPARE(TestSupport::sha256Of(committed), TestSupport::sha256Of(clean));
    QCOMPARE(job.sha256.toLatin1(), TestSupport::sha256Of(clean));

    // Downloading was recorded when the download began, and the bytes were reported as they
    // came, the resumed part counting on from the cut.
    QCOMPARE(statusAtDownload, QStringList {QStringLiteral("downloading")});
    QVERIFY(progress.size() >= 2);
    QCOMPARE(progress.first(), qMakePair(qint64(0), qint64(-1)));
    QCOMPARE(progress.last(), qMakePair(length, length));
    for (qsizetype i = 1; i < progress.size(); ++i)
        QVERIFY(progress.at(i).first >= progress.at(i - 1).first);
    QVERIFY(std::any_of(progress.cbegin(), progress.cend(),
                        [&](const auto &p) { return p.first == kCut; }));
    QCOMPARE(library->store->job(job.id)->status, JobStatus::Completed);
}

void TestOpenAI::badDownloadIsRejected_data()
{
    QTest::addColumn<QByteArray>("rule");
    QTest::addColumn<qint64>("maxBytes");
    QTest::addColumn<QString>("code");
    QTest::addColumn<QString>("words");
    QTest::newRow("larger than openai/maxDownloadBytes")
            << QByteArray() << qint64(1024) << "too_large"
            << "larger than allowed (openai/maxDownloadBytes)";
    QTest::newRow("not an MP4") << QByteArray(
            R"({"kind":"not_a_video","target":"content","variant":"video"})")
                                << qint64(0) << "invalid_video"
                                << "not an MP4 video";
}

void TestOpenAI::badDownloadIsRejected()
{
    QFETCH(QByteArray, rule);
    QFETCH(qint64, maxBytes);
    QFETCH(QString, code);
    QFETCH(QString, words);
    if (maxBytes > 0)
        QCOMPARE(m_settings->setValue("openai/maxDownloadBytes", maxBytes), QString());
    if (!rule.isEmpty())
        m_emulator->addFault(fault(rule.constData()));
    auto library = makeLibrary();
    QVERIFY(library);
    QSignalSpy finished(library->manager.get(), &JobManager::jobFinished);
    QSignalSpy failed(library->manager.get(), &JobManager::jobFailed);
    library->manager->submit(openAISpec(8));
    QTRY_VERIFY_WITH_TIMEOUT(finished.count() + failed.count() > 0, 60000);
    QCOMPARE(finished.count(), 0);
    const JobRecord job = failed.first().at(0).value<JobRecord>();
    qInfo().noquote() << "the coach reads:" << job.errorMessage;
    QCOMPARE(job.errorCode, code);
    QCOMPARE(job.status, JobStatus::Failed);
    QVERIFY(!job.errorMessage.isEmpty());
    if (!words.isEmpty())
        QVERIFY2(job.errorMessage.contains(words), qPrintable(job.errorMessage));
    QCOMPARE(library->store->job(job.id)->status, JobStatus::Failed);
    // Nothing is left behind: no video, no temporary file, no thumbnail.
    const QStringList left = QDir(library->videos->directory())
                                     .entryList(QDir::Files | QDir::Hidden | QDir::System);
    QVERIFY2(left.isEmpty(), qPrintable(left.join(u", ")));
    QCOMPARE(m_emulator->createRequestCount(), 1);
    QCOMPARE(videoDownloads().size(), 1);
}

void TestOpenAI::providerTimesOut()
{
    EmulatorConfig config = m_emulator->config();
    config.queuedMs = 24 * 3600 * 1000;
    QVERIFY(m_emulator->setConfig(config));
    QCOMPARE(m_settings->setValue("jobs/timeoutSeconds", 60), QString());
    ManualClock clock(QDateTime::currentDateTimeUtc());
    m_delays.clock = &clock; // every wait moves this clock, nothing sleeps
    auto provider = makeProvider(&clock);
    QSignalSpy assigned(provider.get(), &VideoProvider::remoteIdAssigned);
    QSignalSpy failed(provider.get(), &VideoProvider::failed);
    provider->start(request(QStringLiteral("job-t")));
    QTRY_COMPARE_WITH_TIMEOUT(failed.count(), 1, 60000);
    QCOMPARE(assigned.count(), 1);
    const ProviderError error = failed.first().at(1).value<ProviderError>();
    QCOMPARE(error.code, QStringLiteral("job_timeout"));
    QVERIFY(error.retryable);
    QCOMPARE(m_emulator->createRequestCount(), 1);
    qint64 waited = 0;
    for (qint64 delay : std::as_const(m_delays.delays))
        waited += delay;
    QCOMPARE(waited, qint64(60000)); // the last wait is cut to the deadline
}

void TestOpenAI::providerCancel()
{
    EmulatorConfig config = m_emulator->config();
    config.queuedMs = 24 * 3600 * 1000;
    QVERIFY(m_emulator->setConfig(config));
    auto provider = makeProvider();
    // Real waits here: the cancel comes while the provider waits for its next poll.
    provider->setDelayFunction(openAIDefaultDelay());
    QSignalSpy assigned(provider.get(), &VideoProvider::remoteIdAssigned);
    QSignalSpy failed(provider.get(), &VideoProvider::failed);
    provider->start(request(QStringLiteral("job-c")));
    QTRY_COMPARE_WITH_TIMEOUT(assigned.count(), 1, 30000);
    provider->cancel(QStringLiteral("job-c"));
    QCOMPARE(failed.count(), 0); // reported asynchronously
    QTRY_COMPARE(failed.count(), 1);
    QCOMPARE(failed.first().at(1).value<ProviderError>().code, QStringLiteral("cancelled"));
    QCOMPARE(provider->activeJobCount(), 0);
    QCOMPARE(provider->client()->activeCallCount(), 0);
}

void TestOpenAI::providerChecksSizeBeforeSending()
{
    auto provider = makeProvider();
    QSignalSpy failed(provider.get(), &VideoProvider::failed);
    ProviderRequest job = request(QStringLiteral("job-v"));
    job.size = QSize(640, 480);
    provider->start(job);
    QCOMPARE(failed.count(), 0); // never from inside start()
    QTRY_COMPARE(failed.count(), 1);
    ProviderError error = failed.first().at(1).value<ProviderError>();
    QCOMPARE(error.code, QStringLiteral("invalid_parameter"));
    QVERIFY(error.message.contains(QLatin1String("640x480")));
    job.size = QSize(1280, 720);
    job.seconds = 5;
    provider->start(job);
    QTRY_COMPARE(failed.count(), 2);
    QVERIFY(failed.last().at(1).value<ProviderError>().message.contains(QLatin1String("4, 8, 12")));
    QCOMPARE(m_emulator->requestLog().size(), 0);
}

void TestOpenAI::providerWithoutKey()
{
    qunsetenv("OPENAI_API_KEY");
    auto provider = makeProvider();
    QSignalSpy failed(provider.get(), &VideoProvider::failed);
    provider->start(request(QStringLiteral("job-k")));
    QTRY_COMPARE(failed.count(), 1);
    qputenv("OPENAI_API_KEY", kKey.toUtf8());
    QCOMPARE(failed.first().at(1).value<ProviderError>().code, QStringLiteral("no_api_key"));
    QCOMPARE(m_emulator->requestLog().size(), 0);

    // A .env file named in the settings is the next source.
    qunsetenv("OPENAI_API_KEY");
    const QString envPath = m_dir->filePath(QStringLiteral("openai.env"));
    QFile file(envPath);
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write("# the key\nOPENAI_API_KEY=\"" + kKey.toUtf8() + "\"\n");
    file.close();
    QCOMPARE(m_settings->setValue("openai/envFile", envPath), QString());
    QSignalSpy finished(provider.get(), &VideoProvider::finished);
    provider->start(request(QStringLiteral("job-e")));
    QTRY_VERIFY_WITH_TIMEOUT(finished.count() + failed.count() > 1, 60000);
    qputenv("OPENAI_API_KEY", kKey.toUtf8());
    QCOMPARE(finished.count(), 1);
}

void TestOpenAI::providerShutDownMessage()
{
    EmulatorConfig config = m_emulator->config();
    config.shutDown = true;
    QVERIFY(m_emulator->setConfig(config));
    auto provider = makeProvider();
    QSignalSpy failed(provider.get(), &VideoProvider::failed);
    provider->start(request(QStringLiteral("job-x")));
    QTRY_COMPARE_WITH_TIMEOUT(failed.count(), 1, 30000);
    const ProviderError error = failed.first().at(1).value<ProviderError>();
    QCOMPARE(error.code, QStringLiteral("model_unavailable"));
    QCOMPARE(error.httpStatus, 404);
    QVERIFY(!error.requestId.isEmpty());
    QVERIFY(error.message.contains(QLatin1String("no longer offers this model")));
    QVERIFY(!error.retryable);
}

void TestOpenAI::providerRefusesClearTextToAnotherHost()
{
    // An emulator on every interface, reached through this machine's own network address: an
    // http:// address that is not loopback, where every request that arrives is counted.
    QHostAddress lan;
    for (const QHostAddress &address : QNetworkInterface::allAddresses()) {
        if (address.protocol() == QAbstractSocket::IPv4Protocol && !address.isLoopback()) {
            lan = address;
            break;
        }
    }
    if (lan.isNull())
        QSKIP("this machine has no network address other than loopback");
    SoraEmulator remote(m_emulator->config());
    const quint16 port = remote.listen(QHostAddress::AnyIPv4);
    QVERIFY(port != 0);
    QSignalSpy requests(&remote, &SoraEmulator::requestLogged);
    QCOMPARE(m_settings->setValue("openai/baseUrl",
                                  QStringLiteral("http://%1:%2/v1").arg(lan.toString()).arg(port)),
             QString());

    auto provider = makeProvider();
    QSignalSpy failed(provider.get(), &VideoProvider::failed);
    provider->start(request(QStringLiteral("job-h")));
    QTRY_COMPARE_WITH_TIMEOUT(failed.count(), 1, 30000);
    const ProviderError error = failed.first().at(1).value<ProviderError>();
    QVERIFY2(error.message.contains(QLatin1String("unencrypted"))
                     && error.message.contains(QLatin1String("openai/allowInsecure=true")),
             qPrintable(error.message));
    QVERIFY(!error.retryable);
    QCOMPARE(requests.count(), 0);
    QCOMPARE(remote.createRequestCount(), 0);

    // Allowed on purpose: the job runs, and the log says the key went unencrypted.
    QCOMPARE(m_settings->setValue("openai/allowInsecure", true), QString());
    {
        QMutexLocker locker(&g_logMutex);
        g_log.clear();
    }
    g_previousHandler = qInstallMessageHandler(captureMessage);
    auto allowed = makeProvider();
    QSignalSpy finished(allowed.get(), &VideoProvider::finished);
    allowed->start(request(QStringLiteral("job-i")));
    QTRY_COMPARE_WITH_TIMEOUT(finished.count(), 1, 60000);
    qInstallMessageHandler(g_previousHandler);
    QCOMPARE(remote.createRequestCount(), 1);
    QMutexLocker locker(&g_logMutex);
    QVERIFY(std::any_of(g_log.cbegin(), g_log.cend(), [](const QString &line) {
        return line.contains(QLatin1String("the API key is sent unencrypted"));
    }));
}

// ---------------------------------------------------------------------------------------------

void TestOpenAI::keyNeverLogged()
{
    QLoggingCategory::setFilterRules(QStringLiteral("drillstudio.*.debug=true"));
    {
        QMutexLocker locker(&g_logMutex);
        g_log.clear();
    }
    g_previousHandler = qInstallMessageHandler(captureMessage);
    {
        m_emulator->addFault(fault(R"({"kind":"lost_response","target":"create"})"));
        m_emulator->addFault(fault(R"({"kind":"server_error","target":"retrieve"})"));
        auto provider = makeProvider();
        QSignalSpy finished(provider.get(), &VideoProvider::finished);
        provider->start(request(QStringLiteral("job-l")));
        QTRY_COMPARE_WITH_TIMEOUT(finished.count(), 1, 60000);
        // And a refused key.
        OpenAIConfig config = clientConfig();
        config.apiKey = kKey + QStringLiteral("-wrong");
        m_client->setConfig(config);
        QVERIFY(!awaitCall(m_client->list()).ok);
        qDebug() << m_client->config();
    }
    qInstallMessageHandler(g_previousHandler);
    QLoggingCategory::setFilterRules(QString());
    QMutexLocker locker(&g_logMutex);
    QVERIFY(g_log.size() > 5);
    for (const QString &line : std::as_const(g_log))
        QVERIFY2(!line.contains(kKey), qPrintable(line));
}

void TestOpenAI::cliEndToEnd()
{
    QVERIFY2(QFileInfo(TestSupport::cliPath()).isExecutable(), "DRILLSTUDIO_CLI is not set");
    const QString dataDir = m_dir->filePath(QStringLiteral("data"));
    QVERIFY(QDir().mkpath(dataDir));
    {
        // Short polls; the address is given on the command line only.
        Settings settings(QDir(dataDir).filePath(QStringLiteral("settings.ini")));
        QCOMPARE(settings.setValue("openai/pollIntervalSeconds", 1), QString());
    }
    QProcess process;
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(QStringLiteral("OPENAI_API_KEY"), kKey);
    env.remove(QStringLiteral("DRILLSTUDIO_DATA_DIR"));
    process.setProcessEnvironment(env);
    // While drillstudio talks to the emulator, read what every process of its tree shows to
    // others: the command lines, and the environment of drillstudio itself (where the key is,
    // which proves these reads see the real process).
    QByteArray cmdline;
    QByteArrayList treeCmdlines;
    QByteArray environment;
    connect(m_emulator.get(), &SoraEmulator::requestLogged, this,
            [&](const RequestLogEntry &entry) {
                if (entry.endpoint != QLatin1String("create") || process.processId() <= 0)
                    return;
                cmdline = readAll(QStringLiteral("/proc/%1/cmdline").arg(process.processId()));
                environment = readAll(QStringLiteral("/proc/%1/environ").arg(process.processId()));
                for (const qint64 pid : processTree(process.processId()))
                    treeCmdlines << readAll(QStringLiteral("/proc/%1/cmdline").arg(pid));
            });
    process.start(TestSupport::cliPath(),
                  {QStringLiteral("generate"), QStringLiteral("--provider"),
                   QStringLiteral("openai"), QStringLiteral("--base-url"), m_emulator->baseUrl(),
                   QStringLiteral("--model"), QStringLiteral("sora-2"),
                   QStringLiteral("--data-dir"), dataDir, QStringLiteral("--run-id"),
                   QStringLiteral("42"), QStringLiteral("--drill"),
                   QStringLiteral("【💪 おすすめの補強ドリル】\nもも上げ 20m×3")});
    QVERIFY(process.waitForStarted());
    QTRY_VERIFY_WITH_TIMEOUT(process.state() == QProcess::NotRunning, 120000);
    const QString out = QString::fromUtf8(process.readAllStandardOutput()).trimmed();
    const QString err = QString::fromUtf8(process.readAllStandardError());
    QVERIFY2(process.exitStatus() == QProcess::NormalExit && process.exitCode() == 0,
             qPrintable(err));
    QCOMPARE(m_emulator->createRequestCount(), 1);
    QCOMPARE(m_emulator->createdJobCount(), 1);
    const MediaInfo info = MediaProbe::probe(out, true);
    QVERIFY2(info.valid, qPrintable(out + QLatin1Char(' ') + info.error));
    QCOMPARE(info.codec, QStringLiteral("h264"));
    QVERIFY(info.frameCount > 0);

    // The key is on no command line, in no file of the data folder, in no output.
    QVERIFY(cmdline.contains("generate") && cmdline.contains("--base-url"));
    QVERIFY(environment.split('\0').contains("OPENAI_API_KEY=" + kKey.toUtf8()));
    QVERIFY(!treeCmdlines.isEmpty());
    for (const QByteArray &line : std::as_const(treeCmdlines))
        QVERIFY2(!line.contains(kKey.toUtf8()), "the API key is on a command line");
    QVERIFY(!out.contains(kKey) && !err.contains(kKey));
    QDirIterator files(dataDir, QDir::Files | QDir::Hidden, QDirIterator::Subdirectories);
    int scanned = 0;
    while (files.hasNext()) {
        const QString path = files.next();
        QVERIFY2(!readAll(path).contains(kKey.toUtf8()), qPrintable(path));
        ++scanned;
    }
    QVERIFY(QFile::exists(QDir(dataDir).filePath(QStringLiteral("library.sqlite"))));
    QVERIFY(scanned >= 3);
    // The address was for this call only.
    Settings after(QDir(dataDir).filePath(QStringLiteral("settings.ini")));
    QCOMPARE(after.string("openai/baseUrl"), QStringLiteral("https://api.openai.com/v1"));
}

QTEST_MAIN(TestOpenAI)
#include "tst_openai.moc"
