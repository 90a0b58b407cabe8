#pragma once
// Sends a byte range of a file to a socket without holding the file in memory: with sendfile(2)
// where there is one (the kernel copies from the page cache), else in chunks read only as fast as
// the socket drains. Lives as a child of the socket.
#include <QFile>
#include <QObject>

#include <memory>

class QSocketNotifier;
class QTcpSocket;

class FileStream final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(FileStream)

public:
    // file is open for reading; the answer's head has already been written to socket.
    FileStream(QTcpSocket *socket, std::unique_ptr<QFile> file, qint64 offset, qint64 length,
               bool closeAfter);

    void start();

private:
    void pump();
    void sendFile();
    void finish();
    void fail(const QString &why);
    void setCork(bool on);

    QTcpSocket *m_socket;
    std::unique_ptr<QFile> m_file;
    qint64 m_offset;
    qint64 m_left;
    QSocketNotifier *m_writable = nullptr; // sendfile: waits for room in the socket buffer
    bool m_closeAfter;
    bool m_pumping = false;
    bool m_corked = false;
    QByteArray m_buffer;
};
