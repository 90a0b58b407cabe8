// The window's drill library panel, driven through its controls and API offscreen: import by the
// API, a drop, the file dialogs and a folder; a bad file; cancel; editing; removal with its
// question; the "try a drill text" box; and the main window playing a library video.
#include "appcontext.h"
#include "drilllibrarymodel.h"
#include "drilllibrarypanel.h"
#include "jobspec.h"
#include "library/drilllibrary.h"
#include "mainwindow.h"
#include "previewwidget.h"
#include "settings.h"
#include "videostore.h"

#include <QAbstractItemModelTester>
#include <QDir>
#include <QDragEnterEvent>
#include <QDropEvent>
#include <QLabel>
#include <QLineEdit>
#include <QMediaPlayer>
#include <QMimeData>
#include <QPlainTextEdit>
#include <QProcess>
#include <QPushButton>
#include <QSignalSpy>
#include <QTableView>
#include <QTemporaryDir>
#include <QTest>

class TestDrillLibraryPanel : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_sources; // recordings made once for every test
    QString m_shortVideo;
    QString m_longVideo;
    QString m_notAVideo;
    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<AppContext> m_context;
    std::unique_ptr<DrillLibraryPanel> m_panel;
    std::unique_ptr<QAbstractItemModelTester> m_tester;

    static bool record(const QString &path, int seconds)
    {
        QProcess ffmpeg;
        ffmpeg.start(QStringLiteral("ffmpeg"),
                     {QStringLiteral("-hide_banner"), QStringLiteral("-loglevel"),
                      QStringLiteral("error"), QStringLiteral("-f"), QStringLiteral("lavfi"),
                      QStringLiteral("-i"),
                      QStringLiteral("testsrc2=size=320x240:rate=30:duration=%1").arg(seconds),
                      QStringLiteral("-c:v"), QStringLiteral("libx264"), QStringLiteral("-preset"),
                      QStringLiteral("ultrafast"), path});
        return ffmpeg.waitForFinished(60000) && ffmpeg.exitCode() == 0;
    }

    template<typename T>
    T *child(const char *name) const
    {
        T *found = m_panel->findChild<T *>(QString::fromLatin1(name));
        if (!found)
            qFatal("no child %s", name);
        return found;
    }

    void openPanel()
    {
        m_panel = std::make_unique<DrillLibraryPanel>(m_context.get());
        m_tester = std::make_unique<QAbstractItemModelTester>(
                m_panel->model(), QAbstractItemModelTester::FailureReportingMode::QtTest);
        m_panel->resize(900, 700);
        m_panel->show();
        QVERIFY(QTest::qWaitForWindowExposed(m_panel.get()));
        waitForReload(m_panel.get());
    }

    // The library is read off the GUI thread: until the read on its way is shown.
    static void waitForReload(DrillLibraryPanel *panel)
    {
        QTRY_VERIFY_WITH_TIMEOUT(!panel->isReloading(), 20000);
    }

    // Files in the library folder, temporary ones included.
    QStringList libraryFiles() const
    {
        return QDir(m_context->videos()->absolutePath(DrillLibrary::folderName()))
                .entryList(QDir::Files | QDir::Hidden);
    }

    QString importDirectly(const QString &file, const QStringList &drills)
    {
        DrillLibrary::ImportRequest request;
        request.file = file;
        request.drills = drills;
        const DrillLibrary::ImportResult result = m_context->library()->importFile(request);
        return result.ok ? result.video.id : QString();
    }

    // Drags the files over the panel and drops them, as a file manager does.
    bool drop(const QStringList &files)
    {
        QMimeData data;
        QList<QUrl> urls;
        for (const QString &file : files)
            urls << QUrl::fromLocalFile(file);
        data.setUrls(urls);
        QDragEnterEvent enter(QPoint(10, 10), Qt::CopyAction, &data, Qt::LeftButton,
                              Qt::NoModifier);
        QApplication::sendEvent(m_panel.get(), &enter);
        if (!enter.isAccepted())
            return false;
        QDropEvent drop(QPointF(10, 10), Qt::CopyAction, &data, Qt::LeftButton, Qt::NoModifier);
        QApplication::sendEvent(m_panel.get(), &drop);
        return drop.isAccepted();
    }

    bool waitForImport(QSignalSpy &finished)
    {
        return finished.count() > 0 || finished.wait(120000);
    }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_sources.isValid());
        m_shortVideo = m_sources.filePath(QStringLiteral("wall.mp4"));
        m_longVideo = m_sources.filePath(QStringLiteral("long.mp4"));
        QVERIFY(record(m_shortVideo, 1));
        QVERIFY(record(m_longVideo, 6));
        m_notAVideo = m_sources.filePath(QStringLiteral("notes.mp4"));
        QFile text(m_notAVideo);
        QVERIFY(text.open(QIODevice::WriteOnly));
        text.write("These are my notes, not a video.\n");
    }

    void init()
    {
        m_dir = std::make_unique<QTemporaryDir>();
        m_context = std::make_unique<AppContext>();
        AppContext::Options options;
        options.dataDir = m_dir->path();
        options.installLogFile = false;
        options.startJobs = false;
        QVERIFY2(m_context->open(options), qPrintable(m_context->errorString()));
        QVERIFY(m_context->settings()
                        ->setValue("generation/size", QStringLiteral("320x180"))
                        .isEmpty());
    }

    void cleanup()
    {
        m_tester.reset();
        m_panel.reset();
        m_context.reset();
        m_dir.reset();
    }

    void showsVideosWithThumbnailsAndBothLanguages()
    {
        const QString id = importDirectly(
                m_shortVideo, {QStringLiteral("もも上げ"), QStringLiteral("High knees")});
        QVERIFY(!id.isEmpty());
        openPanel();
        DrillLibraryModel *model = m_panel->model();
        QCOMPARE(model->rowCount(), 1);
        const QModelIndex japanese = model->index(0, DrillLibraryModel::JapaneseColumn);
        QCOMPARE(japanese.data().toString(), QStringLiteral("もも上げ"));
        QCOMPARE(model->index(0, DrillLibraryModel::EnglishColumn).data().toString(),
                 QStringLiteral("High knees"));
        QCOMPARE(japanese.data(DrillLibraryModel::VideoIdRole).toString(), id);
        // The stored WebP thumbnail, decoded.
        QTRY_VERIFY(!japanese.data(Qt::DecorationRole).value<QPixmap>().isNull());
        const QPixmap thumbnail = japanese.data(Qt::DecorationRole).value<QPixmap>();
        QVERIFY(thumbnail.width() <= DrillLibraryModel::ThumbnailSize.width());
    }

    void importsThroughTheApiWithProgress()
    {
        openPanel();
        QSignalSpy finished(m_panel.get(), &DrillLibraryPanel::importFinished);
        QSignalSpy progress(m_panel.get(), &DrillLibraryPanel::importProgress);
        // Without a drill named, nothing starts.
        QVERIFY(!m_panel->importPaths({m_shortVideo}));
        QVERIFY(m_panel->message().contains(QStringLiteral("Drills in new imports")));
        m_panel->setImportDrills(QStringLiteral("ウォールドリル, Wall drill"));
        QVERIFY(m_panel->importPaths({m_shortVideo}));
        QVERIFY(m_panel->isImporting());
        QVERIFY(child<QPushButton>("drillCancelImportButton")->isVisible());
        QVERIFY(waitForImport(finished));
        QCOMPARE(finished.first().at(0).toInt(), 1);
        QCOMPARE(finished.first().at(1).toInt(), 0);
        QVERIFY(!progress.isEmpty());
        QVERIFY(!m_panel->isImporting());
        QCOMPARE(m_panel->model()->rowCount(), 1);
        const LibraryVideo video = m_panel->model()->video(0);
        QCOMPARE(video.tagNames(),
                 QStringList({QStringLiteral("ウォールドリル"), QStringLiteral("Wall drill")}));
        QVERIFY(m_context->library()->video(video.id).has_value());
    }

    void importsADroppedFileAndRefusesANonVideo()
    {
        openPanel();
        m_panel->setImportDrills(QStringLiteral("プランク"));
        QSignalSpy finished(m_panel.get(), &DrillLibraryPanel::importFinished);
        QVERIFY(drop({m_shortVideo}));
        QVERIFY(waitForImport(finished));
        QCOMPARE(m_panel->model()->rowCount(), 1);
        const QStringList filesBefore = libraryFiles();

        // A text file named .mp4: the importer's words, as the command line prints them, and
        // nothing of it in the library.
        finished.clear();
        QVERIFY(drop({m_notAVideo}));
        QVERIFY2(waitForImport(finished), qPrintable(m_panel->message()));
        QCOMPARE(finished.first().at(1).toInt(), 1);
        DrillLibrary::ImportRequest request;
        request.file = m_notAVideo;
        request.drills = {QStringLiteral("プランク")};
        const QString expected = m_context->library()->importFile(request).error;
        QVERIFY(!expected.isEmpty());
        QVERIFY2(m_panel->message().contains(QStringLiteral("notes.mp4: ") + expected),
                 qPrintable(m_panel->message()));
        QCOMPARE(m_panel->model()->rowCount(), 1);
        QCOMPARE(libraryFiles(), filesBefore);
    }

    void importsFromTheFileDialogAndAFolder()
    {
        openPanel();
        m_panel->setImportDrills(QStringLiteral("縄跳び"));
        QSignalSpy finished(m_panel.get(), &DrillLibraryPanel::importFinished);
        m_panel->setOpenFilesHandler([this] { return QStringList {m_shortVideo}; });
        QTest::mouseClick(child<QPushButton>("drillImportFilesButton"), Qt::LeftButton);
        QVERIFY(waitForImport(finished));
        QCOMPARE(m_panel->model()->rowCount(), 1);

        // A folder: its video files; other files are passed over.
        QTemporaryDir folder;
        QVERIFY(QFile::copy(m_longVideo, folder.filePath(QStringLiteral("jump.MOV"))));
        QFile readme(folder.filePath(QStringLiteral("readme.txt")));
        QVERIFY(readme.open(QIODevice::WriteOnly));
        readme.write("not a video");
        readme.close();
        finished.clear();
        m_panel->setOpenFolderHandler([&folder] { return folder.path(); });
        QTest::mouseClick(child<QPushButton>("drillImportFolderButton"), Qt::LeftButton);
        QVERIFY(waitForImport(finished));
        QCOMPARE(finished.first().at(0).toInt(), 1);
        QCOMPARE(finished.first().at(1).toInt(), 0);
        QCOMPARE(m_panel->model()->rowCount(), 2);
    }

    void cancelLeavesNothing()
    {
        openPanel();
        m_panel->setImportDrills(QStringLiteral("もも上げ"));
        const QStringList filesBefore = libraryFiles();
        QSignalSpy finished(m_panel.get(), &DrillLibraryPanel::importFinished);
        // Cancelled from the import thread at its first progress: the importer sees it at its
        // next step, whatever the machine's speed.
        connect(
                m_panel.get(), &DrillLibraryPanel::importProgress, m_panel.get(),
                [this](double) { m_panel->cancelImport(); }, Qt::DirectConnection);
        QVERIFY(m_panel->importPaths({m_longVideo, m_shortVideo}));
        QVERIFY(waitForImport(finished));
        QCOMPARE(finished.first().at(0).toInt(), 0);
        QCOMPARE(finished.first().at(2).toBool(), true);
        QVERIFY(m_panel->message().contains(QStringLiteral("cancelled")));
        QCOMPARE(m_panel->model()->rowCount(), 0);
        QVERIFY(m_context->library()->videos().isEmpty());
        QCOMPARE(libraryFiles(), filesBefore);
        QVERIFY(child<QPushButton>("drillImportFilesButton")->isEnabled());
    }

    void cancelButtonStopsTheImport()
    {
        openPanel();
        m_panel->setImportDrills(QStringLiteral("もも上げ"));
        QSignalSpy finished(m_panel.get(), &DrillLibraryPanel::importFinished);
        QVERIFY(m_panel->importPaths({m_longVideo}));
        QTest::mouseClick(child<QPushButton>("drillCancelImportButton"), Qt::LeftButton);
        QVERIFY(waitForImport(finished));
        QCOMPARE(finished.first().at(2).toBool(), true);
        QVERIFY(m_context->library()->videos().isEmpty());
    }

    void editsAreValidatedAndSaved()
    {
        const QString id = importDirectly(m_shortVideo, {QStringLiteral("もも上げ")});
        QVERIFY(!id.isEmpty());
        openPanel();
        m_panel->selectVideo(id);
        QCOMPARE(child<QLineEdit>("drillJapaneseEdit")->text(), QStringLiteral("もも上げ"));

        child<QLineEdit>("drillJapaneseEdit")->clear();
        QTest::mouseClick(child<QPushButton>("drillSaveButton"), Qt::LeftButton);
        QVERIFY(m_panel->message().contains(QStringLiteral("at least one drill")));
        QCOMPARE(m_context->library()->video(id)->tagNames(),
                 QStringList {QStringLiteral("もも上げ")});

        child<QLineEdit>("drillJapaneseEdit")->setText(QStringLiteral("腿上げ、もも上げ"));
        child<QLineEdit>("drillEnglishEdit")->setText(QStringLiteral("High knees"));
        child<QPlainTextEdit>("drillNotesEdit")->setPlainText(QStringLiteral("Filmed indoors."));
        child<QPlainTextEdit>("drillCuesEdit")->setPlainText(QString(300, QLatin1Char('x')));
        QVERIFY(!m_panel->saveSelected());
        QVERIFY(m_panel->message().contains(QStringLiteral("too long")));
        QVERIFY(m_context->library()->video(id)->notes.isEmpty());

        child<QPlainTextEdit>("drillCuesEdit")
                ->setPlainText(QStringLiteral("膝を高く\n\nArms drive the knees"));
        QTest::mouseClick(child<QPushButton>("drillSaveButton"), Qt::LeftButton);
        const auto saved = m_context->library()->video(id);
        QVERIFY(saved.has_value());
        QCOMPARE(saved->tagNames(),
                 QStringList({QStringLiteral("腿上げ"), QStringLiteral("もも上げ"),
                              QStringLiteral("High knees")}));
        QCOMPARE(saved->notes, QStringLiteral("Filmed indoors."));
        QCOMPARE(saved->cues,
                 QStringList({QStringLiteral("膝を高く"), QStringLiteral("Arms drive the knees")}));
        waitForReload(m_panel.get());
        QCOMPARE(m_panel->model()->index(0, DrillLibraryModel::CuesColumn).data().toString(),
                 QStringLiteral("膝を高く / Arms drive the knees"));
        QCOMPARE(m_panel->selectedVideoId(), id);
    }

    void removalNamesTheLinkedRuns()
    {
        const QString id = importDirectly(m_shortVideo, {QStringLiteral("ウォールドリル")});
        QVERIFY(!id.isEmpty());
        const JobSpec spec = JobSpec::fromSettings(
                *m_context->settings(), 4711,
                QStringLiteral("【💪 おすすめの補強ドリル】\nウォールドリルが効果的です。"));
        QCOMPARE(m_context->library()->answer(spec).kind, JobManager::Submission::Kind::CacheHit);
        const LibraryVideo video = *m_context->library()->video(id);
        openPanel();
        QString asked;
        bool answer = false;
        m_panel->setConfirmHandler([&](const QString &, const QString &text) {
            asked = text;
            return answer;
        });
        m_panel->selectVideo(id);
        QTest::mouseClick(child<QPushButton>("drillRemoveButton"), Qt::LeftButton);
        QVERIFY2(asked.contains(QStringLiteral("4711")), qPrintable(asked));
        QVERIFY(asked.contains(QStringLiteral("ウォールドリル")));
        QVERIFY(m_context->library()->video(id).has_value());
        QCOMPARE(m_panel->model()->rowCount(), 1);

        answer = true;
        asked.clear();
        QVERIFY(m_panel->removeSelected());
        QVERIFY(asked.contains(QStringLiteral("4711")));
        QVERIFY(!m_context->library()->video(id).has_value());
        waitForReload(m_panel.get());
        QCOMPARE(m_panel->model()->rowCount(), 0);
        QVERIFY(!QFile::exists(m_context->videos()->absolutePath(video.filePath)));
        QVERIFY(!QFile::exists(m_context->videos()->absolutePath(video.thumbnailPath)));
        QVERIFY(m_context->library()->linkedRuns(id).isEmpty());
    }

    void tryBoxShowsTheChoiceOrNone()
    {
        const QString wall = importDirectly(m_shortVideo, {QStringLiteral("ウォールドリル")});
        const QString knees = importDirectly(m_longVideo, {QStringLiteral("もも上げ")});
        QVERIFY(!wall.isEmpty() && !knees.isEmpty());
        openPanel();
        QSignalSpy tried(m_panel.get(), &DrillLibraryPanel::tryFinished);
        m_panel->tryText(QStringLiteral("【💪 おすすめの補強ドリル】\n補強ドリルとして、腿上げを20回"
                                        "3セット行いましょう。\n"));
        QVERIFY(tried.wait(30000));
        QVERIFY(m_panel->lastTry().matched);
        QCOMPARE(m_panel->lastTry().videoId, knees);
        QVERIFY2(m_panel->tryResultText().contains(QStringLiteral("もも上げ")),
                 qPrintable(m_panel->tryResultText()));
        QVERIFY(m_panel->tryResultText().contains(QStringLiteral("%")));
        // Nothing was linked or generated by trying.
        QVERIFY(m_context->library()->linkedRuns(knees).isEmpty());

        tried.clear();
        m_panel->tryText(
                QStringLiteral("【💪 おすすめの補強ドリル】\n体幹を鍛えるために水泳を取り入れ"
                               "ましょう。\n"));
        QVERIFY(tried.wait(30000));
        QVERIFY(!m_panel->lastTry().matched);
        QVERIFY2(m_panel->tryResultText().contains(QStringLiteral("No library video matches")),
                 qPrintable(m_panel->tryResultText()));

        // A video imported since then is found: the matcher follows the library.
        QVERIFY(importDirectly(m_notAVideo, {QStringLiteral("縄跳び")}).isEmpty());
        QTemporaryDir copyDir;
        const QString rope = copyDir.filePath(QStringLiteral("rope.mp4"));
        QVERIFY(QFile::copy(m_longVideo, rope));
        DrillLibrary::ImportRequest request;
        request.file = rope;
        request.drills = {QStringLiteral("縄跳び")};
        request.trimEnd = 2; // other content than the もも上げ video
        const DrillLibrary::ImportResult ropeVideo = m_context->library()->importFile(request);
        QVERIFY2(ropeVideo.ok, qPrintable(ropeVideo.error));
        m_panel->reload();
        tried.clear();
        m_panel->tryText(QStringLiteral("縄跳びを1分間続けましょう。"));
        QVERIFY(tried.wait(30000));
        QCOMPARE(m_panel->lastTry().videoId, ropeVideo.video.id);

        // Typed into the box, the answer follows the text.
        tried.clear();
        child<QPlainTextEdit>("drillTryEdit")
                ->setPlainText(QStringLiteral("壁を使ったウォールドリル"));
        QVERIFY(tried.wait(30000));
        QCOMPARE(m_panel->lastTry().videoId, wall);
    }

    void windowPlaysTheChosenVideo()
    {
        const QString id = importDirectly(m_shortVideo, {QStringLiteral("プランク")});
        QVERIFY(!id.isEmpty());
        MainWindow window(m_context.get());
        DrillLibraryPanel *panel = window.drillLibraryPanel();
        QVERIFY(panel);
        waitForReload(panel);
        QCOMPARE(panel->model()->rowCount(), 1);
        panel->selectVideo(id);
        QSignalSpy asked(panel, &DrillLibraryPanel::previewRequested);
        QPushButton *play = panel->findChild<QPushButton *>(QStringLiteral("drillPreviewButton"));
        QVERIFY(play && play->isEnabled());
        play->click();
        QCOMPARE(asked.count(), 1);
        const QString path
                = m_context->videos()->absolutePath(m_context->library()->video(id)->filePath);
        QCOMPARE(window.preview()->player()->source(), QUrl::fromLocalFile(path));
    }

    void everyControlHasAnAccessibleName()
    {
        openPanel();
        for (QWidget *widget : m_panel->findChildren<QWidget *>()) {
            const bool control = qobject_cast<QPushButton *>(widget)
                    || qobject_cast<QLineEdit *>(widget) || qobject_cast<QPlainTextEdit *>(widget)
                    || qobject_cast<QTableView *>(widget);
            if (control)
                QVERIFY2(!widget->accessibleName().isEmpty(), qPrintable(widget->objectName()));
        }
    }
};

QTEST_MAIN(TestDrillLibraryPanel)
#include "tst_drilllibrarypanel.moc"
