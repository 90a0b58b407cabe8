#include "httpconnection.h"

#include "serverlog.h"

#include <QSocketNotifier>

#include <cerrno>
#include <fcntl.h>
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <sys/socket.h>
#include <unistd.h>

using rest::ApiError;
using rest::errorResponse;

namespace {

// How long, and how much, a refused or closing connection may still send before it is cut off.
// Reading the rest lets the client see the answer instead of a reset connection.
constexpr int kDrainTimeoutMs = 10000;
constexpr qint64 kDrainMaxBytes = 64LL * 1024 * 1024;
// Answers a client does not read are held up to this much; then its requests wait.
constexpr qint64 kMaxBufferedOutput = 4LL * 1024 * 1024;
constexpr qsizetype kReadChunk = 64 * 1024;
constexpr int kReadsPerWakeUp = 4; // then the other connections get their turn

} // namespace

HttpConnection::HttpConnection(int descriptor, const Options &options, QObject *parent)
    : QObject(parent)
    , m_fd(descriptor)
    , m_options(options)
    , m_parser(options.limits)
{
    ::fcntl(m_fd, F_SETFL, ::fcntl(m_fd, F_GETFL) | O_NONBLOCK);
    sockaddr_storage address {};
    socklen_t length = sizeof address;
    if (::getpeername(m_fd, reinterpret_cast<sockaddr *>(&address), &length) == 0)
        m_peer = QHostAddress(reinterpret_cast<const sockaddr *>(&address));
    m_readNotifier = new QSocketNotifier(m_fd, QSocketNotifier::Read, this);
    connect(m_readNotifier, &QSocketNotifier::activated, this, &HttpConnection::onReadable);
    m_writeNotifier = new QSocketNotifier(m_fd, QSocketNotifier::Write, this);
    m_writeNotifier->setEnabled(false);
    connect(m_writeNotifier, &QSocketNotifier::activated, this, &HttpConnection::onWritable);
    // A request's head and body must arrive within the request timeout from its first byte:
    // a client that sends one byte a second cannot hold a connection for long.
    m_deadline.setSingleShot(true);
    m_deadline.setInterval(options.requestTimeoutMs);
    connect(&m_deadline, &QTimer::timeout, this, [this] {
        refuse(ApiError {ApiError::Kind::RequestTimeout, {}, {}, 0, {}},
               QStringLiteral("request not complete within %1 ms").arg(m_deadline.interval()));
    });
    // Idle between requests: every byte either way restarts a clock, not the timer (cheaper
    // on every request); when the timer runs out with nothing under way, the connection ends.
    m_activity.start();
    if (options.idleTimeoutMs > 0) {
        m_idle.setSingleShot(true);
        m_idle.setInterval(options.idleTimeoutMs);
        connect(&m_idle, &QTimer::timeout, this, &HttpConnection::idleTimedOut);
        m_idle.start();
    }
}

HttpConnection::~HttpConnection()
{
    if (m_fd >= 0) {
        qDeleteAll(findChildren<QSocketNotifier *>());
        ::close(m_fd);
    }
}

void HttpConnection::onReadable()
{
    const bool draining = m_refused || m_closing || m_lastRequestRead;
    char buffer[kReadChunk];
    for (int reads = 0; reads < kReadsPerWakeUp && m_fd >= 0; ++reads) {
        const ssize_t got = ::read(m_fd, buffer, sizeof buffer);
        if (got < 0) {
            if (errno == EINTR)
                continue;
            if (errno == EAGAIN || errno == EWOULDBLOCK)
                break;
            return abort(); // reset by the peer
        }
        if (got == 0) {
            m_peerClosed = true;
            m_readNotifier->setEnabled(false);
            break;
        }
        m_activity.start();
        if (draining) {
            m_drained += got;
            if (m_drained > kDrainMaxBytes)
                return abort();
            continue;
        }
        m_in.append(buffer, got);
        if (got < qsizetype(sizeof buffer))
            break; // that was all for now
    }
    if (m_fd < 0)
        return;
    if (draining) {
        if (m_peerClosed && (m_writeShut || m_lastRequestRead))
            closeIfDone(); // the client has what it was sent, or will once it is written
        return;
    }
    processInput();
    if (m_peerClosed)
        closeIfDone();
}

void HttpConnection::processInput()
{
    if (m_processing)
        return;
    m_processing = true;
    // Answers the client does not read hold back its further requests.
    while (m_fd >= 0 && !m_paused && !m_refused && !m_closing && !m_lastRequestRead
           && !m_in.isEmpty() && bytesToWrite() <= kMaxBufferedOutput) {
        const HttpRequestParser::Result result = m_parser.parse(m_in);
        if (result == HttpRequestParser::Result::Refused) {
            refuse(m_parser.error(), m_parser.reason());
            break;
        }
        if (result == HttpRequestParser::Result::NeedMore) {
            if (m_parser.takeContinueRequest())
                write("HTTP/1.1 100 Continue\r\n\r\n");
            break;
        }
        const bool keepAlive = m_parser.keepAlive();
        HttpRequest request = m_parser.takeRequest();
        request.peer = m_peer;
        if (!keepAlive) {
            m_lastRequestRead = true; // its answer is the last; what follows is dropped
            m_in.clear();
        }
        if (m_onRequest)
            m_onRequest(this, std::move(request), keepAlive);
    }
    m_processing = false;
    if (m_fd < 0 || m_refused)
        return;
    if (m_parser.inRequest() && !m_closing && !m_lastRequestRead) {
        if (!m_deadline.isActive())
            m_deadline.start();
    } else if (m_deadline.isActive()) {
        m_deadline.stop();
    }
    // Answers the client does not read: its further requests wait.
    m_readNotifier->setEnabled(!m_peerClosed && (!m_paused || m_closing || m_lastRequestRead)
                               && bytesToWrite() <= kMaxBufferedOutput);
}

void HttpConnection::write(QByteArrayView data)
{
    if (!isWritable() || data.isEmpty())
        return;
    m_activity.start();
    qsizetype sent = 0;
    if (bytesToWrite() == 0) {
        while (sent < data.size()) {
            const ssize_t n = ::send(m_fd, data.constData() + sent, size_t(data.size() - sent),
                                     MSG_NOSIGNAL);
            if (n >= 0) {
                sent += n;
                continue;
            }
            if (errno == EINTR)
                continue;
            if (errno == EAGAIN || errno == EWOULDBLOCK)
                break;
            return abort(); // the client went away
        }
        if (sent == data.size())
            return;
        m_out.clear();
        m_outSent = 0;
    }
    m_out.append(data.constData() + sent, data.size() - sent);
    m_writeNotifier->setEnabled(true);
    if (bytesToWrite() > kMaxBufferedOutput)
        m_readNotifier->setEnabled(false);
}

void HttpConnection::onWritable()
{
    flushOutput();
}

void HttpConnection::flushOutput()
{
    while (m_fd >= 0 && bytesToWrite() > 0) {
        const ssize_t n = ::send(m_fd, m_out.constData() + m_outSent,
                                 size_t(m_out.size() - m_outSent), MSG_NOSIGNAL);
        if (n >= 0) {
            m_outSent += n;
            m_activity.start();
            continue;
        }
        if (errno == EINTR)
            continue;
        if (errno == EAGAIN || errno == EWOULDBLOCK)
            return;
        return abort();
    }
    if (m_fd < 0)
        return;
    m_out.clear();
    m_outSent = 0;
    m_writeNotifier->setEnabled(false);
    Q_EMIT drained();
    if (m_fd < 0)
        return;
    if (m_closing && !m_writeShut)
        return shutDownWrite();
    if (!m_peerClosed && (!m_paused || m_closing || m_lastRequestRead))
        m_readNotifier->setEnabled(true);
    if (!m_in.isEmpty())
        processInput(); // requests held back while the client did not read
    if (m_peerClosed)
        closeIfDone();
}

void HttpConnection::closeAfterWrite()
{
    if (m_fd < 0)
        return;
    if (!m_closing) {
        m_closing = true;
        m_deadline.stop();
        QTimer::singleShot(kDrainTimeoutMs, this, &HttpConnection::abort);
    }
    m_in.clear();
    if (!m_peerClosed)
        m_readNotifier->setEnabled(true); // read and drop what the client still sends
    if (bytesToWrite() == 0 && !m_writeShut)
        shutDownWrite();
}

void HttpConnection::shutDownWrite()
{
    m_writeShut = true;
    ::shutdown(m_fd, SHUT_WR);
    if (m_peerClosed)
        finish();
}

void HttpConnection::abort()
{
    if (m_fd < 0)
        return;
    m_aborted = true;
    finish();
}

void HttpConnection::setCork(bool on)
{
    if (m_fd < 0)
        return;
    const int value = on ? 1 : 0;
    ::setsockopt(m_fd, IPPROTO_TCP, TCP_CORK, &value, sizeof value);
}

void HttpConnection::setReadingPaused(bool paused)
{
    if (m_paused == paused || m_fd < 0)
        return;
    m_paused = paused;
    if (paused) {
        m_readNotifier->setEnabled(false);
        return;
    }
    // Requests may be waiting in what was read already.
    QMetaObject::invokeMethod(
            this,
            [this] {
                if (m_fd < 0 || m_paused)
                    return;
                processInput();
                if (m_peerClosed)
                    closeIfDone();
            },
            Qt::QueuedConnection);
}

void HttpConnection::refuse(const ApiError &error, const QString &reason)
{
    if (m_refused || m_fd < 0)
        return;
    m_refused = true;
    m_deadline.stop();
    m_idle.stop();
    const HttpResponse response = errorResponse(error);
    qCWarning(lcServer).noquote() << "refused" << response.status << "from" << m_peer.toString()
                                  << reason;
    Q_EMIT refused(m_peer, response.status, reason);
    write(QByteArray(response.head(true) + response.body));
    closeAfterWrite();
}

void HttpConnection::answerFinished()
{
    if (m_peerClosed)
        closeIfDone();
}

// The client sent its last byte: the connection ends once every answer it is owed has left.
// Looked at from the event loop, after the server has done its bookkeeping for the answer it
// is writing now.
void HttpConnection::closeIfDone()
{
    if (m_closeCheckQueued || m_fd < 0)
        return;
    m_closeCheckQueued = true;
    QMetaObject::invokeMethod(
            this,
            [this] {
                m_closeCheckQueued = false;
                if (m_fd < 0 || bytesToWrite() > 0 || (!m_writeShut && m_busy && m_busy()))
                    return;
                finish();
            },
            Qt::QueuedConnection);
}

void HttpConnection::idleTimedOut()
{
    if (m_fd < 0 || m_refused || m_closing)
        return;
    const qint64 left = m_options.idleTimeoutMs - m_activity.elapsed();
    if (left > 0) {
        m_idle.start(int(left));
        return;
    }
    const bool underWay
            = m_parser.inRequest() || !m_in.isEmpty() || bytesToWrite() > 0 || (m_busy && m_busy());
    if (underWay) {
        m_activity.start();
        m_idle.start(m_options.idleTimeoutMs);
        return;
    }
    qCInfo(lcServer).noquote() << "closed a connection from" << m_peer.toString() << "idle for"
                               << m_options.idleTimeoutMs << "ms";
    Q_EMIT idleClosed(m_peer);
    closeAfterWrite();
}

void HttpConnection::finish()
{
    if (m_fd < 0)
        return;
    // Every notifier on the descriptor goes before it closes (a file answer's too).
    qDeleteAll(findChildren<QSocketNotifier *>());
    m_readNotifier = nullptr;
    m_writeNotifier = nullptr;
    ::close(m_fd);
    m_fd = -1;
    m_deadline.stop();
    m_idle.stop();
    deleteLater();
}
