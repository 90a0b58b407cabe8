// Import of recorded demonstrations: samples in several containers and codecs are made with the
// ffmpeg program, imported with FFmpeg's libraries, and checked by decoding the result.
#include "mediaprobe.h"
#include "videoimporter.h"

#include <QFile>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>

namespace {

const QSize kTarget(640, 360);

VideoImporter::Options quickOptions()
{
    VideoImporter::Options options;
    options.size = kTarget;
    options.preset = QStringLiteral("ultrafast");
    return options;
}

bool isBlack(QRgb pixel)
{
    return qRed(pixel) < 24 && qGreen(pixel) < 24 && qBlue(pixel) < 24;
}

bool isRed(QRgb pixel)
{
    return qRed(pixel) > 160 && qGreen(pixel) < 90 && qBlue(pixel) < 90;
}

bool isBlue(QRgb pixel)
{
    return qBlue(pixel) > 160 && qRed(pixel) < 90 && qGreen(pixel) < 90;
}

} // namespace

class TestVideoImporter : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;

    // Runs the ffmpeg program; the sample is made fresh in every test function that needs it.
    QString make(const QString &name, const QStringList &arguments)
    {
        const QString path = m_dir.filePath(name);
        if (QFile::exists(path))
            return path;
        QProcess ffmpeg;
        ffmpeg.start(QStringLiteral("ffmpeg"),
                     QStringList {QStringLiteral("-hide_banner"), QStringLiteral("-loglevel"),
                                  QStringLiteral("error"), QStringLiteral("-y")}
                             + arguments + QStringList {path});
        if (!ffmpeg.waitForFinished(120000) || ffmpeg.exitCode() != 0) {
            qWarning().noquote() << "ffmpeg failed:" << ffmpeg.readAllStandardError();
            return {};
        }
        return path;
    }

    static QStringList testSource(const QString &size, double seconds, int rate = 25)
    {
        return {QStringLiteral("-f"), QStringLiteral("lavfi"), QStringLiteral("-i"),
                QStringLiteral("testsrc2=size=%1:rate=%2:duration=%3")
                        .arg(size)
                        .arg(rate)
                        .arg(seconds)};
    }

    QString output(const QString &name) { return m_dir.filePath(name); }

private Q_SLOTS:
    void initTestCase() { QVERIFY(m_dir.isValid()); }

    void importsContainersAndCodecs_data()
    {
        QTest::addColumn<QString>("name");
        QTest::addColumn<QStringList>("encode");
        QTest::addColumn<QString>("codec");
        QTest::addColumn<double>("seconds");
        QTest::addColumn<QSize>("picture"); // where the picture sits on the 640x360 canvas

        const auto args = [](std::initializer_list<const char *> items) {
            QStringList out;
            for (const char *item : items)
                out << QString::fromLatin1(item);
            return out;
        };
        QTest::newRow("mp4 h264 4:3") << QStringLiteral("a.mp4")
                                      << testSource(QStringLiteral("320x240"), 2)
                        + args({"-c:v", "libx264", "-preset", "ultrafast", "-pix_fmt", "yuv420p"})
                                      << QStringLiteral("h264") << 2.0 << QSize(480, 360);
        QTest::newRow("mov hevc 16:9") << QStringLiteral("b.mov")
                                       << testSource(QStringLiteral("640x360"), 1.6)
                        + args({"-c:v", "libx265", "-preset", "ultrafast", "-x265-params",
                                "log-level=error", "-pix_fmt", "yuv420p", "-tag:v", "hvc1"})
                                       << QStringLiteral("hevc") << 1.6 << QSize(640, 360);
        QTest::newRow("webm vp9 odd size with opus") << QStringLiteral("c.webm")
                                                     << testSource(QStringLiteral("333x187"), 1.2)
                        + args({"-f", "lavfi", "-i", "sine=frequency=440:duration=1.2", "-c:v",
                                "libvpx-vp9", "-deadline", "realtime", "-cpu-used", "8", "-c:a",
                                "libopus"}) << QStringLiteral("vp9")
                                                     << 1.2 << QSize(640, 360);
        QTest::newRow("mkv av1 portrait 10-bit") << QStringLiteral("d.mkv")
                                                 << testSource(QStringLiteral("360x640"), 1.0)
                        + args({"-c:v", "libsvtav1", "-preset", "12", "-pix_fmt", "yuv420p10le"})
                                                 << QStringLiteral("av1") << 1.0 << QSize(202, 360);
        QTest::newRow("mkv h264 full hd 60 fps")
                << QStringLiteral("e.mkv")
                << testSource(QStringLiteral("1920x1080"), 1.0, 60)
                        + args({"-c:v", "libx264", "-preset", "ultrafast", "-pix_fmt", "yuv420p"})
                << QStringLiteral("h264") << 1.0 << QSize(640, 360);
        QTest::newRow("mp4 vp9 very wide") << QStringLiteral("f.mp4")
                                           << testSource(QStringLiteral("800x200"), 1.0)
                        + args({"-c:v", "libvpx-vp9", "-deadline", "realtime", "-cpu-used", "8"})
                                           << QStringLiteral("vp9") << 1.0 << QSize(640, 160);
    }

    void importsContainersAndCodecs()
    {
        QFETCH(QString, name);
        QFETCH(QStringList, encode);
        QFETCH(QString, codec);
        QFETCH(double, seconds);
        QFETCH(QSize, picture);
        const QString source = make(name, encode);
        QVERIFY2(!source.isEmpty(), "the ffmpeg program could not make the sample");
        const QString target = output(name + QStringLiteral(".imported.mp4"));
        double lastFraction = -1;
        bool monotonic = true;
        const VideoImporter::Result result
                = VideoImporter::import(source, target, quickOptions(), [&](double fraction) {
                      monotonic = monotonic && fraction >= lastFraction;
                      lastFraction = fraction;
                      return true;
                  });
        QVERIFY2(result.ok(), qPrintable(result.message));
        QCOMPARE(result.sourceCodec, codec);
        QVERIFY(monotonic);
        QCOMPARE(lastFraction, 1.0);

        const MediaInfo info = MediaProbe::probe(target, true);
        QVERIFY2(info.valid, qPrintable(info.error));
        QCOMPARE(info.codec, QStringLiteral("h264"));
        QCOMPARE(info.pixelFormat, QStringLiteral("yuv420p"));
        QCOMPARE(QSize(info.width, info.height), kTarget);
        QVERIFY(info.moovBeforeMdat);
        QCOMPARE(info.frameRate, 30.0);
        QVERIFY2(qAbs(info.durationSeconds - seconds) < 0.1,
                 qPrintable(QString::number(info.durationSeconds)));
        QVERIFY2(qAbs(info.frameCount - qRound(seconds * 30)) <= 1,
                 qPrintable(QString::number(info.frameCount)));

        // Letterbox: the picture is centred at its own aspect ratio, the rest is black.
        const QList<QImage> frames = MediaProbe::decodeFrames(target, {int(info.frameCount / 2)});
        QCOMPARE(frames.size(), 1);
        const QImage frame = frames.first();
        const int left = (kTarget.width() - picture.width()) / 2;
        const int top = (kTarget.height() - picture.height()) / 2;
        const QRect inside(left + 4, top + 4, picture.width() - 8, picture.height() - 8);
        int lit = 0;
        for (int x = inside.left(); x < inside.right(); x += 7)
            lit += !isBlack(frame.pixel(x, inside.center().y()));
        QVERIFY2(lit > (inside.width() / 7) / 2, "the picture is not where it should be");
        if (left > 6) {
            QVERIFY(isBlack(frame.pixel(left / 2, kTarget.height() / 2)));
            QVERIFY(isBlack(frame.pixel(kTarget.width() - left / 2, kTarget.height() / 2)));
            QVERIFY(!isBlack(frame.pixel(left + 6, kTarget.height() / 2))
                    || !isBlack(frame.pixel(left + 12, kTarget.height() / 3)));
        }
        if (top > 6) {
            QVERIFY(isBlack(frame.pixel(kTarget.width() / 2, top / 2)));
            QVERIFY(isBlack(frame.pixel(kTarget.width() / 2, kTarget.height() - top / 2)));
        }
    }

    void honoursRotation_data()
    {
        QTest::addColumn<int>("rotate"); // the rotate tag, as a phone writes it
        QTest::newRow("90") << 90;
        QTest::newRow("270") << 270;
        QTest::newRow("180") << 180;
        QTest::newRow("0") << 0;
    }

    // The picture comes out turned exactly as the ffmpeg program shows the same file.
    void honoursRotation()
    {
        QFETCH(int, rotate);
        // Stored 320x240: left half red, right half blue, and a white strip across the top.
        const QString base = make(
                QStringLiteral("rotbase.mp4"),
                {QStringLiteral("-f"), QStringLiteral("lavfi"), QStringLiteral("-i"),
                 QStringLiteral("color=c=red:size=160x240:duration=1[l];color=c=blue:size="
                                "160x240:duration=1[r];[l][r]hstack,drawbox=x=0:y=0:w=320:h=60:"
                                "color=white:t=fill"),
                 QStringLiteral("-c:v"), QStringLiteral("libx264"), QStringLiteral("-preset"),
                 QStringLiteral("ultrafast"), QStringLiteral("-pix_fmt"),
                 QStringLiteral("yuv420p")});
        QVERIFY(!base.isEmpty());
        // The tag survives only a copy, not an encode.
        const QString source = make(QStringLiteral("rot%1.mp4").arg(rotate),
                                    {QStringLiteral("-i"), base, QStringLiteral("-c"),
                                     QStringLiteral("copy"), QStringLiteral("-metadata:s:v:0"),
                                     QStringLiteral("rotate=%1").arg(rotate)});
        QVERIFY(!source.isEmpty());
        const QString reference = make(
                QStringLiteral("rot%1.png").arg(rotate),
                {QStringLiteral("-i"), source, QStringLiteral("-frames:v"), QStringLiteral("1")});
        const QImage expected(reference);
        QVERIFY(!expected.isNull());

        const QString target = output(QStringLiteral("rot%1.imported.mp4").arg(rotate));
        const VideoImporter::Result result = VideoImporter::import(source, target, quickOptions());
        QVERIFY2(result.ok(), qPrintable(result.message));
        QCOMPARE(result.rotation != 0, rotate != 0);
        const QImage frame = MediaProbe::decodeFrames(target, {5}).value(0);
        QVERIFY(!frame.isNull());
        const bool quarter = rotate == 90 || rotate == 270;
        QCOMPARE(expected.width() < expected.height(), quarter);
        // Upright it is 240x320 or 320x240, fitted into 640x360.
        const QSize picture = quarter ? QSize(270, 360) : QSize(480, 360);
        const int left = (kTarget.width() - picture.width()) / 2;
        QVERIFY(isBlack(frame.pixel(left / 2, 180)));
        const auto colour = [](QRgb p) {
            return isRed(p) ? 'r' : isBlue(p) ? 'b' : (qGreen(p) > 200 ? 'w' : '?');
        };
        for (double u : {0.1, 0.3, 0.7, 0.9}) {
            for (double v : {0.1, 0.3, 0.7, 0.9}) {
                const char want = colour(
                        expected.pixel(int(u * expected.width()), int(v * expected.height())));
                const char got = colour(
                        frame.pixel(left + int(u * picture.width()), int(v * picture.height())));
                QVERIFY2(want != '?', "the reference frame is not what the test drew");
                QVERIFY2(want == got,
                         qPrintable(QStringLiteral("at %1,%2: %3 instead of %4")
                                            .arg(u)
                                            .arg(v)
                                            .arg(QLatin1Char(got))
                                            .arg(QLatin1Char(want))));
            }
        }
    }

    void trimsAndKeepsOrDropsAudio()
    {
        const QString source = make(
                QStringLiteral("aac.mp4"),
                testSource(QStringLiteral("320x180"), 3)
                        + QStringList {QStringLiteral("-f"), QStringLiteral("lavfi"),
                                       QStringLiteral("-i"),
                                       QStringLiteral("sine=frequency=440:duration=3"),
                                       QStringLiteral("-c:v"), QStringLiteral("libx264"),
                                       QStringLiteral("-preset"), QStringLiteral("ultrafast"),
                                       QStringLiteral("-pix_fmt"), QStringLiteral("yuv420p"),
                                       QStringLiteral("-c:a"), QStringLiteral("aac")});
        QVERIFY(!source.isEmpty());
        VideoImporter::Options options = quickOptions();
        options.trimStart = 0.5;
        options.trimEnd = 2.0;
        const QString kept = output(QStringLiteral("aac.kept.mp4"));
        VideoImporter::Result result = VideoImporter::import(source, kept, options);
        QVERIFY2(result.ok(), qPrintable(result.message));
        QVERIFY(result.audioKept);
        const MediaInfo info = MediaProbe::probe(kept, true);
        QVERIFY2(qAbs(info.frameCount - 45) <= 1, qPrintable(QString::number(info.frameCount)));
        QVERIFY2(qAbs(info.durationSeconds - 1.5) < 0.1,
                 qPrintable(QString::number(info.durationSeconds)));
        QVERIFY(hasAudio(kept));

        options.mute = true;
        const QString muted = output(QStringLiteral("aac.muted.mp4"));
        result = VideoImporter::import(source, muted, options);
        QVERIFY2(result.ok(), qPrintable(result.message));
        QVERIFY(!result.audioKept);
        QVERIFY(!hasAudio(muted));

        options.trimStart = 5;
        options.trimEnd = 0;
        result = VideoImporter::import(source, output(QStringLiteral("aac.past.mp4")), options);
        QCOMPARE(result.error, VideoImporter::Error::BadTrim);
        QVERIFY(!QFile::exists(output(QStringLiteral("aac.past.mp4"))));
    }

    void rejectsBrokenFiles_data()
    {
        QTest::addColumn<QString>("kind");
        QTest::addColumn<int>("error");
        QTest::newRow("text") << QStringLiteral("text") << int(VideoImporter::Error::NotAVideo);
        QTest::newRow("png") << QStringLiteral("png") << int(VideoImporter::Error::NotAVideo);
        QTest::newRow("empty") << QStringLiteral("empty") << int(VideoImporter::Error::NotAVideo);
        QTest::newRow("missing") << QStringLiteral("missing")
                                 << int(VideoImporter::Error::CannotRead);
        QTest::newRow("audio only")
                << QStringLiteral("audio") << int(VideoImporter::Error::NoVideoStream);
        QTest::newRow("truncated faststart")
                << QStringLiteral("cut-fast") << int(VideoImporter::Error::Truncated);
        QTest::newRow("truncated, index at the end")
                << QStringLiteral("cut-slow") << int(VideoImporter::Error::Truncated);
        QTest::newRow("truncated webm")
                << QStringLiteral("cut-webm") << int(VideoImporter::Error::Truncated);
    }

    void rejectsBrokenFiles()
    {
        QFETCH(QString, kind);
        QFETCH(int, error);
        QString source = m_dir.filePath(kind + QStringLiteral(".mp4"));
        const auto cut = [&](const QString &from, double keep) {
            QFile in(from);
            QVERIFY(in.open(QIODevice::ReadOnly));
            QFile out(source);
            QVERIFY(out.open(QIODevice::WriteOnly));
            out.write(in.read(qint64(in.size() * keep)));
        };
        if (kind == u"text") {
            QFile f(source);
            QVERIFY(f.open(QIODevice::WriteOnly));
            f.write("This is the coach's note, not a video.\n");
        } else if (kind == u"png") {
            QImage image(64, 64, QImage::Format_RGB32);
            image.fill(Qt::red);
            QVERIFY(image.save(source, "PNG"));
        } else if (kind == u"empty") {
            QFile f(source);
            QVERIFY(f.open(QIODevice::WriteOnly));
        } else if (kind == u"missing") {
            source = m_dir.filePath(QStringLiteral("nothing-here.mp4"));
        } else if (kind == u"audio") {
            source = make(QStringLiteral("audio.m4a"),
                          {QStringLiteral("-f"), QStringLiteral("lavfi"), QStringLiteral("-i"),
                           QStringLiteral("sine=duration=1"), QStringLiteral("-c:a"),
                           QStringLiteral("aac")});
            QVERIFY(!source.isEmpty());
        } else if (kind == u"cut-fast" || kind == u"cut-slow") {
            const bool fast = kind == u"cut-fast";
            const QString whole = make(
                    kind + QStringLiteral("-whole.mp4"),
                    testSource(QStringLiteral("320x240"), 4)
                            + QStringList {QStringLiteral("-c:v"), QStringLiteral("libx264"),
                                           QStringLiteral("-preset"), QStringLiteral("ultrafast"),
                                           QStringLiteral("-pix_fmt"), QStringLiteral("yuv420p"),
                                           QStringLiteral("-movflags"),
                                           fast ? QStringLiteral("+faststart")
                                                : QStringLiteral("-faststart")});
            QVERIFY(!whole.isEmpty());
            cut(whole, 0.5);
        } else if (kind == u"cut-webm") {
            const QString whole = make(
                    QStringLiteral("whole.webm"),
                    testSource(QStringLiteral("320x240"), 4)
                            + QStringList {QStringLiteral("-c:v"), QStringLiteral("libvpx-vp9"),
                                           QStringLiteral("-deadline"), QStringLiteral("realtime"),
                                           QStringLiteral("-cpu-used"), QStringLiteral("8")});
            QVERIFY(!whole.isEmpty());
            source = m_dir.filePath(QStringLiteral("cut.webm"));
            cut(whole, 0.4);
        }
        const QString target = output(kind + QStringLiteral(".imported.mp4"));
        const VideoImporter::Result result = VideoImporter::import(source, target, quickOptions());
        QVERIFY(!result.ok());
        QCOMPARE(int(result.error), error);
        QVERIFY(!result.message.isEmpty());
        QVERIFY2(!QFile::exists(target), "a half-imported file stayed behind");
    }

    void cancels()
    {
        const QString source = make(
                QStringLiteral("long.mp4"),
                testSource(QStringLiteral("640x360"), 6)
                        + QStringList {QStringLiteral("-c:v"), QStringLiteral("libx264"),
                                       QStringLiteral("-preset"), QStringLiteral("ultrafast")});
        QVERIFY(!source.isEmpty());
        const QString target = output(QStringLiteral("long.imported.mp4"));
        double seen = 0;
        const VideoImporter::Result result
                = VideoImporter::import(source, target, quickOptions(), [&](double fraction) {
                      seen = fraction;
                      return fraction < 0.3;
                  });
        QCOMPARE(result.error, VideoImporter::Error::Cancelled);
        QVERIFY(seen >= 0.3 && seen < 1.0);
        QVERIFY(!QFile::exists(target));
    }

private:
    static bool hasAudio(const QString &path)
    {
        QProcess probe;
        probe.start(QStringLiteral("ffprobe"),
                    {QStringLiteral("-v"), QStringLiteral("error"),
                     QStringLiteral("-select_streams"), QStringLiteral("a"),
                     QStringLiteral("-show_entries"), QStringLiteral("stream=codec_name"),
                     QStringLiteral("-of"), QStringLiteral("csv=p=0"), path});
        probe.waitForFinished(30000);
        return probe.readAllStandardOutput().trimmed() == "aac";
    }
};

QTEST_GUILESS_MAIN(TestVideoImporter)
#include "tst_videoimporter.moc"
