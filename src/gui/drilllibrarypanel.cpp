#include "drilllibrarypanel.h"

#include "appcontext.h"
#include "database.h"
#include "drilllibrarymodel.h"
#include "library/drilllibrary.h"
#include "ui_drilllibrarypanel.h"
#include "videostore.h"

#include <QDir>
#include <QDirIterator>
#include <QDragEnterEvent>
#include <QDropEvent>
#include <QFileDialog>
#include <QFileInfo>
#include <QHeaderView>
#include <QItemSelectionModel>
#include <QLocale>
#include <QMessageBox>
#include <QMimeData>
#include <QRegularExpression>
#include <QSqlDatabase>
#include <QThread>
#include <QtConcurrent/QtConcurrentRun>

namespace {

constexpr int MaxNameCharacters = 100;
constexpr int MaxNotesCharacters = 2000;
constexpr int MaxCues = 20;
constexpr int MaxCueCharacters = 200;

// The containers the importer takes (see VideoImporter); a folder is searched for these.
const QStringList &videoSuffixes()
{
    static const QStringList suffixes {QStringLiteral("mp4"), QStringLiteral("m4v"),
                                       QStringLiteral("mov"), QStringLiteral("webm"),
                                       QStringLiteral("mkv")};
    return suffixes;
}

} // namespace

struct DrillLibraryPanel::TryResult
{
    std::shared_ptr<const DrillMatcher> matcher;
    int generation = 0;
    QString text;
    LibraryMatch match;
};

DrillLibraryPanel::DrillLibraryPanel(AppContext *context, QWidget *parent)
    : QWidget(parent)
    , ui(std::make_unique<Ui::DrillLibraryPanel>())
    , m_context(context)
    , m_model(new DrillLibraryModel(
              [videos = context->videos()](const QString &path) {
                  return videos->absolutePath(path);
              },
              this))
{
    ui->setupUi(this);
    setAcceptDrops(true);
    ui->videoView->setModel(m_model);
    ui->videoView->setIconSize(DrillLibraryModel::ThumbnailSize);
    ui->videoView->verticalHeader()->hide();
    ui->videoView->verticalHeader()->setDefaultSectionSize(DrillLibraryModel::ThumbnailSize.height()
                                                           + 6);
    QHeaderView *header = ui->videoView->horizontalHeader();
    header->setSectionResizeMode(QHeaderView::Interactive);
    header->setSectionResizeMode(DrillLibraryModel::NotesColumn, QHeaderView::Stretch);
    header->resizeSection(DrillLibraryModel::JapaneseColumn, 240);
    header->resizeSection(DrillLibraryModel::EnglishColumn, 160);
    ui->importProgress->setRange(0, 1000);
    ui->importRow->hide();

    // Every control has a name for screen readers.
    ui->videoView->setAccessibleName(tr("Drill library videos"));
    ui->importDrillsEdit->setAccessibleName(tr("Drills in new imports"));
    ui->importFilesButton->setAccessibleName(tr("Import video files"));
    ui->importFolderButton->setAccessibleName(tr("Import a folder"));
    ui->previewButton->setAccessibleName(tr("Play the selected video"));
    ui->removeButton->setAccessibleName(tr("Remove the selected video from the library"));
    ui->importProgress->setAccessibleName(tr("Import progress"));
    ui->cancelImportButton->setAccessibleName(tr("Cancel the import"));
    ui->japaneseEdit->setAccessibleName(tr("Japanese drill names"));
    ui->englishEdit->setAccessibleName(tr("English drill names"));
    ui->notesEdit->setAccessibleName(tr("Notes"));
    ui->cuesEdit->setAccessibleName(tr("Coaching cues, one a line"));
    ui->saveButton->setAccessibleName(tr("Save the drills, notes and cues"));
    ui->tryEdit->setAccessibleName(tr("Drill text to try"));
    ui->tryResultLabel->setAccessibleName(tr("Library video the drill text would get"));
    ui->messageLabel->setAccessibleName(tr("Library messages"));

    m_confirm = [this](const QString &title, const QString &text) {
        return QMessageBox::question(this, title, text) == QMessageBox::Yes;
    };
    m_openFiles = [this] {
        return QFileDialog::getOpenFileNames(
                this, tr("Import demonstration videos"), QDir::homePath(),
                tr("Videos (*.mp4 *.m4v *.mov *.webm *.mkv);;All files (*)"));
    };
    m_openFolder = [this] {
        return QFileDialog::getExistingDirectory(this, tr("Import the videos of a folder"),
                                                 QDir::homePath());
    };

    connect(ui->importFilesButton, &QPushButton::clicked, this, &DrillLibraryPanel::chooseFiles);
    connect(ui->importFolderButton, &QPushButton::clicked, this, &DrillLibraryPanel::chooseFolder);
    connect(ui->cancelImportButton, &QPushButton::clicked, this, [this] {
        cancelImport();
        ui->cancelImportButton->setEnabled(false);
        ui->importStatusLabel->setText(tr("Cancelling…"));
    });
    connect(ui->previewButton, &QPushButton::clicked, this, &DrillLibraryPanel::preview);
    connect(ui->videoView, &QAbstractItemView::doubleClicked, this, &DrillLibraryPanel::preview);
    connect(ui->removeButton, &QPushButton::clicked, this, &DrillLibraryPanel::removeSelected);
    connect(ui->saveButton, &QPushButton::clicked, this, &DrillLibraryPanel::saveSelected);
    connect(ui->videoView->selectionModel(), &QItemSelectionModel::selectionChanged, this,
            &DrillLibraryPanel::onSelectionChanged);
    // Progress comes from the import thread; this context object makes it a queued call.
    connect(this, &DrillLibraryPanel::importProgress, this, [this](double fraction) {
        if (m_thread)
            ui->importProgress->setValue(int(fraction * 1000));
    });

    m_reloadTimer.setSingleShot(true);
    m_reloadTimer.setInterval(100);
    connect(&m_reloadTimer, &QTimer::timeout, this, &DrillLibraryPanel::reload);
    connect(context->library(), &DrillLibrary::libraryChanged, &m_reloadTimer,
            qOverload<>(&QTimer::start));

    m_tryTimer.setSingleShot(true);
    m_tryTimer.setInterval(250);
    connect(&m_tryTimer, &QTimer::timeout, this, &DrillLibraryPanel::startTry);
    connect(ui->tryEdit, &QPlainTextEdit::textChanged, &m_tryTimer, qOverload<>(&QTimer::start));
    connect(&m_tryWatcher, &QFutureWatcherBase::finished, this, &DrillLibraryPanel::showTry);

    reload();
    updateButtons();
}

DrillLibraryPanel::~DrillLibraryPanel()
{
    if (m_thread) {
        cancelImport();
        m_thread->wait();
    }
    m_tryWatcher.waitForFinished();
}

QString DrillLibraryPanel::message() const
{
    return ui->messageLabel->text();
}

QString DrillLibraryPanel::tryResultText() const
{
    return ui->tryResultLabel->text();
}

void DrillLibraryPanel::showMessage(const QString &text, bool error)
{
    ui->messageLabel->setText(text);
    ui->messageLabel->setStyleSheet(error ? QStringLiteral("color: #b00020;") : QString());
}

void DrillLibraryPanel::setImportDrills(const QString &names)
{
    ui->importDrillsEdit->setText(names);
}

QStringList DrillLibraryPanel::splitNames(const QString &text)
{
    static const QRegularExpression separators(QStringLiteral("[,、，;\\n]"));
    QStringList names;
    for (const QString &part : text.split(separators, Qt::SkipEmptyParts)) {
        if (!part.trimmed().isEmpty())
            names << part.trimmed();
    }
    return names;
}

void DrillLibraryPanel::reload()
{
    DrillLibrary *library = m_context->library();
    const QString selected = selectedVideoId();
    m_videos = library->videos();
    m_synonyms = library->synonyms();
    ++m_generation;
    m_model->setVideos(m_videos);
    if (!selected.isEmpty() && m_model->indexOfVideo(selected).isValid())
        selectVideo(selected);
    updateButtons();
    // The answer may have changed with the library.
    if (!m_lastTryText.isEmpty())
        m_tryTimer.start();
}

void DrillLibraryPanel::selectVideo(const QString &id)
{
    const QModelIndex found = m_model->indexOfVideo(id);
    if (!found.isValid())
        return;
    ui->videoView->selectionModel()->setCurrentIndex(
            found, QItemSelectionModel::ClearAndSelect | QItemSelectionModel::Rows);
    ui->videoView->scrollTo(found);
}

QString DrillLibraryPanel::selectedVideoId() const
{
    const QModelIndexList rows = ui->videoView->selectionModel()->selectedRows();
    return rows.isEmpty() ? QString() : m_model->video(rows.first().row()).id;
}

void DrillLibraryPanel::updateButtons()
{
    const bool selected = !selectedVideoId().isEmpty();
    ui->previewButton->setEnabled(selected);
    ui->removeButton->setEnabled(selected && !isImporting());
    ui->editGroup->setEnabled(selected);
    ui->importFilesButton->setEnabled(!isImporting());
    ui->importFolderButton->setEnabled(!isImporting());
}

void DrillLibraryPanel::onSelectionChanged()
{
    updateButtons();
    const QString id = selectedVideoId();
    if (id.isEmpty()) {
        ui->japaneseEdit->clear();
        ui->englishEdit->clear();
        ui->notesEdit->clear();
        ui->cuesEdit->clear();
        return;
    }
    const LibraryVideo &video = m_model->video(m_model->indexOfVideo(id).row());
    ui->japaneseEdit->setText(
            DrillLibraryModel::namesIn(video, QStringLiteral("ja")).join(QStringLiteral("、")));
    ui->englishEdit->setText(
            DrillLibraryModel::namesIn(video, QStringLiteral("en")).join(QStringLiteral(", ")));
    ui->notesEdit->setPlainText(video.notes);
    ui->cuesEdit->setPlainText(video.cues.join(QLatin1Char('\n')));
}

void DrillLibraryPanel::preview()
{
    const QString id = selectedVideoId();
    if (id.isEmpty())
        return;
    const LibraryVideo &video = m_model->video(m_model->indexOfVideo(id).row());
    const QString path = m_context->videos()->absolutePath(video.filePath);
    if (!QFileInfo::exists(path)) {
        showMessage(tr("The file of this library video is missing: %1")
                            .arg(QDir::toNativeSeparators(path)),
                    true);
        return;
    }
    Q_EMIT previewRequested(path);
}

bool DrillLibraryPanel::saveSelected()
{
    const QString id = selectedVideoId();
    if (id.isEmpty())
        return false;
    LibraryVideo video = m_model->video(m_model->indexOfVideo(id).row());
    const QStringList japanese = splitNames(ui->japaneseEdit->text());
    const QStringList english = splitNames(ui->englishEdit->text());
    auto refuse = [this](QWidget *field, const QString &text) {
        showMessage(text, true);
        field->setFocus();
        return false;
    };
    if (japanese.isEmpty() && english.isEmpty())
        return refuse(ui->japaneseEdit, tr("Name at least one drill the video shows."));
    for (const QString &name : japanese + english) {
        if (name.size() > MaxNameCharacters)
            return refuse(japanese.contains(name) ? ui->japaneseEdit : ui->englishEdit,
                          tr("The drill name \"%1…\" is too long: at most %2 characters.")
                                  .arg(name.left(20))
                                  .arg(MaxNameCharacters));
    }
    const QString notes = ui->notesEdit->toPlainText().trimmed();
    if (notes.size() > MaxNotesCharacters)
        return refuse(ui->notesEdit,
                      tr("The notes are too long: at most %1 characters.").arg(MaxNotesCharacters));
    QStringList cues;
    for (const QString &line : ui->cuesEdit->toPlainText().split(QLatin1Char('\n'))) {
        if (line.trimmed().isEmpty())
            continue;
        if (line.trimmed().size() > MaxCueCharacters)
            return refuse(ui->cuesEdit,
                          tr("A coaching cue is too long: at most %1 characters a line.")
                                  .arg(MaxCueCharacters));
        cues << line.trimmed();
    }
    if (cues.size() > MaxCues)
        return refuse(ui->cuesEdit, tr("Too many coaching cues: at most %1.").arg(MaxCues));
    // The main drill (the first tag) stays first when its language comes second in the form.
    const bool englishFirst = !video.tags.isEmpty()
            && video.tags.first().language == QLatin1String("en") && !english.isEmpty();
    QList<LibraryTag> tags;
    for (const QString &name : englishFirst ? english + japanese : japanese + english)
        tags.append({name, LibraryStore::languageOf(name)});
    video.tags = tags;
    video.notes = notes;
    video.cues = cues;
    QString error;
    if (!m_context->library()->updateVideo(video, &error)) {
        showMessage(error, true);
        return false;
    }
    showMessage(tr("Saved the drills, notes and cues of %1.").arg(video.tagNames().first()), false);
    reload();
    return true;
}

bool DrillLibraryPanel::removeSelected()
{
    const QString id = selectedVideoId();
    if (id.isEmpty() || isImporting())
        return false;
    const LibraryVideo video = m_model->video(m_model->indexOfVideo(id).row());
    const QList<qint64> runs = m_context->library()->linkedRuns(id);
    QStringList runNames;
    for (qint64 run : runs)
        runNames << QString::number(run);
    const QString name = video.tagNames().join(QStringLiteral(", "));
    const QString text = runs.isEmpty()
            ? tr("Remove \"%1\" from the drill library? Its video file is deleted.").arg(name)
            : tr("Remove \"%1\" from the drill library? Its video file is deleted, and run(s) %2 "
                 "answered with it will no longer have a video.",
                 nullptr, int(runs.size()))
                      .arg(name, runNames.join(QStringLiteral(", ")));
    if (!m_confirm(tr("Remove from the drill library"), text))
        return false;
    QString error;
    if (!m_context->library()->removeVideo(id, &error)) {
        showMessage(error, true);
        return false;
    }
    showMessage(tr("Removed \"%1\" from the drill library.").arg(name), false);
    reload();
    return true;
}

// ---- import ----

QStringList DrillLibraryPanel::importableFiles(const QStringList &paths, QStringList *skipped)
{
    QStringList files;
    for (const QString &path : paths) {
        const QFileInfo info(path);
        if (info.isDir()) {
            QDirIterator it(path, QDir::Files | QDir::Readable);
            QStringList found;
            while (it.hasNext()) {
                const QString file = it.next();
                if (videoSuffixes().contains(QFileInfo(file).suffix().toLower()))
                    found << file;
                else
                    skipped->append(file);
            }
            found.sort();
            files << found;
        } else {
            // A file named on its own is tried whatever its name: the importer says what it is.
            files << path;
        }
    }
    return files;
}

bool DrillLibraryPanel::importPaths(const QStringList &paths)
{
    if (isImporting()) {
        showMessage(tr("An import is under way; wait for it or cancel it first."), true);
        return false;
    }
    const QStringList drills = splitNames(ui->importDrillsEdit->text());
    if (drills.isEmpty()) {
        showMessage(tr("Name the drill the videos show in \"Drills in new imports\" first."), true);
        ui->importDrillsEdit->setFocus();
        return false;
    }
    QStringList skipped;
    const QStringList files = importableFiles(paths, &skipped);
    if (files.isEmpty()) {
        showMessage(tr("There is no video file to import (MP4, MOV, WebM or MKV)."), true);
        return false;
    }
    m_cancel.store(false);
    m_imported = 0;
    m_failed = 0;
    m_cancelled = false;
    m_importMessages.clear();
    ui->importRow->show();
    ui->importProgress->setValue(0);
    ui->cancelImportButton->setEnabled(true);
    ui->importStatusLabel->setText(tr("Importing %n file(s)…", nullptr, int(files.size())));
    showMessage({}, false);

    DrillLibrary *library = m_context->library();
    Database *database = m_context->database();
    m_thread = QThread::create([this, library, database, files, drills] {
        // This thread's own database connection, closed when it ends.
        const QString connection = database->connection().connectionName();
        for (int i = 0; i < files.size(); ++i) {
            if (m_cancel.load()) {
                QMetaObject::invokeMethod(
                        this,
                        [this, file = files.at(i)] { onImported(file, false, true, QString()); },
                        Qt::QueuedConnection);
                continue;
            }
            DrillLibrary::ImportRequest request;
            request.file = files.at(i);
            request.drills = drills;
            const double share = 1.0 / double(files.size());
            const DrillLibrary::ImportResult result
                    = library->importFile(request, [this, i, share](double done) {
                          Q_EMIT importProgress(share * (i + qBound(0.0, done, 1.0)));
                          return !m_cancel.load();
                      });
            QString text = result.error;
            if (result.ok && !result.audioNote.isEmpty())
                text = result.audioNote;
            QMetaObject::invokeMethod(
                    this,
                    [this, file = files.at(i), ok = result.ok, cancelled = result.cancelled, text] {
                        onImported(file, ok, cancelled, text);
                    },
                    Qt::QueuedConnection);
        }
        {
            QSqlDatabase db = QSqlDatabase::database(connection, false);
            db.close();
        }
        QSqlDatabase::removeDatabase(connection);
    });
    connect(m_thread, &QThread::finished, this, &DrillLibraryPanel::onImportThreadFinished);
    m_thread->start();
    updateButtons();
    return true;
}

void DrillLibraryPanel::onImported(const QString &file, bool ok, bool cancelled,
                                   const QString &text)
{
    const QString name = QFileInfo(file).fileName();
    if (ok) {
        ++m_imported;
        if (!text.isEmpty())
            m_importMessages << tr("%1: %2").arg(name, text);
    } else if (cancelled) {
        m_cancelled = true;
    } else {
        ++m_failed;
        // The same words as "drillstudio library import".
        m_importMessages << tr("%1: %2").arg(name, text);
    }
    ui->importStatusLabel->setText(tr("%1 imported, %2 failed").arg(m_imported).arg(m_failed));
}

void DrillLibraryPanel::onImportThreadFinished()
{
    m_thread->deleteLater();
    m_thread = nullptr;
    ui->importRow->hide();
    QStringList lines;
    if (m_cancelled)
        lines << tr("Import cancelled: %n video(s) imported before; nothing of the cancelled "
                    "file was kept.",
                    nullptr, m_imported);
    else
        lines << tr("Imported %n video(s).", nullptr, m_imported);
    lines << m_importMessages;
    showMessage(lines.join(QLatin1Char('\n')), m_failed > 0);
    reload();
    Q_EMIT importFinished(m_imported, m_failed, m_cancelled);
}

void DrillLibraryPanel::chooseFiles()
{
    const QStringList files = m_openFiles();
    if (!files.isEmpty())
        importPaths(files);
}

void DrillLibraryPanel::chooseFolder()
{
    const QString folder = m_openFolder();
    if (!folder.isEmpty())
        importPaths({folder});
}

void DrillLibraryPanel::dragEnterEvent(QDragEnterEvent *event)
{
    const QList<QUrl> urls = event->mimeData()->urls();
    const bool local = !urls.isEmpty()
            && std::all_of(urls.cbegin(), urls.cend(),
                           [](const QUrl &url) { return url.isLocalFile(); });
    if (local && !isImporting())
        event->acceptProposedAction();
    else
        event->ignore();
}

void DrillLibraryPanel::dropEvent(QDropEvent *event)
{
    QStringList paths;
    for (const QUrl &url : event->mimeData()->urls()) {
        if (url.isLocalFile())
            paths << url.toLocalFile();
    }
    if (paths.isEmpty())
        return event->ignore();
    event->acceptProposedAction();
    importPaths(paths);
}

// ---- try a drill text ----

void DrillLibraryPanel::tryText(const QString &text)
{
    QSignalBlocker blocker(ui->tryEdit);
    ui->tryEdit->setPlainText(text);
    m_tryTimer.stop();
    startTry();
}

void DrillLibraryPanel::startTry()
{
    if (m_tryWatcher.isRunning()) {
        m_tryAgain = true; // the text changed while matching: match again when done
        return;
    }
    const QString text = ui->tryEdit->toPlainText();
    m_lastTryText = text;
    if (text.trimmed().isEmpty()) {
        m_lastTry = {};
        ui->tryResultLabel->clear();
        Q_EMIT tryFinished();
        return;
    }
    ui->tryResultLabel->setText(tr("Looking…"));
    std::shared_ptr<const DrillMatcher> matcher
            = m_matcherGeneration == m_generation ? m_matcher : nullptr;
    m_tryWatcher.setFuture(QtConcurrent::run([matcher, synonyms = m_synonyms, videos = m_videos,
                                              generation = m_generation,
                                              threshold = m_context->library()->threshold(), text] {
        auto result = std::make_shared<TryResult>();
        result->matcher = matcher;
        if (!result->matcher) {
            auto built = std::make_shared<DrillMatcher>();
            built->build(synonyms, DrillMatcher::videosOf(videos));
            result->matcher = std::move(built);
        }
        result->generation = generation;
        result->text = text;
        result->match = result->matcher->match(text, threshold);
        return result;
    }));
}

void DrillLibraryPanel::showTry()
{
    const std::shared_ptr<TryResult> result = m_tryWatcher.result();
    m_matcher = result->matcher;
    m_matcherGeneration = result->generation;
    if (m_tryAgain || result->generation != m_generation
        || result->text != ui->tryEdit->toPlainText()) {
        m_tryAgain = false;
        startTry();
        return;
    }
    m_lastTry = result->match;
    const LibraryMatch &match = result->match;
    QString headline;
    if (match.matched) {
        const QModelIndex row = m_model->indexOfVideo(match.videoId);
        const QString name = row.isValid()
                ? m_model->video(row.row()).tagNames().join(QStringLiteral(", "))
                : match.videoId;
        headline = tr("The library video \"%1\" would be shown (confidence %2 %); nothing is "
                      "generated.")
                           .arg(name)
                           .arg(qRound(match.confidence * 100));
    } else {
        headline = tr("No library video matches: the video would be generated.");
    }
    ui->tryResultLabel->setText(match.explanation.isEmpty()
                                        ? headline
                                        : headline + QLatin1Char('\n') + match.explanation);
    Q_EMIT tryFinished();
}
