#pragma once
// The REST server's listening socket: accepts connections (up to a cap) and gives each to an
// HttpConnection with the limits of the settings. Over the cap, a connection gets a short 503
// and ends before any of it is read.
#include "httpconnection.h"

#include <QHostAddress>
#include <QTcpServer>

#include <functional>

class GuardedTcpServer final : public QTcpServer
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(GuardedTcpServer)

public:
    explicit GuardedTcpServer(QObject *parent = nullptr);

    void setConnectionOptions(const HttpConnection::Options &options) { m_options = options; }
    const HttpConnection::Options &connectionOptions() const { return m_options; }
    // Open connections at most; 0: no cap.
    void setMaxConnections(int connections) { m_maxConnections = connections; }
    int connectionCount() const { return m_connections; }
    // Called for every connection taken, before any of its bytes is read.
    void setConnectionHandler(std::function<void(HttpConnection *)> handler)
    {
        m_onConnection = std::move(handler);
    }

Q_SIGNALS:
    // A request or connection refused before it reached the routes.
    void refused(const QHostAddress &peer, int status, const QString &reason);
    // A kept-alive connection was closed for being idle.
    void idleClosed(const QHostAddress &peer);

protected:
    void incomingConnection(qintptr socketDescriptor) override;

private:
    HttpConnection::Options m_options;
    std::function<void(HttpConnection *)> m_onConnection;
    int m_maxConnections = 0;
    int m_connections = 0;
};
