// The drillstudio command line, end to end: a real process, a real data folder, a real MP4.
#include "mediaprobe.h"
#include "testsupport.h"

#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSettings>
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

} // namespace

class TestCli : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void versionAndHelp();
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
    void invalidSettingsFallBackToDefaults();
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
    result = runCli({QStringLiteral("openai-key"), QStringLiteral("set")}, {}, "\n");
    QCOMPARE(result.exitCode, 2);
    QVERIFY(result.err.contains(QLatin1String("nothing was stored")));
    // Stored, or refused by a machine without a keychain service: never echoed either way.
    const QByteArray key = "test-key-not-secret-0123456789";
    result = runCli({QStringLiteral("openai-key"), QStringLiteral("set")}, {}, key + "\n");
    QVERIFY2(result.exitCode == 0 || result.err.contains(QLatin1String("keychain")),
             qPrintable(result.err));
    QVERIFY(!result.out.contains(QLatin1String(key)));
    QVERIFY(!result.err.contains(QLatin1String(key)));
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

QTEST_GUILESS_MAIN(TestCli)
#include "tst_cli.moc"
