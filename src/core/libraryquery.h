#pragma once
// Reads the library list a page at a time: filters, search and sorting done by the store query
// (keyset pagination, so that page 500 costs what page 1 does), a count that reads no rows, and
// the checks of the video folder against the store. Lives on the thread that uses it.
#include "jobstore.h"

#include <QCoreApplication>
#include <QList>
#include <QString>
#include <QStringList>

class Database;

struct LibraryFilter
{
    enum class Status { Any, Ready, UnderWay, Failed };
    enum class Sort { Drill, RunId, Status, Size, Cost, Length, Created };

    QString search; // a run ID (digits) or part of the drill text
    Status status = Status::Any;
    bool includeFailed = false; // with Any: failed, cancelled and expired jobs too
    QString provider; // empty: any
    qint64 fromMs = 0; // created at or after; 0: no bound
    qint64 toMs = 0; // created before; 0: no bound
    Sort sort = Sort::Created;
    bool ascending = false;

    bool operator==(const LibraryFilter &other) const = default;
};

struct LibrarySummary
{
    bool ok = false;
    qint64 count = 0; // rows the filter lets through
    qint64 bytes = 0; // their files
    QStringList providers; // every provider in the store
};

// What the video folder and the store disagree on.
struct LibraryIntegrity
{
    bool ok = false; // the check ran
    QStringList databaseReport; // Database::checkIntegrity's lines
    bool databaseHealthy = true;
    qint64 videos = 0; // finished videos checked
    QList<JobRecord> missingFiles; // finished videos whose file is not on disk
    QList<JobRecord> withoutFiles; // finished videos with no file recorded
    QStringList strayFiles; // files in the folder no video refers to (names)
    qint64 strayBytes = 0;

    bool healthy() const
    {
        return ok && databaseHealthy && missingFiles.isEmpty() && withoutFiles.isEmpty()
                && strayFiles.isEmpty();
    }
};

class LibraryQuery
{
    Q_DECLARE_TR_FUNCTIONS(LibraryQuery)

public:
    explicit LibraryQuery(Database *database);

    QString errorString() const { return m_error; }

    // Up to limit rows that sort after `after` (from the start when null).
    QList<LibraryEntry> page(const LibraryFilter &filter, const JobRecord *after, int limit);
    // Every row from the start up to and including `last` (all rows when null).
    QList<LibraryEntry> upTo(const LibraryFilter &filter, const JobRecord *last);
    LibrarySummary summary(const LibraryFilter &filter);
    // Every run that uses the video.
    QList<qint64> runsOf(const QString &jobId);
    LibraryIntegrity checkIntegrity(const QString &videoDirectory);

private:
    QList<LibraryEntry> read(const LibraryFilter &filter, const JobRecord *bound, bool upTo,
                             int limit);
    bool fail(const QString &message, const QString &detail);

    Database *m_database;
    QString m_error;
};
