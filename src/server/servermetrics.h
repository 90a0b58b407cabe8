#pragma once
// Counters of the REST server, kept in memory and written out in Prometheus' text format by
// GET /metrics: requests by route, method and status, a latency histogram by route, refusals,
// jobs that ended, and the store's totals as last read with the run mirror (no table scan per
// scrape).
#include "runstatuscache.h"

#include <QByteArray>
#include <QHash>
#include <QString>

#include <array>

class ServerMetrics
{
public:
    // Upper bounds of the latency histogram's buckets, in seconds (+Inf follows).
    static constexpr std::array<double, 14> LatencyBuckets {
            0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 10, 60};

    void countRequest(const QString &route, const QByteArray &method, int status, qint64 latencyNs);
    // A cached GET /status answered 200 (RestServer's short path); counted with the route's.
    void countCachedStatus(qint64 latencyNs);
    void countRefusal(int status);
    void countIdleClose() { ++m_idleClosed; }
    void countJob(bool succeeded);

    QByteArray render(const RunStatusCache::Gauges &gauges, int openConnections) const;

private:
    struct Key
    {
        QString route;
        QByteArray method;
        int status;
        friend bool operator==(const Key &a, const Key &b)
        {
            return a.status == b.status && a.route == b.route && a.method == b.method;
        }
        friend size_t qHash(const Key &key, size_t seed = 0)
        {
            return qHashMulti(seed, key.route, key.method, key.status);
        }
    };
    struct Histogram
    {
        std::array<quint64, LatencyBuckets.size() + 1> counts {}; // per bucket, not cumulative
        double sumSeconds = 0;
        quint64 count = 0;
    };
    QHash<Key, quint64> m_requests;
    QHash<QString, Histogram> m_latency; // by route
    Histogram m_cachedStatus; // GET /status/{run_id} 200 from the short path
    static void add(Histogram &histogram, qint64 latencyNs);
    QHash<int, quint64> m_refusals; // by status, refused before routing
    quint64 m_idleClosed = 0;
    quint64 m_jobsFinished = 0;
    quint64 m_jobsFailed = 0;
};
