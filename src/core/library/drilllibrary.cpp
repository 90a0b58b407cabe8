#include "drilllibrary.h"

#include "clock.h"
#include "contentvariants.h"
#include "corelog.h"
#include "jobstore.h"
#include "settings.h"
#include "synonyms.h"
#include "videoimporter.h"
#include "videostore.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QMutexLocker>
#include <QUuid>

namespace {

QString newId()
{
    return QUuid::createUuid().toString(QUuid::Id128).left(20);
}

} // namespace

DrillLibrary::DrillLibrary(Database *database, JobStore *jobs, JobManager *manager,
                           VideoStore *videos, Settings *settings, const Clock *clock,
                           QObject *parent)
    : QObject(parent)
    , m_database(database)
    , m_jobs(jobs)
    , m_manager(manager)
    , m_videos(videos)
    , m_settings(settings)
    , m_clock(clock)
    , m_store(database)
{ }

DrillLibrary::~DrillLibrary() = default;

QString DrillLibrary::absolutePath(const QString &relativePath) const
{
    return m_videos->absolutePath(relativePath);
}

double DrillLibrary::threshold() const
{
    return m_settings->number("library/matchThreshold");
}

bool DrillLibrary::ensureSynonyms()
{
    if (m_seeded)
        return true;
    m_seeded = m_store.seedSynonyms(DrillSynonyms::builtin(), m_clock->nowMs());
    return m_seeded;
}

DrillLibrary::ImportResult DrillLibrary::importFile(const ImportRequest &request,
                                                    const std::function<bool(double)> &progress)
{
    ImportResult result;
    QStringList drills;
    for (const QString &drill : request.drills) {
        if (!drill.trimmed().isEmpty())
            drills << drill.trimmed();
    }
    if (drills.isEmpty()) {
        result.error = tr("Name at least one drill the video shows.");
        return result;
    }
    const QFileInfo source(request.file);
    const qint64 limit = m_settings->integer("library/maxImportBytes");
    if (source.exists() && source.size() > limit) {
        result.badInput = true;
        result.tooLarge = true;
        result.error = tr("%1 is too large to import (%2 MB; at most %3 MB, "
                          "library/maxImportBytes).")
                               .arg(source.fileName())
                               .arg(source.size() / (1024 * 1024))
                               .arg(limit / (1024 * 1024));
        return result;
    }
    VideoStore folder(m_videos->absolutePath(folderName()));
    if (!folder.ensureWritable()) {
        result.error = folder.errorString();
        return result;
    }
    VideoImporter::Options options;
    options.size = m_settings->videoSize();
    options.trimStart = request.trimStart;
    options.trimEnd = request.trimEnd;
    options.mute = request.mute;
    const QString temporary = folder.newTemporaryPath(QStringLiteral(".mp4"));
    const VideoImporter::Result converted
            = VideoImporter::import(request.file, temporary, options, progress);
    if (!converted.ok()) {
        result.cancelled = converted.error == VideoImporter::Error::Cancelled;
        using Error = VideoImporter::Error;
        result.badInput = converted.error == Error::NotAVideo
                || converted.error == Error::NoVideoStream
                || converted.error == Error::UnsupportedCodec || converted.error == Error::Truncated
                || converted.error == Error::BadTrim;
        result.error = converted.message;
        return result;
    }
    if (!converted.audioDropped.isEmpty())
        result.audioNote = tr("The sound (%1) was left out: only AAC sound is kept.")
                                   .arg(converted.audioDropped);
    // Pictures like those of generated videos; the video is fine without them.
    const QString thumbnail = temporary + QStringLiteral(".webp");
    const QString spritesheet = temporary + QStringLiteral(".jpg");
    QString variantError;
    const bool haveThumbnail
            = ContentVariants::writeThumbnailWebp(temporary, thumbnail, &variantError);
    const bool haveSpritesheet
            = ContentVariants::writeSpritesheetJpeg(temporary, spritesheet, &variantError);
    if (!haveThumbnail || !haveSpritesheet)
        qCWarning(lcStore) << "library import without all pictures:" << variantError;
    auto dropSidecars = [&] {
        QFile::remove(thumbnail);
        QFile::remove(spritesheet);
    };

    VerifiedVideo verified;
    if (!folder.commit(temporary, &verified)) {
        dropSidecars();
        result.error = folder.errorString();
        return result;
    }
    const QString prefix = folderName() + QLatin1Char('/');
    if (auto existing = m_store.videoBySha256(verified.sha256)) {
        // The same content: the file in place is the existing video's; leave it.
        dropSidecars();
        result.duplicate = true;
        result.video = *existing;
        result.error = tr("This video is already in the library as %1.").arg(existing->id);
        return result;
    }
    LibraryVideo video;
    video.id = newId();
    video.filePath = prefix + verified.relativePath;
    video.sha256 = verified.sha256;
    video.bytes = verified.bytes;
    video.durationMs = verified.durationMs;
    video.size = formatVideoSize(options.size);
    if (haveThumbnail && folder.commitSidecar(thumbnail, verified.sha256 + QStringLiteral(".webp")))
        video.thumbnailPath = prefix + verified.sha256 + QStringLiteral(".webp");
    if (haveSpritesheet
        && folder.commitSidecar(spritesheet, verified.sha256 + QStringLiteral(".jpg")))
        video.spritesheetPath = prefix + verified.sha256 + QStringLiteral(".jpg");
    dropSidecars();
    if (m_settings->flag("library/keepOriginals")) {
        const QString suffix = source.suffix().isEmpty()
                ? QString()
                : QLatin1Char('.') + source.suffix().toLower();
        const QString name = verified.sha256 + QStringLiteral(".original") + suffix;
        const QString copy = folder.newTemporaryPath(suffix);
        if (QFile::copy(request.file, copy) && folder.commitSidecar(copy, name))
            video.originalPath = prefix + name;
        else
            QFile::remove(copy);
    }
    video.sourceName = source.fileName();
    video.notes = request.notes.trimmed();
    video.cues = request.cues;
    for (const QString &drill : std::as_const(drills))
        video.tags.append({drill, LibraryStore::languageOf(drill)});
    video.createdAt = m_clock->nowMs();
    video.updatedAt = video.createdAt;
    bool duplicate = false;
    if (!m_store.insertVideo(video, &duplicate)) {
        result.error = m_store.errorString();
        result.duplicate = duplicate;
        if (!duplicate) {
            for (const QString &path :
                 {video.filePath, video.thumbnailPath, video.spritesheetPath, video.originalPath}) {
                if (!path.isEmpty())
                    QFile::remove(m_videos->absolutePath(path));
            }
        }
        return result;
    }
    qCInfo(lcStore).noquote() << "imported" << video.sourceName << "into the library as" << video.id
                              << video.tags.size() << "drills";
    result.ok = true;
    result.video = video;
    QMetaObject::invokeMethod(
            this, [this] { Q_EMIT libraryChanged(); }, Qt::QueuedConnection);
    return result;
}

QList<LibraryVideo> DrillLibrary::videos(int limit, int offset)
{
    return m_store.videos(limit, offset);
}

std::optional<LibraryVideo> DrillLibrary::video(const QString &id)
{
    return m_store.video(id);
}

bool DrillLibrary::updateVideo(LibraryVideo video, QString *error)
{
    QList<LibraryTag> tags;
    for (const LibraryTag &tag : std::as_const(video.tags)) {
        if (!tag.name.trimmed().isEmpty())
            tags.append({tag.name.trimmed(), LibraryStore::languageOf(tag.name)});
    }
    if (tags.isEmpty()) {
        if (error)
            *error = tr("Name at least one drill the video shows.");
        return false;
    }
    video.tags = tags;
    video.updatedAt = m_clock->nowMs();
    if (!m_store.updateVideo(video)) {
        if (error)
            *error = m_store.errorString();
        return false;
    }
    Q_EMIT libraryChanged();
    return true;
}

bool DrillLibrary::removeVideo(const QString &id, QString *error)
{
    const auto video = m_store.video(id);
    if (!video) {
        if (error)
            *error = tr("There is no library video %1.").arg(id);
        return false;
    }
    // Runs answered with it lose their link (their next request is answered afresh).
    if (auto link = m_jobs->findCompleted(QStringLiteral("library:") + id)) {
        while (link) {
            m_jobs->deleteJob(link->id);
            link = m_jobs->findCompleted(QStringLiteral("library:") + id);
        }
    }
    if (!m_store.removeVideo(id)) {
        if (error)
            *error = m_store.errorString();
        return false;
    }
    for (const QString &path :
         {video->filePath, video->thumbnailPath, video->spritesheetPath, video->originalPath}) {
        if (!path.isEmpty())
            QFile::remove(m_videos->absolutePath(path));
    }
    Q_EMIT libraryChanged();
    return true;
}

bool DrillLibrary::addSynonym(const QString &drill, const QString &term, QString *resolvedDrill,
                              QString *error)
{
    const QString name = drill.trimmed();
    const QString word = term.trimmed();
    if (name.isEmpty() || word.isEmpty() || name.size() > 100 || word.size() > 100) {
        if (error)
            *error = tr("Give a drill and a word for it, each 1 to 100 characters.");
        return false;
    }
    if (!ensureSynonyms()) {
        if (error)
            *error = m_store.errorString();
        return false;
    }
    // A name the synonyms already know stands for its drill: "もも上げ" means "high-knees".
    QString target = name;
    {
        const QList<DrillSynonym> all = m_store.synonyms();
        const bool isDrill = std::any_of(all.cbegin(), all.cend(),
                                         [&](const DrillSynonym &s) { return s.drill == name; });
        if (!isDrill) {
            const QString key = DrillSynonyms::readingKey(name);
            const QString words = DrillSynonyms::wordKey(name);
            for (const DrillSynonym &s : all) {
                const bool same = s.language == QLatin1String("ja")
                        ? DrillSynonyms::readingKey(s.term) == key
                        : DrillSynonyms::wordKey(s.term) == words;
                if (same && LibraryStore::languageOf(name) == s.language) {
                    target = s.drill;
                    break;
                }
            }
        }
    }
    if (resolvedDrill)
        *resolvedDrill = target;
    const bool added = m_store.addSynonym({target, word, LibraryStore::languageOf(word), false},
                                          m_clock->nowMs());
    if (!added && !m_store.errorString().isEmpty()) {
        if (error)
            *error = m_store.errorString();
        return false;
    }
    Q_EMIT libraryChanged();
    return true;
}

QList<DrillSynonym> DrillLibrary::synonyms()
{
    ensureSynonyms();
    return m_store.synonyms();
}

const DrillMatcher &DrillLibrary::matcher()
{
    // Rebuilt when the tables changed, here or in another process on the same store.
    const QString revision = m_store.revision();
    if (!m_matcherBuilt || revision != m_matcherRevision) {
        ensureSynonyms();
        m_matcher.build(m_store.synonyms(), DrillMatcher::videosOf(m_store.videos()));
        m_matcherRevision = m_store.revision();
        m_matcherBuilt = true;
    }
    return m_matcher;
}

LibraryMatch DrillLibrary::match(const QString &text)
{
    QMutexLocker lock(&m_matcherLock);
    return matcher().match(text, threshold());
}

JobManager::Submission DrillLibrary::answer(const JobSpec &spec)
{
    JobManager::Submission result;
    const LibraryMatch found = match(spec.drillText);
    result.libraryExplanation = found.explanation;
    result.libraryConfidence = found.confidence;
    if (!found.matched) {
        result.error = found.explanation;
        return result;
    }
    const auto video = m_store.video(found.videoId);
    if (!video || !QFile::exists(m_videos->absolutePath(video->filePath))) {
        result.error = tr("The library video %1 is missing its file.").arg(found.videoId);
        return result;
    }
    const qint64 now = m_clock->nowMs();
    // One completed job per library video stands for it in the cache: runs link to it, status
    // and download treat it like any other video, and clearing a run only removes the link.
    const QString specHash = QStringLiteral("library:") + video->id;
    std::optional<JobRecord> job = m_jobs->findCompleted(specHash);
    if (!job || job->filePath != video->filePath) {
        JobRecord record;
        record.id = QUuid::createUuid().toString(QUuid::Id128).left(20);
        record.runId = spec.runId;
        record.drillText = video->tagNames().join(QStringLiteral("、"));
        record.specHash = specHash;
        record.provider = QStringLiteral("library");
        record.model = QStringLiteral("library");
        record.size = video->size;
        record.seconds = int(qMax<qint64>(1, (video->durationMs + 500) / 1000));
        record.prompt = QStringLiteral("library video ") + video->id;
        record.status = JobStatus::Completed;
        record.progress = 100;
        record.createdAt = now;
        record.startedAt = now;
        record.completedAt = now;
        record.lastAccessedAt = now;
        record.filePath = video->filePath;
        record.bytes = video->bytes;
        record.sha256 = video->sha256;
        record.durationMs = video->durationMs;
        record.thumbnailPath = video->thumbnailPath;
        if (!m_jobs->insertJob(record)) {
            result.error = m_jobs->errorString();
            return result;
        }
        job = record;
    } else {
        m_jobs->touch(job->id, now);
    }
    // The run's earlier video goes if nothing else links to it, as when the run is cleared.
    if (auto current = m_jobs->jobForRun(spec.runId);
        current && current->id != job->id && m_manager)
        m_manager->clearRun(spec.runId);
    if (!m_jobs->linkRun(spec.runId, job->id, spec.drillText.trimmed(), now)) {
        result.error = m_jobs->errorString();
        return result;
    }
    m_store.recordMatch({spec.runId, video->id, job->id, found.confidence, found.explanation, now});
    result.kind = JobManager::Submission::Kind::CacheHit;
    result.job = *job;
    return result;
}

std::optional<LibraryMatchRecord> DrillLibrary::matchForRun(qint64 runId)
{
    return m_store.matchForRun(runId);
}
