// Soak: 100 connections for 60 s of mixed traffic against a real `drillstudio serve` with a
// library of cached runs (wrk, 2 threads, a Lua script). The mix, per 20 requests: 8 GET /status
// of a cached run, 3 whole downloads, 3 downloads of a random Range, 3 thumbnails (one of them
// conditional: If-None-Match, answered 304), 3 cached POST /generate (the frontend's body, the
// right password: the run is linked to the existing video, nothing is generated).
// After a 10 s warm-up with the same mix, the server's RSS and open descriptors (/proc/PID) are
// read before and after the soak, once the connections have closed.
// Targets: 0 errors (answers other than 200/206/304, and socket errors), RSS growth < 10 %, no
// descriptor leak (as many open after as before).
#include "benchutil.h"

#include <QCoreApplication>
#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QRandomGenerator>
#include <QRegularExpression>
#include <QStandardPaths>
#include <QTcpSocket>
#include <QTemporaryDir>
#include <QThread>
#include <QUrl>

using bench::out;

namespace {

constexpr int kConnections = 100;
constexpr int kSeconds = 60;
constexpr int kWarmUpSeconds = 10;
constexpr int kRuns = 600; // cached runs in the library
const QString kApi = QStringLiteral("/api/video-generation");
// Three drills as the frontend sends them: three videos that the runs link to.
const QStringList kDrills = {
        QStringLiteral("【💪 おすすめの補強ドリル】\n補強ドリルとして、壁を使った前傾姿勢の練習"
                       "（ウォールドリル）が効果的です。\n"),
        QStringLiteral("【💪 おすすめの補強ドリル】\nもも上げ 20m×3本で、膝を高く上げる意識を"
                       "つけましょう。\n"),
        QStringLiteral("【💪 おすすめの補強ドリル】\nランジ 左右10回×2セットで、着地の安定を"
                       "高めましょう。\n"),
};

QProcessEnvironment environment(const QString &dataDir, const QByteArray &password)
{
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(QStringLiteral("QT_QPA_PLATFORM"), QStringLiteral("offscreen"));
    env.insert(QStringLiteral("DRILLSTUDIO_DATA_DIR"), dataDir);
    env.insert(QStringLiteral("DRILLSTUDIO_GENERATION_PASSWORD"), QString::fromLatin1(password));
    return env;
}

struct Answer
{
    int status = 0;
    QByteArray headers;
    QByteArray body;
};

// One HTTP/1.1 request on a new connection (Connection: close).
Answer request(quint16 port, const QByteArray &method, const QString &path,
               const QByteArray &body = {})
{
    QTcpSocket socket;
    socket.connectToHost(QHostAddress::LocalHost, port);
    Answer answer;
    if (!socket.waitForConnected(5000))
        return answer;
    QByteArray text = method + ' ' + path.toUtf8() + " HTTP/1.1\r\nHost: 127.0.0.1\r\n"
            + "Connection: close\r\n";
    if (!body.isEmpty())
        text += "Content-Type: application/json\r\nContent-Length: "
                + QByteArray::number(body.size()) + "\r\n";
    socket.write(text + "\r\n" + body);
    QByteArray all;
    while (socket.waitForReadyRead(30000))
        all += socket.readAll();
    const qsizetype end = all.indexOf("\r\n\r\n");
    if (end < 0)
        return answer;
    answer.status = all.mid(9, 3).toInt();
    answer.headers = all.left(end);
    answer.body = all.mid(end + 4);
    return answer;
}

QByteArray headerOf(const QByteArray &headers, const QByteArray &name)
{
    for (const QByteArray &line : headers.split('\n')) {
        const qsizetype colon = line.indexOf(':');
        if (colon > 0 && line.left(colon).trimmed().toLower() == name)
            return line.mid(colon + 1).trimmed();
    }
    return {};
}

QByteArray generateBody(qint64 runId, const QString &drill, const QByteArray &password)
{
    return QJsonDocument(QJsonObject {{QStringLiteral("run_id"), runId},
                                      {QStringLiteral("drill_text"), drill},
                                      {QStringLiteral("size"), QStringLiteral("1280x720")},
                                      {QStringLiteral("seconds"), QStringLiteral("4")},
                                      {QStringLiteral("password"), QString::fromLatin1(password)}})
            .toJson(QJsonDocument::Compact);
}

qint64 rssKiB(qint64 pid)
{
    QFile status(QStringLiteral("/proc/%1/status").arg(pid));
    if (!status.open(QIODevice::ReadOnly))
        return -1;
    static const QRegularExpression rss(QStringLiteral("VmRSS:\\s+(\\d+) kB"));
    const auto match = rss.match(QString::fromLatin1(status.readAll()));
    return match.hasMatch() ? match.captured(1).toLongLong() : -1;
}

int openDescriptors(qint64 pid)
{
    return int(QDir(QStringLiteral("/proc/%1/fd").arg(pid))
                       .entryList(QDir::AllEntries | QDir::System | QDir::NoDotAndDotDot)
                       .size());
}

// The descriptor count once the closed connections are gone: the same reading 10 times in a row
// (bounded: 10 s).
int settledDescriptors(qint64 pid)
{
    QElapsedTimer timer;
    timer.start();
    int last = openDescriptors(pid);
    int same = 0;
    while (same < 10 && timer.elapsed() < 10000) {
        QThread::msleep(100);
        const int now = openDescriptors(pid);
        same = now == last ? same + 1 : 0;
        last = now;
    }
    return last;
}

QString luaString(const QByteArray &text)
{
    QString quoted = QStringLiteral("\"");
    for (const char c : text) {
        if (c == '"' || c == '\\')
            quoted += QLatin1Char('\\') + QLatin1Char(c);
        else if (c == '\n')
            quoted += QStringLiteral("\\n");
        else if (uchar(c) < 0x20 || uchar(c) >= 0x80)
            quoted += QStringLiteral("\\%1").arg(int(uchar(c)), 3, 10, QLatin1Char('0'));
        else
            quoted += QLatin1Char(c);
    }
    return quoted + QLatin1Char('"');
}

struct Library
{
    QStringList videoIds; // by drill
    QList<qint64> videoBytes;
    QList<QByteArray> thumbnailEtags;
    QList<int> drillOfRun; // index: run - 1
};

// The wrk script: the mix above, and a count of unexpected answers reported at the end.
QString soakScript(const Library &library, const QByteArray &password)
{
    QStringList ids, sizes, etags, bodies;
    for (qsizetype i = 0; i < library.videoIds.size(); ++i) {
        ids << luaString(library.videoIds.at(i).toLatin1());
        sizes << QString::number(library.videoBytes.at(i));
        etags << luaString(library.thumbnailEtags.at(i));
    }
    for (int run = 1; run <= kRuns; ++run)
        bodies << luaString(
                generateBody(run, kDrills.at(library.drillOfRun.at(run - 1)), password));
    QString script = QStringLiteral(R"(
local ids = {%1}
local sizes = {%2}
local etags = {%3}
local bodies = {%4}
local runs = %5
local api = "%6"
local threads = {}

function setup(thread)
  thread:set("seed", #threads + 1)
  table.insert(threads, thread)
end

function init(args)
  math.randomseed(seed * 7919)
  counter = 0
  bad = 0
  firstBad = ""
end

function request()
  counter = counter + 1
  local slot = counter % 20
  local run = math.random(1, runs)
  local v = math.random(1, #ids)
  if slot < 8 then
    return wrk.format("GET", api .. "/status/" .. run)
  elseif slot < 11 then
    return wrk.format("GET", api .. "/download/" .. ids[v])
  elseif slot < 14 then
    local first = math.random(0, sizes[v] - 1)
    local last = math.min(sizes[v] - 1, first + math.random(0, 262143))
    return wrk.format("GET", api .. "/download/" .. ids[v], { Range = "bytes=" .. first .. "-" .. last })
  elseif slot < 16 then
    return wrk.format("GET", api .. "/thumbnail/" .. ids[v])
  elseif slot < 17 then
    return wrk.format("GET", api .. "/thumbnail/" .. ids[v], { ["If-None-Match"] = etags[v] })
  else
    return wrk.format("POST", api .. "/generate", { ["Content-Type"] = "application/json" }, bodies[run])
  end
end

function response(status, headers, body)
  if status ~= 200 and status ~= 206 and status ~= 304 then
    bad = bad + 1
    if firstBad == "" then firstBad = status .. " " .. string.sub(body or "", 1, 200) end
  end
end

function done(summary, latency, requests)
  local total = 0
  local first = ""
  for _, thread in ipairs(threads) do
    total = total + thread:get("bad")
    if first == "" then first = thread:get("firstBad") end
  end
  local e = summary.errors
  io.write(string.format("soak requests %d\n", summary.requests))
  io.write(string.format("soak bad %d\n", total))
  io.write(string.format("soak socket %d %d %d %d\n", e.connect, e.read, e.write, e.timeout))
  io.write(string.format("soak p99ms %.1f\n", latency:percentile(99) / 1000))
  if first ~= "" then io.write("soak first-bad " .. first .. "\n") end
end
)");
    return script
            .arg(ids.join(QLatin1Char(',')), sizes.join(QLatin1Char(',')),
                 etags.join(QLatin1Char(',')), bodies.join(QStringLiteral(",\n")))
            .arg(kRuns)
            .arg(kApi);
}

struct WrkResult
{
    bool ok = false;
    qint64 requests = 0;
    qint64 bad = 0;
    qint64 socketErrors = 0;
    double p99Ms = 0;
    double seconds = 0;
    QString firstBad;
    QString output;
};

WrkResult runWrk(quint16 port, const QString &script, int seconds)
{
    QProcess wrk;
    QElapsedTimer timer;
    timer.start();
    wrk.start(QStringLiteral("wrk"),
              {QStringLiteral("-t2"), QStringLiteral("-c%1").arg(kConnections),
               QStringLiteral("-d%1s").arg(seconds), QStringLiteral("--timeout"),
               QStringLiteral("10s"), QStringLiteral("-s"), script,
               QStringLiteral("http://127.0.0.1:%1").arg(port)});
    WrkResult result;
    if (!wrk.waitForFinished((seconds + 60) * 1000)) {
        wrk.kill();
        wrk.waitForFinished();
        return result;
    }
    result.seconds = double(timer.elapsed()) / 1000;
    result.output = QString::fromUtf8(wrk.readAllStandardOutput() + wrk.readAllStandardError());
    const auto number = [&](const QString &pattern) -> QStringList {
        const auto match = QRegularExpression(pattern).match(result.output);
        return match.hasMatch() ? match.capturedTexts().mid(1) : QStringList();
    };
    const QStringList requests = number(QStringLiteral("soak requests (\\d+)"));
    const QStringList bad = number(QStringLiteral("soak bad (\\d+)"));
    const QStringList socket = number(QStringLiteral("soak socket (\\d+) (\\d+) (\\d+) (\\d+)"));
    const QStringList p99 = number(QStringLiteral("soak p99ms ([0-9.]+)"));
    const QStringList first = number(QStringLiteral("soak first-bad ([^\\n]*)"));
    if (requests.isEmpty() || bad.isEmpty() || socket.size() != 4)
        return result;
    result.ok = true;
    result.requests = requests.at(0).toLongLong();
    result.bad = bad.at(0).toLongLong();
    for (const QString &count : socket)
        result.socketErrors += count.toLongLong();
    result.p99Ms = p99.value(0).toDouble();
    result.firstBad = first.value(0);
    return result;
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
    // A password made here for this run only, passed in the server's environment.
    const QByteArray password = QByteArray::number(QRandomGenerator::system()->generate64(), 36);

    out() << "preparing a library: " << kDrills.size()
          << " videos (local renderer, 1280x720, 4 s), " << kRuns << " runs linked to them..."
          << Qt::endl;
    for (qsizetype i = 0; i < kDrills.size(); ++i) {
        QProcess cli;
        cli.setProcessEnvironment(environment(dataDir, password));
        cli.start(QStringLiteral(DRILLSTUDIO_CLI_PATH),
                  {QStringLiteral("generate"), QStringLiteral("--provider"),
                   QStringLiteral("local"), QStringLiteral("--run-id"), QString::number(i + 1),
                   QStringLiteral("--drill"), kDrills.at(i), QStringLiteral("--size"),
                   QStringLiteral("1280x720"), QStringLiteral("--seconds"), QStringLiteral("4")});
        if (!cli.waitForFinished(300000) || cli.exitCode() != 0) {
            out() << "drillstudio generate failed: " << cli.readAllStandardError() << Qt::endl;
            return 1;
        }
    }

    QProcess server;
    server.setProcessEnvironment(environment(dataDir, password));
    server.start(QStringLiteral(DRILLSTUDIO_CLI_PATH),
                 {QStringLiteral("serve"), QStringLiteral("--port"), QStringLiteral("0")});
    if (!server.waitForReadyRead(30000)) {
        out() << "drillstudio serve did not start: " << server.readAllStandardError() << Qt::endl;
        return 1;
    }
    const quint16 port
            = quint16(QUrl(QString::fromUtf8(server.readLine()).trimmed().section(u' ', 2)).port());
    const qint64 pid = server.processId();
    // The server's log goes to its data folder; its stderr is not read, so it must not fill a pipe.
    server.setStandardOutputFile(QProcess::nullDevice());
    server.closeReadChannel(QProcess::StandardError);

    // Link every run to one of the three videos through the server itself (a cached generate).
    Library library;
    library.videoIds.resize(kDrills.size());
    for (int run = 1; run <= kRuns; ++run) {
        const int drill = (run - 1) % int(kDrills.size());
        library.drillOfRun << drill;
        const Answer answer = request(port, "POST", kApi + QStringLiteral("/generate"),
                                      generateBody(run, kDrills.at(drill), password));
        const QJsonObject json = QJsonDocument::fromJson(answer.body).object();
        if (answer.status != 200
            || json.value(QStringLiteral("status")) != QLatin1String("success")) {
            out() << "run " << run << " was not answered from the cache: " << answer.status << " "
                  << answer.body << Qt::endl;
            return 1;
        }
        library.videoIds[drill] = json.value(QStringLiteral("video_id")).toString();
    }
    for (const QString &id : std::as_const(library.videoIds)) {
        const Answer video = request(port, "HEAD", kApi + QStringLiteral("/download/") + id);
        const Answer thumb = request(port, "HEAD", kApi + QStringLiteral("/thumbnail/") + id);
        library.videoBytes << headerOf(video.headers, "content-length").toLongLong();
        library.thumbnailEtags << headerOf(thumb.headers, "etag");
        if (video.status != 200 || thumb.status != 200 || library.videoBytes.last() <= 0) {
            out() << "video " << id << " or its thumbnail is not served: " << video.status << " "
                  << thumb.status << Qt::endl;
            return 1;
        }
    }

    const QString scriptPath = dir.filePath(QStringLiteral("soak.lua"));
    {
        QFile script(scriptPath);
        if (!script.open(QIODevice::WriteOnly)) {
            out() << "cannot write " << scriptPath << Qt::endl;
            return 1;
        }
        script.write(soakScript(library, password).toUtf8());
    }

    out() << "warm-up: " << kWarmUpSeconds << " s, " << kConnections << " connections" << Qt::endl;
    const WrkResult warmUp = runWrk(port, scriptPath, kWarmUpSeconds);
    if (!warmUp.ok) {
        out() << "wrk failed in the warm-up:\n" << warmUp.output << Qt::endl;
        return 1;
    }
    const int fdBefore = settledDescriptors(pid);
    const qint64 rssBefore = rssKiB(pid);

    out() << "soak: " << kSeconds << " s, " << kConnections
          << " connections, mixed status / download / Range / thumbnail / cached generate"
          << Qt::endl;
    const WrkResult soak = runWrk(port, scriptPath, kSeconds);
    const int fdAfter = settledDescriptors(pid);
    const qint64 rssAfter = rssKiB(pid);
    const bool alive = server.state() == QProcess::Running;
    server.terminate();
    server.waitForFinished(10000);
    if (!soak.ok) {
        out() << "wrk failed:\n" << soak.output << Qt::endl;
        return 1;
    }
    if (!soak.firstBad.isEmpty())
        out() << "first unexpected answer: " << soak.firstBad << Qt::endl;

    const qint64 errors = soak.bad + soak.socketErrors;
    const double growth
            = rssBefore > 0 ? 100.0 * double(rssAfter - rssBefore) / double(rssBefore) : 100.0;
    auto row = [](const QString &what, const QString &value, const QString &wanted,
                  const QString &met) {
        out() << QStringLiteral("| %1 | %2 | %3 | %4 |")
                         .arg(what, -34)
                         .arg(value, 22)
                         .arg(wanted, 14)
                         .arg(met, -7)
              << Qt::endl;
    };
    out() << Qt::endl
          << "| soak, 100 connections, 60 s        |               measured |         target | "
             "result  |"
          << Qt::endl
          << "|------------------------------------|-----------------------:|---------------:|-----"
             "----|"
          << Qt::endl;
    row(QStringLiteral("requests"),
        QStringLiteral("%1 (%2/s)")
                .arg(soak.requests)
                .arg(QString::number(double(soak.requests) / kSeconds, 'f', 0)),
        QStringLiteral("-"), QString());
    row(QStringLiteral("p99 latency"), QString::number(soak.p99Ms, 'f', 1) + QStringLiteral(" ms"),
        QStringLiteral("-"), QString());
    row(QStringLiteral("errors (answers, sockets)"),
        QStringLiteral("%1 (%2, %3)").arg(errors).arg(soak.bad).arg(soak.socketErrors),
        QStringLiteral("0"), bench::metText(errors == 0));
    row(QStringLiteral("RSS before -> after"),
        QStringLiteral("%1 -> %2 MiB")
                .arg(rssBefore / 1024.0, 0, 'f', 1)
                .arg(rssAfter / 1024.0, 0, 'f', 1),
        QStringLiteral("-"), QString());
    row(QStringLiteral("RSS growth"), QString::number(growth, 'f', 1) + QStringLiteral(" %"),
        QStringLiteral("< 10 %"), bench::metText(growth < 10));
    row(QStringLiteral("open descriptors before -> after"),
        QStringLiteral("%1 -> %2").arg(fdBefore).arg(fdAfter), QStringLiteral("no growth"),
        bench::metText(fdAfter <= fdBefore));
    row(QStringLiteral("server still running"),
        alive ? QStringLiteral("yes") : QStringLiteral("no"), QStringLiteral("yes"),
        bench::metText(alive));
    out() << Qt::endl;
    bench::target(QStringLiteral("soak errors"), QString::number(errors), QStringLiteral("0"),
                  errors == 0 && alive);
    bench::target(QStringLiteral("soak RSS growth"),
                  QString::number(growth, 'f', 1) + QStringLiteral(" %"), QStringLiteral("< 10 %"),
                  growth < 10);
    bench::target(QStringLiteral("soak open descriptors"),
                  QStringLiteral("%1 -> %2").arg(fdBefore).arg(fdAfter),
                  QStringLiteral("no growth"), fdAfter <= fdBefore);
    return 0;
}
