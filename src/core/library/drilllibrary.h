#pragma once
// The drill library: imports recorded demonstrations into the video folder (library/), keeps
// their tags and the drill synonyms in the job store, and answers drill texts with the best
// matching video before anything is generated.
#include "drillmatcher.h"
#include "jobmanager.h"
#include "librarystore.h"

#include <QMutex>
#include <QObject>

#include <functional>
#include <memory>

class Clock;
class Database;
class JobStore;
class Settings;
class VideoStore;

class DrillLibrary final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(DrillLibrary)

public:
    // The folder inside the video folder that holds library videos; cache eviction and clearing
    // never remove files there (VideoStore refuses paths with a folder in them).
    static QString folderName() { return QStringLiteral("library"); }

    // manager may be null (then a run's earlier video is only unlinked, not removed).
    DrillLibrary(Database *database, JobStore *jobs, JobManager *manager, VideoStore *videos,
                 Settings *settings, const Clock *clock, QObject *parent = nullptr);
    ~DrillLibrary() override;

    struct ImportRequest
    {
        QString file;
        QStringList drills; // at least one
        QString notes;
        QStringList cues;
        double trimStart = 0;
        double trimEnd = 0; // 0: to the end
        bool mute = false;
    };
    struct ImportResult
    {
        bool ok = false;
        bool cancelled = false;
        bool duplicate = false; // the same video was already in the library (video is that one)
        // The file itself is refused: not a video, no picture, damaged, a trim that leaves
        // nothing, or too large (then tooLarge too); as opposed to a failure of this machine.
        bool badInput = false;
        bool tooLarge = false;
        QString error; // for people
        LibraryVideo video;
        QString audioNote; // said when a sound track was dropped
    };
    // Synchronous; safe to call from a worker thread. progress gets 0..1 and returns false to
    // cancel. Nothing half-imported stays behind on failure.
    ImportResult importFile(const ImportRequest &request,
                            const std::function<bool(double)> &progress = {});

    QList<LibraryVideo> videos(int limit = 100000, int offset = 0);
    std::optional<LibraryVideo> video(const QString &id);
    bool updateVideo(LibraryVideo video, QString *error = nullptr);
    // The runs answered with the video (removing it takes their video away).
    QList<qint64> linkedRuns(const QString &id) { return m_store.linkedRuns(id); }
    // Removes the video, its files, and the links of runs that were answered with it.
    bool removeVideo(const QString &id, QString *error = nullptr);

    // term names drill; drill may be a catalog key, any name the synonyms already know (the term
    // joins that drill), or a new drill name.
    bool addSynonym(const QString &drill, const QString &term, QString *resolvedDrill,
                    QString *error = nullptr);
    QList<DrillSynonym> synonyms();

    // The library's answer for a drill text, without linking anything.
    LibraryMatch match(const QString &text);
    double threshold() const;

    // The JobManager step: links the run to the matching video (a completed job of provider
    // "library" that points at the library file), or says why nothing matched.
    JobManager::Submission answer(const JobSpec &spec);
    std::optional<LibraryMatchRecord> matchForRun(qint64 runId);

    LibraryStore *store() { return &m_store; }
    QString absolutePath(const QString &relativePath) const;

Q_SIGNALS:
    void libraryChanged();

private:
    const DrillMatcher &matcher();
    bool ensureSynonyms();

    Database *m_database;
    JobStore *m_jobs;
    JobManager *m_manager;
    VideoStore *m_videos;
    Settings *m_settings;
    const Clock *m_clock;
    LibraryStore m_store;
    QMutex m_matcherLock;
    DrillMatcher m_matcher;
    QString m_matcherRevision;
    bool m_matcherBuilt = false;
    bool m_seeded = false;
};
