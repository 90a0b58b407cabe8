#include "connectionguard.h"

#include "serverlog.h"

#include <netinet/in.h>
#include <netinet/tcp.h>
#include <sys/socket.h>

using rest::ApiError;

GuardedTcpServer::GuardedTcpServer(QObject *parent)
    : QTcpServer(parent)
{ }

void GuardedTcpServer::incomingConnection(qintptr socketDescriptor)
{
    const int fd = int(socketDescriptor);
    // Answers go out at once instead of waiting for the peer's delayed acknowledgement.
    const int one = 1;
    ::setsockopt(fd, IPPROTO_TCP, TCP_NODELAY, &one, sizeof one);
    auto *connection = new HttpConnection(fd, m_options, this);
    connect(connection, &HttpConnection::refused, this, &GuardedTcpServer::refused);
    connect(connection, &HttpConnection::idleClosed, this, &GuardedTcpServer::idleClosed);
    if (m_maxConnections > 0 && m_connections >= m_maxConnections) {
        // Over the cap: a short answer and the connection ends, before any of it is read.
        connection->refuse(ApiError {ApiError::Kind::TooManyConnections, {}, {}, 0, {}},
                           QStringLiteral("too many connections (%1 open)").arg(m_connections));
        return;
    }
    ++m_connections;
    connect(connection, &QObject::destroyed, this, [this] { --m_connections; });
    if (m_onConnection)
        m_onConnection(connection);
}
