// JobManager on both stores: cache hits and sharing, the queue (concurrency, priority, cancel,
// timeout), resuming the work of a process that died, eviction, and two workers on one store.
#include "clock.h"
#include "database.h"
#include "jobmanager.h"
#include "jobstore.h"
#include "localprovider.h"
#include "settings.h"
#include "storefixture.h"
#include "videostore.h"

#include <QDir>
#include <QSignalSpy>
#include <QSqlQuery>
#include <QTest>

namespace {

JobSpec tinySpec(qint64 run, const QString &drill, int seconds = 1)
{
    JobSpec spec;
    spec.runId = run;
    spec.drillText = drill;
    spec.size = QSize(160, 96);
    spec.seconds = seconds;
    spec.promptTemplate = Settings::defaultPromptTemplate();
    return spec;
}

// One worker: its own connection to the store, its own manager and renderer.
struct Worker
{
    Worker(const Database::Config &config, const QString &dir, const Clock *clock)
        : settings(dir + QStringLiteral("/settings.ini"))
        , videos(dir + QStringLiteral("/videos"))
    {
        ok = database.open(config);
        store = std::make_unique<JobStore>(&database);
        videos.ensureWritable();
        manager = std::make_unique<JobManager>(store.get(), &videos, &settings, clock);
        manager->addProvider(new LocalProvider);
    }
    ~Worker()
    {
        manager.reset();
        store.reset();
    }

    bool ok = false;
    Database database;
    Settings settings;
    VideoStore videos;
    std::unique_ptr<JobStore> store;
    std::unique_ptr<JobManager> manager;
};

} // namespace

class TestJobManager : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void cacheHitAndSharing_data() { StoreFixture::addBackendRows(); }
    void cacheHitAndSharing();
    void queueConcurrencyAndPriority_data() { StoreFixture::addBackendRows(); }
    void queueConcurrencyAndPriority();
    void cancelQueuedAndRunning_data() { StoreFixture::addBackendRows(); }
    void cancelQueuedAndRunning();
    void overallTimeout();
    void resumesWorkOfDeadProcess_data() { StoreFixture::addBackendRows(); }
    void resumesWorkOfDeadProcess();
    void evictsLeastRecentlyUsed_data() { StoreFixture::addBackendRows(); }
    void evictsLeastRecentlyUsed();
    void newVideoIsNeverEvictedByMakingIt_data() { StoreFixture::addBackendRows(); }
    void newVideoIsNeverEvictedByMakingIt();
    void evictionSurvivesFileThatCannotBeDeleted_data() { StoreFixture::addBackendRows(); }
    void evictionSurvivesFileThatCannotBeDeleted();
    void sharedVideoNamesNoRun_data();
    void sharedVideoNamesNoRun();
    void twoWorkersNeverRunTheSameJob_data() { StoreFixture::addBackendRows(); }
    void twoWorkersNeverRunTheSameJob();
};

void TestJobManager::cacheHitAndSharing()
{
    QFETCH(QString, backend);
    StoreFixture fixture;
    PREPARE_STORE(fixture, backend);
    SystemClock clock;
    Worker worker(fixture.config(), fixture.dir(), &clock);
    QVERIFY(worker.ok);
    worker.manager->start();
    QSignalSpy finished(worker.manager.get(), &JobManager::jobFinished);

    auto first = worker.manager->submit(tinySpec(1, QStringLiteral("もも上げ 20m×3")));
    QCOMPARE(first.kind, JobManager::Submission::Kind::Started);
    // A second run with the same drill while it is being made joins the same job.
    auto joined = worker.manager->submit(tinySpec(2, QStringLiteral("もも上げ　２０ｍ×３")));
    QCOMPARE(joined.kind, JobManager::Submission::Kind::Joined);
    QCOMPARE(joined.job.id, first.job.id);
    QVERIFY(finished.wait(60000));
    QCOMPARE(finished.size(), 1);

    auto hit = worker.manager->submit(tinySpec(3, QStringLiteral("もも上げ 20m×3")));
    QCOMPARE(hit.kind, JobManager::Submission::Kind::CacheHit);
    QCOMPARE(hit.job.id, first.job.id);
    QCOMPARE(worker.store->linkCount(first.job.id), 3);
    QCOMPARE(worker.store->videoCount(), 1);

    // Unlinking runs keeps the video until the last one goes.
    const QString file = worker.videos.absolutePath(hit.job.filePath);
    QVERIFY(QFile::exists(file));
    QVERIFY(worker.manager->clearRun(1));
    QVERIFY(worker.manager->clearRun(2));
    QVERIFY(QFile::exists(file));
    QVERIFY(worker.manager->clearRun(3));
    QVERIFY(!QFile::exists(file));
    QCOMPARE(worker.store->videoCount(), 0);
    QString error;
    QVERIFY(!worker.manager->clearRun(3, &error));
    QVERIFY(error.isEmpty());
}

void TestJobManager::queueConcurrencyAndPriority()
{
    QFETCH(QString, backend);
    StoreFixture fixture;
    PREPARE_STORE(fixture, backend);
    SystemClock clock;
    Worker worker(fixture.config(), fixture.dir(), &clock);
    QVERIFY(worker.ok);
    QVERIFY(worker.settings.setValue("jobs/maxLocalConcurrent", 1).isEmpty());
    worker.manager->start();
    QStringList started;
    int maxActive = 0;
    connect(worker.manager.get(), &JobManager::jobStarted, this, [&](const QString &id) {
        started << id;
        maxActive = qMax(maxActive, worker.manager->activeJobCount());
    });
    QSignalSpy finished(worker.manager.get(), &JobManager::jobFinished);
    QSignalSpy progress(worker.manager.get(), &JobManager::jobProgress);

    const auto a = worker.manager->submit(tinySpec(1, QStringLiteral("ランジ 10回"), 2));
    auto lowSpec = tinySpec(2, QStringLiteral("スクワット 10回"));
    const auto low = worker.manager->submit(lowSpec);
    auto highSpec = tinySpec(3, QStringLiteral("プランク 30秒"));
    highSpec.priority = 10;
    const auto high = worker.manager->submit(highSpec);
    QTRY_COMPARE_WITH_TIMEOUT(finished.size(), 3, 120000);
    QCOMPARE(maxActive, 1);
    QCOMPARE(started, (QStringList {a.job.id, high.job.id, low.job.id}));
    // Progress came with an estimate of the time left.
    bool sawEstimate = false;
    for (const QList<QVariant> &args : std::as_const(progress))
        sawEstimate = sawEstimate || args.at(2).toLongLong() >= 0;
    QVERIFY(sawEstimate);
    for (const QString &id : {a.job.id, low.job.id, high.job.id}) {
        const auto job = worker.store->job(id);
        QVERIFY(job);
        QCOMPARE(job->status, JobStatus::Completed);
        QVERIFY(job->claimedBy.isEmpty());
        QCOMPARE(job->actualCost, 0.0);
    }
}

void TestJobManager::cancelQueuedAndRunning()
{
    QFETCH(QString, backend);
    StoreFixture fixture;
    PREPARE_STORE(fixture, backend);
    SystemClock clock;
    Worker worker(fixture.config(), fixture.dir(), &clock);
    QVERIFY(worker.ok);
    worker.manager->start();
    QSignalSpy failed(worker.manager.get(), &JobManager::jobFailed);
    auto running = tinySpec(1, QStringLiteral("縄跳び 1分"), 12);
    running.size = QSize(1280, 720);
    const auto first = worker.manager->submit(running);
    const auto queued = worker.manager->submit(tinySpec(2, QStringLiteral("カーフレイズ 20回")));
    QVERIFY(worker.manager->isRunningHere(first.job.id));
    QVERIFY(!worker.manager->isRunningHere(queued.job.id));

    QVERIFY(worker.manager->cancel(queued.job.id));
    QCOMPARE(worker.store->job(queued.job.id)->status, JobStatus::Cancelled);
    QVERIFY(worker.manager->cancel(first.job.id));
    QCOMPARE(worker.store->job(first.job.id)->status, JobStatus::Cancelled);
    QCOMPARE(failed.size(), 2);
    QCOMPARE(worker.manager->activeJobCount(), 0);
    // Cancelled jobs are not cached videos: each count says what its label says.
    QCOMPARE(worker.store->videoCount(), 0);
    QCOMPARE(worker.store->jobCountsByStatus().value(QStringLiteral("cancelled")), 2);
    QCOMPARE(worker.store->jobCountsByStatus().value(QStringLiteral("completed")), 0);
    // The renderer stops and leaves no temporary file behind.
    QTRY_VERIFY_WITH_TIMEOUT(
            QDir(worker.videos.directory()).entryList(QDir::Files | QDir::Hidden).isEmpty(), 20000);
    // A cancelled drill can be asked for again.
    QSignalSpy finished(worker.manager.get(), &JobManager::jobFinished);
    const auto again = worker.manager->submit(tinySpec(2, QStringLiteral("カーフレイズ 20回")));
    QCOMPARE(again.kind, JobManager::Submission::Kind::Started);
    QVERIFY(finished.wait(60000));
}

void TestJobManager::overallTimeout()
{
    StoreFixture fixture;
    PREPARE_STORE(fixture, QStringLiteral("sqlite"));
    ManualClock clock(QDateTime::currentDateTimeUtc());
    Worker worker(fixture.config(), fixture.dir(), &clock);
    QVERIFY(worker.ok);
    QVERIFY(worker.settings.setValue("jobs/timeoutSeconds", 60).isEmpty());
    worker.manager->start();
    QSignalSpy failed(worker.manager.get(), &JobManager::jobFailed);
    auto spec = tinySpec(1, QStringLiteral("バウンディング 30m"), 12);
    spec.size = QSize(1280, 720);
    const auto job = worker.manager->submit(spec);
    QVERIFY(worker.manager->isRunningHere(job.job.id));
    clock.advance(61 * 1000);
    QVERIFY(failed.wait(10000));
    const JobRecord record = failed.first().first().value<JobRecord>();
    QCOMPARE(record.errorCode, QStringLiteral("timeout"));
    QVERIFY(record.errorMessage.contains(QLatin1String("jobs/timeoutSeconds")));
    QCOMPARE(worker.store->job(job.job.id)->status, JobStatus::Failed);
}

void TestJobManager::resumesWorkOfDeadProcess()
{
    QFETCH(QString, backend);
    StoreFixture fixture;
    PREPARE_STORE(fixture, backend);
    SystemClock clock;
    QString jobId;
    {
        // A process recorded a job and started it, then died: its claim names a pid that does
        // not exist and has not lapsed yet.
        Worker dead(fixture.config(), fixture.dir(), &clock);
        QVERIFY(dead.ok);
        JobRecord job;
        job.id = QStringLiteral("resumeme0000000000000");
        job.runId = 77;
        job.drillText = QStringLiteral("レッグスイング 10回");
        JobSpec spec = tinySpec(77, job.drillText);
        job.specHash = spec.specHash();
        job.provider = QStringLiteral("local");
        job.model = QStringLiteral("drillstudio-local");
        job.size = QStringLiteral("160x96");
        job.seconds = 1;
        job.prompt = spec.prompt();
        job.status = JobStatus::Running;
        job.progress = 40;
        job.createdAt = clock.nowMs();
        job.startedAt = clock.nowMs();
        job.claimedBy = QSysInfo::machineHostName() + QStringLiteral(":2147483000:deadbeef");
        job.claimedUntil = clock.nowMs() + 3600 * 1000;
        QVERIFY(dead.store->insertJob(job));
        QVERIFY(dead.store->linkRun(77, job.id, job.drillText, clock.nowMs()));
        jobId = job.id;
    }
    Worker worker(fixture.config(), fixture.dir(), &clock);
    QVERIFY(worker.ok);
    QSignalSpy finished(worker.manager.get(), &JobManager::jobFinished);
    worker.manager->start();
    QVERIFY(worker.manager->isRunningHere(jobId));
    QVERIFY(finished.wait(60000));
    const auto job = worker.store->job(jobId);
    QCOMPARE(job->status, JobStatus::Completed);
    QVERIFY(QFile::exists(worker.videos.absolutePath(job->filePath)));
    QCOMPARE(worker.store->jobForRun(77)->id, jobId);
}

void TestJobManager::evictsLeastRecentlyUsed()
{
    QFETCH(QString, backend);
    StoreFixture fixture;
    PREPARE_STORE(fixture, backend);
    ManualClock clock(QDateTime::currentDateTimeUtc());
    Worker worker(fixture.config(), fixture.dir(), &clock);
    QVERIFY(worker.ok);
    worker.manager->start();
    QSignalSpy finished(worker.manager.get(), &JobManager::jobFinished);
    QStringList ids;
    const QStringList drills = {QStringLiteral("もも上げ"), QStringLiteral("ランジ"),
                                QStringLiteral("プランク"), QStringLiteral("スクワット")};
    for (int i = 0; i < drills.size(); ++i) {
        ids << worker.manager->submit(tinySpec(i + 1, drills.at(i))).job.id;
        QVERIFY(finished.wait(60000));
        clock.advance(60 * 1000);
    }
    // Use the first video again: it becomes the most recently used.
    QCOMPARE(worker.manager->submit(tinySpec(9, drills.at(0))).kind,
             JobManager::Submission::Kind::CacheHit);
    const qint64 total = worker.store->totalBytes();
    const qint64 oneVideo = worker.store->job(ids.at(1))->bytes;
    QVERIFY(worker.settings.setValue("cache/maxBytes", total - oneVideo / 2).isEmpty());
    QCOMPARE(worker.manager->evict(), 1);
    QVERIFY(!worker.store->job(ids.at(1))); // least recently used
    QVERIFY(worker.store->job(ids.at(0)));
    QVERIFY(!worker.store->jobForRun(2));

    // Age: everything not used for two days goes, but the most recently used video always
    // stays, however long the program was closed.
    QVERIFY(worker.settings.setValue("cache/maxBytes", 0).isEmpty());
    QVERIFY(worker.settings.setValue("cache/maxAgeDays", 2).isEmpty());
    clock.advance(3LL * 24 * 3600 * 1000);
    QCOMPARE(worker.manager->evict(), 2);
    QCOMPARE(worker.store->videoCount(), 1);
    QVERIFY(worker.store->job(ids.at(0))); // used last (run 9)
    QVERIFY(worker.store->jobForRun(9));
    const auto kept = worker.store->job(ids.at(0));
    QCOMPARE(QDir(worker.videos.directory()).entryList({QStringLiteral("*.mp4")}, QDir::Files),
             QStringList {kept->filePath});
}

void TestJobManager::newVideoIsNeverEvictedByMakingIt()
{
    // A cap smaller than one video: making a video evicts the others, never the new one.
    QFETCH(QString, backend);
    StoreFixture fixture;
    PREPARE_STORE(fixture, backend);
    ManualClock clock(QDateTime::currentDateTimeUtc());
    Worker worker(fixture.config(), fixture.dir(), &clock);
    QVERIFY(worker.ok);
    worker.manager->start();
    QSignalSpy finished(worker.manager.get(), &JobManager::jobFinished);
    const QString first = worker.manager->submit(tinySpec(1, QStringLiteral("もも上げ"))).job.id;
    QVERIFY(finished.wait(60000));
    clock.advance(60 * 1000);
    QVERIFY(worker.settings.setValue("cache/maxBytes", 1024).isEmpty());
    const QString second = worker.manager->submit(tinySpec(2, QStringLiteral("ランジ"))).job.id;
    QVERIFY(finished.wait(60000));
    QVERIFY(!worker.store->job(first));
    const auto kept = worker.store->job(second);
    QVERIFY(kept);
    QVERIFY(QFile::exists(worker.videos.absolutePath(kept->filePath)));
    QCOMPARE(worker.store->jobForRun(2)->id, second);
}

void TestJobManager::evictionSurvivesFileThatCannotBeDeleted()
{
    // A video file that cannot be deleted: eviction ends, keeps that video's row (its file is
    // still there) and evicts the others.
    QFETCH(QString, backend);
    StoreFixture fixture;
    PREPARE_STORE(fixture, backend);
    ManualClock clock(QDateTime::currentDateTimeUtc());
    Worker worker(fixture.config(), fixture.dir(), &clock);
    QVERIFY(worker.ok);
    worker.manager->start();
    QSignalSpy finished(worker.manager.get(), &JobManager::jobFinished);
    QStringList ids;
    const QStringList drills
            = {QStringLiteral("もも上げ"), QStringLiteral("ランジ"), QStringLiteral("プランク")};
    for (int i = 0; i < drills.size(); ++i) {
        ids << worker.manager->submit(tinySpec(i + 1, drills.at(i))).job.id;
        QVERIFY(finished.wait(60000));
        clock.advance(60 * 1000);
    }
    // The oldest video's file becomes something that cannot be deleted (a non-empty folder).
    const QString stuck = worker.videos.absolutePath(worker.store->job(ids.at(0))->filePath);
    QVERIFY(QFile::remove(stuck));
    QVERIFY(QDir().mkpath(stuck + QStringLiteral("/inside")));
    QVERIFY(worker.settings.setValue("cache/maxBytes", 1024).isEmpty());
    QCOMPARE(worker.manager->evict(), 1);
    QVERIFY(worker.store->job(ids.at(0))); // could not go
    QVERIFY(!worker.store->job(ids.at(1)));
    QVERIFY(worker.store->job(ids.at(2))); // used last
    // Again: still ends, nothing more to do.
    QCOMPARE(worker.manager->evict(), 0);
    QVERIFY(QDir(stuck).removeRecursively());
    QCOMPARE(worker.manager->evict(), 1);
    QVERIFY(!worker.store->job(ids.at(0)));
}

void TestJobManager::sharedVideoNamesNoRun_data()
{
    QTest::addColumn<bool>("share");
    QTest::newRow("shared") << true;
    QTest::newRow("own video per run") << false;
}

void TestJobManager::sharedVideoNamesNoRun()
{
    // One video serves every run with the drill, so it draws no run ID: the same drill made for
    // two runs gives identical pictures. With cache/shareVideos=false each run's video carries
    // its own ID, so the files differ.
    QFETCH(bool, share);
    StoreFixture fixture;
    PREPARE_STORE(fixture, QStringLiteral("sqlite"));
    SystemClock clock;
    Worker worker(fixture.config(), fixture.dir(), &clock);
    QVERIFY(worker.ok);
    QVERIFY(worker.settings.setValue("cache/shareVideos", share).isEmpty());
    worker.manager->start();
    QSignalSpy finished(worker.manager.get(), &JobManager::jobFinished);
    const QString drill = QStringLiteral("カーフレイズ 20回");
    worker.manager->submit(tinySpec(101, drill));
    QVERIFY(finished.wait(60000));
    JobSpec again = tinySpec(202, drill);
    again.force = true; // made again on purpose, for another run
    worker.manager->submit(again);
    QVERIFY(finished.size() == 2 || finished.wait(60000));
    const auto a = worker.store->jobForRun(101);
    const auto b = worker.store->jobForRun(202);
    QVERIFY(a && b);
    QVERIFY(a->id != b->id);
    QCOMPARE(a->sha256 == b->sha256, share);
}

void TestJobManager::twoWorkersNeverRunTheSameJob()
{
    QFETCH(QString, backend);
    StoreFixture fixture;
    PREPARE_STORE(fixture, backend);
    SystemClock clock;
    Worker one(fixture.config(), fixture.dir(), &clock);
    Worker two(fixture.config(), fixture.dir(), &clock);
    QVERIFY(one.ok && two.ok);
    QVERIFY(one.settings.setValue("jobs/maxLocalConcurrent", 2).isEmpty());
    QMap<QString, int> starts;
    for (Worker *w : {&one, &two}) {
        connect(w->manager.get(), &JobManager::jobStarted, this,
                [&starts](const QString &id) { ++starts[id]; });
        w->manager->start();
    }
    QSet<QString> ids;
    for (int i = 0; i < 12; ++i) {
        const JobSpec spec = tinySpec(100 + i, QStringLiteral("ドリル %1").arg(i));
        // Both workers are asked for the same drill, as two coaches might.
        ids << one.manager->submit(spec).job.id;
        ids << two.manager->submit(tinySpec(200 + i, spec.drillText)).job.id;
    }
    QCOMPARE(ids.size(), 12);
    QTRY_VERIFY_WITH_TIMEOUT(one.store->unfinishedJobs().isEmpty(), 120000);
    QCOMPARE(starts.size(), 12);
    for (auto it = starts.cbegin(); it != starts.cend(); ++it)
        QCOMPARE(it.value(), 1);
    QCOMPARE(one.store->videoCount(), 12);
}

QTEST_MAIN(TestJobManager)
#include "tst_jobmanager.moc"
