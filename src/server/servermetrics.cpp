#include "servermetrics.h"

#include "jobrecord.h"

#include <QMap>

#include <algorithm>

void ServerMetrics::countRequest(const QString &route, const QByteArray &method, int status,
                                 qint64 latencyNs)
{
    ++m_requests[Key {route, method, status}];
    add(m_latency[route], latencyNs);
}

void ServerMetrics::countCachedStatus(qint64 latencyNs)
{
    add(m_cachedStatus, latencyNs);
}

void ServerMetrics::add(Histogram &histogram, qint64 latencyNs)
{
    const double seconds = double(latencyNs) / 1e9;
    const auto bucket = std::lower_bound(LatencyBuckets.cbegin(), LatencyBuckets.cend(), seconds);
    ++histogram.counts[size_t(bucket - LatencyBuckets.cbegin())];
    histogram.sumSeconds += seconds;
    ++histogram.count;
}

void ServerMetrics::countRefusal(int status)
{
    ++m_refusals[status];
}

void ServerMetrics::countJob(bool succeeded)
{
    ++(succeeded ? m_jobsFinished : m_jobsFailed);
}

QByteArray ServerMetrics::render(const RunStatusCache::Gauges &gauges, int openConnections) const
{
    QByteArray out;
    out += "# HELP drillstudio_http_requests_total HTTP requests answered, by route, method and "
           "status.\n"
           "# TYPE drillstudio_http_requests_total counter\n";
    // The short path's status answers, under their route's name.
    QHash<Key, quint64> requests = m_requests;
    QHash<QString, Histogram> latency = m_latency;
    if (m_cachedStatus.count > 0) {
        const QString route = QStringLiteral("/status/{run_id}");
        requests[Key {route, QByteArrayLiteral("GET"), 200}] += m_cachedStatus.count;
        Histogram &merged = latency[route];
        for (size_t i = 0; i < merged.counts.size(); ++i)
            merged.counts[i] += m_cachedStatus.counts[i];
        merged.sumSeconds += m_cachedStatus.sumSeconds;
        merged.count += m_cachedStatus.count;
    }
    QList<Key> keys = requests.keys();
    std::sort(keys.begin(), keys.end(), [](const Key &a, const Key &b) {
        return std::tie(a.route, a.method, a.status) < std::tie(b.route, b.method, b.status);
    });
    for (const Key &key : std::as_const(keys)) {
        out += "drillstudio_http_requests_total{route=\"" + key.route.toUtf8() + "\",method=\""
                + key.method + "\",status=\"" + QByteArray::number(key.status) + "\"} "
                + QByteArray::number(requests.value(key)) + '\n';
    }

    out += "# HELP drillstudio_http_request_duration_seconds Time from a parsed request to its "
           "answer handed to the connection, by route.\n"
           "# TYPE drillstudio_http_request_duration_seconds histogram\n";
    QStringList routes = latency.keys();
    std::sort(routes.begin(), routes.end());
    for (const QString &route : std::as_const(routes)) {
        const Histogram &histogram = latency[route];
        const QByteArray label = "route=\"" + route.toUtf8() + '"';
        quint64 cumulative = 0;
        for (size_t i = 0; i <= LatencyBuckets.size(); ++i) {
            cumulative += histogram.counts[i];
            const QByteArray le = i < LatencyBuckets.size()
                    ? QByteArray::number(LatencyBuckets[i], 'g', 6)
                    : QByteArrayLiteral("+Inf");
            out += "drillstudio_http_request_duration_seconds_bucket{" + label + ",le=\"" + le
                    + "\"} " + QByteArray::number(cumulative) + '\n';
        }
        out += "drillstudio_http_request_duration_seconds_sum{" + label + "} "
                + QByteArray::number(histogram.sumSeconds, 'g', 9) + '\n';
        out += "drillstudio_http_request_duration_seconds_count{" + label + "} "
                + QByteArray::number(histogram.count) + '\n';
    }

    out += "# HELP drillstudio_http_refused_total Requests refused before routing (size limits, "
           "timeouts, connection cap), by status.\n"
           "# TYPE drillstudio_http_refused_total counter\n";
    QList<int> statuses = m_refusals.keys();
    std::sort(statuses.begin(), statuses.end());
    for (int status : std::as_const(statuses))
        out += "drillstudio_http_refused_total{status=\"" + QByteArray::number(status) + "\"} "
                + QByteArray::number(m_refusals.value(status)) + '\n';
    out += "# HELP drillstudio_http_idle_closed_total Kept-alive connections closed for being "
           "idle.\n"
           "# TYPE drillstudio_http_idle_closed_total counter\n"
           "drillstudio_http_idle_closed_total "
            + QByteArray::number(m_idleClosed) + '\n';
    out += "# HELP drillstudio_http_open_connections Connections open now.\n"
           "# TYPE drillstudio_http_open_connections gauge\n"
           "drillstudio_http_open_connections "
            + QByteArray::number(openConnections) + '\n';

    out += "# HELP drillstudio_jobs_finished_total Jobs that ended while this server ran, by "
           "outcome.\n"
           "# TYPE drillstudio_jobs_finished_total counter\n"
           "drillstudio_jobs_finished_total{outcome=\"completed\"} "
            + QByteArray::number(m_jobsFinished)
            + "\n"
              "drillstudio_jobs_finished_total{outcome=\"failed\"} "
            + QByteArray::number(m_jobsFailed) + '\n';

    if (!gauges.known)
        return out; // the store has not been read yet: no totals rather than wrong ones
    // Every status with the number of jobs in it: "completed" counts finished videos only,
    // failed and cancelled jobs have their own lines.
    QMap<QString, qint64> counts;
    for (JobStatus status : {JobStatus::Queued, JobStatus::Creating, JobStatus::Submitted,
                             JobStatus::Running, JobStatus::Downloading, JobStatus::Completed,
                             JobStatus::Failed, JobStatus::Cancelled, JobStatus::Expired})
        counts.insert(jobStatusToString(status), 0);
    for (auto it = gauges.jobsByStatus.cbegin(); it != gauges.jobsByStatus.cend(); ++it)
        counts[it.key()] = it.value();
    out += "# HELP drillstudio_jobs Jobs by status (completed: videos in the cache), as of the "
           "store's last change.\n"
           "# TYPE drillstudio_jobs gauge\n";
    for (auto it = counts.cbegin(); it != counts.cend(); ++it)
        out += "drillstudio_jobs{status=\"" + it.key().toUtf8() + "\"} "
                + QByteArray::number(it.value()) + '\n';
    out += "# HELP drillstudio_cache_bytes Bytes of the cached videos.\n"
           "# TYPE drillstudio_cache_bytes gauge\n"
           "drillstudio_cache_bytes "
            + QByteArray::number(gauges.cacheBytes) + '\n';
    if (gauges.spentToday) {
        out += "# HELP drillstudio_spent_today_usd Money spent or committed on generation since "
               "local midnight, in US dollars.\n"
               "# TYPE drillstudio_spent_today_usd gauge\n"
               "drillstudio_spent_today_usd "
                + QByteArray::number(*gauges.spentToday, 'f', 4) + '\n';
    }
    out += "# HELP drillstudio_store_read_timestamp_seconds When the totals above were read.\n"
           "# TYPE drillstudio_store_read_timestamp_seconds gauge\n"
           "drillstudio_store_read_timestamp_seconds "
            + QByteArray::number(gauges.readAtMs / 1000) + '\n';
    return out;
}
