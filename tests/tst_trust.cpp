// Promises that hold in their corners: a remote job resumed after a long pause, hard budgets
// (billed failures count, an unreadable store refuses, two processes racing at the cap), the
// actual cost computed from the price list, and a team's shared video folder. Real drillstudio
// processes and a real sora-emulator process on loopback; in-process contexts use an injectable
// clock where time matters.
#include "appcontext.h"
#include "clock.h"
#include "database.h"
#include "emulatorprocess.h"
#include "jobmanager.h"
#include "jobstore.h"
#include "mediaprobe.h"
#include "settings.h"
#include "storefixture.h"
#include "testsupport.h"
#include "videostore.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QProcess>
#include <QRegularExpression>
#include <QSettings>
#include <QSignalSpy>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>
#include <QTimer>
#include <QUuid>

#include <memory>

namespace {

const QString kKey = QStringLiteral("test-key-not-secret");

} // namespace

class TestTrust : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void cleanupTestCase();
    void init();

    void resumedAfterLongPause();
    void billedFailuresCountAgainstBudget_data();
    void billedFailuresCountAgainstBudget();
    void unreadableSpendingRefuses_data() { StoreFixture::addBackendRows(); }
    void unreadableSpendingRefuses();
    void twoProcessesRaceAtTheCap_data() { StoreFixture::addBackendRows(); }
    void twoProcessesRaceAtTheCap();
    void actualCostFromPriceList();
    void sharedFolderKeepsOtherMachinesDownloads();

private:
    // settings.ini for the openai provider against the emulator, plus extra keys.
    void writeSettings(const QString &dir, const QVariantMap &extra = {});
    QProcessEnvironment cliEnvironment() const;

    EmulatorProcess m_emulator;
};

void TestTrust::initTestCase()
{
    QVERIFY(QFileInfo(TestSupport::cliPath()).isExecutable());
    qputenv("OPENAI_API_KEY", kKey.toUtf8());
    const QString url = m_emulator.start(
            QStringLiteral(SORA_EMULATOR_PATH),
            {QStringLiteral("--port"), QStringLiteral("0"), QStringLiteral("--tiny"),
             QStringLiteral("--shared-content"), QStringLiteral("--queued-ms"),
             QStringLiteral("100"), QStringLiteral("--run-ms"), QStringLiteral("300"),
             QStringLiteral("--poll-after-ms"), QStringLiteral("100")},
            kKey);
    QVERIFY2(!url.isEmpty(), "sora-emulator did not start");
}

void TestTrust::cleanupTestCase()
{
    m_emulator.stop();
}

void TestTrust::init()
{
    // Every function starts from an empty emulator on the system clock, so that each runs alone.
    m_emulator.control("POST", QStringLiteral("/_emulator/reset"));
    m_emulator.control("POST", QStringLiteral("/_emulator/config"),
                       QJsonObject {{QStringLiteral("clock"), QStringLiteral("system")}});
    QCOMPARE(m_emulator.creates(), 0);
}

void TestTrust::writeSettings(const QString &dir, const QVariantMap &extra)
{
    QSettings settings(dir + QStringLiteral("/settings.ini"), QSettings::IniFormat);
    settings.setValue(QStringLiteral("settingsVersion"), 1);
    settings.setValue(QStringLiteral("generation/provider"), QStringLiteral("openai"));
    settings.setValue(QStringLiteral("openai/baseUrl"), m_emulator.baseUrl());
    settings.setValue(QStringLiteral("openai/pollIntervalSeconds"), 1);
    for (auto it = extra.cbegin(); it != extra.cend(); ++it)
        settings.setValue(it.key(), it.value());
    settings.sync();
}

QProcessEnvironment TestTrust::cliEnvironment() const
{
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(QStringLiteral("OPENAI_API_KEY"), kKey);
    env.remove(QStringLiteral("DRILLSTUDIO_CRASH_POINT"));
    env.remove(QStringLiteral("DRILLSTUDIO_HOLD_POINT"));
    return env;
}

void TestTrust::resumedAfterLongPause()
{
    // A remote job is accepted, the process is killed, and the program is started again after
    // more than twice jobs/timeoutSeconds: the job is resumed and its video fetched, not given up.
    QTemporaryDir dir;
    writeSettings(dir.path(), {{QStringLiteral("jobs/timeoutSeconds"), 10}});
    // The service holds the job until its clock is moved.
    m_emulator.control("POST", QStringLiteral("/_emulator/config"),
                       QJsonObject {{QStringLiteral("clock"), QStringLiteral("manual")}});
    QProcessEnvironment env = cliEnvironment();
    env.insert(QStringLiteral("DRILLSTUDIO_CRASH_POINT"), QStringLiteral("after-remote-id-commit"));
    const auto killed = TestSupport::runCli({QStringLiteral("generate"), QStringLiteral("--run-id"),
                                             QStringLiteral("7"), QStringLiteral("--drill"),
                                             QStringLiteral("もも上げ 20m×3"),
                                             QStringLiteral("--data-dir"), dir.path()},
                                            env);
    QCOMPARE(killed.exitCode, -1); // SIGKILL
    QCOMPARE(m_emulator.creates(), 1);

    // The next start, 25 s of this process's clock later (the job's timeout is 10 s).
    ManualClock clock(QDateTime::currentDateTimeUtc().addSecs(25));
    AppContext context;
    AppContext::Options options;
    options.dataDir = dir.path();
    options.installLogFile = false;
    options.clock = &clock;
    QVERIFY2(context.open(options), qPrintable(context.errorString()));
    QSignalSpy done(context.jobs(), &JobManager::jobFinished);
    QSignalSpy failed(context.jobs(), &JobManager::jobFailed);
    // The job is resumed and polled while the service still works on it; the heartbeat that
    // enforces the timeout runs a few times (and must not give the job up) before the video is
    // ready.
    auto *heartbeat = context.jobs()->findChild<QTimer *>(QStringLiteral("jobHeartbeat"));
    QVERIFY(heartbeat);
    QSignalSpy beats(heartbeat, &QTimer::timeout);
    QTRY_VERIFY_WITH_TIMEOUT(beats.size() >= 3 || !failed.isEmpty(), 30000);
    QVERIFY2(failed.isEmpty(), "the resumed job was given up");
    QVERIFY(context.jobs()->isRunningHere(context.store()->jobForRun(7)->id));
    m_emulator.control("POST", QStringLiteral("/_emulator/clock"),
                       QJsonObject {{QStringLiteral("advance_seconds"), 60}});
    QTRY_VERIFY_WITH_TIMEOUT(!done.isEmpty() || !failed.isEmpty(), 60000);
    if (!failed.isEmpty())
        QFAIL(qPrintable(failed.first().first().value<JobRecord>().errorMessage));
    const auto job = context.store()->jobForRun(7);
    QVERIFY(job);
    QCOMPARE(job->status, JobStatus::Completed);
    const MediaInfo info = MediaProbe::probe(context.videos()->absolutePath(job->filePath), true);
    QVERIFY2(info.valid, qPrintable(info.error));
    QCOMPARE(m_emulator.creates(), 1);
}

void TestTrust::billedFailuresCountAgainstBudget_data()
{
    QTest::addColumn<QString>("backend");
    QTest::addColumn<QString>("status");
    for (const QString &backend : {QStringLiteral("sqlite"), QStringLiteral("postgresql")}) {
        for (const QString &status :
             {QStringLiteral("failed"), QStringLiteral("cancelled"), QStringLiteral("expired")})
            QTest::addRow("%s-%s", qPrintable(backend), qPrintable(status)) << backend << status;
    }
}

void TestTrust::billedFailuresCountAgainstBudget()
{
    // A remote job the service accepted (it has a remote id) was billed even if it failed, was
    // cancelled or expired here: it counts against the cap.
    QFETCH(QString, backend);
    QFETCH(QString, status);
    StoreFixture fixture;
    PREPARE_STORE(fixture, backend);
    QVariantMap extra {{QStringLiteral("budget/dailyUsd"), 0.5}};
    if (backend == QLatin1String("postgresql")) {
        extra.insert(QStringLiteral("store/backend"), QStringLiteral("postgresql"));
        extra.insert(QStringLiteral("store/postgresUrl"), fixture.config().postgresUrl.toString());
    }
    writeSettings(fixture.dir(), extra);
    ManualClock clock(QDateTime::currentDateTimeUtc());
    AppContext context;
    AppContext::Options options;
    options.dataDir = fixture.dir();
    options.installLogFile = false;
    options.clock = &clock;
    QVERIFY2(context.open(options), qPrintable(context.errorString()));

    JobRecord billed;
    billed.id = QStringLiteral("billed-") + status;
    billed.runId = 1;
    billed.drillText = QStringLiteral("ランジ 10回");
    billed.specHash = QStringLiteral("earlier");
    billed.provider = QStringLiteral("openai");
    billed.model = QStringLiteral("sora-2");
    billed.size = QStringLiteral("1280x720");
    billed.seconds = 4;
    billed.prompt = billed.drillText;
    billed.status = jobStatusFromString(status);
    billed.remoteId = QStringLiteral("video_accepted_earlier");
    billed.errorCode = QStringLiteral("network_error");
    billed.estimatedCost = 0.40;
    billed.createdAt = clock.nowMs() - 1000;
    billed.completedAt = clock.nowMs() - 500;
    QVERIFY2(context.store()->insertJob(billed), qPrintable(context.store()->errorString()));

    JobSpec spec = JobSpec::fromSettings(*context.settings(), 2, QStringLiteral("プランク 30秒"));
    const auto submission = context.jobs()->submit(spec);
    QCOMPARE(submission.kind, JobManager::Submission::Kind::Rejected);
    QVERIFY2(submission.error.contains(QLatin1String("budget/dailyUsd"))
                     && submission.error.contains(QLatin1String("$0.40")),
             qPrintable(submission.error));
    QVERIFY(!context.store()->jobForRun(2));
    const CostSummary costs = context.jobs()->costs();
    QVERIFY(costs.readable);
    QCOMPARE(costs.today, 0.40);
    QCOMPARE(m_emulator.creates(), 0);
}

void TestTrust::unreadableSpendingRefuses()
{
    // A budget is set but what was spent cannot be read: refuse, never wave the job through.
    QFETCH(QString, backend);
    StoreFixture fixture;
    PREPARE_STORE(fixture, backend);
    QVariantMap extra {{QStringLiteral("budget/monthlyUsd"), 100}};
    if (backend == QLatin1String("postgresql")) {
        extra.insert(QStringLiteral("store/backend"), QStringLiteral("postgresql"));
        extra.insert(QStringLiteral("store/postgresUrl"), fixture.config().postgresUrl.toString());
    }
    writeSettings(fixture.dir(), extra);
    AppContext context;
    AppContext::Options options;
    options.dataDir = fixture.dir();
    options.installLogFile = false;
    QVERIFY2(context.open(options), qPrintable(context.errorString()));
    // The column the spending is added up from is gone (a damaged or foreign change).
    QSqlQuery q(context.database()->connection());
    QVERIFY(q.exec(QStringLiteral(
            "ALTER TABLE jobs RENAME COLUMN estimated_cost TO estimated_cost_gone")));

    const auto submission = context.jobs()->submit(
            JobSpec::fromSettings(*context.settings(), 3, QStringLiteral("スクワット 15回")));
    QCOMPARE(submission.kind, JobManager::Submission::Kind::Rejected);
    QVERIFY2(submission.error.contains(QLatin1String("cannot be read")),
             qPrintable(submission.error));
    QVERIFY(!context.jobs()->costs().readable);
    QCOMPARE(m_emulator.creates(), 0);
}

void TestTrust::twoProcessesRaceAtTheCap()
{
    // The cap leaves room for one video. Two processes ask at the same moment: the first stops
    // right after reading the spending; the second must wait for it instead of reading the same
    // amount, and is then refused. Exactly one video is ordered.
    QFETCH(QString, backend);
    StoreFixture fixture;
    PREPARE_STORE(fixture, backend);
    QVariantMap extra {{QStringLiteral("budget/dailyUsd"), 0.40}}; // sora-2 1280x720 4 s: $0.40
    if (backend == QLatin1String("postgresql")) {
        extra.insert(QStringLiteral("store/backend"), QStringLiteral("postgresql"));
        extra.insert(QStringLiteral("store/postgresUrl"), fixture.config().postgresUrl.toString());
    }
    writeSettings(fixture.dir(), extra);
    const QString gate = fixture.dir() + QStringLiteral("/go");
    const QString log = fixture.dir() + QStringLiteral("/drillstudio.log");

    auto start = [&](qint64 run, const QString &drill, bool hold) {
        auto process = std::make_unique<QProcess>();
        QProcessEnvironment env = cliEnvironment();
        if (hold)
            env.insert(QStringLiteral("DRILLSTUDIO_HOLD_POINT"),
                       QStringLiteral("budget-checked:") + gate);
        process->setProcessEnvironment(env);
        process->start(TestSupport::cliPath(),
                       {QStringLiteral("generate"), QStringLiteral("--run-id"),
                        QString::number(run), QStringLiteral("--drill"), drill,
                        QStringLiteral("--data-dir"), fixture.dir()});
        return process;
    };
    auto logSays = [&](const QString &text) {
        QFile file(log);
        return file.open(QIODevice::ReadOnly) && QString::fromUtf8(file.readAll()).contains(text);
    };

    auto first = start(1, QStringLiteral("もも上げ 20m×3"), true);
    QTRY_VERIFY_WITH_TIMEOUT(QFile::exists(gate + QStringLiteral(".reached")), 60000);
    auto second = start(2, QStringLiteral("ランジ 10回"), false);
    // The second either waits for the first (as it must) or, were the check not serialised,
    // passes it and records its own job.
    QTRY_VERIFY_WITH_TIMEOUT(
            second->state() == QProcess::NotRunning
                    || logSays(QStringLiteral(
                            "waiting for another process to finish recording a paid job")),
            60000);
    {
        QFile go(gate);
        QVERIFY(go.open(QIODevice::WriteOnly));
    }
    for (QProcess *process : {first.get(), second.get()}) {
        if (process->state() != QProcess::NotRunning)
            QVERIFY(process->waitForFinished(120000));
    }
    const QString firstErr = QString::fromUtf8(first->readAllStandardError());
    const QString secondErr = QString::fromUtf8(second->readAllStandardError());
    QVERIFY2(first->exitStatus() == QProcess::NormalExit && first->exitCode() == 0,
             qPrintable(firstErr));
    QVERIFY2(second->exitCode() != 0, "both processes passed the cap");
    QVERIFY2(secondErr.contains(QLatin1String("budget/dailyUsd")), qPrintable(secondErr));
    QCOMPARE(m_emulator.creates(), 1);
}

void TestTrust::actualCostFromPriceList()
{
    // The actual cost is computed from the price list for the finished video, not copied from
    // the estimate: a price changed while the video was made shows in the actual cost.
    QTemporaryDir dir;
    writeSettings(dir.path());
    m_emulator.control("POST", QStringLiteral("/_emulator/config"),
                       QJsonObject {{QStringLiteral("clock"), QStringLiteral("manual")}});
    AppContext context;
    AppContext::Options options;
    options.dataDir = dir.path();
    options.installLogFile = false;
    QVERIFY2(context.open(options), qPrintable(context.errorString()));
    QSignalSpy done(context.jobs(), &JobManager::jobFinished);
    QSignalSpy failed(context.jobs(), &JobManager::jobFailed);
    const auto submission = context.jobs()->submit(
            JobSpec::fromSettings(*context.settings(), 5, QStringLiteral("縄跳び 1分")));
    QCOMPARE(submission.kind, JobManager::Submission::Kind::Started);
    QCOMPARE(submission.job.estimatedCost, 0.40);
    QTRY_VERIFY_WITH_TIMEOUT(!context.store()->job(submission.job.id)->remoteId.isEmpty(), 30000);
    QVERIFY(context.settings()
                    ->setValue("openai/prices", QStringLiteral("sora-2:1280x720=0.25"))
                    .isEmpty());
    m_emulator.control("POST", QStringLiteral("/_emulator/clock"),
                       QJsonObject {{QStringLiteral("advance_seconds"), 60}});
    QTRY_VERIFY_WITH_TIMEOUT(!done.isEmpty() || !failed.isEmpty(), 60000);
    QVERIFY(failed.isEmpty());
    const auto job = context.store()->job(submission.job.id);
    QCOMPARE(job->estimatedCost, 0.40);
    QCOMPARE(job->actualCost, 1.00); // 4 s at $0.25
    QCOMPARE(context.jobs()->costs().today, 1.00);
}

void TestTrust::sharedFolderKeepsOtherMachinesDownloads()
{
    // Team mode: two data folders share one videos/ folder. A download in progress on another
    // machine must survive this machine's start; only writers known to be dead lose their files.
    QTemporaryDir shared;
    QTemporaryDir here;
    QVERIFY(QFile::link(shared.path(), here.filePath(QStringLiteral("videos"))));

    auto write = [&](const QString &name, qint64 ageSeconds) {
        QFile file(shared.filePath(name));
        if (!file.open(QIODevice::WriteOnly) || file.write(QByteArray(4096, 'x')) != 4096
            || !file.flush())
            return false;
        return file.setFileTime(QDateTime::currentDateTimeUtc().addSecs(-ageSeconds),
                                QFileDevice::FileModificationTime);
    };
    // A process of this machine that has ended.
    QProcess probe;
    probe.start(QStringLiteral("true"));
    QVERIFY(probe.waitForStarted());
    const qint64 finishedPid = probe.processId();
    QVERIFY(probe.waitForFinished());

    const QString liveRemote = VideoStore::temporaryFileName(QStringLiteral("coach-laptop-2"), 4242,
                                                             QStringLiteral(".mp4"));
    const QString quietRemoteWithClaim = VideoStore::temporaryFileName(
            QStringLiteral("coach-laptop-3"), 77, QStringLiteral(".mp4"));
    const QString quietRemoteGone = VideoStore::temporaryFileName(QStringLiteral("coach-laptop-4"),
                                                                  88, QStringLiteral(".mp4"));
    const QString deadLocal = VideoStore::temporaryFileName(VideoStore::hostName(), finishedPid,
                                                            QStringLiteral(".mp4"));
    const QString liveLocal = VideoStore::temporaryFileName(
            VideoStore::hostName(), QCoreApplication::applicationPid(), QStringLiteral(".mp4"));
    QVERIFY(write(liveRemote, 5));
    QVERIFY(write(quietRemoteWithClaim, 2 * 3600));
    QVERIFY(write(quietRemoteGone, 2 * 3600));
    QVERIFY(write(deadLocal, 5));
    QVERIFY(write(liveLocal, 5));

    // The store knows the claim of coach-laptop-3's process.
    {
        Database database;
        Database::Config config;
        config.sqlitePath = here.filePath(QStringLiteral("library.sqlite"));
        QVERIFY2(database.open(config), qPrintable(database.errorString()));
        JobStore store(&database);
        JobRecord job;
        job.id = QStringLiteral("claimed-elsewhere");
        job.runId = 1;
        job.drillText = QStringLiteral("もも上げ");
        job.specHash = QStringLiteral("spec-claimed");
        job.provider = QStringLiteral("openai");
        job.model = QStringLiteral("sora-2");
        job.size = QStringLiteral("1280x720");
        job.seconds = 4;
        job.prompt = job.drillText;
        job.status = JobStatus::Downloading;
        job.createdAt = QDateTime::currentMSecsSinceEpoch();
        job.claimedBy = QStringLiteral("coach-laptop-3:77:abcd1234");
        job.claimedUntil = QDateTime::currentMSecsSinceEpoch() + 30000;
        QVERIFY2(store.insertJob(job), qPrintable(store.errorString()));
    }

    AppContext context;
    AppContext::Options options;
    options.dataDir = here.path();
    options.installLogFile = false;
    options.startJobs = false;
    QVERIFY2(context.open(options), qPrintable(context.errorString()));
    QVERIFY2(QFile::exists(shared.filePath(liveRemote)), "another machine's download was removed");
    QVERIFY(QFile::exists(shared.filePath(quietRemoteWithClaim)));
    QVERIFY(QFile::exists(shared.filePath(liveLocal)));
    QVERIFY(!QFile::exists(shared.filePath(deadLocal)));
    QVERIFY(!QFile::exists(shared.filePath(quietRemoteGone)));
}

QTEST_MAIN(TestTrust)
#include "tst_trust.moc"
