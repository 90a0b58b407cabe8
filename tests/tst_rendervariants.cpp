// Content variants of a rendered video: the WebP thumbnail and the JPEG spritesheet.
#include "contentvariants.h"
#include "drillrenderer.h"

#include <QFile>
#include <QGuiApplication>
#include <QImage>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

namespace {

// Reads the first stream's codec and size with the independent ffprobe program.
QJsonObject ffprobeStream(const QString &path)
{
    const QString ffprobe = QStandardPaths::findExecutable(QStringLiteral("ffprobe"));
    if (ffprobe.isEmpty())
        return {};
    QProcess process;
    process.start(ffprobe,
                  {QStringLiteral("-v"), QStringLiteral("error"), QStringLiteral("-show_entries"),
                   QStringLiteral("stream=codec_name,width,height"), QStringLiteral("-of"),
                   QStringLiteral("json"), path});
    if (!process.waitForFinished(60000) || process.exitCode() != 0)
        return {};
    const QJsonObject root = QJsonDocument::fromJson(process.readAllStandardOutput()).object();
    return root.value(QStringLiteral("streams")).toArray().first().toObject();
}

} // namespace

class TestRenderVariants : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void thumbnail_data();
    void thumbnail();
    void spritesheet_data();
    void spritesheet();
    void deterministic();
    void missingInput();

private:
    QString videoFor(QSize size);

    QTemporaryDir m_dir;
};

void TestRenderVariants::initTestCase()
{
    QVERIFY(m_dir.isValid());
}

QString TestRenderVariants::videoFor(QSize size)
{
    const QString path
            = m_dir.filePath(QStringLiteral("v%1x%2.mp4").arg(size.width()).arg(size.height()));
    if (QFile::exists(path))
        return path;
    RenderRequest request;
    request.drillText = QStringLiteral("スクワット 10回×3");
    request.cornerLabel = QStringLiteral("Run 7");
    request.size = size;
    QString error;
    if (!DrillRenderer::render(request, path, &error)) {
        qWarning() << error;
        return {};
    }
    return path;
}

void TestRenderVariants::thumbnail_data()
{
    QTest::addColumn<QSize>("size");
    QTest::newRow("landscape") << QSize(1280, 720);
    QTest::newRow("portrait") << QSize(720, 1280);
}

void TestRenderVariants::thumbnail()
{
    QFETCH(QSize, size);
    const QString video = videoFor(size);
    QVERIFY(!video.isEmpty());
    const QString webp = m_dir.filePath(QStringLiteral("thumb.webp"));
    QString error;
    QVERIFY2(ContentVariants::writeThumbnailWebp(video, webp, &error), qPrintable(error));
    QFile file(webp);
    QVERIFY(file.open(QIODevice::ReadOnly));
    const QByteArray head = file.read(16);
    QVERIFY(head.startsWith("RIFF"));
    QCOMPARE(head.mid(8, 4), QByteArray("WEBP"));
    const QJsonObject stream = ffprobeStream(webp);
    QCOMPARE(stream.value(QStringLiteral("codec_name")).toString(), QStringLiteral("webp"));
    QCOMPARE(stream.value(QStringLiteral("width")).toInt(), size.width());
    QCOMPARE(stream.value(QStringLiteral("height")).toInt(), size.height());
}

void TestRenderVariants::spritesheet_data()
{
    QTest::addColumn<QSize>("size");
    QTest::addColumn<QSize>("tile");
    QTest::newRow("landscape") << QSize(1280, 720) << QSize(256, 144);
    QTest::newRow("portrait") << QSize(720, 1280) << QSize(144, 256);
}

void TestRenderVariants::spritesheet()
{
    QFETCH(QSize, size);
    QFETCH(QSize, tile);
    const QString video = videoFor(size);
    QVERIFY(!video.isEmpty());
    const QString jpeg = m_dir.filePath(QStringLiteral("sheet.jpg"));
    QString error;
    QVERIFY2(ContentVariants::writeSpritesheetJpeg(video, jpeg, &error), qPrintable(error));
    const QSize expected(tile.width() * ContentVariants::kSpritesheetColumns,
                         tile.height() * ContentVariants::kSpritesheetRows);
    const QJsonObject stream = ffprobeStream(jpeg);
    QCOMPARE(stream.value(QStringLiteral("codec_name")).toString(), QStringLiteral("mjpeg"));
    QCOMPARE(QSize(stream.value(QStringLiteral("width")).toInt(),
                   stream.value(QStringLiteral("height")).toInt()),
             expected);
    const QImage sheet(jpeg);
    QCOMPARE(sheet.size(), expected);
    // Sampled over time: the first and the last tile differ.
    const QImage first = sheet.copy(QRect(QPoint(0, 0), tile));
    const QImage last = sheet.copy(QRect(
            QPoint(expected.width() - tile.width(), expected.height() - tile.height()), tile));
    QVERIFY(first != last);
}

void TestRenderVariants::deterministic()
{
    const QString video = videoFor(QSize(1280, 720));
    QVERIFY(!video.isEmpty());
    QByteArray previous[2];
    for (int round = 0; round < 2; ++round) {
        const QString webp = m_dir.filePath(QStringLiteral("d%1.webp").arg(round));
        const QString jpeg = m_dir.filePath(QStringLiteral("d%1.jpg").arg(round));
        QVERIFY(ContentVariants::writeThumbnailWebp(video, webp));
        QVERIFY(ContentVariants::writeSpritesheetJpeg(video, jpeg));
        QFile w(webp), j(jpeg);
        QVERIFY(w.open(QIODevice::ReadOnly) && j.open(QIODevice::ReadOnly));
        const QByteArray both = w.readAll() + j.readAll();
        if (round == 1)
            QCOMPARE(both, previous[0]);
        previous[round] = both;
    }
}

void TestRenderVariants::missingInput()
{
    QString error;
    const QString out = m_dir.filePath(QStringLiteral("none.webp"));
    QVERIFY(!ContentVariants::writeThumbnailWebp(m_dir.filePath(QStringLiteral("nope.mp4")), out,
                                                 &error));
    QVERIFY(!error.isEmpty());
    QVERIFY(!QFile::exists(out));
    QVERIFY(!ContentVariants::writeSpritesheetJpeg(m_dir.filePath(QStringLiteral("nope.mp4")),
                                                   m_dir.filePath(QStringLiteral("none.jpg"))));
}

QTEST_MAIN(TestRenderVariants)
#include "tst_rendervariants.moc"
