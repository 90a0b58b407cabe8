// cache/shareVideos: runs with one drill share one video (true, the default) or each get their own
// (false), through the real drillstudio program and the local renderer.
#include "database.h"
#include "jobstore.h"
#include "testsupport.h"

#include <QDir>
#include <QFileInfo>
#include <QSettings>
#include <QTemporaryDir>
#include <QTest>

class TestShareVideos : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void twoRunsOneDrill_data();
    void twoRunsOneDrill();
};

void TestShareVideos::twoRunsOneDrill_data()
{
    QTest::addColumn<bool>("share");
    QTest::newRow("cache/shareVideos=true") << true;
    QTest::newRow("cache/shareVideos=false") << false;
}

void TestShareVideos::twoRunsOneDrill()
{
    QFETCH(bool, share);
    QVERIFY(QFileInfo(TestSupport::cliPath()).isExecutable());
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    {
        QSettings settings(dir.filePath(QStringLiteral("settings.ini")), QSettings::IniFormat);
        settings.setValue(QStringLiteral("settingsVersion"), 1);
        settings.setValue(QStringLiteral("cache/shareVideos"), share);
    }
    QStringList paths;
    for (const char *run : {"1", "2"}) {
        const auto result = TestSupport::runCli(
                {QStringLiteral("generate"), QStringLiteral("--run-id"), QLatin1String(run),
                 QStringLiteral("--drill"), QStringLiteral("もも上げ 20m×3"),
                 QStringLiteral("--size"), QStringLiteral("64x64"), QStringLiteral("--seconds"),
                 QStringLiteral("1"), QStringLiteral("--data-dir"), dir.path()});
        QVERIFY2(result.exitCode == 0, qPrintable(result.err));
        paths << result.out.trimmed();
        QVERIFY2(QFileInfo(paths.last()).isFile(), qPrintable(paths.last()));
    }
    const QStringList videos = QDir(dir.filePath(QStringLiteral("videos")))
                                       .entryList({QStringLiteral("*.mp4")}, QDir::Files);

    Database db;
    Database::Config config;
    config.sqlitePath = dir.filePath(QStringLiteral("library.sqlite"));
    QVERIFY2(db.open(config), qPrintable(db.errorString()));
    JobStore store(&db);
    const auto first = store.jobForRun(1);
    const auto second = store.jobForRun(2);
    QVERIFY(first && second);
    QCOMPARE(first->status, JobStatus::Completed);
    QCOMPARE(second->status, JobStatus::Completed);
    const QList<LibraryEntry> library = store.library(10, 0);
    if (share) {
        QCOMPARE(paths.at(0), paths.at(1));
        QCOMPARE(videos.size(), 1);
        QCOMPARE(first->id, second->id);
        QCOMPARE(library.size(), 1);
        QCOMPARE(library.first().runCount, 2);
    } else {
        QVERIFY(paths.at(0) != paths.at(1));
        QCOMPARE(videos.size(), 2);
        QVERIFY(first->id != second->id);
        QCOMPARE(library.size(), 2);
        for (const LibraryEntry &entry : library)
            QCOMPARE(entry.runCount, 1);
        // Each run's video is its own: clearing one run leaves the other's file.
        db.close();
        const auto cleared = TestSupport::runCli({QStringLiteral("cache"), QStringLiteral("clear"),
                                                  QStringLiteral("--run-id"), QStringLiteral("1"),
                                                  QStringLiteral("--data-dir"), dir.path()});
        QVERIFY2(cleared.exitCode == 0, qPrintable(cleared.err));
        QVERIFY(!QFile::exists(paths.at(0)));
        QVERIFY(QFile::exists(paths.at(1)));
    }
}

QTEST_GUILESS_MAIN(TestShareVideos)
#include "tst_sharevideos.moc"
