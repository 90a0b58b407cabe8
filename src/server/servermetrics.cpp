#include "servermetrics.h"

#include "jobrecord.h"
#include "jobstore.h"

#include <QMap>

#include <algorithm>

void ServerMetrics::countRequest(const QString &route, const QByteArray &method, int status)
{
    ++m_requests[Key {route, method, status}];
}

void ServerMetrics::countRefusal(int status)
{
    ++m_refusals[status];
}

void ServerMetrics::countJob(bool succeeded)
{
    ++(succeeded ? m_jobsFinished : m_jobsFailed);
}

QByteArray ServerMetrics::render(JobStore *store) const
{
    QByteArray out;
    out += "# HELP drillstudio_http_requests_total HTTP requests answered, by route, method and "
           "status.\n"
           "# TYPE drillstudio_http_requests_total counter\n";
    QList<Key> keys = m_requests.keys();
    std::sort(keys.begin(), keys.end(), [](const Key &a, const Key &b) {
        return std::tie(a.route, a.method, a.status) < std::tie(b.route, b.method, b.status);
    });
    for (const Key &key : std::as_const(keys)) {
        out += "drillstudio_http_requests_total{route=\"" + key.route.toUtf8() + "\",method=\""
                + key.method + "\",status=\"" + QByteArray::number(key.status) + "\"} "
                + QByteArray::number(m_requests.value(key)) + '\n';
    }
    out += "# HELP drillstudio_http_refused_total Requests refused before routing (size limits), "
           "by status.\n"
           "# TYPE drillstudio_http_refused_total counter\n";
    QList<int> statuses = m_refusals.keys();
    std::sort(statuses.begin(), statuses.end());
    for (int status : std::as_const(statuses))
        out += "drillstudio_http_refused_total{status=\"" + QByteArray::number(status) + "\"} "
                + QByteArray::number(m_refusals.value(status)) + '\n';

    out += "# HELP drillstudio_jobs_finished_total Jobs that ended while this server ran, by "
           "outcome.\n"
           "# TYPE drillstudio_jobs_finished_total counter\n"
           "drillstudio_jobs_finished_total{outcome=\"completed\"} "
            + QByteArray::number(m_jobsFinished)
            + "\n"
              "drillstudio_jobs_finished_total{outcome=\"failed\"} "
            + QByteArray::number(m_jobsFailed) + '\n';

    // Every status with the number of jobs in it: "completed" counts finished videos only,
    // failed and cancelled jobs have their own lines.
    QMap<QString, qint64> counts;
    for (JobStatus status : {JobStatus::Queued, JobStatus::Creating, JobStatus::Submitted,
                             JobStatus::Running, JobStatus::Downloading, JobStatus::Completed,
                             JobStatus::Failed, JobStatus::Cancelled, JobStatus::Expired})
        counts.insert(jobStatusToString(status), 0);
    const QHash<QString, qint64> stored = store->jobCountsByStatus();
    for (auto it = stored.cbegin(); it != stored.cend(); ++it)
        counts[it.key()] = it.value();
    out += "# HELP drillstudio_jobs Jobs by status (completed: videos in the cache).\n"
           "# TYPE drillstudio_jobs gauge\n";
    for (auto it = counts.cbegin(); it != counts.cend(); ++it)
        out += "drillstudio_jobs{status=\"" + it.key().toUtf8() + "\"} "
                + QByteArray::number(it.value()) + '\n';
    out += "# HELP drillstudio_cache_bytes Bytes of the cached videos.\n"
           "# TYPE drillstudio_cache_bytes gauge\n"
           "drillstudio_cache_bytes "
            + QByteArray::number(store->totalBytes()) + '\n';
    return out;
}
