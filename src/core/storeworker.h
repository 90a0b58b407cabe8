#pragma once
// Runs store work on a thread of its own, with its own database connection, and hands the
// answer back to the thread that asked. What a window waits on (a lookup, eviction after a new
// video) then never blocks its event loop, even while the database is slow or locked.
#include <QObject>
#include <QPointer>
#include <QThread>

#include <functional>
#include <memory>

class Database;
class JobStore;
class VideoStore;

class StoreWorker final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(StoreWorker)

public:
    // videoDir: the folder of the videos (eviction removes files there).
    StoreWorker(Database *database, const QString &videoDir, QObject *parent = nullptr);
    // Finishes the work already asked for, then stops the thread.
    ~StoreWorker() override;

    using Task = std::function<void(JobStore &store, VideoStore &videos)>;
    // Runs task on the worker's thread, in the order asked.
    void post(Task task);

    // Runs work on the worker's thread, then done(result) on context's thread; done is dropped
    // when context is gone by then.
    template<typename Result>
    void run(QObject *context, std::function<Result(JobStore &, VideoStore &)> work,
             std::function<void(const Result &)> done)
    {
        QPointer<QObject> guard(context);
        post([guard, work = std::move(work), done = std::move(done)](JobStore &store,
                                                                     VideoStore &videos) {
            const Result result = work(store, videos);
            if (!guard)
                return;
            QMetaObject::invokeMethod(
                    guard.data(), [done, result] { done(result); }, Qt::QueuedConnection);
        });
    }

    // Work posted and not finished yet.
    int pending() const;

private:
    class Context;
    QThread m_thread;
    Context *m_context; // lives on m_thread
};
