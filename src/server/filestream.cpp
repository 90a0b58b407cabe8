#include "filestream.h"

#include "serverlog.h"

#include <QSocketNotifier>
#include <QTcpSocket>

#ifdef Q_OS_LINUX
#include <cerrno>
#include <cstring>
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <sys/sendfile.h>
#include <sys/socket.h>
#endif

namespace {

constexpr qint64 kChunkBytes = 256 * 1024;
// Keep about this much queued in the socket: enough to keep the kernel busy, little memory.
constexpr qint64 kHighWaterBytes = 1024 * 1024;

} // namespace

FileStream::FileStream(QTcpSocket *socket, std::unique_ptr<QFile> file, qint64 offset,
                       qint64 length, bool closeAfter)
    : QObject(socket)
    , m_socket(socket)
    , m_file(std::move(file))
    , m_offset(offset)
    , m_left(length)
    , m_closeAfter(closeAfter)
{
    m_file->seek(offset);
}

void FileStream::start()
{
#ifdef Q_OS_LINUX
    // The head goes first, through the socket's buffer; the body follows from the kernel. Corked
    // (as nginx's tcp_nopush) so that the head and the file leave in full segments, not a small
    // one for the head; uncorked when the file is out.
    setCork(true);
    m_socket->flush();
    if (m_socket->bytesToWrite() == 0)
        return sendFile();
    connect(m_socket, &QTcpSocket::bytesWritten, this, [this] {
        if (m_socket->bytesToWrite() > 0)
            return;
        disconnect(m_socket, &QTcpSocket::bytesWritten, this, nullptr);
        sendFile();
    });
#else
    connect(m_socket, &QTcpSocket::bytesWritten, this, &FileStream::pump);
    pump();
#endif
}

void FileStream::sendFile()
{
#ifdef Q_OS_LINUX
    const int out = int(m_socket->socketDescriptor());
    const int in = m_file->handle();
    while (m_left > 0) {
        off_t offset = off_t(m_offset);
        const ssize_t sent = ::sendfile(out, in, &offset, size_t(qMin<qint64>(m_left, 1 << 24)));
        if (sent > 0) {
            m_offset += sent;
            m_left -= sent;
            continue;
        }
        if (sent < 0 && errno == EINTR)
            continue;
        if (sent < 0 && (errno == EAGAIN || errno == EWOULDBLOCK)) {
            if (!m_writable) {
                m_writable = new QSocketNotifier(out, QSocketNotifier::Write, this);
                connect(m_writable, &QSocketNotifier::activated, this, &FileStream::sendFile);
            }
            m_writable->setEnabled(true);
            return;
        }
        return fail(sent < 0 ? QString::fromLocal8Bit(std::strerror(errno))
                             : QStringLiteral("the file ended early"));
    }
    if (m_writable)
        m_writable->setEnabled(false);
    finish();
#endif
}

void FileStream::setCork(bool on)
{
#ifdef Q_OS_LINUX
    const int value = on ? 1 : 0;
    const int fd = int(m_socket->socketDescriptor());
    if (fd >= 0)
        ::setsockopt(fd, IPPROTO_TCP, TCP_CORK, &value, sizeof value);
    m_corked = on;
#else
    Q_UNUSED(on);
#endif
}

void FileStream::fail(const QString &why)
{
    if (m_corked)
        setCork(false);
    // The promised length cannot be kept (the file shrank, or the client went away).
    qCInfo(lcServer).noquote() << "download of" << m_file->fileName() << "stopped:" << why;
    if (m_writable)
        m_writable->setEnabled(false);
    m_socket->abort();
    deleteLater();
}

void FileStream::finish()
{
    if (m_corked)
        setCork(false);
    if (m_closeAfter)
        m_socket->disconnectFromHost();
    deleteLater();
}

void FileStream::pump()
{
    if (m_pumping)
        return;
    m_pumping = true;
    if (m_buffer.isEmpty())
        m_buffer.resize(kChunkBytes);
    while (m_left > 0 && m_socket->bytesToWrite() < kHighWaterBytes) {
        const qint64 got = m_file->read(m_buffer.data(), qMin(kChunkBytes, m_left));
        if (got <= 0) {
            m_pumping = false;
            return fail(m_file->errorString());
        }
        m_socket->write(m_buffer.constData(), got);
        m_left -= got;
    }
    m_pumping = false;
    if (m_left == 0) {
        disconnect(m_socket, &QTcpSocket::bytesWritten, this, &FileStream::pump);
        finish();
    }
}
