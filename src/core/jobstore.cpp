#include "jobstore.h"

#include "corelog.h"
#include "crashpoint.h"
#include "database.h"
#include "sqltransaction.h"

#include <QHash>
#include <QSqlError>
#include <QSqlQuery>
#include <QSqlRecord>

namespace {

const char kJobColumns[]
        = "id, run_id, drill_text, spec_hash, provider, model, size, seconds, prompt, status, "
          "progress, remote_id, request_id, error_code, error_message, estimated_cost, "
          "actual_cost, "
          "created_at, started_at, completed_at, expires_at, last_accessed_at, file_path, bytes, "
          "sha256, duration_ms, priority, claimed_by, claimed_until, thumbnail_path";

QVariant nullable(const QString &text)
{
    return text.isEmpty() ? QVariant(QMetaType::fromType<QString>()) : QVariant(text);
}

QVariant nullable(qint64 value)
{
    return value == 0 ? QVariant(QMetaType::fromType<qint64>()) : QVariant(value);
}

JobRecord readJob(const QSqlQuery &q, int first = 0)
{
    JobRecord job;
    int i = first;
    job.id = q.value(i++).toString();
    job.runId = q.value(i++).toLongLong();
    job.drillText = q.value(i++).toString();
    job.specHash = q.value(i++).toString();
    job.provider = q.value(i++).toString();
    job.model = q.value(i++).toString();
    job.size = q.value(i++).toString();
    job.seconds = q.value(i++).toInt();
    job.prompt = q.value(i++).toString();
    job.status = jobStatusFromString(q.value(i++).toString());
    job.progress = q.value(i++).toInt();
    job.remoteId = q.value(i++).toString();
    job.requestId = q.value(i++).toString();
    job.errorCode = q.value(i++).toString();
    job.errorMessage = q.value(i++).toString();
    job.estimatedCost = q.value(i++).toDouble();
    job.actualCost = q.value(i++).toDouble();
    job.createdAt = q.value(i++).toLongLong();
    job.startedAt = q.value(i++).toLongLong();
    job.completedAt = q.value(i++).toLongLong();
    job.expiresAt = q.value(i++).toLongLong();
    job.lastAccessedAt = q.value(i++).toLongLong();
    job.filePath = q.value(i++).toString();
    job.bytes = q.value(i++).toLongLong();
    job.sha256 = q.value(i++).toString();
    job.durationMs = q.value(i++).toLongLong();
    job.priority = q.value(i++).toInt();
    job.claimedBy = q.value(i++).toString();
    job.claimedUntil = q.value(i++).toLongLong();
    job.thumbnailPath = q.value(i++).toString();
    return job;
}

void bindJob(QSqlQuery &q, const JobRecord &job)
{
    q.addBindValue(job.runId);
    q.addBindValue(job.drillText);
    q.addBindValue(job.specHash);
    q.addBindValue(job.provider);
    q.addBindValue(job.model);
    q.addBindValue(job.size);
    q.addBindValue(job.seconds);
    q.addBindValue(job.prompt);
    q.addBindValue(jobStatusToString(job.status));
    q.addBindValue(job.progress);
    q.addBindValue(nullable(job.remoteId));
    q.addBindValue(nullable(job.requestId));
    q.addBindValue(nullable(job.errorCode));
    q.addBindValue(nullable(job.errorMessage));
    q.addBindValue(job.estimatedCost);
    q.addBindValue(job.actualCost);
    q.addBindValue(job.createdAt);
    q.addBindValue(nullable(job.startedAt));
    q.addBindValue(nullable(job.completedAt));
    q.addBindValue(nullable(job.expiresAt));
    q.addBindValue(nullable(job.lastAccessedAt));
    q.addBindValue(nullable(job.filePath));
    q.addBindValue(nullable(job.bytes));
    q.addBindValue(nullable(job.sha256));
    q.addBindValue(nullable(job.durationMs));
    q.addBindValue(job.priority);
    q.addBindValue(nullable(job.claimedBy));
    q.addBindValue(nullable(job.claimedUntil));
    q.addBindValue(nullable(job.thumbnailPath));
}

QString select(const char *tail)
{
    return QStringLiteral("SELECT ") + QLatin1String(kJobColumns) + QStringLiteral(" FROM jobs ")
            + QLatin1String(tail);
}

} // namespace

JobStore::JobStore(Database *database)
    : m_database(database)
{ }

JobStore::~JobStore() = default;

void JobStore::announceChange(QSqlDatabase &db)
{
    // Delivered to every listener when the write commits (at once outside a transaction); SQLite
    // readers see PRAGMA data_version move instead.
    if (m_database->backend() != Database::Backend::PostgreSQL)
        return;
    QSqlQuery q(db);
    if (!q.exec(QStringLiteral("NOTIFY ") + QLatin1String(ChangeChannel)))
        qCWarning(lcStore) << "cannot announce a change:" << q.lastError().text();
}

bool JobStore::fail(const QString &message, const QString &detail)
{
    m_error = message.arg(detail);
    qCWarning(lcStore).noquote() << m_error;
    return false;
}

bool JobStore::insertJob(const JobRecord &job, bool *duplicate)
{
    QSqlDatabase db = m_database->connection();
    if (!insertRow(db, job, duplicate))
        return false;
    announceChange(db);
    return true;
}

bool JobStore::insertRow(QSqlDatabase &db, const JobRecord &job, bool *duplicate)
{
    if (duplicate)
        *duplicate = false;
    QSqlQuery q(db);
    q.prepare(QStringLiteral("INSERT INTO jobs (") + QLatin1String(kJobColumns)
              + QStringLiteral(") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, "
                               "?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"));
    q.addBindValue(job.id);
    bindJob(q, job);
    if (!q.exec()) {
        // Another process recorded the same drill a moment ago (unique active spec).
        const QString native = q.lastError().nativeErrorCode();
        if (duplicate
            && (native == QLatin1String("2067") || native == QLatin1String("23505")
                || q.lastError().text().contains(QLatin1String("UNIQUE")))) {
            *duplicate = true;
            m_error.clear();
            return false;
        }
        return fail(tr("The library database could not record a new video: %1"),
                    q.lastError().text());
    }
    return true;
}

bool JobStore::lockBudget(QSqlDatabase &db)
{
    // Only one process at a time reads the spending and records a paid job. Trying without
    // waiting first lets the log say why a submission pauses.
    QSqlQuery q(db);
    if (m_database->backend() == Database::Backend::PostgreSQL) {
        constexpr qint64 kBudgetLock = 0x4452494c4c425544; // "DRILLBUD"
        q.prepare(QStringLiteral("SELECT pg_try_advisory_xact_lock(?)"));
        q.addBindValue(kBudgetLock);
        if (!q.exec() || !q.next())
            return false;
        if (q.value(0).toBool())
            return true;
        qCInfo(lcStore) << "waiting for another process to finish recording a paid job";
        q.prepare(QStringLiteral("SELECT pg_advisory_xact_lock(?)"));
        q.addBindValue(kBudgetLock);
        return q.exec();
    }
    // SQLite: the write lock itself (BEGIN IMMEDIATE) serialises; the caller holds it already.
    return true;
}

bool JobStore::insertJobWithinBudget(const JobRecord &job, const BudgetCaps &caps,
                                     BudgetRefusal *refusal, bool *duplicate)
{
    *refusal = BudgetRefusal();
    if (duplicate)
        *duplicate = false;
    if (!caps.any())
        return insertJob(job, duplicate);
    QSqlDatabase db = m_database->connection();
    std::optional<SqlTransaction> transaction;
    if (m_database->backend() == Database::Backend::SQLite) {
        QSqlQuery pragma(db);
        pragma.exec(QStringLiteral("PRAGMA busy_timeout = 0"));
        transaction.emplace(db);
        pragma.exec(QStringLiteral("PRAGMA busy_timeout = 10000"));
        if (!transaction->isActive()) {
            transaction.reset();
            qCInfo(lcStore) << "waiting for another process to finish recording a paid job";
            transaction.emplace(db);
        }
    } else {
        transaction.emplace(db);
    }
    if (!transaction->isActive() || !lockBudget(db)) {
        refusal->reason = BudgetRefusal::Reason::Unreadable;
        return fail(tr("The library database could not check the budget: %1"),
                    db.lastError().text());
    }
    const struct
    {
        double cap;
        qint64 from;
        BudgetRefusal::Reason reason;
    } checks[] = {{caps.daily, caps.dayStartMs, BudgetRefusal::Reason::Daily},
                  {caps.monthly, caps.monthStartMs, BudgetRefusal::Reason::Monthly}};
    for (const auto &check : checks) {
        if (check.cap <= 0)
            continue;
        const auto spent = spentSince(db, check.from);
        if (!spent) {
            refusal->reason = BudgetRefusal::Reason::Unreadable;
            return false;
        }
        if (*spent + job.estimatedCost > check.cap + 1e-9) {
            refusal->reason = check.reason;
            refusal->spent = *spent;
            refusal->cap = check.cap;
            m_error.clear();
            return false;
        }
    }
    CrashPoint::hit("budget-checked");
    if (!insertRow(db, job, duplicate))
        return false;
    if (!transaction->commit())
        return fail(tr("The library database could not record a new video: %1"),
                    db.lastError().text());
    announceChange(db);
    return true;
}

bool JobStore::updateJob(const JobRecord &job)
{
    QSqlQuery q(m_database->connection());
    q.prepare(QStringLiteral(
            "UPDATE jobs SET run_id = ?, drill_text = ?, spec_hash = ?, provider = ?, model = ?, "
            "size = ?, seconds = ?, prompt = ?, status = ?, progress = ?, remote_id = ?, "
            "request_id = ?, error_code = ?, error_message = ?, estimated_cost = ?, "
            "actual_cost = ?, created_at = ?, started_at = ?, completed_at = ?, expires_at = ?, "
            "last_accessed_at = ?, file_path = ?, bytes = ?, sha256 = ?, duration_ms = ?, "
            "priority = ?, claimed_by = ?, claimed_until = ?, thumbnail_path = ? WHERE id = ?"));
    bindJob(q, job);
    q.addBindValue(job.id);
    if (!q.exec())
        return fail(tr("The library database could not update a video: %1"), q.lastError().text());
    QSqlDatabase db = m_database->connection();
    announceChange(db);
    return true;
}

std::optional<JobRecord> JobStore::job(const QString &id)
{
    QSqlQuery q(m_database->connection());
    q.prepare(select("WHERE id = ?"));
    q.addBindValue(id);
    if (!q.exec()) {
        fail(tr("The library database could not read a video: %1"), q.lastError().text());
        return std::nullopt;
    }
    if (!q.next())
        return std::nullopt;
    return readJob(q);
}

std::optional<JobRecord> JobStore::findCompleted(const QString &specHash)
{
    QSqlQuery q(m_database->connection());
    q.prepare(select("WHERE spec_hash = ? AND status = 'completed' AND file_path IS NOT NULL "
                     "ORDER BY completed_at DESC LIMIT 1"));
    q.addBindValue(specHash);
    if (!q.exec()) {
        fail(tr("The library database could not look up a video: %1"), q.lastError().text());
        return std::nullopt;
    }
    if (!q.next())
        return std::nullopt;
    return readJob(q);
}

std::optional<JobRecord> JobStore::findResumable(const QString &specHash)
{
    QSqlQuery q(m_database->connection());
    q.prepare(select("WHERE spec_hash = ? AND remote_id IS NOT NULL AND status IN ('failed', "
                     "'cancelled') AND error_code IN ('timeout', 'job_timeout', "
                     "'network_error', 'server_error', 'rate_limited', 'file_error', "
                     "'invalid_response', 'cancelled') ORDER BY created_at DESC LIMIT 1"));
    q.addBindValue(specHash);
    if (!q.exec()) {
        fail(tr("The library database could not look up a video: %1"), q.lastError().text());
        return std::nullopt;
    }
    if (!q.next())
        return std::nullopt;
    return readJob(q);
}

std::optional<JobRecord> JobStore::findActive(const QString &specHash)
{
    QSqlQuery q(m_database->connection());
    q.prepare(select("WHERE spec_hash = ? AND status IN ('queued', 'creating', 'submitted', "
                     "'running', 'downloading') ORDER BY created_at DESC LIMIT 1"));
    q.addBindValue(specHash);
    if (!q.exec()) {
        fail(tr("The library database could not look up a video: %1"), q.lastError().text());
        return std::nullopt;
    }
    if (!q.next())
        return std::nullopt;
    return readJob(q);
}

bool JobStore::linkRun(qint64 runId, const QString &jobId, const QString &drillText, qint64 nowMs,
                       QString *previousJobId)
{
    QSqlDatabase db = m_database->connection();
    SqlTransaction transaction(db);
    QSqlQuery q(db);
    q.prepare(QStringLiteral("SELECT job_id FROM runs WHERE run_id = ?"));
    q.addBindValue(runId);
    if (!q.exec())
        return fail(tr("The library database could not link the run to its video: %1"),
                    q.lastError().text());
    const QString previous = q.next() ? q.value(0).toString() : QString();
    if (previousJobId)
        *previousJobId = previous;
    q.prepare(QStringLiteral(
            "INSERT INTO runs (run_id, job_id, drill_text, linked_at) VALUES (?, ?, ?, ?) "
            "ON CONFLICT (run_id) DO UPDATE SET job_id = excluded.job_id, "
            "drill_text = excluded.drill_text, linked_at = excluded.linked_at"));
    q.addBindValue(runId);
    q.addBindValue(jobId);
    q.addBindValue(drillText);
    q.addBindValue(nowMs);
    if (!q.exec())
        return fail(tr("The library database could not link the run to its video: %1"),
                    q.lastError().text());
    if (!transaction.commit())
        return fail(tr("The library database could not link the run to its video: %1"),
                    db.lastError().text());
    announceChange(db);
    return true;
}

std::optional<JobRecord> JobStore::jobForRun(qint64 runId)
{
    // The status lookup is the hottest query: keep it prepared (one round trip on PostgreSQL).
    QSqlDatabase db = m_database->connection();
    if (!m_jobForRun || m_jobForRunConnection != db.connectionName()) {
        m_jobForRun = std::make_unique<QSqlQuery>(db);
        m_jobForRunConnection = db.connectionName();
        if (!m_jobForRun->prepare(
                    select("WHERE id = (SELECT job_id FROM runs WHERE run_id = ?)"))) {
            fail(tr("The library database could not look up a run: %1"),
                 m_jobForRun->lastError().text());
            m_jobForRun.reset();
            return std::nullopt;
        }
    }
    QSqlQuery &q = *m_jobForRun;
    q.addBindValue(runId);
    if (!q.exec()) {
        fail(tr("The library database could not look up a run: %1"), q.lastError().text());
        m_jobForRun.reset();
        return std::nullopt;
    }
    std::optional<JobRecord> result;
    if (q.next())
        result = readJob(q);
    q.finish();
    return result;
}

QList<QPair<qint64, JobRecord>> JobStore::runJobs(bool *ok)
{
    QList<QPair<qint64, JobRecord>> result;
    QSqlQuery q(m_database->connection());
    q.setForwardOnly(true);
    if (!q.exec(QStringLiteral("SELECT runs.run_id, j.* FROM runs JOIN (") + select("")
                + QStringLiteral(") j ON j.id = runs.job_id"))) {
        fail(tr("The library database could not list the runs: %1"), q.lastError().text());
        *ok = false;
        return result;
    }
    while (q.next())
        result.append({q.value(0).toLongLong(), readJob(q, 1)});
    *ok = true;
    return result;
}

bool JobStore::touch(const QString &jobId, qint64 nowMs)
{
    QSqlQuery q(m_database->connection());
    q.prepare(QStringLiteral("UPDATE jobs SET last_accessed_at = ? WHERE id = ?"));
    q.addBindValue(nowMs);
    q.addBindValue(jobId);
    if (!q.exec())
        return fail(tr("The library database could not update a video: %1"), q.lastError().text());
    return true;
}

bool JobStore::unlinkRun(qint64 runId, QString *jobId)
{
    m_error.clear();
    QSqlDatabase db = m_database->connection();
    SqlTransaction transaction(db);
    QSqlQuery q(db);
    q.prepare(QStringLiteral("SELECT job_id FROM runs WHERE run_id = ?"));
    q.addBindValue(runId);
    if (!q.exec())
        return fail(tr("The library database could not remove the run: %1"), q.lastError().text());
    if (!q.next())
        return false;
    if (jobId)
        *jobId = q.value(0).toString();
    q.prepare(QStringLiteral("DELETE FROM runs WHERE run_id = ?"));
    q.addBindValue(runId);
    if (!q.exec())
        return fail(tr("The library database could not remove the run: %1"), q.lastError().text());
    if (!transaction.commit())
        return fail(tr("The library database could not remove the run: %1"), db.lastError().text());
    announceChange(db);
    return true;
}

int JobStore::linkCount(const QString &jobId)
{
    QSqlQuery q(m_database->connection());
    q.prepare(QStringLiteral("SELECT COUNT(*) FROM runs WHERE job_id = ?"));
    q.addBindValue(jobId);
    if (!q.exec() || !q.next())
        return -1;
    return q.value(0).toInt();
}

bool JobStore::deleteJob(const QString &jobId)
{
    QSqlDatabase db = m_database->connection();
    SqlTransaction transaction(db);
    QSqlQuery q(db);
    q.prepare(QStringLiteral("DELETE FROM runs WHERE job_id = ?"));
    q.addBindValue(jobId);
    if (!q.exec())
        return fail(tr("The library database could not delete a video: %1"), q.lastError().text());
    q.prepare(QStringLiteral("DELETE FROM jobs WHERE id = ?"));
    q.addBindValue(jobId);
    if (!q.exec())
        return fail(tr("The library database could not delete a video: %1"), q.lastError().text());
    if (!transaction.commit())
        return fail(tr("The library database could not delete a video: %1"), db.lastError().text());
    announceChange(db);
    return true;
}

QList<JobRecord> JobStore::orphanedJobs()
{
    QList<JobRecord> jobs;
    QSqlQuery q(m_database->connection());
    if (!q.exec(select("WHERE status IN ('completed', 'failed', 'cancelled', 'expired') AND "
                       "NOT EXISTS (SELECT 1 FROM runs WHERE runs.job_id = jobs.id)"))) {
        fail(tr("The library database could not list videos: %1"), q.lastError().text());
        return jobs;
    }
    while (q.next())
        jobs << readJob(q);
    return jobs;
}

QList<LibraryEntry> JobStore::library(int limit, int offset)
{
    QList<LibraryEntry> entries;
    QSqlQuery q(m_database->connection());
    q.prepare(select("ORDER BY created_at DESC, id LIMIT ? OFFSET ?"));
    q.addBindValue(limit);
    q.addBindValue(offset);
    if (!q.exec()) {
        fail(tr("The library database could not list videos: %1"), q.lastError().text());
        return entries;
    }
    while (q.next())
        entries.append({readJob(q), 0, {}});
    // The runs of the whole page in one query, in chunks that stay under every backend's limit
    // of bound values.
    QHash<QString, LibraryEntry *> byId;
    for (LibraryEntry &entry : entries)
        byId.insert(entry.job.id, &entry);
    constexpr qsizetype kChunk = 500;
    for (qsizetype start = 0; start < entries.size(); start += kChunk) {
        const qsizetype count = qMin(kChunk, entries.size() - start);
        QStringList marks(count, QStringLiteral("?"));
        QSqlQuery runs(m_database->connection());
        runs.prepare(QStringLiteral("SELECT job_id, run_id FROM runs WHERE job_id IN (")
                     + marks.join(QLatin1Char(',')) + QStringLiteral(") ORDER BY job_id, run_id"));
        for (qsizetype i = start; i < start + count; ++i)
            runs.addBindValue(entries.at(i).job.id);
        if (!runs.exec()) {
            fail(tr("The library database could not list videos: %1"), runs.lastError().text());
            continue;
        }
        while (runs.next()) {
            LibraryEntry *entry = byId.value(runs.value(0).toString());
            if (!entry)
                continue;
            ++entry->runCount;
            if (entry->runIds.size() < 20)
                entry->runIds << runs.value(1).toLongLong();
        }
    }
    return entries;
}

qint64 JobStore::videoCount()
{
    QSqlQuery q(m_database->connection());
    if (!q.exec(QStringLiteral("SELECT COUNT(*) FROM jobs WHERE status = 'completed'"))
        || !q.next())
        return 0;
    return q.value(0).toLongLong();
}

QHash<QString, qint64> JobStore::jobCountsByStatus()
{
    QHash<QString, qint64> counts;
    QSqlQuery q(m_database->connection());
    if (!q.exec(QStringLiteral("SELECT status, COUNT(*) FROM jobs GROUP BY status"))) {
        fail(tr("The library database could not count jobs: %1"), q.lastError().text());
        return counts;
    }
    while (q.next())
        counts.insert(q.value(0).toString(), q.value(1).toLongLong());
    return counts;
}

qint64 JobStore::totalBytes()
{
    QSqlQuery q(m_database->connection());
    if (!q.exec(QStringLiteral("SELECT COALESCE(SUM(bytes), 0) FROM jobs WHERE status = "
                               "'completed'"))
        || !q.next())
        return 0;
    return q.value(0).toLongLong();
}

QList<JobRecord> JobStore::unfinishedJobs()
{
    QList<JobRecord> jobs;
    QSqlQuery q(m_database->connection());
    if (!q.exec(select("WHERE status IN ('queued', 'creating', 'submitted', 'running', "
                       "'downloading') ORDER BY priority DESC, created_at"))) {
        fail(tr("The library database could not list videos: %1"), q.lastError().text());
        return jobs;
    }
    while (q.next())
        jobs << readJob(q);
    return jobs;
}

QList<JobRecord> JobStore::recentJobs(qint64 sinceMs, int limit)
{
    QList<JobRecord> jobs;
    QSqlQuery q(m_database->connection());
    q.prepare(select("WHERE status IN ('queued', 'creating', 'submitted', 'running', "
                     "'downloading') OR created_at >= ? OR completed_at >= ? ORDER BY created_at "
                     "DESC LIMIT ?"));
    q.addBindValue(sinceMs);
    q.addBindValue(sinceMs);
    q.addBindValue(limit);
    if (!q.exec()) {
        fail(tr("The library database could not list videos: %1"), q.lastError().text());
        return jobs;
    }
    while (q.next())
        jobs << readJob(q);
    return jobs;
}

bool JobStore::fileInUseByOther(const QString &filePath, const QString &exceptJobId)
{
    QSqlQuery q(m_database->connection());
    q.prepare(QStringLiteral("SELECT 1 FROM jobs WHERE file_path = ? AND id <> ? LIMIT 1"));
    q.addBindValue(filePath);
    q.addBindValue(exceptJobId);
    return q.exec() && q.next();
}

bool JobStore::claim(const QString &jobId, const QString &owner, qint64 untilMs,
                     const QString &expectedOwner)
{
    // A conditional update is the claim: of two processes, exactly one changes the row.
    QSqlQuery q(m_database->connection());
    if (expectedOwner.isEmpty()) {
        q.prepare(QStringLiteral("UPDATE jobs SET claimed_by = ?, claimed_until = ? "
                                 "WHERE id = ? AND claimed_by IS NULL"));
        q.addBindValue(owner);
        q.addBindValue(untilMs);
        q.addBindValue(jobId);
    } else {
        q.prepare(QStringLiteral("UPDATE jobs SET claimed_by = ?, claimed_until = ? "
                                 "WHERE id = ? AND claimed_by = ?"));
        q.addBindValue(owner);
        q.addBindValue(untilMs);
        q.addBindValue(jobId);
        q.addBindValue(expectedOwner);
    }
    if (!q.exec())
        return fail(tr("The library database could not claim a job: %1"), q.lastError().text());
    return q.numRowsAffected() == 1;
}

QList<JobRecord> JobStore::claimCandidates(const QStringList &providers, int limit, qint64 nowMs,
                                           const QString &host)
{
    QList<JobRecord> jobs;
    if (providers.isEmpty() || limit <= 0)
        return jobs;
    QStringList marks;
    for (qsizetype i = 0; i < providers.size(); ++i)
        marks << QStringLiteral("?");
    QString sql = select("WHERE status IN ('queued', 'creating', 'submitted', 'running', "
                         "'downloading') AND (claimed_by IS NULL OR claimed_until < ? OR "
                         "claimed_by LIKE ?) AND provider IN (")
            + marks.join(QLatin1Char(','))
            + QStringLiteral(") ORDER BY priority DESC, created_at, id LIMIT ?");
    if (m_database->backend() == Database::Backend::PostgreSQL)
        sql += QStringLiteral(" FOR UPDATE SKIP LOCKED");
    QSqlDatabase db = m_database->connection();
    SqlTransaction transaction(db);
    QSqlQuery q(db);
    if (m_database->backend() == Database::Backend::PostgreSQL) {
        // A poll that runs on the thread answering requests: while another session holds a lock
        // on the table, give up at once and look again at the next poll instead of waiting.
        q.exec(QStringLiteral("SET LOCAL lock_timeout = '2ms'"));
    }
    q.prepare(sql);
    q.addBindValue(nowMs);
    q.addBindValue(QString(host + QStringLiteral(":%")));
    for (const QString &provider : providers)
        q.addBindValue(provider);
    q.addBindValue(limit);
    if (!q.exec()) {
        fail(tr("The library database could not list waiting jobs: %1"), q.lastError().text());
        return jobs;
    }
    while (q.next())
        jobs << readJob(q);
    transaction.commit();
    return jobs;
}

bool JobStore::renewClaims(const QString &owner, qint64 untilMs)
{
    QSqlQuery q(m_database->connection());
    q.prepare(QStringLiteral("UPDATE jobs SET claimed_until = ? WHERE claimed_by = ? AND status "
                             "IN ('queued', 'creating', 'submitted', 'running', 'downloading')"));
    q.addBindValue(untilMs);
    q.addBindValue(owner);
    if (!q.exec())
        return fail(tr("The library database could not renew job claims: %1"),
                    q.lastError().text());
    return true;
}

bool JobStore::hasLiveClaim(const QString &host, qint64 pid, qint64 sinceMs)
{
    QSqlQuery q(m_database->connection());
    q.prepare(QStringLiteral("SELECT 1 FROM jobs WHERE claimed_by LIKE ? AND claimed_until >= ? "
                             "LIMIT 1"));
    q.addBindValue(QString(host + QLatin1Char(':') + QString::number(pid) + QStringLiteral(":%")));
    q.addBindValue(sinceMs);
    if (!q.exec())
        return true;
    return q.next();
}

bool JobStore::releaseClaims(const QString &owner)
{
    QSqlQuery q(m_database->connection());
    q.prepare(QStringLiteral("UPDATE jobs SET claimed_by = NULL, claimed_until = NULL WHERE "
                             "claimed_by = ?"));
    q.addBindValue(owner);
    if (!q.exec())
        return fail(tr("The library database could not release job claims: %1"),
                    q.lastError().text());
    return true;
}

bool JobStore::cancelQueued(const QString &jobId, const QString &message, qint64 nowMs)
{
    QSqlQuery q(m_database->connection());
    q.prepare(QStringLiteral("UPDATE jobs SET status = 'cancelled', error_code = 'cancelled', "
                             "error_message = ?, completed_at = ? WHERE id = ? AND status = "
                             "'queued' AND claimed_by IS NULL"));
    q.addBindValue(message);
    q.addBindValue(nowMs);
    q.addBindValue(jobId);
    if (!q.exec())
        return fail(tr("The library database could not cancel a job: %1"), q.lastError().text());
    if (q.numRowsAffected() != 1)
        return false;
    QSqlDatabase db = m_database->connection();
    announceChange(db);
    return true;
}

std::optional<double> JobStore::spentSince(qint64 fromMs)
{
    QSqlDatabase db = m_database->connection();
    return spentSince(db, fromMs);
}

std::optional<double> JobStore::spentSince(QSqlDatabase &db, qint64 fromMs)
{
    // Finished videos cost what they cost; jobs under way count with their estimate, so that a
    // burst of submissions cannot pass a budget; a remote job the service accepted counts even
    // when it failed or was cancelled here.
    QSqlQuery q(db);
    q.prepare(QStringLiteral(
            "SELECT COALESCE(SUM(CASE "
            "WHEN status = 'completed' THEN COALESCE(actual_cost, 0) "
            "WHEN status IN ('queued', 'creating', 'submitted', 'running', 'downloading') "
            "THEN estimated_cost "
            "WHEN remote_id IS NOT NULL THEN CASE WHEN actual_cost > 0 THEN actual_cost "
            "ELSE estimated_cost END "
            "ELSE 0 END), 0) FROM jobs WHERE created_at >= ?"));
    q.addBindValue(fromMs);
    if (!q.exec() || !q.next()) {
        fail(tr("The library database could not add up costs: %1"), q.lastError().text());
        return std::nullopt;
    }
    return q.value(0).toDouble();
}

double JobStore::costOf(const JobRecord &job)
{
    if (job.actualCost > 0)
        return job.actualCost;
    if (job.status != JobStatus::Completed && !job.remoteId.isEmpty())
        return job.estimatedCost;
    return 0;
}

QList<JobRecord> JobStore::paidJobs(qint64 fromMs)
{
    QList<JobRecord> jobs;
    QSqlQuery q(m_database->connection());
    q.prepare(select("WHERE completed_at >= ? AND ((status = 'completed' AND actual_cost > 0) OR "
                     "(remote_id IS NOT NULL AND status IN ('failed', 'cancelled', 'expired'))) "
                     "ORDER BY completed_at"));
    q.addBindValue(fromMs);
    if (!q.exec()) {
        fail(tr("The library database could not add up costs: %1"), q.lastError().text());
        return jobs;
    }
    while (q.next()) {
        const JobRecord job = readJob(q);
        if (costOf(job) > 0)
            jobs << job;
    }
    return jobs;
}

QList<JobRecord> JobStore::leastRecentlyUsed(int limit, int offset)
{
    QList<JobRecord> jobs;
    QSqlQuery q(m_database->connection());
    q.prepare(select("WHERE status = 'completed' ORDER BY COALESCE(last_accessed_at, "
                     "completed_at, created_at), created_at, id LIMIT ? OFFSET ?"));
    q.addBindValue(limit);
    q.addBindValue(offset);
    if (!q.exec()) {
        fail(tr("The library database could not list videos: %1"), q.lastError().text());
        return jobs;
    }
    while (q.next())
        jobs << readJob(q);
    return jobs;
}

QString JobStore::mostRecentlyUsedId()
{
    QSqlQuery q(m_database->connection());
    if (!q.exec(QStringLiteral("SELECT id FROM jobs WHERE status = 'completed' ORDER BY "
                               "COALESCE(last_accessed_at, completed_at, created_at) DESC, "
                               "created_at DESC, id DESC LIMIT 1"))
        || !q.next())
        return {};
    return q.value(0).toString();
}

QList<QPair<qint64, qint64>> JobStore::bytesPerRun()
{
    QList<QPair<qint64, qint64>> usage;
    QSqlQuery q(m_database->connection());
    if (!q.exec(QStringLiteral("SELECT r.run_id, COALESCE(j.bytes, 0) FROM runs r JOIN jobs j ON "
                               "j.id = r.job_id ORDER BY r.run_id"))) {
        fail(tr("The library database could not measure disk usage: %1"), q.lastError().text());
        return usage;
    }
    while (q.next())
        usage.append({q.value(0).toLongLong(), q.value(1).toLongLong()});
    return usage;
}
