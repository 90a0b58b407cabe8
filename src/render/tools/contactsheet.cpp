// drillstudio-contactsheet: one frame of each drill the local renderer knows, in one PNG.
//   drillstudio-contactsheet OUT.png [--size WxH] [--columns N] [--frames DIR]
#include "drillcatalog.h"
#include "framecomposer.h"

#include <QCommandLineParser>
#include <QDir>
#include <QGuiApplication>
#include <QImage>
#include <QPainter>
#include <QTextStream>

#include <cmath>

namespace {

// The moment of each drill's cycle that shows it best (knee up, deepest squat...).
double showcasePhase(DrillId id)
{
    switch (id) {
    case DrillId::HighKnees:
        return 0.45;
    case DrillId::ButtKicks:
        return 0.55;
    case DrillId::ASkip:
        return 0.75;
    case DrillId::BSkip:
        return 0.78;
    case DrillId::Lunge:
        return 0.3;
    case DrillId::Squat:
        return 0.47;
    case DrillId::Strides:
        return 0.62;
    case DrillId::ArmSwing:
        return 0.0;
    case DrillId::CalfRaise:
        return 0.47;
    case DrillId::ToeWalk:
        return 0.35;
    case DrillId::HeelWalk:
        return 0.05;
    case DrillId::Balance:
        return 0.0;
    case DrillId::Plank:
        return 0.0;
    case DrillId::JumpRope:
        return 0.45;
    case DrillId::Ladder:
        return 0.5;
    case DrillId::MiniHurdles:
        return 0.42;
    case DrillId::WallDrill:
        return 0.25;
    case DrillId::LegSwing:
        return 0.5;
    case DrillId::Bounding:
        return 0.42;
    case DrillId::Jog:
        return 0.62;
    case DrillId::Walk:
        return 0.0;
    case DrillId::Hill:
        return 0.62;
    }
    return 0;
}

} // namespace

int main(int argc, char **argv)
{
    if (qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM"))
        qputenv("QT_QPA_PLATFORM", "offscreen");
    QGuiApplication app(argc, argv);
    QCommandLineParser parser;
    parser.setApplicationDescription(
            QStringLiteral("Renders one frame of each drill into one PNG contact sheet."));
    parser.addHelpOption();
    parser.addPositionalArgument(QStringLiteral("output"), QStringLiteral("PNG file to write"));
    const QCommandLineOption sizeOption(QStringLiteral("size"),
                                        QStringLiteral("video size (default 1280x720)"),
                                        QStringLiteral("WxH"), QStringLiteral("1280x720"));
    const QCommandLineOption columnsOption(QStringLiteral("columns"),
                                           QStringLiteral("tiles per row (default 4)"),
                                           QStringLiteral("N"), QStringLiteral("4"));
    const QCommandLineOption framesOption(QStringLiteral("frames"),
                                          QStringLiteral("also write each frame full size here"),
                                          QStringLiteral("DIR"));
    parser.addOptions({sizeOption, columnsOption, framesOption});
    parser.process(app);
    QTextStream err(stderr);
    if (parser.positionalArguments().size() != 1) {
        err << parser.helpText();
        return 2;
    }
    const QStringList wh = parser.value(sizeOption).split(QLatin1Char('x'));
    const QSize size(wh.value(0).toInt(), wh.value(1).toInt());
    const int columns = qMax(1, parser.value(columnsOption).toInt());
    if (size.width() < 64 || size.height() < 64 || size.width() % 2 || size.height() % 2) {
        err << "invalid size\n";
        return 2;
    }
    const int fps = 30;
    const int frameCount = 4 * fps;
    const QList<DrillInfo> &drills = DrillCatalog::all();
    const double scale = 480.0 / qMax(size.width(), size.height());
    const QSize tile(int(size.width() * scale), int(size.height() * scale));
    const int rows = int((drills.size() + columns - 1) / columns);
    const int gap = 6;
    QImage sheet(columns * (tile.width() + gap) + gap, rows * (tile.height() + gap) + gap,
                 QImage::Format_RGB32);
    sheet.fill(QColor(0x20, 0x20, 0x20));
    QPainter sheetPainter(&sheet);
    sheetPainter.setRenderHint(QPainter::SmoothPixmapTransform, true);
    QImage frame(size, QImage::Format_RGB32);
    for (qsizetype i = 0; i < drills.size(); ++i) {
        const DrillInfo &drill = drills.at(i);
        const QString text = QStringLiteral("【💪 おすすめの補強ドリル】\n%1 10回。%2。")
                                     .arg(drill.nameJa, drill.cuesJa.constFirst());
        const FrameComposer composer(text, QStringLiteral("Run %1").arg(i + 1), size, frameCount,
                                     fps);
        const DrillMotion motion(drill.id);
        // One second or more in, so that the first cue is on screen, at the telling moment.
        const double cycles = std::ceil(1.0 / motion.period());
        const int index = qMin(
                frameCount - 1,
                int(std::lround((cycles + showcasePhase(drill.id)) * motion.period() * fps)));
        frame.fill(Qt::black);
        {
            QPainter painter(&frame);
            composer.paint(painter, index);
        }
        if (parser.isSet(framesOption)) {
            QDir().mkpath(parser.value(framesOption));
            frame.save(
                    QDir(parser.value(framesOption)).filePath(drill.key + QStringLiteral(".png")));
        }
        const QPoint at(gap + int(i % columns) * (tile.width() + gap),
                        gap + int(i / columns) * (tile.height() + gap));
        sheetPainter.drawImage(QRect(at, tile), frame);
    }
    sheetPainter.end();
    const QString output = parser.positionalArguments().constFirst();
    if (!sheet.save(output, "PNG")) {
        err << "cannot write " << output << "\n";
        return 1;
    }
    QTextStream(stdout) << output << "\n";
    return 0;
}
