#include "filestream.h"

#include "httpconnection.h"
#include "serverlog.h"

#include <QSocketNotifier>

#include <cerrno>
#include <cstring>
#include <sys/sendfile.h>

FileStream::FileStream(HttpConnection *connection, std::unique_ptr<QFile> file, qint64 offset,
                       qint64 length, bool closeAfter)
    : QObject(connection)
    , m_connection(connection)
    , m_file(std::move(file))
    , m_offset(offset)
    , m_left(length)
    , m_closeAfter(closeAfter)
{ }

void FileStream::start()
{
    // The head goes first, through the connection's buffer; the body follows from the kernel.
    // Corked (as nginx's tcp_nopush) so that the head and the file leave in full segments, not a
    // small one for the head; uncorked when the file is out.
    m_connection->setCork(true);
    if (m_connection->bytesToWrite() == 0)
        return sendFile();
    connect(m_connection, &HttpConnection::drained, this, [this] {
        disconnect(m_connection, &HttpConnection::drained, this, nullptr);
        sendFile();
    });
}

void FileStream::sendFile()
{
    const int out = m_connection->descriptor();
    const int in = m_file->handle();
    if (out < 0)
        return fail(QStringLiteral("the client went away"));
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
}

void FileStream::fail(const QString &why)
{
    // The promised length cannot be kept (the file shrank, or the client went away).
    qCInfo(lcServer).noquote() << "download of" << m_file->fileName() << "stopped:" << why;
    if (m_writable)
        m_writable->setEnabled(false);
    m_connection->abort();
    deleteLater();
}

void FileStream::finish()
{
    m_connection->setCork(false);
    if (m_closeAfter)
        m_connection->closeAfterWrite();
    deleteLater();
    m_connection->answerFinished();
}
