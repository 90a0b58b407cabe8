// The local renderer: a real, decodable, deterministic H.264 MP4.
#include "drillrenderer.h"
#include "mediaprobe.h"
#include "renderfonts.h"

#include <QCryptographicHash>
#include <QFile>
#include <QFont>
#include <QGuiApplication>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QRawFont>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

namespace {

QByteArray digest(const QString &path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return {};
    QCryptographicHash hash(QCryptographicHash::Sha256);
    hash.addData(&file);
    return hash.result();
}

const QString kDrill
        = QStringLiteral("【💪 おすすめの補強ドリル】\nもも上げ 20m×3。腕をしっかり振りましょう。");

} // namespace

class TestRender : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void rendersDecodableMp4();
    void independentDecoderAgrees();
    void framesChangeOverTime();
    void deterministic();
    void cancel();
    void rejectsBadSizes();
    void japaneseGlyphsCovered();

private:
    QTemporaryDir m_dir;
    QString m_video;
};

void TestRender::initTestCase()
{
    QVERIFY(m_dir.isValid());
    m_video = m_dir.filePath(QStringLiteral("drill.mp4"));
    RenderRequest request;
    request.drillText = kDrill;
    request.cornerLabel = QStringLiteral("Run 42");
    QString error;
    QVERIFY2(DrillRenderer::render(request, m_video, &error), qPrintable(error));
}

void TestRender::rendersDecodableMp4()
{
    const MediaInfo info = MediaProbe::probe(m_video, true);
    QVERIFY2(info.valid, qPrintable(info.error));
    QCOMPARE(info.codec, QStringLiteral("h264"));
    QCOMPARE(info.pixelFormat, QStringLiteral("yuv420p"));
    QCOMPARE(info.width, 1280);
    QCOMPARE(info.height, 720);
    QVERIFY2(qAbs(info.durationSeconds - 4.0) <= 0.1,
             qPrintable(QString::number(info.durationSeconds)));
    QCOMPARE(info.frameCount, 120);
    QCOMPARE(qRound(info.frameRate), 30);
    QVERIFY(info.hasFtyp);
    QVERIFY(info.moovBeforeMdat);
}

void TestRender::independentDecoderAgrees()
{
    // ffprobe is a separate program; it must agree with what our own probe says.
    const QString ffprobe = QStandardPaths::findExecutable(QStringLiteral("ffprobe"));
    QVERIFY2(!ffprobe.isEmpty(), "ffprobe is missing: run packaging/setup-debian.sh");
    QProcess process;
    process.start(ffprobe,
                  {QStringLiteral("-v"), QStringLiteral("error"), QStringLiteral("-count_frames"),
                   QStringLiteral("-select_streams"), QStringLiteral("v:0"),
                   QStringLiteral("-show_entries"),
                   QStringLiteral("stream=codec_name,width,height,pix_fmt,nb_read_frames:"
                                  "format=duration"),
                   QStringLiteral("-of"), QStringLiteral("json"), m_video});
    QVERIFY(process.waitForFinished(60000));
    QCOMPARE(process.exitCode(), 0);
    const QJsonObject root = QJsonDocument::fromJson(process.readAllStandardOutput()).object();
    const QJsonObject stream = root.value(QStringLiteral("streams")).toArray().first().toObject();
    QCOMPARE(stream.value(QStringLiteral("codec_name")).toString(), QStringLiteral("h264"));
    QCOMPARE(stream.value(QStringLiteral("pix_fmt")).toString(), QStringLiteral("yuv420p"));
    QCOMPARE(stream.value(QStringLiteral("width")).toInt(), 1280);
    QCOMPARE(stream.value(QStringLiteral("height")).toInt(), 720);
    QCOMPARE(stream.value(QStringLiteral("nb_read_frames")).toString(), QStringLiteral("120"));
    const double duration = root.value(QStringLiteral("format"))
                                    .toObject()
                                    .value(QStringLiteral("duration"))
                                    .toString()
                                    .toDouble();
    QVERIFY(qAbs(duration - 4.0) <= 0.1);
}

void TestRender::framesChangeOverTime()
{
    QString error;
    const QList<QImage> frames = MediaProbe::decodeFrames(m_video, {0, 60, 119}, &error);
    QVERIFY2(frames.size() == 3, qPrintable(error));
    QVERIFY(frames.at(0) != frames.at(1));
    QVERIFY(frames.at(1) != frames.at(2));
    // Not a blank picture: the frame has many colours.
    QSet<QRgb> colours;
    const QImage small = frames.at(1).scaled(160, 90);
    for (int y = 0; y < small.height(); ++y)
        for (int x = 0; x < small.width(); ++x)
            colours.insert(small.pixel(x, y));
    QVERIFY(colours.size() > 50);
}

void TestRender::deterministic()
{
    const QString again = m_dir.filePath(QStringLiteral("again.mp4"));
    RenderRequest request;
    request.drillText = kDrill;
    request.cornerLabel = QStringLiteral("Run 42");
    QVERIFY(DrillRenderer::render(request, again));
    QCOMPARE(digest(again), digest(m_video));
    QVERIFY(!digest(again).isEmpty());
}

void TestRender::cancel()
{
    const QString path = m_dir.filePath(QStringLiteral("cancelled.mp4"));
    RenderRequest request;
    request.drillText = kDrill;
    int calls = 0;
    QString error;
    const bool ok = DrillRenderer::render(request, path, &error, [&](int done, int) {
        ++calls;
        return done < 10;
    });
    QVERIFY(!ok);
    QCOMPARE(calls, 10);
    QVERIFY(!QFile::exists(path));
}

void TestRender::rejectsBadSizes()
{
    RenderRequest request;
    request.drillText = kDrill;
    request.size = QSize(1281, 720);
    QString error;
    const QString path = m_dir.filePath(QStringLiteral("odd.mp4"));
    QVERIFY(!DrillRenderer::render(request, path, &error));
    QVERIFY(!error.isEmpty());
    QVERIFY(!QFile::exists(path));
}

void TestRender::japaneseGlyphsCovered()
{
    const QString family = RenderFonts::japaneseFamily();
    QVERIFY2(!family.isEmpty(), "no Japanese font: install fonts-ipafont-gothic");
    QFont font(family);
    font.setPixelSize(40);
    const QRawFont raw = QRawFont::fromFont(font);
    QVERIFY(raw.isValid());
    const QString sample
            = QStringLiteral("もも上げ腿モモアゲかかと踵歩きウォールドリル補強縄跳び２０ｍ×３回秒");
    for (const uint ucs4 : sample.toUcs4())
        QVERIFY2(raw.supportsCharacter(ucs4),
                 qPrintable(QString::fromUcs4(reinterpret_cast<const char32_t *>(&ucs4), 1)));
}

QTEST_MAIN(TestRender)
#include "tst_render.moc"
