// The drill video: every drill renders, moves, stays in the picture, in every size and length.
#include "drillrenderer.h"
#include "framecomposer.h"
#include "mediaprobe.h"
#include "renderfonts.h"

#include <QFont>
#include <QGuiApplication>
#include <QImage>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QPainter>
#include <QProcess>
#include <QRawFont>
#include <QSet>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

namespace {

const QList<QSize> kSizes
        = {QSize(720, 1280), QSize(1280, 720), QSize(1024, 1792), QSize(1792, 1024)};

QString drillText(const DrillInfo &drill)
{
    return QStringLiteral("【💪 おすすめの補強ドリル】\n%1 10回。%2。")
            .arg(drill.nameJa, drill.cuesJa.constFirst());
}

// Pixels of the near-side shirt colour: only the figure is painted with it.
bool isShirt(QRgb c)
{
    // Orange, with room for the colour shifts of 4:2:0 chroma and compression.
    return qRed(c) > 210 && qGreen(c) > 70 && qGreen(c) < 165 && qBlue(c) < 70
            && qRed(c) - qGreen(c) > 80;
}

struct Probe
{
    QString codec, pixelFormat;
    int width = 0, height = 0, frames = 0;
    double duration = 0;
};

Probe ffprobe(const QString &path)
{
    Probe p;
    QProcess process;
    process.start(QStandardPaths::findExecutable(QStringLiteral("ffprobe")),
                  {QStringLiteral("-v"), QStringLiteral("error"), QStringLiteral("-count_frames"),
                   QStringLiteral("-select_streams"), QStringLiteral("v:0"),
                   QStringLiteral("-show_entries"),
                   QStringLiteral("stream=codec_name,width,height,pix_fmt,nb_read_frames:"
                                  "format=duration"),
                   QStringLiteral("-of"), QStringLiteral("json"), path});
    if (!process.waitForFinished(120000) || process.exitCode() != 0)
        return p;
    const QJsonObject root = QJsonDocument::fromJson(process.readAllStandardOutput()).object();
    const QJsonObject s = root.value(QStringLiteral("streams")).toArray().first().toObject();
    p.codec = s.value(QStringLiteral("codec_name")).toString();
    p.pixelFormat = s.value(QStringLiteral("pix_fmt")).toString();
    p.width = s.value(QStringLiteral("width")).toInt();
    p.height = s.value(QStringLiteral("height")).toInt();
    p.frames = s.value(QStringLiteral("nb_read_frames")).toString().toInt();
    p.duration = root.value(QStringLiteral("format"))
                         .toObject()
                         .value(QStringLiteral("duration"))
                         .toString()
                         .toDouble();
    return p;
}

// Describes the first frame whose figure (outline included) is not wholly inside the area;
// empty when every one of the frames is.
QString figureLeaves(const FrameComposer &composer, int frames, const QRectF &area)
{
    for (int frame = 0; frame < frames; ++frame) {
        const QRectF box = composer.figureRect(frame);
        if (!box.isValid() || box.width() < 10 || box.height() < 10)
            return QStringLiteral("frame %1: no figure").arg(frame);
        if (!area.contains(box))
            return QStringLiteral("frame %1: figure %2,%3 %4x%5 outside")
                    .arg(frame)
                    .arg(box.x())
                    .arg(box.y())
                    .arg(box.width())
                    .arg(box.height());
    }
    return {};
}

} // namespace

class TestRenderDrills : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void everyDrillRenders_data();
    void everyDrillRenders();
    void figureStaysInScene_data();
    void figureStaysInScene();
    void figureRectCanFail();
    void drawnFigureMatchesItsRect();
    void sizes_data();
    void sizes();
    void durations_data();
    void durations();
    void drillsFollowOneAnother();
    void glyphsCovered_data();
    void glyphsCovered();
    void feetStayOnTheGround_data();
    void feetStayOnTheGround();

private:
    QTemporaryDir m_dir;
};

void TestRenderDrills::initTestCase()
{
    QVERIFY(m_dir.isValid());
    QVERIFY2(!QStandardPaths::findExecutable(QStringLiteral("ffprobe")).isEmpty(),
             "ffprobe is missing: run packaging/setup-debian.sh");
}

void TestRenderDrills::everyDrillRenders_data()
{
    QTest::addColumn<int>("drill");
    for (const DrillInfo &d : DrillCatalog::all())
        QTest::newRow(qPrintable(d.key)) << int(d.id);
}

void TestRenderDrills::everyDrillRenders()
{
    QFETCH(int, drill);
    const DrillInfo &info = DrillCatalog::info(DrillId(drill));
    RenderRequest request;
    request.drillText = drillText(info);
    request.cornerLabel = QStringLiteral("Run 5");
    request.size = QSize(640, 360);
    request.seconds = 2;
    const QString path = m_dir.filePath(info.key + QStringLiteral(".mp4"));
    QString error;
    QVERIFY2(DrillRenderer::render(request, path, &error), qPrintable(error));
    const MediaInfo media = MediaProbe::probe(path, true);
    QVERIFY2(media.valid, qPrintable(media.error));
    QCOMPARE(media.frameCount, 60);
    const FrameComposer composer(request.drillText, request.cornerLabel, request.size, 60);
    QCOMPARE(int(composer.recognition().drills.first().id), drill);
    // The scene moves: frames a quarter second apart differ inside the scene.
    const QList<QImage> frames = MediaProbe::decodeFrames(path, {15, 22, 45}, &error);
    QCOMPARE(frames.size(), 3);
    const QRect scene = composer.sceneRect().toRect();
    QVERIFY(frames.at(0).copy(scene) != frames.at(1).copy(scene));
    QVERIFY(frames.at(1).copy(scene) != frames.at(2).copy(scene));
    // The figure is there: shirt-coloured pixels, all inside the figure's box.
    for (int i : {0, 2}) {
        const int frameIndex = i == 0 ? 15 : 45;
        const QRectF box = composer.figureRect(frameIndex).adjusted(-4, -4, 4, 4);
        int inside = 0, outside = 0;
        const QImage &image = frames.at(i);
        for (int y = 0; y < image.height(); y += 2) {
            for (int x = 0; x < image.width(); x += 2) {
                if (isShirt(image.pixel(x, y)))
                    (box.contains(x, y) ? inside : outside)++;
            }
        }
        QVERIFY2(inside > 20, qPrintable(QStringLiteral("inside %1").arg(inside)));
        QVERIFY2(outside <= 2, qPrintable(QStringLiteral("outside %1").arg(outside)));
    }
}

void TestRenderDrills::figureStaysInScene_data()
{
    QTest::addColumn<QSize>("size");
    for (const QSize &s : kSizes)
        QTest::newRow(qPrintable(QStringLiteral("%1x%2").arg(s.width()).arg(s.height()))) << s;
}

void TestRenderDrills::figureStaysInScene()
{
    QFETCH(QSize, size);
    // Every frame of a 12 s video of every drill, alone and following another drill.
    for (const DrillInfo &d : DrillCatalog::all()) {
        const QString texts[] = {d.nameJa, QStringLiteral("バウンディングと") + d.nameJa};
        for (const QString &text : texts) {
            const FrameComposer composer(text, QStringLiteral("Run 1"), size, 360);
            const QString outside = figureLeaves(composer, 360, composer.sceneRect());
            QVERIFY2(outside.isEmpty(), qPrintable(d.key + QStringLiteral(" ") + outside));
        }
    }
}

void TestRenderDrills::figureRectCanFail()
{
    // The check above looks at every frame and at every side of the figure: over a jumping,
    // then striding video, the figure's box reaches each side of the area it sweeps at a
    // different moment, and an area one pixel short on any side is caught at that moment.
    constexpr int kFrames = 360;
    const FrameComposer composer(QStringLiteral("縄跳びとバウンディング"), {}, QSize(1280, 720),
                                 kFrames);
    QRectF swept;
    for (int frame = 0; frame < kFrames; ++frame)
        swept |= composer.figureRect(frame);
    QVERIFY(figureLeaves(composer, kFrames, swept).isEmpty());
    QVERIFY(composer.sceneRect().contains(swept));
    // The figure moves: its first box touches at most two sides of the swept area.
    const QRectF first = composer.figureRect(0);
    const int sidesTouched = int(first.left() == swept.left()) + int(first.top() == swept.top())
            + int(first.right() == swept.right()) + int(first.bottom() == swept.bottom());
    QVERIFY2(sidesTouched <= 2, qPrintable(QString::number(sidesTouched)));

    const QMarginsF shrinks[] = {QMarginsF(1, 0, 0, 0), QMarginsF(0, 1, 0, 0),
                                 QMarginsF(0, 0, 1, 0), QMarginsF(0, 0, 0, 1)};
    QSet<QString> moments;
    for (const QMarginsF &shrink : shrinks) {
        const QString outside = figureLeaves(composer, kFrames, swept.marginsRemoved(shrink));
        QVERIFY2(!outside.isEmpty(), "an area too small on one side was not caught");
        moments.insert(outside.section(QLatin1Char(':'), 0, 0));
    }
    moments.remove(QStringLiteral("frame 0"));
    QVERIFY2(!moments.isEmpty(), "only the first frame was looked at");
    // And a picture of its own size is far too small for it.
    QVERIFY(!figureLeaves(composer, kFrames, QRectF(first.topLeft(), QSizeF(64, 64))).isEmpty());
}

void TestRenderDrills::drawnFigureMatchesItsRect()
{
    // Painted frames (no encoding) for every drill: shirt pixels only inside figureRect().
    const QSize size(720, 1280);
    QImage image(size, QImage::Format_RGB32);
    for (const DrillInfo &d : DrillCatalog::all()) {
        const FrameComposer composer(d.nameJa, QStringLiteral("Run 3"), size, 120);
        for (int frame : {0, 37, 81, 119}) {
            image.fill(Qt::black);
            {
                QPainter painter(&image);
                composer.paint(painter, frame);
            }
            const QRectF box = composer.figureRect(frame).adjusted(-2, -2, 2, 2);
            int inside = 0, outside = 0;
            QPoint stray;
            for (int y = 0; y < size.height(); y += 3) {
                for (int x = 0; x < size.width(); x += 3) {
                    if (!isShirt(image.pixel(x, y)))
                        continue;
                    if (box.contains(x, y)) {
                        ++inside;
                    } else {
                        ++outside;
                        stray = QPoint(x, y);
                    }
                }
            }
            QVERIFY2(inside > 30 && outside == 0,
                     qPrintable(QStringLiteral("%1 frame %2: %3 in, %4 out (%5,%6 #%7)")
                                        .arg(d.key)
                                        .arg(frame)
                                        .arg(inside)
                                        .arg(outside)
                                        .arg(stray.x())
                                        .arg(stray.y())
                                        .arg(image.pixel(stray) & 0xffffff, 6, 16)));
        }
    }
}

void TestRenderDrills::sizes_data()
{
    figureStaysInScene_data();
}

void TestRenderDrills::sizes()
{
    QFETCH(QSize, size);
    QVERIFY(DrillRenderer::isSupportedSize(size));
    RenderRequest request;
    request.drillText = QStringLiteral(
            "【💪 おすすめの補強ドリル】\nもも上げとスクワットを10回ずつ行いましょう。");
    request.cornerLabel = QStringLiteral("Run 11");
    request.size = size;
    const QString path = m_dir.filePath(QStringLiteral("size.mp4"));
    QString error;
    QVERIFY2(DrillRenderer::render(request, path, &error), qPrintable(error));
    const MediaInfo info = MediaProbe::probe(path, true);
    QVERIFY2(info.valid, qPrintable(info.error));
    QCOMPARE(QSize(info.width, info.height), size);
    QCOMPARE(info.codec, QStringLiteral("h264"));
    QCOMPARE(info.frameCount, 120);
    QVERIFY(info.moovBeforeMdat);
    const Probe p = ffprobe(path);
    QCOMPARE(p.codec, QStringLiteral("h264"));
    QCOMPARE(p.pixelFormat, QStringLiteral("yuv420p"));
    QCOMPARE(QSize(p.width, p.height), size);
    QCOMPARE(p.frames, 120);
    QVERIFY(qAbs(p.duration - 4.0) <= 0.1);
}

void TestRenderDrills::durations_data()
{
    QTest::addColumn<int>("seconds");
    QTest::newRow("4 s") << 4;
    QTest::newRow("8 s") << 8;
    QTest::newRow("12 s") << 12;
}

void TestRenderDrills::durations()
{
    QFETCH(int, seconds);
    RenderRequest request;
    request.drillText = QStringLiteral("縄跳び 1分");
    request.size = QSize(720, 1280);
    request.seconds = seconds;
    const QString path = m_dir.filePath(QStringLiteral("duration.mp4"));
    int lastDone = 0, calls = 0;
    QVERIFY(DrillRenderer::render(request, path, nullptr, [&](int done, int total) {
        ++calls;
        lastDone = done;
        return total == seconds * 30;
    }));
    QCOMPARE(calls, seconds * 30);
    QCOMPARE(lastDone, seconds * 30);
    const Probe p = ffprobe(path);
    QCOMPARE(p.codec, QStringLiteral("h264"));
    QCOMPARE(p.frames, seconds * 30);
    QVERIFY2(qAbs(p.duration - seconds) <= 0.1, qPrintable(QString::number(p.duration)));
    const MediaInfo info = MediaProbe::probe(path);
    QVERIFY(qAbs(info.durationSeconds - seconds) <= 0.1);
}

void TestRenderDrills::drillsFollowOneAnother()
{
    const QString text = QStringLiteral("【💪 "
                                        "おすすめの補強ドリル】\n補強ドリルとして、もも上げ20m×3と"
                                        "プランク30秒を行いましょう。");
    const FrameComposer composer(text, QStringLiteral("Run 8"), QSize(1280, 720), 240);
    QCOMPARE(composer.recognition().drills.size(), 2);
    QCOMPARE(composer.segmentAt(0), 0);
    QCOMPARE(composer.segmentAt(239), 1);
    RenderRequest request;
    request.drillText = text;
    request.seconds = 8;
    request.size = QSize(1280, 720);
    const QString path = m_dir.filePath(QStringLiteral("two.mp4"));
    QVERIFY(DrillRenderer::render(request, path));
    QString error;
    const QList<QImage> frames = MediaProbe::decodeFrames(path, {60, 200}, &error);
    QCOMPARE(frames.size(), 2);
    // The title band changes from one drill to the next, and so does the figure's shape.
    const QRect band(0, 0, 1280, 100);
    QVERIFY(frames.at(0).copy(band) != frames.at(1).copy(band));
    const QRectF standing = composer.figureRect(60);
    const QRectF plank = composer.figureRect(200);
    QVERIFY(standing.height() > standing.width());
    QVERIFY(plank.width() > plank.height());
}

void TestRenderDrills::glyphsCovered_data()
{
    QTest::addColumn<QString>("text");
    for (const DrillInfo &d : DrillCatalog::all())
        QTest::newRow(qPrintable(d.key)) << drillText(d) + QStringLiteral(" 20m×3、30秒");
    QTest::newRow("unknown") << QStringLiteral("ストレッチを丁寧に行いましょう。");
}

void TestRenderDrills::glyphsCovered()
{
    QFETCH(QString, text);
    const QString family = RenderFonts::japaneseFamily();
    QVERIFY2(!family.isEmpty(), "no Japanese font: install fonts-ipafont-gothic");
    QFont font(family);
    font.setPixelSize(40);
    const QRawFont raw = QRawFont::fromFont(font);
    QVERIFY(raw.isValid());
    for (const QSize &size : {QSize(1280, 720), QSize(720, 1280)}) {
        const FrameComposer composer(text, QStringLiteral("Run 42"), size, 120);
        QStringList all = composer.drawnTexts();
        for (const RecognizedDrill &d : composer.recognition().drills)
            all << DrillCatalog::info(d.id).cuesJa << DrillCatalog::info(d.id).nameEn;
        for (const QString &s : std::as_const(all)) {
            for (const char32_t c : s.toUcs4()) {
                if (c == U' ')
                    continue;
                QVERIFY2(raw.supportsCharacter(c),
                         qPrintable(QStringLiteral("no glyph for U+%1 in \"%2\"")
                                            .arg(uint(c), 4, 16, QLatin1Char('0'))
                                            .arg(s)));
            }
        }
    }
}

void TestRenderDrills::feetStayOnTheGround_data()
{
    QTest::addColumn<int>("drill");
    for (const DrillInfo &d : DrillCatalog::all())
        QTest::newRow(qPrintable(d.key)) << int(d.id);
}

void TestRenderDrills::feetStayOnTheGround()
{
    QFETCH(int, drill);
    const DrillMotion motion {DrillId(drill)};
    const double tanSlope = std::tan(qDegreesToRadians(motion.slopeDegrees()));
    const double dt = 1.0 / 120;
    for (double t = 0; t < 3 * motion.period(); t += dt) {
        const Skeleton now = motion.skeletonAt(t);
        const Skeleton next = motion.skeletonAt(t + dt);
        double lowest = 1e9;
        for (int i = 0; i < 2; ++i)
            for (const QPointF &p : {now.heel[i], now.ball[i], now.toe[i]})
                lowest = qMin(lowest, p.y() - p.x() * tanSlope);
        // Nothing sinks into the ground.
        QVERIFY2(lowest > -1e-6, qPrintable(QStringLiteral("t=%1 lowest %2").arg(t).arg(lowest)));
        // A foot on the ground in two frames running does not slide along it.
        const double scrollStep = motion.groundScroll(t + dt) - motion.groundScroll(t);
        for (int i = 0; i < 2; ++i) {
            const QPointF a = now.ball[i], b = next.ball[i];
            const bool planted = a.y() - a.x() * tanSlope < 1e-4 && b.y() - b.x() * tanSlope < 1e-4;
            if (planted) {
                const double slide = (b.x() + scrollStep) - a.x();
                QVERIFY2(
                        qAbs(slide) < 0.004,
                        qPrintable(
                                QStringLiteral("t=%1 side %2 slides %3").arg(t).arg(i).arg(slide)));
            }
        }
    }
}

QTEST_MAIN(TestRenderDrills)
#include "tst_renderdrills.moc"
