#include "libraryquery.h"

#include "database.h"

#include <QDir>
#include <QDirIterator>
#include <QFileInfo>
#include <QHash>
#include <QSet>
#include <QSqlError>
#include <QSqlQuery>

namespace {

// The columns the list shows; the rest of a job is read when it is acted on.
const char kColumns[]
        = "id, run_id, drill_text, spec_hash, provider, model, size, seconds, status, progress, "
          "error_message, estimated_cost, actual_cost, created_at, completed_at, "
          "last_accessed_at, file_path, bytes, thumbnail_path, remote_id";

JobRecord readRow(const QSqlQuery &q)
{
    JobRecord job;
    int i = 0;
    job.id = q.value(i++).toString();
    job.runId = q.value(i++).toLongLong();
    job.drillText = q.value(i++).toString();
    job.specHash = q.value(i++).toString();
    job.provider = q.value(i++).toString();
    job.model = q.value(i++).toString();
    job.size = q.value(i++).toString();
    job.seconds = q.value(i++).toInt();
    job.status = jobStatusFromString(q.value(i++).toString());
    job.progress = q.value(i++).toInt();
    job.errorMessage = q.value(i++).toString();
    job.estimatedCost = q.value(i++).toDouble();
    job.actualCost = q.value(i++).toDouble();
    job.createdAt = q.value(i++).toLongLong();
    job.completedAt = q.value(i++).toLongLong();
    job.lastAccessedAt = q.value(i++).toLongLong();
    job.filePath = q.value(i++).toString();
    job.bytes = q.value(i++).toLongLong();
    job.thumbnailPath = q.value(i++).toString();
    job.remoteId = q.value(i++).toString();
    return job;
}

QString sortExpression(LibraryFilter::Sort sort)
{
    switch (sort) {
    case LibraryFilter::Sort::Drill:
        return QStringLiteral("drill_text");
    case LibraryFilter::Sort::RunId:
        return QStringLiteral("run_id");
    case LibraryFilter::Sort::Status:
        return QStringLiteral("status");
    case LibraryFilter::Sort::Size:
        return QStringLiteral("COALESCE(bytes, 0)");
    case LibraryFilter::Sort::Cost:
        return QStringLiteral("COALESCE(actual_cost, 0)");
    case LibraryFilter::Sort::Length:
        return QStringLiteral("seconds");
    case LibraryFilter::Sort::Created:
        break;
    }
    return QStringLiteral("created_at");
}

QVariant sortValue(const JobRecord &job, LibraryFilter::Sort sort)
{
    switch (sort) {
    case LibraryFilter::Sort::Drill:
        return job.drillText;
    case LibraryFilter::Sort::RunId:
        return job.runId;
    case LibraryFilter::Sort::Status:
        return jobStatusToString(job.status);
    case LibraryFilter::Sort::Size:
        return job.bytes;
    case LibraryFilter::Sort::Cost:
        return job.actualCost;
    case LibraryFilter::Sort::Length:
        return job.seconds;
    case LibraryFilter::Sort::Created:
        break;
    }
    return job.createdAt;
}

const QString kHidden = QStringLiteral("('failed', 'cancelled', 'expired')");
const QString kUnderWay
        = QStringLiteral("('queued', 'creating', 'submitted', 'running', 'downloading')");

// The WHERE clause of a filter with its bound values in order.
QString whereClause(const LibraryFilter &filter, QVariantList *values)
{
    QStringList terms;
    switch (filter.status) {
    case LibraryFilter::Status::Any:
        if (!filter.includeFailed)
            terms << QStringLiteral("status NOT IN ") + kHidden;
        break;
    case LibraryFilter::Status::Ready:
        terms << QStringLiteral("status = 'completed'");
        break;
    case LibraryFilter::Status::UnderWay:
        terms << QStringLiteral("status IN ") + kUnderWay;
        break;
    case LibraryFilter::Status::Failed:
        terms << QStringLiteral("status IN ") + kHidden;
        break;
    }
    if (!filter.provider.isEmpty()) {
        terms << QStringLiteral("provider = ?");
        *values << filter.provider;
    }
    if (filter.fromMs > 0) {
        terms << QStringLiteral("created_at >= ?");
        *values << filter.fromMs;
    }
    if (filter.toMs > 0) {
        terms << QStringLiteral("created_at < ?");
        *values << filter.toMs;
    }
    const QString search = filter.search.trimmed();
    if (!search.isEmpty()) {
        QString pattern = search.toLower();
        pattern.replace(QLatin1Char('!'), QLatin1String("!!"))
                .replace(QLatin1Char('%'), QLatin1String("!%"))
                .replace(QLatin1Char('_'), QLatin1String("!_"));
        pattern = QLatin1Char('%') + pattern + QLatin1Char('%');
        bool number = false;
        const qint64 runId = search.toLongLong(&number);
        if (number) {
            terms << QStringLiteral("(run_id = ? OR id IN (SELECT job_id FROM runs WHERE run_id = "
                                    "?) OR LOWER(drill_text) LIKE ? ESCAPE '!')");
            *values << runId << runId << pattern;
        } else {
            terms << QStringLiteral("LOWER(drill_text) LIKE ? ESCAPE '!'");
            *values << pattern;
        }
    }
    return terms.isEmpty() ? QString()
                           : QStringLiteral(" WHERE ") + terms.join(QStringLiteral(" AND "));
}

} // namespace

LibraryQuery::LibraryQuery(Database *database)
    : m_database(database)
{ }

bool LibraryQuery::fail(const QString &message, const QString &detail)
{
    m_error = message.arg(detail);
    return false;
}

QList<LibraryEntry> LibraryQuery::page(const LibraryFilter &filter, const JobRecord *after,
                                       int limit)
{
    return read(filter, after, false, limit);
}

QList<LibraryEntry> LibraryQuery::upTo(const LibraryFilter &filter, const JobRecord *last)
{
    return read(filter, last, true, -1);
}

QList<LibraryEntry> LibraryQuery::read(const LibraryFilter &filter, const JobRecord *bound,
                                       bool upTo, int limit)
{
    QList<LibraryEntry> entries;
    QVariantList values;
    QString where = whereClause(filter, &values);
    const QString key = sortExpression(filter.sort);
    const QString direction = filter.ascending ? QStringLiteral("ASC") : QStringLiteral("DESC");
    if (bound) {
        // Rows after the bound in the list's order (keyset), or up to and including it.
        const bool greater = filter.ascending != upTo;
        const QString op = greater ? QStringLiteral(">") : QStringLiteral("<");
        const QString idOp = upTo ? (greater ? QStringLiteral(">=") : QStringLiteral("<=")) : op;
        // Written so that the index on the sort key bounds the scan (key <= v AND ...).
        where += (where.isEmpty() ? QStringLiteral(" WHERE ") : QStringLiteral(" AND "))
                + QStringLiteral("%1 %2= ? AND (%1 %2 ? OR id %3 ?)").arg(key, op, idOp);
        const QVariant value = sortValue(*bound, filter.sort);
        values << value << value << bound->id;
    }
    QString sql = QStringLiteral("SELECT ") + QLatin1String(kColumns) + QStringLiteral(" FROM jobs")
            + where + QStringLiteral(" ORDER BY %1 %2, id %2").arg(key, direction);
    if (limit >= 0)
        sql += QStringLiteral(" LIMIT %1").arg(limit);
    QSqlQuery q(m_database->connection());
    q.setForwardOnly(true);
    q.prepare(sql);
    for (const QVariant &value : std::as_const(values))
        q.addBindValue(value);
    if (!q.exec()) {
        fail(tr("The library database could not list videos: %1"), q.lastError().text());
        return entries;
    }
    while (q.next())
        entries.append({readRow(q), 0, {}});

    // The runs of these rows, in chunks that stay under every backend's limit of bound values.
    QHash<QString, qsizetype> rowOf;
    rowOf.reserve(entries.size());
    for (qsizetype row = 0; row < entries.size(); ++row)
        rowOf.insert(entries.at(row).job.id, row);
    constexpr qsizetype kChunk = 500;
    for (qsizetype start = 0; start < entries.size(); start += kChunk) {
        const qsizetype count = qMin(kChunk, entries.size() - start);
        QSqlQuery runs(m_database->connection());
        runs.setForwardOnly(true);
        runs.prepare(QStringLiteral("SELECT job_id, run_id FROM runs WHERE job_id IN (")
                     + QStringList(count, QStringLiteral("?")).join(QLatin1Char(','))
                     + QStringLiteral(") ORDER BY job_id, run_id"));
        for (qsizetype i = start; i < start + count; ++i)
            runs.addBindValue(entries.at(i).job.id);
        if (!runs.exec()) {
            fail(tr("The library database could not list videos: %1"), runs.lastError().text());
            continue;
        }
        while (runs.next()) {
            const qsizetype row = rowOf.value(runs.value(0).toString(), -1);
            if (row < 0)
                continue;
            LibraryEntry &entry = entries[row];
            ++entry.runCount;
            if (entry.runIds.size() < 20)
                entry.runIds << runs.value(1).toLongLong();
        }
    }
    return entries;
}

LibrarySummary LibraryQuery::summary(const LibraryFilter &filter)
{
    LibrarySummary summary;
    QVariantList values;
    QSqlQuery q(m_database->connection());
    q.prepare(QStringLiteral("SELECT COUNT(*), COALESCE(SUM(bytes), 0) FROM jobs")
              + whereClause(filter, &values));
    for (const QVariant &value : std::as_const(values))
        q.addBindValue(value);
    if (!q.exec() || !q.next()) {
        fail(tr("The library database could not count videos: %1"), q.lastError().text());
        return summary;
    }
    summary.count = q.value(0).toLongLong();
    summary.bytes = q.value(1).toLongLong();
    if (q.exec(QStringLiteral("SELECT DISTINCT provider FROM jobs ORDER BY provider"))) {
        while (q.next())
            summary.providers << q.value(0).toString();
    }
    summary.ok = true;
    return summary;
}

QList<qint64> LibraryQuery::runsOf(const QString &jobId)
{
    QList<qint64> runs;
    QSqlQuery q(m_database->connection());
    q.prepare(QStringLiteral("SELECT run_id FROM runs WHERE job_id = ? ORDER BY run_id"));
    q.addBindValue(jobId);
    if (!q.exec()) {
        fail(tr("The library database could not list the runs of a video: %1"),
             q.lastError().text());
        return runs;
    }
    while (q.next())
        runs << q.value(0).toLongLong();
    return runs;
}

LibraryIntegrity LibraryQuery::checkIntegrity(const QString &videoDirectory)
{
    LibraryIntegrity result;
    result.databaseHealthy = m_database->checkIntegrity(&result.databaseReport);
    QSqlQuery q(m_database->connection());
    q.setForwardOnly(true);
    if (!q.exec(QStringLiteral("SELECT ") + QLatin1String(kColumns)
                + QStringLiteral(" FROM jobs WHERE status = 'completed' OR file_path IS NOT NULL "
                                 "OR thumbnail_path IS NOT NULL"))) {
        fail(tr("The library database could not list videos: %1"), q.lastError().text());
        return result;
    }
    const QDir folder(videoDirectory);
    QSet<QString> known;
    while (q.next()) {
        const JobRecord job = readRow(q);
        if (!job.filePath.isEmpty())
            known.insert(QDir::cleanPath(job.filePath));
        if (!job.thumbnailPath.isEmpty())
            known.insert(QDir::cleanPath(job.thumbnailPath));
        if (job.status != JobStatus::Completed)
            continue;
        ++result.videos;
        if (job.filePath.isEmpty())
            result.withoutFiles << job;
        else if (!QFileInfo::exists(folder.filePath(job.filePath)))
            result.missingFiles << job;
    }
    // Files being written (".incoming-…") and hidden files belong to work under way.
    QDirIterator it(videoDirectory, QDir::Files | QDir::NoDotAndDotDot,
                    QDirIterator::Subdirectories);
    while (it.hasNext()) {
        it.next();
        const QFileInfo info = it.fileInfo();
        if (info.fileName().startsWith(QLatin1Char('.')))
            continue;
        const QString relative = QDir::cleanPath(folder.relativeFilePath(info.filePath()));
        if (known.contains(relative))
            continue;
        result.strayFiles << relative;
        result.strayBytes += info.size();
    }
    result.strayFiles.sort();
    result.ok = true;
    return result;
}
