// A team on one PostgreSQL store: two processes given the same 200 drills make each video once;
// a process renews its claims while it works, and when it is killed with SIGKILL another process
// takes its job over: at once on the same machine, after the 30 s lease from another machine.
#include "database.h"
#include "emulatorprocess.h"
#include "jobstore.h"
#include "storefixture.h"
#include "testsupport.h"

#include <QDateTime>
#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QMap>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QProcess>
#include <QRegularExpression>
#include <QSettings>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QSysInfo>
#include <QTest>

namespace {

const QString kKey = QStringLiteral("test-key-not-secret");
// The host name the killed process has when it stands for another machine.
const QString kOtherHost = QStringLiteral("drillstudio-elsewhere");

void writeOffset(const QString &path, qint64 ms)
{
    QFile file(path);
    QVERIFY(file.open(QIODevice::WriteOnly | QIODevice::Truncate));
    file.write(QByteArray::number(ms));
}

} // namespace

class TestTeam : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void cleanupTestCase();
    void twoProcessesShareOneQueue_data();
    void twoProcessesShareOneQueue();
    void killedProcessLosesItsJob_data();
    void killedProcessLosesItsJob();

private:
    bool startEmulator();
    bool emulatorWasPolled();

    EmulatorProcess m_emulator;
};

void TestTeam::cleanupTestCase()
{
    m_emulator.stop();
}

bool TestTeam::startEmulator()
{
#ifdef SORA_EMULATOR_PATH
    if (!m_emulator.baseUrl().isEmpty())
        return true;
    return !m_emulator
                    .start(QStringLiteral(SORA_EMULATOR_PATH),
                           {QStringLiteral("--port"), QStringLiteral("0"), QStringLiteral("--tiny"),
                            QStringLiteral("--manual-clock"), QStringLiteral("--poll-after-ms"),
                            QStringLiteral("100")},
                           kKey)
                    .isEmpty();
#else
    return false;
#endif
}

// Whether a client has asked the emulator for a video's state: it knows (and has recorded) the
// video's id.
bool TestTeam::emulatorWasPolled()
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

void TestTeam::twoProcessesShareOneQueue_data()
{
    StoreFixture::addBackendRows();
}

void TestTeam::twoProcessesShareOneQueue()
{
    QFETCH(QString, backend);
    constexpr int kDrills = 200;
    StoreFixture fixture;
    PREPARE_STORE(fixture, backend);
    const QString dataDir = fixture.dir();
    {
        QSettings settings(dataDir + QStringLiteral("/settings.ini"), QSettings::IniFormat);
        settings.setValue(QStringLiteral("settingsVersion"), 1);
        if (backend == QLatin1String("postgresql")) {
            settings.setValue(QStringLiteral("store/backend"), QStringLiteral("postgresql"));
            settings.setValue(QStringLiteral("store/postgresUrl"),
                              fixture.config().postgresUrl.toString());
        }
    }
    // Two coaches' batches: different runs, the same drills.
    QStringList files;
    for (int batch = 0; batch < 2; ++batch) {
        const QString path = dataDir + QStringLiteral("/batch%1.jsonl").arg(batch);
        QFile file(path);
        QVERIFY(file.open(QIODevice::WriteOnly));
        for (int i = 0; i < kDrills; ++i) {
            const int drill = batch == 0 ? i : kDrills - 1 - i; // opposite orders
            file.write(QStringLiteral("{\"run_id\": %1, \"drill_text\": \"ドリル %2 10回\", "
                                      "\"size\": \"64x64\", \"seconds\": 1}\n")
                               .arg(batch * 10000 + i + 1)
                               .arg(drill)
                               .toUtf8());
        }
        files << path;
    }
    QProcess first;
    QProcess second;
    for (QProcess *process : {&first, &second}) {
        process->setProcessEnvironment(QProcessEnvironment::systemEnvironment());
        process->setProcessChannelMode(QProcess::SeparateChannels);
    }
    first.start(TestSupport::cliPath(),
                {QStringLiteral("batch"), files.at(0), QStringLiteral("--data-dir"), dataDir,
                 QStringLiteral("--verbose")});
    second.start(TestSupport::cliPath(),
                 {QStringLiteral("batch"), files.at(1), QStringLiteral("--data-dir"), dataDir,
                  QStringLiteral("--verbose")});
    QVERIFY(first.waitForFinished(600000));
    QVERIFY(second.waitForFinished(600000));
    const QString log = QString::fromUtf8(first.readAllStandardError())
            + QString::fromUtf8(second.readAllStandardError());
    QVERIFY2(first.exitCode() == 0 && second.exitCode() == 0,
             qPrintable(log.split(QLatin1Char('\n'))
                                .filter(QRegularExpression(
                                        QStringLiteral("warning|critical|failed|refused")))
                                .join(QLatin1Char('\n'))
                                .left(3000)));

    // Every job was started exactly once, by one of the two processes.
    QMap<QString, int> starts;
    static const QRegularExpression started(QStringLiteral("started job \"([0-9a-f]+)\""));
    for (auto it = started.globalMatch(log); it.hasNext();)
        ++starts[it.next().captured(1)];
    QCOMPARE(starts.size(), kDrills);
    for (auto it = starts.cbegin(); it != starts.cend(); ++it)
        QVERIFY2(it.value() == 1, qPrintable(it.key()));

    Database db;
    QVERIFY(db.open(fixture.config()));
    JobStore store(&db);
    QCOMPARE(store.videoCount(), kDrills);
    QVERIFY(store.unfinishedJobs().isEmpty());
    for (const LibraryEntry &entry : store.library(kDrills, 0)) {
        QCOMPARE(entry.job.status, JobStatus::Completed);
        QCOMPARE(entry.runCount, 2);
    }
    QStringList report;
    QVERIFY2(db.checkIntegrity(&report), qPrintable(report.join(QLatin1Char('\n'))));
    const QStringList leftovers
            = QDir(dataDir + QStringLiteral("/videos"))
                      .entryList({QStringLiteral(".incoming-*")}, QDir::Files | QDir::Hidden);
    QVERIFY2(leftovers.isEmpty(), qPrintable(leftovers.join(QLatin1Char(' '))));
}

void TestTeam::killedProcessLosesItsJob_data()
{
    QTest::addColumn<QString>("backend");
    QTest::addColumn<bool>("otherHost");
    QTest::newRow("sqlite, same machine") << QStringLiteral("sqlite") << false;
    QTest::newRow("sqlite, other machine") << QStringLiteral("sqlite") << true;
    QTest::newRow("postgresql, same machine") << QStringLiteral("postgresql") << false;
    QTest::newRow("postgresql, other machine") << QStringLiteral("postgresql") << true;
}

void TestTeam::killedProcessLosesItsJob()
{
    QFETCH(QString, backend);
    QFETCH(bool, otherHost);
#ifndef SORA_EMULATOR_PATH
    QSKIP("built without sora-emulator");
#endif
    if (!startEmulator())
        QFAIL("sora-emulator could not be started");
    m_emulator.control("POST", QStringLiteral("/_emulator/reset"));
    m_emulator.control("POST", QStringLiteral("/_emulator/config"),
                       QJsonObject {{QStringLiteral("clock"), QStringLiteral("manual")}});
    StoreFixture fixture;
    PREPARE_STORE(fixture, backend);
    const QString dataDir = fixture.dir();
    {
        QSettings settings(dataDir + QStringLiteral("/settings.ini"), QSettings::IniFormat);
        settings.setValue(QStringLiteral("settingsVersion"), 1);
        if (backend == QLatin1String("postgresql")) {
            settings.setValue(QStringLiteral("store/backend"), QStringLiteral("postgresql"));
            settings.setValue(QStringLiteral("store/postgresUrl"),
                              fixture.config().postgresUrl.toString());
        }
        settings.setValue(QStringLiteral("generation/provider"), QStringLiteral("openai"));
        settings.setValue(QStringLiteral("openai/baseUrl"), m_emulator.baseUrl());
        settings.setValue(QStringLiteral("openai/pollIntervalSeconds"), 1);
    }
    // Each process reads its time from its own file, so the test moves time, not waits for it.
    const QString clockA = dataDir + QStringLiteral("/clock-a");
    const QString clockB = dataDir + QStringLiteral("/clock-b");
    writeOffset(clockA, 0);
    writeOffset(clockB, 0);
    const auto environment = [](const QString &clockFile) {
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.insert(QStringLiteral("OPENAI_API_KEY"), kKey);
        env.insert(QStringLiteral("DRILLSTUDIO_TEST_CLOCK_OFFSET_FILE"), clockFile);
        return env;
    };

    // A: a coach's generate, on this machine or (in a UTS namespace of its own) on another one.
    const QStringList generate = {QStringLiteral("generate"),
                                  QStringLiteral("--run-id"),
                                  QStringLiteral("1"),
                                  QStringLiteral("--drill"),
                                  QStringLiteral("プランク 30秒"),
                                  QStringLiteral("--data-dir"),
                                  dataDir};
    bool renamedHost = false;
    if (otherHost) {
        const QString unshare = QStandardPaths::findExecutable(QStringLiteral("unshare"));
        renamedHost = !unshare.isEmpty()
                && QProcess::execute(unshare,
                                     {QStringLiteral("-Ur"), QStringLiteral("-u"),
                                      QStringLiteral("hostname"), kOtherHost})
                        == 0;
    }
    QProcess a;
    a.setProcessEnvironment(environment(clockA));
    if (renamedHost) {
        a.start(QStandardPaths::findExecutable(QStringLiteral("unshare")),
                QStringList {QStringLiteral("-Ur"), QStringLiteral("-u"), QStringLiteral("sh"),
                             QStringLiteral("-c"),
                             QStringLiteral("hostname %1 && exec \"$0\" \"$@\"").arg(kOtherHost),
                             TestSupport::cliPath()}
                        + generate);
    } else {
        a.start(TestSupport::cliPath(), generate);
    }
    QVERIFY(a.waitForStarted());
    QTRY_VERIFY_WITH_TIMEOUT(emulatorWasPolled(), 60000);

    Database db;
    QVERIFY2(db.open(fixture.config()), qPrintable(db.errorString()));
    JobStore store(&db);
    const QList<JobRecord> unfinished = store.unfinishedJobs();
    QCOMPARE(unfinished.size(), 1);
    const QString jobId = unfinished.first().id;
    QString ownerA = unfinished.first().claimedBy;
    QVERIFY2(ownerA.startsWith((renamedHost ? kOtherHost : QSysInfo::machineHostName())
                               + QLatin1Char(':')),
             qPrintable(ownerA));
    const qint64 now = QDateTime::currentMSecsSinceEpoch();
    const qint64 claimedUntil = unfinished.first().claimedUntil;
    QVERIFY2(claimedUntil > now + 20000 && claimedUntil <= now + 30000,
             qPrintable(QString::number(claimedUntil - now)));

    // Renewal: 11 s later (by A's clock) the claim reaches further.
    writeOffset(clockA, 11000);
    QTRY_VERIFY_WITH_TIMEOUT(store.job(jobId)->claimedUntil >= claimedUntil + 10000, 30000);
    QCOMPARE(store.job(jobId)->claimedBy, ownerA);

    a.kill(); // SIGKILL: no chance to hand the job back
    QVERIFY(a.waitForFinished(30000));
    QCOMPARE(a.exitStatus(), QProcess::CrashExit);
    QCOMPARE(store.job(jobId)->claimedBy, ownerA);
    if (otherHost && !renamedHost) {
        // No namespaces here: say in the store that A ran on another machine.
        qInfo("unshare cannot give a process its own host name here; renaming the claim's host");
        QSqlQuery q(db.connection());
        q.prepare(QStringLiteral("UPDATE jobs SET claimed_by = ? WHERE id = ?"));
        ownerA = kOtherHost + ownerA.mid(ownerA.indexOf(QLatin1Char(':')));
        q.addBindValue(ownerA);
        q.addBindValue(jobId);
        QVERIFY(q.exec());
    }

    // B: a worker on this machine.
    QProcess b;
    b.setProcessEnvironment(environment(clockB));
    b.start(TestSupport::cliPath(),
            {QStringLiteral("worker"), QStringLiteral("--until-idle"), QStringLiteral("--data-dir"),
             dataDir, QStringLiteral("--verbose")});
    QVERIFY(b.waitForStarted());
    if (otherHost) {
        // While the lease holds, B works on other jobs and leaves A's alone: a local job queued
        // after A's, finished by B, proves B looked at the queue.
        JobRecord marker;
        marker.id = QStringLiteral("marker");
        marker.runId = 2;
        marker.drillText = QStringLiteral("もも上げ");
        marker.specHash = QStringLiteral("marker-spec");
        marker.provider = QStringLiteral("local");
        marker.model = QStringLiteral("drillstudio-local");
        marker.size = QStringLiteral("64x64");
        marker.seconds = 1;
        marker.prompt = QStringLiteral("p");
        marker.createdAt = QDateTime::currentMSecsSinceEpoch();
        QVERIFY(store.insertJob(marker));
        QTRY_COMPARE_WITH_TIMEOUT(store.job(marker.id)->status, JobStatus::Completed, 60000);
        QCOMPARE(store.job(jobId)->claimedBy, ownerA);
        // 31 s later by B's clock the lease has lapsed.
        writeOffset(clockB, 31000);
    }
    QTRY_VERIFY_WITH_TIMEOUT(store.job(jobId)->claimedBy != ownerA, 30000);
    const QString ownerB = store.job(jobId)->claimedBy;
    QVERIFY2(ownerB.startsWith(QSysInfo::machineHostName() + QLatin1Char(':')), qPrintable(ownerB));

    // The service finishes the video: B fetches it; nothing was ordered twice.
    m_emulator.control("POST", QStringLiteral("/_emulator/clock"),
                       QJsonObject {{QStringLiteral("advance_seconds"), 60}});
    QVERIFY(b.waitForFinished(120000));
    const QString log = QString::fromUtf8(b.readAllStandardError());
    QVERIFY2(b.exitStatus() == QProcess::NormalExit && b.exitCode() == 0,
             qPrintable(log.right(3000)));
    QVERIFY2(log.contains(QLatin1String("took over job")), qPrintable(log.right(3000)));
    const auto done = store.job(jobId);
    QCOMPARE(done->status, JobStatus::Completed);
    QVERIFY(QFile::exists(dataDir + QStringLiteral("/videos/") + done->filePath));
    QCOMPARE(m_emulator.control("GET", QStringLiteral("/_emulator/log"))
                     .value(QStringLiteral("creates"))
                     .toInt(),
             1);
}

QTEST_GUILESS_MAIN(TestTeam)
#include "tst_team.moc"
