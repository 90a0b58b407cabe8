// The REST server under load: `drillstudio serve` on a data folder with one cached video, measured
// with wrk (1 thread, 20 connections, 5 s, loopback) beside nginx serving the same status body and
// the same MP4 as static files, and beside the old FastAPI service's status route under uvicorn
// when python3-fastapi is installed. Prints a table with the ratios and the design's targets;
// exits non-zero when a server could not be measured.
#include <QCoreApplication>
#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QRegularExpression>
#include <QStandardPaths>
#include <QTcpServer>
#include <QTcpSocket>
#include <QTemporaryDir>
#include <QTextStream>
#include <QThread>

#include <optional>

namespace {

constexpr int kSeconds = 5;
constexpr int kConnections = 20;
constexpr qint64 kRunId = 4242;

QTextStream &out()
{
    static QTextStream stream(stdout);
    return stream;
}

struct Measure
{
    double requestsPerSecond = 0;
    double bytesPerSecond = 0;
    bool ok = false;
};

QString cli()
{
    return QStringLiteral(DRILLSTUDIO_CLI_PATH);
}

quint16 freePort()
{
    QTcpServer probe;
    probe.listen(QHostAddress::LocalHost, 0);
    return probe.serverPort();
}

// Polls until something accepts connections on the port (bounded).
bool waitForPort(quint16 port, int timeoutMs = 30000)
{
    QElapsedTimer timer;
    timer.start();
    while (timer.elapsed() < timeoutMs) {
        QTcpSocket socket;
        socket.connectToHost(QHostAddress::LocalHost, port);
        if (socket.waitForConnected(200))
            return true;
        QThread::msleep(50);
    }
    return false;
}

double parseRate(const QString &text)
{
    static const QRegularExpression pattern(QStringLiteral("^([0-9.]+)([KMG]?B)?$"));
    const auto match = pattern.match(text.trimmed());
    if (!match.hasMatch())
        return 0;
    double value = match.captured(1).toDouble();
    const QString unit = match.captured(2);
    if (unit == QLatin1String("KB"))
        value *= 1024;
    else if (unit == QLatin1String("MB"))
        value *= 1024 * 1024;
    else if (unit == QLatin1String("GB"))
        value *= 1024.0 * 1024 * 1024;
    return value;
}

Measure runWrk(const QString &url, int connections = kConnections)
{
    QProcess wrk;
    wrk.start(QStringLiteral("wrk"),
              {QStringLiteral("-t1"), QStringLiteral("-c%1").arg(connections),
               QStringLiteral("-d%1s").arg(kSeconds), QStringLiteral("--latency"), url});
    Measure measure;
    if (!wrk.waitForFinished((kSeconds + 30) * 1000)) {
        wrk.kill();
        wrk.waitForFinished();
        return measure;
    }
    const QString output = QString::fromUtf8(wrk.readAllStandardOutput());
    static const QRegularExpression requests(QStringLiteral("Requests/sec:\\s+([0-9.]+)"));
    static const QRegularExpression transfer(QStringLiteral("Transfer/sec:\\s+(\\S+)"));
    static const QRegularExpression errors(QStringLiteral("Non-2xx or 3xx responses:\\s+(\\d+)"));
    const auto r = requests.match(output);
    const auto t = transfer.match(output);
    if (!r.hasMatch() || !t.hasMatch() || errors.match(output).hasMatch()) {
        out() << "wrk " << url << " failed:\n" << output << Qt::endl;
        return measure;
    }
    measure.requestsPerSecond = r.captured(1).toDouble();
    measure.bytesPerSecond = parseRate(t.captured(1));
    measure.ok = true;
    return measure;
}

struct Server
{
    QProcess process;
    quint16 port = 0;
    ~Server()
    {
        if (process.state() != QProcess::NotRunning) {
            process.terminate();
            if (!process.waitForFinished(10000)) {
                process.kill();
                process.waitForFinished();
            }
        }
    }
};

QProcessEnvironment environment(const QString &dataDir)
{
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(QStringLiteral("QT_QPA_PLATFORM"), QStringLiteral("offscreen"));
    env.insert(QStringLiteral("DRILLSTUDIO_DATA_DIR"), dataDir);
    env.remove(QStringLiteral("DRILLSTUDIO_GENERATION_PASSWORD"));
    return env;
}

bool runCli(const QStringList &arguments, const QString &dataDir, QByteArray *output = nullptr)
{
    QProcess process;
    process.setProcessEnvironment(environment(dataDir));
    process.start(cli(), arguments);
    if (!process.waitForFinished(300000) || process.exitCode() != 0) {
        out() << "drillstudio " << arguments.join(QLatin1Char(' '))
              << " failed: " << process.readAllStandardError() << Qt::endl;
        return false;
    }
    if (output)
        *output = process.readAllStandardOutput();
    return true;
}

QString fmtRate(double requests)
{
    return QString::number(requests, 'f', 0).rightJustified(10);
}

QString fmtBytes(double bytes)
{
    const QString text
            = QString::number(bytes / (1024.0 * 1024 * 1024), 'f', 2) + QStringLiteral(" GiB/s");
    return text.rightJustified(12);
}

QString ratio(double a, double b)
{
    return b > 0 ? QString::number(a / b, 'f', 2) + QLatin1Char('x') : QStringLiteral("-");
}

} // namespace

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    if (QStandardPaths::findExecutable(QStringLiteral("wrk")).isEmpty()) {
        out() << "wrk is not installed (packaging/setup-debian.sh installs it)." << Qt::endl;
        return 1;
    }
    QTemporaryDir dir;
    const QString dataDir = dir.filePath(QStringLiteral("data"));

    // One cached video of the contract's shape (1280x720, 4 s), made by the local renderer.
    out() << "making one cached video (local renderer, 1280x720, 4 s)..." << Qt::endl;
    if (!runCli({QStringLiteral("generate"), QStringLiteral("--run-id"), QString::number(kRunId),
                 QStringLiteral("--drill"), QStringLiteral("もも上げ 20m×3"),
                 QStringLiteral("--size"), QStringLiteral("1280x720"), QStringLiteral("--seconds"),
                 QStringLiteral("4")},
                dataDir))
        return 1;
    QByteArray listing;
    if (!runCli({QStringLiteral("cache"), QStringLiteral("list"), QStringLiteral("--json")},
                dataDir, &listing))
        return 1;
    const QJsonObject entry = QJsonDocument::fromJson(listing).array().at(0).toObject();
    const QString videoId = entry.value(QStringLiteral("video_id")).toString();
    const QString videoFile = entry.value(QStringLiteral("file")).toString();
    const qint64 videoBytes = QFileInfo(videoFile).size();
    if (videoId.isEmpty() || videoBytes <= 0) {
        out() << "no cached video: " << listing << Qt::endl;
        return 1;
    }

    Server drillstudio;
    drillstudio.process.setProcessEnvironment(environment(dataDir));
    drillstudio.process.start(
            cli(), {QStringLiteral("serve"), QStringLiteral("--port"), QStringLiteral("0")});
    if (!drillstudio.process.waitForReadyRead(30000)) {
        out() << "drillstudio serve did not start: " << drillstudio.process.readAllStandardError()
              << Qt::endl;
        return 1;
    }
    const QString line = QString::fromUtf8(drillstudio.process.readLine()).trimmed();
    const QUrl base(line.section(QLatin1Char(' '), 2));
    drillstudio.port = quint16(base.port());
    const QString ours = QStringLiteral("http://127.0.0.1:%1").arg(drillstudio.port);
    const QString statusPath = QStringLiteral("/api/video-generation/status/%1").arg(kRunId);
    const QString downloadPath = QStringLiteral("/api/video-generation/download/") + videoId;

    // nginx: the same status body and the same MP4 as static files, one worker like our one
    // event loop, sendfile on, keep-alive without a request limit.
    QByteArray statusBody;
    {
        QTcpSocket socket;
        socket.connectToHost(QHostAddress::LocalHost, drillstudio.port);
        socket.waitForConnected(5000);
        socket.write("GET " + statusPath.toLatin1()
                     + " HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n");
        QByteArray answer;
        while (socket.waitForReadyRead(5000))
            answer += socket.readAll();
        statusBody = answer.mid(answer.indexOf("\r\n\r\n") + 4);
    }
    const QString root = dir.filePath(QStringLiteral("www"));
    QDir().mkpath(root + QStringLiteral("/status"));
    QFile status(root + QStringLiteral("/status/%1").arg(kRunId));
    status.open(QIODevice::WriteOnly);
    status.write(statusBody);
    status.close();
    QFile::copy(videoFile, root + QStringLiteral("/video.mp4"));
    // nginx's worker runs as another user: it must be able to read the folders.
    const auto readable = QFile::ReadOwner | QFile::WriteOwner | QFile::ExeOwner | QFile::ReadGroup
            | QFile::ExeGroup | QFile::ReadOther | QFile::ExeOther;
    for (const QString &path : {dir.path(), root, QString(root + QStringLiteral("/status"))})
        QFile::setPermissions(path, readable);
    Server nginx;
    nginx.port = freePort();
    const QString conf = dir.filePath(QStringLiteral("nginx.conf"));
    QFile confFile(conf);
    confFile.open(QIODevice::WriteOnly);
    confFile.write(
            QStringLiteral("worker_processes 1;\ndaemon off;\npid %1/nginx.pid;\n"
                           "error_log %1/nginx-error.log warn;\n"
                           "events { worker_connections 1024; }\n"
                           "http {\n access_log off;\n sendfile on;\n tcp_nopush on;\n"
                           " keepalive_requests 1000000;\n"
                           " client_body_temp_path %1/tmp; proxy_temp_path %1/tmp;\n"
                           " fastcgi_temp_path %1/tmp; uwsgi_temp_path %1/tmp; scgi_temp_path "
                           "%1/tmp;\n"
                           " types { video/mp4 mp4; application/json json; }\n"
                           " default_type application/json;\n"
                           " server { listen 127.0.0.1:%2; root %3; }\n}\n")
                    .arg(dir.path())
                    .arg(nginx.port)
                    .arg(root)
                    .toUtf8());
    confFile.close();
    const QString nginxBinary = QStandardPaths::findExecutable(QStringLiteral("nginx"),
                                                               {QStringLiteral("/usr/sbin")});
    bool haveNginx = false;
    if (!nginxBinary.isEmpty()) {
        nginx.process.start(nginxBinary,
                            {QStringLiteral("-c"), conf, QStringLiteral("-p"), dir.path(),
                             QStringLiteral("-e"),
                             dir.filePath(QStringLiteral("nginx-error.log"))});
        haveNginx = nginx.process.waitForStarted() && waitForPort(nginx.port);
    }

    // The old service's shape: FastAPI + uvicorn, a status route over an in-memory dictionary.
    Server fastapi;
    bool haveFastapi = false;
    // Debian's packages belong to Debian's interpreter, whatever else is on PATH.
    QString python = QStandardPaths::findExecutable(QStringLiteral("python3"),
                                                    {QStringLiteral("/usr/bin")});
    if (python.isEmpty())
        python = QStandardPaths::findExecutable(QStringLiteral("python3"));
    QProcess check;
    check.start(python, {QStringLiteral("-c"), QStringLiteral("import fastapi, uvicorn")});
    if (!python.isEmpty() && check.waitForFinished(30000) && check.exitCode() == 0) {
        fastapi.port = freePort();
        const QString script = dir.filePath(QStringLiteral("oldservice.py"));
        QFile file(script);
        file.open(QIODevice::WriteOnly);
        file.write(
                QStringLiteral("from fastapi import FastAPI\nimport uvicorn\n"
                               "app = FastAPI()\n"
                               "video_cache = {%1: {'video_url': '%2', 'status': 'completed', "
                               "'error': None}}\n"
                               "@app.get('/status/{run_id}')\n"
                               "async def status(run_id: int):\n"
                               "    entry = video_cache.get(run_id)\n"
                               "    if entry is None:\n"
                               "        return {'status': 'not_found', 'video_url': None, "
                               "'generation_status': 'not_generated', 'error_message': None}\n"
                               "    return {'status': 'success', 'video_url': entry['video_url'], "
                               "'generation_status': entry['status'], 'error_message': "
                               "entry['error']}\n"
                               "uvicorn.run(app, host='127.0.0.1', port=%3, log_level='warning', "
                               "access_log=False)\n")
                        .arg(kRunId)
                        .arg(downloadPath)
                        .arg(fastapi.port)
                        .toUtf8());
        file.close();
        fastapi.process.start(python, {script});
        haveFastapi = fastapi.process.waitForStarted() && waitForPort(fastapi.port);
    }

    out() << QStringLiteral("wrk: 1 thread, %1 connections, %2 s per run; video %3 bytes")
                     .arg(kConnections)
                     .arg(kSeconds)
                     .arg(videoBytes)
          << Qt::endl;
    const Measure ourStatus = runWrk(ours + statusPath);
    const Measure ourDownload = runWrk(ours + downloadPath);
    Measure nginxStatus, nginxDownload, fastapiStatus;
    if (haveNginx) {
        const QString base = QStringLiteral("http://127.0.0.1:%1").arg(nginx.port);
        nginxStatus = runWrk(base + QStringLiteral("/status/%1").arg(kRunId));
        nginxDownload = runWrk(base + QStringLiteral("/video.mp4"));
    }
    if (haveFastapi)
        fastapiStatus = runWrk(
                QStringLiteral("http://127.0.0.1:%1/status/%2").arg(fastapi.port).arg(kRunId));

    out() << Qt::endl
          << "| what                         | drillstudio |      nginx |    FastAPI | ratio "
             "(target)"
          << Qt::endl
          << "|------------------------------|-------------|------------|------------|----------"
             "----------------"
          << Qt::endl;
    out() << "| GET /status/{run_id} req/s   |" << fmtRate(ourStatus.requestsPerSecond) << "   |"
          << (haveNginx ? fmtRate(nginxStatus.requestsPerSecond) : QStringLiteral("       n/a"))
          << "  |"
          << (haveFastapi ? fmtRate(fastapiStatus.requestsPerSecond) : QStringLiteral("       n/a"))
          << "  | " << ratio(ourStatus.requestsPerSecond, fastapiStatus.requestsPerSecond)
          << " FastAPI (>= 10x), "
          << ratio(ourStatus.requestsPerSecond, nginxStatus.requestsPerSecond)
          << " nginx static (>= 0.5x)" << Qt::endl;
    out() << "| GET /download/{id} throughput|" << fmtBytes(ourDownload.bytesPerSecond) << " |"
          << (haveNginx ? fmtBytes(nginxDownload.bytesPerSecond) : QStringLiteral("         n/a"))
          << "|        n/a | " << ratio(ourDownload.bytesPerSecond, nginxDownload.bytesPerSecond)
          << " nginx (>= 0.5x)" << Qt::endl;
    out() << "| GET /download/{id} req/s     |" << fmtRate(ourDownload.requestsPerSecond) << "   |"
          << (haveNginx ? fmtRate(nginxDownload.requestsPerSecond) : QStringLiteral("       n/a"))
          << "  |        n/a |" << Qt::endl;

    bool measured = ourStatus.ok && ourDownload.ok;
    if (!haveNginx)
        out() << "nginx is not installed: no nginx column (packaging/setup-debian.sh installs "
                 "nginx-light)."
              << Qt::endl;
    else
        measured = measured && nginxStatus.ok && nginxDownload.ok;
    if (!haveFastapi)
        out() << "python3-fastapi/python3-uvicorn are not installed: no FastAPI column."
              << Qt::endl;
    else
        measured = measured && fastapiStatus.ok;
    if (haveNginx && haveFastapi) {
        const bool met = ourStatus.requestsPerSecond >= 10 * fastapiStatus.requestsPerSecond
                && ourStatus.requestsPerSecond >= 0.5 * nginxStatus.requestsPerSecond
                && ourDownload.bytesPerSecond >= 0.5 * nginxDownload.bytesPerSecond;
        out() << (met ? "targets: met" : "targets: NOT met") << Qt::endl;
    }
    return measured ? 0 : 1;
}
