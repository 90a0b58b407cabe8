// qhttpserver_ceiling: the smallest QHttpServer that answers GET /api/video-generation/status/<id>
// with a constant JSON body (the shape and size of a DrillStudio status answer). bench_server
// measures it as the ceiling of the HTTP framework the REST server is built on. Prints
// "listening on http://127.0.0.1:PORT" and serves until terminated.
#include <QCoreApplication>
#include <QHostAddress>
#include <QHttpServer>
#include <QHttpServerResponse>
#include <QTextStream>

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    const QByteArray body
            = argc > 1 ? QByteArray(argv[1]) : QByteArrayLiteral("{\"status\":\"success\"}");
    QHttpServer server;
    server.route(QStringLiteral("/api/video-generation/status/<arg>"), [body](qint64) {
        return QHttpServerResponse(QByteArrayLiteral("application/json"), body);
    });
    const quint16 port = server.listen(QHostAddress::LocalHost, 0);
    if (port == 0)
        return 1;
    QTextStream(stdout) << "listening on http://127.0.0.1:" << port << Qt::endl;
    return app.exec();
}
