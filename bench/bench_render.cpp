// bench_render: the whole `drillstudio generate` process (a new process, the local renderer,
// 4 s at 1280x720, a fresh data folder and a drill text of its own each round, so nothing comes
// from a cache) against the ffmpeg program encoding THE SAME PIXELS with the settings our encoder
// uses (src/render/mp4encoder.cpp: libx264, preset medium, CRF 23, a keyframe a second, 2 threads,
// yuv420p BT.709 limited range, bicubic accurate-rounding conversion, bit-exact, faststart).
// Our frames are painted by the renderer's FrameComposer and written once as raw BGRA to a file
// before each round, outside the timing; ffmpeg reads them with -f rawvideo.
// A warm-up of each side, then 5 alternating rounds (ours, ffmpeg, ours, ffmpeg ...), medians.
// Targets (DESIGN.md): wall time at most 1.5x the ffmpeg program, and faster than real time.
#include "benchutil.h"
#include "framecomposer.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QGuiApplication>
#include <QImage>
#include <QPainter>
#include <QProcess>
#include <QStandardPaths>
#include <QTemporaryDir>

using bench::out;

namespace {

constexpr int kRounds = 5;
constexpr int kSeconds = 4;
constexpr int kFps = 30;
const QSize kSize(1280, 720);

QString drillText(int round)
{
    // Distinct per round: a cached answer can never serve a timed round.
    return QStringLiteral("【💪 おすすめの補強ドリル】\nもも上げ 20m×3、スキップ 30m×2。"
                          "腕をしっかり振りましょう。（第%1セット）")
            .arg(round + 1);
}

qint64 runIdOf(int round)
{
    return 7000 + round;
}

// The pixels `generate` encodes for this round, as raw BGRA frames in one file.
// Whether `generate` draws the run label into the picture (only when videos are not shared
// between runs); the warm-up round finds out by comparing the two MP4s.
bool g_drawRunLabel = true;

bool writeFrames(int round, const QString &path)
{
    QFile file(path);
    if (!file.open(QIODevice::WriteOnly | QIODevice::Truncate))
        return false;
    const int total = kSeconds * kFps;
    const FrameComposer composer(drillText(round),
                                 g_drawRunLabel ? QStringLiteral("Run %1").arg(runIdOf(round))
                                                : QString(),
                                 kSize, total, kFps);
    QImage frame(kSize, QImage::Format_RGB32); // BGRA in memory on little-endian machines
    for (int i = 0; i < total; ++i) {
        frame.fill(Qt::black);
        {
            QPainter painter(&frame);
            composer.paint(painter, i);
        }
        for (int y = 0; y < frame.height(); ++y) {
            const auto *line = reinterpret_cast<const char *>(frame.constScanLine(y));
            if (file.write(line, qint64(frame.width()) * 4) != qint64(frame.width()) * 4)
                return false;
        }
    }
    return file.flush();
}

// The MD5 of a file's H.264 stream (packets copied, not decoded): the container's own bytes may
// differ (the encoder's name in the metadata), the encoded video must not.
QByteArray streamHash(const QString &ffmpeg, const QString &file)
{
    QProcess process;
    process.start(ffmpeg,
                  {QStringLiteral("-v"), QStringLiteral("error"), QStringLiteral("-i"), file,
                   QStringLiteral("-map"), QStringLiteral("0:v"), QStringLiteral("-c"),
                   QStringLiteral("copy"), QStringLiteral("-f"), QStringLiteral("md5"),
                   QStringLiteral("-")});
    process.waitForFinished(60000);
    return process.readAllStandardOutput().trimmed();
}

bool sameVideo(const QString &ffmpeg, const QString &a, const QString &b)
{
    const QByteArray hash = streamHash(ffmpeg, a);
    return !hash.isEmpty() && hash == streamHash(ffmpeg, b);
}

QStringList ffmpegArguments(const QString &raw, const QString &output)
{
    return {QStringLiteral("-v"), QStringLiteral("error"), QStringLiteral("-nostdin"),
            QStringLiteral("-y"), QStringLiteral("-f"), QStringLiteral("rawvideo"),
            QStringLiteral("-pix_fmt"), QStringLiteral("bgra"), QStringLiteral("-s"),
            QStringLiteral("%1x%2").arg(kSize.width()).arg(kSize.height()), QStringLiteral("-r"),
            QString::number(kFps), QStringLiteral("-i"), raw,
            // the colour conversion our encoder asks swscale for
            QStringLiteral("-sws_flags"), QStringLiteral("bicubic+accurate_rnd+bitexact"),
            QStringLiteral("-c:v"), QStringLiteral("libx264"), QStringLiteral("-preset"),
            QStringLiteral("medium"), QStringLiteral("-crf"), QStringLiteral("23"),
            QStringLiteral("-g"), QString::number(kFps), QStringLiteral("-threads"),
            QStringLiteral("2"), QStringLiteral("-pix_fmt"), QStringLiteral("yuv420p"),
            QStringLiteral("-color_range"), QStringLiteral("tv"), QStringLiteral("-colorspace"),
            QStringLiteral("bt709"), QStringLiteral("-color_primaries"), QStringLiteral("bt709"),
            QStringLiteral("-color_trc"), QStringLiteral("bt709"), QStringLiteral("-flags"),
            QStringLiteral("+bitexact"), QStringLiteral("-fflags"), QStringLiteral("+bitexact"),
            QStringLiteral("-movflags"), QStringLiteral("+faststart"), output};
}

struct Side
{
    QList<double> wall, cpu;
    qint64 bytes = 0;
};

} // namespace

int main(int argc, char **argv)
{
    if (qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM"))
        qputenv("QT_QPA_PLATFORM", "offscreen");
    QGuiApplication app(argc, argv);
    QTemporaryDir dir;
    if (!dir.isValid()) {
        out() << "cannot create a temporary folder" << Qt::endl;
        return 1;
    }
    const QString ffmpeg = QStandardPaths::findExecutable(QStringLiteral("ffmpeg"));
    if (ffmpeg.isEmpty()) {
        out() << "ffmpeg is missing: run packaging/setup-debian.sh" << Qt::endl;
        return 1;
    }
    const QString cli = QStringLiteral(DRILLSTUDIO_CLI_PATH);
    // The raw frames (440 MB) go to memory when /dev/shm exists: no disk writeback during a round.
    QTemporaryDir shm(QStringLiteral("/dev/shm/bench_render-XXXXXX"));
    const QString raw = (shm.isValid() ? shm.path() : dir.path()) + QStringLiteral("/frames.bgra");

    // Round -1 is the warm-up of each side (page cache, fonts, dynamic linking); not counted.
    Side ours, ref;
    int identicalRounds = 0; // rounds whose two MP4s hold the same H.264 stream
    for (int round = -1; round < kRounds; ++round) {
        const int textIndex = round + 1;
        if (!writeFrames(textIndex, raw)) {
            out() << "cannot write the raw frames to " << raw << Qt::endl;
            return 1;
        }
        // Ours: a new process on a fresh data folder, as a user runs it.
        const QString dataDir = dir.filePath(QStringLiteral("data-%1").arg(textIndex));
        QProcess generate;
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.insert(QStringLiteral("DRILLSTUDIO_DATA_DIR"), dataDir);
        env.insert(QStringLiteral("QT_QPA_PLATFORM"), QStringLiteral("offscreen"));
        generate.setProcessEnvironment(env);
        const bench::ProcessTime a = bench::timeProcess(
                generate, cli,
                {QStringLiteral("generate"), QStringLiteral("--provider"), QStringLiteral("local"),
                 QStringLiteral("--run-id"), QString::number(runIdOf(textIndex)),
                 QStringLiteral("--drill"), drillText(textIndex), QStringLiteral("--size"),
                 QStringLiteral("1280x720"), QStringLiteral("--seconds"),
                 QString::number(kSeconds)});
        const QString ourFile = QString::fromUtf8(a.standardOutput).trimmed().split(u'\n').last();
        if (!a.ok || !QFileInfo(ourFile).isFile()) {
            out() << "drillstudio generate failed: " << a.standardError << Qt::endl;
            return 1;
        }
        // The reference: the ffmpeg program on the same pixels.
        const QString refFile = dir.filePath(QStringLiteral("ffmpeg.mp4"));
        QProcess encode;
        const bench::ProcessTime b
                = bench::timeProcess(encode, ffmpeg, ffmpegArguments(raw, refFile));
        if (!b.ok) {
            out() << "ffmpeg failed: " << b.standardError << Qt::endl;
            return 1;
        }
        if (round < 0) {
            // Same pixels as ours? If not, the run label is the only thing that can differ: try
            // the frames without it (untimed) and keep whichever matches.
            if (!sameVideo(ffmpeg, ourFile, refFile)) {
                g_drawRunLabel = false;
                if (!writeFrames(textIndex, raw)
                    || !bench::timeProcess(encode, ffmpeg, ffmpegArguments(raw, refFile)).ok
                    || !sameVideo(ffmpeg, ourFile, refFile))
                    g_drawRunLabel = true;
            }
            continue;
        }
        ours.wall << a.wall;
        ours.cpu << a.cpu;
        ours.bytes = QFileInfo(ourFile).size();
        ref.wall << b.wall;
        ref.cpu << b.cpu;
        ref.bytes = QFileInfo(refFile).size();
        identicalRounds += sameVideo(ffmpeg, ourFile, refFile);
        QDir(dataDir).removeRecursively();
    }

    const int frames = kSeconds * kFps;
    const double ow = bench::median(ours.wall), oc = bench::median(ours.cpu);
    const double rw = bench::median(ref.wall), rc = bench::median(ref.cpu);
    out() << QStringLiteral("render 4 s at 1280x720, 30 fps, libx264 preset medium CRF 23, "
                            "2 threads; %1 alternating rounds after a warm-up, medians")
                     .arg(kRounds)
          << Qt::endl;
    out() << QStringLiteral("| %1 | %2 | %3 | %4 | %5 | %6 |")
                     .arg(QStringLiteral("what"), -52)
                     .arg(QStringLiteral("wall s"), 6)
                     .arg(QStringLiteral("CPU s"), 6)
                     .arg(QStringLiteral("fps"), 6)
                     .arg(QStringLiteral("x real time"), 11)
                     .arg(QStringLiteral("MP4 bytes"), 9)
          << Qt::endl;
    auto row = [&](const QString &what, double wall, double cpu, qint64 bytes) {
        out() << QStringLiteral("| %1 | %2 | %3 | %4 | %5 | %6 |")
                         .arg(what, -52)
                         .arg(wall, 6, 'f', 2)
                         .arg(cpu, 6, 'f', 2)
                         .arg(frames / wall, 6, 'f', 1)
                         .arg(kSeconds / wall, 11, 'f', 2)
                         .arg(bytes, 9)
              << Qt::endl;
    };
    row(QStringLiteral("drillstudio generate (new process, local renderer)"), ow, oc, ours.bytes);
    row(QStringLiteral("ffmpeg program, same raw BGRA frames, same settings"), rw, rc, ref.bytes);
    out() << QStringLiteral("ratio ours/ffmpeg: wall %1, CPU %2")
                     .arg(ow / rw, 0, 'f', 2)
                     .arg(oc / rc, 0, 'f', 2)
          << Qt::endl;
    out() << QStringLiteral(
                     "same pixels and settings: the H.264 streams of the two MP4s are identical in "
                     "%1 of %2 rounds")
                     .arg(identicalRounds)
                     .arg(kRounds)
          << Qt::endl;
    bench::target(QStringLiteral("wall vs the ffmpeg program"),
                  QStringLiteral("%1x").arg(ow / rw, 0, 'f', 2), QStringLiteral("<= 1.50x"),
                  ow / rw <= 1.5);
    bench::target(QStringLiteral("faster than real time"),
                  QStringLiteral("%1x real time").arg(kSeconds / ow, 0, 'f', 2),
                  QStringLiteral("> 1x"), kSeconds / ow > 1);
    return 0;
}
