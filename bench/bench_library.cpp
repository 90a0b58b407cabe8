// bench_library: (1) the time to match one advice text against a library of 10,000 tagged videos
// (built-in synonyms plus custom drills), p50 and p99 over many texts that do and do not name a
// drill of the library; (2) importing a 10 s 1080x1920 phone recording into 1280x720 against the
// ffmpeg command line doing the same transcode (scale, pad, 30 fps, libx264 preset medium crf 23,
// two encoder threads, yuv420p, faststart), in alternating rounds, medians of wall time.
#include "drillcatalog.h"
#include "library/drillmatcher.h"
#include "library/synonyms.h"
#include "videoimporter.h"

#include <QElapsedTimer>
#include <QGuiApplication>
#include <QProcess>
#include <QRandomGenerator>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTextStream>

#include <algorithm>

namespace {

double percentile(QList<double> values, double p)
{
    std::sort(values.begin(), values.end());
    const qsizetype index = qMin(values.size() - 1, qsizetype(p * double(values.size())));
    return values.at(index);
}

QString kana(QRandomGenerator &random, int length)
{
    static const QString syllables
            = QStringLiteral("アイウエオカキクケコサシスセソタチツテトナニヌネノ"
                             "ハヒフヘホマミムメモヤユヨラリルレロワン");
    QString out;
    for (int i = 0; i < length; ++i)
        out += syllables.at(random.bounded(int(syllables.size())));
    return out;
}

bool runFfmpeg(const QStringList &arguments)
{
    QProcess ffmpeg;
    ffmpeg.start(QStringLiteral("ffmpeg"),
                 QStringList {QStringLiteral("-hide_banner"), QStringLiteral("-loglevel"),
                              QStringLiteral("error"), QStringLiteral("-y")}
                         + arguments);
    return ffmpeg.waitForFinished(600000) && ffmpeg.exitStatus() == QProcess::NormalExit
            && ffmpeg.exitCode() == 0;
}

} // namespace

int main(int argc, char **argv)
{
    if (qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM"))
        qputenv("QT_QPA_PLATFORM", "offscreen");
    QGuiApplication app(argc, argv);
    QTextStream out(stdout);
    bool allMet = true;
    // "bench_library match" or "bench_library import" runs one half.
    const QStringList only = app.arguments().mid(1);
    const bool matching = only.isEmpty() || only.contains(QLatin1String("match"));
    const bool importing = only.isEmpty() || only.contains(QLatin1String("import"));

    // (1) Matching.
    if (matching) {
        QRandomGenerator random(11);
        const QList<DrillInfo> &drills = DrillCatalog::all();
        QList<DrillMatcher::Video> videos;
        QStringList custom;
        for (int i = 0; i < 500; ++i)
            custom << kana(random, 4 + random.bounded(4)) + QStringLiteral("ドリル");
        for (int i = 0; i < 10000; ++i) {
            DrillMatcher::Video v;
            v.id = QStringLiteral("v%1").arg(i);
            v.createdAt = i;
            v.label = v.id;
            // Most videos show catalog drills (one to three, in either language); some show a
            // team's own drills.
            const int tags = 1 + random.bounded(3);
            for (int t = 0; t < tags; ++t) {
                if (random.bounded(5) == 0) {
                    v.tags << custom.at(random.bounded(int(custom.size())));
                } else {
                    const DrillInfo &d = drills.at(random.bounded(int(drills.size())));
                    v.tags << (random.bounded(2) ? d.nameJa : d.nameEn);
                }
            }
            videos << v;
        }
        QElapsedTimer build;
        build.start();
        DrillMatcher matcher;
        matcher.build(DrillSynonyms::builtin(), videos);
        const double buildMs = double(build.nsecsElapsed()) / 1e6;

        const QString h = QStringLiteral("【💪 おすすめの補強ドリル】\n");
        const QStringList texts = {
                h
                        + QStringLiteral(
                                "補強ドリルとして、壁を使った前傾姿勢の練習（ウォールドリル）が"
                                "効果的です。\n"),
                h
                        + QStringLiteral(
                                "腿上げを20回×3セット行いましょう。接地時間を短くする意識を持つ"
                                "と効果的です。\n"),
                h
                        + QStringLiteral(
                                "Aスキップともも上げを組み合わせて、膝を高く上げる感覚を身につけ"
                                "ましょう。\n"),
                h
                        + QStringLiteral(
                                "カーフレイズ（かかと上げ）を15回×3セット、ふくらはぎを意識して"
                                "ゆっくり行いましょう。\n"),
                h
                        + QStringLiteral(
                                "体幹を安定させるためにプランクを30秒×3セット行うのがおすすめ"
                                "です。\n"),
                h
                        + QStringLiteral(
                                "特に補強ドリルは必要ありません。現在のフォームを維持しましょう"
                                "。\n"),
                h
                        + QStringLiteral(
                                "ランニング後はしっかりストレッチを行い、疲労を残さないように"
                                "しましょう。\n"),
                h
                        + QStringLiteral(
                                "左右のバランスを意識し、着地の位置が体の真下になるよう心がけ"
                                "ましょう。\n"),
                QStringLiteral("Add some high knees and butt kicks after your easy run."),
                QStringLiteral("Keep your cadence around 180 steps per minute and relax your "
                               "shoulders."),
                h + custom.at(3) + QStringLiteral("を10回行いましょう。\n"),
                h
                        + QStringLiteral(
                                "なわとびを1分間×3セット、母指球で軽く跳ぶように行いましょう。"
                                "\n"),
        };
        // Warm the reader (MeCab's dictionary is mapped on first use).
        matcher.match(texts.first(), 0.8);
        QList<double> times;
        int matched = 0;
        constexpr int kRounds = 200;
        for (int round = 0; round < kRounds; ++round) {
            for (const QString &text : texts) {
                QElapsedTimer t;
                t.start();
                const LibraryMatch m = matcher.match(text, 0.8);
                times << double(t.nsecsElapsed()) / 1e6;
                matched += m.matched ? 1 : 0;
            }
        }
        const double p50 = percentile(times, 0.5);
        const double p99 = percentile(times, 0.99);
        const bool met = p99 < 5.0;
        allMet = allMet && met;
        out << QStringLiteral("matching: %1 videos, %2 terms, index built in %3 ms\n")
                        .arg(matcher.videoCount())
                        .arg(matcher.termCount())
                        .arg(buildMs, 0, 'f', 1);
        out << QStringLiteral("  %1 matches of %2 texts (%3 answered from the library)\n")
                        .arg(times.size())
                        .arg(texts.size())
                        .arg(matched / kRounds);
        out << QStringLiteral("  p50 %1 ms, p99 %2 ms, max %3 ms\n")
                        .arg(p50, 0, 'f', 3)
                        .arg(p99, 0, 'f', 3)
                        .arg(percentile(times, 1.0), 0, 'f', 3);
        out << QStringLiteral("  target p99 < 5 ms: %1\n\n").arg(met ? u"MET" : u"NOT MET");
        out.flush();
    }

    // (2) Import against the ffmpeg command line.
    if (importing) {
        if (QStandardPaths::findExecutable(QStringLiteral("ffmpeg")).isEmpty()) {
            out << "ffmpeg is missing: run packaging/setup-debian.sh\n";
            return 1;
        }
        QTemporaryDir dir;
        const QString source = dir.filePath(QStringLiteral("phone.mp4"));
        // A portrait phone recording: 10 s, 1080x1920, 30 fps, H.264 high profile.
        if (!runFfmpeg({QStringLiteral("-f"), QStringLiteral("lavfi"), QStringLiteral("-i"),
                        QStringLiteral("testsrc2=size=1080x1920:rate=30:duration=10"),
                        QStringLiteral("-c:v"), QStringLiteral("libx264"),
                        QStringLiteral("-preset"), QStringLiteral("fast"),
                        QStringLiteral("-pix_fmt"), QStringLiteral("yuv420p"), source})) {
            out << "ffmpeg could not make the sample\n";
            return 1;
        }
        const QString ours = dir.filePath(QStringLiteral("ours.mp4"));
        const QString theirs = dir.filePath(QStringLiteral("theirs.mp4"));
        const QStringList ffmpegArguments
                = {QStringLiteral("-i"),
                   source,
                   QStringLiteral("-vf"),
                   QStringLiteral("scale=1280:720:force_original_aspect_ratio=decrease:flags="
                                  "bicubic,pad=1280:720:(ow-iw)/2:(oh-ih)/2,fps=30"),
                   QStringLiteral("-an"),
                   QStringLiteral("-c:v"),
                   QStringLiteral("libx264"),
                   QStringLiteral("-preset"),
                   QStringLiteral("medium"),
                   QStringLiteral("-crf"),
                   QStringLiteral("23"),
                   QStringLiteral("-g"),
                   QStringLiteral("30"),
                   QStringLiteral("-threads"),
                   QStringLiteral("2"),
                   QStringLiteral("-pix_fmt"),
                   QStringLiteral("yuv420p"),
                   QStringLiteral("-movflags"),
                   QStringLiteral("+faststart"),
                   theirs};
        VideoImporter::Options options; // 1280x720, 30 fps, medium, crf 23, 2 threads
        QList<double> oursWall;
        QList<double> theirsWall;
        constexpr int kRounds = 3;
        for (int round = 0; round < kRounds; ++round) {
            QElapsedTimer t;
            t.start();
            const VideoImporter::Result result = VideoImporter::import(source, ours, options);
            oursWall << double(t.nsecsElapsed()) / 1e9;
            if (!result.ok()) {
                out << "import failed: " << result.message << "\n";
                return 1;
            }
            t.start();
            if (!runFfmpeg(ffmpegArguments)) {
                out << "ffmpeg failed\n";
                return 1;
            }
            theirsWall << double(t.nsecsElapsed()) / 1e9;
        }
        const double a = percentile(oursWall, 0.5);
        const double b = percentile(theirsWall, 0.5);
        const double ratio = a / b;
        const bool met = ratio <= 1.2;
        allMet = allMet && met;
        out << QStringLiteral("import of 10 s 1080x1920 H.264 into 1280x720 (medians of %1 "
                              "alternating rounds)\n")
                        .arg(kRounds);
        out << QStringLiteral("  drillstudio (FFmpeg libraries) %1 s\n").arg(a, 0, 'f', 2);
        out << QStringLiteral("  ffmpeg command line           %1 s\n").arg(b, 0, 'f', 2);
        out << QStringLiteral("  ratio ours/ffmpeg %1; target <= 1.2: %2\n")
                        .arg(ratio, 0, 'f', 2)
                        .arg(met ? u"MET" : u"NOT MET");
    }
    return allMet ? 0 : 1;
}
