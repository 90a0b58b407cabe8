// A team on one PostgreSQL store: two processes given the same 200 drills make each video once.
#include "database.h"
#include "jobstore.h"
#include "storefixture.h"
#include "testsupport.h"

#include <QDir>
#include <QFile>
#include <QMap>
#include <QProcess>
#include <QRegularExpression>
#include <QSettings>
#include <QTest>

class TestTeam : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void twoProcessesShareOneQueue_data();
    void twoProcessesShareOneQueue();
};

void TestTeam::twoProcessesShareOneQueue_data()
{
    StoreFixture::addBackendRows();
}

void TestTeam::twoProcessesShareOneQueue()
{
    QFETCH(QString, backend);
    constexpr int kDrills = 200;
    StoreFixture fixture;
    PREPARE_STORE(fixture, backend);
    const QString dataDir = fixture.dir();
    {
        QSettings settings(dataDir + QStringLiteral("/settings.ini"), QSettings::IniFormat);
        settings.setValue(QStringLiteral("settingsVersion"), 1);
        if (backend == QLatin1String("postgresql")) {
            settings.setValue(QStringLiteral("store/backend"), QStringLiteral("postgresql"));
            settings.setValue(QStringLiteral("store/postgresUrl"),
                              fixture.config().postgresUrl.toString());
        }
    }
    // Two coaches' batches: different runs, the same drills.
    QStringList files;
    for (int batch = 0; batch < 2; ++batch) {
        const QString path = dataDir + QStringLiteral("/batch%1.jsonl").arg(batch);
        QFile file(path);
        QVERIFY(file.open(QIODevice::WriteOnly));
        for (int i = 0; i < kDrills; ++i) {
            const int drill = batch == 0 ? i : kDrills - 1 - i; // opposite orders
            file.write(QStringLiteral("{\"run_id\": %1, \"drill_text\": \"ドリル %2 10回\", "
                                      "\"size\": \"64x64\", \"seconds\": 1}\n")
                               .arg(batch * 10000 + i + 1)
                               .arg(drill)
                               .toUtf8());
        }
        files << path;
    }
    QProcess first;
    QProcess second;
    for (QProcess *process : {&first, &second}) {
        process->setProcessEnvironment(QProcessEnvironment::systemEnvironment());
        process->setProcessChannelMode(QProcess::SeparateChannels);
    }
    first.start(TestSupport::cliPath(),
                {QStringLiteral("batch"), files.at(0), QStringLiteral("--data-dir"), dataDir,
                 QStringLiteral("--verbose")});
    second.start(TestSupport::cliPath(),
                 {QStringLiteral("batch"), files.at(1), QStringLiteral("--data-dir"), dataDir,
                  QStringLiteral("--verbose")});
    QVERIFY(first.waitForFinished(600000));
    QVERIFY(second.waitForFinished(600000));
    const QString log = QString::fromUtf8(first.readAllStandardError())
            + QString::fromUtf8(second.readAllStandardError());
    QVERIFY2(first.exitCode() == 0 && second.exitCode() == 0,
             qPrintable(log.split(QLatin1Char('\n'))
                                .filter(QRegularExpression(
                                        QStringLiteral("warning|critical|failed|refused")))
                                .join(QLatin1Char('\n'))
                                .left(3000)));

    // Every job was started exactly once, by one of the two processes.
    QMap<QString, int> starts;
    static const QRegularExpression started(QStringLiteral("started job \"([0-9a-f]+)\""));
    for (auto it = started.globalMatch(log); it.hasNext();)
        ++starts[it.next().captured(1)];
    QCOMPARE(starts.size(), kDrills);
    for (auto it = starts.cbegin(); it != starts.cend(); ++it)
        QVERIFY2(it.value() == 1, qPrintable(it.key()));

    Database db;
    QVERIFY(db.open(fixture.config()));
    JobStore store(&db);
    QCOMPARE(store.videoCount(), kDrills);
    QVERIFY(store.unfinishedJobs().isEmpty());
    for (const LibraryEntry &entry : store.library(kDrills, 0)) {
        QCOMPARE(entry.job.status, JobStatus::Completed);
        QCOMPARE(entry.runCount, 2);
    }
    QStringList report;
    QVERIFY2(db.checkIntegrity(&report), qPrintable(report.join(QLatin1Char('\n'))));
    const QStringList leftovers
            = QDir(dataDir + QStringLiteral("/videos"))
                      .entryList({QStringLiteral(".incoming-*")}, QDir::Files | QDir::Hidden);
    QVERIFY2(leftovers.isEmpty(), qPrintable(leftovers.join(QLatin1Char(' '))));
}

QTEST_GUILESS_MAIN(TestTeam)
#include "tst_team.moc"
