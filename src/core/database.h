#pragma once
// Opens the job store (SQLite file or PostgreSQL server), checks it and applies migrations.
#include <QCoreApplication>
#include <QSqlDatabase>
#include <QString>
#include <QUrl>

class Database
{
    Q_DECLARE_TR_FUNCTIONS(Database)

public:
    enum class Backend { SQLite, PostgreSQL };

    struct Config
    {
        Backend backend = Backend::SQLite;
        QString sqlitePath; // for SQLite
        QUrl postgresUrl; // postgresql://user@host:port/dbname (password from PGPASSWORD or
                          // ~/.pgpass)
    };

    Database();
    ~Database();
    Q_DISABLE_COPY_MOVE(Database)

    // Checks, opens and migrates. On failure nothing in the file has been changed.
    bool open(const Config &config);
    void close();
    bool isOpen() const { return m_open; }

    QString errorString() const { return m_error; }
    Backend backend() const { return m_config.backend; }
    const Config &config() const { return m_config; }

    // The connection for the calling thread (one named connection per thread).
    QSqlDatabase connection() const;

    int schemaVersion() const;
    static int latestSchemaVersion();

    // PRAGMA integrity_check (SQLite) or a consistency query (PostgreSQL), as readable lines.
    // Returns true when the store is healthy.
    bool checkIntegrity(QStringList *report) const;

    // Where the last backup made before a migration went: a file (SQLite) or a schema
    // (PostgreSQL); empty when none was needed.
    QString lastBackupPath() const { return m_lastBackup; }

private:
    bool preflightSqlite();
    bool configure(QSqlDatabase &db) const;
    bool migrate();
    bool backupSqlite(int fromVersion);
    bool backupPostgres(int fromVersion);
    QString connectionNameForThisThread() const;
    QSqlDatabase createConnection(const QString &name, bool readOnly) const;

    Config m_config;
    QString m_baseName;
    QString m_error;
    QString m_lastBackup;
    bool m_open = false;
};
