#include "storeworker.h"

#include "database.h"
#include "jobstore.h"
#include "videostore.h"

#include <QSqlDatabase>

#include <atomic>

class StoreWorker::Context final : public QObject
{
public:
    Context(Database *database, const QString &videoDir)
        : m_database(database)
        , m_videoDir(videoDir)
    { }

    void execute(const Task &task)
    {
        // Made on the worker's thread, so that the store's connection is this thread's.
        if (!m_store) {
            m_store = std::make_unique<JobStore>(m_database);
            m_videos = std::make_unique<VideoStore>(m_videoDir);
        }
        task(*m_store, *m_videos);
        --pending;
    }

    void finish()
    {
        if (!m_store)
            return;
        m_store.reset();
        m_videos.reset();
        QString name;
        {
            QSqlDatabase db = m_database->connection();
            name = db.connectionName();
            db.close();
        }
        QSqlDatabase::removeDatabase(name);
    }

    std::atomic_int pending = 0;

private:
    Database *m_database;
    QString m_videoDir;
    std::unique_ptr<JobStore> m_store;
    std::unique_ptr<VideoStore> m_videos;
};

StoreWorker::StoreWorker(Database *database, const QString &videoDir, QObject *parent)
    : QObject(parent)
    , m_context(new Context(database, videoDir))
{
    m_thread.setObjectName(QStringLiteral("drillstudio-store"));
    m_context->moveToThread(&m_thread);
    m_thread.start();
}

StoreWorker::~StoreWorker()
{
    // Posted events run in order: the cleanup runs after every task asked for before it.
    QMetaObject::invokeMethod(
            m_context, [this] { m_context->finish(); }, Qt::BlockingQueuedConnection);
    m_thread.quit();
    m_thread.wait();
    delete m_context;
}

void StoreWorker::post(Task task)
{
    ++m_context->pending;
    QMetaObject::invokeMethod(
            m_context, [context = m_context, task = std::move(task)] { context->execute(task); },
            Qt::QueuedConnection);
}

int StoreWorker::pending() const
{
    return m_context->pending;
}
