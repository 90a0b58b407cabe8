// The job store: migrations, refusal of foreign, damaged and newer files, and run links.
#include "database.h"
#include "jobstore.h"
#include "testsupport.h"

#include <QFile>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>

class TestStore : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void createsFreshDatabase();
    void emptyFileIsNewDatabase();
    void refusesDamagedFiles_data();
    void refusesDamagedFiles();
    void refusesNewerSchema();
    void refusesForeignDatabase();
    void reopenKeepsData();
    void runsShareVideos();
    void integrityReport();

private:
    Database::Config config() const;
    JobRecord sampleJob(const QString &id) const;

    std::unique_ptr<QTemporaryDir> m_dir;
};

void TestStore::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    QVERIFY(m_dir->isValid());
}

Database::Config TestStore::config() const
{
    Database::Config c;
    c.sqlitePath = m_dir->filePath(QStringLiteral("library.sqlite"));
    return c;
}

JobRecord TestStore::sampleJob(const QString &id) const
{
    JobRecord job;
    job.id = id;
    job.runId = 1;
    job.drillText = QStringLiteral("もも上げ");
    job.specHash = QStringLiteral("hash-") + id;
    job.provider = QStringLiteral("local");
    job.model = QStringLiteral("drillstudio-local");
    job.size = QStringLiteral("1280x720");
    job.seconds = 4;
    job.prompt = QStringLiteral("p");
    job.status = JobStatus::Completed;
    job.createdAt = 1000;
    job.filePath = id + QStringLiteral(".mp4");
    job.bytes = 1234;
    return job;
}

void TestStore::createsFreshDatabase()
{
    Database db;
    QVERIFY2(db.open(config()), qPrintable(db.errorString()));
    QCOMPARE(db.schemaVersion(), Database::latestSchemaVersion());
    QSqlQuery q(db.connection());
    QVERIFY(q.exec(QStringLiteral("PRAGMA journal_mode")) && q.next());
    QCOMPARE(q.value(0).toString(), QStringLiteral("wal"));
    QVERIFY(q.exec(QStringLiteral("PRAGMA foreign_keys")) && q.next());
    QCOMPARE(q.value(0).toInt(), 1);
}

void TestStore::emptyFileIsNewDatabase()
{
    QFile file(config().sqlitePath);
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.close();
    Database db;
    QVERIFY2(db.open(config()), qPrintable(db.errorString()));
}

void TestStore::refusesDamagedFiles_data()
{
    QTest::addColumn<QByteArray>("content");
    QTest::newRow("text") << QByteArray("this is a note, not a database\n");
    QTest::newRow("random") << QByteArray(4096, '\xa5');
    QByteArray header("SQLite format 3\0", 16);
    header += QByteArray(4096 - 16, '\x7f');
    QTest::newRow("header then garbage") << header;
    QTest::newRow("short header") << QByteArray("SQLite format 3\0", 16);
}

void TestStore::refusesDamagedFiles()
{
    QFETCH(QByteArray, content);
    const QString path = config().sqlitePath;
    QFile file(path);
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write(content);
    file.close();
    const QByteArray before = TestSupport::sha256Of(path);
    Database db;
    QVERIFY(!db.open(config()));
    QVERIFY(db.errorString().contains(QLatin1String("not a DrillStudio library database")));
    QVERIFY(db.errorString().contains(QLatin1String("untouched")));
    QCOMPARE(TestSupport::sha256Of(path), before);
    QVERIFY(!QFile::exists(path + QStringLiteral("-wal")));
}

void TestStore::refusesNewerSchema()
{
    {
        Database db;
        QVERIFY(db.open(config()));
        QSqlQuery q(db.connection());
        QVERIFY(q.exec(QStringLiteral("UPDATE meta SET value = '99' WHERE key = 'schema_version'")));
        QVERIFY(q.exec(QStringLiteral("PRAGMA wal_checkpoint(TRUNCATE)")));
        db.close();
    }
    // A file in rollback-journal mode, as another program might leave it.
    const QByteArray before = TestSupport::sha256Of(config().sqlitePath);
    Database db;
    QVERIFY(!db.open(config()));
    QVERIFY2(db.errorString().contains(QLatin1String("newer DrillStudio")), qPrintable(db.errorString()));
    QCOMPARE(TestSupport::sha256Of(config().sqlitePath), before);
}

void TestStore::refusesForeignDatabase()
{
    {
        QSqlDatabase other = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), QStringLiteral("other"));
        other.setDatabaseName(config().sqlitePath);
        QVERIFY(other.open());
        QSqlQuery q(other);
        QVERIFY(q.exec(QStringLiteral("CREATE TABLE contacts (name TEXT)")));
        other.close();
    }
    QSqlDatabase::removeDatabase(QStringLiteral("other"));
    const QByteArray before = TestSupport::sha256Of(config().sqlitePath);
    Database db;
    QVERIFY(!db.open(config()));
    QCOMPARE(TestSupport::sha256Of(config().sqlitePath), before);
}

void TestStore::reopenKeepsData()
{
    {
        Database db;
        QVERIFY(db.open(config()));
        JobStore store(&db);
        QVERIFY(store.insertJob(sampleJob(QStringLiteral("a"))));
        QVERIFY(store.linkRun(42, QStringLiteral("a"), QStringLiteral("もも上げ"), 2000));
    }
    Database db;
    QVERIFY(db.open(config()));
    JobStore store(&db);
    const auto job = store.jobForRun(42);
    QVERIFY(job);
    QCOMPARE(job->id, QStringLiteral("a"));
    QCOMPARE(job->drillText, QStringLiteral("もも上げ"));
    QCOMPARE(job->status, JobStatus::Completed);
    QCOMPARE(job->bytes, 1234);
}

void TestStore::runsShareVideos()
{
    Database db;
    QVERIFY(db.open(config()));
    JobStore store(&db);
    QVERIFY(store.insertJob(sampleJob(QStringLiteral("v1"))));
    QVERIFY(store.insertJob(sampleJob(QStringLiteral("v2"))));
    QVERIFY(store.linkRun(1, QStringLiteral("v1"), QStringLiteral("x"), 1));
    QVERIFY(store.linkRun(2, QStringLiteral("v1"), QStringLiteral("x"), 1));
    QCOMPARE(store.linkCount(QStringLiteral("v1")), 2);

    QString previous;
    QVERIFY(store.linkRun(2, QStringLiteral("v2"), QStringLiteral("y"), 2, &previous));
    QCOMPARE(previous, QStringLiteral("v1"));
    QCOMPARE(store.linkCount(QStringLiteral("v1")), 1);

    QString unlinked;
    QVERIFY(store.unlinkRun(1, &unlinked));
    QCOMPARE(unlinked, QStringLiteral("v1"));
    QCOMPARE(store.linkCount(QStringLiteral("v1")), 0);
    QVERIFY(!store.unlinkRun(1, &unlinked));
    QVERIFY(store.errorString().isEmpty());

    const QList<JobRecord> orphans = store.orphanedJobs();
    QCOMPARE(orphans.size(), 1);
    QCOMPARE(orphans.first().id, QStringLiteral("v1"));
    const QList<LibraryEntry> library = store.library();
    QCOMPARE(library.size(), 2);
}

void TestStore::integrityReport()
{
    Database db;
    QVERIFY(db.open(config()));
    QStringList report;
    QVERIFY(db.checkIntegrity(&report));
    QVERIFY(report.first().contains(QLatin1String("healthy")));
}

QTEST_GUILESS_MAIN(TestStore)
#include "tst_store.moc"
