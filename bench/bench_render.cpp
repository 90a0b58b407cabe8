// bench_render: renders 4 s of a drill at 1280x720 with the local renderer and, in the same run,
// times the ffmpeg command line encoding a synthetic clip with the same settings (libx264,
// preset medium, yuv420p, 30 fps, faststart). Prints medians of a few repetitions.
#include "drillrenderer.h"

#include <QElapsedTimer>
#include <QGuiApplication>
#include <QProcess>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTextStream>

#include <sys/resource.h>
#include <sys/time.h>

#include <algorithm>

namespace {

constexpr int kRepetitions = 5;
constexpr int kSeconds = 4;
constexpr int kFps = 30;

struct Sample
{
    double wall = 0;
    double cpu = 0;
};

double seconds(const timeval &t)
{
    return double(t.tv_sec) + double(t.tv_usec) / 1e6;
}

double cpuOf(int who)
{
    rusage usage {};
    getrusage(who, &usage);
    return seconds(usage.ru_utime) + seconds(usage.ru_stime);
}

double median(QList<double> values)
{
    std::sort(values.begin(), values.end());
    return values.at(values.size() / 2);
}

} // namespace

int main(int argc, char **argv)
{
    if (qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM"))
        qputenv("QT_QPA_PLATFORM", "offscreen");
    QGuiApplication app(argc, argv);
    QTextStream out(stdout);
    QTemporaryDir dir;
    if (!dir.isValid()) {
        out << "cannot create a temporary folder\n";
        return 1;
    }
    const QString ffmpeg = QStandardPaths::findExecutable(QStringLiteral("ffmpeg"));
    if (ffmpeg.isEmpty()) {
        out << "ffmpeg is missing: run packaging/setup-debian.sh\n";
        return 1;
    }

    RenderRequest request;
    request.drillText = QStringLiteral(
            "【💪 おすすめの補強ドリル】\nもも上げ 20m×3。腕をしっかり振りましょう。");
    request.cornerLabel = QStringLiteral("Run 42");
    request.size = QSize(1280, 720);
    request.seconds = kSeconds;
    request.fps = kFps;
    const QStringList ffmpegArguments = {QStringLiteral("-v"),
                                         QStringLiteral("error"),
                                         QStringLiteral("-y"),
                                         QStringLiteral("-f"),
                                         QStringLiteral("lavfi"),
                                         QStringLiteral("-i"),
                                         QStringLiteral("testsrc2=size=1280x720:rate=30"),
                                         QStringLiteral("-t"),
                                         QString::number(kSeconds),
                                         QStringLiteral("-c:v"),
                                         QStringLiteral("libx264"),
                                         QStringLiteral("-preset"),
                                         QStringLiteral("medium"),
                                         QStringLiteral("-pix_fmt"),
                                         QStringLiteral("yuv420p"),
                                         QStringLiteral("-movflags"),
                                         QStringLiteral("+faststart"),
                                         dir.filePath(QStringLiteral("ffmpeg.mp4"))};

    QList<double> oursWall, oursCpu, refWall, refCpu;
    // Warm-up of each side (font loading, page cache), then alternating timed runs.
    DrillRenderer::render(request, dir.filePath(QStringLiteral("warm.mp4")));
    QProcess::execute(ffmpeg, ffmpegArguments);
    for (int i = 0; i < kRepetitions; ++i) {
        QElapsedTimer timer;
        double cpu = cpuOf(RUSAGE_SELF);
        timer.start();
        QString error;
        if (!DrillRenderer::render(request, dir.filePath(QStringLiteral("ours.mp4")), &error)) {
            out << "render failed: " << error << "\n";
            return 1;
        }
        oursWall.append(timer.nsecsElapsed() / 1e9);
        oursCpu.append(cpuOf(RUSAGE_SELF) - cpu);

        cpu = cpuOf(RUSAGE_CHILDREN);
        timer.restart();
        if (QProcess::execute(ffmpeg, ffmpegArguments) != 0) {
            out << "ffmpeg failed\n";
            return 1;
        }
        refWall.append(timer.nsecsElapsed() / 1e9);
        refCpu.append(cpuOf(RUSAGE_CHILDREN) - cpu);
    }

    const int frames = kSeconds * kFps;
    const double ow = median(oursWall), oc = median(oursCpu);
    const double rw = median(refWall), rc = median(refCpu);
    out << QStringLiteral(
                   "render 4 s at 1280x720, 30 fps, libx264 preset medium; median of %1 runs\n")
                    .arg(kRepetitions);
    out << QStringLiteral("%1 %2 %3 %4 %5\n")
                    .arg(QStringLiteral("what"), -34)
                    .arg(QStringLiteral("wall s"), 8)
                    .arg(QStringLiteral("CPU s"), 8)
                    .arg(QStringLiteral("fps"), 8)
                    .arg(QStringLiteral("x real time"), 12);
    auto row = [&](const QString &what, double wall, double cpu) {
        out << QStringLiteral("%1 %2 %3 %4 %5\n")
                        .arg(what, -34)
                        .arg(wall, 8, 'f', 2)
                        .arg(cpu, 8, 'f', 2)
                        .arg(frames / wall, 8, 'f', 1)
                        .arg(kSeconds / wall, 12, 'f', 2);
    };
    row(QStringLiteral("DrillStudio local renderer"), ow, oc);
    row(QStringLiteral("ffmpeg testsrc2 (same settings)"), rw, rc);
    out << QStringLiteral("ratio ours/ffmpeg: wall %1, CPU %2\n")
                    .arg(ow / rw, 0, 'f', 2)
                    .arg(oc / rc, 0, 'f', 2);
    out << QStringLiteral("target: faster than real time (x real time > 1): %1\n")
                    .arg(kSeconds / ow > 1 ? QStringLiteral("met") : QStringLiteral("NOT met"));
    return kSeconds / ow > 1 ? 0 : 1;
}
