#include "mainwindow.h"

#include "appcontext.h"
#include "jobmanager.h"
#include "jobspec.h"
#include "jobstore.h"
#include "librarymodel.h"
#include "previewwidget.h"
#include "settings.h"
#include "ui_mainwindow.h"
#include "videostore.h"

#include <QDesktopServices>
#include <QDir>
#include <QHeaderView>
#include <QItemSelectionModel>
#include <QLocale>
#include <QMediaPlayer>
#include <QMessageBox>
#include <QUrl>

MainWindow::MainWindow(AppContext *context, QWidget *parent)
    : QMainWindow(parent)
    , ui(std::make_unique<Ui::MainWindow>())
    , m_context(context)
    , m_model(new LibraryModel(context->store(), this))
    , m_preview(new PreviewWidget(this))
{
    ui->setupUi(this);
    ui->previewGroup->layout()->addWidget(m_preview);
    ui->splitter->setStretchFactor(0, 1);
    ui->splitter->setStretchFactor(1, 1);
    ui->splitter->setSizes({560, 600});
    ui->libraryView->setModel(m_model);
    QHeaderView *header = ui->libraryView->horizontalHeader();
    header->setSectionResizeMode(QHeaderView::ResizeToContents);
    header->setSectionResizeMode(LibraryModel::DrillColumn, QHeaderView::Stretch);
    ui->libraryView->verticalHeader()->hide();
    ui->drillEdit->setMaximumHeight(140);
    m_confirm = [this](const QString &title, const QString &text) {
        return QMessageBox::question(this, title, text) == QMessageBox::Yes;
    };

    JobManager *jobs = context->jobs();
    connect(ui->generateButton, &QPushButton::clicked, this, &MainWindow::generate);
    connect(ui->cancelButton, &QPushButton::clicked, this, &MainWindow::cancelGeneration);
    connect(ui->runIdEdit, &QLineEdit::returnPressed, this, &MainWindow::generate);
    connect(ui->drillEdit, &QPlainTextEdit::textChanged, this, &MainWindow::updateDrillCounter);
    connect(ui->clearRunButton, &QPushButton::clicked, this, &MainWindow::removeSelected);
    connect(ui->libraryView->selectionModel(), &QItemSelectionModel::selectionChanged, this,
            &MainWindow::onSelectionChanged);
    connect(jobs, &JobManager::jobStarted, this, &MainWindow::onJobStarted);
    connect(jobs, &JobManager::jobProgress, this, &MainWindow::onJobProgress);
    connect(jobs, &JobManager::jobDownloadProgress, this, &MainWindow::onJobDownloadProgress);
    connect(jobs, &JobManager::jobFinished, this, &MainWindow::onJobFinished);
    connect(jobs, &JobManager::jobFailed, this, &MainWindow::onJobFailed);
    connect(jobs, &JobManager::libraryChanged, m_model, &LibraryModel::reload);
    connect(m_model, &QAbstractItemModel::modelReset, this, &MainWindow::updateSummary);
    connect(ui->quitAction, &QAction::triggered, this, &QWidget::close);
    connect(ui->openDataFolderAction, &QAction::triggered, this,
            [this] { QDesktopServices::openUrl(QUrl::fromLocalFile(m_context->dataDir())); });
    connect(ui->aboutAction, &QAction::triggered, this, [this] {
        QMessageBox::about(
                this, tr("About DrillStudio"),
                tr("<h3>DrillStudio %1</h3><p>Turns training-drill texts into short "
                   "videos, keeps them in a durable cache and serves them to the "
                   "web frontend.</p><p>Data folder: %2</p>")
                        .arg(QStringLiteral(DRILLSTUDIO_VERSION),
                             QDir::toNativeSeparators(m_context->dataDir()).toHtmlEscaped()));
    });

    for (const QString &problem : context->settings()->problems())
        showMessage(problem, true);
    connect(context->settings(), &Settings::changed, this, &MainWindow::updateProviderLabel);
    updateDrillCounter();
    updateSummary();
    updateProviderLabel();
    // Show the newest video's first frame, without playing it.
    if (m_model->rowCount() > 0) {
        m_autoPlay = false;
        ui->libraryView->selectRow(0);
        m_autoPlay = true;
    }
    ui->runIdEdit->setFocus();
}

MainWindow::~MainWindow() = default;

void MainWindow::showMessage(const QString &text, bool error)
{
    ui->messageLabel->setText(text);
    ui->messageLabel->setStyleSheet(error ? QStringLiteral("color: #b00020;") : QString());
    if (!text.isEmpty())
        statusBar()->showMessage(text, 8000);
}

void MainWindow::updateDrillCounter()
{
    const qsizetype count = ui->drillEdit->toPlainText().trimmed().toUcs4().size();
    ui->drillCounterLabel->setText(QStringLiteral("%1 / %2")
                                           .arg(QLocale().toString(count))
                                           .arg(QLocale().toString(JobSpec::MaxDrillCharacters)));
    ui->drillCounterLabel->setStyleSheet(
            count > JobSpec::MaxDrillCharacters ? QStringLiteral("color: #b00020;") : QString());
}

void MainWindow::setBusy(bool busy)
{
    ui->progressBar->setVisible(busy);
    ui->cancelButton->setVisible(busy);
    ui->generateButton->setEnabled(!busy);
    if (!busy)
        ui->progressBar->setValue(0);
}

void MainWindow::generate()
{
    QString error;
    const auto runId = JobSpec::parseRunId(ui->runIdEdit->text(), &error);
    if (!runId) {
        showMessage(error, true);
        ui->runIdEdit->setFocus();
        ui->runIdEdit->selectAll();
        return;
    }
    const QString drill = ui->drillEdit->toPlainText();
    error = JobSpec::validateDrillText(drill);
    if (!error.isEmpty()) {
        showMessage(error, true);
        ui->drillEdit->setFocus();
        return;
    }
    const JobSpec spec = JobSpec::fromSettings(*m_context->settings(), *runId, drill);
    const JobManager::Submission submission = m_context->jobs()->submit(spec);
    switch (submission.kind) {
    case JobManager::Submission::Kind::Rejected:
        showMessage(submission.error, true);
        return;
    case JobManager::Submission::Kind::CacheHit:
        showMessage(
                tr("Run %1 uses a video already in the cache; nothing was generated.").arg(*runId),
                false);
        showVideo(submission.job.id);
        return;
    case JobManager::Submission::Kind::Joined:
    case JobManager::Submission::Kind::Started:
        m_currentJobId = submission.job.id;
        showMessage(tr("Generating the video for run %1…").arg(*runId), false);
        setBusy(true);
        return;
    }
}

void MainWindow::cancelGeneration()
{
    if (!m_currentJobId.isEmpty())
        m_context->jobs()->cancel(m_currentJobId);
}

void MainWindow::onJobStarted(const QString &jobId)
{
    if (jobId == m_currentJobId)
        ui->progressBar->setValue(0);
}

void MainWindow::onJobProgress(const QString &jobId, int percent, qint64 msLeft)
{
    m_model->setProgress(jobId, percent);
    if (jobId != m_currentJobId)
        return;
    ui->progressBar->setValue(percent);
    ui->progressBar->setFormat(msLeft >= 0 ? tr("%p% · about %1 s left").arg((msLeft + 999) / 1000)
                                           : tr("%p%"));
}

void MainWindow::onJobDownloadProgress(const QString &jobId, qint64 bytesReceived,
                                       qint64 bytesTotal)
{
    if (jobId != m_currentJobId)
        return;
    const QLocale locale;
    const QString received = locale.formattedDataSize(bytesReceived);
    // "%" would be read as a placeholder by the progress bar.
    const QString text = bytesTotal > 0
            ? tr("Downloading the video… %1 of %2")
                      .arg(received, locale.formattedDataSize(bytesTotal))
            : tr("Downloading the video… %1").arg(received);
    ui->progressBar->setFormat(QString(text).replace(u'%', QStringLiteral("%%")));
}

void MainWindow::updateProviderLabel()
{
    const JobSpec spec = JobSpec::fromSettings(*m_context->settings());
    const double estimate = m_context->jobs()->estimateCost(spec);
    const QString size
            = tr("%1×%2, %3 s").arg(spec.size.width()).arg(spec.size.height()).arg(spec.seconds);
    if (estimate < 0)
        ui->providerLabel->setText(tr("Provider \"%1\" is not available").arg(spec.provider));
    else if (estimate == 0)
        ui->providerLabel->setText(tr("Local renderer · %1 · free").arg(size));
    else
        ui->providerLabel->setText(tr("%1 (%2) · %3 · about $%4 per new video")
                                           .arg(spec.provider, spec.model, size)
                                           .arg(estimate, 0, 'f', 2));
}

void MainWindow::onJobFinished(const JobRecord &job)
{
    if (job.id != m_currentJobId)
        return;
    m_currentJobId.clear();
    setBusy(false);
    ui->progressBar->setFormat(tr("%p%"));
    showMessage(tr("The video for run %1 is ready.").arg(job.runId), false);
    showVideo(job.id);
}

void MainWindow::onJobFailed(const JobRecord &job)
{
    if (job.id != m_currentJobId)
        return;
    m_currentJobId.clear();
    setBusy(false);
    showMessage(job.status == JobStatus::Cancelled
                        ? tr("Generation was cancelled.")
                        : tr("The video could not be generated: %1").arg(job.errorMessage),
                job.status != JobStatus::Cancelled);
}

void MainWindow::showVideo(const QString &jobId)
{
    const QModelIndex found = m_model->indexOfJob(jobId);
    if (!found.isValid())
        return;
    ui->libraryView->selectionModel()->select(
            found, QItemSelectionModel::ClearAndSelect | QItemSelectionModel::Rows);
    ui->libraryView->scrollTo(found);
}

void MainWindow::onSelectionChanged()
{
    const QModelIndexList rows = ui->libraryView->selectionModel()->selectedRows();
    ui->clearRunButton->setEnabled(!rows.isEmpty());
    if (rows.isEmpty())
        return;
    const LibraryEntry &entry = m_model->entry(rows.first().row());
    if (entry.job.status == JobStatus::Completed && !entry.job.filePath.isEmpty())
        m_preview->setSource(m_context->videos()->absolutePath(entry.job.filePath), m_autoPlay);
    else
        m_preview->clear();
}

void MainWindow::removeSelected()
{
    const QModelIndexList rows = ui->libraryView->selectionModel()->selectedRows();
    if (rows.isEmpty())
        return;
    const LibraryEntry entry = m_model->entry(rows.first().row());
    QStringList runs;
    for (qint64 id : entry.runIds)
        runs << QString::number(id);
    const QString text = runs.isEmpty()
            ? tr("Remove this video from the cache?")
            : tr("Remove this video from the cache? Runs %1 will no longer have a video.")
                      .arg(runs.join(QStringLiteral(", ")));
    if (!m_confirm(tr("Remove from cache"), text))
        return;
    m_preview->clear();
    QString error;
    if (!m_context->jobs()->removeVideo(entry.job.id, &error))
        showMessage(error, true);
    else
        showMessage(tr("The video was removed from the cache."), false);
}

void MainWindow::updateSummary()
{
    JobStore *store = m_context->store();
    ui->librarySummaryLabel->setText(
            tr("%n video(s), %1", nullptr, int(store->videoCount()))
                    .arg(QLocale().formattedDataSize(store->totalBytes())));
}
