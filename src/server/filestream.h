#pragma once
// Sends a byte range of a file to a connection without holding the file in memory, with
// sendfile(2): the kernel copies from the page cache. Lives as a child of the connection.
#include <QFile>
#include <QObject>
#include <QPointer>
#include <QSocketNotifier>

#include <memory>

class HttpConnection;

class FileStream final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(FileStream)

public:
    // file is open for reading; the answer's head has already been written to the connection.
    FileStream(HttpConnection *connection, std::unique_ptr<QFile> file, qint64 offset,
               qint64 length, bool closeAfter);

    void start();

private:
    void sendFile();
    void finish();
    void fail(const QString &why);

    HttpConnection *m_connection;
    std::unique_ptr<QFile> m_file;
    qint64 m_offset;
    qint64 m_left;
    QPointer<QSocketNotifier> m_writable; // waits for room in the socket buffer
    bool m_closeAfter;
};
