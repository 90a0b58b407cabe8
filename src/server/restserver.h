#pragma once
// The REST server: one route table, answered at the root and under /api/video-generation/, thin
// handlers that forward to VideoController, refusals logged, counters for /metrics.
#include "admingate.h"
#include "httpmessage.h"
#include "servermetrics.h"

#include <QAbstractSocket>
#include <QElapsedTimer>
#include <QHash>
#include <QHostAddress>
#include <QMap>
#include <QObject>
#include <QPointer>

#include <functional>
#include <memory>

class AppContext;
class FileStream;
class GuardedTcpServer;
class HttpConnection;
class VideoController;

class RestServer final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(RestServer)

public:
    // The gateway's prefix; every route is answered with and without it.
    static constexpr char16_t Prefix[] = u"/api/video-generation";

    explicit RestServer(AppContext *context, QObject *parent = nullptr);
    ~RestServer() override;

    // Binds address:port (port 0 picks a free one) with the body and header limits of the
    // settings. False with errorString()/socketError() when the address cannot be bound.
    bool listen(const QHostAddress &address, quint16 port);
    // Takes a socket that is already listening (systemd socket activation), with the same checks.
    bool listenOnDescriptor(qintptr descriptor);
    quint16 port() const { return m_port; }
    QHostAddress address() const { return m_address; }
    QString errorString() const { return m_error; }
    QAbstractSocket::SocketError socketError() const { return m_socketError; }

    VideoController *controller() const { return m_controller; }
    AdminGate &adminGate() { return m_admin; }

Q_SIGNALS:
    // Every answered request, for a request log: the path as sent (percent-encoded), the status
    // and the time from the parsed request to the answer handed to the socket.
    void requestServed(const QByteArray &method, const QString &path, int status, qint64 ms);

private:
    void onRequest(HttpConnection *connection, HttpRequest &&request, bool keepAlive);
    friend struct RestServerFuzzAccess; // tests/fuzz: the routing and checks without a socket
    using Reply = std::function<void(const HttpResponse &)>;
    using Handler = std::function<void(const HttpRequest &, const QStringList &, const Reply &)>;
    struct Route
    {
        QByteArray method;
        QString pattern; // "/status/{run_id}": also the route's name in metrics
        QStringList segments;
        Handler handler;
        bool admin = false; // needs AdminGate's consent
    };
    enum class Access { Public, Admin };

    void addRoute(const QByteArray &method, const QString &pattern, Handler handler,
                  Access access = Access::Public);
    bool hostAllowed(const QByteArray &host) const;
    bool hostAllowedCached(const QByteArray &host);
    void readSettings();
    bool originAllowed(const QByteArray &origin) const;
    void addCommonHeaders(const HttpRequest &request, HttpResponse &response) const;
    static const QByteArray &commonHeaders();
    void setUpRoutes();
    void addDemoRoutes(); // democontroller.cpp
    void dispatch(const HttpRequest &request, const Reply &reply, QString *routeName);
    // The answers of one connection, written in the order of its requests (a child of it).
    struct AnswerQueue : QObject
    {
        struct Pending
        {
            HttpRequest request;
            HttpResponse response;
            bool close = false;
        };
        int nextSequence = 0; // given to the next request read
        int nextOut = 0; // the next answer to write
        QMap<int, Pending> pending;
        QPointer<FileStream> streaming; // a download being sent; the next answer waits for it
    };
    AnswerQueue *queueOf(HttpConnection *connection);
    void waitForStream(AnswerQueue *queue, HttpConnection *connection, FileStream *stream);

    void send(const QPointer<HttpConnection> &connection, const HttpRequest &request,
              const QString &route, HttpResponse response, bool close, qint64 startedNs = -1,
              int sequence = -1);
    void flush(AnswerQueue *queue, HttpConnection *connection);
    bool mayListenOn(const QHostAddress &address);
    std::unique_ptr<GuardedTcpServer> makeTcpServer() const;
    void adopt(std::unique_ptr<GuardedTcpServer> tcp);
    FileStream *write(HttpConnection *connection, const HttpRequest &request, HttpResponse response,
                      bool close);

    AppContext *m_context;
    VideoController *m_controller; // child
    AdminGate m_admin;
    QList<Route> m_routes;
    QHash<HttpConnection *, AnswerQueue *> m_queues;
    // Settings read on every request, kept here (Settings::changed refreshes them).
    QString m_allowedHosts;
    QString m_corsOrigins;
    QHash<QByteArray, bool> m_hostVerdicts;
    ServerMetrics m_metrics;
    QElapsedTimer m_uptime; // request latencies are read on it
    std::unique_ptr<GuardedTcpServer> m_tcp;
    QHostAddress m_address;
    quint16 m_port = 0;
    QString m_error;
    QAbstractSocket::SocketError m_socketError = QAbstractSocket::UnknownSocketError;
};
