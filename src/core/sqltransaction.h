#pragma once
// RAII transaction: rolls back unless commit() succeeded. On SQLite it takes the write lock at
// once (BEGIN IMMEDIATE): a transaction that reads first and writes later could otherwise fail
// with "database is locked" when another process wrote in between, busy timeout or not.
#include <QSqlDatabase>
#include <QSqlDriver>
#include <QSqlQuery>

class SqlTransaction
{
public:
    explicit SqlTransaction(QSqlDatabase db)
        : m_db(std::move(db))
        , m_active(begin())
    { }
    ~SqlTransaction()
    {
        if (m_active)
            m_db.rollback();
    }
    Q_DISABLE_COPY_MOVE(SqlTransaction)

    bool isActive() const { return m_active; }
    bool commit()
    {
        if (!m_active)
            return false;
        m_active = false;
        return m_db.commit();
    }

private:
    bool begin()
    {
        if (m_db.driverName() == QLatin1String("QSQLITE")) {
            QSqlQuery q(m_db);
            return q.exec(QStringLiteral("BEGIN IMMEDIATE"));
        }
        return m_db.transaction();
    }

    QSqlDatabase m_db;
    bool m_active;
};
