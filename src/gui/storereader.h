#pragma once
// Reads the store on a thread of its own with its own connection, so that a slow query, a large
// library or a database held by a lock never holds up the window. Calls run one at a time in the
// order given; each answer comes back on the caller's thread, and not at all once the reader is
// gone.
#include <QObject>
#include <QThread>

#include <functional>
#include <memory>

class Database;
class JobStore;
class LibraryQuery;

// What a read may use; it lives on the reader's thread.
class StoreSession
{
public:
    explicit StoreSession(Database *database);
    ~StoreSession();
    Q_DISABLE_COPY_MOVE(StoreSession)

    Database *database() const { return m_database; }
    LibraryQuery &query() { return *m_query; }
    JobStore &store() { return *m_store; }

private:
    Database *m_database;
    std::unique_ptr<LibraryQuery> m_query;
    std::unique_ptr<JobStore> m_store;
};

class StoreReader final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(StoreReader)

public:
    explicit StoreReader(Database *database, QObject *parent = nullptr);
    ~StoreReader() override;

    // Runs read(session) on the reader's thread, then done(result) on this object's thread.
    template<typename Read, typename Done>
    void read(Read reading, Done done)
    {
        using Result = std::invoke_result_t<Read, StoreSession &>;
        post([this, reading = std::move(reading), done = std::move(done)](StoreSession &session) {
            auto result = std::make_shared<Result>(reading(session));
            QMetaObject::invokeMethod(
                    this, [this, done, result] { deliver([&] { done(std::move(*result)); }); },
                    Qt::QueuedConnection);
        });
    }

    // Reads still to answer.
    int pending() const { return m_pending; }

Q_SIGNALS:
    // Every read asked for so far has answered.
    void idle();

private:
    void post(std::function<void(StoreSession &)> call);
    void deliver(const std::function<void()> &call);

    QThread m_thread;
    QObject *m_worker = nullptr;
    int m_pending = 0;
};
