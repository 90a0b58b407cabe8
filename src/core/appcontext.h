#pragma once
// Owns the application's services and hands them to whoever needs them; no hidden singletons.
#include <QCoreApplication>
#include <QObject>
#include <QString>

#include <memory>

class Clock;
class Database;
class DrillLibrary;
class JobManager;
class JobStore;
class Settings;
class StoreWorker;
class VideoStore;

class AppContext final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(AppContext)

public:
    struct Options
    {
        QString dataDir; // empty: DRILLSTUDIO_DATA_DIR, then the platform default
        bool installLogFile = true; // log to <dataDir>/drillstudio.log
        Clock *clock = nullptr; // not owned; a SystemClock when null
        bool startJobs = true; // resume unfinished jobs and run new ones
        // Also work on jobs submitted by other processes or earlier runs (see JobManager).
        bool claimForeignJobs = true;
    };

    explicit AppContext(QObject *parent = nullptr);
    ~AppContext() override;

    // Resolves the data folder, opens settings, the job store and the video folder.
    bool open(const Options &options);
    QString errorString() const { return m_error; }

    static QString resolveDataDir(const QString &explicitDir);

    QString dataDir() const { return m_dataDir; }
    Settings *settings() const { return m_settings.get(); }
    Database *database() const { return m_database.get(); }
    JobStore *store() const { return m_store.get(); }
    VideoStore *videos() const { return m_videos.get(); }
    JobManager *jobs() const { return m_jobs; }
    DrillLibrary *library() const { return m_library; }
    // Store work off the calling thread (made on first use; see StoreWorker).
    StoreWorker *storeWorker();
    const Clock *clock() const { return m_clock; }

private:
    QString m_dataDir;
    QString m_error;
    std::unique_ptr<Clock> m_ownClock;
    const Clock *m_clock = nullptr;
    std::unique_ptr<Settings> m_settings;
    std::unique_ptr<Database> m_database;
    std::unique_ptr<JobStore> m_store;
    std::unique_ptr<VideoStore> m_videos;
    JobManager *m_jobs = nullptr; // child
    std::unique_ptr<StoreWorker> m_storeWorker;
    DrillLibrary *m_library = nullptr; // child
};
