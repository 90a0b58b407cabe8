// The application shell: opening a video file from the command line, the server tab's request
// log and /demo URL, and the settings dialog's language switch.
#include "appcontext.h"
#include "fileargument.h"
#include "jobmanager.h"
#include "jobspec.h"
#include "jobstore.h"
#include "language.h"
#include "mainwindow.h"
#include "previewwidget.h"
#include "requestlogmodel.h"
#include "serverpanel.h"
#include "settings.h"
#include "settingsdialog.h"
#include "testsupport.h"
#include "videostore.h"

#include <QAbstractItemModelTester>
#include <QComboBox>
#include <QDir>
#include <QFile>
#include <QLabel>
#include <QLineEdit>
#include <QMediaPlayer>
#include <QMenuBar>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QPushButton>
#include <QSettings>
#include <QSignalSpy>
#include <QSpinBox>
#include <QStatusBar>
#include <QTableView>
#include <QTemporaryDir>
#include <QTest>

class TestAppShell : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void init();
    void cleanup();
    void fileArgumentForms();
    void opensAVideoFile();
    void refusesWhatIsNotAVideo();
    void helpNamesTheFileArgument();
    void serverTabLogsRequests();
    void requestLogIsBounded();
    void languageSwitchesAtOnce();
    void saysWhenNoKeychainRuns();

private:
    void openWindow();
    QString makeVideo();

    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<AppContext> m_context;
    std::unique_ptr<MainWindow> m_window;
};

void TestAppShell::initTestCase()
{
    qunsetenv("OPENAI_API_KEY");
}

void TestAppShell::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    m_context = std::make_unique<AppContext>();
    AppContext::Options options;
    options.dataDir = m_dir->filePath(QStringLiteral("data"));
    options.installLogFile = false;
    QVERIFY2(m_context->open(options), qPrintable(m_context->errorString()));
    QVERIFY(m_context->settings()
                    ->setValue("generation/size", QStringLiteral("320x180"))
                    .isEmpty());
    QVERIFY(m_context->settings()->setValue("generation/seconds", 1).isEmpty());
}

void TestAppShell::cleanup()
{
    m_window.reset();
    m_context.reset();
    m_dir.reset();
}

void TestAppShell::openWindow()
{
    m_window = std::make_unique<MainWindow>(m_context.get());
    m_window->show();
    QVERIFY(QTest::qWaitForWindowExposed(m_window.get()));
}

// A real MP4 from the local renderer, copied out of the library as a coach's file.
QString TestAppShell::makeVideo()
{
    QSignalSpy finished(m_context->jobs(), &JobManager::jobFinished);
    const JobSpec spec
            = JobSpec::fromSettings(*m_context->settings(), 5, QStringLiteral("もも上げ 20 回"));
    if (m_context->jobs()->submit(spec).kind != JobManager::Submission::Kind::Started)
        return {};
    if (!finished.wait(120000))
        return {};
    const JobRecord job = finished.at(0).at(0).value<JobRecord>();
    const QString copy = m_dir->filePath(QStringLiteral("clip with space.mp4"));
    QFile::copy(m_context->videos()->absolutePath(job.filePath), copy);
    return copy;
}

// The forms the command line accepts; the program's own parsing is checked through --help and
// "open" of a missing file below.
namespace Cli {
QString fileToOpen(const QStringList &arguments)
{
    const QStringList commands = {QStringLiteral("generate"), QStringLiteral("cache")};
    QString command;
    for (int i = 1; i < arguments.size(); ++i) {
        if (arguments.at(i) == QLatin1String("--data-dir")) {
            ++i;
            continue;
        }
        command = arguments.at(i);
        break;
    }
    return FileArgument::fileToOpen(command, arguments, commands);
}
} // namespace Cli

void TestAppShell::fileArgumentForms()
{
    const QString app = QStringLiteral("drillstudio");
    QCOMPARE(Cli::fileToOpen({app, QStringLiteral("open"), QStringLiteral("/tmp/a.mp4")}),
             QStringLiteral("/tmp/a.mp4"));
    QCOMPARE(Cli::fileToOpen({app, QStringLiteral("clip.mp4")}), QStringLiteral("clip.mp4"));
    QCOMPARE(Cli::fileToOpen({app, QStringLiteral("--data-dir"), QStringLiteral("/d"),
                              QStringLiteral("/home/coach/clip.mp4")}),
             QStringLiteral("/home/coach/clip.mp4"));
    QCOMPARE(Cli::fileToOpen({app, QStringLiteral("file:///tmp/a%20b.mp4")}),
             QStringLiteral("file:///tmp/a%20b.mp4"));
    // "open" without a file still opens the window, which says what is missing.
    QVERIFY(!Cli::fileToOpen({app, QStringLiteral("open")}).isEmpty());
    QVERIFY(Cli::fileToOpen({app}).isEmpty());
    QVERIFY(Cli::fileToOpen({app, QStringLiteral("generate"), QStringLiteral("x.mp4")}).isEmpty());
    QVERIFY(Cli::fileToOpen({app, QStringLiteral("bogus")}).isEmpty());
}

void TestAppShell::opensAVideoFile()
{
    const QString video = makeVideo();
    QVERIFY(QFile::exists(video));
    openWindow();
    QVERIFY(m_window->openVideoFile(QUrl::fromLocalFile(video).toString()));
    QMediaPlayer *player = m_window->preview()->player();
    QCOMPARE(player->source(), QUrl::fromLocalFile(video));
    QTRY_COMPARE_WITH_TIMEOUT(player->playbackState(), QMediaPlayer::PlayingState, 20000);
    QVERIFY(m_window->preview()->message().isEmpty());
    QVERIFY(m_window->statusBar()->currentMessage().contains(QStringLiteral("clip with space")));
}

void TestAppShell::refusesWhatIsNotAVideo()
{
    openWindow();
    const auto said = [this] {
        return m_window->findChild<QLabel *>(QStringLiteral("messageLabel"))->text();
    };
    const QString missing = m_dir->filePath(QStringLiteral("gone.mp4"));
    QVERIFY(!m_window->openVideoFile(missing));
    QVERIFY2(said().contains(QStringLiteral("does not exist")), qPrintable(said()));
    QCOMPARE(m_window->preview()->message(), said());

    const QString text = m_dir->filePath(QStringLiteral("notes.mp4"));
    {
        QFile file(text);
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write("Squats, 3 sets of 20.\n");
    }
    QVERIFY(!m_window->openVideoFile(text));
    QVERIFY2(said().contains(QStringLiteral("is not a video file")), qPrintable(said()));

    QVERIFY(!m_window->openVideoFile(m_dir->path()));
    QVERIFY2(said().contains(QStringLiteral("is a folder")), qPrintable(said()));

    const QString locked = m_dir->filePath(QStringLiteral("locked.mp4"));
    QVERIFY(QFile::copy(text, locked));
    QFile::setPermissions(locked, QFileDevice::Permissions());
    QFile probe(locked);
    if (probe.open(QIODevice::ReadOnly))
        QSKIP("running with rights that read any file (root)");
    QVERIFY(!m_window->openVideoFile(locked));
    QVERIFY2(said().contains(QStringLiteral("cannot be read")), qPrintable(said()));
}

void TestAppShell::helpNamesTheFileArgument()
{
    const TestSupport::CliResult result = TestSupport::runCli({QStringLiteral("--help")});
    QCOMPARE(result.exitCode, 0);
    QVERIFY2(result.out.contains(QStringLiteral("open FILE")), qPrintable(result.out));
    QVERIFY(result.out.contains(QStringLiteral("[command | FILE]")));
}

void TestAppShell::serverTabLogsRequests()
{
    openWindow();
    ServerPanel *panel = m_window->serverPanel();
    QAbstractItemModelTester tester(panel->requestLog(),
                                    QAbstractItemModelTester::FailureReportingMode::QtTest);
    auto *demo = panel->findChild<QLineEdit *>(QStringLiteral("demoUrlEdit"));
    QVERIFY(demo->text().isEmpty());
    panel->findChild<QSpinBox *>(QStringLiteral("portSpin"))->setValue(0);
    QVERIFY(panel->start());
    QCOMPARE(demo->text(), panel->url() + QStringLiteral("demo"));
    QNetworkAccessManager network;
    for (const QString &path : {QString(), QStringLiteral("download/no-such-video")}) {
        std::unique_ptr<QNetworkReply> reply(
                network.get(QNetworkRequest(QUrl(panel->url() + path))));
        QSignalSpy done(reply.get(), &QNetworkReply::finished);
        QVERIFY(done.wait(10000));
    }
    RequestLogModel *log = panel->requestLog();
    QTRY_COMPARE(log->rowCount(), 2);
    // Newest first, with method, path and status.
    QCOMPARE(log->index(0, RequestLogModel::MethodColumn).data().toString(), QStringLiteral("GET"));
    QCOMPARE(log->index(0, RequestLogModel::PathColumn).data().toString(),
             QStringLiteral("/download/no-such-video"));
    QVERIFY(log->index(0, RequestLogModel::StatusColumn).data().toInt() >= 400);
    QCOMPARE(log->index(1, RequestLogModel::PathColumn).data().toString(), QStringLiteral("/"));
    QCOMPARE(log->index(1, RequestLogModel::StatusColumn).data().toInt(), 200);
    panel->stop();
    QVERIFY(demo->text().isEmpty());
}

void TestAppShell::requestLogIsBounded()
{
    RequestLogModel log(3);
    QAbstractItemModelTester tester(&log, QAbstractItemModelTester::FailureReportingMode::QtTest);
    for (int i = 0; i < 5; ++i)
        log.add("GET", QStringLiteral("/status/%1").arg(i), 200, i);
    QCOMPARE(log.rowCount(), 3);
    QCOMPARE(log.index(0, RequestLogModel::PathColumn).data().toString(),
             QStringLiteral("/status/4"));
    QCOMPARE(log.index(2, RequestLogModel::PathColumn).data().toString(),
             QStringLiteral("/status/2"));
}

void TestAppShell::languageSwitchesAtOnce()
{
    Language::setCatalogueDir(qEnvironmentVariable("DRILLSTUDIO_BINARY_DIR")
                              + QStringLiteral("/src/app"));
    openWindow();
    auto *generate = m_window->findChild<QPushButton *>(QStringLiteral("generateButton"));
    auto *start = m_window->serverPanel()->findChild<QPushButton *>(QStringLiteral("startButton"));
    QCOMPARE(generate->text(), QStringLiteral("&Generate"));
    const auto choose = [this](const QString &code) {
        SettingsDialog dialog(m_context->settings(), m_window.get());
        auto *combo = dialog.findChild<QComboBox *>(QStringLiteral("languageCombo"));
        combo->setCurrentIndex(combo->findData(code));
        dialog.accept();
    };
    choose(QStringLiteral("ja"));
    // At once, without a restart (Qt posts the change to every window): the window, its panels
    // and a dialog opened now.
    QTRY_VERIFY2(generate->text().contains(QStringLiteral("生成")), qPrintable(generate->text()));
    QVERIFY2(!start->text().contains(QStringLiteral("Start")), qPrintable(start->text()));
    QVERIFY(!m_window->menuBar()->actions().first()->text().contains(QStringLiteral("File")));
    SettingsDialog opened(m_context->settings(), m_window.get());
    QVERIFY(!opened.windowTitle().contains(QStringLiteral("Settings")));
    QCOMPARE(QSettings(m_context->settings()->filePath(), QSettings::IniFormat)
                     .value(QStringLiteral("window/language"))
                     .toString(),
             QStringLiteral("ja"));
    choose(QStringLiteral("en"));
    QTRY_COMPARE(generate->text(), QStringLiteral("&Generate"));
    QCOMPARE(start->text(), QStringLiteral("&Start server"));
    Language::apply(QStringLiteral("system"));
}

void TestAppShell::saysWhenNoKeychainRuns()
{
    if (qEnvironmentVariableIsSet("DRILLSTUDIO_REQUIRE_KEYRING"))
        QSKIP("a Secret Service runs for this test run");
    // No session bus: no Secret Service can answer.
    const QByteArray bus = qgetenv("DBUS_SESSION_BUS_ADDRESS");
    qputenv("DBUS_SESSION_BUS_ADDRESS", "unix:path=/nonexistent/bus");
    SettingsDialog dialog(m_context->settings());
    QSignalSpy status(&dialog, &SettingsDialog::keyStatusChanged);
    if (status.isEmpty())
        QVERIFY(status.wait(20000));
    qputenv("DBUS_SESSION_BUS_ADDRESS", bus);
    QVERIFY2(dialog.keyStatus().contains(QStringLiteral("keychain")),
             qPrintable(dialog.keyStatus()));
    QVERIFY2(!dialog.keyStatus().contains(QStringLiteral("A key is stored")),
             qPrintable(dialog.keyStatus()));
    QVERIFY2(!dialog.keyStatus().contains(QStringLiteral("No key is stored")),
             qPrintable(dialog.keyStatus()));
}

QTEST_MAIN(TestAppShell)
#include "tst_appshell.moc"
