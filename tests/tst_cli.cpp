// The drillstudio command line, end to end: a real process, a real data folder, a real MP4.
#include "mediaprobe.h"
#include "settings.h"
#include "testsupport.h"

#include <QDate>
#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QFileInfo>
#include <QHostAddress>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLocale>
#include <QNetworkAccessManager>
#include <QNetworkInterface>
#include <QNetworkReply>
#include <QRegularExpression>
#include <QSettings>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

#include <unistd.h>

using TestSupport::runCli;

namespace {

const QString kDrill = QStringLiteral("もも上げ 20m×3");

QStringList withDir(const QTemporaryDir &dir, QStringList arguments)
{
    arguments << QStringLiteral("--data-dir") << dir.path();
    return arguments;
}

QStringList videoFiles(const QTemporaryDir &dir)
{
    return QDir(dir.filePath(QStringLiteral("videos")))
            .entryList(QDir::Files | QDir::Hidden | QDir::NoDotAndDotDot);
}

// A short local video for run `run`: the path of its MP4, or empty (and a failed check).
QString generateShort(const QTemporaryDir &dir, const QString &run, const QString &drill)
{
    const auto result = runCli(
            withDir(dir,
                    {QStringLiteral("generate"), QStringLiteral("--run-id"), run,
                     QStringLiteral("--drill"), drill, QStringLiteral("--seconds"),
                     QStringLiteral("1"), QStringLiteral("--size"), QStringLiteral("640x360")}));
    if (result.exitCode != 0) {
        qWarning().noquote() << result.err;
        return {};
    }
    return result.out.trimmed();
}

void setSetting(const QTemporaryDir &dir, const char *key, const QVariant &value)
{
    Settings settings(dir.filePath(QStringLiteral("settings.ini")));
    const QString error = settings.setValue(key, value);
    QVERIFY2(error.isEmpty(), qPrintable(error));
}

QJsonObject jsonObjectOf(const QString &text)
{
    return QJsonDocument::fromJson(text.toUtf8()).object();
}

const QString kEmulatorKey = QStringLiteral("test-key-not-secret-0123456789");

#ifdef SORA_EMULATOR_PATH
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

    // Starts the emulator and waits for its "listening on URL" line; returns its port.
    int start(const QStringList &arguments)
    {
        m_process.setProgram(QStringLiteral(SORA_EMULATOR_PATH));
        m_process.setArguments(arguments);
        m_process.start();
        if (!m_process.waitForStarted())
            return 0;
        QSignalSpy output(&m_process, &QProcess::readyReadStandardOutput);
        QByteArray text;
        while (!text.contains('\n')) {
            if (m_process.state() == QProcess::NotRunning
                || (!m_process.bytesAvailable() && !output.wait(20000)))
                return 0;
            text += m_process.readAllStandardOutput();
        }
        const QRegularExpressionMatch match
                = QRegularExpression(QStringLiteral("^listening on http://[^ ]+:(\\d+)/v1$"))
                          .match(QString::fromUtf8(text.left(text.indexOf('\n'))));
        m_port = match.hasMatch() ? match.captured(1).toInt() : 0;
        return m_port;
    }

    // The number of creates the emulator received, from its request log.
    int creates()
    {
        QNetworkAccessManager network;
        QNetworkRequest request(
                QUrl(QStringLiteral("http://127.0.0.1:%1/_emulator/log").arg(m_port)));
        request.setRawHeader("Authorization", "Bearer " + kEmulatorKey.toUtf8());
        std::unique_ptr<QNetworkReply> reply(network.get(request));
        QSignalSpy finished(reply.get(), &QNetworkReply::finished);
        if (!reply->isFinished() && !finished.wait(20000))
            return -1;
        return QJsonDocument::fromJson(reply->readAll())
                .object()
                .value(QStringLiteral("create_requests"))
                .toInt(-1);
    }

private:
    QProcess m_process;
    int m_port = 0;
};
#endif

// The programs a private Secret Service session needs (setup-debian.sh installs them).
QString missingKeyringTool()
{
    for (const char *tool : {"dbus-run-session", "gnome-keyring-daemon", "secret-tool"})
        if (QStandardPaths::findExecutable(QString::fromLatin1(tool)).isEmpty())
            return QString::fromLatin1(tool);
    return {};
}

// An environment with nothing of the caller's session: a private home, no bus, no display.
QProcessEnvironment privateEnvironment(const QTemporaryDir &home)
{
    QProcessEnvironment env;
    env.insert(QStringLiteral("PATH"), qEnvironmentVariable("PATH"));
    env.insert(QStringLiteral("LANG"), QStringLiteral("C.UTF-8"));
    env.insert(QStringLiteral("LC_ALL"), QStringLiteral("C.UTF-8"));
    env.insert(QStringLiteral("QT_QPA_PLATFORM"), QStringLiteral("offscreen"));
    env.insert(QStringLiteral("HOME"), home.path());
    env.insert(QStringLiteral("XDG_CONFIG_HOME"), home.filePath(QStringLiteral(".config")));
    env.insert(QStringLiteral("XDG_DATA_HOME"), home.filePath(QStringLiteral(".local/share")));
    env.insert(QStringLiteral("XDG_CACHE_HOME"), home.filePath(QStringLiteral(".cache")));
    QDir().mkpath(home.filePath(QStringLiteral("run")));
    QFile::setPermissions(home.filePath(QStringLiteral("run")),
                          QFileDevice::ReadOwner | QFileDevice::WriteOwner | QFileDevice::ExeOwner);
    env.insert(QStringLiteral("XDG_RUNTIME_DIR"), home.filePath(QStringLiteral("run")));
    return env;
}

} // namespace

class TestCli : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void versionAndHelp();
    void runIdRuleOnEveryCommand_data();
    void runIdRuleOnEveryCommand();
    void generateThenCacheHit();
    void runsShareOneVideo();
    void dataDirFromEnvironment();
    void badRunId_data();
    void badRunId();
    void badDrillText_data();
    void badDrillText();
    void unknownCommandAndOption();
    void unwritableDataDir();
    void corruptDatabaseUntouched();
    void clearAllAsksFirst();
    void drillFromStdin();
    void openaiKeyFromStandardInputOnly();
    void openaiKeyInPrivateKeychain();
    void openaiKeyWithoutKeychainService();
    void invalidSettingsFallBackToDefaults();
    void cacheListColumns();
    void cacheUsage();
    void cacheEvictLeastRecentlyUsed();
    void cacheCosts();
    void insecureBaseUrl();
    void readmeCommands();
    void socketActivation();
};

void TestCli::initTestCase()
{
    QVERIFY2(QFileInfo(TestSupport::cliPath()).isExecutable(), "DRILLSTUDIO_CLI is not set");
}

void TestCli::versionAndHelp()
{
    auto result = runCli({QStringLiteral("--version")});
    QCOMPARE(result.exitCode, 0);
    QVERIFY(result.out.contains(QLatin1String(DRILLSTUDIO_VERSION)));
    result = runCli({QStringLiteral("--help")});
    QCOMPARE(result.exitCode, 0);
    QVERIFY(result.out.contains(QLatin1String("generate")));
    QVERIFY(result.out.contains(QLatin1String("--data-dir")));
    result = runCli({QStringLiteral("generate"), QStringLiteral("--help")});
    QCOMPARE(result.exitCode, 0);
    QVERIFY(result.out.contains(QLatin1String("--run-id")));
}

void TestCli::generateThenCacheHit()
{
    QTemporaryDir dir;
    auto result = runCli(withDir(dir,
                                 {QStringLiteral("generate"), QStringLiteral("--run-id"),
                                  QStringLiteral("42"), QStringLiteral("--drill"), kDrill}));
    QVERIFY2(result.exitCode == 0, qPrintable(result.err));
    const QString path = result.out.trimmed();
    QVERIFY2(QFileInfo(path).isFile(), qPrintable(path));
    QVERIFY(path.startsWith(dir.path()));
    QVERIFY(QFileInfo::exists(dir.filePath(QStringLiteral("library.sqlite"))));
    QVERIFY(QFileInfo::exists(dir.filePath(QStringLiteral("drillstudio.log"))));

    const MediaInfo info = MediaProbe::probe(path, true);
    QVERIFY2(info.valid, qPrintable(info.error));
    QCOMPARE(info.codec, QStringLiteral("h264"));
    QCOMPARE(info.pixelFormat, QStringLiteral("yuv420p"));
    QCOMPARE(info.width, 1280);
    QCOMPARE(info.height, 720);
    QVERIFY(qAbs(info.durationSeconds - 4.0) <= 0.1);
    QCOMPARE(info.frameCount, 120);
    QVERIFY(info.moovBeforeMdat);
    const QByteArray digest = TestSupport::sha256Of(path);
    const QDateTime modified = QFileInfo(path).lastModified();

    // The same request again answers from the cache without rendering.
    result = runCli(withDir(dir,
                            {QStringLiteral("generate"), QStringLiteral("--run-id"),
                             QStringLiteral("42"), QStringLiteral("--drill"), kDrill}));
    QCOMPARE(result.exitCode, 0);
    QCOMPARE(result.out.trimmed(), path);
    QVERIFY2(result.err.contains(QLatin1String("in the cache")), qPrintable(result.err));
    QCOMPARE(TestSupport::sha256Of(path), digest);
    QCOMPARE(QFileInfo(path).lastModified(), modified);
    // One video and its thumbnail, nothing else (no temporary files).
    const QString base = QFileInfo(path).completeBaseName();
    QCOMPARE(videoFiles(dir),
             (QStringList {base + QStringLiteral(".mp4"), base + QStringLiteral(".webp")}));

    result = runCli(withDir(dir, {QStringLiteral("cache"), QStringLiteral("list")}));
    QCOMPARE(result.exitCode, 0);
    QVERIFY2(result.out.contains(kDrill), qPrintable(result.out));
    QVERIFY(result.out.contains(QLatin1String("completed")));

    result = runCli(withDir(
            dir, {QStringLiteral("cache"), QStringLiteral("list"), QStringLiteral("--json")}));
    QCOMPARE(result.exitCode, 0);
    const QJsonArray list = QJsonDocument::fromJson(result.out.toUtf8()).array();
    QCOMPARE(list.size(), 1);
    QCOMPARE(list.first()[QStringLiteral("drill_text")].toString(), kDrill);
    QCOMPARE(list.first()[QStringLiteral("runs")].toArray(), QJsonArray {42});
    QCOMPARE(list.first()[QStringLiteral("file")].toString(), path);

    result = runCli(withDir(dir, {QStringLiteral("cache"), QStringLiteral("check")}));
    QCOMPARE(result.exitCode, 0);

    result = runCli(withDir(dir,
                            {QStringLiteral("cache"), QStringLiteral("clear"),
                             QStringLiteral("--run-id"), QStringLiteral("42")}));
    QCOMPARE(result.exitCode, 0);
    QVERIFY(!QFile::exists(path));
    QVERIFY(videoFiles(dir).isEmpty());
    result = runCli(withDir(dir,
                            {QStringLiteral("cache"), QStringLiteral("clear"),
                             QStringLiteral("--run-id"), QStringLiteral("42")}));
    QCOMPARE(result.exitCode, 0);
    QVERIFY(result.out.contains(QLatin1String("no cached video")));
}

void TestCli::runsShareOneVideo()
{
    QTemporaryDir dir;
    auto first = runCli(
            withDir(dir,
                    {QStringLiteral("generate"), QStringLiteral("--run-id"), QStringLiteral("1"),
                     QStringLiteral("--drill"), QStringLiteral("プランク 30秒")}));
    QCOMPARE(first.exitCode, 0);
    // Same drill written differently (full-width digits, extra spaces): same video.
    auto second = runCli(
            withDir(dir,
                    {QStringLiteral("generate"), QStringLiteral("--run-id"), QStringLiteral("2"),
                     QStringLiteral("--drill"), QStringLiteral("  プランク　３０秒 ")}));
    QCOMPARE(second.exitCode, 0);
    QCOMPARE(second.out, first.out);
    QVERIFY(second.err.contains(QLatin1String("in the cache")));

    // Clearing one run keeps the video for the other.
    auto cleared = runCli(withDir(dir,
                                  {QStringLiteral("cache"), QStringLiteral("clear"),
                                   QStringLiteral("--run-id"), QStringLiteral("1")}));
    QCOMPARE(cleared.exitCode, 0);
    QVERIFY(QFile::exists(first.out.trimmed()));
    cleared = runCli(withDir(dir,
                             {QStringLiteral("cache"), QStringLiteral("clear"),
                              QStringLiteral("--run-id"), QStringLiteral("2")}));
    QCOMPARE(cleared.exitCode, 0);
    QVERIFY(!QFile::exists(first.out.trimmed()));

    // --force renders again on purpose.
    first = runCli(
            withDir(dir,
                    {QStringLiteral("generate"), QStringLiteral("--run-id"), QStringLiteral("3"),
                     QStringLiteral("--drill"), QStringLiteral("ランジ 10回")}));
    QCOMPARE(first.exitCode, 0);
    second = runCli(withDir(dir,
                            {QStringLiteral("generate"), QStringLiteral("--run-id"),
                             QStringLiteral("3"), QStringLiteral("--drill"),
                             QStringLiteral("ランジ 10回"), QStringLiteral("--force")}));
    QCOMPARE(second.exitCode, 0);
    QVERIFY(!second.err.contains(QLatin1String("in the cache")));
    auto list = runCli(withDir(
            dir, {QStringLiteral("cache"), QStringLiteral("list"), QStringLiteral("--json")}));
    // The forced video replaced the first one for run 3; nothing links to the first any more.
    QCOMPARE(QJsonDocument::fromJson(list.out.toUtf8()).array().size(), 1);
}

void TestCli::dataDirFromEnvironment()
{
    QTemporaryDir dir;
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(QStringLiteral("DRILLSTUDIO_DATA_DIR"), dir.path());
    auto result = runCli({QStringLiteral("generate"), QStringLiteral("--run-id"),
                          QStringLiteral("5"), QStringLiteral("--drill"),
                          QStringLiteral("スクワット 10回"), QStringLiteral("--seconds"),
                          QStringLiteral("1"), QStringLiteral("--size"), QStringLiteral("640x360")},
                         env);
    QVERIFY2(result.exitCode == 0, qPrintable(result.err));
    QVERIFY(result.out.trimmed().startsWith(dir.path()));
    const MediaInfo info = MediaProbe::probe(result.out.trimmed());
    QCOMPARE(info.width, 640);
    QVERIFY(qAbs(info.durationSeconds - 1.0) <= 0.1);
}

void TestCli::badRunId_data()
{
    QTest::addColumn<QString>("runId");
    QTest::newRow("word") << QStringLiteral("abc");
    QTest::newRow("zero") << QStringLiteral("0");
    QTest::newRow("negative") << QStringLiteral("-5");
    QTest::newRow("decimal") << QStringLiteral("4.2");
    QTest::newRow("empty") << QString();
}

void TestCli::badRunId()
{
    QFETCH(QString, runId);
    QTemporaryDir dir;
    const auto result
            = runCli(withDir(dir,
                             {QStringLiteral("generate"), QStringLiteral("--run-id=") + runId,
                              QStringLiteral("--drill"), kDrill}));
    QCOMPARE(result.exitCode, 2);
    QVERIFY2(result.err.contains(QLatin1String("run ID")), qPrintable(result.err));
    QVERIFY(result.out.isEmpty());
    // Nothing was created in the data folder.
    QVERIFY(QDir(dir.path()).isEmpty());
}

void TestCli::badDrillText_data()
{
    QTest::addColumn<QString>("drill");
    QTest::addColumn<QString>("message");
    QTest::newRow("empty") << QString() << QStringLiteral("Enter the drill text");
    QTest::newRow("blank") << QStringLiteral("  \n 　") << QStringLiteral("Enter the drill text");
    QTest::newRow("too long") << QString(2001, QChar(0x3042)) << QStringLiteral("too long");
}

void TestCli::badDrillText()
{
    QFETCH(QString, drill);
    QFETCH(QString, message);
    QTemporaryDir dir;
    const auto result = runCli(withDir(dir,
                                       {QStringLiteral("generate"), QStringLiteral("--run-id"),
                                        QStringLiteral("7"), QStringLiteral("--drill"), drill}));
    QCOMPARE(result.exitCode, 2);
    QVERIFY2(result.err.contains(message), qPrintable(result.err));
    QVERIFY(QDir(dir.path()).isEmpty());
}

void TestCli::unknownCommandAndOption()
{
    auto result = runCli({QStringLiteral("frobnicate")});
    QCOMPARE(result.exitCode, 2);
    QVERIFY(result.err.contains(QLatin1String("Unknown command")));
    result = runCli({QStringLiteral("generate"), QStringLiteral("--bogus")});
    QCOMPARE(result.exitCode, 2);
    result = runCli({QStringLiteral("generate"), QStringLiteral("--drill"), kDrill});
    QCOMPARE(result.exitCode, 2);
    QVERIFY(result.err.contains(QLatin1String("--run-id")));
    result = runCli({QStringLiteral("cache")});
    QCOMPARE(result.exitCode, 2);
    result = runCli({QStringLiteral("cache"), QStringLiteral("clear")});
    QCOMPARE(result.exitCode, 2);
    result = runCli({QStringLiteral("generate"), QStringLiteral("--run-id"), QStringLiteral("1"),
                     QStringLiteral("--drill"), kDrill, QStringLiteral("--size"),
                     QStringLiteral("huge")});
    QCOMPARE(result.exitCode, 2);
    QVERIFY(result.err.contains(QLatin1String("1280x720")));
}

void TestCli::unwritableDataDir()
{
    // Root may write anywhere on a normal file system, so use one nobody can write to.
    QString target;
    QTemporaryDir dir;
    if (geteuid() == 0) {
        target = QStringLiteral("/proc/self/drillstudio");
    } else {
        target = dir.filePath(QStringLiteral("locked"));
        QVERIFY(QDir().mkpath(target));
        QVERIFY(QFile::setPermissions(target, QFileDevice::ReadOwner | QFileDevice::ExeOwner));
    }
    const auto result
            = runCli({QStringLiteral("generate"), QStringLiteral("--run-id"), QStringLiteral("1"),
                      QStringLiteral("--drill"), kDrill, QStringLiteral("--data-dir"), target});
    QCOMPARE(result.exitCode, 1);
    QVERIFY2(result.err.contains(QLatin1String("--data-dir")), qPrintable(result.err));
    QVERIFY(result.out.isEmpty());
}

void TestCli::corruptDatabaseUntouched()
{
    QTemporaryDir dir;
    const QString db = dir.filePath(QStringLiteral("library.sqlite"));
    QFile file(db);
    QVERIFY(file.open(QIODevice::WriteOnly));
    QByteArray garbage("SQLite format 3\0", 16);
    for (int i = 0; i < 8192; ++i)
        garbage.append(char((i * 7919) & 0xff));
    file.write(garbage);
    file.close();
    const QByteArray before = TestSupport::sha256Of(db);
    const QDateTime modified = QFileInfo(db).lastModified();
    const auto result = runCli(withDir(dir,
                                       {QStringLiteral("generate"), QStringLiteral("--run-id"),
                                        QStringLiteral("1"), QStringLiteral("--drill"), kDrill}));
    QCOMPARE(result.exitCode, 1);
    QVERIFY2(result.err.contains(QLatin1String("not a DrillStudio library database")),
             qPrintable(result.err));
    QCOMPARE(TestSupport::sha256Of(db), before);
    QCOMPARE(QFileInfo(db).lastModified(), modified);
    QVERIFY(!QFile::exists(db + QStringLiteral("-wal")));
    QVERIFY(!QFile::exists(db + QStringLiteral("-journal")));
    const auto list = runCli(withDir(dir, {QStringLiteral("cache"), QStringLiteral("list")}));
    QCOMPARE(list.exitCode, 1);
    QCOMPARE(TestSupport::sha256Of(db), before);
}

void TestCli::clearAllAsksFirst()
{
    QTemporaryDir dir;
    auto result = runCli(withDir(dir,
                                 {QStringLiteral("generate"), QStringLiteral("--run-id"),
                                  QStringLiteral("9"), QStringLiteral("--drill"), kDrill,
                                  QStringLiteral("--seconds"), QStringLiteral("1")}));
    QCOMPARE(result.exitCode, 0);
    const QString path = result.out.trimmed();
    // Not a terminal and no --yes: nothing is removed.
    result = runCli(
            withDir(dir,
                    {QStringLiteral("cache"), QStringLiteral("clear"), QStringLiteral("--all")}),
            {}, "y\n");
    QCOMPARE(result.exitCode, 1);
    QVERIFY(result.err.contains(QLatin1String("--yes")));
    QVERIFY(QFile::exists(path));
    result = runCli(withDir(dir,
                            {QStringLiteral("cache"), QStringLiteral("clear"),
                             QStringLiteral("--all"), QStringLiteral("--yes")}));
    QCOMPARE(result.exitCode, 0);
    QVERIFY(!QFile::exists(path));
    result = runCli(withDir(dir, {QStringLiteral("cache"), QStringLiteral("list")}));
    QVERIFY(result.out.contains(QLatin1String("empty")));
}

void TestCli::drillFromStdin()
{
    QTemporaryDir dir;
    const QByteArray drill
            = QStringLiteral("【💪 おすすめの補強ドリル】\n補強ドリルとして、壁を使った前傾姿勢の"
                             "練習（ウォールドリル）が効果的です。\n")
                      .toUtf8();
    const auto result = runCli(
            withDir(dir,
                    {QStringLiteral("generate"), QStringLiteral("--run-id"), QStringLiteral("11"),
                     QStringLiteral("--drill-file"), QStringLiteral("-"),
                     QStringLiteral("--seconds"), QStringLiteral("1")}),
            {}, drill);
    QVERIFY2(result.exitCode == 0, qPrintable(result.err));
    const auto list = runCli(withDir(
            dir, {QStringLiteral("cache"), QStringLiteral("list"), QStringLiteral("--json")}));
    QCOMPARE(QJsonDocument::fromJson(list.out.toUtf8())
                     .array()
                     .first()[QStringLiteral("drill_text")]
                     .toString(),
             QString::fromUtf8(drill).trimmed());
}

void TestCli::openaiKeyFromStandardInputOnly()
{
    auto result = runCli({QStringLiteral("openai-key")});
    QCOMPARE(result.exitCode, 2);
    QVERIFY(result.err.contains(QLatin1String("openai-key set")));
    // An empty key is refused before any keychain is asked.
    result = runCli({QStringLiteral("openai-key"), QStringLiteral("set")}, {}, "\n");
    QCOMPARE(result.exitCode, 2);
    QVERIFY(result.err.contains(QLatin1String("nothing was stored")));
    result = runCli({QStringLiteral("openai-key"), QStringLiteral("set")}, {}, "two words\n");
    QCOMPARE(result.exitCode, 2);
    QVERIFY(result.err.contains(QLatin1String("does not look like an API key")));
}

void TestCli::openaiKeyInPrivateKeychain()
{
#ifndef SORA_EMULATOR_PATH
    QSKIP("sora-emulator is not built (WITH_EMULATOR=OFF)");
#else
    if (const QString tool = missingKeyringTool(); !tool.isEmpty()) {
        if (qEnvironmentVariableIntValue("DRILLSTUDIO_REQUIRE_KEYRING"))
            QFAIL(qPrintable(tool + QStringLiteral(" is missing: run packaging/setup-debian.sh")));
        QSKIP(qPrintable(tool + QStringLiteral(" is missing: run packaging/setup-debian.sh")));
    }
    EmulatorProcess emulator;
    const int port = emulator.start({QStringLiteral("--port"), QStringLiteral("0"),
                                     QStringLiteral("--api-key"), kEmulatorKey,
                                     QStringLiteral("--instant"), QStringLiteral("--tiny")});
    QVERIFY(port > 0);
    QTemporaryDir home;
    QTemporaryDir data;
    setSetting(data, "openai/pollIntervalSeconds", 1);
    const QString keyFile = home.filePath(QStringLiteral("key.txt"));
    {
        QFile file(keyFile);
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write(kEmulatorKey.toUtf8() + '\n');
    }
    // One private session bus with its own Secret Service (gnome-keyring) and a login keyring in
    // the private home: the caller's keychain is never reached. The key travels in a file on
    // standard input; the emulator only accepts requests that carry it, so a generated video
    // proves that drillstudio read it back from the keychain.
    const QString script = QStringLiteral(
            "printf 'unlock-password\\n' | gnome-keyring-daemon --unlock --components=secrets "
            ">/dev/null 2>&1\n"
            "\"$DS_CLI\" openai-key set <\"$DS_KEYFILE\" >\"$DS_OUT/set.out\" "
            "2>\"$DS_OUT/set.err\"; echo $? >\"$DS_OUT/set.rc\"\n"
            "secret-tool lookup server DrillStudio user openai-api-key >\"$DS_OUT/lookup.out\" "
            "2>\"$DS_OUT/lookup.err\"; echo $? >\"$DS_OUT/lookup.rc\"\n"
            "\"$DS_CLI\" generate --provider openai --base-url \"$DS_BASE\" --run-id 77 --drill "
            "\"$DS_DRILL\" --data-dir \"$DS_DATA\" >\"$DS_OUT/generate.out\" "
            "2>\"$DS_OUT/generate.err\"; echo $? >\"$DS_OUT/generate.rc\"\n");
    QProcessEnvironment env = privateEnvironment(home);
    env.insert(QStringLiteral("DS_CLI"), TestSupport::cliPath());
    env.insert(QStringLiteral("DS_KEYFILE"), keyFile);
    env.insert(QStringLiteral("DS_OUT"), home.path());
    env.insert(QStringLiteral("DS_DATA"), data.path());
    env.insert(QStringLiteral("DS_DRILL"), kDrill);
    env.insert(QStringLiteral("DS_BASE"), QStringLiteral("http://127.0.0.1:%1/v1").arg(port));
    QProcess session;
    session.setProcessEnvironment(env);
    session.start(QStringLiteral("dbus-run-session"),
                  {QStringLiteral("--"), QStringLiteral("sh"), QStringLiteral("-c"), script});
    QVERIFY(session.waitForStarted());
    QVERIFY(session.waitForFinished(180000));
    QCOMPARE(session.exitCode(), 0);
    auto read = [&home](const char *name) {
        QFile file(home.filePath(QString::fromLatin1(name)));
        return file.open(QIODevice::ReadOnly) ? QString::fromUtf8(file.readAll()) : QString();
    };
    QVERIFY2(read("set.rc").trimmed() == QLatin1String("0"), qPrintable(read("set.err")));
    QVERIFY(read("set.out").contains(QLatin1String("stored in the system keychain")));
    // The Secret Service holds it under the README's service and account.
    QVERIFY2(read("lookup.rc").trimmed() == QLatin1String("0"), qPrintable(read("lookup.err")));
    QCOMPARE(read("lookup.out").trimmed(), kEmulatorKey);
    QVERIFY2(read("generate.rc").trimmed() == QLatin1String("0"), qPrintable(read("generate.err")));
    const QString video = read("generate.out").trimmed();
    QVERIFY2(video.startsWith(data.path()) && QFileInfo(video).size() > 0, qPrintable(video));
    QCOMPARE(emulator.creates(), 1);
    // The keyring lives in the private home; nothing printed the key.
    QVERIFY(!QDir(home.filePath(QStringLiteral(".local/share/keyrings")))
                     .entryList({QStringLiteral("*.keyring")})
                     .isEmpty());
    for (const char *name : {"set.out", "set.err", "generate.out", "generate.err"})
        QVERIFY2(!read(name).contains(kEmulatorKey), name);
#endif
}

void TestCli::openaiKeyWithoutKeychainService()
{
    QTemporaryDir home;
    QProcessEnvironment env = privateEnvironment(home);
    // A session bus address where nothing listens: no Secret Service, no KWallet.
    env.insert(QStringLiteral("DBUS_SESSION_BUS_ADDRESS"),
               QStringLiteral("unix:path=") + home.filePath(QStringLiteral("no-bus")));
    const QByteArray key = kEmulatorKey.toUtf8();
    const auto result
            = runCli({QStringLiteral("openai-key"), QStringLiteral("set")}, env, key + "\n", 60000);
    QCOMPARE(result.exitCode, 1);
    QVERIFY2(result.err.contains(QLatin1String("The keychain could not store the key")),
             qPrintable(result.err));
    QVERIFY(result.err.contains(QLatin1String("OPENAI_API_KEY")));
    QVERIFY(!result.out.contains(QLatin1String("stored")));
    QVERIFY(!result.out.contains(QLatin1String(key)) && !result.err.contains(QLatin1String(key)));
    QVERIFY(!QFileInfo::exists(home.filePath(QStringLiteral(".local/share/keyrings"))));
}

void TestCli::invalidSettingsFallBackToDefaults()
{
    QTemporaryDir dir;
    QFile file(dir.filePath(QStringLiteral("settings.ini")));
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write(
            "[generation]\nsize=huge\nseconds=-3\nprovider=sora\n[jobs]\nmaxLocalConcurrent=abc\n");
    file.close();
    const auto result = runCli(
            withDir(dir,
                    {QStringLiteral("generate"), QStringLiteral("--run-id"), QStringLiteral("3"),
                     QStringLiteral("--drill"), QStringLiteral("ランジ 10回"),
                     QStringLiteral("--seconds"), QStringLiteral("1")}));
    QVERIFY2(result.exitCode == 0, qPrintable(result.err));
    // Each bad value is named, with the default that replaces it; the user's values stay in the
    // file (the version migration may add its key, nothing else changes).
    for (const char *key : {"generation/size", "generation/seconds", "generation/provider",
                            "jobs/maxLocalConcurrent"})
        QVERIFY2(result.err.contains(QLatin1String(key)), key);
    QSettings kept(file.fileName(), QSettings::IniFormat);
    QCOMPARE(kept.value(QStringLiteral("generation/size")).toString(), QStringLiteral("huge"));
    QCOMPARE(kept.value(QStringLiteral("jobs/maxLocalConcurrent")).toString(),
             QStringLiteral("abc"));
    const MediaInfo info = MediaProbe::probe(result.out.trimmed());
    QCOMPARE(info.width, 1280);
    QCOMPARE(info.height, 720);
}

void TestCli::cacheListColumns()
{
    QTemporaryDir dir;
    // One video linked by five runs: the list shows two and how many more.
    for (const char *run : {"101", "201", "20325", "30001", "40001"})
        QVERIFY(!generateShort(dir, QString::fromLatin1(run), kDrill).isEmpty());
    const auto json = runCli(withDir(
            dir, {QStringLiteral("cache"), QStringLiteral("list"), QStringLiteral("--json")}));
    const QJsonObject video = QJsonDocument::fromJson(json.out.toUtf8()).array().first().toObject();
    const QString size = QLocale().formattedDataSize(video[QStringLiteral("bytes")].toInteger());
    const auto list = runCli(withDir(dir, {QStringLiteral("cache"), QStringLiteral("list")}));
    QCOMPARE(list.exitCode, 0);
    const QStringList lines = list.out.split(QLatin1Char('\n'), Qt::SkipEmptyParts);
    QCOMPARE(lines.size(), 3); // header, the video, the total
    const QString &header = lines.at(0);
    const QString &row = lines.at(1);
    const qsizetype runsAt = header.indexOf(QLatin1String("RUNS"));
    const qsizetype sizeEnd = header.indexOf(QLatin1String("SIZE")) + 4;
    const qsizetype createdAt = header.indexOf(QLatin1String("CREATED"));
    const qsizetype drillAt = header.indexOf(QLatin1String("DRILL"));
    QVERIFY(runsAt > 0 && sizeEnd > runsAt && createdAt > sizeEnd && drillAt > createdAt);
    // Each cell starts under its title (sizes end under theirs), two spaces apart at least.
    QVERIFY2(row.left(runsAt).startsWith(video[QStringLiteral("video_id")].toString()),
             qPrintable(row));
    const QString runsToSize = row.mid(runsAt, sizeEnd - runsAt);
    QVERIFY2(QRegularExpression(QStringLiteral("^101, 201 \\+3 {2,}")
                                + QRegularExpression::escape(size) + QLatin1Char('$'))
                     .match(runsToSize)
                     .hasMatch(),
             qPrintable(row));
    QCOMPARE(row.mid(sizeEnd, 2), QStringLiteral("  "));
    QVERIFY2(QRegularExpression(QStringLiteral("^\\d{4}-\\d\\d-\\d\\d \\d\\d:\\d\\d {2,}$"))
                     .match(row.mid(createdAt, drillAt - createdAt))
                     .hasMatch(),
             qPrintable(row));
    QCOMPARE(row.mid(drillAt), kDrill);
    QCOMPARE(header.mid(runsAt, sizeEnd - runsAt).simplified(), QStringLiteral("RUNS SIZE"));
}

void TestCli::cacheUsage()
{
    QTemporaryDir dir;
    const QString a = generateShort(dir, QStringLiteral("1"), kDrill);
    const QString b = generateShort(dir, QStringLiteral("2"), QStringLiteral("プランク 30秒"));
    QVERIFY(!a.isEmpty() && !b.isEmpty());
    QCOMPARE(generateShort(dir, QStringLiteral("3"), kDrill), a);
    const qint64 bytesA = QFileInfo(a).size();
    const qint64 bytesB = QFileInfo(b).size();
    QVERIFY(bytesA > 1000 && bytesB > 1000);

    auto result = runCli(withDir(
            dir, {QStringLiteral("cache"), QStringLiteral("usage"), QStringLiteral("--json")}));
    QCOMPARE(result.exitCode, 0);
    const QJsonObject usage = jsonObjectOf(result.out);
    QCOMPARE(usage[QStringLiteral("videos")].toInteger(), 2);
    QCOMPARE(usage[QStringLiteral("bytes")].toInteger(), bytesA + bytesB);
    QMap<qint64, qint64> perRun;
    for (const QJsonValue run : usage[QStringLiteral("runs")].toArray())
        perRun.insert(run[QStringLiteral("run_id")].toInteger(),
                      run[QStringLiteral("bytes")].toInteger());
    QCOMPARE(perRun, (QMap<qint64, qint64> {{1, bytesA}, {2, bytesB}, {3, bytesA}}));

    result = runCli(withDir(dir, {QStringLiteral("cache"), QStringLiteral("usage")}));
    QCOMPARE(result.exitCode, 0);
    const QLocale locale;
    QVERIFY2(result.out.startsWith(QStringLiteral("2 videos use %1 on disk.\n")
                                           .arg(locale.formattedDataSize(bytesA + bytesB))),
             qPrintable(result.out));
    for (const auto &[run, bytes] : {std::pair {1, bytesA}, {2, bytesB}, {3, bytesA}})
        QVERIFY2(result.out.contains(QStringLiteral("  run %1: %2 ")
                                             .arg(run)
                                             .arg(locale.formattedDataSize(bytes))),
                 qPrintable(result.out));
}

void TestCli::cacheEvictLeastRecentlyUsed()
{
    QTemporaryDir dir;
    const QString a = generateShort(dir, QStringLiteral("1"), kDrill);
    const QString b = generateShort(dir, QStringLiteral("2"), QStringLiteral("プランク 30秒"));
    const QString c = generateShort(dir, QStringLiteral("3"), QStringLiteral("ランジ 10回"));
    QVERIFY(!a.isEmpty() && !b.isEmpty() && !c.isEmpty());
    // Run 4 uses the first video again: the second is now the least recently used.
    QCOMPARE(generateShort(dir, QStringLiteral("4"), kDrill), a);

    // Without caps nothing goes.
    auto result = runCli(withDir(
            dir, {QStringLiteral("cache"), QStringLiteral("evict"), QStringLiteral("--json")}));
    QCOMPARE(result.exitCode, 0);
    QCOMPARE(jsonObjectOf(result.out)[QStringLiteral("evicted")].toInt(), 0);

    const qint64 total = QFileInfo(a).size() + QFileInfo(b).size() + QFileInfo(c).size();
    setSetting(dir, "cache/maxBytes", total - 1);
    result = runCli(withDir(dir, {QStringLiteral("cache"), QStringLiteral("evict")}));
    QCOMPARE(result.exitCode, 0);
    QVERIFY2(result.out.contains(QLatin1String("Evicted 1 video (")), qPrintable(result.out));
    QVERIFY(QFile::exists(a));
    QVERIFY(!QFile::exists(b));
    QVERIFY(QFile::exists(c));
    result = runCli(withDir(
            dir, {QStringLiteral("cache"), QStringLiteral("list"), QStringLiteral("--json")}));
    QStringList files;
    for (const QJsonValue video : QJsonDocument::fromJson(result.out.toUtf8()).array())
        files << video[QStringLiteral("file")].toString();
    files.sort();
    QStringList expected {a, c};
    expected.sort();
    QCOMPARE(files, expected);

    // Under the cap now: the JSON form reports nothing more to do.
    result = runCli(withDir(
            dir, {QStringLiteral("cache"), QStringLiteral("evict"), QStringLiteral("--json")}));
    QCOMPARE(result.exitCode, 0);
    const QJsonObject evicted = jsonObjectOf(result.out);
    QCOMPARE(evicted[QStringLiteral("evicted")].toInt(), 0);
    QCOMPARE(evicted[QStringLiteral("videos")].toInt(), 2);
    QCOMPARE(evicted[QStringLiteral("bytes")].toInteger(),
             QFileInfo(a).size() + QFileInfo(c).size());
}

void TestCli::cacheCosts()
{
#ifndef SORA_EMULATOR_PATH
    QSKIP("sora-emulator is not built (WITH_EMULATOR=OFF)");
#else
    EmulatorProcess emulator;
    const int port = emulator.start(
            {QStringLiteral("--port"), QStringLiteral("0"), QStringLiteral("--api-key"),
             kEmulatorKey, QStringLiteral("--instant"), QStringLiteral("--shared-content")});
    QVERIFY(port > 0);
    QTemporaryDir dir;
    setSetting(dir, "openai/pollIntervalSeconds", 1);
    setSetting(dir, "budget/dailyUsd", 5);
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(QStringLiteral("OPENAI_API_KEY"), kEmulatorKey);
    // Two paid videos of 4 s at 1280x720 with sora-2 ($0.10 a second), and a run that shares the
    // first one and pays nothing.
    const std::pair<const char *, QString> runs[]
            = {{"1", kDrill}, {"2", QStringLiteral("プランク 30秒")}, {"3", kDrill}};
    for (const auto &[run, drill] : runs) {
        const auto result
                = runCli(withDir(dir,
                                 {QStringLiteral("generate"), QStringLiteral("--provider"),
                                  QStringLiteral("openai"), QStringLiteral("--base-url"),
                                  QStringLiteral("http://127.0.0.1:%1/v1").arg(port),
                                  QStringLiteral("--run-id"), QString::fromLatin1(run),
                                  QStringLiteral("--drill"), drill}),
                         env);
        QVERIFY2(result.exitCode == 0, qPrintable(result.err));
        QVERIFY2(result.err.contains(QLatin1String("$0.40")), qPrintable(result.err));
    }
    QCOMPARE(emulator.creates(), 2);

    const QString today = QDate::currentDate().toString(Qt::ISODate);
    const QString month = QDate::currentDate().toString(QStringLiteral("yyyy-MM"));
    auto result = runCli(withDir(
            dir, {QStringLiteral("cache"), QStringLiteral("costs"), QStringLiteral("--json")}));
    QCOMPARE(result.exitCode, 0);
    const QJsonObject costs = jsonObjectOf(result.out);
    auto near = [](const QJsonValue &value, double expected) {
        return qAbs(value.toDouble(-1) - expected) < 1e-9;
    };
    QVERIFY2(near(costs[QStringLiteral("today")], 0.80), qPrintable(result.out));
    QVERIFY(near(costs[QStringLiteral("this_month")], 0.80));
    QVERIFY(near(costs[QStringLiteral("daily_cap")], 5));
    QVERIFY(near(costs[QStringLiteral("monthly_cap")], 0));
    const QJsonObject perDay = costs[QStringLiteral("per_day")].toObject();
    QCOMPARE(perDay.keys(), QStringList {today});
    QVERIFY(near(perDay[today], 0.80));
    QCOMPARE(costs[QStringLiteral("per_month")].toObject().keys(), QStringList {month});
    const QJsonObject perRun = costs[QStringLiteral("per_run")].toObject();
    QCOMPARE(perRun.keys(), (QStringList {QStringLiteral("1"), QStringLiteral("2")}));
    QVERIFY(near(perRun[QStringLiteral("1")], 0.40));
    QVERIFY(near(perRun[QStringLiteral("2")], 0.40));

    result = runCli(withDir(dir, {QStringLiteral("cache"), QStringLiteral("costs")}));
    QCOMPARE(result.exitCode, 0);
    for (const QString &line : {QStringLiteral("Today: $0.80 (cap: $5.00)"),
                                QStringLiteral("This month: $0.80 (cap: no cap)"),
                                QStringLiteral("  %1  $0.80").arg(month),
                                QStringLiteral("  run 1: $0.40"), QStringLiteral("  run 2: $0.40")})
        QVERIFY2(result.out.contains(line + QLatin1Char('\n')), qPrintable(result.out));
    QVERIFY(!result.out.contains(QLatin1String("run 3")));
#endif
}

void TestCli::insecureBaseUrl()
{
#ifndef SORA_EMULATOR_PATH
    QSKIP("sora-emulator is not built (WITH_EMULATOR=OFF)");
#else
    // The emulator listens on every interface, so this machine's own network address is an
    // http:// address that is not loopback, and every request that reaches it is counted.
    QHostAddress lan;
    for (const QHostAddress &address : QNetworkInterface::allAddresses()) {
        if (address.protocol() == QAbstractSocket::IPv4Protocol && !address.isLoopback()) {
            lan = address;
            break;
        }
    }
    if (lan.isNull())
        QSKIP("this machine has no network address other than loopback");
    EmulatorProcess emulator;
    const int port = emulator.start({QStringLiteral("--port"), QStringLiteral("0"),
                                     QStringLiteral("--host"), QStringLiteral("0.0.0.0"),
                                     QStringLiteral("--api-key"), kEmulatorKey,
                                     QStringLiteral("--instant"), QStringLiteral("--tiny")});
    QVERIFY(port > 0);
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(QStringLiteral("OPENAI_API_KEY"), kEmulatorKey);
    auto generate = [&](const QTemporaryDir &dir, const QString &host, const QString &run) {
        return runCli(withDir(dir,
                              {QStringLiteral("generate"), QStringLiteral("--provider"),
                               QStringLiteral("openai"), QStringLiteral("--base-url"),
                               QStringLiteral("http://%1:%2/v1").arg(host).arg(port),
                               QStringLiteral("--run-id"), run, QStringLiteral("--drill"), kDrill}),
                      env);
    };
    QTemporaryDir dir;
    setSetting(dir, "openai/pollIntervalSeconds", 1);
    auto result = generate(dir, lan.toString(), QStringLiteral("1"));
    QCOMPARE(result.exitCode, 1);
    QVERIFY2(result.err.contains(QLatin1String("unencrypted"))
                     && result.err.contains(QLatin1String("openai/allowInsecure=true")),
             qPrintable(result.err));
    QCOMPARE(emulator.creates(), 0);
    result = runCli(withDir(
            dir, {QStringLiteral("cache"), QStringLiteral("list"), QStringLiteral("--json")}));
    QCOMPARE(QJsonDocument::fromJson(result.out.toUtf8()).array().size(), 0);

    // Loopback over http:// is this machine: allowed without a word.
    QTemporaryDir local;
    setSetting(local, "openai/pollIntervalSeconds", 1);
    result = generate(local, QStringLiteral("127.0.0.1"), QStringLiteral("2"));
    QVERIFY2(result.exitCode == 0, qPrintable(result.err));
    QVERIFY2(!result.err.contains(QLatin1String("unencrypted")), qPrintable(result.err));
    QCOMPARE(emulator.creates(), 1);

    // Allowed on purpose: it works, with a warning on the terminal and in the log.
    setSetting(dir, "openai/allowInsecure", true);
    result = generate(dir, lan.toString(), QStringLiteral("1"));
    QVERIFY2(result.exitCode == 0, qPrintable(result.err));
    QVERIFY2(result.err.contains(QLatin1String("warning: the API key is sent unencrypted")),
             qPrintable(result.err));
    QCOMPARE(emulator.creates(), 2);
    QFile log(dir.filePath(QStringLiteral("drillstudio.log")));
    QVERIFY(log.open(QIODevice::ReadOnly));
    QVERIFY(log.readAll().contains("unencrypted"));
#endif
}

// Splits a README command the way a shell would for these simple lines: words, "quoted words",
// and "< file" for standard input.
QStringList shellWords(const QString &line, QString *stdinFile)
{
    QStringList words;
    QString word;
    bool quoted = false;
    bool inWord = false;
    for (const QChar c : line) {
        if (c == u'"') {
            quoted = !quoted;
            inWord = true;
        } else if (c.isSpace() && !quoted) {
            if (inWord)
                words << word;
            word.clear();
            inWord = false;
        } else {
            word += c;
            inWord = true;
        }
    }
    if (inWord)
        words << word;
    const qsizetype redirect = words.indexOf(QStringLiteral("<"));
    if (redirect >= 0) {
        *stdinFile = words.value(redirect + 1);
        words = words.mid(0, redirect);
    }
    return words;
}

void TestCli::readmeCommands()
{
    QFile readme(QStringLiteral(DRILLSTUDIO_SOURCE_DIR "/README.md"));
    QVERIFY(readme.open(QIODevice::ReadOnly));
    const QString text = QString::fromUtf8(readme.readAll());
    const qsizetype section = text.indexOf(QLatin1String("### The command line"));
    QVERIFY(section >= 0);
    const qsizetype open = text.indexOf(QLatin1String("```\n"), section) + 4;
    const qsizetype close = text.indexOf(QLatin1String("```"), open);
    QVERIFY(open > 4 && close > open);

    // Every line of the block, as written: optional parts [..] are run without and with, the
    // placeholders get values, "a | b" are alternatives, <command> stands for each command.
    QStringList commands;
    for (QString line : text.mid(open, close - open).split(QLatin1Char('\n'), Qt::SkipEmptyParts)) {
        line = line.section(QLatin1Char('#'), 0, 0).trimmed();
        QVERIFY2(line.startsWith(QLatin1String("drillstudio ")), qPrintable(line));
        if (line.contains(QLatin1String(" | "))) {
            for (QString alternative : line.mid(12).split(QStringLiteral(" | "))) {
                if (alternative.startsWith(QLatin1String("<command>"))) {
                    for (const char *command :
                         {"generate", "batch", "worker", "serve", "openai-key", "cache"})
                        commands << QStringLiteral("drillstudio ")
                                        + QString(alternative)
                                                  .replace(QStringLiteral("<command>"),
                                                           QString::fromLatin1(command));
                } else {
                    commands << QStringLiteral("drillstudio ") + alternative;
                }
            }
            continue;
        }
        static const QRegularExpression optional(QStringLiteral(" \\[([^]]+)\\]"));
        QString without = line;
        QString with = line;
        without.replace(optional, QString());
        with.replace(optional, QStringLiteral(" \\1"));
        with.replace(QStringLiteral("--host H"), QStringLiteral("--host 127.0.0.1"))
                .replace(QStringLiteral("--port N"), QStringLiteral("--port 0"));
        commands << without;
        if (with != without)
            commands << with;
    }
    QVERIFY(commands.size() >= 20);

    // The files the README's lines name, in the folder they run in; a short default video keeps
    // the test quick and a free port keeps "serve" from clashing.
    QTemporaryDir work;
    QTemporaryDir data;
    QTemporaryDir home;
    setSetting(data, "generation/seconds", 1);
    setSetting(data, "generation/size", QStringLiteral("640x360"));
    setSetting(data, "server/port", 0);
    const std::pair<const char *, QByteArray> files[]
            = {{"advice.txt", QStringLiteral("プランク 30秒\n").toUtf8()},
               {"drills.jsonl",
                QStringLiteral("{\"run_id\": 44, \"drill_text\": \"ランジ 10回\"}\n"
                               "{\"run_id\": 45, \"drill_text\": \"もも上げ 20m×3\", \"size\": "
                               "\"640x360\", \"seconds\": 1}\n")
                        .toUtf8()},
               {"key.txt", kEmulatorKey.toUtf8() + '\n'}};
    for (const auto &[name, content] : files) {
        QFile file(work.filePath(QString::fromLatin1(name)));
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write(content);
    }
    // A recorded demonstration for "library import": one second of a test picture.
    QProcess recorder;
    recorder.setWorkingDirectory(work.path());
    recorder.start(QStringLiteral("ffmpeg"),
                   {QStringLiteral("-v"), QStringLiteral("error"), QStringLiteral("-f"),
                    QStringLiteral("lavfi"), QStringLiteral("-i"),
                    QStringLiteral("testsrc2=size=320x240:rate=30:duration=1"),
                    QStringLiteral("-pix_fmt"), QStringLiteral("yuv420p"),
                    QStringLiteral("wall-drill.mp4")});
    QVERIFY2(recorder.waitForFinished(60000) && recorder.exitCode() == 0,
             recorder.readAllStandardError().constData());
    // No keychain service in this session: "openai-key set" must say so, not touch the caller's.
    QProcessEnvironment env = privateEnvironment(home);
    env.insert(QStringLiteral("DBUS_SESSION_BUS_ADDRESS"),
               QStringLiteral("unix:path=") + home.filePath(QStringLiteral("no-bus")));
    env.insert(QStringLiteral("DRILLSTUDIO_DATA_DIR"), data.path());

    for (const QString &command : std::as_const(commands)) {
        QString stdinFile;
        QStringList words = shellWords(command, &stdinFile);
        words.removeFirst();
        QProcess process;
        process.setProcessEnvironment(env);
        process.setWorkingDirectory(work.path());
        if (!stdinFile.isEmpty())
            process.setStandardInputFile(work.filePath(stdinFile));
        else
            process.setStandardInputFile(QProcess::nullDevice());
        process.start(TestSupport::cliPath(), words);
        QVERIFY2(process.waitForStarted(), qPrintable(command));
        const bool longRunning = (words.first() == QLatin1String("serve")
                                  || (words.first() == QLatin1String("worker")
                                      && !words.contains(QLatin1String("--until-idle"))))
                && !words.contains(QLatin1String("--help"));
        if (longRunning) {
            // A server or worker runs until stopped: it must say it is working first.
            const bool serve = words.first() == QLatin1String("serve");
            const QByteArray expected = serve ? QByteArray("listening on http://127.0.0.1:")
                                              : QByteArray("Working on the job queue");
            QByteArray said;
            QTRY_VERIFY2_WITH_TIMEOUT((said += serve ? process.readAllStandardOutput()
                                                     : process.readAllStandardError())
                                              .contains(expected),
                                      qPrintable(command), 30000);
            QCOMPARE(process.state(), QProcess::Running);
            process.terminate();
            QVERIFY(process.waitForFinished(30000));
            continue;
        }
        QVERIFY2(process.waitForFinished(120000), qPrintable(command));
        const QString err = QString::fromUtf8(process.readAllStandardError());
        const QString out = QString::fromUtf8(process.readAllStandardOutput());
        if (words.startsWith(QStringLiteral("openai-key"))
            && !words.contains(QLatin1String("--help"))) {
            QVERIFY2(process.exitCode() == 1 && err.contains(QLatin1String("keychain")),
                     qPrintable(command + QLatin1Char('\n') + err));
            continue;
        }
        // Without a terminal to ask on, clearing everything needs --yes.
        if (words.contains(QLatin1String("--all")) && !words.contains(QLatin1String("--yes"))) {
            QVERIFY2(process.exitCode() == 1 && err.contains(QLatin1String("--yes")),
                     qPrintable(command + QLatin1Char('\n') + err));
            continue;
        }
        QVERIFY2(process.exitStatus() == QProcess::NormalExit && process.exitCode() == 0,
                 qPrintable(command + QLatin1Char('\n') + err));
        if (words.first() == QLatin1String("generate") && !words.contains(QLatin1String("--help")))
            QVERIFY2(out.trimmed().endsWith(QLatin1String(".mp4")), qPrintable(out));
    }

    // The emulator's path in the README is where "quickstart.sh run" builds it.
    const QString emulatorPath = QStringLiteral("build/default/src/emulator/sora-emulator");
    QVERIFY(text.contains(QStringLiteral("`%1 --port 0 --tiny`").arg(emulatorPath)));
    QFile quickstart(QStringLiteral(DRILLSTUDIO_SOURCE_DIR "/packaging/quickstart.sh"));
    QVERIFY(quickstart.open(QIODevice::ReadOnly));
    const QString script = QString::fromUtf8(quickstart.readAll());
    QVERIFY(QRegularExpression(QStringLiteral("cmake --build --preset default [^\\n]*--target "
                                              "[^\\n]*\\bsora-emulator\\b"))
                    .match(script)
                    .hasMatch());
    QVERIFY(script.contains(QLatin1String("binary=build/default/src/app/drillstudio")));
}

void TestCli::runIdRuleOnEveryCommand_data()
{
    // The run ID as typed on the command line, and as written in a batch file's JSON.
    QTest::addColumn<QString>("argument");
    QTest::addColumn<QByteArray>("json");
    QTest::addColumn<bool>("valid");
    QTest::newRow("plain") << QStringLiteral("42") << QByteArray("42") << true;
    QTest::newRow("full-width") << QStringLiteral("４２") << QByteArray("\"４２\"") << true;
    QTest::newRow("largest") << QStringLiteral("9007199254740991") << QByteArray("9007199254740991")
                             << true;
    QTest::newRow("plus") << QStringLiteral("+5") << QByteArray("\"+5\"") << false;
    QTest::newRow("minus") << QStringLiteral("-1") << QByteArray("-1") << false;
    QTest::newRow("zero") << QStringLiteral("0") << QByteArray("0") << false;
    QTest::newRow("fraction") << QStringLiteral("42.7") << QByteArray("42.7") << false;
    QTest::newRow("point zero") << QStringLiteral("42.0") << QByteArray("42.0") << false;
    QTest::newRow("exponent") << QStringLiteral("9e15") << QByteArray("9e15") << false;
    QTest::newRow("2^53") << QStringLiteral("9007199254740992") << QByteArray("9007199254740992")
                          << false;
    QTest::newRow("control character")
            << (QStringLiteral("1") + QChar(0x1)) << QByteArray("\"1\\u0000\"") << false;
    QTest::newRow("letters") << QStringLiteral("abc") << QByteArray("true") << false;
}

void TestCli::runIdRuleOnEveryCommand()
{
    // One rule for generate, cache clear and batch: an invalid run ID is exit code 2 with a
    // message, before anything is generated.
    QFETCH(QString, argument);
    QFETCH(QByteArray, json);
    QFETCH(bool, valid);
    QTemporaryDir dir;
    const auto cleared = runCli(withDir(dir,
                                        {QStringLiteral("cache"), QStringLiteral("clear"),
                                         QStringLiteral("--run-id"), argument}));
    QCOMPARE(cleared.exitCode, valid ? 0 : 2);
    if (!valid)
        QVERIFY2(cleared.err.contains(QLatin1String("run ID")), qPrintable(cleared.err));

    QFile file(dir.filePath(QStringLiteral("drills.jsonl")));
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write(R"({"run_id": )" + json + R"(, "drill_text": "プランク 30秒", "size": "320x180", )"
               + R"("seconds": 1})" + '\n');
    file.close();
    const auto batch = runCli(withDir(dir, {QStringLiteral("batch"), file.fileName()}));
    QCOMPARE(batch.exitCode, valid ? 0 : 2);
    if (!valid) {
        QVERIFY2(batch.err.contains(QLatin1String("Line 1")), qPrintable(batch.err));
        QVERIFY(videoFiles(dir).isEmpty());
        const auto generated
                = runCli(withDir(dir,
                                 {QStringLiteral("generate"), QStringLiteral("--run-id"), argument,
                                  QStringLiteral("--drill"), kDrill}));
        QCOMPARE(generated.exitCode, 2);
        QVERIFY(videoFiles(dir).isEmpty());
    }
}

void TestCli::socketActivation()
{
    // What systemd does for drillstudio-serve.socket: a listening socket as descriptor 3, and
    // LISTEN_PID/LISTEN_FDS naming this process. Made by a small launcher that then becomes
    // drillstudio serve (same pid), on a free port; --port 1 shows the handed socket is used.
    const QString python = QStandardPaths::findExecutable(QStringLiteral("python3"));
    if (python.isEmpty())
        QSKIP("python3 is missing (packaging/setup-debian.sh)");
    const QString launcher = QStringLiteral(
            "import os, socket, sys\n"
            "s = socket.socket(socket.AF_INET)\n"
            "s.bind((sys.argv[1], 0)); s.listen(16)\n"
            "os.dup2(s.fileno(), 3); os.set_inheritable(3, True)\n"
            "os.environ['LISTEN_PID'] = str(os.getpid()); os.environ['LISTEN_FDS'] = '1'\n"
            "print(s.getsockname()[1], flush=True)\n"
            "os.execv(sys.argv[2], sys.argv[2:])\n");
    QTemporaryDir dir;
    const auto start = [&](QProcess &process, const QString &address) {
        process.setProgram(python);
        process.setArguments({QStringLiteral("-c"), launcher, address, TestSupport::cliPath(),
                              QStringLiteral("serve"), QStringLiteral("--data-dir"), dir.path(),
                              QStringLiteral("--port"), QStringLiteral("1")});
        process.start();
        return process.waitForStarted();
    };
    const auto readLine = [](QProcess &process) {
        QSignalSpy output(&process, &QProcess::readyReadStandardOutput);
        while (!process.canReadLine()) {
            if (process.state() == QProcess::NotRunning || !output.wait(20000))
                return QString();
        }
        return QString::fromUtf8(process.readLine()).trimmed();
    };

    QProcess server;
    QVERIFY(start(server, QStringLiteral("127.0.0.1")));
    const QString port = readLine(server);
    QVERIFY2(port.toInt() > 0, qPrintable(port));
    QCOMPARE(readLine(server), QStringLiteral("listening on http://127.0.0.1:") + port);
    QNetworkAccessManager network;
    std::unique_ptr<QNetworkReply> reply(
            network.get(QNetworkRequest(QUrl(QStringLiteral("http://127.0.0.1:%1/").arg(port)))));
    QSignalSpy finished(reply.get(), &QNetworkReply::finished);
    QVERIFY(reply->isFinished() || finished.wait(20000));
    QCOMPARE(reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt(), 200);
    QVERIFY(reply->readAll().contains("video_generation"));
    server.terminate();
    QVERIFY(server.waitForFinished(20000));

    // A handed socket on every address gets the same refusal as --host 0.0.0.0 without admin
    // credentials.
    QProcess open;
    QVERIFY(start(open, QStringLiteral("0.0.0.0")));
    QVERIFY(open.waitForFinished(60000));
    QCOMPARE(open.exitCode(), 1);
    const QString err = QString::fromUtf8(open.readAllStandardError());
    QVERIFY2(err.contains(QLatin1String("without admin credentials")), qPrintable(err));
}

QTEST_GUILESS_MAIN(TestCli)
#include "tst_cli.moc"
