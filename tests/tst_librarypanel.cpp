// The library panel over a real store, driven with QTest: paging with no cap (100,000 videos),
// search, filters and sorting done by the store, thumbnails, runs and unlinking, removing several
// videos, upkeep of the cache, spending, dragging a video out, and refreshes from other processes
// that apply only the differences. The failures the issue lists are reproduced first.
#include "appcontext.h"
#include "clock.h"
#include "database.h"
#include "jobmanager.h"
#include "jobstore.h"
#include "librarymodel.h"
#include "librarypanel.h"
#include "settings.h"
#include "storefixture.h"
#include "storereader.h"
#include "videostore.h"

#include <QAbstractItemModelTester>
#include <QCheckBox>
#include <QComboBox>
#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QHeaderView>
#include <QImage>
#include <QLabel>
#include <QLineEdit>
#include <QMenu>
#include <QMimeData>
#include <QPushButton>
#include <QScrollBar>
#include <QSignalSpy>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QTableView>
#include <QTemporaryDir>
#include <QTest>
#include <QThread>

class TestLibraryPanel : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void cleanup();
    void hundredThousandVideosScrollToTheEnd();
    void failedAndCancelledHiddenWithoutCost();
    void searchByRunIdOrDrillText();
    void filtersByStatusProviderAndDate();
    void sortingIsDoneByTheStore();
    void refreshAppliesOnlyTheDifferences();
    void tableIsOneTabStopAndPreviewFollowsCurrentRow();
    void thumbnailsAreDecodedAndCached();
    void runsOfAVideoAndUnlinkingOne();
    void removeSeveralListsFilesAndRuns();
    void clearAllAndEvictNow();
    void integrityCheckInPlainWords();
    void diskUseInTotalAndPerRun();
    void spendAgainstTheCaps();
    void dragOutGivesTheFile();
    void queryPagesOnBothBackends_data();
    void queryPagesOnBothBackends();

private:
    template<typename T>
    T *child(const char *name)
    {
        T *widget = m_panel->findChild<T *>(QLatin1String(name));
        if (!widget)
            qFatal("missing widget %s", name);
        return widget;
    }
    void openPanel();
    void waitIdle() { QTRY_VERIFY_WITH_TIMEOUT(!m_panel->model()->isBusy(), 20000); }
    // Records a job straight into the store, as another process would.
    JobRecord addJob(JobStatus status, const QString &drill, qint64 runId,
                     const QString &provider = QStringLiteral("local"), qint64 createdAt = 0,
                     qint64 bytes = 1000, bool withFile = false);
    void link(qint64 runId, const QString &jobId);
    void chooseData(const char *combo, const QVariant &data);

    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<AppContext> m_context;
    std::unique_ptr<LibraryPanel> m_panel;
    std::unique_ptr<QAbstractItemModelTester> m_tester;
    int m_added = 0;
};

void TestLibraryPanel::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    m_context = std::make_unique<AppContext>();
    AppContext::Options options;
    options.dataDir = m_dir->path();
    options.installLogFile = false;
    options.startJobs = false;
    QVERIFY2(m_context->open(options), qPrintable(m_context->errorString()));
    m_added = 0;
}

void TestLibraryPanel::cleanup()
{
    m_tester.reset();
    m_panel.reset();
    m_context.reset();
    m_dir.reset();
}

void TestLibraryPanel::openPanel()
{
    m_panel = std::make_unique<LibraryPanel>(m_context.get());
    m_tester = std::make_unique<QAbstractItemModelTester>(
            m_panel->model(), QAbstractItemModelTester::FailureReportingMode::QtTest);
    m_panel->resize(900, 500);
    m_panel->show();
    QVERIFY(QTest::qWaitForWindowExposed(m_panel.get()));
    waitIdle();
}

JobRecord TestLibraryPanel::addJob(JobStatus status, const QString &drill, qint64 runId,
                                   const QString &provider, qint64 createdAt, qint64 bytes,
                                   bool withFile)
{
    const int n = ++m_added;
    JobRecord job;
    job.id = QStringLiteral("job-%1").arg(n);
    job.runId = runId;
    job.drillText = drill;
    job.specHash = QStringLiteral("hash-%1").arg(n);
    job.provider = provider.isEmpty() ? QStringLiteral("local") : provider;
    job.model = QStringLiteral("m");
    job.size = QStringLiteral("320x180");
    job.seconds = 1;
    job.prompt = drill;
    job.status = status;
    job.createdAt = createdAt ? createdAt : 1'700'000'000'000 + n * 1000;
    job.estimatedCost = job.provider == QLatin1String("local") ? 0 : 0.4;
    job.actualCost = status == JobStatus::Completed ? job.estimatedCost : 0;
    if (status == JobStatus::Completed) {
        job.completedAt = job.createdAt;
        job.filePath = QStringLiteral("video-%1.mp4").arg(n);
        job.bytes = bytes;
        if (withFile) {
            QFile file(m_context->videos()->absolutePath(job.filePath));
            if (!file.open(QIODevice::WriteOnly) || file.write(QByteArray(bytes, 'x')) != bytes)
                qFatal("cannot write a video file");
        }
    }
    if (!m_context->store()->insertJob(job))
        qFatal("%s", qPrintable(m_context->store()->errorString()));
    return job;
}

void TestLibraryPanel::link(qint64 runId, const QString &jobId)
{
    QVERIFY(m_context->store()->linkRun(runId, jobId, QStringLiteral("drill"), 1));
}

void TestLibraryPanel::chooseData(const char *name, const QVariant &data)
{
    auto *combo = child<QComboBox>(name);
    const int at = combo->findData(data);
    QVERIFY2(at >= 0, name);
    combo->setCurrentIndex(at);
    Q_EMIT combo->activated(at);
}

// Failure 4: the table stopped at 1,000 rows. Now it pages through 100,000 with no cap, the first
// show reads one page only, and the count comes from the store without reading the rows.
void TestLibraryPanel::hundredThousandVideosScrollToTheEnd()
{
    constexpr int kVideos = 100'000;
    {
        QSqlDatabase db = m_context->database()->connection();
        QVERIFY(db.transaction());
        QSqlQuery q(db);
        QVERIFY(q.prepare(QStringLiteral(
                "INSERT INTO jobs (id, run_id, drill_text, spec_hash, provider, model, size, "
                "seconds, prompt, status, created_at, completed_at, file_path, bytes) VALUES "
                "(?, ?, ?, ?, 'local', 'm', '320x180', 1, 'p', 'completed', ?, ?, ?, 1000)")));
        for (int i = 0; i < kVideos; ++i) {
            q.addBindValue(QStringLiteral("bulk-%1").arg(i, 6, 10, QLatin1Char('0')));
            q.addBindValue(qint64(i + 1));
            q.addBindValue(QStringLiteral("ドリル %1").arg(i));
            q.addBindValue(QStringLiteral("h%1").arg(i));
            q.addBindValue(qint64(1'700'000'000'000) + i);
            q.addBindValue(qint64(1'700'000'000'000) + i);
            q.addBindValue(QStringLiteral("bulk-%1.mp4").arg(i));
            QVERIFY2(q.exec(), qPrintable(q.lastError().text()));
        }
        QVERIFY(db.commit());
    }
    openPanel();
    // The tester walks every row at each change: right for small models, quadratic here. The
    // other functions run it.
    m_tester.reset();
    LibraryModel *model = m_panel->model();
    // One page at first, the whole count without reading the rows.
    QCOMPARE(model->rowCount(), LibraryModel::PageSize);
    QCOMPARE(model->totalCount(), qint64(kVideos));
    QVERIFY(child<QLabel>("librarySummaryLabel")->text().startsWith(QLatin1String("100000 ")));
    QTableView *view = m_panel->view();
    QElapsedTimer timer;
    timer.start();
    while (model->canFetchMore({})) {
        view->scrollToBottom();
        QVERIFY(QTest::qWaitFor([&] { return !model->isBusy(); }, 10000));
        QVERIFY2(timer.elapsed() < 240000, "scrolling to the end took too long");
    }
    QCOMPARE(model->rowCount(), kVideos);
    QCOMPARE(model->entry(kVideos - 1).job.runId, qint64(1));
    QCOMPARE(model->entry(0).job.runId, qint64(kVideos));
    // At the end, the last row is on screen.
    view->scrollToBottom();
    QCOMPARE(view->verticalScrollBar()->value(), view->verticalScrollBar()->maximum());
    QVERIFY(view->rowAt(view->viewport()->height() - 2) >= kVideos - 20);
    // A change elsewhere with everything loaded: only that row is told.
    QSignalSpy reset(model, &QAbstractItemModel::modelReset);
    QSignalSpy removed(model, &QAbstractItemModel::rowsRemoved);
    QSignalSpy changed(model, &QAbstractItemModel::dataChanged);
    QSqlQuery q(m_context->database()->connection());
    QVERIFY(q.exec(QStringLiteral("UPDATE jobs SET bytes = 5000 WHERE id = 'bulk-050000'")));
    // The 100,000 loaded rows are read again and compared on the reader's thread.
    QElapsedTimer asked;
    asked.start();
    m_panel->refresh();
    QVERIFY(asked.elapsed() < 50);
    QTRY_VERIFY_WITH_TIMEOUT(!changed.isEmpty(), 30000);
    waitIdle();
    QCOMPARE(reset.size(), 0);
    QCOMPARE(removed.size(), 0);
    QCOMPARE(changed.size(), 1);
    QCOMPARE(changed.first().at(0).toModelIndex().row(), kVideos - 1 - 50000);
    QCOMPARE(changed.first().at(1).toModelIndex().row(), kVideos - 1 - 50000);
}

// Failure 7: failed and cancelled jobs were listed as cached videos, with a cost.
void TestLibraryPanel::failedAndCancelledHiddenWithoutCost()
{
    addJob(JobStatus::Completed, QStringLiteral("もも上げ"), 1, QStringLiteral("openai"));
    addJob(JobStatus::Failed, QStringLiteral("プランク"), 2, QStringLiteral("openai"));
    addJob(JobStatus::Cancelled, QStringLiteral("スクワット"), 3, QStringLiteral("openai"));
    addJob(JobStatus::Expired, QStringLiteral("腕立て"), 4, QStringLiteral("openai"));
    openPanel();
    LibraryModel *model = m_panel->model();
    QCOMPARE(model->rowCount(), 1);
    QCOMPARE(model->totalCount(), qint64(1));
    QCOMPARE(model->index(0, LibraryModel::CostColumn).data().toString(), QStringLiteral("$0.40"));
    // Asked for: shown, but never with a cost they did not incur, nor as something to play.
    chooseData("libraryStatusCombo", int(LibraryFilter::Status::Failed));
    waitIdle();
    QCOMPARE(model->rowCount(), 3);
    for (int row = 0; row < 3; ++row) {
        QVERIFY(model->index(row, LibraryModel::CostColumn).data().toString().isEmpty());
        QVERIFY(!(model->flags(model->index(row, 0)) & Qt::ItemIsDragEnabled));
    }
    QVERIFY(!child<QCheckBox>("showFailedCheck")->isEnabled());
    chooseData("libraryStatusCombo", int(LibraryFilter::Status::Any));
    child<QCheckBox>("showFailedCheck")->click();
    waitIdle();
    QCOMPARE(model->rowCount(), 4);
    child<QCheckBox>("showFailedCheck")->click();
    waitIdle();
    QCOMPARE(model->rowCount(), 1);
}

void TestLibraryPanel::searchByRunIdOrDrillText()
{
    const JobRecord plank = addJob(JobStatus::Completed, QStringLiteral("プランク 30秒"), 501);
    const JobRecord squat = addJob(JobStatus::Completed, QStringLiteral("Squat 10x"), 502);
    addJob(JobStatus::Completed, QStringLiteral("もも上げ"), 503);
    link(777, squat.id); // a later run that uses the same video
    openPanel();
    LibraryModel *model = m_panel->model();
    QCOMPARE(model->rowCount(), 3);
    auto *search = child<QLineEdit>("librarySearchEdit");
    const auto searchFor = [&](const QString &text) {
        search->setText(text);
        QTest::keyClick(search, Qt::Key_Return);
        waitIdle();
    };
    searchFor(QStringLiteral("プランク"));
    QCOMPARE(model->rowCount(), 1);
    QCOMPARE(model->entry(0).job.id, plank.id);
    searchFor(QStringLiteral("squat")); // any case
    QCOMPARE(model->rowCount(), 1);
    QCOMPARE(model->entry(0).job.id, squat.id);
    searchFor(QStringLiteral("501"));
    QCOMPARE(model->rowCount(), 1);
    QCOMPARE(model->entry(0).job.id, plank.id);
    // A run that links to a video made for another run finds it too.
    searchFor(QStringLiteral("777"));
    QCOMPARE(model->rowCount(), 1);
    QCOMPARE(model->entry(0).job.id, squat.id);
    QCOMPARE(model->totalCount(), qint64(1));
    searchFor(QStringLiteral("100%"));
    QCOMPARE(model->rowCount(), 0);
    searchFor(QString());
    QCOMPARE(model->rowCount(), 3);
    // Typing searches by itself once typing pauses.
    search->setText(QStringLiteral("もも"));
    QTRY_COMPARE(model->filter().search, QStringLiteral("もも"));
    waitIdle();
    QCOMPARE(model->rowCount(), 1);
}

void TestLibraryPanel::filtersByStatusProviderAndDate()
{
    const qint64 now = m_context->clock()->nowMs();
    addJob(JobStatus::Completed, QStringLiteral("today local"), 1, QStringLiteral("local"), now);
    addJob(JobStatus::Completed, QStringLiteral("old remote"), 2, QStringLiteral("openai"),
           now - 40LL * 24 * 3600 * 1000);
    addJob(JobStatus::Queued, QStringLiteral("waiting"), 3, QStringLiteral("openai"),
           now - 3LL * 24 * 3600 * 1000);
    openPanel();
    LibraryModel *model = m_panel->model();
    QCOMPARE(model->rowCount(), 3);
    chooseData("libraryStatusCombo", int(LibraryFilter::Status::UnderWay));
    waitIdle();
    QCOMPARE(model->rowCount(), 1);
    QCOMPARE(model->entry(0).job.drillText, QStringLiteral("waiting"));
    chooseData("libraryStatusCombo", int(LibraryFilter::Status::Ready));
    waitIdle();
    QCOMPARE(model->rowCount(), 2);
    // The providers offered are those in the store.
    QTRY_VERIFY(child<QComboBox>("libraryProviderCombo")->findData(QStringLiteral("openai")) > 0);
    chooseData("libraryProviderCombo", QStringLiteral("openai"));
    waitIdle();
    QCOMPARE(model->rowCount(), 1);
    QCOMPARE(model->entry(0).job.drillText, QStringLiteral("old remote"));
    chooseData("libraryProviderCombo", QString());
    chooseData("libraryStatusCombo", int(LibraryFilter::Status::Any));
    chooseData("libraryPeriodCombo", 7);
    waitIdle();
    QCOMPARE(model->rowCount(), 2);
    chooseData("libraryPeriodCombo", 1);
    waitIdle();
    QCOMPARE(model->rowCount(), 1);
    QCOMPARE(model->entry(0).job.drillText, QStringLiteral("today local"));
    chooseData("libraryPeriodCombo", 0);
    waitIdle();
    QCOMPARE(model->rowCount(), 3);
}

// Sorting by a column is the store's ORDER BY: still one page loaded, pages continue in order.
void TestLibraryPanel::sortingIsDoneByTheStore()
{
    const int count = LibraryModel::PageSize + 50;
    {
        QSqlDatabase db = m_context->database()->connection();
        QVERIFY(db.transaction());
        for (int i = 0; i < count; ++i)
            addJob(JobStatus::Completed, QStringLiteral("drill %1").arg(i), 1000 + i,
                   QStringLiteral("local"), 0, 1000 + (i * 7919) % count);
        QVERIFY(db.commit());
    }
    openPanel();
    LibraryModel *model = m_panel->model();
    QCOMPARE(model->rowCount(), LibraryModel::PageSize);
    QHeaderView *header = m_panel->view()->horizontalHeader();
    // Sections fit their contents, so they move when the rows change: aim at the middle of the
    // section where it is now, never at a point measured before.
    const auto clickHeader = [header](int column) {
        QCoreApplication::processEvents(); // the header's delayed resize to the new contents
        const QPoint middle(header->sectionViewportPosition(column)
                                    + header->sectionSize(column) / 2,
                            header->height() / 2);
        QCOMPARE(header->logicalIndexAt(middle), column);
        QTest::mouseClick(header->viewport(), Qt::LeftButton, {}, middle);
    };
    clickHeader(LibraryModel::SizeColumn);
    if (QTest::currentTestFailed())
        return;
    waitIdle();
    QCOMPARE(model->filter().sort, LibraryFilter::Sort::Size);
    QCOMPARE(model->rowCount(), LibraryModel::PageSize);
    while (model->canFetchMore({})) {
        model->fetchMore({});
        waitIdle();
    }
    QCOMPARE(model->rowCount(), count);
    const bool ascending = model->filter().ascending;
    for (int row = 1; row < count; ++row) {
        const qint64 a = model->entry(row - 1).job.bytes;
        const qint64 b = model->entry(row).job.bytes;
        QVERIFY2(ascending ? a <= b : a >= b, qPrintable(QString::number(row)));
    }
    // The other way round.
    clickHeader(LibraryModel::SizeColumn);
    if (QTest::currentTestFailed())
        return;
    waitIdle();
    QCOMPARE(model->filter().ascending, !ascending);
    QCOMPARE(model->entry(0).job.bytes, ascending ? qint64(1000 + count - 1) : qint64(1000));
    // The run count is not a column of the store: its header keeps the order and says so.
    clickHeader(LibraryModel::RunsColumn);
    if (QTest::currentTestFailed())
        return;
    waitIdle();
    QCOMPARE(model->filter().sort, LibraryFilter::Sort::Size);
    QCOMPARE(header->sortIndicatorSection(), int(LibraryModel::SizeColumn));
}

// Failure 3: changes by other processes did not show. Now they do, read off the GUI thread and
// applied as differences: no reset, the selection stays on the same videos.
void TestLibraryPanel::refreshAppliesOnlyTheDifferences()
{
    for (int i = 0; i < 5; ++i)
        addJob(JobStatus::Completed, QStringLiteral("drill %1").arg(i), 10 + i);
    openPanel();
    LibraryModel *model = m_panel->model();
    QTableView *view = m_panel->view();
    QCOMPARE(model->rowCount(), 5);
    // job-2 and job-4 selected, job-2 current.
    view->selectionModel()->select(
            model->index(model->indexOfJob(QStringLiteral("job-4")).row(), 0),
            QItemSelectionModel::ClearAndSelect | QItemSelectionModel::Rows);
    view->selectionModel()->setCurrentIndex(model->indexOfJob(QStringLiteral("job-2")),
                                            QItemSelectionModel::Select
                                                    | QItemSelectionModel::Rows);
    QSignalSpy reset(model, &QAbstractItemModel::modelReset);
    QSignalSpy inserted(model, &QAbstractItemModel::rowsInserted);
    QSignalSpy removed(model, &QAbstractItemModel::rowsRemoved);
    QSignalSpy changed(model, &QAbstractItemModel::dataChanged);
    // Another process: a newer video, one removed, one changed.
    AppContext other;
    AppContext::Options options;
    options.dataDir = m_dir->path();
    options.installLogFile = false;
    options.startJobs = false;
    QVERIFY(other.open(options));
    JobRecord newer = *m_context->store()->job(QStringLiteral("job-1"));
    newer.id = QStringLiteral("newer");
    newer.specHash = QStringLiteral("newer-hash");
    newer.createdAt = 1'800'000'000'000;
    QVERIFY(other.store()->insertJob(newer));
    QVERIFY(other.store()->deleteJob(QStringLiteral("job-3")));
    JobRecord bigger = *other.store()->job(QStringLiteral("job-5"));
    bigger.bytes = 123456;
    QVERIFY(other.store()->updateJob(bigger));
    m_panel->refresh();
    // The read happens on the reader's thread: nothing has changed yet on return.
    QCOMPARE(model->rowCount(), 5);
    QTRY_COMPARE(model->rowCount(), 5 + 1 - 1);
    waitIdle();
    QCOMPARE(reset.size(), 0);
    QCOMPARE(inserted.size(), 1);
    QCOMPARE(removed.size(), 1);
    QCOMPARE(changed.size(), 1);
    QCOMPARE(model->entry(0).job.id, QStringLiteral("newer"));
    const QModelIndexList rows = view->selectionModel()->selectedRows();
    QStringList selected;
    for (const QModelIndex &row : rows)
        selected << row.data(LibraryModel::JobIdRole).toString();
    selected.sort();
    QCOMPARE(selected, QStringList({QStringLiteral("job-2"), QStringLiteral("job-4")}));
    QCOMPARE(m_panel->currentJobId(), QStringLiteral("job-2"));
    const QModelIndex big = model->indexOfJob(QStringLiteral("job-5"));
    QCOMPARE(changed.first().at(0).toModelIndex().row(), big.row());
    QCOMPARE(model->index(big.row(), LibraryModel::SizeColumn).data().toString(),
             QLocale().formattedDataSize(123456));
}

// Failure 5: Tab walked cell by cell through the table, switching the preview at each row.
void TestLibraryPanel::tableIsOneTabStopAndPreviewFollowsCurrentRow()
{
    for (int i = 0; i < 3; ++i)
        addJob(JobStatus::Completed, QStringLiteral("drill %1").arg(i), 10 + i);
    m_panel = std::make_unique<LibraryPanel>(m_context.get());
    QSignalSpy current(m_panel.get(), &LibraryPanel::currentVideoChanged);
    m_panel->show();
    QVERIFY(QTest::qWaitForWindowExposed(m_panel.get()));
    waitIdle();
    // The first row is shown at start, without playing (not chosen by the user).
    QCOMPARE(current.size(), 1);
    QCOMPARE(current.at(0).at(2).toBool(), false);
    QTableView *view = m_panel->view();
    view->setFocus();
    QTRY_VERIFY(view->hasFocus());
    QTest::keyClick(view, Qt::Key_Down);
    QCOMPARE(current.size(), 2);
    QCOMPARE(current.at(1).at(0).toString(), m_panel->model()->entry(1).job.id);
    QCOMPARE(current.at(1).at(2).toBool(), true);
    QTest::keyClick(view, Qt::Key_Right); // a cell to the right: the same row
    QCOMPARE(current.size(), 2);
    QTest::keyClick(view, Qt::Key_Tab);
    QVERIFY(!view->hasFocus());
    QCOMPARE(current.size(), 2);
    QCOMPARE(view->currentIndex().row(), 1);
    // Shift+Down widens the selection and moves the current row: the preview follows it.
    view->setFocus();
    QTRY_VERIFY(view->hasFocus());
    QTest::keyClick(view, Qt::Key_Down, Qt::ShiftModifier);
    QCOMPARE(view->selectionModel()->selectedRows().size(), 2);
    QCOMPARE(current.size(), 3);
}

void TestLibraryPanel::thumbnailsAreDecodedAndCached()
{
    JobRecord job = addJob(JobStatus::Completed, QStringLiteral("thumb"), 1);
    job.thumbnailPath = QStringLiteral("thumb-1.webp");
    QImage image(320, 180, QImage::Format_RGB32);
    image.fill(Qt::red);
    QVERIFY(image.save(m_context->videos()->absolutePath(job.thumbnailPath), "WEBP"));
    QVERIFY(m_context->store()->updateJob(job));
    JobRecord broken = addJob(JobStatus::Completed, QStringLiteral("broken"), 2);
    broken.thumbnailPath = QStringLiteral("broken.webp");
    QFile file(m_context->videos()->absolutePath(broken.thumbnailPath));
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write("not an image");
    file.close();
    QVERIFY(m_context->store()->updateJob(broken));
    openPanel();
    LibraryModel *model = m_panel->model();
    const QModelIndex index = model->indexOfJob(job.id);
    QTRY_VERIFY(model->index(index.row(), 0).data(Qt::DecorationRole).canConvert<QPixmap>());
    const QPixmap pixmap = model->index(index.row(), 0).data(Qt::DecorationRole).value<QPixmap>();
    QCOMPARE(pixmap.height(), LibraryModel::ThumbnailHeight);
    QCOMPARE(pixmap.toImage().pixelColor(5, 5).red() > 200, true);
    // Cached: asking again decodes nothing and answers at once.
    QSignalSpy changed(model, &QAbstractItemModel::dataChanged);
    QVERIFY(!model->index(index.row(), 0).data(Qt::DecorationRole).isNull());
    QCOMPARE(changed.size(), 0);
    // A damaged thumbnail is a row without a picture, not an error.
    const QModelIndex other = model->indexOfJob(broken.id);
    QVERIFY(model->index(other.row(), 0).data(Qt::DecorationRole).isNull());
    QTest::qWait(0);
    QVERIFY(model->index(other.row(), 0).data(Qt::DecorationRole).isNull());
}

void TestLibraryPanel::runsOfAVideoAndUnlinkingOne()
{
    const JobRecord shared
            = addJob(JobStatus::Completed, QStringLiteral("shared"), 31, {}, 0, 1000, true);
    link(31, shared.id);
    link(32, shared.id);
    openPanel();
    auto *runs = child<QComboBox>("libraryRunsCombo");
    QTRY_COMPARE(runs->count(), 2);
    QCOMPARE(runs->itemText(0), QStringLiteral("31"));
    QVERIFY(child<QPushButton>("libraryUnlinkButton")->isEnabled());
    QString asked;
    m_panel->setConfirmHandler([&](const QString &, const QString &text) {
        asked = text;
        return true;
    });
    runs->setCurrentIndex(1);
    QTest::mouseClick(child<QPushButton>("libraryUnlinkButton"), Qt::LeftButton);
    QVERIFY2(asked.contains(QLatin1String("Run 32 ")), qPrintable(asked));
    QVERIFY(!m_context->store()->jobForRun(32));
    QTRY_COMPARE(runs->count(), 1);
    QCOMPARE(runs->itemText(0), QStringLiteral("31"));
    QCOMPARE(m_panel->model()->entry(0).runCount, 1);
    // The last run goes: so does the video.
    QTest::mouseClick(child<QPushButton>("libraryUnlinkButton"), Qt::LeftButton);
    QTRY_COMPARE(m_panel->model()->rowCount(), 0);
    QVERIFY(!QFile::exists(m_context->videos()->absolutePath(shared.filePath)));
    QVERIFY(!child<QPushButton>("libraryUnlinkButton")->isEnabled());
}

void TestLibraryPanel::removeSeveralListsFilesAndRuns()
{
    const JobRecord a = addJob(JobStatus::Completed, QStringLiteral("first"), 41, {}, 0, 500, true);
    const JobRecord b
            = addJob(JobStatus::Completed, QStringLiteral("second"), 42, {}, 0, 500, true);
    const JobRecord c = addJob(JobStatus::Completed, QStringLiteral("third"), 43, {}, 0, 500, true);
    link(41, a.id);
    link(43, c.id);
    link(44, c.id);
    openPanel();
    LibraryModel *model = m_panel->model();
    QTableView *view = m_panel->view();
    QItemSelectionModel *selection = view->selectionModel();
    selection->select(model->indexOfJob(a.id),
                      QItemSelectionModel::ClearAndSelect | QItemSelectionModel::Rows);
    selection->select(model->indexOfJob(c.id),
                      QItemSelectionModel::Select | QItemSelectionModel::Rows);
    QStringList asked;
    bool answer = false;
    m_panel->setConfirmHandler([&](const QString &, const QString &text) {
        asked << text;
        return answer;
    });
    // Asked first, with every file and run; nothing happens on No.
    QTest::mouseClick(child<QPushButton>("clearRunButton"), Qt::LeftButton);
    QCOMPARE(asked.size(), 1);
    for (const QString &expected : {QStringLiteral("video-1.mp4"), QStringLiteral("video-3.mp4"),
                                    QStringLiteral("41"), QStringLiteral("43, 44")})
        QVERIFY2(asked.first().contains(expected), qPrintable(asked.first()));
    QVERIFY(!asked.first().contains(QLatin1String("video-2.mp4")));
    QVERIFY(QFile::exists(m_context->videos()->absolutePath(a.filePath)));
    answer = true;
    view->setFocus();
    QTest::keyClick(view, Qt::Key_Delete);
    QCOMPARE(asked.size(), 2);
    QTRY_COMPARE(model->rowCount(), 1);
    QCOMPARE(model->entry(0).job.id, b.id);
    QVERIFY(!QFile::exists(m_context->videos()->absolutePath(a.filePath)));
    QVERIFY(!QFile::exists(m_context->videos()->absolutePath(c.filePath)));
    QVERIFY(QFile::exists(m_context->videos()->absolutePath(b.filePath)));
    QVERIFY(!m_context->store()->jobForRun(44));
}

void TestLibraryPanel::clearAllAndEvictNow()
{
    for (int i = 0; i < 4; ++i)
        addJob(JobStatus::Completed, QStringLiteral("drill %1").arg(i), 60 + i, {}, 0, 1000, true);
    openPanel();
    LibraryModel *model = m_panel->model();
    QCOMPARE(model->rowCount(), 4);
    QStringList messages;
    connect(m_panel.get(), &LibraryPanel::message, this,
            [&](const QString &text, bool) { messages << text; });
    // No limit set: evicting says why nothing went.
    m_panel->upkeepMenu()->findChild<QAction *>(QStringLiteral("evictAction"))->trigger();
    QVERIFY(messages.last().contains(QLatin1String("No cache limit")));
    QCOMPARE(model->rowCount(), 4);
    QVERIFY(m_context->settings()->setValue("cache/maxBytes", 2500).isEmpty());
    m_panel->upkeepMenu()->findChild<QAction *>(QStringLiteral("evictAction"))->trigger();
    QVERIFY2(messages.last().endsWith(QLatin1String(": 2.")), qPrintable(messages.last()));
    QTRY_COMPARE(model->rowCount(), 2);
    bool answer = false;
    m_panel->setConfirmHandler([&](const QString &, const QString &) { return answer; });
    m_panel->upkeepMenu()->findChild<QAction *>(QStringLiteral("clearAllAction"))->trigger();
    waitIdle();
    QCOMPARE(model->rowCount(), 2);
    answer = true;
    m_panel->upkeepMenu()->findChild<QAction *>(QStringLiteral("clearAllAction"))->trigger();
    QTRY_COMPARE(model->rowCount(), 0);
    QCOMPARE(QDir(m_context->videos()->directory()).entryList(QDir::Files).size(), 0);
}

void TestLibraryPanel::integrityCheckInPlainWords()
{
    addJob(JobStatus::Completed, QStringLiteral("fine"), 71, {}, 0, 100, true);
    openPanel();
    QString title;
    QString report;
    m_panel->setReportHandler([&](const QString &t, const QString &text) {
        title = t;
        report = text;
    });
    m_panel->upkeepMenu()->findChild<QAction *>(QStringLiteral("checkAction"))->trigger();
    QTRY_VERIFY(!report.isEmpty());
    QVERIFY2(report.contains(QLatin1String("Everything is in order")), qPrintable(report));
    // A video whose file went, one without a file, and a file nobody uses.
    addJob(JobStatus::Completed, QStringLiteral("lost"), 72);
    JobRecord bare = addJob(JobStatus::Completed, QStringLiteral("bare"), 73);
    bare.filePath.clear();
    QVERIFY(m_context->store()->updateJob(bare));
    QFile stray(m_context->videos()->absolutePath(QStringLiteral("left-over.mp4")));
    QVERIFY(stray.open(QIODevice::WriteOnly));
    stray.write(QByteArray(2048, 'x'));
    stray.close();
    report.clear();
    m_panel->upkeepMenu()->findChild<QAction *>(QStringLiteral("checkAction"))->trigger();
    QTRY_VERIFY(!report.isEmpty());
    QVERIFY2(report.contains(QLatin1String("file is missing from the disk: 1 (first asked for by "
                                           "runs 72)")),
             qPrintable(report));
    QVERIFY2(report.contains(QLatin1String("marked ready that have no file: 1 (first asked for by "
                                           "runs 73)")),
             qPrintable(report));
    QVERIFY2(report.contains(QLatin1String("belong to no video: 1")), qPrintable(report));
    QVERIFY(report.contains(QLatin1String("left-over.mp4")));
    QVERIFY(!report.contains(QLatin1String("Everything is in order")));
    QCOMPARE(title, QStringLiteral("Cache check"));
}

void TestLibraryPanel::diskUseInTotalAndPerRun()
{
    const JobRecord big
            = addJob(JobStatus::Completed, QStringLiteral("big"), 81, {}, 0, 3000, true);
    const JobRecord small
            = addJob(JobStatus::Completed, QStringLiteral("small"), 82, {}, 0, 1000, true);
    link(81, big.id);
    link(82, small.id);
    openPanel();
    QString report;
    m_panel->setReportHandler([&](const QString &, const QString &text) { report = text; });
    m_panel->upkeepMenu()->findChild<QAction *>(QStringLiteral("diskUseAction"))->trigger();
    QTRY_VERIFY(!report.isEmpty());
    const QLocale locale;
    QVERIFY2(report.contains(
                     QStringLiteral("uses %1 in 2 files").arg(locale.formattedDataSize(4000))),
             qPrintable(report));
    const qsizetype first
            = report.indexOf(QStringLiteral("Run 81: %1").arg(locale.formattedDataSize(3000)));
    const qsizetype second
            = report.indexOf(QStringLiteral("Run 82: %1").arg(locale.formattedDataSize(1000)));
    QVERIFY2(first > 0 && second > first, qPrintable(report));
}

void TestLibraryPanel::spendAgainstTheCaps()
{
    QVERIFY(m_context->settings()->setValue("budget/dailyUsd", 1.0).isEmpty());
    const qint64 now = m_context->clock()->nowMs();
    addJob(JobStatus::Completed, QStringLiteral("paid"), 91, QStringLiteral("openai"), now);
    openPanel();
    auto *label = child<QLabel>("librarySpendLabel");
    QTRY_VERIFY2(label->text().contains(QLatin1String("Spent today: $0.40 of $1.00")),
                 qPrintable(label->text()));
    QVERIFY(label->text().contains(QLatin1String("this month: $0.40 (no cap)")));
    QVERIFY(label->styleSheet().isEmpty());
    // At the cap it says so in colour; a change of the caps shows at once.
    addJob(JobStatus::Completed, QStringLiteral("paid again"), 92, QStringLiteral("openai"), now);
    QVERIFY(m_context->settings()->setValue("budget/monthlyUsd", 0.5).isEmpty());
    QTRY_VERIFY2(label->text().contains(QLatin1String("this month: $0.80 of $0.50")),
                 qPrintable(label->text()));
    QVERIFY(!label->styleSheet().isEmpty());
}

void TestLibraryPanel::dragOutGivesTheFile()
{
    const JobRecord video
            = addJob(JobStatus::Completed, QStringLiteral("video"), 1, {}, 0, 100, true);
    addJob(JobStatus::Failed, QStringLiteral("failed"), 2);
    openPanel();
    LibraryModel *model = m_panel->model();
    const QModelIndex row = model->indexOfJob(video.id);
    QVERIFY(model->flags(row) & Qt::ItemIsDragEnabled);
    QVERIFY(m_panel->view()->dragEnabled());
    QCOMPARE(model->supportedDragActions(), Qt::CopyAction);
    std::unique_ptr<QMimeData> data(model->mimeData({row, model->index(row.row(), 1)}));
    QVERIFY(data);
    QCOMPARE(data->urls(),
             QList<QUrl>({QUrl::fromLocalFile(m_context->videos()->absolutePath(video.filePath))}));
    QVERIFY(QFileInfo::exists(data->urls().first().toLocalFile()));
}

void TestLibraryPanel::queryPagesOnBothBackends_data()
{
    StoreFixture::addBackendRows();
}

// The store's queries themselves, on SQLite and PostgreSQL: keyset pages that neither skip nor
// repeat a row whatever the order (ties included), the filters, search and the count.
void TestLibraryPanel::queryPagesOnBothBackends()
{
    QFETCH(QString, backend);
    StoreFixture fixture;
    Database database;
    OPEN_STORE(fixture, backend, database);
    JobStore store(&database);
    constexpr int kJobs = 450;
    {
        QSqlDatabase db = database.connection();
        QVERIFY(db.transaction());
        for (int i = 0; i < kJobs; ++i) {
            JobRecord job;
            job.id = QStringLiteral("q-%1").arg(i, 3, 10, QLatin1Char('0'));
            job.runId = 5000 + i;
            job.drillText = i % 3 == 0 ? QStringLiteral("Plank %1").arg(i)
                                       : QStringLiteral("もも上げ %1").arg(i);
            job.specHash = job.id;
            job.provider = i % 2 ? QStringLiteral("local") : QStringLiteral("openai");
            job.model = QStringLiteral("m");
            job.size = QStringLiteral("320x180");
            job.seconds = 1 + i % 4;
            job.prompt = job.drillText;
            job.status = i % 10 == 0 ? JobStatus::Failed : JobStatus::Completed;
            // Many equal keys, so that ties are ordered by id.
            job.createdAt = 1'700'000'000'000 + (i / 7) * 1000;
            if (job.status == JobStatus::Completed) {
                job.filePath = job.id + QStringLiteral(".mp4");
                job.bytes = 1000 + (i * 37) % 50;
                job.actualCost = job.provider == QLatin1String("openai") ? 0.1 * (i % 5) : 0;
            }
            QVERIFY2(store.insertJob(job), qPrintable(store.errorString()));
        }
        QVERIFY(db.commit());
    }
    QVERIFY(store.linkRun(90001, QStringLiteral("q-004"), QStringLiteral("x"), 1));
    LibraryQuery query(&database);
    const auto readAll = [&](const LibraryFilter &filter, int pageSize) {
        QList<LibraryEntry> all;
        for (;;) {
            const QList<LibraryEntry> page
                    = query.page(filter, all.isEmpty() ? nullptr : &all.last().job, pageSize);
            if (!query.errorString().isEmpty())
                qFatal("%s", qPrintable(query.errorString()));
            all += page;
            if (page.size() < pageSize)
                return all;
        }
    };
    const qint64 visible = kJobs - kJobs / 10;
    for (LibraryFilter::Sort sort :
         {LibraryFilter::Sort::Created, LibraryFilter::Sort::Size, LibraryFilter::Sort::Cost,
          LibraryFilter::Sort::Length, LibraryFilter::Sort::Drill, LibraryFilter::Sort::RunId,
          LibraryFilter::Sort::Status}) {
        for (bool ascending : {false, true}) {
            LibraryFilter filter;
            filter.sort = sort;
            filter.ascending = ascending;
            const QList<LibraryEntry> all = readAll(filter, 37);
            QSet<QString> ids;
            for (const LibraryEntry &entry : all)
                ids.insert(entry.job.id);
            const QString what = QStringLiteral("sort %1 %2").arg(int(sort)).arg(ascending);
            QVERIFY2(all.size() == visible, qPrintable(what));
            QVERIFY2(ids.size() == visible, qPrintable(what));
            // One query in a single page gives the same order.
            const QList<LibraryEntry> once = query.page(filter, nullptr, kJobs);
            for (int i = 0; i < all.size(); ++i)
                QVERIFY2(once.at(i).job.id == all.at(i).job.id, qPrintable(what));
            // Up to a row: the rows before it and the row itself.
            const QList<LibraryEntry> upTo = query.upTo(filter, &all.at(99).job);
            QVERIFY2(upTo.size() == 100, qPrintable(what));
            QCOMPARE(upTo.last().job.id, all.at(99).job.id);
        }
    }
    LibraryFilter filter;
    QCOMPARE(query.summary(filter).count, visible);
    filter.includeFailed = true;
    QCOMPARE(query.summary(filter).count, qint64(kJobs));
    filter.status = LibraryFilter::Status::Failed;
    QCOMPARE(query.summary(filter).count, qint64(kJobs / 10));
    filter = {};
    filter.provider = QStringLiteral("openai");
    QCOMPARE(query.summary(filter).count, qint64(kJobs / 2 - kJobs / 10));
    QCOMPARE(query.summary(filter).providers,
             QStringList({QStringLiteral("local"), QStringLiteral("openai")}));
    filter = {};
    filter.search = QStringLiteral("plank");
    QCOMPARE(query.summary(filter).count, qint64(readAll(filter, 50).size()));
    QVERIFY(query.summary(filter).count > 0);
    filter.search = QStringLiteral("90001");
    const QList<LibraryEntry> found = readAll(filter, 50);
    QCOMPARE(found.size(), 1);
    QCOMPARE(found.first().job.id, QStringLiteral("q-004"));
    QCOMPARE(found.first().runIds, QList<qint64>({90001}));
    QCOMPARE(query.runsOf(QStringLiteral("q-004")), QList<qint64>({90001}));
    filter.search = QStringLiteral("50%_");
    QCOMPARE(readAll(filter, 50).size(), 0);
}

QTEST_MAIN(TestLibraryPanel)
#include "tst_librarypanel.moc"
