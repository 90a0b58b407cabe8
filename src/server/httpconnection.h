#pragma once
// One client connection of the REST server, on its socket descriptor: reads requests with
// HttpRequestParser, hands each whole request to the server, and writes answers straight to the
// socket, buffering only what the socket does not take at once. One read and one write per
// request in the usual case, where QTcpSocket and QHttpServer 6.4 add buffers, transactions
// and event-loop wake-ups around every request.
//
// The guards of the old gateway live here too: a request must arrive within the request
// timeout from its first byte (408); a connection idle for the idle timeout is closed; a refused
// request gets its answer, the rest of what the client sends is drained (bounded) and the
// connection ends without a reset, so that the client reads the answer.
#include "apierror.h"
#include "httpmessage.h"
#include "httprequestparser.h"

#include <QElapsedTimer>
#include <QHostAddress>
#include <QObject>
#include <QTimer>

#include <functional>

class QSocketNotifier;

class HttpConnection final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(HttpConnection)

public:
    struct Options
    {
        HttpLimits limits;
        int requestTimeoutMs = 30000;
        int idleTimeoutMs = 60000; // 0: no idle timeout
    };
    // A whole request; keepAlive says whether the connection stays open after its answer.
    using RequestHandler = std::function<void(HttpConnection *connection, HttpRequest &&request,
                                              bool keepAlive)>;

    // Takes ownership of the connected, non-blocking socket descriptor.
    HttpConnection(int descriptor, const Options &options, QObject *parent = nullptr);
    ~HttpConnection() override;

    void setRequestHandler(RequestHandler handler) { m_onRequest = std::move(handler); }
    // Says whether the server still owes this connection an answer (it is not idle then, and a
    // client that stopped sending still gets its answers).
    void setBusyCheck(std::function<bool()> busy) { m_busy = std::move(busy); }

    QHostAddress peerAddress() const { return m_peer; }
    int descriptor() const { return m_fd; }
    // Connected, and its answers can still be written.
    bool isWritable() const { return m_fd >= 0 && !m_writeShut && !m_aborted; }

    // Queued after what was written before; sent at once when the socket takes it.
    void write(QByteArrayView data);
    qint64 bytesToWrite() const { return m_out.size() - m_outSent; }
    // Ends the connection once everything written has left (what the client still sends is
    // read and dropped for a while, so that it sees the answer, not a reset).
    void closeAfterWrite();
    // Ends the connection now.
    void abort();
    // TCP_CORK: full segments only, until uncorked (a file answer's head and body together).
    void setCork(bool on);
    // Stops reading requests (too many answers owed), or reads again.
    void setReadingPaused(bool paused);
    // Answers and ends the connection (a request that is not acceptable, or a connection over
    // the cap).
    void refuse(const rest::ApiError &error, const QString &reason);
    // A streamed answer has finished with the socket: see whether the connection is done.
    void answerFinished();

Q_SIGNALS:
    // Everything written has left (after some had to wait).
    void drained();
    void refused(const QHostAddress &peer, int status, const QString &reason);
    void idleClosed(const QHostAddress &peer);

private:
    void onReadable();
    void onWritable();
    void processInput();
    void flushOutput();
    void shutDownWrite();
    void idleTimedOut();
    void closeIfDone();
    void finish();

    int m_fd;
    Options m_options;
    HttpRequestParser m_parser;
    QHostAddress m_peer;
    RequestHandler m_onRequest;
    std::function<bool()> m_busy;
    QSocketNotifier *m_readNotifier = nullptr;
    QSocketNotifier *m_writeNotifier = nullptr;
    QByteArray m_in;
    QByteArray m_out;
    qsizetype m_outSent = 0; // of m_out, already written
    QTimer m_deadline; // the request under way must be complete by then
    QTimer m_idle;
    QElapsedTimer m_activity; // since the last byte either way
    qint64 m_drained = 0; // bytes read and dropped after a refusal
    bool m_peerClosed = false; // the client sent its last byte
    bool m_closing = false; // closeAfterWrite(): no more requests are read
    bool m_lastRequestRead = false; // one without keep-alive: what follows is dropped
    bool m_writeShut = false;
    bool m_refused = false;
    bool m_aborted = false;
    bool m_paused = false;
    bool m_processing = false;
    bool m_closeCheckQueued = false;
};
