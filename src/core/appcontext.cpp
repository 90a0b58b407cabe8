#include "appcontext.h"

#include "clock.h"
#include "corelog.h"
#include "database.h"
#include "jobmanager.h"
#include "jobstore.h"
#include "library/drilllibrary.h"
#include "localprovider.h"
#include "logfile.h"
#include "openai/openaiprovider.h"
#include "settings.h"
#include "storeworker.h"
#include "videostore.h"

#include <QDir>
#include <QFile>
#include <QStandardPaths>
#include <QUrl>

namespace {

// For tests of separate processes (claims that lapse, jobs that time out): the system clock moved
// by the number of milliseconds written in a file that the test changes while the process runs.
// Only used when DRILLSTUDIO_TEST_CLOCK_OFFSET_FILE names such a file.
class OffsetFileClock final : public Clock
{
public:
    explicit OffsetFileClock(QString path)
        : m_path(std::move(path))
    { }
    QDateTime now() const override
    {
        qint64 offset = 0;
        QFile file(m_path);
        if (file.open(QIODevice::ReadOnly))
            offset = file.readAll().trimmed().toLongLong();
        return QDateTime::currentDateTimeUtc().addMSecs(offset);
    }

private:
    QString m_path;
};

} // namespace

AppContext::AppContext(QObject *parent)
    : QObject(parent)
{ }

AppContext::~AppContext()
{
    delete m_library;
    m_library = nullptr;
    delete m_jobs; // stops providers before the store goes away
    m_jobs = nullptr;
}

StoreWorker *AppContext::storeWorker()
{
    if (!m_storeWorker && m_database)
        m_storeWorker = std::make_unique<StoreWorker>(m_database.get(), m_videos->directory());
    return m_storeWorker.get();
}

QString AppContext::resolveDataDir(const QString &explicitDir)
{
    if (!explicitDir.isEmpty())
        return QDir(explicitDir).absolutePath();
    const QString fromEnv = qEnvironmentVariable("DRILLSTUDIO_DATA_DIR");
    if (!fromEnv.isEmpty())
        return QDir(fromEnv).absolutePath();
    return QStandardPaths::writableLocation(QStandardPaths::AppDataLocation);
}

bool AppContext::open(const Options &options)
{
    m_dataDir = resolveDataDir(options.dataDir);
    if (m_dataDir.isEmpty()) {
        m_error = tr("No data folder could be determined. Give one with --data-dir.");
        return false;
    }
    if (!QDir().mkpath(m_dataDir)) {
        m_error = tr("The data folder %1 cannot be created. Choose another one with --data-dir.")
                          .arg(QDir::toNativeSeparators(m_dataDir));
        return false;
    }
    if (options.clock) {
        m_clock = options.clock;
    } else if (const QString offsetFile
               = qEnvironmentVariable("DRILLSTUDIO_TEST_CLOCK_OFFSET_FILE");
               !offsetFile.isEmpty()) {
        m_ownClock = std::make_unique<OffsetFileClock>(offsetFile);
        m_clock = m_ownClock.get();
    } else {
        m_ownClock = std::make_unique<SystemClock>();
        m_clock = m_ownClock.get();
    }
    m_settings
            = std::make_unique<Settings>(QDir(m_dataDir).filePath(QStringLiteral("settings.ini")));
    if (options.installLogFile)
        LogFile::install(QDir(m_dataDir).filePath(QStringLiteral("drillstudio.log")),
                         m_settings->logMaxBytes());
    if (dynamic_cast<const OffsetFileClock *>(m_clock))
        qCInfo(lcCore) << "the clock is moved by the test hook DRILLSTUDIO_TEST_CLOCK_OFFSET_FILE";

    m_videos = std::make_unique<VideoStore>(QDir(m_dataDir).filePath(QStringLiteral("videos")));
    if (!m_videos->ensureWritable()) {
        m_error = m_videos->errorString();
        return false;
    }
    m_database = std::make_unique<Database>();
    Database::Config config;
    config.sqlitePath = QDir(m_dataDir).filePath(QStringLiteral("library.sqlite"));
    if (m_settings->string("store/backend") == QLatin1String("postgresql")) {
        config.backend = Database::Backend::PostgreSQL;
        config.postgresUrl = QUrl(m_settings->string("store/postgresUrl"));
        if (config.postgresUrl.isEmpty()) {
            m_error = tr("store/backend is postgresql but store/postgresUrl is empty. Set it to "
                         "postgresql://user@host:5432/database.");
            return false;
        }
    }
    if (!m_database->open(config)) {
        m_error = m_database->errorString();
        return false;
    }
    m_store = std::make_unique<JobStore>(m_database.get());
    // A team shares the video folder: another machine's download is only removed when the
    // shared store shows that its process holds no job any more.
    const qint64 since = m_clock->nowMs() - 10 * 60 * 1000;
    const int stale
            = m_videos->removeStaleTemporaries([this, since](const QString &host, qint64 pid) {
                  return m_store->hasLiveClaim(host, pid, since);
              });
    if (stale)
        qCInfo(lcCore) << "removed" << stale << "unfinished temporary files";
    m_jobs = new JobManager(m_store.get(), m_videos.get(), m_settings.get(), m_clock, this);
    auto *local = new LocalProvider;
    local->setMaxConcurrent(int(m_settings->integer("jobs/maxLocalConcurrent")));
    m_jobs->addProvider(local);
    m_jobs->addProvider(new OpenAIProvider(m_settings.get(), m_clock));
    // The drill library answers before any provider when generation/providerOrder names it.
    m_library = new DrillLibrary(m_database.get(), m_store.get(), m_jobs, m_videos.get(),
                                 m_settings.get(), m_clock, this);
    m_jobs->setLibraryStep(
            [library = m_library](const JobSpec &spec) { return library->answer(spec); });
    qCInfo(lcCore).noquote() << "data folder" << QDir::toNativeSeparators(m_dataDir);
    if (options.startJobs) {
        m_jobs->setClaimForeignJobs(options.claimForeignJobs);
        m_jobs->start();
    }
    return true;
}
