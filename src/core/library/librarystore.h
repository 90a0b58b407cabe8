#pragma once
// Reads and writes the drill library (demonstration videos, their drill tags, the synonyms that
// name drills, and why runs were answered from the library) through the Database.
#include <QCoreApplication>
#include <QList>
#include <QString>
#include <QStringList>

#include <optional>

class Database;

struct LibraryTag
{
    QString name; // as written: もも上げ, High knees
    QString language; // "ja" or "en"
};

struct LibraryVideo
{
    QString id;
    QString filePath; // relative to the video folder: library/<sha256>.mp4
    QString sha256;
    qint64 bytes = 0;
    qint64 durationMs = 0;
    QString size; // "1280x720"
    QString thumbnailPath; // relative to the video folder
    QString spritesheetPath;
    QString originalPath; // the file as imported, when kept; relative to the video folder
    QString sourceName; // the imported file's name
    QString notes;
    QStringList cues;
    QList<LibraryTag> tags; // the first is the main drill
    qint64 createdAt = 0;
    qint64 updatedAt = 0;

    bool isValid() const { return !id.isEmpty(); }
    QStringList tagNames() const;
};

struct DrillSynonym
{
    QString drill; // "high-knees", or an admin's own drill name
    QString term;
    QString language; // "ja" or "en"
    bool builtin = false;
};

struct LibraryMatchRecord
{
    qint64 runId = 0;
    QString videoId;
    QString jobId;
    double confidence = 0;
    QString explanation;
    qint64 matchedAt = 0;
};

class LibraryStore
{
    Q_DECLARE_TR_FUNCTIONS(LibraryStore)

public:
    explicit LibraryStore(Database *database);
    Q_DISABLE_COPY_MOVE(LibraryStore)

    QString errorString() const { return m_error; }

    // With its tags, in one transaction. False with *duplicate set when the same video (same
    // content) is already in the library.
    bool insertVideo(const LibraryVideo &video, bool *duplicate = nullptr);
    // Replaces tags, notes and cues.
    bool updateVideo(const LibraryVideo &video);
    bool removeVideo(const QString &id);
    std::optional<LibraryVideo> video(const QString &id);
    std::optional<LibraryVideo> videoBySha256(const QString &sha256);
    // Newest first, with tags.
    QList<LibraryVideo> videos(int limit = 100000, int offset = 0);
    qint64 videoCount();

    // Writes the built-in synonyms that are missing (safe to run from several processes).
    bool seedSynonyms(const QList<DrillSynonym> &builtin, qint64 nowMs);
    // False with an empty error when the pair is already there.
    bool addSynonym(const DrillSynonym &synonym, qint64 nowMs);
    QList<DrillSynonym> synonyms();

    // A fingerprint of the library and synonym tables: it changes whenever either does, so
    // that a matching index built from them can tell it is out of date.
    QString revision();

    bool recordMatch(const LibraryMatchRecord &match);
    std::optional<LibraryMatchRecord> matchForRun(qint64 runId);
    // The runs whose link points at the video (through its library job), lowest first.
    QList<qint64> linkedRuns(const QString &videoId);
    // matchForRun for every run at once.
    QList<LibraryMatchRecord> runMatches(bool *ok);

    // "ja" when the text has kana or kanji, else "en".
    static QString languageOf(const QString &text);

private:
    bool fail(const QString &message, const QString &detail);
    bool writeTags(const QString &videoId, const QList<LibraryTag> &tags);
    bool loadTags(QList<LibraryVideo> &videos);

    Database *m_database;
    QString m_error;
};
