#include "database.h"

#include "corelog.h"
#include "sqltransaction.h"

#include <QDateTime>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QScopeGuard>
#include <QSqlError>
#include <QSqlQuery>
#include <QStringList>
#include <QThread>

namespace {

constexpr int kLatestSchema = 3;
const char kSqliteMagic[16]
        = {'S', 'Q', 'L', 'i', 't', 'e', ' ', 'f', 'o', 'r', 'm', 'a', 't', ' ', '3', '\0'};

QStringList statementsOf(const QString &script)
{
    QStringList statements;
    QString current;
    for (const QString &line : script.split(QLatin1Char('\n'))) {
        const QString trimmed = line.trimmed();
        if (trimmed.isEmpty() || trimmed.startsWith(QLatin1String("--")))
            continue;
        current += line + QLatin1Char('\n');
        if (trimmed.endsWith(QLatin1Char(';'))) {
            statements << current.trimmed();
            current.clear();
        }
    }
    if (!current.trimmed().isEmpty())
        statements << current.trimmed();
    return statements;
}

} // namespace

Database::Database()
    : m_baseName(QStringLiteral("drillstudio-db-%1").arg(quintptr(this), 0, 16))
{ }

Database::~Database()
{
    close();
}

int Database::latestSchemaVersion()
{
    return kLatestSchema;
}

QString Database::connectionNameForThisThread() const
{
    return m_baseName + QLatin1Char('-')
            + QString::number(reinterpret_cast<quintptr>(QThread::currentThreadId()), 16);
}

QSqlDatabase Database::createConnection(const QString &name, bool readOnly) const
{
    QSqlDatabase db;
    if (m_config.backend == Backend::SQLite) {
        db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), name);
        db.setDatabaseName(m_config.sqlitePath);
        QString options = QStringLiteral("QSQLITE_BUSY_TIMEOUT=10000");
        if (readOnly)
            options += QStringLiteral(";QSQLITE_OPEN_READONLY");
        db.setConnectOptions(options);
    } else {
        db = QSqlDatabase::addDatabase(QStringLiteral("QPSQL"), name);
        const QUrl &url = m_config.postgresUrl;
        db.setHostName(url.host().isEmpty() ? QStringLiteral("127.0.0.1") : url.host());
        db.setPort(url.port(5432));
        db.setDatabaseName(url.path().mid(1));
        db.setUserName(url.userName());
        // The password comes from PGPASSWORD or ~/.pgpass through libpq, never from settings.
        db.setConnectOptions(QStringLiteral("connect_timeout=5"));
    }
    return db;
}

bool Database::configure(QSqlDatabase &db) const
{
    QSqlQuery q(db);
    if (m_config.backend == Backend::SQLite) {
        // A page cache of 512 KiB per connection instead of SQLite's 2 MiB: a process holds
        // several connections (the window one per reader thread), the operating system caches
        // the file anyway, and a scan of a large library would otherwise fill each of them.
        const char *pragmas[] = {"PRAGMA journal_mode=WAL", "PRAGMA synchronous=NORMAL",
                                 "PRAGMA foreign_keys=ON", "PRAGMA cache_size=-512"};
        for (const char *pragma : pragmas) {
            if (!q.exec(QLatin1String(pragma))) {
                qCWarning(lcStore) << pragma << "failed:" << q.lastError().text();
                return false;
            }
        }
    } else {
        q.exec(QStringLiteral("SET client_min_messages TO WARNING"));
    }
    return true;
}

QSqlDatabase Database::connection() const
{
    const QString name = connectionNameForThisThread();
    if (QSqlDatabase::contains(name))
        return QSqlDatabase::database(name, false);
    QSqlDatabase db = createConnection(name, false);
    if (!db.open()) {
        qCWarning(lcStore) << "cannot open a database connection:" << db.lastError().text();
        return db;
    }
    configure(db);
    return db;
}

bool Database::preflightSqlite()
{
    const QString path = m_config.sqlitePath;
    const QFileInfo info(path);
    if (!QDir().mkpath(info.absolutePath())) {
        m_error = tr("The folder %1 cannot be created. Choose another data folder with "
                     "--data-dir.")
                          .arg(QDir::toNativeSeparators(info.absolutePath()));
        return false;
    }
    if (!info.exists()) {
        if (QFileInfo(info.absolutePath()).isWritable())
            return true;
        m_error = tr("The folder %1 is not writable. Choose another data folder with --data-dir.")
                          .arg(QDir::toNativeSeparators(info.absolutePath()));
        return false;
    }
    if (!info.isFile()) {
        m_error = tr("%1 is not a file, so it cannot hold the video library.")
                          .arg(QDir::toNativeSeparators(path));
        return false;
    }
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        m_error = tr("The library database %1 cannot be read: %2")
                          .arg(QDir::toNativeSeparators(path), file.errorString());
        return false;
    }
    const QByteArray header = file.read(100);
    file.close();
    const QString notDatabase = tr("The file %1 is not a DrillStudio library database (it may be "
                                   "damaged). It was left untouched. Move it away or choose "
                                   "another data folder with --data-dir.")
                                        .arg(QDir::toNativeSeparators(path));
    if (header.isEmpty())
        return true; // an empty file is a new database
    if (header.size() < 100 || !header.startsWith(QByteArray(kSqliteMagic, sizeof kSqliteMagic))) {
        m_error = notDatabase;
        return false;
    }

    // Look inside without writing: a damaged or foreign file must stay as it is.
    const bool hasWal = QFileInfo::exists(path + QStringLiteral("-wal"));
    const QString name = m_baseName + QStringLiteral("-preflight");
    int version = -1;
    QString failure;
    {
        QSqlDatabase db = createConnection(name, !hasWal);
        if (!db.open()) {
            failure = db.lastError().text();
        } else {
            QSqlQuery q(db);
            if (!q.exec(QStringLiteral("SELECT name FROM sqlite_master WHERE type = 'table'"))) {
                failure = q.lastError().text();
            } else {
                QStringList tables;
                while (q.next())
                    tables << q.value(0).toString();
                if (tables.isEmpty()) {
                    version = 0;
                } else if (!tables.contains(QLatin1String("meta"))) {
                    failure = QStringLiteral("no meta table");
                } else if (!q.exec(QStringLiteral(
                                   "SELECT value FROM meta WHERE key = 'schema_version'"))) {
                    failure = q.lastError().text();
                } else {
                    version = q.next() ? q.value(0).toInt() : 0;
                }
            }
        }
        db.close();
    }
    QSqlDatabase::removeDatabase(name);
    if (!failure.isEmpty()) {
        qCWarning(lcStore) << "database preflight failed:" << failure;
        m_error = notDatabase;
        return false;
    }
    if (version > kLatestSchema) {
        m_error = tr("The library database %1 was made by a newer DrillStudio (schema %2; this "
                     "version knows up to %3). It was left untouched. Update DrillStudio to "
                     "open it.")
                          .arg(QDir::toNativeSeparators(path))
                          .arg(version)
                          .arg(kLatestSchema);
        return false;
    }
    if (!info.isWritable()) {
        m_error = tr("The library database %1 is read-only. Check its permissions.")
                          .arg(QDir::toNativeSeparators(path));
        return false;
    }
    return true;
}

bool Database::open(const Config &config)
{
    close();
    m_config = config;
    m_error.clear();
    if (config.backend == Backend::SQLite) {
        if (config.sqlitePath.isEmpty()) {
            m_error = tr("No database file is configured.");
            return false;
        }
        if (!preflightSqlite())
            return false;
    }
    QSqlDatabase db = connection();
    if (!db.isOpen()) {
        m_error = config.backend == Backend::SQLite
                ? tr("The library database %1 cannot be opened: %2")
                          .arg(QDir::toNativeSeparators(config.sqlitePath), db.lastError().text())
                : tr("The PostgreSQL server at %1 cannot be reached: %2")
                          .arg(config.postgresUrl.toDisplayString(QUrl::RemovePassword),
                               db.lastError().text());
        close();
        return false;
    }
    if (!migrate()) {
        close();
        return false;
    }
    m_open = true;
    qCInfo(lcStore) << "job store open, schema" << schemaVersion();
    return true;
}

void Database::close()
{
    m_open = false;
    const QStringList names = QSqlDatabase::connectionNames();
    for (const QString &name : names) {
        if (name.startsWith(m_baseName)) {
            {
                QSqlDatabase db = QSqlDatabase::database(name, false);
                db.close();
            }
            QSqlDatabase::removeDatabase(name);
        }
    }
}

int Database::schemaVersion() const
{
    QSqlDatabase db = connection();
    const QStringList tables = db.tables();
    if (!tables.contains(QLatin1String("meta")))
        return 0;
    QSqlQuery q(db);
    if (!q.exec(QStringLiteral("SELECT value FROM meta WHERE key = 'schema_version'")) || !q.next())
        return 0;
    return q.value(0).toInt();
}

bool Database::backupSqlite(int fromVersion)
{
    // A new name even when an earlier attempt failed in the same second (VACUUM INTO refuses to
    // overwrite a file).
    const QString stamp
            = QDateTime::currentDateTimeUtc().toString(QStringLiteral("yyyyMMddHHmmss"));
    QString target
            = m_config.sqlitePath + QStringLiteral(".v%1-%2.backup").arg(fromVersion).arg(stamp);
    for (int n = 2; QFileInfo::exists(target); ++n)
        target = m_config.sqlitePath
                + QStringLiteral(".v%1-%2-%3.backup").arg(fromVersion).arg(stamp).arg(n);
    QSqlQuery q(connection());
    q.prepare(QStringLiteral("VACUUM INTO ?"));
    q.addBindValue(target);
    if (!q.exec()) {
        m_error = tr("Could not back up the library database before upgrading it: %1")
                          .arg(q.lastError().text());
        return false;
    }
    m_lastBackup = target;
    qCInfo(lcStore) << "backed up schema" << fromVersion << "to" << target;
    return true;
}

bool Database::backupPostgres(int fromVersion)
{
    // A copy of every table in a schema of its own, inside the same database.
    const QString stamp
            = QDateTime::currentDateTimeUtc().toString(QStringLiteral("yyyyMMddHHmmss"));
    QSqlDatabase db = connection();
    // A new name even when an earlier attempt failed in the same second.
    QString schema = QStringLiteral("drillstudio_backup_v%1_%2").arg(fromVersion).arg(stamp);
    {
        QSqlQuery exists(db);
        exists.prepare(QStringLiteral(
                "SELECT COUNT(*) FROM information_schema.schemata WHERE schema_name = ?"));
        for (int n = 2; n < 1000; ++n) {
            exists.addBindValue(schema);
            if (!exists.exec() || !exists.next() || exists.value(0).toInt() == 0)
                break;
            schema = QStringLiteral("drillstudio_backup_v%1_%2_%3")
                             .arg(fromVersion)
                             .arg(stamp)
                             .arg(n);
        }
    }
    SqlTransaction transaction(db);
    QSqlQuery q(db);
    bool ok = q.exec(QStringLiteral("CREATE SCHEMA ") + schema);
    QStringList tables {QStringLiteral("meta"), QStringLiteral("jobs"), QStringLiteral("runs")};
    if (fromVersion >= 3) // the drill library
        tables << QStringLiteral("library_videos") << QStringLiteral("library_tags")
               << QStringLiteral("drill_synonyms") << QStringLiteral("library_matches");
    for (const QString &table : std::as_const(tables)) {
        ok = ok
                && q.exec(QStringLiteral("CREATE TABLE %1.%2 AS SELECT * FROM public.%2")
                                  .arg(schema, table));
    }
    if (!ok || !transaction.commit()) {
        m_error = tr("Could not back up the library database before upgrading it: %1")
                          .arg(q.lastError().text());
        return false;
    }
    m_lastBackup = schema;
    qCInfo(lcStore) << "backed up schema" << fromVersion << "to" << schema;
    return true;
}

bool Database::migrate()
{
    const int current = schemaVersion();
    if (current > kLatestSchema) {
        m_error = tr("The library database was made by a newer DrillStudio (schema %1; this "
                     "version knows up to %2). It was left untouched. Update DrillStudio to "
                     "open it.")
                          .arg(current)
                          .arg(kLatestSchema);
        return false;
    }
    if (current == kLatestSchema)
        return true;
    if (current > 0) {
        const bool backedUp = m_config.backend == Backend::SQLite ? backupSqlite(current)
                                                                  : backupPostgres(current);
        if (!backedUp)
            return false;
    }

    QSqlDatabase db = connection();
    // A failed upgrade leaves the store as it was, so its backup is a copy of what is still there:
    // removed (after the rollback below: declared first, destroyed last), or each attempt would
    // leave one more.
    bool upgraded = false;
    const QString backup = current > 0 ? m_lastBackup : QString();
    const auto dropBackup = qScopeGuard([&] {
        if (upgraded || backup.isEmpty())
            return;
        if (m_config.backend == Backend::SQLite) {
            QFile::remove(backup);
        } else {
            QSqlQuery drop(db);
            if (!drop.exec(QStringLiteral("DROP SCHEMA %1 CASCADE").arg(backup)))
                qCWarning(lcStore) << "could not drop the backup schema" << backup << ":"
                                   << drop.lastError().text();
        }
        m_lastBackup.clear();
    });
    SqlTransaction transaction(db);
    if (!transaction.isActive()) {
        m_error = tr("Could not start upgrading the library database: %1")
                          .arg(db.lastError().text());
        return false;
    }
    QSqlQuery q(db);
    // Returning rolls the transaction back: every step of the upgrade is undone.
    const auto failed = [&](int version) {
        return tr("Upgrading the library database to schema %1 failed, so it was left as it was "
                  "(schema %2): %3")
                .arg(version)
                .arg(current)
                .arg(q.lastError().text());
    };
    for (int version = current + 1; version <= kLatestSchema; ++version) {
        QFile script(QStringLiteral(":/sql/schema-%1.sql").arg(version));
        if (!script.open(QIODevice::ReadOnly)) {
            m_error = tr("Migration %1 is missing from this build.").arg(version);
            return false;
        }
        const QStringList statements = statementsOf(QString::fromUtf8(script.readAll()));
        for (const QString &statement : statements) {
            if (!q.exec(statement)) {
                m_error = failed(version);
                return false;
            }
        }
        q.prepare(QStringLiteral("INSERT INTO meta (key, value) VALUES ('schema_version', ?) "
                                 "ON CONFLICT (key) DO UPDATE SET value = excluded.value"));
        q.addBindValue(QString::number(version));
        if (!q.exec()) {
            m_error = failed(version);
            return false;
        }
        qCInfo(lcStore) << "migrated job store to schema" << version;
    }
    if (!transaction.commit()) {
        m_error = tr("Upgrading the library database failed: %1").arg(db.lastError().text());
        return false;
    }
    upgraded = true;
    return true;
}

bool Database::checkIntegrity(QStringList *report) const
{
    QSqlDatabase db = connection();
    QSqlQuery q(db);
    QStringList lines;
    bool healthy = true;
    if (m_config.backend == Backend::SQLite) {
        // SQLite's own lines name pages and indexes; the first line says what they mean.
        QStringList problems;
        if (!q.exec(QStringLiteral("PRAGMA integrity_check"))) {
            problems << tr("The integrity check could not run: %1").arg(q.lastError().text());
        } else {
            while (q.next()) {
                const QString line = q.value(0).toString();
                if (line != QLatin1String("ok"))
                    problems << line;
            }
            if (q.lastError().isValid())
                problems << q.lastError().text();
        }
        if (!problems.isEmpty()) {
            healthy = false;
            lines << tr("The library database %1 is damaged (details below). Move it away to "
                        "start with an empty library, or put back a copy saved before the "
                        "damage.")
                             .arg(QDir::toNativeSeparators(m_config.sqlitePath));
            lines << problems;
        }
        if (q.exec(QStringLiteral("PRAGMA foreign_key_check")) && q.next()) {
            healthy = false;
            lines << tr("Some runs point to videos that no longer exist.");
        }
    }
    if (q.exec(QStringLiteral("SELECT COUNT(*) FROM runs r LEFT JOIN jobs j ON j.id = r.job_id "
                              "WHERE j.id IS NULL"))
        && q.next() && q.value(0).toLongLong() > 0) {
        healthy = false;
        lines << tr("%n run link(s) point to missing videos.", nullptr, q.value(0).toInt());
    }
    if (healthy)
        lines.prepend(tr("The library database is healthy (schema %1).").arg(schemaVersion()));
    if (report)
        *report = lines;
    return healthy;
}
