#pragma once
// Counters of the REST server, written out in Prometheus' text format by GET /metrics.
#include <QByteArray>
#include <QHash>
#include <QString>

class JobStore;

class ServerMetrics
{
public:
    void countRequest(const QString &route, const QByteArray &method, int status);
    void countRefusal(int status);
    void countJob(bool succeeded);

    // Request counters plus the store's state (jobs under way by status, videos, cache bytes).
    QByteArray render(JobStore *store) const;

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
    QHash<Key, quint64> m_requests;
    QHash<int, quint64> m_refusals; // by status, refused before routing
    quint64 m_jobsFinished = 0;
    quint64 m_jobsFailed = 0;
};
