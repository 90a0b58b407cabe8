#pragma once
// Opens a fresh job store on either backend for a test: SQLite in a temporary folder, or a new
// database on the PostgreSQL server named by DRILLSTUDIO_TEST_PG_URL (dropped afterwards).
#include "database.h"

#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>
#include <QUrl>
#include <QUuid>

class StoreFixture
{
public:
    static QString pgUrl() { return qEnvironmentVariable("DRILLSTUDIO_TEST_PG_URL"); }

    // Adds the "backend" column with a row per available backend. PostgreSQL is required when
    // DRILLSTUDIO_REQUIRE_PG is set (CI); otherwise its rows are skipped when no server is given.
    static void addBackendRows()
    {
        QTest::addColumn<QString>("backend");
        QTest::newRow("sqlite") << QStringLiteral("sqlite");
        QTest::newRow("postgresql") << QStringLiteral("postgresql");
    }

    // Returns false (after QSKIP/QFAIL bookkeeping by the caller) when the backend is missing.
    bool open(const QString &backend, Database &database)
    {
        Database::Config config;
        if (backend == QLatin1String("sqlite")) {
            config.sqlitePath = m_dir.filePath(QStringLiteral("library.sqlite"));
        } else {
            if (!createPgDatabase())
                return false;
            config.backend = Database::Backend::PostgreSQL;
            config.postgresUrl = m_pgUrl;
        }
        m_config = config;
        if (!database.open(config)) {
            m_error = database.errorString();
            return false;
        }
        return true;
    }

    ~StoreFixture() { dropPgDatabase(); }

    bool pgAvailable() const { return !pgUrl().isEmpty(); }
    static bool pgRequired() { return qEnvironmentVariableIsSet("DRILLSTUDIO_REQUIRE_PG"); }
    QString error() const { return m_error; }
    QString dir() const { return m_dir.path(); }
    const Database::Config &config() const { return m_config; }

private:
    QSqlDatabase admin()
    {
        const QUrl base(pgUrl());
        QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QPSQL"), m_adminName);
        db.setHostName(base.host());
        db.setPort(base.port(5432));
        db.setUserName(base.userName());
        db.setDatabaseName(base.path().mid(1));
        return db;
    }

    bool createPgDatabase()
    {
        if (pgUrl().isEmpty()) {
            m_error = QStringLiteral("DRILLSTUDIO_TEST_PG_URL is not set");
            return false;
        }
        m_pgName = QStringLiteral("t_") + QUuid::createUuid().toString(QUuid::Id128).left(16);
        {
            QSqlDatabase db = admin();
            if (!db.open()) {
                m_error = db.lastError().text();
                return false;
            }
            QSqlQuery q(db);
            if (!q.exec(QStringLiteral("CREATE DATABASE ") + m_pgName)) {
                m_error = q.lastError().text();
                return false;
            }
            db.close();
        }
        QSqlDatabase::removeDatabase(m_adminName);
        m_pgUrl = QUrl(pgUrl());
        m_pgUrl.setPath(QLatin1Char('/') + m_pgName);
        return true;
    }

    void dropPgDatabase()
    {
        if (m_pgName.isEmpty())
            return;
        {
            QSqlDatabase db = admin();
            if (db.open()) {
                QSqlQuery q(db);
                q.exec(QStringLiteral("DROP DATABASE IF EXISTS ") + m_pgName
                       + QStringLiteral(" WITH (FORCE)"));
                db.close();
            }
        }
        QSqlDatabase::removeDatabase(m_adminName);
    }

    QTemporaryDir m_dir;
    QString m_error;
    QString m_pgName;
    QUrl m_pgUrl;
    Database::Config m_config;
    QString m_adminName = QStringLiteral("fixture-admin-") + QUuid::createUuid().toString();
};

// Opens the store or skips/fails the test as the environment demands.
#define OPEN_STORE(fixture, backend, database) \
    do { \
        if (backend == QLatin1String("postgresql") && !fixture.pgAvailable()) { \
            if (StoreFixture::pgRequired()) \
                QFAIL("DRILLSTUDIO_TEST_PG_URL is not set but PostgreSQL is required"); \
            QSKIP("no PostgreSQL server: run packaging/test-services.sh start and source " \
                  "build/test-services.env"); \
        } \
        QVERIFY2(fixture.open(backend, database), qPrintable(fixture.error())); \
    } while (false)

// Creates the store (schema and all) on the backend and closes it again, for tests that open it
// through other objects afterwards.
#define PREPARE_STORE(fixture, backend) \
    do { \
        Database prepared; \
        OPEN_STORE(fixture, backend, prepared); \
    } while (false)
