#include "storereader.h"

#include "database.h"
#include "jobstore.h"
#include "libraryquery.h"

#include <QSqlDatabase>

StoreSession::StoreSession(Database *database)
    : m_database(database)
    , m_query(std::make_unique<LibraryQuery>(database))
    , m_store(std::make_unique<JobStore>(database))
{ }

StoreSession::~StoreSession() = default;

namespace {

// Lives on the reader's thread; its session's connection is closed when the thread ends.
class Worker final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(Worker)

public:
    explicit Worker(Database *database)
        : m_database(database)
    { }

    ~Worker() override
    {
        if (!m_session)
            return;
        const QString name = m_database->connection().connectionName();
        m_session.reset();
        QSqlDatabase::database(name, false).close();
        QSqlDatabase::removeDatabase(name);
    }

    void run(const std::function<void(StoreSession &)> &call)
    {
        if (!m_session)
            m_session = std::make_unique<StoreSession>(m_database);
        call(*m_session);
    }

private:
    Database *m_database;
    std::unique_ptr<StoreSession> m_session;
};

} // namespace

StoreReader::StoreReader(Database *database, QObject *parent)
    : QObject(parent)
{
    auto *worker = new Worker(database);
    worker->moveToThread(&m_thread);
    m_worker = worker;
    connect(&m_thread, &QThread::finished, worker, &QObject::deleteLater);
    m_thread.setObjectName(QStringLiteral("store reader"));
    m_thread.start();
}

StoreReader::~StoreReader()
{
    m_thread.quit();
    m_thread.wait();
}

void StoreReader::post(std::function<void(StoreSession &)> call)
{
    ++m_pending;
    auto *worker = static_cast<Worker *>(m_worker);
    QMetaObject::invokeMethod(
            worker, [worker, call = std::move(call)] { worker->run(call); }, Qt::QueuedConnection);
}

void StoreReader::deliver(const std::function<void()> &call)
{
    --m_pending;
    call();
    if (m_pending == 0)
        Q_EMIT idle();
}

#include "storereader.moc"
