#pragma once
// A QTcpServer that looks at each request's head before QHttpServer buffers the body: QHttpServer
// 6.4 reads a body whole before any handler runs, so a body limit has to act here, on
// Content-Length, to protect memory. Oversized requests get their answer and the connection ends.
// Upload routes have a limit of their own and also take a chunked body, counted as it arrives.
#include "apierror.h"

#include <QHostAddress>
#include <QTcpServer>

#include <functional>

class GuardedTcpServer final : public QTcpServer
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(GuardedTcpServer)

public:
    explicit GuardedTcpServer(QObject *parent = nullptr);

    void setMaxBodyBytes(qint64 bytes) { m_maxBodyBytes = bytes; }
    qint64 maxBodyBytes() const { return m_maxBodyBytes; }
    // POST requests to these paths (as sent, without a query) may carry up to bytes, announced
    // by Content-Length or sent chunked; a chunked body is cut off once it passes the limit.
    void setUploadLimit(const QByteArrayList &paths, qint64 bytes)
    {
        m_uploadPaths = paths;
        m_maxUploadBytes = bytes;
    }
    const QByteArrayList &uploadPaths() const { return m_uploadPaths; }
    qint64 maxUploadBytes() const { return m_maxUploadBytes; }
    void setMaxHeaderBytes(qint64 bytes) { m_maxHeaderBytes = bytes; }
    qint64 maxHeaderBytes() const { return m_maxHeaderBytes; }
    void setRequestTimeoutMs(int ms) { m_requestTimeoutMs = ms; }
    int requestTimeoutMs() const { return m_requestTimeoutMs; }
    // A connection with no request under way and nothing to send for this long is closed.
    void setIdleTimeoutMs(int ms) { m_idleTimeoutMs = ms; }
    int idleTimeoutMs() const { return m_idleTimeoutMs; }
    // Says whether the application still owes the connection an answer (it is not idle then).
    void setBusyCheck(std::function<bool(QTcpSocket *)> busy) { m_busy = std::move(busy); }
    bool isBusy(QTcpSocket *socket) const { return m_busy && m_busy(socket); }
    // Open connections at most; 0: no cap.
    void setMaxConnections(int connections) { m_maxConnections = connections; }
    int connectionCount() const { return m_connections; }

Q_SIGNALS:
    // A request refused before it reached the HTTP server.
    void refused(const QHostAddress &peer, int status, const QString &reason);
    // A kept-alive connection was closed for being idle.
    void idleClosed(const QHostAddress &peer);

protected:
    void incomingConnection(qintptr socketDescriptor) override;

private:
    qint64 m_maxBodyBytes = 64 * 1024;
    QByteArrayList m_uploadPaths;
    qint64 m_maxUploadBytes = 0;
    qint64 m_maxHeaderBytes = 32 * 1024;
    int m_requestTimeoutMs = 30000;
    int m_idleTimeoutMs = 60000;
    std::function<bool(QTcpSocket *)> m_busy;
    int m_maxConnections = 0;
    int m_connections = 0;
};
