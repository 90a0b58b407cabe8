#include "runstatuscache.h"

#include "database.h"
#include "jobstore.h"
#include "serverlog.h"
#include "sqltransaction.h"

#include <QDateTime>
#include <QElapsedTimer>
#include <QSqlDriver>
#include <QSqlError>
#include <QSqlQuery>
#include <QThread>
#include <QTimer>

namespace {

// Last-accessed times wait this long before they are written, in one transaction.
constexpr int kTouchFlushMs = 2000;

} // namespace

// Reads the store on its own thread and connection; what it reads goes to the cache by queued
// calls. Created in the cache's thread, moved to the loader thread, moved back when it ends.
class RunStatusLoader final : public QObject
{
public:
    RunStatusLoader(Database *database, int pollMs, RunStatusCache *cache)
        : m_database(database)
        , m_pollMs(pollMs)
        , m_cache(cache)
    { }

    // In the loader thread.
    void begin()
    {
        m_store = std::make_unique<JobStore>(m_database);
        m_library = std::make_unique<LibraryStore>(m_database);
        QSqlDatabase db = m_database->connection();
        m_connectionName = db.connectionName();
        m_poll = new QTimer(this);
        m_touchTimer = new QTimer(this);
        m_touchTimer->setSingleShot(true);
        m_touchTimer->setInterval(kTouchFlushMs);
        connect(m_touchTimer, &QTimer::timeout, this, &RunStatusLoader::flushTouches);
        if (m_database->backend() == Database::Backend::PostgreSQL) {
            QSqlDriver *driver = db.driver();
            connect(driver, &QSqlDriver::notification, this, [this](const QString &name) {
                if (name == QLatin1String(JobStore::ChangeChannel))
                    schedule();
            });
            if (!driver->subscribeToNotification(QLatin1String(JobStore::ChangeChannel)))
                qCWarning(lcServer) << "cannot listen for store changes; polling instead:"
                                    << driver->lastError().text();
            else
                m_listening = true;
        }
        if (!m_listening) {
            // SQLite: data_version moves when another connection (this process's main one
            // included) commits a change.
            m_poll->setInterval(m_pollMs);
            connect(m_poll, &QTimer::timeout, this, &RunStatusLoader::poll);
            m_poll->start();
            m_dataVersion = dataVersion();
        }
        load();
    }

    // In the loader thread; afterwards the loader belongs to `home` again.
    void end(QThread *home)
    {
        flushTouches();
        delete m_poll;
        delete m_touchTimer;
        m_poll = m_touchTimer = nullptr;
        if (m_listening) {
            QSqlDatabase db = QSqlDatabase::database(m_connectionName, false);
            if (db.isValid() && db.driver())
                db.driver()->unsubscribeFromNotification(QLatin1String(JobStore::ChangeChannel));
        }
        m_store.reset();
        m_library.reset();
        if (!m_connectionName.isEmpty()) {
            {
                QSqlDatabase db = QSqlDatabase::database(m_connectionName, false);
                db.close();
            }
            QSqlDatabase::removeDatabase(m_connectionName);
        }
        moveToThread(home);
    }

    void request(quint64 generation)
    {
        m_wanted = qMax(m_wanted, generation);
        schedule();
    }

    void addTouch(const QString &jobId, qint64 nowMs)
    {
        m_touches.insert(jobId, nowMs);
        if (!m_touchTimer->isActive())
            m_touchTimer->start();
    }

private:
    void schedule()
    {
        if (m_scheduled)
            return;
        m_scheduled = true;
        QTimer::singleShot(0, this, [this] {
            m_scheduled = false;
            load();
        });
    }

    qint64 dataVersion()
    {
        QSqlQuery q(QSqlDatabase::database(m_connectionName, false));
        if (!q.exec(QStringLiteral("PRAGMA data_version")) || !q.next())
            return -1;
        return q.value(0).toLongLong();
    }

    void poll()
    {
        const qint64 version = dataVersion();
        if (version != m_dataVersion) {
            m_dataVersion = version;
            schedule();
        }
    }

    void load()
    {
        const quint64 generation = m_wanted;
        QElapsedTimer timer;
        timer.start();
        bool ok = false;
        const QList<QPair<qint64, JobRecord>> rows = m_store->runJobs(&ok);
        if (!ok)
            return; // the store said why; the next change or request tries again
        bool matchesOk = false;
        const QList<LibraryMatchRecord> matches = m_library->runMatches(&matchesOk);
        auto snapshot = std::make_shared<RunStatusCache::Snapshot>();
        // The totals, read here with the runs: a scrape never scans a table.
        RunStatusCache::Gauges &gauges = snapshot->gauges;
        gauges.readAtMs = QDateTime::currentMSecsSinceEpoch();
        gauges.jobsByStatus = m_store->jobCountsByStatus();
        gauges.cacheBytes = m_store->totalBytes();
        gauges.spentToday = m_store->spentSince(
                QDateTime::currentDateTime().date().startOfDay().toMSecsSinceEpoch());
        gauges.known = true;
        snapshot->runs.reserve(rows.size());
        for (const auto &[runId, job] : rows) {
            snapshot->runs.insert(runId, RunStatusCache::Run {job, std::nullopt});
            if (job.status == JobStatus::Completed)
                snapshot->videos.insert(job.id, job);
        }
        for (const LibraryMatchRecord &match : matches) {
            const auto it = snapshot->runs.find(match.runId);
            if (it != snapshot->runs.end())
                it->match = match;
        }
        qCDebug(lcServer) << "mirrored" << rows.size() << "runs in" << timer.elapsed() << "ms";
        RunStatusCache *cache = m_cache;
        QMetaObject::invokeMethod(
                cache, [cache, snapshot, generation] { cache->apply(snapshot, generation); },
                Qt::QueuedConnection);
    }

    void flushTouches()
    {
        if (m_touches.isEmpty() || !m_store)
            return;
        QSqlDatabase db = QSqlDatabase::database(m_connectionName, false);
        SqlTransaction transaction(db);
        for (auto it = m_touches.cbegin(); it != m_touches.cend(); ++it)
            m_store->touch(it.key(), it.value());
        transaction.commit();
        m_touches.clear();
    }

    Database *m_database;
    const int m_pollMs;
    RunStatusCache *m_cache;
    std::unique_ptr<JobStore> m_store;
    std::unique_ptr<LibraryStore> m_library;
    QString m_connectionName;
    QTimer *m_poll = nullptr;
    QTimer *m_touchTimer = nullptr;
    QHash<QString, qint64> m_touches;
    qint64 m_dataVersion = -1;
    quint64 m_wanted = 1; // the first load makes the mirror current
    bool m_scheduled = false;
    bool m_listening = false;
};

RunStatusCache::RunStatusCache(Database *database, int pollMs, QObject *parent)
    : QObject(parent)
    , m_thread(new QThread(this))
    , m_loader(new RunStatusLoader(database, pollMs, this))
{
    m_thread->setObjectName(QStringLiteral("run status loader"));
    m_loader->moveToThread(m_thread);
    m_thread->start();
    RunStatusLoader *loader = m_loader;
    QMetaObject::invokeMethod(
            loader, [loader] { loader->begin(); }, Qt::QueuedConnection);
}

RunStatusCache::~RunStatusCache()
{
    RunStatusLoader *loader = m_loader;
    QThread *home = thread();
    QMetaObject::invokeMethod(
            loader, [loader, home] { loader->end(home); }, Qt::BlockingQueuedConnection);
    m_thread->quit();
    m_thread->wait();
    delete m_loader;
}

const RunStatusCache::Run *RunStatusCache::run(qint64 runId) const
{
    if (!m_snapshot)
        return nullptr;
    const auto it = m_snapshot->runs.constFind(runId);
    return it == m_snapshot->runs.cend() ? nullptr : &it.value();
}

const JobRecord *RunStatusCache::video(const QString &jobId) const
{
    if (!m_snapshot)
        return nullptr;
    const auto it = m_snapshot->videos.constFind(jobId);
    return it == m_snapshot->videos.cend() ? nullptr : &it.value();
}

void RunStatusCache::markStale()
{
    ++m_staleGeneration;
    requestReload();
}

void RunStatusCache::requestReload()
{
    RunStatusLoader *loader = m_loader;
    const quint64 generation = m_staleGeneration;
    QMetaObject::invokeMethod(
            loader, [loader, generation] { loader->request(generation); }, Qt::QueuedConnection);
}

void RunStatusCache::setProgress(const QString &jobId, int percent)
{
    // The store keeps progress in steps; what the job's process reports is newer. A re-read
    // never takes a run back below it.
    m_progress.insert(jobId, percent);
    if (!m_snapshot)
        return;
    for (const qint64 runId : m_runsOfJob.value(jobId)) {
        const auto it = m_snapshot->runs.find(runId);
        if (it != m_snapshot->runs.end())
            it->job.progress = percent;
    }
}

void RunStatusCache::touch(const QString &jobId, qint64 nowMs)
{
    if (m_snapshot) {
        const auto it = m_snapshot->videos.find(jobId);
        if (it != m_snapshot->videos.end())
            it->lastAccessedAt = nowMs;
    }
    RunStatusLoader *loader = m_loader;
    QMetaObject::invokeMethod(
            loader, [loader, jobId, nowMs] { loader->addTouch(jobId, nowMs); },
            Qt::QueuedConnection);
}

void RunStatusCache::apply(const std::shared_ptr<Snapshot> &snapshot, quint64 generation)
{
    m_snapshot = snapshot;
    m_appliedGeneration = qMax(m_appliedGeneration, generation);
    m_runsOfJob.clear();
    QHash<QString, int> progress;
    for (auto it = snapshot->runs.begin(); it != snapshot->runs.end(); ++it) {
        if (isTerminal(it->job.status))
            continue;
        m_runsOfJob[it->job.id].append(it.key());
        if (const auto reported = m_progress.constFind(it->job.id); reported != m_progress.cend()) {
            it->job.progress = qMax(it->job.progress, *reported);
            progress.insert(it->job.id, *reported);
        }
    }
    m_progress = progress; // jobs that ended or went are forgotten
    ++m_reloads;
    Q_EMIT reloaded();
}
