#include "drilllibrarypanel.h"

#include "appcontext.h"
#include "clock.h"
#include "database.h"
#include "drilllibrarymodel.h"
#include "library/drilllibrary.h"
#include "library/librarystore.h"
#include "library/synonyms.h"
#include "storereader.h"
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
#include <QScrollArea>
#include <QSqlDatabase>
#include <QThread>
#include <QVBoxLayout>
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
    , m_reader(new StoreReader(context->database(), this))
    , m_model(new DrillLibraryModel(
              [videos = context->videos()](const QString &path) {
                  return videos->absolutePath(path);
              },
              this))
{
    // The form scrolls when the tab is short, so that it never makes the window taller.
    auto *content = new QWidget;
    ui->setupUi(content);
    auto *scroll = new QScrollArea(this);
    scroll->setObjectName(QStringLiteral("drillLibraryScroll"));
    scroll->setAccessibleName(tr("Drill library"));
    scroll->setWidgetResizable(true);
    scroll->setFrameShape(QFrame::NoFrame);
    scroll->setWidget(content);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(scroll);
    setAcceptDrops(true);
    ui->drillVideoView->setModel(m_model);
    ui->drillVideoView->setIconSize(DrillLibraryModel::ThumbnailSize);
    ui->drillVideoView->verticalHeader()->hide();
    ui->drillVideoView->verticalHeader()->setDefaultSectionSize(
            DrillLibraryModel::ThumbnailSize.height() + 6);
    QHeaderView *header = ui->drillVideoView->horizontalHeader();
    header->setSectionResizeMode(QHeaderView::Interactive);
    header->setSectionResizeMode(DrillLibraryModel::NotesColumn, QHeaderView::Stretch);
    header->resizeSection(DrillLibraryModel::JapaneseColumn, 240);
    header->resizeSection(DrillLibraryModel::EnglishColumn, 160);
    ui->drillImportProgress->setRange(0, 1000);
    ui->drillImportRow->hide();

    // Every control has a name for screen readers.
    ui->drillVideoView->setAccessibleName(tr("Drill library videos"));
    ui->drillImportDrillsEdit->setAccessibleName(tr("Drills in new imports"));
    ui->drillImportFilesButton->setAccessibleName(tr("Import video files"));
    ui->drillImportFolderButton->setAccessibleName(tr("Import a folder"));
    ui->drillPreviewButton->setAccessibleName(tr("Play the selected video"));
    ui->drillRemoveButton->setAccessibleName(tr("Remove the selected video from the library"));
    ui->drillImportProgress->setAccessibleName(tr("Import progress"));
    ui->drillCancelImportButton->setAccessibleName(tr("Cancel the import"));
    ui->drillJapaneseEdit->setAccessibleName(tr("Japanese drill names"));
    ui->drillEnglishEdit->setAccessibleName(tr("English drill names"));
    ui->drillNotesEdit->setAccessibleName(tr("Notes"));
    ui->drillCuesEdit->setAccessibleName(tr("Coaching cues, one a line"));
    ui->drillSaveButton->setAccessibleName(tr("Save the drills, notes and cues"));
    ui->drillTryEdit->setAccessibleName(tr("Drill text to try"));
    ui->drillTryResultLabel->setAccessibleName(tr("Library video the drill text would get"));
    ui->drillMessageLabel->setAccessibleName(tr("Library messages"));

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

    connect(ui->drillImportFilesButton, &QPushButton::clicked, this,
            &DrillLibraryPanel::chooseFiles);
    connect(ui->drillImportFolderButton, &QPushButton::clicked, this,
            &DrillLibraryPanel::chooseFolder);
    connect(ui->drillCancelImportButton, &QPushButton::clicked, this, [this] {
        cancelImport();
        ui->drillCancelImportButton->setEnabled(false);
        ui->drillImportStatusLabel->setText(tr("Cancelling…"));
    });
    connect(ui->drillPreviewButton, &QPushButton::clicked, this, &DrillLibraryPanel::preview);
    connect(ui->drillVideoView, &QAbstractItemView::doubleClicked, this,
            &DrillLibraryPanel::preview);
    connect(ui->drillRemoveButton, &QPushButton::clicked, this, &DrillLibraryPanel::removeSelected);
    connect(ui->drillSaveButton, &QPushButton::clicked, this, &DrillLibraryPanel::saveSelected);
    connect(ui->drillVideoView->selectionModel(), &QItemSelectionModel::selectionChanged, this,
            &DrillLibraryPanel::onSelectionChanged);
    // Progress comes from the import thread; this context object makes it a queued call.
    connect(this, &DrillLibraryPanel::importProgress, this, [this](double fraction) {
        if (m_thread)
            ui->drillImportProgress->setValue(int(fraction * 1000));
    });

    m_reloadTimer.setSingleShot(true);
    m_reloadTimer.setInterval(100);
    connect(&m_reloadTimer, &QTimer::timeout, this, &DrillLibraryPanel::reload);
    connect(context->library(), &DrillLibrary::libraryChanged, &m_reloadTimer,
            qOverload<>(&QTimer::start));

    m_tryTimer.setSingleShot(true);
    m_tryTimer.setInterval(250);
    connect(&m_tryTimer, &QTimer::timeout, this, &DrillLibraryPanel::startTry);
    connect(ui->drillTryEdit, &QPlainTextEdit::textChanged, &m_tryTimer,
            qOverload<>(&QTimer::start));
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
    return ui->drillMessageLabel->text();
}

QString DrillLibraryPanel::tryResultText() const
{
    return ui->drillTryResultLabel->text();
}

void DrillLibraryPanel::showMessage(const QString &text, bool error)
{
    ui->drillMessageLabel->setText(text);
    ui->drillMessageLabel->setStyleSheet(error ? QStringLiteral("color: #b00020;") : QString());
}

void DrillLibraryPanel::setImportDrills(const QString &names)
{
    ui->drillImportDrillsEdit->setText(names);
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

struct DrillLibraryPanel::LibraryRead
{
    QString revision;
    bool changed = false;
    QList<LibraryVideo> videos;
    QList<DrillSynonym> synonyms;
};

// Read on the reader's thread with its own connection: a locked or slow database never holds up
// the window. The store says when any of it changed (jobs too): the library is read again only
// when its own tables did.
void DrillLibraryPanel::reload()
{
    if (m_reloading) {
        m_reloadAgain = true;
        return;
    }
    m_reloading = true;
    const qint64 nowMs = m_context->clock()->nowMs();
    m_reader->read(
            [known = m_revision, nowMs](StoreSession &session) {
                LibraryStore store(session.database());
                // The synonyms every drill of the renderer comes with, once per store.
                store.seedSynonyms(DrillSynonyms::builtin(), nowMs);
                LibraryRead read;
                read.revision = store.revision();
                if (!read.revision.isEmpty() && read.revision == known)
                    return read;
                read.changed = true;
                read.videos = store.videos();
                read.synonyms = store.synonyms();
                return read;
            },
            [this](const LibraryRead &read) { applyReload(read); });
}

void DrillLibraryPanel::applyReload(const LibraryRead &read)
{
    m_reloading = false;
    if (m_reloadAgain) {
        m_reloadAgain = false;
        reload(); // what was asked for meanwhile may have changed it again
        return;
    }
    if (read.changed) {
        m_revision = read.revision;
        const QString selected = selectedVideoId();
        m_videos = read.videos;
        m_synonyms = read.synonyms;
        ++m_generation;
        m_model->setVideos(m_videos);
        if (!selected.isEmpty() && m_model->indexOfVideo(selected).isValid())
            selectVideo(selected);
    }
    updateButtons();
    const QList<std::function<void()>> waiting = std::exchange(m_afterReload, {});
    for (const auto &call : waiting)
        call();
    // The answer may have changed with the library.
    if (read.changed && !m_lastTryText.isEmpty())
        m_tryTimer.start();
    Q_EMIT reloaded();
}

void DrillLibraryPanel::selectVideo(const QString &id)
{
    const QModelIndex found = m_model->indexOfVideo(id);
    if (!found.isValid())
        return;
    ui->drillVideoView->selectionModel()->setCurrentIndex(
            found, QItemSelectionModel::ClearAndSelect | QItemSelectionModel::Rows);
    ui->drillVideoView->scrollTo(found);
}

QString DrillLibraryPanel::selectedVideoId() const
{
    const QModelIndexList rows = ui->drillVideoView->selectionModel()->selectedRows();
    return rows.isEmpty() ? QString() : m_model->video(rows.first().row()).id;
}

void DrillLibraryPanel::updateButtons()
{
    const bool selected = !selectedVideoId().isEmpty();
    ui->drillPreviewButton->setEnabled(selected);
    ui->drillRemoveButton->setEnabled(selected && !isImporting());
    ui->drillEditGroup->setEnabled(selected);
    ui->drillImportFilesButton->setEnabled(!isImporting());
    ui->drillImportFolderButton->setEnabled(!isImporting());
}

void DrillLibraryPanel::onSelectionChanged()
{
    updateButtons();
    const QString id = selectedVideoId();
    if (id.isEmpty()) {
        ui->drillJapaneseEdit->clear();
        ui->drillEnglishEdit->clear();
        ui->drillNotesEdit->clear();
        ui->drillCuesEdit->clear();
        return;
    }
    const LibraryVideo &video = m_model->video(m_model->indexOfVideo(id).row());
    ui->drillJapaneseEdit->setText(
            DrillLibraryModel::namesIn(video, QStringLiteral("ja")).join(QStringLiteral("、")));
    ui->drillEnglishEdit->setText(
            DrillLibraryModel::namesIn(video, QStringLiteral("en")).join(QStringLiteral(", ")));
    ui->drillNotesEdit->setPlainText(video.notes);
    ui->drillCuesEdit->setPlainText(video.cues.join(QLatin1Char('\n')));
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
    const QStringList japanese = splitNames(ui->drillJapaneseEdit->text());
    const QStringList english = splitNames(ui->drillEnglishEdit->text());
    auto refuse = [this](QWidget *field, const QString &text) {
        showMessage(text, true);
        field->setFocus();
        return false;
    };
    if (japanese.isEmpty() && english.isEmpty())
        return refuse(ui->drillJapaneseEdit, tr("Name at least one drill the video shows."));
    for (const QString &name : japanese + english) {
        if (name.size() > MaxNameCharacters)
            return refuse(japanese.contains(name) ? ui->drillJapaneseEdit : ui->drillEnglishEdit,
                          tr("The drill name \"%1…\" is too long: at most %2 characters.")
                                  .arg(name.left(20))
                                  .arg(MaxNameCharacters));
    }
    const QString notes = ui->drillNotesEdit->toPlainText().trimmed();
    if (notes.size() > MaxNotesCharacters)
        return refuse(ui->drillNotesEdit,
                      tr("The notes are too long: at most %1 characters.").arg(MaxNotesCharacters));
    QStringList cues;
    for (const QString &line : ui->drillCuesEdit->toPlainText().split(QLatin1Char('\n'))) {
        if (line.trimmed().isEmpty())
            continue;
        if (line.trimmed().size() > MaxCueCharacters)
            return refuse(ui->drillCuesEdit,
                          tr("A coaching cue is too long: at most %1 characters a line.")
                                  .arg(MaxCueCharacters));
        cues << line.trimmed();
    }
    if (cues.size() > MaxCues)
        return refuse(ui->drillCuesEdit, tr("Too many coaching cues: at most %1.").arg(MaxCues));
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
    const QStringList drills = splitNames(ui->drillImportDrillsEdit->text());
    if (drills.isEmpty()) {
        showMessage(tr("Name the drill the videos show in \"Drills in new imports\" first."), true);
        ui->drillImportDrillsEdit->setFocus();
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
    ui->drillImportRow->show();
    ui->drillImportProgress->setValue(0);
    ui->drillCancelImportButton->setEnabled(true);
    ui->drillImportStatusLabel->setText(tr("Importing %n file(s)…", nullptr, int(files.size())));
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
    ui->drillImportStatusLabel->setText(tr("%1 imported, %2 failed").arg(m_imported).arg(m_failed));
}

void DrillLibraryPanel::onImportThreadFinished()
{
    m_thread->deleteLater();
    m_thread = nullptr;
    updateButtons();
    ui->drillImportRow->hide();
    QStringList lines;
    if (m_cancelled)
        lines << tr("Import cancelled: %n video(s) imported before; nothing of the cancelled "
                    "file was kept.",
                    nullptr, m_imported);
    else
        lines << tr("Imported %n video(s).", nullptr, m_imported);
    lines << m_importMessages;
    showMessage(lines.join(QLatin1Char('\n')), m_failed > 0);
    // Finished once the list shows what was imported.
    m_afterReload.append([this, imported = m_imported, failed = m_failed, cancelled = m_cancelled] {
        Q_EMIT importFinished(imported, failed, cancelled);
    });
    reload();
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
    QSignalBlocker blocker(ui->drillTryEdit);
    ui->drillTryEdit->setPlainText(text);
    m_tryTimer.stop();
    startTry();
}

void DrillLibraryPanel::startTry()
{
    if (m_reloading) {
        // The library is being read: the text is matched against what it holds now.
        if (!m_tryQueued) {
            m_tryQueued = true;
            m_afterReload.append([this] {
                m_tryQueued = false;
                startTry();
            });
        }
        return;
    }
    if (m_tryWatcher.isRunning()) {
        m_tryAgain = true; // the text changed while matching: match again when done
        return;
    }
    const QString text = ui->drillTryEdit->toPlainText();
    m_lastTryText = text;
    if (text.trimmed().isEmpty()) {
        m_lastTry = {};
        ui->drillTryResultLabel->clear();
        Q_EMIT tryFinished();
        return;
    }
    ui->drillTryResultLabel->setText(tr("Looking…"));
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
        || result->text != ui->drillTryEdit->toPlainText()) {
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
    ui->drillTryResultLabel->setText(match.explanation.isEmpty()
                                             ? headline
                                             : headline + QLatin1Char('\n') + match.explanation);
    Q_EMIT tryFinished();
}
