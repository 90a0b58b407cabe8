// The sora-emulator executable: it prints its port, serves, refuses bad options, and the official
// `openai` npm SDK completes jobs against it (the independent proof of the protocol).
#include <QDir>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QProcess>
#include <QRegularExpression>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTest>

namespace {

const QByteArray kKey = "test-key-not-secret";

// A running sora-emulator process; stopped (by its own pid) when this goes out of scope.
class EmulatorProcess
{
public:
    ~EmulatorProcess()
    {
        if (m_process.state() != QProcess::NotRunning) {
            m_process.terminate();
            if (!m_process.waitForFinished(5000)) {
                m_process.kill();
                m_process.waitForFinished();
            }
        }
    }

    // Starts the emulator and waits for its "listening on URL" line; returns the base URL.
    QString start(const QStringList &arguments)
    {
        m_process.setProgram(QStringLiteral(SORA_EMULATOR_PATH));
        m_process.setArguments(arguments);
        m_process.setProcessChannelMode(QProcess::SeparateChannels);
        m_process.start();
        if (!m_process.waitForStarted())
            return {};
        QSignalSpy output(&m_process, &QProcess::readyReadStandardOutput);
        QByteArray text;
        while (!text.contains('\n')) {
            if (m_process.state() == QProcess::NotRunning
                || (!m_process.bytesAvailable() && !output.wait(20000)))
                return {};
            text += m_process.readAllStandardOutput();
        }
        const QString firstLine = QString::fromUtf8(text.left(text.indexOf('\n')));
        const QRegularExpressionMatch match
                = QRegularExpression(
                          QStringLiteral("^listening on (http://127\\.0\\.0\\.1:(\\d+)/v1)$"))
                          .match(firstLine);
        if (!match.hasMatch() || match.captured(2).toInt() <= 0)
            return {};
        return match.captured(1);
    }

    QProcess &process() { return m_process; }

private:
    QProcess m_process;
};

struct Answer
{
    int status = 0;
    QJsonObject json;
};

Answer request(QNetworkAccessManager &network, const QByteArray &method, const QUrl &url,
               const QByteArray &body = {})
{
    QNetworkRequest request(url);
    request.setRawHeader("Authorization", "Bearer " + kKey);
    if (!body.isEmpty())
        request.setHeader(QNetworkRequest::ContentTypeHeader,
                          QByteArrayLiteral("application/json"));
    QNetworkReply *reply = network.sendCustomRequest(request, method, body);
    QSignalSpy finished(reply, &QNetworkReply::finished);
    Answer answer;
    if (reply->isFinished() || finished.wait(30000)) {
        answer.status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
        answer.json = QJsonDocument::fromJson(reply->readAll()).object();
    }
    delete reply;
    return answer;
}

} // namespace

class TestEmulatorCli : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void printsPortAndServes();
    void refusesBadOptions_data();
    void refusesBadOptions();
    void officialSdkCompletesJobs_data();
    void officialSdkCompletesJobs();

private:
    QNetworkAccessManager m_network;
};

void TestEmulatorCli::printsPortAndServes()
{
    EmulatorProcess emulator;
    const QString base = emulator.start(
            {QStringLiteral("--port"), QStringLiteral("0"), QStringLiteral("--api-key"),
             QString::fromLatin1(kKey), QStringLiteral("--tiny"), QStringLiteral("--instant"),
             QStringLiteral("--fault"),
             QStringLiteral(R"({"kind":"rate_limit","target":"list"})")});
    QVERIFY2(!base.isEmpty(), emulator.process().readAllStandardError().constData());

    QCOMPARE(request(m_network, "GET", QUrl(base + QStringLiteral("/videos"))).status, 429);
    const Answer list = request(m_network, "GET", QUrl(base + QStringLiteral("/videos")));
    QCOMPARE(list.status, 200);
    QCOMPARE(list.json.value(u"object").toString(), QStringLiteral("list"));

    const Answer created = request(m_network, "POST", QUrl(base + QStringLiteral("/videos")),
                                   R"({"prompt":"jump rope","size":"1280x720"})");
    QCOMPARE(created.status, 200);
    const QString id = created.json.value(u"id").toString();
    const Answer retrieved
            = request(m_network, "GET", QUrl(base + QStringLiteral("/videos/") + id));
    QCOMPARE(retrieved.json.value(u"status").toString(), QStringLiteral("completed"));

    const QString root = base.chopped(3);
    const Answer state = request(m_network, "GET", QUrl(root + QStringLiteral("/_emulator/state")));
    QCOMPARE(state.json.value(u"creates").toInt(), 1);
    QCOMPARE(state.json.value(u"tiny_content").toBool(), true);
}

void TestEmulatorCli::refusesBadOptions_data()
{
    QTest::addColumn<QStringList>("arguments");
    QTest::newRow("bad profile") << QStringList {QStringLiteral("--profile"),
                                                 QStringLiteral("1999")};
    QTest::newRow("bad fault") << QStringList {QStringLiteral("--fault"),
                                               QStringLiteral("{\"kind\":\"nope\"}")};
    QTest::newRow("fault not JSON")
            << QStringList {QStringLiteral("--fault"), QStringLiteral("rate_limit")};
    QTest::newRow("bad number") << QStringList {QStringLiteral("--run-ms"), QStringLiteral("soon")};
    QTest::newRow("remote redirect host")
            << QStringList {QStringLiteral("--redirect-host"), QStringLiteral("192.0.2.1")};
}

void TestEmulatorCli::refusesBadOptions()
{
    QFETCH(QStringList, arguments);
    QProcess process;
    process.start(QStringLiteral(SORA_EMULATOR_PATH), arguments);
    QVERIFY(process.waitForFinished(20000));
    QCOMPARE(process.exitStatus(), QProcess::NormalExit);
    QCOMPARE(process.exitCode(), 2);
    QVERIFY(process.readAllStandardOutput().isEmpty());
    QVERIFY(process.readAllStandardError().contains("sora-emulator:"));
}

void TestEmulatorCli::officialSdkCompletesJobs_data()
{
    QTest::addColumn<QStringList>("options");
    QTest::newRow("direct content") << QStringList();
    // Downloads answered by 302 to a signed URL on another loopback host, which refuses a
    // forwarded Authorization header: the SDK must follow without sending its key there.
    QTest::newRow("signed redirect")
            << QStringList {QStringLiteral("--redirect"), QStringLiteral("--redirect-host"),
                            QStringLiteral("127.0.0.2"), QStringLiteral("--config"),
                            QStringLiteral(R"({"signed_url_rejects_authorization":true})")};
}

void TestEmulatorCli::officialSdkCompletesJobs()
{
    QFETCH(QStringList, options);
    // quickstart.sh test sets DRILLSTUDIO_REQUIRE_SDK: there a missing SDK is a failure.
    const bool required = qEnvironmentVariableIntValue("DRILLSTUDIO_REQUIRE_SDK") != 0;
    auto cannotRun = [required](const char *why) {
        if (required)
            QFAIL(why);
        QSKIP(why);
    };
    const QString node = QStandardPaths::findExecutable(QStringLiteral("node"));
    const QDir project(QStringLiteral(DRILLSTUDIO_SOURCE_DIR "/tests/node"));
    if (node.isEmpty())
        return cannotRun("node is not installed (packaging/setup-debian.sh installs it)");
    QProcess version;
    version.start(node, {QStringLiteral("--version")});
    QVERIFY(version.waitForFinished(20000));
    const int major = QString::fromLatin1(version.readAllStandardOutput())
                              .mid(1)
                              .section(u'.', 0, 0)
                              .toInt();
    // The floor of tests/node/package.json's "engines" (Debian 12 ships Node.js 18).
    if (major < 18)
        return cannotRun("the pinned openai SDK needs Node.js 18 or newer");
    if (!QFileInfo::exists(project.filePath(QStringLiteral("node_modules/openai/package.json"))))
        return cannotRun("tests/node/node_modules is missing: run packaging/setup-debian.sh "
                         "(or npm ci --prefix tests/node)");

    EmulatorProcess emulator;
    const QString base = emulator.start(
            QStringList {QStringLiteral("--port"), QStringLiteral("0"), QStringLiteral("--api-key"),
                         QString::fromLatin1(kKey), QStringLiteral("--tiny"),
                         QStringLiteral("--shared-content"), QStringLiteral("--queued-ms"),
                         QStringLiteral("30"), QStringLiteral("--run-ms"), QStringLiteral("60")}
            + options);
    QVERIFY(!base.isEmpty());

    QProcess sdk;
    QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
    environment.insert(QStringLiteral("OPENAI_API_KEY"), QString::fromLatin1(kKey));
    sdk.setProcessEnvironment(environment);
    sdk.setWorkingDirectory(project.path());
    const int jobs = 4;
    sdk.start(node,
              {project.filePath(QStringLiteral("sdk_jobs.mjs")), QStringLiteral("--base-url"), base,
               QStringLiteral("--jobs"), QString::number(jobs), QStringLiteral("--concurrency"),
               QStringLiteral("2"), QStringLiteral("--poll-ms"), QStringLiteral("20"),
               QStringLiteral("--variants"), QStringLiteral("video,thumbnail,spritesheet")});
    QVERIFY(sdk.waitForStarted());
    QVERIFY(sdk.waitForFinished(120000));
    const QByteArray out = sdk.readAllStandardOutput();
    const QByteArray err = sdk.readAllStandardError();
    QVERIFY2(sdk.exitStatus() == QProcess::NormalExit && sdk.exitCode() == 0,
             QByteArray(out + err).constData());
    const QJsonObject result = QJsonDocument::fromJson(out.trimmed()).object();
    QCOMPARE(result.value(u"jobs").toInt(), jobs);
    QCOMPARE(result.value(u"ok").toInt(), jobs);
    QVERIFY(result.value(u"wall_ms").toDouble() > 0);
    QVERIFY(result.value(u"cpu_ms").toDouble() > 0);
    QVERIFY(result.value(u"peak_rss_bytes").toDouble() > 0);

    // One create per job, and every request the SDK made was answered with success.
    const QString root = base.chopped(3);
    const Answer log = request(m_network, "GET", QUrl(root + QStringLiteral("/_emulator/log")));
    QCOMPARE(log.json.value(u"creates").toInt(), jobs);
    QCOMPARE(log.json.value(u"create_requests").toInt(), jobs);
    const int redirectStatus = options.isEmpty() ? 200 : 302;
    int signedDownloads = 0;
    for (const QJsonValue &entry : log.json.value(u"entries").toArray()) {
        const QString endpoint = entry[u"endpoint"].toString();
        const int expected = endpoint == u"content" ? redirectStatus : 200;
        QVERIFY2(entry[u"status"].toInt() == expected, qPrintable(entry[u"path"].toString()));
        if (endpoint == u"signed_content") {
            ++signedDownloads;
            QVERIFY(!entry[u"authorization"].toBool());
        }
    }
    QCOMPARE(signedDownloads, options.isEmpty() ? 0 : jobs * 3);
}

QTEST_GUILESS_MAIN(TestEmulatorCli)
#include "tst_emulator_cli.moc"
