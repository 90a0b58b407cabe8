#include "mainwindow.h"

#include "appcontext.h"
#include "drilllibrarypanel.h"
#include "jobmanager.h"
#include "jobslist.h"
#include "jobspanel.h"
#include "jobspec.h"
#include "jobstore.h"
#include "librarymodel.h"
#include "librarypanel.h"
#include "openai/openaiconfig.h"
#include "openai/openaikeychain.h"
#include "previewwidget.h"
#include "serverpanel.h"
#include "settings.h"
#include "settingsdialog.h"
#include "settingswatcher.h"
#include "storewatcher.h"
#include "storeworker.h"
#include "ui_mainwindow.h"
#include "videocontroller.h"
#include "videofile.h"
#include "videostore.h"

#include <QAbstractButton>
#include <QAbstractSpinBox>
#include <QClipboard>
#include <QCloseEvent>
#include <QComboBox>
#include <QDesktopServices>
#include <QDir>
#include <QFileDialog>
#include <QFileInfo>
#include <QHeaderView>
#include <QItemSelectionModel>
#include <QKeyEvent>
#include <QLineEdit>
#include <QLocale>
#include <QMediaPlayer>
#include <QMenu>
#include <QMessageBox>
#include <QMimeData>
#include <QPlainTextEdit>
#include <QScreen>
#include <QSettings>
#include <QShortcut>
#include <QSystemTrayIcon>
#include <QTextEdit>
#include <QUrl>

MainWindow::MainWindow(AppContext *context, QWidget *parent)
    : QMainWindow(parent)
    , ui(std::make_unique<Ui::MainWindow>())
    , m_context(context)
    , m_preview(new PreviewWidget(this))
    , m_jobsList(new JobsList(this))
    , m_watcher(new StoreWatcher(context->database(), 1000, this))
    , m_settingsWatcher(new SettingsWatcher(context->settings(), this))
{
    ui->setupUi(this);
    ui->previewGroup->layout()->addWidget(m_preview);
    ui->jobsGroup->layout()->addWidget(m_jobsList);
    m_libraryPanel = new LibraryPanel(context, ui->panelTabs);
    m_libraryPanel->setObjectName(QStringLiteral("libraryPanel"));
    ui->panelTabs->insertTab(1, m_libraryPanel, tr("Library"));
    ui->jobsGroup->hide();
    m_jobsPanel = new JobsPanel(context, m_watcher, ui->panelTabs);
    m_jobsPanel->setObjectName(QStringLiteral("jobsPanel"));
    ui->panelTabs->addTab(m_jobsPanel, tr("Jobs"));
    connect(m_jobsPanel, &JobsPanel::cancelRequested, this, &MainWindow::cancelJob);
    m_serverPanel = new ServerPanel(context, ui->panelTabs);
    m_serverPanel->setObjectName(QStringLiteral("serverPanel"));
    ui->panelTabs->addTab(m_serverPanel, tr("Server"));
    m_drillLibraryPanel = new DrillLibraryPanel(context, ui->panelTabs);
    m_drillLibraryPanel->setObjectName(QStringLiteral("drillLibraryPanel"));
    ui->panelTabs->addTab(m_drillLibraryPanel, tr("Drill library"));
    m_drillLibraryPanel->setConfirmHandler(
            [this](const QString &title, const QString &text) { return m_confirm(title, text); });
    connect(m_drillLibraryPanel, &DrillLibraryPanel::previewRequested, this,
            [this](const QString &path) {
                m_previewJobId.clear();
                m_preview->setSource(path);
            });
    connect(m_watcher, &StoreWatcher::changed, m_drillLibraryPanel, &DrillLibraryPanel::reload);
    connect(m_serverPanel, &ServerPanel::runningChanged, this, [this](bool running) {
        ui->panelTabs->setTabText(ui->panelTabs->indexOf(m_serverPanel),
                                  running ? tr("Server (running)") : tr("Server"));
    });
    ui->splitter->setStretchFactor(0, 1);
    ui->splitter->setStretchFactor(1, 1);
    ui->splitter->setSizes({560, 600});
    ui->panelTabs->setAccessibleName(tr("Panels"));
    ui->runIdEdit->setAccessibleName(tr("Run ID"));
    ui->drillEdit->setAccessibleName(tr("Drill text"));
    ui->drillEdit->setMaximumHeight(140);
    ui->drillEdit->setMinimumHeight(48);
    m_confirm = [this](const QString &title, const QString &text) {
        return QMessageBox::question(this, title, text) == QMessageBox::Yes;
    };
    if (QSystemTrayIcon::isSystemTrayAvailable()) {
        m_tray = new QSystemTrayIcon(
                windowIcon().isNull() ? style()->standardIcon(QStyle::SP_MediaPlay) : windowIcon(),
                this);
        m_tray->setToolTip(QStringLiteral("DrillStudio"));
        m_tray->show();
        connect(m_tray, &QSystemTrayIcon::messageClicked, this, [this] {
            showNormal();
            raise();
            activateWindow();
        });
    }
    m_notify = [this](const QString &title, const QString &text, bool error) {
        if (m_tray)
            m_tray->showMessage(title, text,
                                error ? QSystemTrayIcon::Warning : QSystemTrayIcon::Information);
    };

    JobManager *jobs = context->jobs();
    jobs->setEvictionWorker(context->storeWorker());
    connect(ui->generateButton, &QPushButton::clicked, this, [this] { generate(false); });
    connect(ui->regenerateButton, &QPushButton::clicked, this, [this] { generate(true); });
    m_hintTimer.setSingleShot(true);
    m_hintTimer.setInterval(200);
    connect(&m_hintTimer, &QTimer::timeout, this, &MainWindow::updateCacheHint);
    connect(ui->drillEdit, &QPlainTextEdit::textChanged, &m_hintTimer, qOverload<>(&QTimer::start));
    connect(ui->runIdEdit, &QLineEdit::returnPressed, this, [this] { generate(false); });
    connect(ui->drillEdit, &QPlainTextEdit::textChanged, this, &MainWindow::updateDrillCounter);
    connect(m_libraryPanel, &LibraryPanel::currentVideoChanged, this,
            &MainWindow::onCurrentVideoChanged);
    connect(m_libraryPanel, &LibraryPanel::message, this, &MainWindow::showMessage);
    connect(m_libraryPanel, &LibraryPanel::videoRemoved, this, [this](const QString &jobId) {
        if (jobId == m_previewJobId) {
            m_previewJobId.clear();
            m_preview->clear();
        }
    });
    m_libraryPanel->setServerUrl([this] { return m_serverPanel->url(); });
    connect(m_jobsList, &JobsList::cancelRequested, this, &MainWindow::cancelJob);
    connect(m_jobsList, &JobsList::countChanged, this,
            [this](int count) { ui->jobsGroup->setVisible(count > 0); });
    connect(jobs, &JobManager::jobProgress, this, &MainWindow::onJobProgress);
    connect(jobs, &JobManager::jobDownloadProgress, this, &MainWindow::onJobDownloadProgress);
    connect(jobs, &JobManager::jobFinished, this, &MainWindow::onJobFinished);
    connect(jobs, &JobManager::jobFailed, this, &MainWindow::onJobFailed);
    connect(jobs, &JobManager::libraryChanged, this, &MainWindow::refreshFromStore);
    connect(m_watcher, &StoreWatcher::changed, this, &MainWindow::refreshFromStore);
    connect(ui->quitAction, &QAction::triggered, this, &QWidget::close);
    connect(ui->shortcutsAction, &QAction::triggered, this, &MainWindow::showShortcuts);
    connect(ui->settingsAction, &QAction::triggered, this, &MainWindow::showSettings);
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

    // Ctrl+Return generates from anywhere in the window; Escape cancels the newest job.
    for (const QKeySequence &keys :
         {QKeySequence(Qt::CTRL | Qt::Key_Return), QKeySequence(Qt::CTRL | Qt::Key_Enter)}) {
        auto *shortcut = new QShortcut(keys, this);
        connect(shortcut, &QShortcut::activated, this, [this] { generate(false); });
    }
    auto *escape = new QShortcut(QKeySequence(Qt::Key_Escape), this);
    connect(escape, &QShortcut::activated, this, &MainWindow::cancelNewest);
    // The player's keys work wherever focus is, except in text fields and on buttons (see
    // eventFilter).
    m_preview->installShortcuts(this);
    auto *help = new QShortcut(QKeySequence(Qt::Key_Question), this);
    connect(help, &QShortcut::activated, this, &MainWindow::showShortcuts);
    qApp->installEventFilter(this);

    for (const QString &problem : context->settings()->problems())
        showMessage(problem, true);
    connect(context->settings(), &Settings::changed, this, &MainWindow::updateProviderLabel);
    connect(context->settings(), &Settings::changed, &m_hintTimer, qOverload<>(&QTimer::start));
    updateDrillCounter();
    updateProviderLabel();
    refreshJobs();
    restoreLayout();
    ui->runIdEdit->setFocus();
    if (m_serverPanel->startsWithApplication())
        m_serverPanel->start();
}

MainWindow::~MainWindow()
{
    qApp->removeEventFilter(this);
}

bool MainWindow::eventFilter(QObject *watched, QEvent *event)
{
    if (event->type() == QEvent::ShortcutOverride && watched->isWidgetType()) {
        auto *widget = static_cast<QWidget *>(watched);
        if (widget->window() == this
            && PreviewWidget::focusKeepsKey(widget, static_cast<QKeyEvent *>(event))) {
            event->accept();
            return true;
        }
    }
    return QMainWindow::eventFilter(watched, event);
}

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

void MainWindow::generate(bool force)
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
    JobSpec spec = JobSpec::fromSettings(*m_context->settings(), *runId, drill);
    if (force) {
        spec.force = true;
        const double cost = m_context->jobs()->estimateCost(spec);
        if (cost > 0
            && !m_confirm(tr("Make a new video"),
                          tr("A new video is ordered from %1 and billed (about $%2), although "
                             "this drill is already cached. Go on?")
                                  .arg(spec.provider)
                                  .arg(cost, 0, 'f', 2)))
            return;
    }
    const JobManager::Submission submission = m_context->jobs()->submit(spec);
    switch (submission.kind) {
    case JobManager::Submission::Kind::Rejected:
        showMessage(submission.error, true);
        return;
    case JobManager::Submission::Kind::CacheHit:
        showMessage(
                tr("Run %1 uses a video already in the cache; nothing was generated.").arg(*runId),
                false);
        refreshFromStore();
        showVideo(submission.job.id);
        return;
    case JobManager::Submission::Kind::Joined:
    case JobManager::Submission::Kind::Started:
        m_submitted.insert(submission.job.id);
        m_jobsList->upsert(submission.job);
        showMessage(tr("Generating the video for run %1…").arg(*runId), false);
        return;
    }
}

void MainWindow::cancelNewest()
{
    const QStringList ids = m_jobsList->jobIds();
    for (auto it = ids.crbegin(); it != ids.crend(); ++it) {
        if (m_submitted.contains(*it)) {
            cancelJob(*it);
            return;
        }
    }
}

void MainWindow::cancelJob(const QString &jobId)
{
    const std::optional<JobRecord> job = m_context->store()->job(jobId);
    if (!job || isTerminal(job->status))
        return;
    // A remote provider bills an order once it has accepted it, whether or not the video is
    // fetched.
    if (job->provider != QLatin1String("local") && !job->remoteId.isEmpty()) {
        const double cost = job->estimatedCost > 0 ? job->estimatedCost : job->actualCost;
        const QString text
                = tr("The video for run %1 was already ordered from %2, which bills it even if "
                     "you cancel now (about $%3). Cancel anyway?")
                          .arg(job->runId)
                          .arg(job->provider)
                          .arg(cost, 0, 'f', 2);
        if (!m_confirm(tr("Cancel a paid video"), text))
            return;
    }
    m_context->jobs()->cancel(jobId);
}

void MainWindow::onJobProgress(const QString &jobId, int percent, qint64 msLeft)
{
    libraryModel()->setProgress(jobId, percent);
    if (!m_jobsList->contains(jobId)) {
        if (const std::optional<JobRecord> job = m_context->store()->job(jobId))
            m_jobsList->upsert(*job);
    }
    m_jobsList->setProgress(jobId, percent, msLeft);
}

void MainWindow::onJobDownloadProgress(const QString &jobId, qint64 bytesReceived,
                                       qint64 bytesTotal)
{
    m_jobsList->setDownloadProgress(jobId, bytesReceived, bytesTotal);
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
    // An http:// address on another machine would carry the API key unencrypted: say so before
    // Generate is pressed (refused unless openai/allowInsecure=true, then a warning).
    if (spec.provider == QLatin1String("openai")) {
        const OpenAIConfig config = OpenAIConfig::fromSettings(*m_context->settings());
        const QString refusal = config.checkTransport();
        if (!refusal.isEmpty() || config.sendsKeyInClearText()) {
            m_transportWarning = refusal.isEmpty() ? config.insecureWarning() : refusal;
            showMessage(m_transportWarning, true);
            return;
        }
    }
    if (!m_transportWarning.isEmpty()) {
        if (ui->messageLabel->text() == m_transportWarning)
            showMessage(QString(), false);
        m_transportWarning.clear();
    }
    checkApiKey();
}

void MainWindow::checkApiKey()
{
    Settings *settings = m_context->settings();
    const QString warning = tr("The openai provider has no API key, so Generate would fail. Store "
                               "one with \"drillstudio openai-key set\", set OPENAI_API_KEY, or "
                               "choose the local provider in the settings.");
    const auto show = [this, warning](bool missing) {
        if (missing) {
            m_keyWarning = warning;
            showMessage(warning, true);
        } else if (!m_keyWarning.isEmpty()) {
            if (ui->messageLabel->text() == m_keyWarning)
                showMessage(QString(), false);
            m_keyWarning.clear();
        }
    };
    if (settings->provider() != QLatin1String("openai")
        || !OpenAIApiKey::fromEnvironmentOrFile(settings->string("openai/envFile")).isEmpty()) {
        show(false);
        return;
    }
    if (!OpenAIKeychain::isAvailable()) {
        show(true);
        return;
    }
    auto *keychain = new OpenAIKeychain(this);
    connect(keychain, &OpenAIKeychain::keyRead, this,
            [keychain, show](const QString &key, const QString &) {
                show(key.isEmpty());
                keychain->deleteLater();
            });
    keychain->read();
}

void MainWindow::onJobFinished(const JobRecord &job)
{
    m_jobsList->remove(job.id);
    refreshFromStore();
    if (!m_submitted.remove(job.id))
        return;
    showMessage(tr("The video for run %1 is ready.").arg(job.runId), false);
    if (!isActiveWindow())
        m_notify(tr("Video ready"), tr("The video for run %1 is ready.").arg(job.runId), false);
    // It plays at once; its row is selected when the library has read it.
    if (!job.filePath.isEmpty()) {
        m_previewJobId = job.id;
        m_preview->setSource(m_context->videos()->absolutePath(job.filePath), true);
    }
    showVideo(job.id);
}

void MainWindow::onJobFailed(const JobRecord &job)
{
    m_jobsList->remove(job.id);
    refreshFromStore();
    if (!m_submitted.remove(job.id))
        return;
    if (!isActiveWindow() && job.status != JobStatus::Cancelled)
        m_notify(tr("Video failed"),
                 tr("The video for run %1 could not be generated: %2")
                         .arg(job.runId)
                         .arg(job.errorMessage),
                 true);
    showMessage(job.status == JobStatus::Cancelled
                        ? tr("Generation for run %1 was cancelled.").arg(job.runId)
                        : tr("The video for run %1 could not be generated: %2")
                                  .arg(job.runId)
                                  .arg(job.errorMessage),
                job.status != JobStatus::Cancelled);
}

void MainWindow::updateCacheHint()
{
    // Looked up on the store's worker thread: the window never waits for the database, and an
    // answer for text typed over since is dropped.
    const QString drill = ui->drillEdit->toPlainText();
    const quint64 asked = ++m_hintRequest;
    const auto show = [this, asked](const bool &cached) {
        if (asked != m_hintRequest)
            return;
        ui->cachedLabel->setText(
                cached ? tr("Already cached: Generate answers at once, at no cost.") : QString());
        ui->regenerateButton->setVisible(cached);
    };
    if (!JobSpec::validateDrillText(drill).isEmpty()) {
        show(false);
        return;
    }
    const QString hash = JobSpec::fromSettings(*m_context->settings(), 1, drill).specHash();
    m_context->storeWorker()->run<bool>(
            this,
            [hash](JobStore &store, VideoStore &) { return store.findCompleted(hash).has_value(); },
            show);
}

bool MainWindow::openVideoFile(const QString &pathOrUrl)
{
    const QString problem = VideoFile::problem(pathOrUrl);
    if (!problem.isEmpty()) {
        showMessage(problem, true);
        m_preview->showMessage(problem);
        return false;
    }
    const QString path = QFileInfo(VideoFile::localPath(pathOrUrl)).absoluteFilePath();
    m_previewJobId.clear();
    m_preview->setSource(path, true);
    showMessage(tr("Playing %1.").arg(QDir::toNativeSeparators(path)), false);
    return true;
}

void MainWindow::refreshFromStore()
{
    m_libraryPanel->refresh();
    m_hintTimer.start();
    refreshJobs();
    // The video on screen may have been removed by another process.
    if (!m_previewJobId.isEmpty()) {
        const std::optional<JobRecord> job = m_context->store()->job(m_previewJobId);
        if (!job || job->status != JobStatus::Completed || job->filePath.isEmpty()
            || !QFileInfo::exists(m_context->videos()->absolutePath(job->filePath))) {
            m_previewJobId.clear();
            m_preview->showMessage(tr("This video is no longer in the cache: it was removed, "
                                      "perhaps by another program or a team member."));
        }
    }
}

void MainWindow::refreshJobs()
{
    const QList<JobRecord> unfinished = m_context->store()->unfinishedJobs();
    QSet<QString> ids;
    for (const JobRecord &job : unfinished) {
        ids.insert(job.id);
        m_jobsList->upsert(job);
    }
    for (const QString &id : m_jobsList->jobIds()) {
        if (!ids.contains(id))
            m_jobsList->remove(id);
    }
}

void MainWindow::showVideo(const QString &jobId)
{
    m_libraryPanel->showVideo(jobId);
}

// The newest video is shown at start without playing (chosen false); a video chosen in the
// library, or just made, plays.
void MainWindow::onCurrentVideoChanged(const QString &jobId, const QString &path, bool chosen)
{
    if (jobId == m_previewJobId)
        return;
    if (!path.isEmpty()) {
        m_previewJobId = jobId;
        m_preview->setSource(path, chosen);
    } else {
        m_previewJobId.clear();
        m_preview->clear();
    }
}

void MainWindow::showShortcuts()
{
    const QList<QPair<QString, QString>> rows = {
            {tr("Ctrl+Return"), tr("Generate")}, {tr("Escape"), tr("Cancel the newest job")},
            {tr("Ctrl+,"), tr("Settings")},      {tr("F1 or ?"), tr("This list")},
            {tr("Ctrl+Q"), tr("Quit")},
    };
    QList<QPair<QString, QString>> all = rows;
    all += PreviewWidget::shortcutList();
    QString html = QStringLiteral("<table cellpadding=\"3\">");
    for (const auto &[keys, what] : all)
        html += QStringLiteral("<tr><td><b>%1</b></td><td>%2</td></tr>")
                        .arg(keys.toHtmlEscaped(), what.toHtmlEscaped());
    html += QStringLiteral("</table><p>%1</p>")
                    .arg(tr("Single keys do not act while you type in a text field or while a "
                            "button has the focus.")
                                 .toHtmlEscaped());
    auto *box = new QMessageBox(QMessageBox::NoIcon, tr("Keyboard shortcuts"), html,
                                QMessageBox::Close, this);
    box->setObjectName(QStringLiteral("shortcutsDialog"));
    box->setAttribute(Qt::WA_DeleteOnClose);
    box->open();
}

void MainWindow::showSettings()
{
    auto *dialog = new SettingsDialog(m_context->settings(), this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->open();
}

void MainWindow::closeEvent(QCloseEvent *event)
{
    // Local renders stop with the window; remote orders stay in the store with their remote id
    // and are fetched when DrillStudio or a worker runs again, so they are not lost, but the
    // user should know before leaving.
    int remote = 0;
    int local = 0;
    for (const QString &id : m_jobsList->jobIds()) {
        if (!m_context->jobs()->isRunningHere(id))
            continue;
        const std::optional<JobRecord> job = m_context->store()->job(id);
        if (job && job->provider != QLatin1String("local"))
            ++remote;
        else if (job)
            ++local;
    }
    if (remote + local > 0
        && !m_confirm(tr("Quit DrillStudio"),
                      tr("%n video(s) are still being made. Remote ones stay ordered and are "
                         "fetched the next time DrillStudio or \"drillstudio worker\" runs; "
                         "local ones start again then. Quit now?",
                         nullptr, remote + local))) {
        event->ignore();
        return;
    }
    // The player's own window goes with the main window.
    m_preview->setDetached(false);
    saveLayout();
    event->accept();
}

// The layout is kept in settings.ini next to the settings, but not in the settings table: only
// the window reads it.
void MainWindow::saveLayout()
{
    QSettings stored(m_context->settings()->filePath(), QSettings::IniFormat);
    stored.setValue(QStringLiteral("window/geometry"), saveGeometry());
    stored.setValue(QStringLiteral("window/splitter"), ui->splitter->saveState());
    stored.setValue(QStringLiteral("window/panel"), ui->panelTabs->currentIndex());
}

void MainWindow::restoreLayout()
{
    QSettings stored(m_context->settings()->filePath(), QSettings::IniFormat);
    if (stored.contains(QStringLiteral("window/geometry")))
        restoreGeometry(stored.value(QStringLiteral("window/geometry")).toByteArray());
    if (stored.contains(QStringLiteral("window/splitter")))
        ui->splitter->restoreState(stored.value(QStringLiteral("window/splitter")).toByteArray());
    const int panel = stored.value(QStringLiteral("window/panel"), 0).toInt();
    if (panel >= 0 && panel < ui->panelTabs->count())
        ui->panelTabs->setCurrentIndex(panel);
}

LibraryModel *MainWindow::libraryModel() const
{
    return m_libraryPanel->model();
}

void MainWindow::setConfirmHandler(ConfirmHandler handler)
{
    m_confirm = handler;
    m_libraryPanel->setConfirmHandler(std::move(handler));
}

void MainWindow::setSavePathHandler(SavePathHandler handler)
{
    m_libraryPanel->setSavePathHandler(std::move(handler));
}

// The language switched in the settings dialog: the texts of the .ui file and those set here.
// (Panels retranslate themselves on the same event.)
void MainWindow::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange) {
        ui->retranslateUi(this);
        ui->panelTabs->setTabText(ui->panelTabs->indexOf(m_serverPanel),
                                  m_serverPanel->isRunning() ? tr("Server (running)")
                                                             : tr("Server"));
        ui->panelTabs->setTabText(ui->panelTabs->indexOf(m_libraryPanel), tr("Library"));
        ui->panelTabs->setTabText(ui->panelTabs->indexOf(m_jobsPanel), tr("Jobs"));
        ui->panelTabs->setTabText(ui->panelTabs->indexOf(m_drillLibraryPanel), tr("Drill library"));
        ui->panelTabs->setAccessibleName(tr("Panels"));
        ui->runIdEdit->setAccessibleName(tr("Run ID"));
        ui->drillEdit->setAccessibleName(tr("Drill text"));
        updateDrillCounter();
        updateProviderLabel();
        m_hintTimer.start();
    }
    QMainWindow::changeEvent(event);
}

void MainWindow::showEvent(QShowEvent *event)
{
    // The window fits the screen it opens on (a small laptop, or a large scale factor), down to
    // the smallest size its layout allows.
    if (!m_shownOnce) {
        m_shownOnce = true;
        if (const QScreen *screen = this->screen()) {
            const QSize room = screen->availableGeometry().size();
            if (width() > room.width() || height() > room.height())
                resize(size().boundedTo(room));
        }
    }
    QMainWindow::showEvent(event);
}
