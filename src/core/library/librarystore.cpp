#include "librarystore.h"

#include "corelog.h"
#include "database.h"
#include "sqltransaction.h"

#include <QHash>
#include <QSqlError>
#include <QSqlQuery>

namespace {

const char kVideoColumns[]
        = "id, file_path, sha256, bytes, duration_ms, size, thumbnail_path, spritesheet_path, "
          "original_path, source_name, notes, cues, created_at, updated_at";

QVariant nullable(const QString &text)
{
    return text.isEmpty() ? QVariant(QMetaType::fromType<QString>()) : QVariant(text);
}

// Empty text, never NULL, for the NOT NULL columns.
QString text(const QString &value)
{
    return value.isNull() ? QStringLiteral("") : value;
}

LibraryVideo readVideo(const QSqlQuery &q)
{
    LibraryVideo v;
    int i = 0;
    v.id = q.value(i++).toString();
    v.filePath = q.value(i++).toString();
    v.sha256 = q.value(i++).toString();
    v.bytes = q.value(i++).toLongLong();
    v.durationMs = q.value(i++).toLongLong();
    v.size = q.value(i++).toString();
    v.thumbnailPath = q.value(i++).toString();
    v.spritesheetPath = q.value(i++).toString();
    v.originalPath = q.value(i++).toString();
    v.sourceName = q.value(i++).toString();
    v.notes = q.value(i++).toString();
    const QString cues = q.value(i++).toString();
    v.cues = cues.split(QLatin1Char('\n'), Qt::SkipEmptyParts);
    v.createdAt = q.value(i++).toLongLong();
    v.updatedAt = q.value(i++).toLongLong();
    return v;
}

QString selectVideos(const char *tail)
{
    return QStringLiteral("SELECT %1 FROM library_videos %2")
            .arg(QLatin1String(kVideoColumns), QLatin1String(tail));
}

} // namespace

QStringList LibraryVideo::tagNames() const
{
    QStringList names;
    for (const LibraryTag &tag : tags)
        names << tag.name;
    return names;
}

LibraryStore::LibraryStore(Database *database)
    : m_database(database)
{ }

bool LibraryStore::fail(const QString &message, const QString &detail)
{
    m_error = message.arg(detail);
    qCWarning(lcStore).noquote() << m_error;
    return false;
}

QString LibraryStore::languageOf(const QString &text)
{
    for (const QChar c : text) {
        const ushort u = c.unicode();
        if ((u >= 0x3040 && u <= 0x30FF) || (u >= 0x3400 && u <= 0x9FFF)
            || (u >= 0xFF66 && u <= 0xFF9F))
            return QStringLiteral("ja");
    }
    return QStringLiteral("en");
}

bool LibraryStore::writeTags(const QString &videoId, const QList<LibraryTag> &tags)
{
    QSqlQuery q(m_database->connection());
    q.prepare(QStringLiteral("DELETE FROM library_tags WHERE video_id = ?"));
    q.addBindValue(videoId);
    if (!q.exec())
        return fail(tr("The library database could not save the drill names: %1"),
                    q.lastError().text());
    q.prepare(QStringLiteral(
            "INSERT INTO library_tags (video_id, position, name, language) VALUES (?, ?, ?, ?)"));
    for (qsizetype i = 0; i < tags.size(); ++i) {
        q.addBindValue(videoId);
        q.addBindValue(int(i));
        q.addBindValue(tags.at(i).name);
        q.addBindValue(tags.at(i).language.isEmpty() ? languageOf(tags.at(i).name)
                                                     : tags.at(i).language);
        if (!q.exec())
            return fail(tr("The library database could not save the drill names: %1"),
                        q.lastError().text());
    }
    return true;
}

bool LibraryStore::insertVideo(const LibraryVideo &video, bool *duplicate)
{
    if (duplicate)
        *duplicate = false;
    QString detail;
    {
        QSqlDatabase db = m_database->connection();
        SqlTransaction transaction(db);
        QSqlQuery q(db);
        q.prepare(QStringLiteral("SELECT id FROM library_videos WHERE sha256 = ?"));
        q.addBindValue(video.sha256);
        if (!q.exec())
            return fail(tr("The library database could not add the video: %1"),
                        q.lastError().text());
        if (q.next()) {
            if (duplicate)
                *duplicate = true;
            m_error = tr("This video is already in the library (%1).").arg(q.value(0).toString());
            return false;
        }
        q.prepare(QStringLiteral("INSERT INTO library_videos (%1) VALUES (?, ?, ?, ?, ?, ?, ?, ?, "
                                 "?, ?, ?, ?, ?, ?)")
                          .arg(QLatin1String(kVideoColumns)));
        q.addBindValue(video.id);
        q.addBindValue(video.filePath);
        q.addBindValue(video.sha256);
        q.addBindValue(video.bytes);
        q.addBindValue(video.durationMs);
        q.addBindValue(video.size);
        q.addBindValue(nullable(video.thumbnailPath));
        q.addBindValue(nullable(video.spritesheetPath));
        q.addBindValue(nullable(video.originalPath));
        q.addBindValue(text(video.sourceName));
        q.addBindValue(text(video.notes));
        q.addBindValue(text(video.cues.join(QLatin1Char('\n'))));
        q.addBindValue(video.createdAt);
        q.addBindValue(video.updatedAt);
        if (q.exec()) {
            if (!writeTags(video.id, video.tags))
                return false;
            if (transaction.commit())
                return true;
            detail = db.lastError().text();
        } else {
            detail = q.lastError().text();
        }
    } // rolled back: the connection is usable again
    // Another process committed the same content between the check and the insert.
    if (auto other = videoBySha256(video.sha256)) {
        if (duplicate)
            *duplicate = true;
        m_error = tr("This video is already in the library (%1).").arg(other->id);
        return false;
    }
    return fail(tr("The library database could not add the video: %1"), detail);
}

bool LibraryStore::updateVideo(const LibraryVideo &video)
{
    QSqlDatabase db = m_database->connection();
    SqlTransaction transaction(db);
    QSqlQuery q(db);
    q.prepare(QStringLiteral(
            "UPDATE library_videos SET notes = ?, cues = ?, updated_at = ? WHERE id = ?"));
    q.addBindValue(text(video.notes));
    q.addBindValue(text(video.cues.join(QLatin1Char('\n'))));
    q.addBindValue(video.updatedAt);
    q.addBindValue(video.id);
    if (!q.exec())
        return fail(tr("The library database could not save the video: %1"), q.lastError().text());
    if (q.numRowsAffected() == 0) {
        m_error = tr("This video is no longer in the library.");
        return false;
    }
    if (!writeTags(video.id, video.tags))
        return false;
    if (!transaction.commit())
        return fail(tr("The library database could not save the video: %1"), db.lastError().text());
    return true;
}

bool LibraryStore::removeVideo(const QString &id)
{
    QSqlDatabase db = m_database->connection();
    SqlTransaction transaction(db);
    QSqlQuery q(db);
    // Tags go with the video (ON DELETE CASCADE); said explicitly for stores opened without
    // foreign keys.
    q.prepare(QStringLiteral("DELETE FROM library_tags WHERE video_id = ?"));
    q.addBindValue(id);
    bool ok = q.exec();
    q.prepare(QStringLiteral("DELETE FROM library_videos WHERE id = ?"));
    q.addBindValue(id);
    ok = ok && q.exec();
    if (!ok || !transaction.commit())
        return fail(tr("The library database could not remove the video: %1"),
                    q.lastError().text());
    return true;
}

bool LibraryStore::loadTags(QList<LibraryVideo> &videos)
{
    if (videos.isEmpty())
        return true;
    QHash<QString, LibraryVideo *> byId;
    for (LibraryVideo &v : videos)
        byId.insert(v.id, &v);
    QSqlQuery q(m_database->connection());
    q.setForwardOnly(true);
    bool ok = false;
    if (videos.size() > 200) {
        ok = q.exec(QStringLiteral(
                "SELECT video_id, name, language FROM library_tags ORDER BY video_id, position"));
    } else {
        QStringList marks(videos.size(), QStringLiteral("?"));
        q.prepare(QStringLiteral("SELECT video_id, name, language FROM library_tags WHERE "
                                 "video_id IN (%1) ORDER BY video_id, position")
                          .arg(marks.join(QLatin1Char(','))));
        for (const LibraryVideo &v : std::as_const(videos))
            q.addBindValue(v.id);
        ok = q.exec();
    }
    if (!ok)
        return fail(tr("The library database could not read the drill names: %1"),
                    q.lastError().text());
    while (q.next()) {
        if (LibraryVideo *v = byId.value(q.value(0).toString()))
            v->tags.append({q.value(1).toString(), q.value(2).toString()});
    }
    return true;
}

std::optional<LibraryVideo> LibraryStore::video(const QString &id)
{
    QSqlQuery q(m_database->connection());
    q.prepare(selectVideos("WHERE id = ?"));
    q.addBindValue(id);
    if (!q.exec()) {
        fail(tr("The library database could not read a video: %1"), q.lastError().text());
        return std::nullopt;
    }
    if (!q.next())
        return std::nullopt;
    QList<LibraryVideo> one {readVideo(q)};
    if (!loadTags(one))
        return std::nullopt;
    return one.first();
}

std::optional<LibraryVideo> LibraryStore::videoBySha256(const QString &sha256)
{
    QSqlQuery q(m_database->connection());
    q.prepare(QStringLiteral("SELECT id FROM library_videos WHERE sha256 = ?"));
    q.addBindValue(sha256);
    if (!q.exec() || !q.next())
        return std::nullopt;
    return video(q.value(0).toString());
}

QList<LibraryVideo> LibraryStore::videos(int limit, int offset)
{
    QList<LibraryVideo> list;
    QSqlQuery q(m_database->connection());
    q.setForwardOnly(true);
    q.prepare(selectVideos("ORDER BY created_at DESC, id LIMIT ? OFFSET ?"));
    q.addBindValue(limit);
    q.addBindValue(offset);
    if (!q.exec()) {
        fail(tr("The library database could not list the library: %1"), q.lastError().text());
        return list;
    }
    while (q.next())
        list.append(readVideo(q));
    loadTags(list);
    return list;
}

qint64 LibraryStore::videoCount()
{
    QSqlQuery q(m_database->connection());
    if (!q.exec(QStringLiteral("SELECT COUNT(*) FROM library_videos")) || !q.next())
        return 0;
    return q.value(0).toLongLong();
}

bool LibraryStore::seedSynonyms(const QList<DrillSynonym> &builtin, qint64 nowMs)
{
    QSqlDatabase db = m_database->connection();
    {
        // Nothing to do (the usual case) costs one read.
        QSqlQuery count(db);
        if (count.exec(QStringLiteral("SELECT COUNT(*) FROM drill_synonyms WHERE builtin = 1"))
            && count.next() && count.value(0).toLongLong() >= builtin.size())
            return true;
    }
    SqlTransaction transaction(db);
    QSqlQuery q(db);
    q.prepare(QStringLiteral("INSERT INTO drill_synonyms (drill, term, language, builtin, "
                             "created_at) VALUES (?, ?, ?, 1, ?) ON CONFLICT (drill, term) DO "
                             "NOTHING"));
    for (const DrillSynonym &s : builtin) {
        q.addBindValue(s.drill);
        q.addBindValue(s.term);
        q.addBindValue(s.language);
        q.addBindValue(nowMs);
        if (!q.exec())
            return fail(tr("The library database could not save the drill synonyms: %1"),
                        q.lastError().text());
    }
    if (!transaction.commit())
        return fail(tr("The library database could not save the drill synonyms: %1"),
                    db.lastError().text());
    return true;
}

bool LibraryStore::addSynonym(const DrillSynonym &synonym, qint64 nowMs)
{
    m_error.clear();
    QSqlQuery q(m_database->connection());
    q.prepare(QStringLiteral("INSERT INTO drill_synonyms (drill, term, language, builtin, "
                             "created_at) VALUES (?, ?, ?, 0, ?) ON CONFLICT (drill, term) DO "
                             "NOTHING"));
    q.addBindValue(synonym.drill);
    q.addBindValue(synonym.term);
    q.addBindValue(synonym.language.isEmpty() ? languageOf(synonym.term) : synonym.language);
    q.addBindValue(nowMs);
    if (!q.exec())
        return fail(tr("The library database could not save the drill synonym: %1"),
                    q.lastError().text());
    return q.numRowsAffected() > 0;
}

QList<DrillSynonym> LibraryStore::synonyms()
{
    QList<DrillSynonym> list;
    QSqlQuery q(m_database->connection());
    q.setForwardOnly(true);
    if (!q.exec(QStringLiteral("SELECT drill, term, language, builtin FROM drill_synonyms "
                               "ORDER BY builtin DESC, drill, term"))) {
        fail(tr("The library database could not read the drill synonyms: %1"),
             q.lastError().text());
        return list;
    }
    while (q.next())
        list.append({q.value(0).toString(), q.value(1).toString(), q.value(2).toString(),
                     q.value(3).toInt() != 0});
    return list;
}

QString LibraryStore::revision()
{
    QSqlQuery q(m_database->connection());
    if (!q.exec(QStringLiteral(
                "SELECT (SELECT COUNT(*) FROM library_videos), (SELECT MAX(updated_at) FROM "
                "library_videos), (SELECT COUNT(*) FROM drill_synonyms), (SELECT "
                "MAX(created_at) FROM drill_synonyms)"))
        || !q.next())
        return {};
    return QStringLiteral("%1:%2:%3:%4")
            .arg(q.value(0).toLongLong())
            .arg(q.value(1).toLongLong())
            .arg(q.value(2).toLongLong())
            .arg(q.value(3).toLongLong());
}

bool LibraryStore::recordMatch(const LibraryMatchRecord &match)
{
    QSqlQuery q(m_database->connection());
    q.prepare(QStringLiteral(
            "INSERT INTO library_matches (run_id, video_id, job_id, confidence, explanation, "
            "matched_at) VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT (run_id) DO UPDATE SET video_id "
            "= excluded.video_id, job_id = excluded.job_id, confidence = excluded.confidence, "
            "explanation = excluded.explanation, matched_at = excluded.matched_at"));
    q.addBindValue(match.runId);
    q.addBindValue(match.videoId);
    q.addBindValue(match.jobId);
    q.addBindValue(match.confidence);
    q.addBindValue(match.explanation);
    q.addBindValue(match.matchedAt);
    if (!q.exec())
        return fail(tr("The library database could not record the match: %1"),
                    q.lastError().text());
    return true;
}

QList<LibraryMatchRecord> LibraryStore::runMatches(bool *ok)
{
    QList<LibraryMatchRecord> matches;
    QSqlQuery q(m_database->connection());
    q.setForwardOnly(true);
    *ok = q.exec(QStringLiteral("SELECT m.run_id, m.video_id, m.job_id, m.confidence, "
                                "m.explanation, m.matched_at FROM library_matches m JOIN runs r "
                                "ON r.run_id = m.run_id AND r.job_id = m.job_id"));
    while (*ok && q.next())
        matches << LibraryMatchRecord {q.value(0).toLongLong(), q.value(1).toString(),
                                       q.value(2).toString(),   q.value(3).toDouble(),
                                       q.value(4).toString(),   q.value(5).toLongLong()};
    return matches;
}

std::optional<LibraryMatchRecord> LibraryStore::matchForRun(qint64 runId)
{
    // Only while the run still links to the video the match chose.
    QSqlQuery q(m_database->connection());
    q.prepare(QStringLiteral("SELECT m.run_id, m.video_id, m.job_id, m.confidence, m.explanation, "
                             "m.matched_at FROM library_matches m JOIN runs r ON r.run_id = "
                             "m.run_id AND r.job_id = m.job_id WHERE m.run_id = ?"));
    q.addBindValue(runId);
    if (!q.exec() || !q.next())
        return std::nullopt;
    return LibraryMatchRecord {q.value(0).toLongLong(), q.value(1).toString(),
                               q.value(2).toString(),   q.value(3).toDouble(),
                               q.value(4).toString(),   q.value(5).toLongLong()};
}

QList<qint64> LibraryStore::linkedRuns(const QString &videoId)
{
    QList<qint64> runs;
    QSqlQuery q(m_database->connection());
    q.prepare(QStringLiteral("SELECT r.run_id FROM runs r JOIN jobs j ON j.id = r.job_id "
                             "WHERE j.spec_hash = ? ORDER BY r.run_id"));
    q.addBindValue(QString(QStringLiteral("library:") + videoId));
    if (!q.exec()) {
        fail(tr("Cannot read the runs linked to library video %1: %2").arg(videoId),
             q.lastError().text());
        return runs;
    }
    while (q.next())
        runs << q.value(0).toLongLong();
    return runs;
}
