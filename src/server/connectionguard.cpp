#include "connectionguard.h"

#include "serverlog.h"

#include <QElapsedTimer>
#include <QPointer>
#include <QTcpSocket>
#include <QTimer>

#include <memory>
#include <sys/socket.h>

using rest::ApiError;
using rest::errorResponse;

namespace {

// How long, and how much, an answered-but-refused request may still send before it is cut off.
// Reading the rest lets the client see the answer instead of a reset connection.
constexpr int kDrainTimeoutMs = 10000;
constexpr qint64 kDrainMaxBytes = 64LL * 1024 * 1024;

// Follows the request framing of one connection (head, then Content-Length bytes of body) on
// the bytes as they arrive, without consuming them: QHttpServer reads them afterwards.
class ConnectionGuard final : public QObject
{
public:
    ConnectionGuard(QTcpSocket *socket, GuardedTcpServer *server)
        : QObject(socket)
        , m_socket(socket)
        , m_server(server)
        , m_maxBody(server->maxBodyBytes())
        , m_maxHeader(server->maxHeaderBytes())
        , m_uploadPaths(server->uploadPaths())
        , m_maxUpload(server->maxUploadBytes())
        , m_idleMs(server->idleTimeoutMs())
    {
        connect(socket, &QTcpSocket::readyRead, this, &ConnectionGuard::inspect);
        // A request's head and body must arrive within the request timeout from its first
        // byte: a client that sends one byte a second cannot hold a connection for long.
        m_deadline.setSingleShot(true);
        m_deadline.setInterval(server->requestTimeoutMs());
        connect(&m_deadline, &QTimer::timeout, this, [this] {
            refuse(ApiError {ApiError::Kind::RequestTimeout, {}, {}, 0, {}},
                   QStringLiteral("request not complete within %1 ms").arg(m_deadline.interval()));
        });
        // Idle between requests: restarted by every byte either way; when it runs out with
        // nothing under way, the connection ends (a keep-alive client holds no slot for ever).
        if (m_idleMs > 0) {
            m_idle.setSingleShot(true);
            m_idle.setInterval(m_idleMs);
            connect(&m_idle, &QTimer::timeout, this, &ConnectionGuard::idleTimedOut);
            connect(socket, &QTcpSocket::bytesWritten, this, [this] { m_activity.start(); });
            m_activity.start();
            m_idle.start();
        }
    }

private:
    void idleTimedOut()
    {
        if (m_refused)
            return;
        // Activity restarts a clock, not the timer (cheaper on every request): the timer
        // looks at the clock when it fires and waits for the rest if there was any.
        const qint64 left = m_idleMs - m_activity.elapsed();
        if (left > 0) {
            m_idle.start(int(left));
            return;
        }
        const bool underWay = !m_head.isEmpty() || m_bodyLeft > 0 || m_chunked
                || m_socket->bytesToWrite() > 0 || m_socket->bytesAvailable() > 0
                || m_server->isBusy(m_socket);
        if (underWay) {
            m_activity.start();
            m_idle.start(m_idleMs);
            return;
        }
        qCInfo(lcServer).noquote()
                << "closed a connection from" << m_socket->peerAddress().toString() << "idle for"
                << m_idleMs << "ms";
        Q_EMIT m_server->idleClosed(m_socket->peerAddress());
        m_socket->disconnectFromHost();
    }

    void inspect()
    {
        m_activity.start();
        if (m_refused)
            return;
        inspectBytes();
        if (m_refused)
            return;
        const bool inRequest = !m_head.isEmpty() || m_bodyLeft > 0 || m_chunked;
        if (!inRequest)
            m_deadline.stop();
        else if (!m_deadline.isActive())
            m_deadline.start();
    }

    void inspectBytes()
    {
        // Into a buffer kept for the connection: no allocation per read.
        const qint64 available = m_socket->bytesAvailable();
        if (m_fragment.size() < available)
            m_fragment.resize(qMax<qint64>(available, 4096));
        const qint64 peeked = m_socket->peek(m_fragment.data(), available);
        const QByteArrayView fragment(m_fragment.constData(), qMax<qint64>(0, peeked));
        qsizetype pos = 0;
        while (pos < fragment.size()) {
            if (m_chunked) {
                pos = followChunks(fragment, pos);
                if (m_refused)
                    return;
                continue;
            }
            if (m_bodyLeft > 0) {
                const qint64 take = qMin<qint64>(m_bodyLeft, fragment.size() - pos);
                m_bodyLeft -= take;
                pos += take;
                continue;
            }
            // Empty lines between requests are allowed.
            if (m_head.isEmpty() && (fragment.at(pos) == '\r' || fragment.at(pos) == '\n')) {
                ++pos;
                continue;
            }
            if (m_head.isEmpty()) {
                // The usual case: a whole head in this read; checked where it lies.
                const qsizetype end = fragment.indexOf(QByteArrayView("\r\n\r\n"), pos);
                if (end >= 0 && end + 4 - pos <= m_maxHeader) {
                    if (!checkHead(fragment.sliced(pos, end + 4 - pos)))
                        return;
                    pos = end + 4;
                    continue;
                }
            }
            // In the head: find its end, keeping what came in earlier fragments.
            const qsizetype before = m_head.size();
            m_head.append(fragment.constData() + pos, fragment.size() - pos);
            const qsizetype end = m_head.indexOf("\r\n\r\n", qMax<qsizetype>(0, before - 3));
            if (end < 0) {
                if (m_head.size() > m_maxHeader)
                    return refuse(
                            ApiError {ApiError::Kind::HeadersTooLarge, {}, {}, 0, {}},
                            QStringLiteral("request head larger than %1 bytes").arg(m_maxHeader));
                return;
            }
            const qsizetype headLength = end + 4;
            if (headLength > m_maxHeader)
                return refuse(ApiError {ApiError::Kind::HeadersTooLarge, {}, {}, 0, {}},
                              QStringLiteral("request head larger than %1 bytes").arg(m_maxHeader));
            const qint64 consumedHere = headLength - before;
            if (!checkHead(m_head.left(headLength)))
                return;
            pos += consumedHere;
            m_head.clear();
        }
    }

    // Reads the request line, Content-Length and Transfer-Encoding; false when the request was
    // refused.
    bool checkHead(QByteArrayView head)
    {
        qint64 length = 0;
        qsizetype start = head.indexOf('\n') + 1; // after the request line
        // "POST /library/videos?x=1 HTTP/1.1": an upload route has its own limit.
        bool upload = false;
        if (m_maxUpload > 0 && head.startsWith("POST ")) {
            const QByteArrayView requestLine = head.first(qMax<qsizetype>(0, start - 1)).trimmed();
            QByteArrayView target = requestLine.sliced(5);
            const qsizetype space = target.indexOf(' ');
            if (space >= 0)
                target = target.first(space);
            const qsizetype query = target.indexOf('?');
            if (query >= 0)
                target = target.first(query);
            for (const QByteArray &path : m_uploadPaths)
                upload = upload || target == path;
        }
        const qint64 limit = upload ? m_maxUpload : m_maxBody;
        bool chunked = false;
        while (start > 0 && start < head.size()) {
            qsizetype end = head.indexOf('\n', start);
            if (end < 0)
                end = head.size();
            const QByteArrayView line = head.sliced(start, end - start).trimmed();
            start = end + 1;
            const qsizetype colon = line.indexOf(':');
            if (colon <= 0)
                continue;
            const QByteArrayView name = line.first(colon).trimmed();
            const QByteArrayView value = line.sliced(colon + 1).trimmed();
            if (name.compare("content-length", Qt::CaseInsensitive) == 0) {
                bool ok = false;
                length = value.toLongLong(&ok);
                if (!ok || length < 0)
                    length = 0; // http_parser refuses it and closes the connection
            } else if (name.compare("transfer-encoding", Qt::CaseInsensitive) == 0) {
                if (!upload || value.compare("chunked", Qt::CaseInsensitive) != 0) {
                    refuse(ApiError {ApiError::Kind::LengthRequired, {}, {}, 0, {}},
                           QStringLiteral("request body without Content-Length"));
                    return false;
                }
                chunked = true;
            }
        }
        if (chunked) {
            // Its length is unknown: counted chunk by chunk as it arrives.
            m_chunked = true;
            m_chunkState = ChunkState::SizeLine;
            m_chunkTotal = 0;
            m_chunkLimit = limit;
            m_line.clear();
            return true;
        }
        if (length > limit) {
            refuse(ApiError {ApiError::Kind::PayloadTooLarge, {}, {}, limit, {}},
                   QStringLiteral("request body of %1 bytes, limit %2").arg(length).arg(limit));
            return false;
        }
        m_bodyLeft = length;
        return true;
    }

    // Follows the chunked framing (size line, data, CRLF, ..., 0, trailers, empty line) from pos;
    // returns where it stopped. Refuses once the chunks announced pass the limit, before their
    // data arrives.
    qsizetype followChunks(QByteArrayView fragment, qsizetype pos)
    {
        constexpr qsizetype MaxLine = 4096;
        while (pos < fragment.size() && m_chunked && !m_refused) {
            if (m_chunkState == ChunkState::Data) {
                const qint64 take = qMin<qint64>(m_chunkLeft, fragment.size() - pos);
                m_chunkLeft -= take;
                pos += take;
                if (m_chunkLeft == 0)
                    m_chunkState = ChunkState::DataEnd;
                continue;
            }
            const qsizetype newline = fragment.indexOf('\n', pos);
            const qsizetype end = newline < 0 ? fragment.size() : newline + 1;
            m_line.append(fragment.constData() + pos, end - pos);
            pos = end;
            if (m_line.size() > MaxLine) {
                refuse(ApiError {ApiError::Kind::LengthRequired, {}, {}, 0, {}},
                       QStringLiteral("chunk line longer than %1 bytes").arg(MaxLine));
                return pos;
            }
            if (newline < 0)
                return pos;
            const QByteArray line = m_line.trimmed();
            m_line.clear();
            switch (m_chunkState) {
            case ChunkState::SizeLine: {
                const qsizetype extension = line.indexOf(';');
                bool ok = false;
                const qint64 size = (extension < 0 ? line : line.left(extension))
                                            .trimmed()
                                            .toLongLong(&ok, 16);
                if (!ok || size < 0) {
                    refuse(ApiError {ApiError::Kind::LengthRequired, {}, {}, 0, {}},
                           QStringLiteral("malformed chunk size"));
                    return pos;
                }
                if (size == 0) {
                    m_chunkState = ChunkState::Trailer;
                } else if (size > m_chunkLimit - m_chunkTotal) {
                    refuse(ApiError {ApiError::Kind::PayloadTooLarge, {}, {}, m_chunkLimit, {}},
                           QStringLiteral("chunked request body past the limit of %1 bytes")
                                   .arg(m_chunkLimit));
                    return pos;
                } else {
                    m_chunkTotal += size;
                    m_chunkLeft = size;
                    m_chunkState = ChunkState::Data;
                }
                break;
            }
            case ChunkState::DataEnd:
                m_chunkState = ChunkState::SizeLine;
                break;
            case ChunkState::Trailer:
                if (line.isEmpty())
                    m_chunked = false; // the request is complete
                break;
            case ChunkState::Data:
                break;
            }
        }
        return pos;
    }

    // Answers, stops QHttpServer from reading more of this connection, drains what the client
    // still sends (bounded), and closes.
    void refuse(const ApiError &error, const QString &reason)
    {
        m_refused = true;
        m_deadline.stop();
        m_idle.stop();
        const HttpResponse response = errorResponse(error);
        qCWarning(lcServer).noquote() << "refused" << response.status << "from"
                                      << m_socket->peerAddress().toString() << reason;
        Q_EMIT m_server->refused(m_socket->peerAddress(), response.status, reason);
        // Every reader of readyRead goes, including QHttpServer's, which would buffer the body.
        disconnect(m_socket, &QTcpSocket::readyRead, nullptr, nullptr);
        if (m_socket->isTransactionStarted())
            m_socket->commitTransaction();
        m_socket->readAll();
        m_socket->write(response.head(true) + response.body);
        QPointer<QTcpSocket> socket = m_socket;
        auto drained = std::make_shared<qint64>(0);
        connect(m_socket, &QTcpSocket::readyRead, this, [socket, drained] {
            *drained += socket->readAll().size();
            if (*drained > kDrainMaxBytes)
                socket->abort();
        });
        connect(m_socket, &QTcpSocket::bytesWritten, this, [socket] {
            if (socket->bytesToWrite() == 0)
                ::shutdown(int(socket->socketDescriptor()), SHUT_WR);
        });
        QTimer::singleShot(kDrainTimeoutMs, this, [socket] {
            if (socket)
                socket->abort();
        });
    }

    QTcpSocket *m_socket;
    GuardedTcpServer *m_server;
    const qint64 m_maxBody;
    const qint64 m_maxHeader;
    const QByteArrayList m_uploadPaths;
    const qint64 m_maxUpload;
    const int m_idleMs;
    QByteArray m_head;
    enum class ChunkState { SizeLine, Data, DataEnd, Trailer };
    bool m_chunked = false; // inside a chunked body
    ChunkState m_chunkState = ChunkState::SizeLine;
    QByteArray m_line; // a size or trailer line so far
    qint64 m_chunkLeft = 0;
    qint64 m_chunkTotal = 0;
    qint64 m_chunkLimit = 0;
    QByteArray m_fragment;
    qint64 m_bodyLeft = 0;
    QTimer m_deadline;
    QTimer m_idle;
    QElapsedTimer m_activity; // since the last byte either way
    bool m_refused = false;
};

} // namespace

GuardedTcpServer::GuardedTcpServer(QObject *parent)
    : QTcpServer(parent)
{ }

void GuardedTcpServer::incomingConnection(qintptr socketDescriptor)
{
    auto *socket = new QTcpSocket(this);
    if (!socket->setSocketDescriptor(socketDescriptor)) {
        delete socket;
        return;
    }
    // Answers go out at once instead of waiting for the peer's delayed acknowledgement.
    socket->setSocketOption(QAbstractSocket::LowDelayOption, 1);
    if (m_maxConnections > 0 && m_connections >= m_maxConnections) {
        // Over the cap: a short answer and the connection ends, before any of it is read.
        const HttpResponse response
                = errorResponse(ApiError {ApiError::Kind::TooManyConnections, {}, {}, 0, {}});
        qCWarning(lcServer).noquote() << "refused 503 from" << socket->peerAddress().toString()
                                      << "-" << m_connections << "connections open";
        Q_EMIT refused(socket->peerAddress(), response.status,
                       QStringLiteral("too many connections"));
        socket->write(response.head(true) + response.body);
        socket->disconnectFromHost();
        connect(socket, &QTcpSocket::disconnected, socket, &QObject::deleteLater);
        return;
    }
    ++m_connections;
    connect(socket, &QObject::destroyed, this, [this] { --m_connections; });
    // Connected before QHttpServer connects its own reader, so it sees every byte first.
    new ConnectionGuard(socket, this);
    addPendingConnection(socket);
}
