// The video module (FFmpeg) is loaded on first use only: a window that shows no video, and any
// process that touches none, does without FFmpeg's libraries; a missing module is named.
#include "mediabackend.h"
#include "mediaprobe.h"
#include "testsupport.h"

#ifdef DRILLSTUDIO_TEST_WINDOW
#include "appcontext.h"
#include "mainwindow.h"
#include "previewwidget.h"
#endif

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QTemporaryDir>
#include <QTest>

namespace {

bool ffmpegMapped()
{
    QFile maps(QStringLiteral("/proc/self/maps"));
    if (!maps.open(QIODevice::ReadOnly))
        return true; // cannot tell: fail the checks below rather than pass them
    return maps.readAll().contains("libavcodec.so");
}

} // namespace

class TestMediaModule : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void windowLoadsNoVideoLibrary();
    void loadedOnFirstUse();
    void missingModuleIsNamed();
};

// The first function: nothing in this process has touched a video yet.
void TestMediaModule::windowLoadsNoVideoLibrary()
{
#ifdef DRILLSTUDIO_TEST_WINDOW
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    AppContext context;
    AppContext::Options options;
    options.dataDir = dir.path();
    QVERIFY2(context.open(options), qPrintable(context.errorString()));
    MainWindow window(&context);
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    auto *preview = window.findChild<PreviewWidget *>();
    QVERIFY(preview);
    // The player comes right after the first paint.
    QTRY_VERIFY(preview->hasMedia());
    QVERIFY(!MediaBackend::isLoaded());
    QVERIFY(!ffmpegMapped());
#else
    QSKIP("built without the window");
#endif
}

void TestMediaModule::loadedOnFirstUse()
{
    QVERIFY(!MediaBackend::isLoaded());
    QVERIFY(!ffmpegMapped());
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("not-a-video.mp4"));
    QFile file(path);
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write("this is text, not a video");
    file.close();
    const MediaInfo info = MediaProbe::probe(path);
    QVERIFY(!info.valid);
    QVERIFY(!info.error.isEmpty());
    QVERIFY(MediaBackend::isLoaded());
    QVERIFY(ffmpegMapped());
}

// A module that is not where it should be: generate says so, and leaves no video behind.
void TestMediaModule::missingModuleIsNamed()
{
    QTemporaryDir dir;
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    const QString missing = dir.filePath(QStringLiteral("gone/drillstudio-media.so"));
    env.insert(QStringLiteral("DRILLSTUDIO_MEDIA_MODULE"), missing);
    env.insert(QStringLiteral("DRILLSTUDIO_DATA_DIR"), dir.filePath(QStringLiteral("data")));
    const TestSupport::CliResult result = TestSupport::runCli(
            {QStringLiteral("generate"), QStringLiteral("--run-id"), QStringLiteral("7"),
             QStringLiteral("--drill"), QStringLiteral("もも上げ 20m×3")},
            env);
    QVERIFY2(result.exitCode > 0, qPrintable(result.err));
    QVERIFY2(result.err.contains(
                     QLatin1String("video module of DrillStudio (FFmpeg) was not found")),
             qPrintable(result.err));
    QVERIFY2(result.err.contains(missing), qPrintable(result.err));
    QVERIFY2(result.err.contains(QLatin1String("Reinstall DrillStudio")), qPrintable(result.err));
    const QDir videos(dir.filePath(QStringLiteral("data/videos")));
    QCOMPARE(videos.entryList(QDir::Files | QDir::Hidden | QDir::NoDotAndDotDot), QStringList());

    // A file that is there but is no module of ours.
    QFile foreign(missing);
    QVERIFY(QDir().mkpath(QFileInfo(missing).absolutePath()));
    QVERIFY(foreign.open(QIODevice::WriteOnly));
    foreign.write("not a shared object");
    foreign.close();
    const TestSupport::CliResult again = TestSupport::runCli(
            {QStringLiteral("generate"), QStringLiteral("--run-id"), QStringLiteral("8"),
             QStringLiteral("--drill"), QStringLiteral("プランク 30秒")},
            env);
    QVERIFY2(again.exitCode > 0, qPrintable(again.err));
    QVERIFY2(again.err.contains(QLatin1String("video module of DrillStudio (FFmpeg) cannot be "
                                              "loaded")),
             qPrintable(again.err));
    QCOMPARE(videos.entryList(QDir::Files | QDir::Hidden | QDir::NoDotAndDotDot), QStringList());
}

QTEST_MAIN(TestMediaModule)
#include "tst_mediamodule.moc"
