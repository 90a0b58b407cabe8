#include "storewatcher.h"

#include "database.h"

#include <QSqlDatabase>
#include <QSqlQuery>
#include <QSqlRecord>
#include <QTimer>

namespace {

// Lives on the watcher's thread with its own connection.
class Poller final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(Poller)

public:
    Poller(Database *database, int intervalMs)
        : m_database(database)
        , m_timer(this)
    {
        m_timer.setInterval(intervalMs);
        connect(&m_timer, &QTimer::timeout, this, &Poller::poll);
    }

    ~Poller() override
    {
        if (!m_connection.isEmpty()) {
            {
                QSqlDatabase db = QSqlDatabase::database(m_connection, false);
                db.close();
            }
            QSqlDatabase::removeDatabase(m_connection);
        }
    }

    void start()
    {
        m_last = signature();
        m_timer.start();
    }

Q_SIGNALS:
    void changed();

private:
    void poll()
    {
        const QString now = signature();
        if (now.isEmpty() || now == m_last)
            return;
        m_last = now;
        Q_EMIT changed();
    }

    // SQLite counts commits of other connections in data_version; PostgreSQL has no such
    // counter, so a few aggregates stand for the content.
    QString signature()
    {
        QSqlDatabase db = m_database->connection();
        m_connection = db.connectionName();
        QSqlQuery q(db);
        const bool sqlite = m_database->backend() == Database::Backend::SQLite;
        const QString sql = sqlite
                ? QStringLiteral("PRAGMA data_version")
                : QStringLiteral(
                        "SELECT (SELECT COUNT(*) FROM jobs), (SELECT COALESCE(SUM(progress), 0) "
                        "FROM jobs), (SELECT COALESCE(MAX(created_at), 0) FROM jobs), (SELECT "
                        "COALESCE(MAX(completed_at), 0) FROM jobs), (SELECT "
                        "COALESCE(SUM(LENGTH(status)), 0) FROM jobs), (SELECT COUNT(*) FROM "
                        "runs), (SELECT COALESCE(SUM(run_id), 0) FROM runs)");
        if (!q.exec(sql) || !q.next())
            return {};
        QStringList values;
        for (int i = 0; i < q.record().count(); ++i)
            values << q.value(i).toString();
        return values.join(QLatin1Char(':'));
    }

    Database *m_database;
    QTimer m_timer;
    QString m_last;
    QString m_connection;
};

} // namespace

StoreWatcher::StoreWatcher(Database *database, int intervalMs, QObject *parent)
    : QObject(parent)
{
    auto *poller = new Poller(database, intervalMs);
    poller->moveToThread(&m_thread);
    connect(&m_thread, &QThread::started, poller, &Poller::start);
    connect(&m_thread, &QThread::finished, poller, &QObject::deleteLater);
    connect(poller, &Poller::changed, this, &StoreWatcher::changed);
    m_thread.setObjectName(QStringLiteral("store watcher"));
    m_thread.start(QThread::LowPriority);
}

StoreWatcher::~StoreWatcher()
{
    m_thread.quit();
    m_thread.wait();
}

#include "storewatcher.moc"
