// Crash safety, end to end: real drillstudio processes against a real sora-emulator process,
// killed with SIGKILL at named places (DRILLSTUDIO_CRASH_POINT) and after random numbers of
// requests, then started again. Afterwards every drill was created exactly once on the
// emulator, every job is completed with a verified file, no temporary file is left, and the
// database passes its integrity check.
#include "database.h"
#include "emulatorprocess.h"
#include "jobstore.h"
#include "mediaprobe.h"
#include "testsupport.h"

#include <QDir>
#include <QEventLoop>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QProcess>
#include <QRandomGenerator>
#include <QRegularExpression>
#include <QSettings>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

namespace {

const QString kKey = QStringLiteral("test-key-not-secret");

} // namespace

class TestCrash : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void cleanupTestCase();
    void killedAtNamedPlace_data();
    void killedAtNamedPlace();
    void killedAtRandomMoments();
    void timedOutJobIsResumedNotOrderedAgain();

private:
    bool emulatorWasPolled();
    void prepareDataDir(const QString &dir, int drills);
    QProcess *startBatch(const QString &dir, const QString &crashPoint = {});
    void verifyOutcome(const QString &dir, int drills);

    EmulatorProcess m_emulator;
};

void TestCrash::initTestCase()
{
    QVERIFY(QFileInfo(TestSupport::cliPath()).isExecutable());
    const QString url = m_emulator.start(
            QStringLiteral(SORA_EMULATOR_PATH),
            {QStringLiteral("--port"), QStringLiteral("0"), QStringLiteral("--tiny"),
             QStringLiteral("--shared-content"), QStringLiteral("--queued-ms"),
             QStringLiteral("150"), QStringLiteral("--run-ms"), QStringLiteral("600"),
             QStringLiteral("--poll-after-ms"), QStringLiteral("100")},
            kKey);
    QVERIFY2(!url.isEmpty(), "sora-emulator did not start");
}

void TestCrash::cleanupTestCase()
{
    m_emulator.stop();
}

// Whether a client has asked for a video's state: it knows (and has recorded) the video's id.
bool TestCrash::emulatorWasPolled()
{
    const QJsonArray entries = m_emulator.control("GET", QStringLiteral("/_emulator/log"))
                                       .value(QStringLiteral("entries"))
                                       .toArray();
    for (const QJsonValue &entry : entries) {
        if (entry[QStringLiteral("endpoint")].toString() == QLatin1String("retrieve"))
            return true;
    }
    return false;
}

void TestCrash::prepareDataDir(const QString &dir, int drills)
{
    QSettings settings(dir + QStringLiteral("/settings.ini"), QSettings::IniFormat);
    settings.setValue(QStringLiteral("settingsVersion"), 1);
    settings.setValue(QStringLiteral("generation/provider"), QStringLiteral("openai"));
    settings.setValue(QStringLiteral("openai/baseUrl"), m_emulator.baseUrl());
    settings.setValue(QStringLiteral("openai/pollIntervalSeconds"), 1);
    settings.setValue(QStringLiteral("jobs/maxRemoteConcurrent"), 3);
    settings.sync();
    QFile file(dir + QStringLiteral("/drills.jsonl"));
    QVERIFY(file.open(QIODevice::WriteOnly));
    const QStringList texts
            = {QStringLiteral("もも上げ 20m×3"), QStringLiteral("ランジ 10回"),
               QStringLiteral("プランク 30秒"),  QStringLiteral("スクワット 15回"),
               QStringLiteral("縄跳び 1分"),     QStringLiteral("カーフレイズ 20回")};
    for (int i = 0; i < drills; ++i) {
        // Two runs per drill: the second must join, never create.
        for (int copy = 0; copy < 2; ++copy) {
            file.write(QJsonDocument(QJsonObject {{QStringLiteral("run_id"), 100 * copy + i + 1},
                                                  {QStringLiteral("drill_text"), texts.at(i)}})
                               .toJson(QJsonDocument::Compact)
                       + '\n');
        }
    }
}

QProcess *TestCrash::startBatch(const QString &dir, const QString &crashPoint)
{
    auto *process = new QProcess(this);
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(QStringLiteral("OPENAI_API_KEY"), kKey);
    if (!crashPoint.isEmpty())
        env.insert(QStringLiteral("DRILLSTUDIO_CRASH_POINT"), crashPoint);
    process->setProcessEnvironment(env);
    process->setProcessChannelMode(QProcess::MergedChannels);
    process->start(TestSupport::cliPath(),
                   {QStringLiteral("batch"), dir + QStringLiteral("/drills.jsonl"),
                    QStringLiteral("--data-dir"), dir});
    return process;
}

void TestCrash::verifyOutcome(const QString &dir, int drills)
{
    QCOMPARE(m_emulator.creates(), drills);
    Database db;
    Database::Config config;
    config.sqlitePath = dir + QStringLiteral("/library.sqlite");
    QVERIFY2(db.open(config), qPrintable(db.errorString()));
    QStringList report;
    QVERIFY2(db.checkIntegrity(&report), qPrintable(report.join(QLatin1Char('\n'))));
    JobStore store(&db);
    const QList<LibraryEntry> library = store.library(100, 0);
    QCOMPARE(library.size(), drills);
    QSet<QString> remoteIds;
    for (const LibraryEntry &entry : library) {
        QCOMPARE(jobStatusToString(entry.job.status), QStringLiteral("completed"));
        QCOMPARE(entry.runCount, 2);
        QVERIFY(!entry.job.remoteId.isEmpty());
        remoteIds.insert(entry.job.remoteId);
        const QString file = dir + QStringLiteral("/videos/") + entry.job.filePath;
        QCOMPARE(QString::fromLatin1(TestSupport::sha256Of(file)), entry.job.sha256);
        const MediaInfo info = MediaProbe::probe(file, true);
        QVERIFY2(info.valid, qPrintable(info.error));
        QCOMPARE(info.codec, QStringLiteral("h264"));
    }
    QCOMPARE(remoteIds.size(), drills);
    const QStringList leftovers
            = QDir(dir + QStringLiteral("/videos"))
                      .entryList({QStringLiteral(".incoming-*")}, QDir::Files | QDir::Hidden);
    QVERIFY2(leftovers.isEmpty(), qPrintable(leftovers.join(QLatin1Char(' '))));
}

void TestCrash::killedAtNamedPlace_data()
{
    QTest::addColumn<QString>("point");
    // From the first commit to the last rename, in the order a job passes them.
    for (const char *point : {"job-recorded", "before-remote-id-commit", "after-remote-id-commit",
                              "progress", "download", "before-rename", "after-rename"})
        QTest::newRow(point) << QString::fromLatin1(point);
    QTest::newRow("second job recorded") << QStringLiteral("job-recorded:2");
    QTest::newRow("second download") << QStringLiteral("download:2");
}

void TestCrash::killedAtNamedPlace()
{
    QFETCH(QString, point);
    constexpr int kDrills = 3;
    m_emulator.control("POST", QStringLiteral("/_emulator/reset"));
    QTemporaryDir dir;
    prepareDataDir(dir.path(), kDrills);

    std::unique_ptr<QProcess> crashed(startBatch(dir.path(), point));
    QVERIFY(crashed->waitForFinished(120000));
    const QString crashLog = QString::fromUtf8(crashed->readAll());
    QCOMPARE(crashed->exitStatus(), QProcess::CrashExit);
    QVERIFY2(crashLog.contains(QLatin1String("crash point")), qPrintable(crashLog.right(2000)));

    std::unique_ptr<QProcess> resumed(startBatch(dir.path()));
    QVERIFY(resumed->waitForFinished(120000));
    const QString log = QString::fromUtf8(resumed->readAll());
    QVERIFY2(resumed->exitStatus() == QProcess::NormalExit && resumed->exitCode() == 0,
             qPrintable(log.right(3000)));
    verifyOutcome(dir.path(), kDrills);
}

void TestCrash::killedAtRandomMoments()
{
    constexpr int kDrills = 6;
    m_emulator.control("POST", QStringLiteral("/_emulator/reset"));
    QTemporaryDir dir;
    prepareDataDir(dir.path(), kDrills);
    QRandomGenerator random(20261128);
    int kills = 0;
    for (int attempt = 0; attempt < 8; ++attempt) {
        const int requestsBefore = m_emulator.control("GET", QStringLiteral("/_emulator/log"))
                                           .value(QStringLiteral("entries"))
                                           .toArray()
                                           .size();
        const int after = 1 + int(random.bounded(12));
        std::unique_ptr<QProcess> process(startBatch(dir.path()));
        QVERIFY(process->waitForStarted());
        // Kill it once the emulator has seen a random number of its requests (or it is done).
        QTRY_VERIFY_WITH_TIMEOUT(
                process->state() == QProcess::NotRunning
                        || m_emulator.control("GET", QStringLiteral("/_emulator/log"))
                                        .value(QStringLiteral("entries"))
                                        .toArray()
                                        .size()
                                >= requestsBefore + after,
                60000);
        if (process->state() == QProcess::NotRunning)
            break;
        process->kill();
        QVERIFY(process->waitForFinished(30000));
        ++kills;
    }
    std::unique_ptr<QProcess> last(startBatch(dir.path()));
    QVERIFY(last->waitForFinished(120000));
    const QString log = QString::fromUtf8(last->readAll());
    QVERIFY2(last->exitStatus() == QProcess::NormalExit && last->exitCode() == 0,
             qPrintable(log.right(3000)));
    qInfo("killed %d times before the run that finished", kills);
    QVERIFY(kills > 0);
    verifyOutcome(dir.path(), kDrills);
}

void TestCrash::timedOutJobIsResumedNotOrderedAgain()
{
    // The service is slower than jobs/timeoutSeconds: DrillStudio gives up waiting, the service
    // finishes the (paid) video later. Asking again must fetch that video, not order a new one.
    // Time passes by moving the process's clock (DRILLSTUDIO_TEST_CLOCK_OFFSET_FILE), not by
    // waiting for it.
    m_emulator.control("POST", QStringLiteral("/_emulator/reset"));
    m_emulator.control("POST", QStringLiteral("/_emulator/config"),
                       QJsonObject {{QStringLiteral("clock"), QStringLiteral("manual")}});
    QTemporaryDir dir;
    prepareDataDir(dir.path(), 1);
    constexpr int kTimeoutSeconds = 600;
    {
        QSettings settings(dir.filePath(QStringLiteral("settings.ini")), QSettings::IniFormat);
        settings.setValue(QStringLiteral("jobs/timeoutSeconds"), kTimeoutSeconds);
    }
    const QString clockFile = dir.filePath(QStringLiteral("clock-offset-ms"));
    const auto moveClock = [&](qint64 ms) {
        QFile file(clockFile);
        QVERIFY(file.open(QIODevice::WriteOnly | QIODevice::Truncate));
        file.write(QByteArray::number(ms));
    };
    moveClock(0);
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(QStringLiteral("OPENAI_API_KEY"), kKey);
    env.insert(QStringLiteral("DRILLSTUDIO_TEST_CLOCK_OFFSET_FILE"), clockFile);
    const QStringList arguments = {QStringLiteral("generate"),
                                   QStringLiteral("--run-id"),
                                   QStringLiteral("1"),
                                   QStringLiteral("--drill"),
                                   QStringLiteral("もも上げ 20m×3"),
                                   QStringLiteral("--data-dir"),
                                   dir.path()};
    QProcess first;
    first.setProcessEnvironment(env);
    first.start(TestSupport::cliPath(), arguments);
    QVERIFY(first.waitForStarted());
    // Once the job is polled, its remote id is recorded; then the process's time runs out.
    QTRY_VERIFY_WITH_TIMEOUT(emulatorWasPolled(), 60000);
    QCOMPARE(first.state(), QProcess::Running);
    moveClock((kTimeoutSeconds + 1) * 1000LL);
    QVERIFY(first.waitForFinished(60000));
    const QString firstErr = QString::fromUtf8(first.readAllStandardError());
    QCOMPARE(first.exitCode(), 1);
    QVERIFY2(firstErr.contains(QLatin1String("jobs/timeoutSeconds")), qPrintable(firstErr));
    QCOMPARE(m_emulator.creates(), 1);

    m_emulator.control("POST", QStringLiteral("/_emulator/clock"),
                       QJsonObject {{QStringLiteral("advance_seconds"), 60}});
    const auto second = TestSupport::runCli(arguments, env);
    m_emulator.control("POST", QStringLiteral("/_emulator/config"),
                       QJsonObject {{QStringLiteral("clock"), QStringLiteral("system")}});
    QVERIFY2(second.exitCode == 0, qPrintable(second.err));
    QCOMPARE(m_emulator.creates(), 1);
    const MediaInfo info = MediaProbe::probe(second.out.trimmed(), true);
    QVERIFY2(info.valid, qPrintable(info.error));
}

QTEST_MAIN(TestCrash)
#include "tst_crash.moc"
