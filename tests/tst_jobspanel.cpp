// The Jobs panel, driven with QTest in the main window: every job of the shared queue with its
// own progress and time left, errors with their request ID, Cancel with the billing warning,
// Retry (a paid remote order is not paid twice) and the import of a batch file with a report
// per line. Real SQLite store, real local renders.
#include "appcontext.h"
#include "database.h"
#include "jobmanager.h"
#include "jobspanel.h"
#include "jobspec.h"
#include "jobstore.h"
#include "mainwindow.h"
#include "settings.h"

#include <QAbstractItemModelTester>
#include <QFile>
#include <QLabel>
#include <QPlainTextEdit>
#include <QProgressBar>
#include <QPushButton>
#include <QSignalSpy>
#include <QSqlDatabase>
#include <QSqlQuery>
#include <QTabWidget>
#include <QTemporaryDir>
#include <QTest>
#include <QTreeView>

class TestJobsPanel : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void cleanup();
    void listsEveryJobOfTheQueue();
    void eachJobOfThisWindowHasItsOwnProgress();
    void cancelWarnsWhenARemoteJobIsBilled();
    void retryRunsAFailedJobAgain();
    void retryOfAPaidOrderIsNotBilledTwice();
    void retryOfALostPaidOrderAsksFirst();
    void importsABatchFileWithAReportPerLine();
    void importOfAnUnreadableFileSaysWhy();
    void fitsASmallWindow();

private:
    void openWindow(bool startJobs = true);
    JobsPanel *panel() const { return m_window->jobsPanel(); }
    template<typename T>
    T *child(const char *name)
    {
        T *widget = panel()->findChild<T *>(QLatin1String(name));
        if (!widget)
            qFatal("missing widget %s", name);
        return widget;
    }
    // A job as another process records it.
    JobRecord makeJob(const QString &id, qint64 runId, JobStatus status,
                      const QString &provider = QStringLiteral("local"));
    // The spec hash a retry of job computes (so that it finds earlier orders of it).
    QString specHashOf(const JobRecord &job) const;
    int jobsWithSpec(const QString &specHash);
    void select(const QString &jobId);

    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<AppContext> m_context;
    std::unique_ptr<AppContext> m_other; // another process on the same store
    std::unique_ptr<MainWindow> m_window;
    std::unique_ptr<QAbstractItemModelTester> m_tester;
};

void TestJobsPanel::init()
{
    qunsetenv("OPENAI_API_KEY");
    m_dir = std::make_unique<QTemporaryDir>();
    QVERIFY(m_dir->isValid());
}

void TestJobsPanel::openWindow(bool startJobs)
{
    m_context = std::make_unique<AppContext>();
    AppContext::Options options;
    options.dataDir = m_dir->path();
    options.installLogFile = false;
    options.startJobs = startJobs;
    QVERIFY2(m_context->open(options), qPrintable(m_context->errorString()));
    QVERIFY(m_context->settings()
                    ->setValue("generation/size", QStringLiteral("320x180"))
                    .isEmpty());
    QVERIFY(m_context->settings()->setValue("generation/seconds", 1).isEmpty());
    m_other = std::make_unique<AppContext>();
    options.startJobs = false;
    QVERIFY(m_other->open(options));
    m_window = std::make_unique<MainWindow>(m_context.get());
    m_tester = std::make_unique<QAbstractItemModelTester>(
            panel()->model(), QAbstractItemModelTester::FailureReportingMode::QtTest);
    auto *tabs = m_window->findChild<QTabWidget *>(QStringLiteral("panelTabs"));
    tabs->setCurrentWidget(panel());
    m_window->show();
    QVERIFY(QTest::qWaitForWindowExposed(m_window.get()));
}

void TestJobsPanel::cleanup()
{
    m_tester.reset();
    m_window.reset();
    m_other.reset();
    m_context.reset();
    m_dir.reset();
}

JobRecord TestJobsPanel::makeJob(const QString &id, qint64 runId, JobStatus status,
                                 const QString &provider)
{
    JobRecord job;
    job.id = id;
    job.runId = runId;
    job.drillText = QStringLiteral("もも上げ %1").arg(runId);
    job.prompt = job.drillText;
    job.provider = provider;
    job.model = QStringLiteral("sora-2");
    job.size = QStringLiteral("320x180");
    job.seconds = 1;
    job.status = status;
    job.createdAt = QDateTime::currentMSecsSinceEpoch() - 1000;
    job.estimatedCost = provider == QLatin1String("local") ? 0 : 0.4;
    job.specHash = specHashOf(job);
    return job;
}

QString TestJobsPanel::specHashOf(const JobRecord &job) const
{
    JobSpec spec = JobSpec::fromSettings(*m_context->settings(), job.runId, job.drillText);
    spec.provider = job.provider;
    spec.model = job.model;
    spec.size = parseVideoSize(job.size);
    spec.seconds = job.seconds;
    return spec.specHash();
}

int TestJobsPanel::jobsWithSpec(const QString &specHash)
{
    QSqlQuery q(m_context->database()->connection());
    q.prepare(QStringLiteral("SELECT COUNT(*) FROM jobs WHERE spec_hash = ?"));
    q.addBindValue(specHash);
    if (!q.exec() || !q.next())
        return -1;
    return q.value(0).toInt();
}

void TestJobsPanel::select(const QString &jobId)
{
    QTRY_VERIFY(panel()->model()->indexOfJob(jobId).isValid());
    panel()->selectJob(jobId);
    QCOMPARE(panel()->selectedJobId(), jobId);
}

// Failure 3, for the queue: jobs of the server, a worker or a team member were not shown.
void TestJobsPanel::listsEveryJobOfTheQueue()
{
    openWindow(false);
    QCOMPARE(panel()->model()->rowCount(), 0);
    const qint64 now = QDateTime::currentMSecsSinceEpoch();
    JobRecord running = makeJob(QStringLiteral("elsewhere-running"), 11, JobStatus::Running);
    running.progress = 40;
    running.startedAt = now - 4000;
    running.claimedBy = QStringLiteral("coach-pc:4242:x");
    running.claimedUntil = now + 3'600'000;
    QVERIFY(m_other->store()->insertJob(running));
    JobRecord failed = makeJob(QStringLiteral("elsewhere-failed"), 12, JobStatus::Failed,
                               QStringLiteral("openai"));
    failed.errorCode = QStringLiteral("content_policy");
    failed.errorMessage = QStringLiteral("The provider refused the prompt.");
    failed.requestId = QStringLiteral("req_abc123");
    failed.completedAt = now - 500;
    QVERIFY(m_other->store()->insertJob(failed));
    JobsModel *model = panel()->model();
    QTRY_COMPARE_WITH_TIMEOUT(model->rowCount(), 2, 10000);
    const QModelIndex runningRow = model->indexOfJob(running.id);
    const QString progress
            = runningRow.siblingAtColumn(JobsModel::ProgressColumn).data().toString();
    // 40 % in 4 s: about 6 s left.
    QVERIFY2(progress.startsWith(QStringLiteral("40% · about ")), qPrintable(progress));
    QVERIFY2(progress.contains(QLatin1String("s left")), qPrintable(progress));
    QCOMPARE(runningRow.data(JobsModel::PercentRole).toInt(), 40);
    QCOMPARE(runningRow.siblingAtColumn(JobsModel::WhereColumn).data().toString(),
             QStringLiteral("another program on coach-pc"));
    const QModelIndex failedRow = model->indexOfJob(failed.id);
    QVERIFY(failedRow.siblingAtColumn(JobsModel::StatusColumn)
                    .data()
                    .toString()
                    .contains(failed.errorMessage));
    QVERIFY(failedRow.data(Qt::ToolTipRole).toString().contains(QLatin1String("req_abc123")));
    // The details show the error, its code and the request ID.
    select(failed.id);
    const QString details = child<QPlainTextEdit>("jobDetailsEdit")->toPlainText();
    QVERIFY2(details.contains(QLatin1String("Request ID: req_abc123")), qPrintable(details));
    QVERIFY(details.contains(QLatin1String("Error code: content_policy")));
    QVERIFY(details.contains(failed.errorMessage));
    QVERIFY(child<QPushButton>("retryJobButton")->isEnabled());
    QVERIFY(!child<QPushButton>("cancelJobButton")->isEnabled());
    // A new job elsewhere appears above, and the selection stays on the same job.
    QVERIFY(m_other->store()->insertJob(
            makeJob(QStringLiteral("elsewhere-new"), 13, JobStatus::Queued)));
    QTRY_COMPARE_WITH_TIMEOUT(model->rowCount(), 3, 10000);
    QCOMPARE(panel()->selectedJobId(), failed.id);
    QCOMPARE(model->indexOfJob(QStringLiteral("elsewhere-new")).row(), 0);
}

// Failure 2: a second Generate took over the progress display of the first.
void TestJobsPanel::eachJobOfThisWindowHasItsOwnProgress()
{
    openWindow();
    JobsModel *model = panel()->model();
    QHash<QString, QSet<int>> seen; // job -> percentages shown
    connect(model, &QAbstractItemModel::dataChanged, this, [&] {
        for (int row = 0; row < model->rowCount(); ++row) {
            const QModelIndex index = model->index(row, 0);
            const int percent = index.data(JobsModel::PercentRole).toInt();
            if (percent > 0)
                seen[index.data(JobsModel::JobIdRole).toString()].insert(percent);
        }
    });
    QSignalSpy finished(m_context->jobs(), &JobManager::jobFinished);
    QStringList ids;
    for (const int run : {21, 22}) {
        JobSpec spec = JobSpec::fromSettings(*m_context->settings(), run,
                                             QStringLiteral("プランク %1").arg(run));
        const auto submission = m_context->jobs()->submit(spec);
        QCOMPARE(submission.kind, JobManager::Submission::Kind::Started);
        ids << submission.job.id;
    }
    QTRY_COMPARE_WITH_TIMEOUT(finished.size(), 2, 120000);
    model->disconnect(this);
    for (const QString &id : ids)
        QVERIFY2(!seen.value(id).isEmpty(), qPrintable(id + QStringLiteral(" showed no progress")));
    QTRY_COMPARE(model->rowCount(), 2);
    for (const QString &id : ids)
        QTRY_COMPARE(model->indexOfJob(id).siblingAtColumn(JobsModel::StatusColumn).data(),
                     QVariant(QStringLiteral("Ready")));
}

// Failure 8: cancelling a paid remote job gave no warning that it is still billed.
void TestJobsPanel::cancelWarnsWhenARemoteJobIsBilled()
{
    openWindow(false);
    JobRecord job = makeJob(QStringLiteral("remote-running"), 31, JobStatus::Running,
                            QStringLiteral("openai"));
    job.remoteId = QStringLiteral("video_123");
    job.claimedBy = QStringLiteral("elsewhere:1:x");
    job.claimedUntil = QDateTime::currentMSecsSinceEpoch() + 3'600'000;
    QVERIFY(m_other->store()->insertJob(job));
    QString asked;
    m_window->setConfirmHandler([&](const QString &, const QString &text) {
        asked = text;
        return false;
    });
    select(job.id);
    auto *cancel = child<QPushButton>("cancelJobButton");
    QVERIFY(cancel->isEnabled());
    QTest::mouseClick(cancel, Qt::LeftButton);
    QVERIFY2(asked.contains(QLatin1String("bills it")), qPrintable(asked));
    QVERIFY(asked.contains(QLatin1String("$0.40")));
    QCOMPARE(m_context->store()->job(job.id)->status, JobStatus::Running);
}

void TestJobsPanel::retryRunsAFailedJobAgain()
{
    openWindow();
    JobRecord failed = makeJob(QStringLiteral("local-failed"), 41, JobStatus::Failed);
    failed.errorCode = QStringLiteral("render_error");
    failed.errorMessage = QStringLiteral("The renderer stopped.");
    QVERIFY(m_other->store()->insertJob(failed));
    select(failed.id);
    QSignalSpy finished(m_context->jobs(), &JobManager::jobFinished);
    QTest::mouseClick(child<QPushButton>("retryJobButton"), Qt::LeftButton);
    QVERIFY2(panel()->message().contains(QLatin1String("generated again")),
             qPrintable(panel()->message()));
    QVERIFY(finished.wait(120000));
    const JobRecord again = finished.first().first().value<JobRecord>();
    QVERIFY(again.id != failed.id);
    QCOMPARE(again.specHash, failed.specHash);
    QCOMPARE(again.runId, failed.runId);
    QCOMPARE(m_context->store()->job(failed.id)->status, JobStatus::Failed);
    QTRY_VERIFY(panel()->model()->indexOfJob(again.id).isValid());
}

// A paid remote order given up here (a timeout) may have its video waiting: a retry fetches it
// instead of ordering and paying again.
void TestJobsPanel::retryOfAPaidOrderIsNotBilledTwice()
{
    openWindow(false);
    JobRecord lost = makeJob(QStringLiteral("remote-timeout"), 51, JobStatus::Failed,
                             QStringLiteral("openai"));
    lost.remoteId = QStringLiteral("video_paid");
    lost.errorCode = QStringLiteral("timeout");
    lost.errorMessage = QStringLiteral("The provider took too long.");
    lost.actualCost = 0.4;
    QVERIFY(m_other->store()->insertJob(lost));
    bool asked = false;
    panel()->setConfirmHandler([&](const QString &, const QString &) {
        asked = true;
        return true;
    });
    select(lost.id);
    QTest::mouseClick(child<QPushButton>("retryJobButton"), Qt::LeftButton);
    QVERIFY(!asked);
    QVERIFY2(panel()->message().contains(QLatin1String("not billed a second time")),
             qPrintable(panel()->message()));
    QCOMPARE(jobsWithSpec(lost.specHash), 1);
    const JobRecord resumed = *m_context->store()->job(lost.id);
    QCOMPARE(resumed.status, JobStatus::Submitted);
    QCOMPARE(resumed.remoteId, lost.remoteId);
}

// Refused for good (a content policy): a retry orders a new video, billed again, so it asks.
void TestJobsPanel::retryOfALostPaidOrderAsksFirst()
{
    openWindow(false);
    JobRecord refused = makeJob(QStringLiteral("remote-refused"), 52, JobStatus::Failed,
                                QStringLiteral("openai"));
    refused.remoteId = QStringLiteral("video_refused");
    refused.errorCode = QStringLiteral("content_policy");
    refused.errorMessage = QStringLiteral("The provider refused the prompt.");
    QVERIFY(m_other->store()->insertJob(refused));
    QString asked;
    panel()->setConfirmHandler([&](const QString &, const QString &text) {
        asked = text;
        return false;
    });
    select(refused.id);
    QTest::mouseClick(child<QPushButton>("retryJobButton"), Qt::LeftButton);
    QVERIFY2(asked.contains(QLatin1String("billed")), qPrintable(asked));
    QCOMPARE(jobsWithSpec(refused.specHash), 1);
}

void TestJobsPanel::importsABatchFileWithAReportPerLine()
{
    openWindow(false);
    const QString path = m_dir->filePath(QStringLiteral("drills.jsonl"));
    QFile file(path);
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write(R"({"run_id": 61, "drill_text": "もも上げ 20m×3"}
{"run_id": 62, "drill_text": "縄跳び"
{"run_id": "sixty-three", "drill_text": "プランク"}

{"run_id": 64, "drill_text": "スキップ", "size": "320x180", "seconds": 1}
{"run_id": 65, "drill_text": ""}
{"run_id": 66, "drill_text": "ダッシュ", "size": "12x7"}
)");
    file.close();
    QString asked;
    panel()->setConfirmHandler([&](const QString &, const QString &text) {
        asked = text;
        return true;
    });
    panel()->setOpenPathHandler([&] { return path; });
    QSignalSpy done(panel(), &JobsPanel::importFinished);
    QTest::mouseClick(child<QPushButton>("importBatchButton"), Qt::LeftButton);
    QVERIFY2(asked.contains(QLatin1String("4 of the 6 lines")), qPrintable(asked));
    auto *progress = child<QProgressBar>("importProgress");
    QCOMPARE(progress->maximum(), 2);
    QVERIFY(done.wait(20000));
    QCOMPARE(done.first().at(0).toInt(), 2);
    QCOMPARE(done.first().at(1).toInt(), 0);
    const QString report = child<QPlainTextEdit>("importReportEdit")->toPlainText();
    const QStringList lines = report.split(u'\n');
    QCOMPARE(lines.size(), 4);
    QVERIFY2(lines.at(0).startsWith(QLatin1String("Line 2: This line is not a JSON object")),
             qPrintable(report));
    QVERIFY2(lines.at(1).startsWith(QLatin1String("Line 3: ")), qPrintable(report));
    QVERIFY2(lines.at(2).startsWith(QLatin1String("Line 6: ")), qPrintable(report));
    QVERIFY2(lines.at(3).startsWith(QLatin1String("Line 7: ")), qPrintable(report));
    QVERIFY(panel()->message().contains(QLatin1String("Submitted: 2")));
    QVERIFY(m_context->store()->jobForRun(61).has_value());
    const std::optional<JobRecord> sized = m_context->store()->jobForRun(64);
    QVERIFY(sized.has_value());
    QCOMPARE(sized->size, QStringLiteral("320x180"));
    QVERIFY(!m_context->store()->jobForRun(62).has_value());
    QTRY_COMPARE(panel()->model()->rowCount(), 2);
    QVERIFY(!progress->isVisible());
    // Declined: nothing is submitted.
    panel()->setConfirmHandler([](const QString &, const QString &) { return false; });
    QSignalSpy again(panel(), &JobsPanel::importFinished);
    QFile more(path);
    QVERIFY(more.open(QIODevice::WriteOnly));
    more.write("{\"run_id\": 71, \"drill_text\": \"A\"}\nnot json\n");
    more.close();
    panel()->importBatch(path);
    QVERIFY(!panel()->isImporting());
    QCOMPARE(panel()->message(), QStringLiteral("Nothing was submitted."));
    QVERIFY(!m_context->store()->jobForRun(71).has_value());
}

void TestJobsPanel::importOfAnUnreadableFileSaysWhy()
{
    openWindow(false);
    panel()->importBatch(m_dir->filePath(QStringLiteral("missing.jsonl")));
    QVERIFY2(panel()->message().contains(QLatin1String("cannot be read")),
             qPrintable(panel()->message()));
    const QString empty = m_dir->filePath(QStringLiteral("empty.jsonl"));
    QFile file(empty);
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write("\n\n");
    file.close();
    panel()->importBatch(empty);
    QCOMPARE(panel()->message(), QStringLiteral("The file has no drills."));
}

// Failure 12, for this tab: at 900×600 every control keeps a size and stays inside the window.
void TestJobsPanel::fitsASmallWindow()
{
    openWindow(false);
    QVERIFY(m_other->store()->insertJob(
            makeJob(QStringLiteral("small-1"), 81, JobStatus::Failed, QStringLiteral("openai"))));
    QTRY_COMPARE_WITH_TIMEOUT(panel()->model()->rowCount(), 1, 10000);
    panel()->selectJob(QStringLiteral("small-1"));
    const QSize size(900, 600);
    m_window->resize(size);
    QTRY_COMPARE(m_window->size(), size);
    const QRect inside = m_window->rect();
    for (QWidget *widget : panel()->findChildren<QWidget *>()) {
        if (!widget->isVisibleTo(m_window.get()) || widget->isWindow())
            continue;
        const QRect box(widget->mapTo(m_window.get(), QPoint(0, 0)), widget->size());
        const QString name = widget->objectName()
                + QStringLiteral(" %1x%2 at %3,%4")
                          .arg(box.width())
                          .arg(box.height())
                          .arg(box.x())
                          .arg(box.y());
        QVERIFY2(!box.isEmpty(), qPrintable(name));
        QVERIFY2(inside.contains(box), qPrintable(name));
    }
    for (const char *name : {"cancelJobButton", "retryJobButton", "importBatchButton"}) {
        auto *button = child<QPushButton>(name);
        QVERIFY2(button->width() >= button->minimumSizeHint().width(), name);
    }
}

QTEST_MAIN(TestJobsPanel)
#include "tst_jobspanel.moc"
