// 1,000 video jobs (create, poll, download) against sora-emulator in instant, tiny-content mode:
// DrillStudio's openai client beside the official openai npm SDK, same emulator, same run.
// Prints requests and creates per job (from the emulator's log), client CPU ms per job and peak
// memory, and exits non-zero when a job fails or a job needed more than one create.
#include "openai/openaiclient.h"
#include "openai/openaijob.h"

#include <QCoreApplication>
#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLoggingCategory>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QProcess>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTextStream>
#include <QTimer>

#include <sys/resource.h>

#include <cstdio>

namespace {

const QString kKey = QStringLiteral("test-key-not-secret");
constexpr int kJobs = 1000;
constexpr int kConcurrency = 8; // as the SDK driver's default
constexpr int kPollMs = 20; // as the SDK driver's default

QTextStream &out()
{
    static QTextStream stream(stdout);
    return stream;
}

struct RunResult
{
    int jobs = 0;
    int ok = 0;
    double wallMs = 0;
    double cpuMs = 0;
    qint64 peakRssBytes = 0;
    int requests = 0;
    int creates = 0;
    QString error;
};

double cpuMsOfSelf()
{
    rusage usage {};
    getrusage(RUSAGE_SELF, &usage);
    return usage.ru_utime.tv_sec * 1000.0 + usage.ru_utime.tv_usec / 1000.0
            + usage.ru_stime.tv_sec * 1000.0 + usage.ru_stime.tv_usec / 1000.0;
}

qint64 peakRssOfSelf()
{
    rusage usage {};
    getrusage(RUSAGE_SELF, &usage);
    return qint64(usage.ru_maxrss) * 1024;
}

// A control call to the emulator; answers the JSON object, empty on failure.
QJsonObject control(QNetworkAccessManager &network, const QUrl &root, const QByteArray &method,
                    const QString &name)
{
    QNetworkRequest request(root.resolved(QUrl(QStringLiteral("/_emulator/") + name)));
    request.setHeader(QNetworkRequest::ContentTypeHeader, QByteArrayLiteral("application/json"));
    QNetworkReply *reply = network.sendCustomRequest(request, method, QByteArrayLiteral("{}"));
    QEventLoop loop;
    QObject::connect(reply, &QNetworkReply::finished, &loop, &QEventLoop::quit);
    loop.exec();
    const QJsonObject object = QJsonDocument::fromJson(reply->readAll()).object();
    reply->deleteLater();
    return object;
}

// Counts the API requests logged since the last reset, and the creates among them.
void readLog(QNetworkAccessManager &network, const QUrl &root, RunResult *result)
{
    const QJsonObject log = control(network, root, "GET", QStringLiteral("log"));
    result->requests = int(log.value(QLatin1String("entries")).toArray().size());
    result->creates = log.value(QLatin1String("create_requests")).toInt();
}

RunResult runOurs(const QUrl &baseUrl, const QString &folder)
{
    RunResult result;
    result.jobs = kJobs;
    OpenAIClient client;
    OpenAIConfig config;
    config.baseUrl = baseUrl;
    config.apiKey = kKey;
    config.requestTimeoutMs = 120'000;
    config.pollIntervalMs = kPollMs;
    config.jobTimeoutMs = 600'000;
    client.setConfig(config);

    int next = 0;
    int running = 0;
    QEventLoop loop;
    std::function<void()> startOne;
    startOne = [&] {
        if (next >= kJobs) {
            if (running == 0)
                loop.quit();
            return;
        }
        const int index = next++;
        ++running;
        ProviderRequest request;
        request.jobId = QString::number(index);
        request.prompt = QStringLiteral("Drill video %1: high knees, 20 m, three sets.").arg(index);
        request.model = QStringLiteral("sora-2");
        request.size = QSize(1280, 720);
        request.seconds = 4;
        request.outputPath = folder + QStringLiteral("/ours-%1.mp4").arg(index);
        OpenAIJob::Options options;
        options.config = config;
        options.downloadThumbnail = false; // the SDK driver downloads the video only
        auto *job = new OpenAIJob(&client, nullptr, request, options, &loop);
        auto done = [&, job](bool ok, const QString &message) {
            if (ok)
                ++result.ok;
            else if (result.error.isEmpty())
                result.error = message;
            QFile::remove(folder + QStringLiteral("/ours-%1.mp4").arg(job->jobId()));
            job->deleteLater();
            --running;
            startOne();
        };
        QObject::connect(job, &OpenAIJob::finished, &loop,
                         [done](const QString &, const QString &) { done(true, {}); });
        QObject::connect(job, &OpenAIJob::failed, &loop,
                         [done](const QString &, const ProviderError &error) {
                             done(false, error.code + QStringLiteral(": ") + error.message);
                         });
        job->start();
    };

    const double cpuBefore = cpuMsOfSelf();
    QElapsedTimer wall;
    wall.start();
    for (int i = 0; i < kConcurrency; ++i)
        QTimer::singleShot(0, &loop, startOne);
    loop.exec();
    result.wallMs = double(wall.elapsed());
    result.cpuMs = cpuMsOfSelf() - cpuBefore;
    result.peakRssBytes = peakRssOfSelf();
    return result;
}

RunResult runSdk(const QUrl &baseUrl)
{
    RunResult result;
    result.jobs = kJobs;
    const QString node = QStandardPaths::findExecutable(QStringLiteral("node"));
    const QString script = QStringLiteral(DRILLSTUDIO_SOURCE_DIR "/tests/node/sdk_jobs.mjs");
    if (node.isEmpty() || !QFile::exists(script)) {
        result.error = QStringLiteral("node or %1 is missing").arg(script);
        return result;
    }
    QProcess process;
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(QStringLiteral("OPENAI_API_KEY"), kKey); // never on the command line
    process.setProcessEnvironment(env);
    process.setWorkingDirectory(QStringLiteral(DRILLSTUDIO_SOURCE_DIR "/tests/node"));
    process.start(node,
                  {script, QStringLiteral("--base-url"), baseUrl.toString(),
                   QStringLiteral("--jobs"), QString::number(kJobs),
                   QStringLiteral("--concurrency"), QString::number(kConcurrency),
                   QStringLiteral("--poll-ms"), QString::number(kPollMs)});
    if (!process.waitForFinished(30 * 60 * 1000)) {
        process.kill();
        process.waitForFinished();
        result.error = QStringLiteral("the SDK driver did not finish");
        return result;
    }
    const QList<QByteArray> lines = process.readAllStandardOutput().trimmed().split('\n');
    const QJsonObject json = QJsonDocument::fromJson(lines.constLast()).object();
    if (json.isEmpty()) {
        result.error = QString::fromUtf8(process.readAllStandardError()).left(500);
        return result;
    }
    result.ok = json.value(QLatin1String("ok")).toInt();
    result.wallMs = json.value(QLatin1String("wall_ms")).toDouble();
    result.cpuMs = json.value(QLatin1String("cpu_ms")).toDouble();
    result.peakRssBytes = qint64(json.value(QLatin1String("peak_rss_bytes")).toDouble());
    const QJsonArray errors = json.value(QLatin1String("errors")).toArray();
    if (!errors.isEmpty())
        result.error = errors.first().toString();
    return result;
}

QString row(const QString &name, double ours, double sdk, int decimals, bool lowerIsBetter = true)
{
    const QString ratio = sdk > 0 && ours > 0
            ? QStringLiteral("%1x%2")
                      .arg(ours / sdk, 0, 'f', 2)
                      .arg(lowerIsBetter ? QString() : QStringLiteral(" (higher is better)"))
            : QStringLiteral("-");
    return name.leftJustified(26) + QString::number(ours, 'f', decimals).rightJustified(14)
            + QString::number(sdk, 'f', decimals).rightJustified(14) + QStringLiteral("   ")
            + ratio;
}

} // namespace

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    // One line per job would drown the table; warnings still show.
    QLoggingCategory::setFilterRules(QStringLiteral("drillstudio.openai.info=false"));

    // The emulator runs as its own process, so that its CPU is not counted as the client's.
    QProcess emulator;
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(QStringLiteral("SORA_EMULATOR_API_KEY"), kKey);
    env.insert(QStringLiteral("QT_QPA_PLATFORM"), QStringLiteral("offscreen"));
    emulator.setProcessEnvironment(env);
    emulator.setProcessChannelMode(QProcess::ForwardedErrorChannel);
    emulator.start(QStringLiteral(SORA_EMULATOR_PATH),
                   {QStringLiteral("--port"), QStringLiteral("0"), QStringLiteral("--instant"),
                    QStringLiteral("--tiny"), QStringLiteral("--shared-content")});
    if (!emulator.waitForStarted() || !emulator.waitForReadyRead(30000)) {
        std::fprintf(stderr, "bench_openai_jobs: sora-emulator did not start\n");
        return 1;
    }
    const QString line = QString::fromUtf8(emulator.readLine()).trimmed();
    const QUrl baseUrl(line.section(QLatin1Char(' '), -1));
    const QUrl root = baseUrl.resolved(QUrl(QStringLiteral("/")));
    if (!baseUrl.isValid() || baseUrl.port() <= 0) {
        std::fprintf(stderr, "bench_openai_jobs: unexpected first line: %s\n", qPrintable(line));
        return 1;
    }
    QTemporaryDir folder;
    QNetworkAccessManager network;

    // Warm up both sides (the shared content is rendered once) before measuring.
    control(network, root, "POST", QStringLiteral("reset"));
    out() << "sora-emulator at " << baseUrl.toString() << "; " << kJobs << " jobs, " << kConcurrency
          << " at a time, polls every " << kPollMs << " ms" << Qt::endl;

    control(network, root, "DELETE", QStringLiteral("log"));
    RunResult ours = runOurs(baseUrl, folder.path());
    readLog(network, root, &ours);

    control(network, root, "POST", QStringLiteral("reset"));
    RunResult sdk = runSdk(baseUrl);
    readLog(network, root, &sdk);

    emulator.terminate();
    if (!emulator.waitForFinished(5000))
        emulator.kill();

    const double jobs = kJobs;
    out() << Qt::endl
          << QStringLiteral("metric").leftJustified(26)
          << QStringLiteral("DrillStudio").rightJustified(14)
          << QStringLiteral("openai npm").rightJustified(14) << QStringLiteral("   ratio")
          << Qt::endl;
    out() << row(QStringLiteral("jobs completed"), ours.ok, sdk.ok, 0, false) << Qt::endl;
    out() << row(QStringLiteral("creates per job"), ours.creates / jobs, sdk.creates / jobs, 3)
          << Qt::endl;
    out() << row(QStringLiteral("requests per job"), ours.requests / jobs, sdk.requests / jobs, 2)
          << Qt::endl;
    out() << row(QStringLiteral("client CPU ms per job"), ours.cpuMs / jobs, sdk.cpuMs / jobs, 3)
          << Qt::endl;
    out() << row(QStringLiteral("wall ms per job"), ours.wallMs / jobs, sdk.wallMs / jobs, 2)
          << Qt::endl;
    out() << row(QStringLiteral("peak memory MiB"), ours.peakRssBytes / 1048576.0,
                 sdk.peakRssBytes / 1048576.0, 1)
          << Qt::endl;
    out() << "target: client CPU per job at most 0.5x the SDK's; exactly 1 create per job"
          << Qt::endl;

    bool ok = true;
    if (ours.ok != kJobs || ours.creates != kJobs) {
        out() << "FAIL: DrillStudio completed " << ours.ok << " jobs with " << ours.creates
              << " creates. " << ours.error << Qt::endl;
        ok = false;
    }
    if (sdk.ok != kJobs) {
        out() << "FAIL: the SDK completed " << sdk.ok << " jobs. " << sdk.error << Qt::endl;
        ok = false;
    }
    return ok ? 0 : 1;
}
