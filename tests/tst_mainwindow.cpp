// The main window: opens, validates the form, generates, lists, and plays the video to its end.
#include "appcontext.h"
#include "jobmanager.h"
#include "librarymodel.h"
#include "mainwindow.h"
#include "previewwidget.h"

#include <QAbstractItemModelTester>
#include <QCheckBox>
#include <QLabel>
#include <QLineEdit>
#include <QMediaPlayer>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSignalSpy>
#include <QTableView>
#include <QTemporaryDir>
#include <QTest>

class TestMainWindow : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void cleanup();
    void opensWithEmptyLibrary();
    void rejectsBadRunId();
    void generatesAndPlaysToTheEnd();
    void removeFromCache();

private:
    template<typename T>
    T *child(const char *name)
    {
        T *widget = m_window->findChild<T *>(QLatin1String(name));
        if (!widget)
            qFatal("missing widget %s", name);
        return widget;
    }
    void generate(const QString &runId, const QString &drill);

    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<AppContext> m_context;
    std::unique_ptr<MainWindow> m_window;
    std::unique_ptr<QAbstractItemModelTester> m_tester;
};

void TestMainWindow::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    m_context = std::make_unique<AppContext>();
    AppContext::Options options;
    options.dataDir = m_dir->path();
    options.installLogFile = false;
    QVERIFY2(m_context->open(options), qPrintable(m_context->errorString()));
    m_window = std::make_unique<MainWindow>(m_context.get());
    m_tester = std::make_unique<QAbstractItemModelTester>(
            m_window->libraryModel(), QAbstractItemModelTester::FailureReportingMode::QtTest);
    m_window->show();
    QVERIFY(QTest::qWaitForWindowExposed(m_window.get()));
}

void TestMainWindow::cleanup()
{
    m_tester.reset();
    m_window.reset();
    m_context.reset();
    m_dir.reset();
}

void TestMainWindow::generate(const QString &runId, const QString &drill)
{
    child<QLineEdit>("runIdEdit")->setText(runId);
    child<QPlainTextEdit>("drillEdit")->setPlainText(drill);
    QTest::mouseClick(child<QPushButton>("generateButton"), Qt::LeftButton);
}

void TestMainWindow::opensWithEmptyLibrary()
{
    QCOMPARE(m_window->windowTitle(), QStringLiteral("DrillStudio"));
    QCOMPARE(m_window->libraryModel()->rowCount(), 0);
    QVERIFY(child<QPushButton>("generateButton")->isEnabled());
    QVERIFY(!child<QPushButton>("clearRunButton")->isEnabled());
}

void TestMainWindow::rejectsBadRunId()
{
    generate(QStringLiteral("abc"), QStringLiteral("もも上げ"));
    QVERIFY(child<QLabel>("messageLabel")->text().contains(QLatin1String("run ID")));
    QCOMPARE(m_context->jobs()->activeJobCount(), 0);
    generate(QStringLiteral("3"), QStringLiteral("   "));
    QVERIFY(child<QLabel>("messageLabel")->text().contains(QLatin1String("drill text")));
    QCOMPARE(m_window->libraryModel()->rowCount(), 0);
}

void TestMainWindow::generatesAndPlaysToTheEnd()
{
    child<QCheckBox>("loopCheck")->setChecked(false);
    QMediaPlayer *player = m_window->preview()->player();
    QSignalSpy finished(m_context->jobs(), &JobManager::jobFinished);
    QSignalSpy status(player, &QMediaPlayer::mediaStatusChanged);
    generate(QStringLiteral("42"), QStringLiteral("もも上げ 20m×3"));
    QVERIFY(!child<QPushButton>("generateButton")->isEnabled());
    QVERIFY(finished.wait(120000));
    QCOMPARE(m_window->libraryModel()->rowCount(), 1);
    QVERIFY(child<QPushButton>("generateButton")->isEnabled());
    QVERIFY(child<QLabel>("messageLabel")->text().contains(QLatin1String("ready")));
    QVERIFY(!player->source().isEmpty());
    QTRY_COMPARE_WITH_TIMEOUT(player->mediaStatus(), QMediaPlayer::EndOfMedia, 30000);
    QVERIFY(status.contains({QVariant::fromValue(QMediaPlayer::LoadedMedia)}));
    QCOMPARE(player->duration() / 100, 40); // 4.0 s
    QCOMPARE(player->error(), QMediaPlayer::NoError);
}

void TestMainWindow::removeFromCache()
{
    QSignalSpy finished(m_context->jobs(), &JobManager::jobFinished);
    generate(QStringLiteral("8"), QStringLiteral("プランク 30秒"));
    QVERIFY(finished.wait(120000));
    QCOMPARE(m_window->libraryModel()->rowCount(), 1);
    QString asked;
    m_window->setConfirmHandler([&](const QString &, const QString &text) {
        asked = text;
        return true;
    });
    QTest::mouseClick(child<QPushButton>("clearRunButton"), Qt::LeftButton);
    QVERIFY(asked.contains(QLatin1String("8")));
    QCOMPARE(m_window->libraryModel()->rowCount(), 0);
}

QTEST_MAIN(TestMainWindow)
#include "tst_mainwindow.moc"
