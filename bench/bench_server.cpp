// The REST server under wrk (1 thread, 20 connections, 5 s per measurement, loopback).
//
// GET /status/{run_id} over 10,000 DISTINCT runs, each linked to a cached video of its own: the
// store is prepared with one real video made by `drillstudio generate` and 9,999 more jobs and
// runs written next to it (same bytes on disk, distinct ids). A wrk Lua script cycles through the
// run ids, so no single answer is served from a cache. Beside it, with the same script and path:
//   - FastAPI + uvicorn at its best (--loop uvloop --http httptools, one worker), its route
//     answering the same 10,000 runs from a dict in memory (read from the same store at start:
//     the fastest honest lookup) and serialised once, as DrillStudio keeps finished answers:
//     the route returns the bytes in a plain Response (no encoder, no JSON per request);
//   - a minimal QHttpServer route answering a constant body (bench/qhttpserver_ceiling.cpp),
//     the ceiling of the framework our server is built on;
//   - nginx (one worker) serving 10,000 static files with our status bodies.
// The MP4 download (GET /download/{video_id}, cycling through the 10,000 video ids) against nginx
// with sendfile on serving the same bytes under the same names.
// Three alternating rounds (every server once per round, in turn), medians.
// Targets: status >= 0.9x the minimal QHttpServer route and >= 5x FastAPI; download >= 0.5x nginx.
#include "benchutil.h"

#include <QCoreApplication>
#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QRegularExpression>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QStandardPaths>
#include <QTcpServer>
#include <QTcpSocket>
#include <QTemporaryDir>
#include <QThread>
#include <QUrl>

#include <unistd.h>

using bench::out;

namespace {

constexpr int kSeconds = 5;
constexpr int kConnections = 20;
constexpr int kRounds = 3;
constexpr int kRuns = 10000;
const QString kStatusPrefix = QStringLiteral("/api/video-generation/status/");
const QString kDownloadPrefix = QStringLiteral("/api/video-generation/download/");

struct Measure
{
    double requestsPerSecond = 0;
    double bytesPerSecond = 0;
    bool ok = false;
    QString failure; // wrk's report when an answer failed
};

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

// One plain HTTP/1.1 GET; answers the status code and the body.
std::pair<int, QByteArray> get(quint16 port, const QString &path)
{
    QTcpSocket socket;
    socket.connectToHost(QHostAddress::LocalHost, port);
    if (!socket.waitForConnected(5000))
        return {0, {}};
    socket.write("GET " + path.toUtf8()
                 + " HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n");
    QByteArray answer;
    while (socket.waitForReadyRead(5000))
        answer += socket.readAll();
    const qsizetype end = answer.indexOf("\r\n\r\n");
    const int code = answer.mid(9, 3).toInt();
    return {code, end < 0 ? QByteArray() : answer.mid(end + 4)};
}

// Many GETs over one keep-alive connection (answers with a Content-Length).
class KeepAlive
{
public:
    explicit KeepAlive(quint16 port)
    {
        m_socket.connectToHost(QHostAddress::LocalHost, port);
        m_socket.waitForConnected(5000);
    }
    std::pair<int, QByteArray> get(const QString &path)
    {
        m_socket.write("GET " + path.toUtf8() + " HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n");
        qsizetype end = -1;
        while ((end = m_buffer.indexOf("\r\n\r\n")) < 0) {
            if (!m_socket.waitForReadyRead(5000))
                return {0, {}};
            m_buffer += m_socket.readAll();
        }
        static const QRegularExpression length(QStringLiteral("\r\ncontent-length:\\s*(\\d+)"),
                                               QRegularExpression::CaseInsensitiveOption);
        const auto match = length.match(QString::fromLatin1(m_buffer.left(end + 2)));
        const qsizetype size = match.hasMatch() ? match.captured(1).toLongLong() : 0;
        while (m_buffer.size() < end + 4 + size) {
            if (!m_socket.waitForReadyRead(5000))
                return {0, {}};
            m_buffer += m_socket.readAll();
        }
        const int code = m_buffer.mid(9, 3).toInt();
        const QByteArray body = m_buffer.mid(end + 4, size);
        m_buffer.remove(0, end + 4 + size);
        return {code, body};
    }

private:
    QTcpSocket m_socket;
    QByteArray m_buffer;
};

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

// wrk with a Lua script that cycles through the given paths' keys.
Measure runWrk(quint16 port, const QString &script)
{
    QProcess wrk;
    wrk.start(QStringLiteral("wrk"),
              {QStringLiteral("-t1"), QStringLiteral("-c%1").arg(kConnections),
               QStringLiteral("-d%1s").arg(kSeconds), QStringLiteral("-s"), script,
               QStringLiteral("http://127.0.0.1:%1").arg(port)});
    Measure measure;
    if (!wrk.waitForFinished((kSeconds + 30) * 1000)) {
        wrk.kill();
        wrk.waitForFinished();
        return measure;
    }
    const QString output = QString::fromUtf8(wrk.readAllStandardOutput());
    static const QRegularExpression requests(QStringLiteral("Requests/sec:\\s+([0-9.]+)"));
    static const QRegularExpression transfer(QStringLiteral("Transfer/sec:\\s+(\\S+)"));
    static const QRegularExpression errors(
            QStringLiteral("Non-2xx or 3xx responses:\\s+(\\d+)|Socket errors"));
    const auto r = requests.match(output);
    const auto t = transfer.match(output);
    if (!r.hasMatch() || !t.hasMatch() || errors.match(output).hasMatch()) {
        measure.failure = output;
        return measure;
    }
    measure.requestsPerSecond = r.captured(1).toDouble();
    measure.bytesPerSecond = parseRate(t.captured(1));
    measure.ok = true;
    return measure;
}

bool writeFile(const QString &path, const QByteArray &bytes)
{
    QFile file(path);
    return file.open(QIODevice::WriteOnly | QIODevice::Truncate)
            && file.write(bytes) == bytes.size();
}

// A wrk script whose requests cycle through prefix + key for every key in the list file. Each
// request is formatted once and kept: on two cores wrk shares the machine with the server, and
// formatting every request in Lua made wrk, not the fastest server, the limit.
QString cyclingScript(const QString &dir, const QString &name, const QString &prefix,
                      const QStringList &keys)
{
    const QString keysFile = dir + QLatin1Char('/') + name + QStringLiteral(".keys");
    writeFile(keysFile, keys.join(QLatin1Char('\n')).toUtf8() + '\n');
    const QString script = dir + QLatin1Char('/') + name + QStringLiteral(".lua");
    writeFile(script,
              QStringLiteral("local paths = {}\n"
                             "for line in io.lines('%1') do paths[#paths + 1] = '%2' .. line end\n"
                             "local formatted = {}\n"
                             "local i = 0\n"
                             "request = function()\n"
                             "  i = i %% #paths + 1\n"
                             "  local r = formatted[i]\n"
                             "  if not r then\n"
                             "    r = wrk.format('GET', paths[i])\n"
                             "    formatted[i] = r\n"
                             "  end\n"
                             "  return r\n"
                             "end\n")
                      .arg(keysFile, prefix)
                      .replace(QStringLiteral("%%"), QStringLiteral("%"))
                      .toUtf8());
    return script;
}

struct Server
{
    QString name;
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
    process.start(QStringLiteral(DRILLSTUDIO_CLI_PATH), arguments);
    if (!process.waitForFinished(300000) || process.exitCode() != 0) {
        out() << "drillstudio " << arguments.join(QLatin1Char(' '))
              << " failed: " << process.readAllStandardError() << Qt::endl;
        return false;
    }
    if (output)
        *output = process.readAllStandardOutput();
    return true;
}

QString videoIdOf(int run)
{
    return QStringLiteral("%1").arg(run, 20, 16, QLatin1Char('0'));
}

// Adds jobs 2..kRuns (copies of the real video's job with their own id, drill text and spec) and
// links run i to job i.
bool fillStore(const QString &dataDir, const QString &realId)
{
    const QString name = QStringLiteral("bench-fill");
    bool ok = false;
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), name);
        db.setDatabaseName(dataDir + QStringLiteral("/library.sqlite"));
        if (!db.open()) {
            out() << "cannot open the store: " << db.lastError().text() << Qt::endl;
            return false;
        }
        QSqlQuery q(db);
        QStringList columns, values;
        q.exec(QStringLiteral("PRAGMA table_info(jobs)"));
        while (q.next()) {
            const QString column = q.value(1).toString();
            columns << column;
            if (column == QLatin1String("id"))
                values << QStringLiteral("printf('%020x', seq.i)");
            else if (column == QLatin1String("run_id"))
                values << QStringLiteral("seq.i");
            else if (column == QLatin1String("drill_text") || column == QLatin1String("spec_hash"))
                values << column + QStringLiteral(" || ' ' || seq.i");
            else
                values << QStringLiteral("jobs.") + column;
        }
        db.transaction();
        ok = q.exec(QStringLiteral("WITH RECURSIVE seq(i) AS (SELECT 2 UNION ALL SELECT i + 1 "
                                   "FROM seq WHERE i < %1) INSERT INTO jobs (%2) SELECT %3 FROM "
                                   "seq, jobs WHERE jobs.id = '%4'")
                            .arg(kRuns)
                            .arg(columns.join(QLatin1Char(',')), values.join(QLatin1Char(',')),
                                 realId))
                && q.exec(QStringLiteral("INSERT INTO runs (run_id, job_id, drill_text, linked_at) "
                                         "SELECT run_id, id, drill_text, created_at FROM jobs "
                                         "WHERE id <> '%1'")
                                  .arg(realId))
                && db.commit();
        if (!ok)
            out() << "cannot fill the store: " << q.lastError().text() << Qt::endl;
        q.exec(QStringLiteral("SELECT count(*) FROM runs"));
        ok = ok && q.next() && q.value(0).toInt() == kRuns;
    }
    QSqlDatabase::removeDatabase(name);
    return ok;
}

QString rate(double value)
{
    return QString::number(value, 'f', 0);
}

QString gib(double bytes)
{
    return QString::number(bytes / (1024.0 * 1024 * 1024), 'f', 2) + QStringLiteral(" GiB/s");
}

} // namespace

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    for (const char *tool : {"wrk", "nginx"}) {
        if (QStandardPaths::findExecutable(
                    QString::fromLatin1(tool),
                    {QStringLiteral("/usr/bin"), QStringLiteral("/usr/sbin")})
                    .isEmpty()) {
            out() << tool << " is not installed (packaging/setup-debian.sh installs it)."
                  << Qt::endl;
            return 1;
        }
    }
    QTemporaryDir dir;
    const QString dataDir = dir.filePath(QStringLiteral("data"));

    // The store: one real video (local renderer, 1280x720, 4 s) for run 1, then 9,999 more.
    out() << "preparing a store with " << kRuns << " runs linked to cached videos..." << Qt::endl;
    if (!runCli({QStringLiteral("generate"), QStringLiteral("--provider"), QStringLiteral("local"),
                 QStringLiteral("--run-id"), QStringLiteral("1"), QStringLiteral("--drill"),
                 QStringLiteral("もも上げ 20m×3"), QStringLiteral("--size"),
                 QStringLiteral("1280x720"), QStringLiteral("--seconds"), QStringLiteral("4")},
                dataDir))
        return 1;
    QByteArray listing;
    if (!runCli({QStringLiteral("cache"), QStringLiteral("list"), QStringLiteral("--json")},
                dataDir, &listing))
        return 1;
    const QJsonObject entry = QJsonDocument::fromJson(listing).array().at(0).toObject();
    const QString realId = entry.value(QStringLiteral("video_id")).toString();
    const QString videoFile = entry.value(QStringLiteral("file")).toString();
    const qint64 videoBytes = QFileInfo(videoFile).size();
    if (realId.isEmpty() || videoBytes <= 0 || !fillStore(dataDir, realId)) {
        out() << "no cached video: " << listing << Qt::endl;
        return 1;
    }
    QStringList runKeys, videoIds;
    for (int run = 1; run <= kRuns; ++run) {
        runKeys << QString::number(run);
        videoIds << (run == 1 ? realId : videoIdOf(run));
    }

    // DrillStudio's server on that store.
    QList<Server *> servers;
    Server ours;
    ours.name = QStringLiteral("drillstudio");
    ours.process.setProcessEnvironment(environment(dataDir));
    ours.process.start(QStringLiteral(DRILLSTUDIO_CLI_PATH),
                       {QStringLiteral("serve"), QStringLiteral("--port"), QStringLiteral("0")});
    if (!ours.process.waitForReadyRead(30000)) {
        out() << "drillstudio serve did not start: " << ours.process.readAllStandardError()
              << Qt::endl;
        return 1;
    }
    ours.port = quint16(
            QUrl(QString::fromUtf8(ours.process.readLine()).trimmed().section(u' ', 2)).port());

    // Our status bodies, one per run, for nginx's static files (and to check every answer).
    const QString root = dir.filePath(QStringLiteral("www"));
    const QString statusDir = root + kStatusPrefix;
    const QString downloadDir = root + kDownloadPrefix;
    QDir().mkpath(statusDir);
    QDir().mkpath(downloadDir);
    QByteArray sampleBody;
    KeepAlive client(ours.port);
    for (int run = 1; run <= kRuns; ++run) {
        const auto [code, body] = client.get(kStatusPrefix + QString::number(run));
        if (code != 200 || !body.contains("\"success\"")
            || !body.contains(videoIds.at(run - 1).toLatin1())) {
            out() << "status of run " << run << " is not a cached video: " << code << " " << body
                  << Qt::endl;
            return 1;
        }
        if (run == kRuns)
            sampleBody = body;
        writeFile(statusDir + QString::number(run), body);
    }
    const QString sharedVideo = root + QStringLiteral("/video.mp4");
    QFile::copy(videoFile, sharedVideo);
    QFile::setPermissions(sharedVideo,
                          QFile::ReadOwner | QFile::WriteOwner | QFile::ReadGroup
                                  | QFile::ReadOther);
    for (const QString &id : std::as_const(videoIds)) {
        if (::link(QFile::encodeName(sharedVideo).constData(),
                   QFile::encodeName(downloadDir + id).constData())
            != 0) {
            out() << "cannot link " << downloadDir + id << Qt::endl;
            return 1;
        }
    }
    // nginx's worker may run as another user: it must be able to read the folders.
    const auto readable = QFile::ReadOwner | QFile::WriteOwner | QFile::ExeOwner | QFile::ReadGroup
            | QFile::ExeGroup | QFile::ReadOther | QFile::ExeOther;
    for (QString path = downloadDir; path.startsWith(dir.path()); path = QFileInfo(path).path())
        QFile::setPermissions(path, readable);
    QFile::setPermissions(statusDir, readable);
    QFile::setPermissions(dir.path(), readable);

    Server nginx;
    nginx.name = QStringLiteral("nginx");
    nginx.port = freePort();
    const QString conf = dir.filePath(QStringLiteral("nginx.conf"));
    writeFile(conf,
              QStringLiteral("worker_processes 1;\nworker_rlimit_nofile 65536;\ndaemon off;\npid "
                             "%1/nginx.pid;\n"
                             "error_log %1/nginx-error.log warn;\n"
                             "events { worker_connections 1024; }\n"
                             "http {\n access_log off;\n sendfile on;\n tcp_nopush on;\n"
                             " keepalive_requests 1000000;\n open_file_cache max=800;\n"
                             " client_body_temp_path %1/tmp; proxy_temp_path %1/tmp;\n"
                             " fastcgi_temp_path %1/tmp; uwsgi_temp_path %1/tmp; "
                             "scgi_temp_path %1/tmp;\n"
                             " server {\n  listen 127.0.0.1:%2;\n  root %3;\n"
                             "  location %4 { default_type application/json; }\n"
                             "  location %5 { default_type video/mp4; }\n }\n}\n")
                      .arg(dir.path())
                      .arg(nginx.port)
                      .arg(root, kStatusPrefix, kDownloadPrefix)
                      .toUtf8());
    nginx.process.start(
            QStandardPaths::findExecutable(QStringLiteral("nginx"), {QStringLiteral("/usr/sbin")}),
            {QStringLiteral("-c"), conf, QStringLiteral("-p"), dir.path(), QStringLiteral("-e"),
             dir.filePath(QStringLiteral("nginx-error.log"))});
    if (!nginx.process.waitForStarted() || !waitForPort(nginx.port)) {
        out() << "nginx did not start" << Qt::endl;
        return 1;
    }

    // The framework's ceiling: a minimal QHttpServer route with a constant body of our size.
    Server ceiling;
    ceiling.name = QStringLiteral("QHttpServer minimal route");
    ceiling.process.start(QStringLiteral(QHTTPSERVER_CEILING_PATH),
                          {QString::fromUtf8(sampleBody)});
    if (!ceiling.process.waitForReadyRead(30000)) {
        out() << "qhttpserver_ceiling did not start" << Qt::endl;
        return 1;
    }
    ceiling.port = quint16(
            QUrl(QString::fromUtf8(ceiling.process.readLine()).trimmed().section(u' ', 2)).port());

    // FastAPI + uvicorn at its best, the 10,000 runs in a dict read from the same store.
    Server fastapi;
    fastapi.name = QStringLiteral("FastAPI + uvicorn");
    fastapi.port = freePort();
    const QString python = QStringLiteral("/usr/bin/python3"); // Debian's packages are its own
    const QString script = dir.filePath(QStringLiteral("fastapi_status.py"));
    writeFile(script,
              QStringLiteral(
                      "import json, sqlite3, sys\n"
                      "import uvicorn\n"
                      "from fastapi import FastAPI\n"
                      "from fastapi.responses import Response\n"
                      "db = sqlite3.connect(sys.argv[1])\n"
                      "runs = {}\n"
                      "for run_id, video_id, status, progress, error in db.execute(\n"
                      "        'SELECT r.run_id, j.id, j.status, j.progress, j.error_message '\n"
                      "        'FROM runs r JOIN jobs j ON j.id = r.job_id'):\n"
                      "    done = status == 'completed'\n"
                      "    runs[run_id] = json.dumps({'status': 'success',\n"
                      "        'video_url': '%1' + video_id if done else None,\n"
                      "        'generation_status': 'completed' if done else status,\n"
                      "        'error_message': error, 'progress': 100 if done else progress,\n"
                      "        'eta_seconds': 0, 'video_id': video_id, 'job_status': status},\n"
                      "        separators=(',', ':')).encode()\n"
                      "db.close()\n"
                      "NOT_FOUND = json.dumps({'status': 'not_found', 'video_url': None,\n"
                      "    'generation_status': 'not_generated', 'error_message': None},\n"
                      "    separators=(',', ':')).encode()\n"
                      "app = FastAPI()\n"
                      "@app.get('%2{run_id}')\n"
                      "async def status(run_id: int):\n"
                      "    return Response(runs.get(run_id, NOT_FOUND), "
                      "media_type='application/json')\n"
                      "uvicorn.run(app, host='127.0.0.1', port=int(sys.argv[2]), loop='uvloop',\n"
                      "            http='httptools', log_level='warning', access_log=False)\n")
                      .arg(kDownloadPrefix, kStatusPrefix)
                      .toUtf8());
    fastapi.process.start(
            python,
            {script, dataDir + QStringLiteral("/library.sqlite"), QString::number(fastapi.port)});
    if (!fastapi.process.waitForStarted() || !waitForPort(fastapi.port)) {
        out() << "FastAPI + uvicorn did not start (python3-fastapi, python3-uvicorn, "
                 "python3-uvloop, python3-httptools): "
              << fastapi.process.readAllStandardError() << Qt::endl;
        return 1;
    }
    for (Server *server : {&nginx, &fastapi, &ceiling}) {
        const auto [code, body] = get(server->port, kStatusPrefix + QString::number(kRuns));
        if (code != 200 || !body.contains("\"success\"")) {
            out() << server->name << " does not answer the status route: " << code << " " << body
                  << Qt::endl;
            return 1;
        }
    }
    const auto [code, body] = get(ours.port, kDownloadPrefix + videoIds.last());
    if (code != 200 || body.size() != videoBytes) {
        out() << "the download of " << videoIds.last() << " answered " << code << " with "
              << body.size() << " bytes" << Qt::endl;
        return 1;
    }

    const QString statusScript
            = cyclingScript(dir.path(), QStringLiteral("status"), kStatusPrefix, runKeys);
    const QString downloadScript
            = cyclingScript(dir.path(), QStringLiteral("download"), kDownloadPrefix, videoIds);
    out() << QStringLiteral("wrk: 1 thread, %1 connections, %2 s per measurement, %3 rounds in "
                            "turn; status over %4 distinct runs; video %5 bytes")
                     .arg(kConnections)
                     .arg(kSeconds)
                     .arg(kRounds)
                     .arg(kRuns)
                     .arg(videoBytes)
          << Qt::endl;
    QList<double> ourStatus, ceilingStatus, fastapiStatus, nginxStatus, ourDownload, nginxDownload;
    // A measurement with a failed answer does not count; it is reported, and its target line
    // says NOT MEASURED when no round of it succeeded.
    bool measured = true;
    auto measure = [&](Server &server, const QString &what, const QString &scriptPath,
                       QList<double> &into, bool bytes) {
        const Measure m = runWrk(server.port, scriptPath);
        if (!m.ok) {
            measured = false;
            out() << server.name << ", " << what << ": wrk saw failed answers; not counted:\n"
                  << m.failure << Qt::endl;
            if (&server == &nginx) {
                QFile log(dir.filePath(QStringLiteral("nginx-error.log")));
                if (log.open(QIODevice::ReadOnly))
                    out() << "nginx error log (end): " << log.readAll().right(1000) << Qt::endl;
            }
            return;
        }
        into << (bytes ? m.bytesPerSecond : m.requestsPerSecond);
    };
    const QString status = QStringLiteral("status");
    const QString download = QStringLiteral("download");
    for (int round = 0; round < kRounds; ++round) {
        measure(ours, status, statusScript, ourStatus, false);
        measure(ceiling, status, statusScript, ceilingStatus, false);
        measure(fastapi, status, statusScript, fastapiStatus, false);
        measure(nginx, status, statusScript, nginxStatus, false);
        measure(ours, download, downloadScript, ourDownload, true);
        measure(nginx, download, downloadScript, nginxDownload, true);
    }

    const double os = bench::median(ourStatus), cs = bench::median(ceilingStatus);
    const double fs = bench::median(fastapiStatus), ns = bench::median(nginxStatus);
    const double od = bench::median(ourDownload), nd = bench::median(nginxDownload);
    out() << Qt::endl
          << "| GET /status/{run_id}, 10,000 distinct runs     | req/s (median) | ours / it |"
          << Qt::endl
          << "|------------------------------------------------|---------------:|----------:|"
          << Qt::endl;
    auto row = [](const QString &what, const QString &value, const QString &ratio) {
        out() << QStringLiteral("| %1 | %2 | %3 |").arg(what, -46).arg(value, 14).arg(ratio, 9)
              << Qt::endl;
    };
    auto ratio = [](double a, double b) {
        return b > 0 ? QString::number(a / b, 'f', 2) + QLatin1Char('x') : QStringLiteral("-");
    };
    row(QStringLiteral("DrillStudio serve (SQLite store)"), rate(os), QString());
    row(QStringLiteral("minimal QHttpServer route, constant body"), rate(cs), ratio(os, cs));
    row(QStringLiteral("FastAPI + uvicorn (uvloop, httptools), dict"), rate(fs), ratio(os, fs));
    row(QStringLiteral("nginx, static files"), rate(ns), ratio(os, ns));
    out() << Qt::endl
          << "| GET /download/{video_id}                       | throughput     | ours / it |"
          << Qt::endl
          << "|------------------------------------------------|---------------:|----------:|"
          << Qt::endl;
    row(QStringLiteral("DrillStudio serve"), gib(od), QString());
    row(QStringLiteral("nginx, sendfile on"), gib(nd), ratio(od, nd));
    out() << Qt::endl;
    auto check = [](const QString &what, const QList<double> &a, const QList<double> &b,
                    const QString &wanted, double factor) {
        if (a.isEmpty() || b.isEmpty() || bench::median(b) <= 0) {
            out() << "target " << what << ": NOT MEASURED (want " << wanted << ")" << Qt::endl;
            return;
        }
        const double x = bench::median(a), y = bench::median(b);
        bench::target(what, QString::number(x / y, 'f', 2) + QLatin1Char('x'), wanted,
                      x >= factor * y);
    };
    check(QStringLiteral("status vs the minimal QHttpServer route"), ourStatus, ceilingStatus,
          QStringLiteral(">= 0.90x"), 0.9);
    check(QStringLiteral("status vs FastAPI + uvicorn at its best"), ourStatus, fastapiStatus,
          QStringLiteral(">= 5.00x"), 5);
    check(QStringLiteral("download vs nginx with sendfile"), ourDownload, nginxDownload,
          QStringLiteral(">= 0.50x"), 0.5);
    return measured ? 0 : 1;
    return 0;
}
