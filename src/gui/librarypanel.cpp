#include "librarypanel.h"

#include "appcontext.h"
#include "clock.h"
#include "jobmanager.h"
#include "librarymodel.h"
#include "libraryquery.h"
#include "settings.h"
#include "storereader.h"
#include "ui_librarypanel.h"
#include "videocontroller.h"
#include "videostore.h"

#include <QAbstractItemView>
#include <QClipboard>
#include <QDesktopServices>
#include <QDir>
#include <QDirIterator>
#include <QFileDialog>
#include <QFileInfo>
#include <QGuiApplication>
#include <QHeaderView>
#include <QItemSelectionModel>
#include <QLocale>
#include <QMenu>
#include <QMessageBox>
#include <QMimeData>
#include <QShortcut>
#include <QSignalBlocker>
#include <QTimer>
#include <QUrl>

namespace {

QString money(double dollars)
{
    return QStringLiteral("$%1").arg(dollars, 0, 'f', 2);
}

QString runList(const LibraryEntry &entry)
{
    QStringList runs;
    for (qint64 id : entry.runIds)
        runs << QString::number(id);
    if (entry.runCount > entry.runIds.size())
        runs << QStringLiteral("…");
    return runs.join(QStringLiteral(", "));
}

} // namespace

LibraryPanel::LibraryPanel(AppContext *context, QWidget *parent)
    : QWidget(parent)
    , ui(std::make_unique<Ui::LibraryPanel>())
    , m_context(context)
    , m_model(new LibraryModel(context->database(), context->videos()->directory(), this))
    , m_upkeepMenu(new QMenu(this))
{
    ui->setupUi(this);
    // Texts that were the main window's keep its translations.
    ui->showFailedCheck->setText(
            QCoreApplication::translate("MainWindow", "&Include failed and cancelled"));
    ui->clearRunButton->setText(QCoreApplication::translate("MainWindow", "Re&move from cache…"));
    ui->libraryView->setAccessibleName(QCoreApplication::translate("MainWindow", "Cached videos"));

    QTableView *view = ui->libraryView;
    view->setModel(m_model);
    QHeaderView *header = view->horizontalHeader();
    header->setSectionResizeMode(QHeaderView::ResizeToContents);
    header->setSectionResizeMode(LibraryModel::DrillColumn, QHeaderView::Stretch);
    header->setMinimumSectionSize(40);
    header->setSortIndicator(LibraryModel::CreatedColumn, Qt::DescendingOrder);
    view->setSortingEnabled(true);
    // The run count is not a column of the store: its header leaves the order as it was.
    connect(header, &QHeaderView::sortIndicatorChanged, this,
            [this, header](int column, Qt::SortOrder) {
                if (column != LibraryModel::RunsColumn)
                    return;
                const QSignalBlocker blocker(header);
                header->setSortIndicator(m_model->sortColumn(),
                                         m_model->filter().ascending ? Qt::AscendingOrder
                                                                     : Qt::DescendingOrder);
            });
    view->verticalHeader()->hide();
    view->verticalHeader()->setDefaultSectionSize(LibraryModel::ThumbnailHeight + 4);
    view->setIconSize(QSize(LibraryModel::ThumbnailHeight * 16 / 9, LibraryModel::ThumbnailHeight));

    ui->libraryStatusCombo->addItem(tr("Ready or under way"), int(LibraryFilter::Status::Any));
    ui->libraryStatusCombo->addItem(tr("Ready"), int(LibraryFilter::Status::Ready));
    ui->libraryStatusCombo->addItem(tr("Under way"), int(LibraryFilter::Status::UnderWay));
    ui->libraryStatusCombo->addItem(tr("Failed or cancelled"), int(LibraryFilter::Status::Failed));
    ui->libraryProviderCombo->addItem(tr("Any provider"), QString());
    ui->libraryPeriodCombo->addItem(tr("Any time"), 0);
    ui->libraryPeriodCombo->addItem(tr("Today"), 1);
    ui->libraryPeriodCombo->addItem(tr("Past 7 days"), 7);
    ui->libraryPeriodCombo->addItem(tr("Past 30 days"), 30);
    ui->libraryPeriodCombo->addItem(tr("Past year"), 365);
    // The boxes and the lists they open are named for screen readers.
    const QList<QPair<QComboBox *, QString>> names
            = {{ui->libraryStatusCombo, tr("Status")},
               {ui->libraryProviderCombo, tr("Provider")},
               {ui->libraryPeriodCombo, tr("Period")},
               {ui->libraryRunsCombo, tr("Runs that use this video")}};
    for (const auto &[combo, name] : names) {
        combo->setAccessibleName(name);
        combo->view()->setAccessibleName(name);
    }

    m_confirm = [this](const QString &title, const QString &text) {
        return QMessageBox::question(this, title, text) == QMessageBox::Yes;
    };
    m_askSavePath = [this](const QString &suggested) {
        return QFileDialog::getSaveFileName(
                this, QCoreApplication::translate("MainWindow", "Save a copy of the video"),
                suggested, QCoreApplication::translate("MainWindow", "MP4 videos (*.mp4)"));
    };
    m_report = [this](const QString &title, const QString &text) {
        auto *box
                = new QMessageBox(QMessageBox::Information, title, text, QMessageBox::Close, this);
        box->setObjectName(QStringLiteral("libraryReport"));
        box->setAttribute(Qt::WA_DeleteOnClose);
        box->open();
    };

    auto *searchTimer = new QTimer(this);
    searchTimer->setSingleShot(true);
    searchTimer->setInterval(250);
    connect(ui->librarySearchEdit, &QLineEdit::textChanged, searchTimer,
            qOverload<>(&QTimer::start));
    connect(searchTimer, &QTimer::timeout, this, &LibraryPanel::applyFilters);
    connect(ui->librarySearchEdit, &QLineEdit::returnPressed, this, [this, searchTimer] {
        searchTimer->stop();
        applyFilters();
    });
    for (QComboBox *combo :
         {ui->libraryStatusCombo, ui->libraryProviderCombo, ui->libraryPeriodCombo})
        connect(combo, &QComboBox::activated, this, &LibraryPanel::applyFilters);
    connect(ui->showFailedCheck, &QCheckBox::toggled, this, &LibraryPanel::applyFilters);

    connect(view->selectionModel(), &QItemSelectionModel::currentRowChanged, this,
            &LibraryPanel::onCurrentChanged);
    connect(view->selectionModel(), &QItemSelectionModel::selectionChanged, this,
            [this] { ui->clearRunButton->setEnabled(!selectedJobIds().isEmpty()); });
    connect(m_model, &QAbstractItemModel::modelReset, this, [this] {
        ui->clearRunButton->setEnabled(false);
        onCurrentChanged();
    });
    connect(m_model, &QAbstractItemModel::rowsAboutToBeRemoved, this,
            [this] { m_rowsLeaving = true; });
    connect(m_model, &QAbstractItemModel::rowsRemoved, this, [this] { m_rowsLeaving = false; });
    connect(m_model, &LibraryModel::updated, this, &LibraryPanel::onUpdated);
    connect(m_model, &LibraryModel::summaryChanged, this, &LibraryPanel::updateSummary);
    connect(m_model, &LibraryModel::summaryChanged, this, &LibraryPanel::updateProviders);
    connect(m_model, &LibraryModel::readFailed, this,
            [this](const QString &error) { Q_EMIT message(error, true); });
    connect(ui->clearRunButton, &QPushButton::clicked, this, &LibraryPanel::removeSelected);
    connect(ui->libraryUnlinkButton, &QPushButton::clicked, this, &LibraryPanel::unlinkRun);
    auto *remove = new QShortcut(QKeySequence::Delete, view, nullptr, nullptr, Qt::WidgetShortcut);
    connect(remove, &QShortcut::activated, this, &LibraryPanel::removeSelected);

    QAction *clear = m_upkeepMenu->addAction(tr("&Clear All…"));
    clear->setObjectName(QStringLiteral("clearAllAction"));
    connect(clear, &QAction::triggered, this, &LibraryPanel::clearAll);
    QAction *evict = m_upkeepMenu->addAction(tr("&Evict Now"));
    evict->setObjectName(QStringLiteral("evictAction"));
    connect(evict, &QAction::triggered, this, &LibraryPanel::evictNow);
    QAction *check = m_upkeepMenu->addAction(tr("C&heck the Cache…"));
    check->setObjectName(QStringLiteral("checkAction"));
    connect(check, &QAction::triggered, this, &LibraryPanel::checkIntegrity);
    QAction *disk = m_upkeepMenu->addAction(tr("&Disk Use…"));
    disk->setObjectName(QStringLiteral("diskUseAction"));
    connect(disk, &QAction::triggered, this, &LibraryPanel::showDiskUse);
    ui->libraryUpkeepButton->setMenu(m_upkeepMenu);

    setUpContextMenu();
    connect(context->settings(), &Settings::changed, this, &LibraryPanel::updateSpend);
    updateSummary();
    updateSpend();
}

LibraryPanel::~LibraryPanel() = default;

QTableView *LibraryPanel::view() const
{
    return ui->libraryView;
}

void LibraryPanel::applyFilters()
{
    LibraryFilter filter = m_model->filter();
    filter.search = ui->librarySearchEdit->text().trimmed();
    filter.status = LibraryFilter::Status(ui->libraryStatusCombo->currentData().toInt());
    filter.includeFailed = ui->showFailedCheck->isChecked();
    filter.provider = ui->libraryProviderCombo->currentData().toString();
    const int days = ui->libraryPeriodCombo->currentData().toInt();
    filter.fromMs = 0;
    if (days > 0) {
        const QDate today = m_context->clock()->now().toLocalTime().date();
        filter.fromMs = today.addDays(1 - days).startOfDay().toMSecsSinceEpoch();
    }
    // Failed and cancelled jobs are what that status shows.
    ui->showFailedCheck->setEnabled(filter.status == LibraryFilter::Status::Any);
    m_model->setFilter(filter);
}

const LibraryEntry *LibraryPanel::currentEntry() const
{
    const QModelIndex current = ui->libraryView->selectionModel()->currentIndex();
    if (!current.isValid() || current.row() >= m_model->rowCount())
        return nullptr;
    return &m_model->entry(current.row());
}

QString LibraryPanel::currentJobId() const
{
    const LibraryEntry *entry = currentEntry();
    return entry ? entry->job.id : QString();
}

QStringList LibraryPanel::selectedJobIds() const
{
    QStringList ids;
    for (const QModelIndex &row : ui->libraryView->selectionModel()->selectedRows())
        ids << m_model->entry(row.row()).job.id;
    return ids;
}

// The preview follows the current row only: arrows move it, a Tab leaves the table.
void LibraryPanel::onCurrentChanged()
{
    updateRuns();
    const LibraryEntry *entry = currentEntry();
    const QString id = entry ? entry->job.id : QString();
    if (id == m_currentJobId)
        return;
    m_currentJobId = id;
    if (!entry)
        return;
    // The previewed video left the store (evicted, cleared elsewhere): the preview is emptied
    // rather than loading whichever video took its row, which would also block the window while
    // the player opens it.
    if (m_rowsLeaving) {
        Q_EMIT currentVideoChanged(id, QString(), false);
        return;
    }
    Q_EMIT currentVideoChanged(
            id,
            LibraryModel::hasVideo(*entry) ? m_model->absolutePath(entry->job.filePath) : QString(),
            !m_firstPage);
}

void LibraryPanel::onUpdated()
{
    QTableView *view = ui->libraryView;
    if (!m_pendingShow.isEmpty()) {
        const QModelIndex found = m_model->indexOfJob(m_pendingShow);
        if (found.isValid()) {
            m_pendingShow.clear();
            m_firstPage = false;
            view->selectionModel()->setCurrentIndex(
                    found, QItemSelectionModel::ClearAndSelect | QItemSelectionModel::Rows);
            view->scrollTo(found);
            return;
        }
    }
    if (m_firstPage) {
        // The newest video is shown at start (its first frame, not playing). Only at start: a
        // library that was empty then does not open in the player whatever another process makes
        // first (opening a video blocks the window while the player prerolls it).
        if (m_model->rowCount() > 0 && !view->selectionModel()->currentIndex().isValid())
            view->selectionModel()->setCurrentIndex(m_model->index(0, 0),
                                                    QItemSelectionModel::ClearAndSelect
                                                            | QItemSelectionModel::Rows);
        m_firstPage = false;
    }
    updateRuns();
}

void LibraryPanel::showVideo(const QString &jobId)
{
    m_pendingShow = jobId;
    onUpdated();
    if (!m_pendingShow.isEmpty())
        m_model->refresh();
}

void LibraryPanel::refresh()
{
    m_model->refresh();
    updateSpend();
}

void LibraryPanel::updateSummary()
{
    ui->librarySummaryLabel->setText(
            QCoreApplication::translate("MainWindow", "%n video(s), %1", nullptr,
                                        int(m_model->totalCount()))
                    .arg(QLocale().formattedDataSize(m_model->totalBytes())));
}

void LibraryPanel::updateProviders()
{
    const QString chosen = ui->libraryProviderCombo->currentData().toString();
    QStringList names = m_model->providers();
    if (!chosen.isEmpty() && !names.contains(chosen))
        names << chosen;
    QStringList shown;
    for (int i = 1; i < ui->libraryProviderCombo->count(); ++i)
        shown << ui->libraryProviderCombo->itemData(i).toString();
    if (shown == names)
        return;
    while (ui->libraryProviderCombo->count() > 1)
        ui->libraryProviderCombo->removeItem(1);
    for (const QString &name : std::as_const(names))
        ui->libraryProviderCombo->addItem(name, name);
    ui->libraryProviderCombo->setCurrentIndex(qMax(0, ui->libraryProviderCombo->findData(chosen)));
}

void LibraryPanel::updateSpend()
{
    Settings *settings = m_context->settings();
    const double dailyCap = settings->number("budget/dailyUsd");
    const double monthlyCap = settings->number("budget/monthlyUsd");
    const QDate today = m_context->clock()->now().toLocalTime().date();
    const qint64 dayStart = today.startOfDay().toMSecsSinceEpoch();
    const qint64 monthStart
            = QDate(today.year(), today.month(), 1).startOfDay().toMSecsSinceEpoch();
    struct Spend
    {
        std::optional<double> today;
        std::optional<double> month;
    };
    m_model->reader()->read(
            [dayStart, monthStart](StoreSession &session) {
                return Spend {session.store().spentSince(dayStart),
                              session.store().spentSince(monthStart)};
            },
            [this, dailyCap, monthlyCap](const Spend &spend) {
                if (!spend.today || !spend.month) {
                    ui->librarySpendLabel->setText(
                            tr("What was spent cannot be read from the store."));
                    ui->librarySpendLabel->setStyleSheet(QStringLiteral("color: #b00020;"));
                    return;
                }
                const auto against = [this](double spent, double cap) {
                    return cap > 0 ? tr("%1 of %2").arg(money(spent), money(cap))
                                   : tr("%1 (no cap)").arg(money(spent));
                };
                ui->librarySpendLabel->setText(tr("Spent today: %1 · this month: %2")
                                                       .arg(against(*spend.today, dailyCap),
                                                            against(*spend.month, monthlyCap)));
                const bool reached = (dailyCap > 0 && *spend.today >= dailyCap)
                        || (monthlyCap > 0 && *spend.month >= monthlyCap);
                ui->librarySpendLabel->setStyleSheet(reached ? QStringLiteral("color: #b00020;")
                                                             : QString());
            });
}

void LibraryPanel::updateRuns()
{
    const LibraryEntry *entry = currentEntry();
    const int ticket = ++m_runsTicket;
    const auto show = [this](const QList<qint64> &runs) {
        const qint64 chosen = ui->libraryRunsCombo->currentData().toLongLong();
        ui->libraryRunsCombo->clear();
        for (qint64 run : runs)
            ui->libraryRunsCombo->addItem(QString::number(run), run);
        ui->libraryRunsCombo->setCurrentIndex(qMax(0, ui->libraryRunsCombo->findData(chosen)));
        ui->libraryRunsCombo->setEnabled(!runs.isEmpty());
        ui->libraryUnlinkButton->setEnabled(!runs.isEmpty());
    };
    if (!entry) {
        show({});
        return;
    }
    if (entry->runCount <= entry->runIds.size()) {
        show(entry->runIds);
        return;
    }
    // A video used by many runs: all of them, read off the GUI thread.
    const QString id = entry->job.id;
    m_model->reader()->read([id](StoreSession &session) { return session.query().runsOf(id); },
                            [this, ticket, show](const QList<qint64> &runs) {
                                if (ticket == m_runsTicket)
                                    show(runs);
                            });
}

void LibraryPanel::removeSelected()
{
    QList<LibraryEntry> entries;
    for (const QModelIndex &row : ui->libraryView->selectionModel()->selectedRows())
        entries << m_model->entry(row.row());
    if (entries.isEmpty())
        return;
    QString text;
    if (entries.size() == 1) {
        const LibraryEntry &entry = entries.first();
        text = entry.runIds.isEmpty()
                ? QCoreApplication::translate("MainWindow", "Remove this video from the cache?")
                : QCoreApplication::translate(
                          "MainWindow",
                          "Remove this video from the cache? Run(s) %1 will no longer have a "
                          "video.",
                          nullptr, entry.runCount)
                          .arg(runList(entry));
        if (!entry.job.filePath.isEmpty())
            text += QLatin1String("\n\n")
                    + tr("File: %1")
                              .arg(QDir::toNativeSeparators(
                                      m_model->absolutePath(entry.job.filePath)));
    } else {
        QStringList lines;
        constexpr int kListed = 15;
        for (const LibraryEntry &entry : entries.mid(0, kListed)) {
            const QString file = entry.job.filePath.isEmpty()
                    ? tr("no file")
                    : QFileInfo(entry.job.filePath).fileName();
            const QString runs = entry.runCount > 0 ? runList(entry) : tr("none");
            lines << tr("• %1 — runs: %2 — file: %3")
                             .arg(entry.job.drillText.simplified().left(40), runs, file);
        }
        if (entries.size() > kListed)
            lines << tr("…and %1 more.").arg(entries.size() - kListed);
        text = tr("Remove these %1 videos from the cache? The runs listed will no longer have a "
                  "video.")
                        .arg(entries.size())
                + QLatin1String("\n\n") + lines.join(QLatin1Char('\n'));
    }
    if (!m_confirm(QCoreApplication::translate("MainWindow", "Remove from cache"), text))
        return;
    QStringList errors;
    int removed = 0;
    for (const LibraryEntry &entry : std::as_const(entries)) {
        QString error;
        if (m_context->jobs()->removeVideo(entry.job.id, &error)) {
            ++removed;
            Q_EMIT videoRemoved(entry.job.id);
        } else {
            errors << error;
        }
    }
    if (!errors.isEmpty())
        Q_EMIT message(errors.join(QLatin1Char(' ')), true);
    else if (removed == 1)
        Q_EMIT message(
                QCoreApplication::translate("MainWindow", "The video was removed from the cache."),
                false);
    else
        Q_EMIT message(tr("Videos removed from the cache: %1.").arg(removed), false);
    refresh();
}

void LibraryPanel::unlinkRun()
{
    if (ui->libraryRunsCombo->currentIndex() < 0)
        return;
    const qint64 runId = ui->libraryRunsCombo->currentData().toLongLong();
    if (!m_confirm(tr("Unlink run"),
                   tr("Run %1 will no longer use this video. The video stays in the cache while "
                      "another run uses it.")
                           .arg(runId)))
        return;
    QString error;
    if (!m_context->jobs()->clearRun(runId, &error))
        Q_EMIT message(error.isEmpty() ? tr("Run %1 had no video.").arg(runId) : error, true);
    else
        Q_EMIT message(tr("Run %1 no longer uses the video.").arg(runId), false);
    refresh();
}

void LibraryPanel::clearAll()
{
    if (!m_confirm(tr("Clear all"),
                   tr("Remove every finished video from the cache? Every run loses its video; "
                      "videos being made are kept. This cannot be undone.")))
        return;
    QString error;
    const int removed = m_context->jobs()->clearAll(&error);
    if (!error.isEmpty())
        Q_EMIT message(error, true);
    else
        Q_EMIT message(tr("Videos removed from the cache: %1.").arg(removed), false);
    refresh();
}

void LibraryPanel::evictNow()
{
    Settings *settings = m_context->settings();
    if (settings->integer("cache/maxBytes") <= 0 && settings->integer("cache/maxAgeDays") <= 0) {
        Q_EMIT message(tr("No cache limit is set (largest size or oldest age in the settings), "
                          "so no video was evicted."),
                       false);
        return;
    }
    const int removed = m_context->jobs()->evict();
    Q_EMIT message(tr("Videos evicted to keep the cache within its limits: %1.").arg(removed),
                   false);
    refresh();
}

void LibraryPanel::checkIntegrity()
{
    const QString folder = m_context->videos()->directory();
    Q_EMIT message(tr("Checking the cache…"), false);
    m_model->reader()->read(
            [folder](StoreSession &session) {
                LibraryIntegrity result = session.query().checkIntegrity(folder);
                if (!result.ok)
                    result.databaseReport << session.query().errorString();
                return result;
            },
            [this, folder](const LibraryIntegrity &result) {
                const QLocale locale;
                QStringList parts;
                if (!result.ok) {
                    parts << tr("The check could not run: %1")
                                     .arg(result.databaseReport.join(QLatin1Char(' ')));
                } else {
                    if (!result.databaseHealthy)
                        parts << result.databaseReport.join(QLatin1Char('\n'));
                    const auto runsOf = [](const QList<JobRecord> &jobs) {
                        QStringList runs;
                        for (const JobRecord &job : jobs.mid(0, 10))
                            runs << QString::number(job.runId);
                        if (jobs.size() > 10)
                            runs << QStringLiteral("…");
                        return runs.join(QStringLiteral(", "));
                    };
                    if (!result.missingFiles.isEmpty())
                        parts << tr("Videos whose file is missing from the disk: %1 (first asked "
                                    "for by runs %2). They cannot be played; remove them from the "
                                    "cache and generate them again.")
                                         .arg(result.missingFiles.size())
                                         .arg(runsOf(result.missingFiles));
                    if (!result.withoutFiles.isEmpty())
                        parts << tr("Videos marked ready that have no file: %1 (first asked for "
                                    "by runs %2). Remove them from the cache and generate them "
                                    "again.")
                                         .arg(result.withoutFiles.size())
                                         .arg(runsOf(result.withoutFiles));
                    if (!result.strayFiles.isEmpty())
                        parts << tr("Files in the video folder that belong to no video: %1 (%2), "
                                    "such as %3. Nothing uses them; they can be deleted to free "
                                    "space.")
                                         .arg(result.strayFiles.size())
                                         .arg(locale.formattedDataSize(result.strayBytes),
                                              result.strayFiles.mid(0, 3).join(
                                                      QStringLiteral(", ")));
                    if (result.healthy())
                        parts << tr("Everything is in order: each of the %1 videos has its file, "
                                    "and the video folder holds nothing else.")
                                         .arg(result.videos);
                }
                parts << tr("Video folder: %1").arg(QDir::toNativeSeparators(folder));
                Q_EMIT message(result.healthy() ? tr("The cache is in order.")
                                                : tr("The check found problems in the cache."),
                               !result.healthy());
                m_report(tr("Cache check"), parts.join(QStringLiteral("\n\n")));
            });
}

void LibraryPanel::showDiskUse()
{
    const QString folder = m_context->videos()->directory();
    struct Use
    {
        qint64 onDisk = 0;
        qint64 files = 0;
        QList<QPair<qint64, qint64>> perRun;
    };
    m_model->reader()->read(
            [folder](StoreSession &session) {
                Use use;
                QDirIterator it(folder, QDir::Files | QDir::Hidden | QDir::NoDotAndDotDot,
                                QDirIterator::Subdirectories);
                while (it.hasNext()) {
                    it.next();
                    use.onDisk += it.fileInfo().size();
                    ++use.files;
                }
                use.perRun = session.store().bytesPerRun();
                std::sort(use.perRun.begin(), use.perRun.end(), [](const auto &a, const auto &b) {
                    return a.second != b.second ? a.second > b.second : a.first < b.first;
                });
                return use;
            },
            [this, folder](const Use &use) {
                const QLocale locale;
                QStringList lines;
                lines << tr("The video folder uses %1 in %2 files: %3")
                                 .arg(locale.formattedDataSize(use.onDisk))
                                 .arg(use.files)
                                 .arg(QDir::toNativeSeparators(folder));
                if (!use.perRun.isEmpty()) {
                    lines << QString() << tr("Per run, largest first:");
                    constexpr int kListed = 40;
                    for (const auto &[run, bytes] : use.perRun.mid(0, kListed))
                        lines << tr("Run %1: %2").arg(run).arg(locale.formattedDataSize(bytes));
                    if (use.perRun.size() > kListed)
                        lines << tr("…and %1 more.").arg(use.perRun.size() - kListed);
                }
                m_report(tr("Disk use"), lines.join(QLatin1Char('\n')));
            });
}

QString LibraryPanel::selectedVideoPath() const
{
    const LibraryEntry *entry = currentEntry();
    if (!entry || !LibraryModel::hasVideo(*entry))
        return {};
    return m_model->absolutePath(entry->job.filePath);
}

void LibraryPanel::setUpContextMenu()
{
    const auto mw = [](const char *text) {
        return QCoreApplication::translate("MainWindow", text);
    };
    auto *saveAs = new QAction(mw(QT_TRANSLATE_NOOP("MainWindow", "Save a Copy As…")), this);
    saveAs->setObjectName(QStringLiteral("saveCopyAction"));
    auto *copyFile = new QAction(mw(QT_TRANSLATE_NOOP("MainWindow", "Copy the File")), this);
    copyFile->setObjectName(QStringLiteral("copyFileAction"));
    auto *openFolder
            = new QAction(mw(QT_TRANSLATE_NOOP("MainWindow", "Open the Containing Folder")), this);
    openFolder->setObjectName(QStringLiteral("openFolderAction"));
    auto *copyUrl = new QAction(mw(QT_TRANSLATE_NOOP("MainWindow", "Copy the Download URL")), this);
    copyUrl->setObjectName(QStringLiteral("copyUrlAction"));
    const QList<QAction *> actions = {saveAs, copyFile, openFolder, copyUrl};
    connect(saveAs, &QAction::triggered, this, [this] {
        const QString source = selectedVideoPath();
        if (source.isEmpty())
            return;
        const QString target = m_askSavePath(
                QDir(QDir::homePath())
                        .filePath(
                                QStringLiteral("drill-run-%1.mp4").arg(currentEntry()->job.runId)));
        if (target.isEmpty())
            return;
        QFile::remove(target);
        if (QFile::copy(source, target))
            Q_EMIT message(QCoreApplication::translate("MainWindow", "Saved a copy as %1.")
                                   .arg(QDir::toNativeSeparators(target)),
                           false);
        else
            Q_EMIT message(
                    QCoreApplication::translate("MainWindow", "The copy could not be saved as %1.")
                            .arg(QDir::toNativeSeparators(target)),
                    true);
    });
    connect(copyFile, &QAction::triggered, this, [this] {
        const QString path = selectedVideoPath();
        if (path.isEmpty())
            return;
        auto *data = new QMimeData;
        data->setUrls({QUrl::fromLocalFile(path)});
        data->setText(path);
        QGuiApplication::clipboard()->setMimeData(data);
    });
    connect(openFolder, &QAction::triggered, this, [this] {
        const QString path = selectedVideoPath();
        if (!path.isEmpty())
            QDesktopServices::openUrl(QUrl::fromLocalFile(QFileInfo(path).absolutePath()));
    });
    connect(copyUrl, &QAction::triggered, this, [this] {
        const QString id = currentJobId();
        if (id.isEmpty())
            return;
        QString base = m_serverUrl ? m_serverUrl() : QString();
        if (base.endsWith(u'/'))
            base.chop(1);
        QGuiApplication::clipboard()->setText(base + VideoController::videoUrl(id));
    });
    QTableView *view = ui->libraryView;
    view->setContextMenuPolicy(Qt::CustomContextMenu);
    connect(view, &QWidget::customContextMenuRequested, this, [this, actions](const QPoint &at) {
        const bool video = !selectedVideoPath().isEmpty();
        for (QAction *action : actions)
            action->setEnabled(video);
        QMenu menu(this);
        menu.addActions(actions);
        menu.addSeparator();
        QAction *remove = menu.addAction(ui->clearRunButton->text());
        remove->setEnabled(ui->clearRunButton->isEnabled());
        connect(remove, &QAction::triggered, this, &LibraryPanel::removeSelected);
        menu.exec(ui->libraryView->viewport()->mapToGlobal(at));
    });
}
