#pragma once
// Notices when another process (serve, worker, the command line, a team member) changes the job
// store: once a second a cheap change counter is read on a thread of its own, so that a slow or
// locked database never holds up the window.
#include <QObject>
#include <QThread>

class Database;

class StoreWatcher final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(StoreWatcher)

public:
    explicit StoreWatcher(Database *database, int intervalMs = 1000, QObject *parent = nullptr);
    ~StoreWatcher() override;

Q_SIGNALS:
    // The store changed since the last look.
    void changed();

private:
    QThread m_thread;
};
