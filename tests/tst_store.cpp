// The job store: migrations, refusal of foreign, damaged and newer files, and run links.
#include "database.h"
#include "jobstore.h"
#include "storefixture.h"
#include "testsupport.h"

#include <QFile>
#include <QFileInfo>
#include <QRegularExpression>
#include <QSqlError>
#include <QSqlQuery>
#include <QSqlRecord>
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
    void integrityReportNamesDamagedPages();
    void integrityReportNamesBrokenLinks_data() { StoreFixture::addBackendRows(); }
    void integrityReportNamesBrokenLinks();
    void upgradesFromSchema1_data() { StoreFixture::addBackendRows(); }
    void upgradesFromSchema1();
    void failedMigrationIsRolledBack_data() { StoreFixture::addBackendRows(); }
    void failedMigrationIsRolledBack();
    void upgradeSettlesUnfinishedTwins_data() { StoreFixture::addBackendRows(); }
    void upgradeSettlesUnfinishedTwins();
    void postgresRefusesNewerSchema();
    void postgresUnreachable();

private:
    static void recreateAsSchema1(QSqlDatabase db);
    static QStringList snapshot(QSqlDatabase db);
    Database::Config config() const;
    JobRecord sampleJob(const QString &id) const;

    std::unique_ptr<QTemporaryDir> m_dir;
};

void TestStore::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    QVERIFY(m_dir->isValid());
}

// Replaces the store's tables by those of schema 1, as version 1 made them.
void TestStore::recreateAsSchema1(QSqlDatabase db)
{
    QSqlQuery q(db);
    // The tables of later schemas go too (the drill library's first).
    const QStringList tables = {QStringLiteral("library_matches"),
                                QStringLiteral("drill_synonyms"),
                                QStringLiteral("library_tags"),
                                QStringLiteral("library_videos"),
                                QStringLiteral("runs"),
                                QStringLiteral("jobs"),
                                QStringLiteral("meta")};
    for (const QString &table : tables)
        QVERIFY2(q.exec(QStringLiteral("DROP TABLE ") + table), qPrintable(q.lastError().text()));
    QFile script(QStringLiteral(":/sql/schema-1.sql"));
    QVERIFY(script.open(QIODevice::ReadOnly));
    for (QString statement : QString::fromUtf8(script.readAll()).split(QLatin1Char(';'))) {
        QStringList lines;
        for (const QString &line : statement.split(QLatin1Char('\n'))) {
            if (!line.trimmed().startsWith(QLatin1String("--")))
                lines << line;
        }
        statement = lines.join(QLatin1Char('\n')).trimmed();
        if (!statement.isEmpty())
            QVERIFY2(q.exec(statement), qPrintable(q.lastError().text()));
    }
    QVERIFY(q.exec(QStringLiteral("INSERT INTO meta (key, value) VALUES ('schema_version', '1')")));
}

// Every column, index and row of the store, as text, to compare a store before and after.
QStringList TestStore::snapshot(QSqlDatabase db)
{
    QStringList lines;
    QSqlQuery q(db);
    const bool sqlite = db.driverName() == QLatin1String("QSQLITE");
    q.exec(sqlite ? QStringLiteral("SELECT name, sql FROM sqlite_master ORDER BY name")
                  : QStringLiteral("SELECT indexname, indexdef FROM pg_indexes WHERE schemaname "
                                   "= 'public' ORDER BY indexname"));
    while (q.next())
        lines << q.value(0).toString() + QLatin1Char(' ') + q.value(1).toString();
    for (const char *table : {"meta", "jobs", "runs"}) {
        const QSqlRecord columns = db.record(QLatin1String(table));
        QStringList names;
        for (int i = 0; i < columns.count(); ++i)
            names << columns.fieldName(i);
        names.sort();
        lines << QLatin1String(table) + QLatin1Char(':') + names.join(QLatin1Char(','));
        if (!q.exec(QStringLiteral("SELECT * FROM %1 ORDER BY 1").arg(QLatin1String(table))))
            lines << q.lastError().text();
        while (q.next()) {
            QStringList values;
            for (int i = 0; i < q.record().count(); ++i)
                values << q.record().fieldName(i) + QLatin1Char('=') + q.value(i).toString();
            values.sort();
            lines << values.join(QLatin1Char('|'));
        }
    }
    return lines;
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
        QVERIFY(q.exec(
                QStringLiteral("UPDATE meta SET value = '99' WHERE key = 'schema_version'")));
        QVERIFY(q.exec(QStringLiteral("PRAGMA wal_checkpoint(TRUNCATE)")));
        db.close();
    }
    // A file in rollback-journal mode, as another program might leave it.
    const QByteArray before = TestSupport::sha256Of(config().sqlitePath);
    Database db;
    QVERIFY(!db.open(config()));
    QVERIFY2(db.errorString().contains(QLatin1String("newer DrillStudio")),
             qPrintable(db.errorString()));
    QCOMPARE(TestSupport::sha256Of(config().sqlitePath), before);
}

void TestStore::refusesForeignDatabase()
{
    {
        QSqlDatabase other
                = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), QStringLiteral("other"));
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

void TestStore::integrityReportNamesDamagedPages()
{
    // A store with pages full of jobs, closed cleanly (everything in the main file).
    {
        Database db;
        QVERIFY(db.open(config()));
        JobStore store(&db);
        for (int i = 0; i < 300; ++i) {
            JobRecord job = sampleJob(QStringLiteral("job%1").arg(i, 3, 10, QLatin1Char('0')));
            job.drillText
                    = QStringLiteral("もも上げ 20m×3、腕をしっかり振りましょう。").repeated(4);
            QVERIFY(store.insertJob(job));
        }
        QSqlQuery q(db.connection());
        QVERIFY(q.exec(QStringLiteral("PRAGMA wal_checkpoint(TRUNCATE)")));
    }
    // Overwrite the middle half of the table page that holds job150, as a failing disk would.
    const QString path = config().sqlitePath;
    QFile file(path);
    QVERIFY(file.open(QIODevice::ReadWrite));
    const QByteArray bytes = file.readAll();
    constexpr qint64 kPage = 4096;
    qint64 damaged = -1;
    for (qint64 page = 1; page < bytes.size() / kPage && damaged < 0; ++page) {
        const QByteArray content = bytes.mid(page * kPage, kPage);
        if (content.at(0) == '\x0d' && content.contains("job150"))
            damaged = page;
    }
    QVERIFY2(damaged > 0, "no table page holds job150");
    QVERIFY(file.seek(damaged * kPage + kPage / 4));
    QCOMPARE(file.write(QByteArray(kPage / 2, '\xff')), kPage / 2);
    file.close();

    Database db;
    QVERIFY2(db.open(config()), qPrintable(db.errorString()));
    QStringList report;
    QVERIFY(!db.checkIntegrity(&report));
    QVERIFY2(report.size() >= 2, qPrintable(report.join(QLatin1Char('\n'))));
    QVERIFY2(report.first().contains(QLatin1String("is damaged")), qPrintable(report.first()));
    QVERIFY2(!report.first().contains(QLatin1String("healthy")), qPrintable(report.first()));
    // SQLite's own finding follows: the row or page it could not read.
    QVERIFY2(report.join(QLatin1Char('\n'))
                     .contains(QRegularExpression(QStringLiteral("index|page|malformed"))),
             qPrintable(report.join(QLatin1Char('\n'))));
    db.close();

    // The command says the same and exits with 1.
    QVERIFY(QFileInfo(TestSupport::cliPath()).isExecutable());
    const auto check = TestSupport::runCli({QStringLiteral("cache"), QStringLiteral("check"),
                                            QStringLiteral("--data-dir"), m_dir->path()});
    QCOMPARE(check.exitCode, 1);
    QVERIFY2(check.out.contains(QLatin1String("is damaged")), qPrintable(check.out + check.err));
}

void TestStore::integrityReportNamesBrokenLinks()
{
    QFETCH(QString, backend);
    StoreFixture fixture;
    Database db;
    OPEN_STORE(fixture, backend, db);
    JobStore store(&db);
    QVERIFY(store.insertJob(sampleJob(QStringLiteral("kept"))));
    QVERIFY(store.insertJob(sampleJob(QStringLiteral("lost"))));
    QVERIFY(store.linkRun(7, QStringLiteral("kept"), QStringLiteral("x"), 1));
    QVERIFY(store.linkRun(8, QStringLiteral("lost"), QStringLiteral("x"), 1));
    QVERIFY(store.linkRun(9, QStringLiteral("lost"), QStringLiteral("x"), 1));
    QStringList report;
    QVERIFY2(db.checkIntegrity(&report), qPrintable(report.join(QLatin1Char('\n'))));

    // A video row deleted behind the schema's back (another tool, a hand edit): its two run
    // links now point nowhere.
    QSqlQuery q(db.connection());
    const bool sqlite = backend == QLatin1String("sqlite");
    QVERIFY(q.exec(sqlite ? QStringLiteral("PRAGMA foreign_keys=OFF")
                          : QStringLiteral("SET session_replication_role = replica")));
    QVERIFY2(q.exec(QStringLiteral("DELETE FROM jobs WHERE id = 'lost'")),
             qPrintable(q.lastError().text()));
    QVERIFY(q.exec(sqlite ? QStringLiteral("PRAGMA foreign_keys=ON")
                          : QStringLiteral("SET session_replication_role = origin")));

    QVERIFY(!db.checkIntegrity(&report));
    const QString text = report.join(QLatin1Char('\n'));
    QVERIFY2(!text.contains(QLatin1String("healthy")), qPrintable(text));
    QVERIFY2(text.contains(QLatin1String("2 run link(s) point to missing videos")),
             qPrintable(text));
}

void TestStore::upgradesFromSchema1()
{
    QFETCH(QString, backend);
    StoreFixture fixture;
    Database::Config config;
    {
        // Create the store as version 1 made it: schema-1.sql only, with one video and a run.
        Database fresh;
        OPEN_STORE(fixture, backend, fresh);
        config = fixture.config();
        QSqlDatabase db = fresh.connection();
        recreateAsSchema1(db);
        if (QTest::currentTestFailed())
            return;
        QSqlQuery q(db);
        QVERIFY(q.exec(QStringLiteral(
                "INSERT INTO jobs (id, run_id, drill_text, spec_hash, provider, model, size, "
                "seconds, prompt, status, created_at, file_path, bytes) VALUES ('old1', 5, "
                "'ランジ', 'h1', 'local', 'drillstudio-local', '1280x720', 4, 'p', 'completed', "
                "1000, 'x.mp4', 99)")));
        QVERIFY(q.exec(QStringLiteral(
                "INSERT INTO runs (run_id, job_id, drill_text, linked_at) VALUES (5, 'old1', "
                "'ランジ', 1000)")));
        fresh.close();
    }
    Database db;
    QVERIFY2(db.open(config), qPrintable(db.errorString()));
    QCOMPARE(db.schemaVersion(), Database::latestSchemaVersion());
    QVERIFY(!db.lastBackupPath().isEmpty());
    JobStore store(&db);
    const auto job = store.jobForRun(5);
    QVERIFY(job);
    QCOMPARE(job->id, QStringLiteral("old1"));
    QCOMPARE(job->drillText, QStringLiteral("ランジ"));
    QCOMPARE(job->priority, 0);
    QVERIFY(job->claimedBy.isEmpty());
    // The new unique index holds: one active job per spec.
    JobRecord active = *job;
    active.id = QStringLiteral("new1");
    active.status = JobStatus::Queued;
    QVERIFY(store.insertJob(active));
    active.id = QStringLiteral("new2");
    bool duplicate = false;
    QVERIFY(!store.insertJob(active, &duplicate));
    QVERIFY(duplicate);

    if (backend == QLatin1String("sqlite")) {
        // The backup is the untouched version-1 database.
        QVERIFY(QFile::exists(db.lastBackupPath()));
        QSqlDatabase backup
                = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), QStringLiteral("backup"));
        backup.setDatabaseName(db.lastBackupPath());
        QVERIFY(backup.open());
        QSqlQuery q(backup);
        QVERIFY(q.exec(QStringLiteral("SELECT value FROM meta WHERE key = 'schema_version'"))
                && q.next());
        QCOMPARE(q.value(0).toString(), QStringLiteral("1"));
        QVERIFY(q.exec(QStringLiteral("SELECT COUNT(*) FROM jobs")) && q.next());
        QCOMPARE(q.value(0).toInt(), 1);
        backup.close();
    } else {
        QSqlQuery q(db.connection());
        QVERIFY(q.exec(QStringLiteral("SELECT COUNT(*) FROM %1.jobs").arg(db.lastBackupPath())));
        QVERIFY(q.next());
        QCOMPARE(q.value(0).toInt(), 1);
    }
    QSqlDatabase::removeDatabase(QStringLiteral("backup"));
}

void TestStore::failedMigrationIsRolledBack()
{
    // Schema 2 fails half-way on this store: an index named as one of schema 2's was made by
    // hand, after the new columns were already added. The upgrade must undo those too, and leave
    // no backup behind (the store itself is the same as before).
    QFETCH(QString, backend);
    StoreFixture fixture;
    Database::Config config;
    QStringList before;
    {
        Database fresh;
        OPEN_STORE(fixture, backend, fresh);
        config = fixture.config();
        QSqlDatabase db = fresh.connection();
        recreateAsSchema1(db);
        if (QTest::currentTestFailed())
            return;
        QSqlQuery q(db);
        QVERIFY2(q.exec(QStringLiteral(
                         "INSERT INTO jobs (id, run_id, drill_text, spec_hash, provider, model, "
                         "size, seconds, prompt, status, created_at) VALUES ('twin1', 5, 'ランジ', "
                         "'same', 'local', 'drillstudio-local', '1280x720', 4, 'p', 'queued', "
                         "1000)")),
                 qPrintable(q.lastError().text()));
        QVERIFY(q.exec(QStringLiteral(
                "INSERT INTO runs (run_id, job_id, drill_text, linked_at) VALUES (5, 'twin1', "
                "'ランジ', 1000)")));
        QVERIFY2(q.exec(QStringLiteral("CREATE INDEX jobs_queue ON jobs (run_id)")),
                 qPrintable(q.lastError().text()));
        before = snapshot(db);
        if (backend == QLatin1String("sqlite"))
            QVERIFY(q.exec(QStringLiteral("PRAGMA wal_checkpoint(TRUNCATE)")));
        fresh.close();
    }
    QVERIFY(before.join(QLatin1Char('\n')).contains(QLatin1String("twin1")));
    QVERIFY(!before.join(QLatin1Char('\n')).contains(QLatin1String("claimed_by")));
    const QByteArray fileBefore = backend == QLatin1String("sqlite")
            ? TestSupport::sha256Of(config.sqlitePath)
            : QByteArray();

    for (int attempt = 0; attempt < 2; ++attempt) {
        Database db;
        QVERIFY(!db.open(config));
        QVERIFY2(db.errorString().contains(QLatin1String("to schema 2 failed")),
                 qPrintable(db.errorString()));
        QVERIFY2(db.errorString().contains(QLatin1String("left as it was (schema 1)")),
                 qPrintable(db.errorString()));
        QVERIFY(!db.isOpen());
    }

    // Row for row and column for column as before (no half-added column, no schema 2 index).
    QSqlDatabase check;
    const QString name = QStringLiteral("rolled-back-check");
    {
        if (backend == QLatin1String("sqlite")) {
            QCOMPARE(TestSupport::sha256Of(config.sqlitePath), fileBefore);
            check = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), name);
            check.setDatabaseName(config.sqlitePath);
        } else {
            check = QSqlDatabase::addDatabase(QStringLiteral("QPSQL"), name);
            check.setHostName(config.postgresUrl.host());
            check.setPort(config.postgresUrl.port(5432));
            check.setUserName(config.postgresUrl.userName());
            check.setDatabaseName(config.postgresUrl.path().mid(1));
        }
        QVERIFY2(check.open(), qPrintable(check.lastError().text()));
        // No backup of a store that was not changed: neither attempt left one.
        if (backend == QLatin1String("sqlite")) {
            const QFileInfo store(config.sqlitePath);
            QCOMPARE(store.dir().entryList({QStringLiteral("*.backup")}, QDir::Files),
                     QStringList());
        } else {
            QSqlQuery schemas(check);
            QVERIFY(schemas.exec(QStringLiteral(
                    "SELECT COUNT(*) FROM information_schema.schemata WHERE schema_name LIKE "
                    "'drillstudio_backup_%'")));
            QVERIFY(schemas.next());
            QCOMPARE(schemas.value(0).toInt(), 0);
        }
        const QStringList after = snapshot(check);
        check.close();
        check = QSqlDatabase();
        QCOMPARE(after, before);
    }
    QSqlDatabase::removeDatabase(name);
}

void TestStore::upgradeSettlesUnfinishedTwins()
{
    // Version 1 let two processes start a job each for one drill; the second may already be paid
    // for. Both go on after the upgrade, and a new request for the drill joins the oldest.
    QFETCH(QString, backend);
    StoreFixture fixture;
    Database::Config config;
    {
        Database fresh;
        OPEN_STORE(fixture, backend, fresh);
        config = fixture.config();
        QSqlDatabase db = fresh.connection();
        recreateAsSchema1(db);
        if (QTest::currentTestFailed())
            return;
        QSqlQuery q(db);
        const char *rows[][3] = {{"twin1", "queued", "1000"},
                                 {"twin2", "running", "2000"},
                                 {"twin3", "submitted", "1000"},
                                 {"done1", "completed", "500"}};
        for (const auto &row : rows) {
            QVERIFY2(q.exec(QStringLiteral("INSERT INTO jobs (id, run_id, drill_text, spec_hash, "
                                           "provider, model, size, seconds, prompt, status, "
                                           "created_at, remote_id) VALUES ('%1', 5, 'ランジ', "
                                           "'same', 'openai', 'sora-2', '1280x720', 4, 'p', '%2', "
                                           "%3, 'video_%1')")
                                    .arg(QLatin1String(row[0]), QLatin1String(row[1]),
                                         QLatin1String(row[2]))),
                     qPrintable(q.lastError().text()));
        }
        QVERIFY(q.exec(QStringLiteral(
                "INSERT INTO runs (run_id, job_id, drill_text, linked_at) VALUES (5, 'twin2', "
                "'ランジ', 1000)")));
        fresh.close();
    }
    Database db;
    QVERIFY2(db.open(config), qPrintable(db.errorString()));
    QCOMPARE(db.schemaVersion(), Database::latestSchemaVersion());
    JobStore store(&db);
    // Nothing lost: every job keeps its status and its remote job, the run keeps its video.
    for (const char *id : {"twin1", "twin2", "twin3", "done1"}) {
        const auto job = store.job(QLatin1String(id));
        QVERIFY2(job, id);
        QCOMPARE(job->remoteId, QStringLiteral("video_") + QLatin1String(id));
    }
    QCOMPARE(store.job(QStringLiteral("twin2"))->status, JobStatus::Running);
    QCOMPARE(store.jobForRun(5)->id, QStringLiteral("twin2"));
    // The oldest unfinished job (created first; the smaller id on a tie) keeps the drill's spec.
    QCOMPARE(store.job(QStringLiteral("twin1"))->specHash, QStringLiteral("same"));
    QCOMPARE(store.job(QStringLiteral("done1"))->specHash, QStringLiteral("same"));
    QVERIFY(store.job(QStringLiteral("twin2"))->specHash != QStringLiteral("same"));
    QVERIFY(store.job(QStringLiteral("twin3"))->specHash != QStringLiteral("same"));
    JobRecord again = *store.job(QStringLiteral("twin1"));
    again.id = QStringLiteral("new1");
    bool duplicate = false;
    QVERIFY(!store.insertJob(again, &duplicate));
    QVERIFY(duplicate);
}

void TestStore::postgresRefusesNewerSchema()
{
    StoreFixture fixture;
    Database::Config config;
    {
        Database db;
        OPEN_STORE(fixture, QStringLiteral("postgresql"), db);
        config = fixture.config();
        QSqlQuery q(db.connection());
        QVERIFY(q.exec(
                QStringLiteral("UPDATE meta SET value = '99' WHERE key = 'schema_version'")));
    }
    Database db;
    QVERIFY(!db.open(config));
    QVERIFY2(db.errorString().contains(QLatin1String("newer DrillStudio")),
             qPrintable(db.errorString()));
}

void TestStore::postgresUnreachable()
{
    // A closed port on loopback: a clear message, quickly.
    Database::Config config;
    config.backend = Database::Backend::PostgreSQL;
    config.postgresUrl = QUrl(QStringLiteral("postgresql://nobody@127.0.0.1:1/none"));
    Database db;
    QVERIFY(!db.open(config));
    QVERIFY2(db.errorString().contains(QLatin1String("cannot be reached")),
             qPrintable(db.errorString()));
}

QTEST_GUILESS_MAIN(TestStore)
#include "tst_store.moc"
