#include "jobspanel.h"

#include "appcontext.h"
#include "batchfile.h"
#include "clock.h"
#include "database.h"
#include "jobmanager.h"
#include "jobspec.h"
#include "jobstore.h"
#include "settings.h"
#include "storewatcher.h"
#include "ui_jobspanel.h"

#include <QApplication>
#include <QDateTime>
#include <QDir>
#include <QFileDialog>
#include <QHeaderView>
#include <QItemSelectionModel>
#include <QLocale>
#include <QMessageBox>
#include <QPainter>
#include <QSqlDatabase>
#include <QStyledItemDelegate>

namespace {

constexpr int kListLimit = 500;
constexpr qint64 kRecentMs = 24 * 3600 * 1000; // ended jobs stay listed for a day

// Lives on the panel's thread with its own database connection.
class JobsReader final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(JobsReader)

public:
    explicit JobsReader(Database *database)
        : m_database(database)
    { }

    ~JobsReader() override
    {
        m_store.reset();
        if (!m_connection.isEmpty()) {
            {
                QSqlDatabase db = QSqlDatabase::database(m_connection, false);
                db.close();
            }
            QSqlDatabase::removeDatabase(m_connection);
        }
    }

    void read(qint64 sinceMs, int limit)
    {
        if (!m_store) {
            m_connection = m_database->connection().connectionName();
            m_store = std::make_unique<JobStore>(m_database);
        }
        Q_EMIT loaded(m_store->recentJobs(sinceMs, limit));
    }

Q_SIGNALS:
    void loaded(const QList<JobRecord> &jobs);

private:
    Database *m_database;
    std::unique_ptr<JobStore> m_store;
    QString m_connection;
};

// Draws each job's own progress bar, with its time left as the bar's text.
class ProgressDelegate final : public QStyledItemDelegate
{
public:
    using QStyledItemDelegate::QStyledItemDelegate;

    void paint(QPainter *painter, const QStyleOptionViewItem &option,
               const QModelIndex &index) const override
    {
        const int percent = index.data(JobsModel::PercentRole).toInt();
        if (percent < 0) {
            QStyledItemDelegate::paint(painter, option, index);
            return;
        }
        if (option.state & QStyle::State_Selected)
            painter->fillRect(option.rect, option.palette.highlight());
        QStyleOptionProgressBar bar;
        bar.rect = option.rect.adjusted(2, 2, -2, -2);
        bar.minimum = 0;
        bar.maximum = 100;
        bar.progress = percent;
        bar.text = index.data(JobsModel::ProgressTextRole).toString();
        bar.textVisible = true;
        bar.state = option.state | QStyle::State_Horizontal;
        bar.palette = option.palette;
        const QWidget *widget = option.widget;
        (widget ? widget->style() : QApplication::style())
                ->drawControl(QStyle::CE_ProgressBar, &bar, painter, widget);
    }
};

QString formatTime(qint64 ms)
{
    return ms > 0 ? QLocale().toString(QDateTime::fromMSecsSinceEpoch(ms), QLocale::ShortFormat)
                  : QString();
}

} // namespace

JobsModel::JobsModel(QObject *parent)
    : QAbstractTableModel(parent)
    , m_runningHere([](const QString &) { return false; })
    , m_now([] { return QDateTime::currentMSecsSinceEpoch(); })
{ }

int JobsModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_jobs.size());
}

int JobsModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QString JobsModel::progressText(const JobRecord &job) const
{
    if (isTerminal(job.status))
        return jobStatusDisplayName(job.status);
    if (job.status == JobStatus::Queued)
        return tr("waiting");
    const auto live = m_live.constFind(job.id);
    const int percent = live != m_live.cend() ? live->percent : job.progress;
    qint64 msLeft = live != m_live.cend() ? live->msLeft : -1;
    // Run elsewhere: estimated from the time it has taken so far.
    if (msLeft < 0 && percent >= 5 && job.startedAt > 0) {
        const qint64 elapsed = m_now() - job.startedAt;
        if (elapsed > 0)
            msLeft = elapsed * (100 - percent) / percent;
    }
    return msLeft >= 0 ? tr("%1% · about %2 s left").arg(percent).arg((msLeft + 999) / 1000)
                       : tr("%1%").arg(percent);
}

QVariant JobsModel::data(const QModelIndex &index, int role) const
{
    if (!index.isValid() || index.row() >= m_jobs.size())
        return {};
    const JobRecord &job = m_jobs.at(index.row());
    switch (role) {
    case JobIdRole:
        return job.id;
    case PercentRole: {
        if (isTerminal(job.status))
            return -1;
        const auto live = m_live.constFind(job.id);
        return live != m_live.cend() ? live->percent : job.progress;
    }
    case ProgressTextRole:
        return progressText(job);
    case Qt::ToolTipRole:
        if (!job.errorMessage.isEmpty()) {
            QString tip = job.errorMessage;
            if (!job.requestId.isEmpty())
                tip += u'\n' + tr("Request ID: %1").arg(job.requestId);
            return tip;
        }
        return index.column() == DrillColumn ? job.drillText : QVariant();
    case Qt::DisplayRole:
        switch (index.column()) {
        case RunColumn:
            return QString::number(job.runId);
        case DrillColumn:
            return JobSpec::displayText(job.drillText);
        case ProviderColumn:
            return job.provider;
        case StatusColumn:
            return job.errorMessage.isEmpty() || job.status == JobStatus::Completed
                    ? jobStatusDisplayName(job.status)
                    : tr("%1: %2").arg(jobStatusDisplayName(job.status), job.errorMessage);
        case ProgressColumn:
            return progressText(job);
        case WhereColumn:
            if (isTerminal(job.status))
                return QString();
            if (m_runningHere(job.id))
                return tr("this window");
            if (!job.claimedBy.isEmpty())
                return tr("another program on %1").arg(job.claimedBy.section(u':', 0, 0));
            return tr("waiting for a worker");
        default:
            return {};
        }
    default:
        return {};
    }
}

QVariant JobsModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case RunColumn:
        return tr("Run");
    case DrillColumn:
        return tr("Drill");
    case ProviderColumn:
        return tr("Provider");
    case StatusColumn:
        return tr("Status");
    case ProgressColumn:
        return tr("Progress");
    case WhereColumn:
        return tr("Worked on by");
    default:
        return {};
    }
}

QModelIndex JobsModel::indexOfJob(const QString &jobId) const
{
    for (int row = 0; row < m_jobs.size(); ++row) {
        if (m_jobs.at(row).id == jobId)
            return index(row, 0);
    }
    return {};
}

void JobsModel::setJobs(const QList<JobRecord> &jobs)
{
    QHash<QString, int> wanted;
    for (int i = 0; i < jobs.size(); ++i)
        wanted.insert(jobs.at(i).id, i);
    // Rows gone: removed from the bottom up.
    for (int row = int(m_jobs.size()) - 1; row >= 0; --row) {
        if (!wanted.contains(m_jobs.at(row).id)) {
            beginRemoveRows({}, row, row);
            m_live.remove(m_jobs.at(row).id);
            m_jobs.removeAt(row);
            endRemoveRows();
        }
    }
    // New rows: inserted where the new list has them (relative to the rows kept).
    QSet<QString> present;
    for (const JobRecord &job : std::as_const(m_jobs))
        present.insert(job.id);
    for (int i = 0; i < jobs.size(); ++i) {
        if (present.contains(jobs.at(i).id))
            continue;
        const int row = int(qMin<qsizetype>(i, m_jobs.size()));
        beginInsertRows({}, row, row);
        m_jobs.insert(row, jobs.at(i));
        endInsertRows();
        present.insert(jobs.at(i).id);
    }
    // Same rows in another order (rare: a priority change): moved with their selection.
    bool sameOrder = true;
    for (int i = 0; i < jobs.size() && sameOrder; ++i)
        sameOrder = m_jobs.at(i).id == jobs.at(i).id;
    if (!sameOrder) {
        Q_EMIT layoutAboutToBeChanged();
        const QModelIndexList before = persistentIndexList();
        QStringList ids;
        for (const QModelIndex &index : before)
            ids << m_jobs.at(index.row()).id;
        m_jobs = jobs;
        QModelIndexList after;
        for (int i = 0; i < before.size(); ++i)
            after << index(wanted.value(ids.at(i)), before.at(i).column());
        changePersistentIndexList(before, after);
        Q_EMIT layoutChanged();
    } else {
        m_jobs = jobs;
    }
    if (!m_jobs.isEmpty())
        Q_EMIT dataChanged(index(0, 0), index(int(m_jobs.size()) - 1, ColumnCount - 1));
}

void JobsModel::setLiveProgress(const QString &jobId, int percent, qint64 msLeft)
{
    m_live.insert(jobId, {percent, msLeft});
    const QModelIndex found = indexOfJob(jobId);
    if (found.isValid())
        Q_EMIT dataChanged(index(found.row(), StatusColumn), index(found.row(), WhereColumn));
}

JobsPanel::JobsPanel(AppContext *context, StoreWatcher *watcher, QWidget *parent)
    : QWidget(parent)
    , ui(std::make_unique<Ui::JobsPanel>())
    , m_context(context)
    , m_model(new JobsModel(this))
{
    ui->setupUi(this);
    qRegisterMetaType<QList<JobRecord>>();
    m_model->setRunningHere(
            [jobs = context->jobs()](const QString &id) { return jobs->isRunningHere(id); });
    const Clock *clock = context->clock();
    m_model->setClock([clock] { return clock->nowMs(); });
    ui->jobsView->setModel(m_model);
    ui->jobsView->setItemDelegateForColumn(JobsModel::ProgressColumn, new ProgressDelegate(this));
    ui->jobsView->setAccessibleName(tr("Jobs of the queue"));
    ui->jobDetailsEdit->setAccessibleName(tr("Details of the selected job"));
    ui->importReportEdit->setAccessibleName(tr("Report of the batch file"));
    ui->importProgress->setAccessibleName(tr("Progress of the batch file"));
    ui->cancelJobButton->setToolTip(
            tr("Cancel the selected job (a remote provider may still bill it)"));
    QHeaderView *header = ui->jobsView->header();
    header->setStretchLastSection(false);
    header->setSectionResizeMode(QHeaderView::ResizeToContents);
    header->setSectionResizeMode(JobsModel::DrillColumn, QHeaderView::Stretch);
    header->resizeSection(JobsModel::ProgressColumn, 180);
    header->setSectionResizeMode(JobsModel::ProgressColumn, QHeaderView::Interactive);
    header->setMinimumSectionSize(40);
    ui->jobsSplitter->setStretchFactor(0, 3);
    ui->jobsSplitter->setStretchFactor(1, 1);

    m_confirm = [this](const QString &title, const QString &text) {
        return QMessageBox::question(this, title, text) == QMessageBox::Yes;
    };
    m_askOpenPath = [this] {
        return QFileDialog::getOpenFileName(this, tr("Import a batch file"), QDir::homePath(),
                                            tr("JSON lines (*.jsonl *.json *.txt);;All files (*)"));
    };

    auto *reader = new JobsReader(context->database());
    reader->moveToThread(&m_thread);
    connect(&m_thread, &QThread::finished, reader, &QObject::deleteLater);
    connect(this, &JobsPanel::readRequested, reader, &JobsReader::read);
    connect(reader, &JobsReader::loaded, this, &JobsPanel::onLoaded);
    m_thread.setObjectName(QStringLiteral("jobs reader"));
    m_thread.start(QThread::LowPriority);

    JobManager *jobs = context->jobs();
    connect(jobs, &JobManager::jobProgress, this,
            [this](const QString &id, int percent, qint64 msLeft) {
                m_model->setLiveProgress(id, percent, msLeft);
                if (!m_model->indexOfJob(id).isValid())
                    refresh();
            });
    connect(jobs, &JobManager::jobStarted, this, &JobsPanel::refresh);
    connect(jobs, &JobManager::jobFinished, this, &JobsPanel::refresh);
    connect(jobs, &JobManager::jobFailed, this, &JobsPanel::refresh);
    connect(jobs, &JobManager::libraryChanged, this, &JobsPanel::refresh);
    if (watcher)
        connect(watcher, &StoreWatcher::changed, this, &JobsPanel::refresh);
    m_tick.setInterval(1000);
    connect(&m_tick, &QTimer::timeout, this, [this] {
        if (m_model->rowCount() > 0)
            Q_EMIT m_model->dataChanged(
                    m_model->index(0, JobsModel::ProgressColumn),
                    m_model->index(m_model->rowCount() - 1, JobsModel::ProgressColumn));
    });
    m_tick.start();

    connect(ui->jobsView->selectionModel(), &QItemSelectionModel::selectionChanged, this, [this] {
        updateDetails();
        updateButtons();
    });
    connect(m_model, &QAbstractItemModel::dataChanged, this, [this] {
        updateDetails();
        updateButtons();
    });
    connect(ui->cancelJobButton, &QPushButton::clicked, this, [this] {
        const QString id = selectedJobId();
        if (!id.isEmpty())
            Q_EMIT cancelRequested(id);
    });
    connect(ui->retryJobButton, &QPushButton::clicked, this, &JobsPanel::retrySelected);
    connect(ui->importBatchButton, &QPushButton::clicked, this, [this] {
        const QString path = m_askOpenPath();
        if (!path.isEmpty())
            importBatch(path);
    });
    m_importTimer.setSingleShot(true);
    m_importTimer.setInterval(0);
    connect(&m_importTimer, &QTimer::timeout, this, &JobsPanel::submitNextChunk);
    updateButtons();
    refresh();
}

JobsPanel::~JobsPanel()
{
    m_thread.quit();
    m_thread.wait();
}

void JobsPanel::refresh()
{
    // One read at a time; changes during a read cause one more.
    if (m_reading) {
        m_readAgain = true;
        return;
    }
    m_reading = true;
    Q_EMIT readRequested(m_context->clock()->nowMs() - kRecentMs, kListLimit);
}

void JobsPanel::onLoaded(const QList<JobRecord> &jobs)
{
    m_reading = false;
    m_model->setJobs(jobs);
    int active = 0;
    int failed = 0;
    for (const JobRecord &job : jobs) {
        if (!isTerminal(job.status))
            ++active;
        else if (job.status != JobStatus::Completed)
            ++failed;
    }
    ui->queueSummaryLabel->setText(
            tr("Under way: %1 · failed or cancelled in the last day: %2").arg(active).arg(failed));
    updateDetails();
    updateButtons();
    if (m_readAgain) {
        m_readAgain = false;
        refresh();
    } else {
        Q_EMIT loaded();
    }
}

QString JobsPanel::selectedJobId() const
{
    const QModelIndexList rows = ui->jobsView->selectionModel()->selectedRows();
    return rows.isEmpty() ? QString() : rows.first().data(JobsModel::JobIdRole).toString();
}

void JobsPanel::selectJob(const QString &jobId)
{
    const QModelIndex found = m_model->indexOfJob(jobId);
    if (!found.isValid())
        return;
    ui->jobsView->selectionModel()->setCurrentIndex(
            found, QItemSelectionModel::ClearAndSelect | QItemSelectionModel::Rows);
    ui->jobsView->scrollTo(found);
}

QString JobsPanel::message() const
{
    return ui->jobsMessageLabel->text();
}

void JobsPanel::showMessage(const QString &text, bool error)
{
    ui->jobsMessageLabel->setText(text);
    ui->jobsMessageLabel->setStyleSheet(error ? QStringLiteral("color: #b00020;") : QString());
}

void JobsPanel::updateButtons()
{
    const QModelIndex found = m_model->indexOfJob(selectedJobId());
    const bool selected = found.isValid();
    const JobStatus status = selected ? m_model->job(found.row()).status : JobStatus::Completed;
    ui->cancelJobButton->setEnabled(selected && !isTerminal(status));
    ui->retryJobButton->setEnabled(selected
                                   && (status == JobStatus::Failed || status == JobStatus::Cancelled
                                       || status == JobStatus::Expired));
}

void JobsPanel::updateDetails()
{
    const QModelIndex found = m_model->indexOfJob(selectedJobId());
    if (!found.isValid()) {
        ui->jobDetailsEdit->clear();
        return;
    }
    const JobRecord &job = m_model->job(found.row());
    QStringList lines;
    lines << tr("Run %1 · %2").arg(job.runId).arg(jobStatusDisplayName(job.status));
    lines << tr("Progress: %1").arg(m_model->progressText(job));
    if (!job.errorMessage.isEmpty())
        lines << tr("Error: %1").arg(job.errorMessage);
    if (!job.errorCode.isEmpty())
        lines << tr("Error code: %1").arg(job.errorCode);
    if (!job.requestId.isEmpty())
        lines << tr("Request ID: %1").arg(job.requestId);
    if (!job.remoteId.isEmpty())
        lines << tr("Remote video ID: %1").arg(job.remoteId);
    lines << tr("Provider: %1 · model %2 · %3 · %4 s")
                     .arg(job.provider, job.model, job.size)
                     .arg(job.seconds);
    if (job.estimatedCost > 0 || job.actualCost > 0)
        lines << tr("Cost: about $%1 estimated, $%2 billed")
                         .arg(job.estimatedCost, 0, 'f', 2)
                         .arg(job.actualCost, 0, 'f', 2);
    lines << tr("Created: %1").arg(formatTime(job.createdAt));
    if (job.startedAt > 0)
        lines << tr("Started: %1").arg(formatTime(job.startedAt));
    if (job.completedAt > 0)
        lines << tr("Ended: %1").arg(formatTime(job.completedAt));
    if (!job.claimedBy.isEmpty() && !isTerminal(job.status))
        lines << tr("Worked on by: %1").arg(job.claimedBy);
    lines << tr("Job ID: %1").arg(job.id);
    lines << QString() << tr("Drill:") << job.drillText;
    const QString text = lines.join(u'\n');
    if (ui->jobDetailsEdit->toPlainText() != text)
        ui->jobDetailsEdit->setPlainText(text);
}

void JobsPanel::retrySelected()
{
    const QModelIndex found = m_model->indexOfJob(selectedJobId());
    if (!found.isValid())
        return;
    const JobRecord old = m_model->job(found.row());
    if (old.status != JobStatus::Failed && old.status != JobStatus::Cancelled
        && old.status != JobStatus::Expired)
        return;
    // The same request: its run, drill, provider, model, size and length.
    JobSpec spec = JobSpec::fromSettings(*m_context->settings(), old.runId, old.drillText);
    spec.provider = old.provider;
    spec.model = old.model;
    const QSize size = parseVideoSize(old.size);
    if (size.isValid())
        spec.size = size;
    if (old.seconds > 0)
        spec.seconds = old.seconds;
    spec.useLibrary = false;
    JobStore *store = m_context->store();
    // Ordered and paid before, with a video that may wait at the provider: the manager resumes
    // that order instead of paying again. Otherwise a remote provider bills a new video.
    const bool resumes = store->findResumable(spec.specHash()).has_value();
    const bool cached = store->findCompleted(spec.specHash()).has_value();
    // What the provider charges now, or else what the first order was expected to cost.
    const double cost = qMax(m_context->jobs()->estimateCost(spec), old.estimatedCost);
    if (!resumes && !cached && cost > 0
        && !m_confirm(tr("Retry a paid video"),
                      tr("A new video for run %1 is ordered from %2 and billed (about $%3). Go on?")
                              .arg(old.runId)
                              .arg(spec.provider)
                              .arg(cost, 0, 'f', 2)))
        return;
    const JobManager::Submission submission = m_context->jobs()->submit(spec);
    switch (submission.kind) {
    case JobManager::Submission::Kind::Rejected:
        showMessage(submission.error, true);
        break;
    case JobManager::Submission::Kind::CacheHit:
        showMessage(tr("Run %1 uses a video already in the cache; nothing was generated.")
                            .arg(old.runId),
                    false);
        break;
    case JobManager::Submission::Kind::Joined:
        showMessage(tr("Run %1 joined the same drill already under way.").arg(old.runId), false);
        break;
    case JobManager::Submission::Kind::Started:
        showMessage(submission.job.id == old.id
                            ? tr("The order for run %1 is fetched again from %2; it is not "
                                 "billed a second time.")
                                      .arg(old.runId)
                                      .arg(old.provider)
                            : tr("Run %1 is being generated again.").arg(old.runId),
                    false);
        break;
    }
    refresh();
}

void JobsPanel::importBatch(const QString &path)
{
    if (isImporting()) {
        showMessage(tr("A batch file is still being imported."), true);
        return;
    }
    QList<BatchLine> lines;
    QList<BatchProblem> problems;
    QString error;
    ui->importReportEdit->clear();
    ui->importReportEdit->hide();
    if (!BatchFile::read(path, &lines, &problems, &error)) {
        showMessage(error, true);
        return;
    }
    m_report.clear();
    for (const BatchProblem &problem : std::as_const(problems))
        m_report << tr("Line %1: %2").arg(problem.number).arg(problem.message);
    const QString fileName = QDir::toNativeSeparators(path);
    if (lines.isEmpty()) {
        ui->importReportEdit->setPlainText(m_report.join(u'\n'));
        ui->importReportEdit->show();
        showMessage(tr("Nothing was submitted: no line of %1 can be used (see the list below).")
                            .arg(fileName),
                    true);
        return;
    }
    if (!problems.isEmpty()) {
        ui->importReportEdit->setPlainText(m_report.join(u'\n'));
        ui->importReportEdit->show();
        if (!m_confirm(tr("Import a batch file"),
                       tr("%1 of the %2 lines with drills cannot be used (they are listed in the "
                          "panel). Submit the other %3?")
                               .arg(problems.size())
                               .arg(problems.size() + lines.size())
                               .arg(lines.size()))) {
            showMessage(tr("Nothing was submitted."), false);
            return;
        }
    }
    const JobSpec sample = JobSpec::fromSettings(*m_context->settings());
    const double cost = m_context->jobs()->estimateCost(sample);
    if (cost > 0
        && !m_confirm(tr("Import a batch file"),
                      tr("The %1 drills are ordered from %2, which bills each new video (about "
                         "$%3 each, $%4 at most in all; drills already cached cost nothing). Go "
                         "on?")
                              .arg(lines.size())
                              .arg(sample.provider)
                              .arg(cost, 0, 'f', 2)
                              .arg(cost * double(lines.size()), 0, 'f', 2))) {
        showMessage(tr("Nothing was submitted."), false);
        return;
    }
    m_pending = lines;
    m_importTotal = int(lines.size());
    m_importSubmitted = 0;
    m_importRefused = 0;
    ui->importProgress->setRange(0, m_importTotal);
    ui->importProgress->setValue(0);
    ui->importProgress->setFormat(tr("Submitting %v of %m"));
    ui->importProgress->show();
    ui->importBatchButton->setEnabled(false);
    showMessage(tr("Submitting the drills of %1…").arg(fileName), false);
    m_importTimer.start();
}

// A few lines per turn of the event loop, so that the window stays responsive.
void JobsPanel::submitNextChunk()
{
    for (int i = 0; i < 10 && !m_pending.isEmpty(); ++i) {
        const BatchLine line = m_pending.takeFirst();
        JobSpec spec = JobSpec::fromSettings(*m_context->settings(), line.runId, line.drillText);
        if (line.size.isValid())
            spec.size = line.size;
        if (line.seconds > 0)
            spec.seconds = line.seconds;
        const JobManager::Submission submission = m_context->jobs()->submit(spec);
        if (submission.kind == JobManager::Submission::Kind::Rejected) {
            ++m_importRefused;
            m_report << tr("Line %1 (run %2): %3")
                                .arg(line.number)
                                .arg(line.runId)
                                .arg(submission.error);
        } else {
            ++m_importSubmitted;
        }
    }
    ui->importProgress->setValue(m_importTotal - int(m_pending.size()));
    if (!m_pending.isEmpty()) {
        m_importTimer.start();
        return;
    }
    ui->importProgress->hide();
    ui->importBatchButton->setEnabled(true);
    const int unusable = int(m_report.size()) - m_importRefused;
    showMessage(tr("Batch file done. Submitted: %1 · refused: %2 · lines not usable: %3.")
                        .arg(m_importSubmitted)
                        .arg(m_importRefused)
                        .arg(unusable),
                m_importRefused + unusable > 0);
    if (!m_report.isEmpty()) {
        ui->importReportEdit->setPlainText(m_report.join(u'\n'));
        ui->importReportEdit->show();
    }
    refresh();
    Q_EMIT importFinished(m_importSubmitted, m_importRefused);
}

#include "jobspanel.moc"
