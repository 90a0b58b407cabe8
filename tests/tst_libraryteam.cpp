// Several processes importing into one library at once (SQLite and PostgreSQL): each recording
// ends up once, every file in place, nothing half-written left.
#include "storefixture.h"
#include "testsupport.h"

#include <QDir>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QSettings>
#include <QTest>

class TestLibraryTeam : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void concurrentImports_data() { StoreFixture::addBackendRows(); }

    void concurrentImports()
    {
        QFETCH(QString, backend);
        StoreFixture fixture;
        PREPARE_STORE(fixture, backend);
        const QString dataDir = fixture.dir();
        {
            QSettings settings(dataDir + QStringLiteral("/settings.ini"), QSettings::IniFormat);
            settings.setValue(QStringLiteral("settingsVersion"), 1);
            settings.setValue(QStringLiteral("generation/size"), QStringLiteral("320x180"));
            if (backend == QLatin1String("postgresql")) {
                settings.setValue(QStringLiteral("store/backend"), QStringLiteral("postgresql"));
                settings.setValue(QStringLiteral("store/postgresUrl"),
                                  fixture.config().postgresUrl.toString());
            }
        }
        QStringList recordings;
        for (const QString &source : {QStringLiteral("testsrc2"), QStringLiteral("smptebars")}) {
            const QString path = dataDir + QStringLiteral("/") + source + QStringLiteral(".mp4");
            QProcess ffmpeg;
            ffmpeg.start(QStringLiteral("ffmpeg"),
                         {QStringLiteral("-hide_banner"), QStringLiteral("-loglevel"),
                          QStringLiteral("error"), QStringLiteral("-f"), QStringLiteral("lavfi"),
                          QStringLiteral("-i"),
                          source + QStringLiteral("=size=320x240:rate=25:duration=2"),
                          QStringLiteral("-c:v"), QStringLiteral("libx264"),
                          QStringLiteral("-preset"), QStringLiteral("ultrafast"), path});
            QVERIFY(ffmpeg.waitForFinished(60000) && ffmpeg.exitCode() == 0);
            recordings << path;
        }
        // Two coaches import each recording at the same moment.
        QList<QProcess *> processes;
        for (int i = 0; i < 4; ++i) {
            auto *process = new QProcess(this);
            process->start(TestSupport::cliPath(),
                           {QStringLiteral("--data-dir"), dataDir, QStringLiteral("library"),
                            QStringLiteral("import"), recordings.at(i % 2),
                            QStringLiteral("--drill"),
                            i % 2 ? QStringLiteral("プランク") : QStringLiteral("もも上げ")});
            processes << process;
        }
        int imported = 0;
        int refused = 0;
        for (QProcess *process : std::as_const(processes)) {
            QVERIFY(process->waitForFinished(120000));
            const QString err = QString::fromUtf8(process->readAllStandardError());
            if (process->exitCode() == 0) {
                ++imported;
            } else {
                QVERIFY2(err.contains(QStringLiteral("already in the library")), qPrintable(err));
                ++refused;
            }
        }
        QCOMPARE(imported, 2);
        QCOMPARE(refused, 2);

        const TestSupport::CliResult list = TestSupport::runCli(
                {QStringLiteral("--data-dir"), dataDir, QStringLiteral("library"),
                 QStringLiteral("list"), QStringLiteral("--json")});
        QCOMPARE(list.exitCode, 0);
        const QJsonArray videos = QJsonDocument::fromJson(list.out.toUtf8()).array();
        QCOMPARE(videos.size(), 2);
        for (const QJsonValue &v : videos)
            QVERIFY(QFile::exists(v[QStringLiteral("file")].toString()));
        const QStringList leftovers
                = QDir(dataDir + QStringLiteral("/videos/library"))
                          .entryList({QStringLiteral(".incoming-*")}, QDir::Files | QDir::Hidden);
        QVERIFY2(leftovers.isEmpty(), qPrintable(leftovers.join(QLatin1Char(' '))));
    }
};

QTEST_GUILESS_MAIN(TestLibraryTeam)
#include "tst_libraryteam.moc"
