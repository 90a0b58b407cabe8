// 1,000 video jobs (create, poll, download) against sora-emulator in instant, tiny-content mode:
// DrillStudio's openai client beside the official openai npm SDK, same emulator, same run.
// Each side is warmed up first with 100 untimed jobs in the process that is then measured (ours
// once in this process; the SDK in each of its processes, through sdk_jobs.mjs --warmup, the
// emulator's request log cleared after it). Then 3 rounds in alternating order (ours, SDK, ours,
// SDK ...), medians. Prints requests and creates per job (from the emulator's log; creates per
// job is the worst round), client CPU ms per job and peak memory, the targets and whether they
// were met; exits non-zero when a job fails.
#include "benchutil.h"
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

using bench::out;

namespace {

const QString kKey = QStringLiteral("test-key-not-secret");
constexpr int kJobs = 1000;
constexpr int kWarmupJobs = 100;
constexpr int kRounds = 3;
constexpr int kConcurrency = 8; // as the SDK driver's default
constexpr int kPollMs = 20; // as the SDK driver's default

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

RunResult runOurs(const QUrl &baseUrl, const QString &folder, int jobs = kJobs)
{
    RunResult result;
    result.jobs = jobs;
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
        if (next >= jobs) {
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

RunResult runSdk(const QUrl &baseUrl, QNetworkAccessManager &network, const QUrl &root)
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
                   QStringLiteral("--poll-ms"), QString::number(kPollMs),
                   QStringLiteral("--warmup"), QString::number(kWarmupJobs)});
    // The warm-up runs in the same process; its requests are not counted.
    QByteArray first;
    while (!first.contains('\n') && process.waitForReadyRead(10 * 60 * 1000))
        first += process.readAllStandardOutput();
    if (first.trimmed() != "warm") {
        process.kill();
        process.waitForFinished();
        result.error = QStringLiteral("the SDK driver did not warm up: %1 %2")
                               .arg(QString::fromUtf8(first),
                                    QString::fromUtf8(process.readAllStandardError()).left(500));
        return result;
    }
    control(network, root, "DELETE", QStringLiteral("log"));
    process.write("go\n");
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

    out() << "sora-emulator at " << baseUrl.toString() << "; " << kJobs << " jobs, " << kConcurrency
          << " at a time, polls every " << kPollMs << " ms; " << kWarmupJobs
          << " warm-up jobs per side, then " << kRounds << " alternating rounds" << Qt::endl;

    // Our warm-up, in this process (the SDK warms up in each of its processes).
    control(network, root, "POST", QStringLiteral("reset"));
    const RunResult warm = runOurs(baseUrl, folder.path(), kWarmupJobs);
    if (warm.ok != kWarmupJobs) {
        out() << "FAIL: our warm-up completed " << warm.ok << " jobs. " << warm.error << Qt::endl;
        return 1;
    }
    QList<RunResult> oursRounds, sdkRounds;
    for (int round = 0; round < kRounds; ++round) {
        control(network, root, "POST", QStringLiteral("reset"));
        control(network, root, "DELETE", QStringLiteral("log"));
        RunResult ours = runOurs(baseUrl, folder.path());
        readLog(network, root, &ours);
        oursRounds << ours;

        control(network, root, "POST", QStringLiteral("reset"));
        control(network, root, "DELETE", QStringLiteral("log"));
        RunResult sdk = runSdk(baseUrl, network, root);
        readLog(network, root, &sdk);
        sdkRounds << sdk;
        if (sdk.ok != kJobs)
            break; // the SDK does not run here: said below, no use repeating it
    }

    emulator.terminate();
    if (!emulator.waitForFinished(5000))
        emulator.kill();

    const double jobs = kJobs;
    auto med = [](const QList<RunResult> &runs, auto field) {
        QList<double> values;
        for (const RunResult &run : runs)
            values << double(field(run));
        return bench::median(values);
    };
    auto worst = [](const QList<RunResult> &runs, auto field) {
        double value = 0;
        for (const RunResult &run : runs)
            value = qMax(value, double(field(run)));
        return value;
    };
    const auto okOf = [](const RunResult &r) {
        return r.ok;
    };
    const auto createsOf = [](const RunResult &r) {
        return r.creates;
    };
    const auto requestsOf = [](const RunResult &r) {
        return r.requests;
    };
    const auto cpuOf = [](const RunResult &r) {
        return r.cpuMs;
    };
    const auto wallOf = [](const RunResult &r) {
        return r.wallMs;
    };
    const auto rssOf = [](const RunResult &r) {
        return r.peakRssBytes;
    };
    bool sdkRan = true;
    for (const RunResult &run : std::as_const(sdkRounds))
        sdkRan = sdkRan && run.ok == kJobs;

    out() << Qt::endl
          << QStringLiteral("metric (median of rounds)").leftJustified(26)
          << QStringLiteral("DrillStudio").rightJustified(14)
          << QStringLiteral("openai npm").rightJustified(14) << QStringLiteral("   ratio")
          << Qt::endl;
    out() << row(QStringLiteral("jobs completed"), med(oursRounds, okOf), med(sdkRounds, okOf), 0,
                 false)
          << Qt::endl;
    out() << row(QStringLiteral("creates per job (worst)"), worst(oursRounds, createsOf) / jobs,
                 worst(sdkRounds, createsOf) / jobs, 3)
          << Qt::endl;
    out() << row(QStringLiteral("requests per job"), med(oursRounds, requestsOf) / jobs,
                 med(sdkRounds, requestsOf) / jobs, 2)
          << Qt::endl;
    const double ourCpu = med(oursRounds, cpuOf) / jobs;
    const double sdkCpu = med(sdkRounds, cpuOf) / jobs;
    out() << row(QStringLiteral("client CPU ms per job"), ourCpu, sdkCpu, 3) << Qt::endl;
    out() << row(QStringLiteral("wall ms per job"), med(oursRounds, wallOf) / jobs,
                 med(sdkRounds, wallOf) / jobs, 2)
          << Qt::endl;
    out() << row(QStringLiteral("peak memory MiB"), med(oursRounds, rssOf) / 1048576.0,
                 med(sdkRounds, rssOf) / 1048576.0, 1)
          << Qt::endl;
    QStringList cpuRounds;
    for (int i = 0; i < oursRounds.size(); ++i)
        cpuRounds << QStringLiteral("%1/%2")
                             .arg(oursRounds.at(i).cpuMs / jobs, 0, 'f', 3)
                             .arg(i < sdkRounds.size() ? sdkRounds.at(i).cpuMs / jobs : 0, 0, 'f',
                                  3);
    out() << "client CPU ms per job by round (ours/SDK): " << cpuRounds.join(QStringLiteral(", "))
          << Qt::endl
          << Qt::endl;

    if (sdkRan) {
        bench::target(QStringLiteral("client CPU per job vs the openai npm SDK"),
                      QStringLiteral("%1x").arg(ourCpu / sdkCpu, 0, 'f', 2),
                      QStringLiteral("<= 0.50x"), ourCpu <= 0.5 * sdkCpu);
    } else {
        out() << "target client CPU per job vs the openai npm SDK: NOT MEASURED (the SDK did "
                 "not run: "
              << sdkRounds.constLast().error << ")" << Qt::endl;
    }
    const double ourCreates = worst(oursRounds, createsOf) / jobs;
    bench::target(QStringLiteral("creates per job (DrillStudio, worst round)"),
                  QString::number(ourCreates, 'f', 3), QStringLiteral("<= 1"), ourCreates <= 1.0);

    bool ok = sdkRan;
    for (const RunResult &ours : std::as_const(oursRounds)) {
        if (ours.ok != kJobs || ours.creates != kJobs) {
            out() << "FAIL: DrillStudio completed " << ours.ok << " jobs with " << ours.creates
                  << " creates. " << ours.error << Qt::endl;
            ok = false;
        }
    }
    return ok ? 0 : 1;
}
