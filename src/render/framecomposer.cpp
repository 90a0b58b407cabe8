#include "framecomposer.h"

#include "renderfonts.h"

#include <QFontMetricsF>
#include <QLinearGradient>
#include <QPainter>
#include <QPainterPath>
#include <QRegularExpression>
#include <QtMath>

#include <algorithm>
#include <cmath>

namespace {

constexpr double kBlendSeconds = 0.35; // pose blend when one drill follows another
constexpr double kMetresPerBodyHeight = 1.7;

const QColor kSkinNear(0xf0, 0xbf, 0x98);
const QColor kSkinFar(0xc4, 0x8e, 0x6a);
const QColor kShirtNear(0xff, 0x7a, 0x1a);
const QColor kShirtFar(0xd2, 0x5c, 0x0c);
const QColor kShorts(0x1f, 0x2d, 0x4f);
const QColor kShortsFar(0x17, 0x21, 0x3a);
const QColor kShoeNear(0xf5, 0xf5, 0xf5);
const QColor kShoeFar(0xb8, 0xbe, 0xc8);
const QColor kHair(0x2b, 0x1d, 0x14);
const QColor kTrack(0xc0, 0x55, 0x3a);
const QColor kAccent(0xff, 0xd1, 0x4a);

QStringList sentencesOf(const QString &text)
{
    QStringList out;
    static const QRegularExpression end(QStringLiteral("(?<=[。！？!?])|(?<=\\.)\\s"));
    for (const QString &part : text.split(end, Qt::SkipEmptyParts)) {
        if (!part.trimmed().isEmpty())
            out.append(part.trimmed());
    }
    return out;
}

QString circled(int n)
{
    return QString(QChar(0x2460 + n - 1)); // ① ② ③
}

} // namespace

FrameComposer::FrameComposer(const QString &drillText, const QString &cornerLabel, QSize size,
                             int frameCount, int fps)
    : m_recognition(DrillRecognizer::recognise(drillText))
    , m_cornerLabel(cornerLabel)
    , m_size(size)
    , m_frameCount(qMax(1, frameCount))
    , m_fps(qMax(1, fps))
    , m_family(RenderFonts::japaneseFamily())
{
    if (m_recognition.body.isEmpty())
        m_recognition.body = drillText.simplified();
    const int count = int(m_recognition.drills.size());
    const double seconds = double(m_frameCount) / m_fps;
    const double perDrill = seconds / count;
    const int cueCount = perDrill >= 3.5 ? 3 : 2;
    for (int i = 0; i < count; ++i) {
        const RecognizedDrill &drill = m_recognition.drills.at(i);
        const DrillInfo &info = DrillCatalog::info(drill.id);
        Segment segment {drill,
                         DrillMotion(drill.id),
                         i * m_frameCount / count,
                         (i + 1) * m_frameCount / count,
                         info.cuesJa.mid(0, cueCount),
                         info.nameJa,
                         info.nameEn,
                         {}};
        if (!m_recognition.recognised) {
            // Nothing named: an easy run, titled with the text itself.
            QString first = sentencesOf(m_recognition.body).value(0, m_recognition.body);
            first.remove(QRegularExpression(QStringLiteral("[。．.！!？?]+$")));
            if (first.size() > 22)
                first = first.left(21) + QChar(0x2026);
            if (!first.isEmpty()) {
                segment.title = first;
                segment.subtitle = info.nameJa + QStringLiteral(" · ") + info.nameEn;
            }
        }
        QStringList labels;
        for (const DrillCounter &counter : drill.counters)
            labels.append(counter.label);
        segment.counterLabel = labels.join(QStringLiteral(" · "));
        m_segments.push_back(segment);
    }
    layout();
    paginateCaptions();
}

QString FrameComposer::title() const
{
    return m_segments.front().title;
}

QFont FrameComposer::font(double pixels, bool bold) const
{
    QFont f(m_family);
    f.setPixelSize(qMax(8, int(pixels)));
    f.setBold(bold);
    f.setHintingPreference(QFont::PreferNoHinting);
    return f;
}

void FrameComposer::layout()
{
    const double w = m_size.width();
    const double h = m_size.height();
    m_portrait = h > w;
    m_unit = qMin(w, h) / 720.0;
    if (m_portrait) {
        m_titleBand = QRectF(0, 0, w, h * 0.13);
        m_captionBand = QRectF(0, h * 0.8, w, h * 0.2);
        m_scene = QRectF(0, m_titleBand.bottom(), w, m_captionBand.top() - m_titleBand.bottom());
        m_groundY = m_scene.top() + m_scene.height() * 0.86;
        m_bodyPixels = qMin(w * 0.52, m_scene.height() * 0.5);
        m_cueRect = QRectF(w * 0.05, m_scene.top() + h * 0.02, w * 0.9, h * 0.085);
        m_counterRect = QRectF(w * 0.05, m_cueRect.bottom() + h * 0.015, w * 0.9, h * 0.06);
        m_anchorX = w * 0.5;
    } else {
        m_titleBand = QRectF(0, 0, w, h * 0.17);
        m_captionBand = QRectF(0, h * 0.8, w, h * 0.2);
        m_scene = QRectF(0, m_titleBand.bottom(), w, m_captionBand.top() - m_titleBand.bottom());
        m_groundY = m_scene.top() + m_scene.height() * 0.85;
        m_bodyPixels = m_scene.height() * 0.6;
        m_cueRect = QRectF(w * 0.03, m_scene.top() + h * 0.035, w * 0.3, h * 0.16);
        m_counterRect = QRectF(w * 0.71, m_scene.top() + h * 0.035, w * 0.26, h * 0.16);
        m_anchorX = w * 0.52;
    }
}

void FrameComposer::paginateCaptions()
{
    const QRectF box = m_captionBand.adjusted(40 * m_unit, 18 * m_unit, -40 * m_unit, -18 * m_unit);
    const QString body = m_recognition.body;
    const double seconds = double(m_frameCount) / m_fps;
    const int maxPages = qMax(1, int(seconds / 2.0));
    // The largest size at which the whole text fits; below the smallest, split into pages.
    for (double px = 32; px >= 22; px -= 2) {
        const QFontMetricsF metrics(font(px * m_unit));
        if (metrics.boundingRect(box, Qt::TextWordWrap, body).height() <= box.height()) {
            m_captionPixels = px * m_unit;
            m_captionPages = {body};
            return;
        }
    }
    m_captionPixels = 22 * m_unit;
    const QFontMetricsF metrics(font(m_captionPixels));
    auto fits = [&](const QString &text) {
        return metrics.boundingRect(box, Qt::TextWordWrap, text).height() <= box.height();
    };
    QString page;
    for (const QString &sentence : sentencesOf(body)) {
        const QString joined = page.isEmpty() ? sentence : page + QLatin1Char(' ') + sentence;
        if (page.isEmpty() || fits(joined)) {
            page = joined;
        } else {
            m_captionPages.append(page);
            page = sentence;
        }
    }
    if (!page.isEmpty())
        m_captionPages.append(page);
    while (m_captionPages.size() > maxPages) {
        const QString last = m_captionPages.takeLast();
        m_captionPages.last() += QLatin1Char(' ') + last;
    }
    for (QString &p : m_captionPages) {
        if (fits(p))
            continue;
        // Still too long: cut it to what fits, ending with an ellipsis.
        qsizetype lo = 0, hi = p.size();
        while (lo < hi) {
            const qsizetype mid = (lo + hi + 1) / 2;
            if (fits(p.left(mid) + QChar(0x2026)))
                lo = mid;
            else
                hi = mid - 1;
        }
        p = p.left(lo) + QChar(0x2026);
    }
}

int FrameComposer::segmentAt(int frameIndex) const
{
    for (size_t i = 0; i < m_segments.size(); ++i) {
        if (frameIndex < m_segments[i].endFrame)
            return int(i);
    }
    return int(m_segments.size()) - 1;
}

FrameComposer::FigureState FrameComposer::figureAt(int frameIndex) const
{
    const int index = segmentAt(frameIndex);
    const Segment &segment = m_segments[size_t(index)];
    const double local = double(frameIndex - segment.firstFrame) / m_fps;
    FigureState state;
    state.skeleton = segment.motion.skeletonAt(local);
    state.slope = segment.motion.slopeDegrees();
    state.scroll = segment.motion.groundScroll(local);
    if (index > 0 && local < kBlendSeconds) {
        // Ease from the previous drill's last pose into this one.
        const Segment &previous = m_segments[size_t(index - 1)];
        const double end = double(previous.endFrame - previous.firstFrame) / m_fps;
        const double t = local / kBlendSeconds;
        const double s = t * t * (3 - 2 * t);
        const Pose pose = Pose::mix(previous.motion.poseAt(end), segment.motion.poseAt(local), s);
        Skeleton blended = DrillMotion::forwardKinematics(pose);
        const QPointF from = previous.motion.skeletonAt(end).pelvis;
        const double x = from.x() + (state.skeleton.pelvis.x() - from.x()) * s;
        const double y
                = DrillMotion::groundLift(blended, state.slope, segment.drill.id == DrillId::Plank)
                + pose.lift + x * std::tan(qDegreesToRadians(state.slope));
        state.skeleton = blended.translated(QPointF(x, y));
    }
    return state;
}

QPointF FrameComposer::toScreen(QPointF world) const
{
    return {m_anchorX + world.x() * m_bodyPixels, m_groundY - world.y() * m_bodyPixels};
}

QRectF FrameComposer::figureRect(int frameIndex) const
{
    const FigureState state = figureAt(frameIndex);
    double left = 1e9, top = 1e9, right = -1e9, bottom = -1e9;
    for (const QPointF &p : state.skeleton.points()) {
        const QPointF s = toScreen(p);
        left = std::min(left, s.x());
        right = std::max(right, s.x());
        top = std::min(top, s.y());
        bottom = std::max(bottom, s.y());
    }
    const double margin = Body::kMaxHalfWidth * m_bodyPixels;
    return QRectF(QPointF(left, top), QPointF(right, bottom))
            .adjusted(-margin, -margin, margin, margin);
}

QStringList FrameComposer::drawnTexts() const
{
    QStringList texts = m_captionPages;
    texts << m_cornerLabel << QStringLiteral("POINT") << QStringLiteral("/0123456789:");
    for (const Segment &s : m_segments) {
        texts << s.title << s.subtitle << s.counterLabel << s.cues;
        for (int i = 1; i <= 3; ++i)
            texts << circled(i);
        texts << liveCount(s, 0) << liveCount(s, 1.5);
    }
    texts.removeAll(QString());
    return texts;
}

void FrameComposer::paintStatic(QPainter &painter, int segmentIndex, int page) const
{
    const Segment &segment = m_segments[size_t(segmentIndex)];
    const double w = m_size.width();
    const double u = m_unit;

    // Sky and stands behind the track.
    QLinearGradient sky(0, m_scene.top(), 0, m_groundY);
    sky.setColorAt(0, QColor(0x8c, 0xc8, 0xf0));
    sky.setColorAt(1, QColor(0xd8, 0xee, 0xfa));
    painter.fillRect(m_scene, sky);
    const double standsTop = m_groundY - m_bodyPixels * 0.55;
    painter.fillRect(QRectF(0, standsTop, w, m_groundY - standsTop), QColor(0x5b, 0x6b, 0x7d));
    for (int row = 0; row < 4; ++row) {
        const double y = standsTop + row * m_bodyPixels * 0.09;
        painter.fillRect(QRectF(0, y, w, m_bodyPixels * 0.035), QColor(0x6d, 0x7f, 0x93));
    }
    // Infield grass; on a hill it fills the hillside below the sloping track too.
    const double grassBottom = segment.motion.slopeDegrees() != 0 ? m_scene.bottom() : m_groundY;
    painter.fillRect(QRectF(0, m_groundY - m_bodyPixels * 0.2, w,
                            grassBottom - m_groundY + m_bodyPixels * 0.2),
                     QColor(0x3f, 0x9b, 0x4a));

    // Title band: the drill's name, its English name, and which drill of how many.
    QLinearGradient band(0, 0, 0, m_titleBand.height());
    band.setColorAt(0, QColor(0x12, 0x25, 0x3d));
    band.setColorAt(1, QColor(0x1b, 0x36, 0x57));
    painter.fillRect(m_titleBand, band);
    painter.fillRect(QRectF(0, m_titleBand.bottom() - 5 * u, w, 5 * u), kAccent);
    const double side = 32 * u;
    const double cornerWidth = m_cornerLabel.isEmpty() ? 0 : w * (m_portrait ? 0.28 : 0.2);
    const QRectF titleBox(side, m_titleBand.height() * 0.1, w - 2 * side - cornerWidth,
                          m_titleBand.height() * 0.55);
    double titlePixels = (m_portrait ? 62 : 60) * u;
    while (titlePixels > 24 * u
           && QFontMetricsF(font(titlePixels, true)).horizontalAdvance(segment.title)
                   > titleBox.width())
        titlePixels -= 2 * u;
    painter.setFont(font(titlePixels, true));
    painter.setPen(Qt::white);
    painter.drawText(titleBox, Qt::AlignLeft | Qt::AlignBottom, segment.title);
    QString subtitle = segment.subtitle;
    if (m_segments.size() > 1)
        subtitle
                = QStringLiteral("%1/%2  ").arg(segmentIndex + 1).arg(m_segments.size()) + subtitle;
    painter.setFont(font(26 * u));
    painter.setPen(QColor(0xbf, 0xd4, 0xea));
    painter.drawText(QRectF(side, titleBox.bottom(), w - 2 * side, m_titleBand.height() * 0.3),
                     Qt::AlignLeft | Qt::AlignVCenter, subtitle);
    if (!m_cornerLabel.isEmpty()) {
        painter.setFont(font(24 * u, true));
        const QRectF corner(w - side - cornerWidth, m_titleBand.height() * 0.14, cornerWidth,
                            34 * u);
        painter.setPen(Qt::NoPen);
        painter.setBrush(QColor(255, 255, 255, 40));
        const double textWidth = QFontMetricsF(painter.font()).horizontalAdvance(m_cornerLabel);
        const QRectF pill(corner.right() - textWidth - 24 * u, corner.top(), textWidth + 24 * u,
                          corner.height());
        painter.drawRoundedRect(pill, 17 * u, 17 * u);
        painter.setPen(Qt::white);
        painter.drawText(pill, Qt::AlignCenter, m_cornerLabel);
    }

    // Caption band: the drill text.
    painter.fillRect(m_captionBand, QColor(0x10, 0x18, 0x24));
    painter.setFont(font(m_captionPixels));
    painter.setPen(QColor(0xf4, 0xf4, 0xf4));
    const QRectF box = m_captionBand.adjusted(40 * u, 18 * u, -40 * u, -18 * u);
    painter.drawText(box, Qt::AlignLeft | Qt::AlignVCenter | Qt::TextWordWrap,
                     m_captionPages.value(page));
}

void FrameComposer::paintGround(QPainter &painter, const Segment &segment, const FigureState &state,
                                double seconds) const
{
    const double px = m_bodyPixels;
    const double w = m_size.width();
    const double scroll = state.scroll;
    const double tanSlope = std::tan(qDegreesToRadians(state.slope));
    // Track surface: a band below the ground line, following the slope.
    auto groundAt = [&](double screenX) {
        return m_groundY - (screenX - m_anchorX) * tanSlope;
    };
    QPolygonF track;
    track << QPointF(0, groundAt(0) - px * 0.06) << QPointF(w, groundAt(w) - px * 0.06)
          << QPointF(w, m_scene.bottom()) << QPointF(0, m_scene.bottom());
    if (state.slope != 0) {
        QPolygonF grass;
        grass << QPointF(0, groundAt(0) - px * 0.2) << QPointF(w, groundAt(w) - px * 0.2)
              << QPointF(w, m_scene.bottom()) << QPointF(0, m_scene.bottom());
        painter.setPen(Qt::NoPen);
        painter.setBrush(QColor(0x3f, 0x9b, 0x4a));
        painter.drawPolygon(grass);
    }
    painter.setPen(Qt::NoPen);
    painter.setBrush(kTrack);
    painter.drawPolygon(track);
    painter.setPen(QPen(QColor(255, 255, 255, 200), 3 * m_unit));
    painter.drawLine(QPointF(0, groundAt(0) - px * 0.06), QPointF(w, groundAt(w) - px * 0.06));
    for (int lane = 1; lane <= 2; ++lane) {
        const double y = m_groundY + lane * px * 0.16;
        if (y < m_scene.bottom())
            painter.drawLine(QPointF(0, y - m_anchorX * tanSlope * 0 - (0 - m_anchorX) * tanSlope),
                             QPointF(w, y - (w - m_anchorX) * tanSlope));
    }
    // Ground line, with distance ticks that move with the ground.
    painter.setPen(QPen(Qt::white, 5 * m_unit, Qt::SolidLine, Qt::FlatCap));
    painter.drawLine(QPointF(0, groundAt(0)), QPointF(w, groundAt(w)));
    const double spacing = 0.5;
    const double first = std::floor((scroll - (m_anchorX / px)) / spacing) * spacing;
    painter.setPen(QPen(QColor(255, 255, 255, 190), 4 * m_unit, Qt::SolidLine, Qt::FlatCap));
    for (double u = first; (u - scroll) * px + m_anchorX < w + px; u += spacing) {
        const double x = m_anchorX + (u - scroll) * px;
        const double y = groundAt(x);
        painter.drawLine(QPointF(x, y + 4 * m_unit), QPointF(x - px * 0.05, y + px * 0.12));
    }

    const DrillId id = segment.drill.id;
    const double step = segment.motion.stepLength();
    if ((id == DrillId::Ladder || id == DrillId::MiniHurdles) && step > 0.05) {
        const double offset = segment.motion.footfallOffset() + step / 2;
        const double start = offset + std::floor((scroll - m_anchorX / px - offset) / step) * step;
        for (double u = start; (u - scroll) * px + m_anchorX < w + px; u += step) {
            const double x = m_anchorX + (u - scroll) * px;
            const double y = groundAt(x);
            if (id == DrillId::Ladder) {
                painter.setPen(
                        QPen(QColor(0xd4, 0xf0, 0x3c), 5 * m_unit, Qt::SolidLine, Qt::RoundCap));
                painter.drawLine(QPointF(x + px * 0.03, y - px * 0.05),
                                 QPointF(x - px * 0.03, y + px * 0.12));
                painter.drawLine(QPointF(x - step * px, y - px * 0.05), QPointF(x, y - px * 0.05));
                painter.drawLine(QPointF(x - step * px - px * 0.06, y + px * 0.12),
                                 QPointF(x - px * 0.06, y + px * 0.12));
            } else {
                const double hh = px * 0.14;
                painter.setPen(
                        QPen(QColor(0x2f, 0x7d, 0xe1), 6 * m_unit, Qt::SolidLine, Qt::RoundCap));
                painter.drawLine(QPointF(x, y), QPointF(x, y - hh));
                painter.setPen(
                        QPen(QColor(0xf4, 0xf4, 0xf4), 9 * m_unit, Qt::SolidLine, Qt::RoundCap));
                painter.drawPoint(QPointF(x, y - hh));
                painter.setPen(
                        QPen(QColor(0x1b, 0x4a, 0x8a), 5 * m_unit, Qt::SolidLine, Qt::RoundCap));
                painter.drawLine(QPointF(x - px * 0.05, y), QPointF(x + px * 0.05, y));
            }
        }
    }
    if (segment.motion.usesWall()) {
        const double x = m_anchorX + segment.motion.wallX() * px;
        QLinearGradient wall(x, 0, x + px * 0.2, 0);
        wall.setColorAt(0, QColor(0xe6, 0xe1, 0xd6));
        wall.setColorAt(1, QColor(0xb3, 0xab, 0x9c));
        painter.fillRect(QRectF(x, m_scene.top(), px * 0.2, m_groundY - m_scene.top()), wall);
        painter.fillRect(QRectF(x, m_scene.top(), 3 * m_unit, m_groundY - m_scene.top()),
                         QColor(0x8a, 0x82, 0x74));
    }
    Q_UNUSED(seconds);
}

void FrameComposer::paintFigure(QPainter &painter, const Skeleton &s) const
{
    const double px = m_bodyPixels;
    auto limb = [&](QPointF a, QPointF b, double width, const QColor &colour) {
        painter.setPen(QPen(colour, width * px, Qt::SolidLine, Qt::RoundCap, Qt::RoundJoin));
        painter.drawLine(toScreen(a), toScreen(b));
    };
    auto along = [](QPointF a, QPointF b, double t) {
        return a + (b - a) * t;
    };

    // Shadow on the ground under the figure, fainter in the air.
    const double feetX = (s.ball[0].x() + s.ball[1].x()) / 2;
    const double height = qMin(s.ball[0].y(), s.ball[1].y());
    const QPointF shadow = toScreen(QPointF(feetX, 0));
    painter.setPen(Qt::NoPen);
    painter.setBrush(QColor(0, 0, 0, int(qBound(20.0, 70 - height * 300, 70.0))));
    painter.drawEllipse(QPointF(shadow.x(), m_groundY), px * 0.2, px * 0.025);

    auto leg = [&](int i) {
        const bool near = i == 0;
        limb(s.pelvis, s.knee[i], 0.085, near ? kSkinNear : kSkinFar);
        limb(s.knee[i], s.ankle[i], 0.065, near ? kSkinNear : kSkinFar);
        limb(s.pelvis, along(s.pelvis, s.knee[i], 0.55), 0.1, near ? kShorts : kShortsFar);
        QPainterPath shoe;
        shoe.moveTo(toScreen(s.heel[i]));
        shoe.lineTo(toScreen(s.ankle[i] + (s.heel[i] - s.ankle[i]) * 0.2));
        shoe.lineTo(toScreen(s.ball[i]));
        shoe.lineTo(toScreen(s.toe[i]));
        painter.setPen(QPen(near ? kShoeNear : kShoeFar, 0.045 * px, Qt::SolidLine, Qt::RoundCap,
                            Qt::RoundJoin));
        painter.setBrush(Qt::NoBrush);
        painter.drawPath(shoe);
        limb(along(s.heel[i], s.toe[i], 0.1), along(s.heel[i], s.toe[i], 0.8), 0.012,
             QColor(0xe0, 0x3a, 0x3a));
    };
    auto arm = [&](int i) {
        const bool near = i == 0;
        const QColor skin = near ? kSkinNear : kSkinFar;
        limb(s.shoulder, s.elbow[i], 0.058, skin);
        limb(s.elbow[i], s.wrist[i], 0.05, skin);
        limb(s.shoulder, along(s.shoulder, s.elbow[i], 0.45), 0.07, near ? kShirtNear : kShirtFar);
        const QPointF hand
                = s.wrist[i] + (s.wrist[i] - s.elbow[i]) * (Body::kHand / Body::kForearm);
        limb(s.wrist[i], hand, 0.05, skin);
    };

    arm(1);
    leg(1);
    // Trunk: shirt over the chest, shorts at the hips.
    limb(along(s.pelvis, s.shoulder, 0.15), along(s.pelvis, s.shoulder, 0.92), 0.13, kShirtNear);
    limb(s.pelvis, along(s.pelvis, s.shoulder, 0.2), 0.125, kShorts);
    limb(s.shoulder, s.neck, 0.05, kSkinNear);
    leg(0);
    // Head: face towards the direction of travel, hair at the back.
    const QPointF head = toScreen(s.head);
    const double r = s.headRadius * px;
    painter.setPen(Qt::NoPen);
    painter.setBrush(kSkinNear);
    painter.drawEllipse(head, r, r);
    const QPointF axis = s.head - s.neck;
    const double axisLength = std::hypot(axis.x(), axis.y());
    const QPointF upDir = axisLength > 0 ? axis / axisLength : QPointF(0, 1);
    const QPointF forward(upDir.y(), -upDir.x());
    const double angle = qRadiansToDegrees(std::atan2(upDir.y(), upDir.x()));
    painter.setBrush(kHair);
    const QRectF headRect(head.x() - r, head.y() - r, 2 * r, 2 * r);
    painter.drawChord(headRect, int((angle - 10) * 16), int(150 * 16));
    const QPointF eye
            = toScreen(s.head + forward * (s.headRadius * 0.55) + upDir * (s.headRadius * 0.15));
    painter.setBrush(QColor(0x20, 0x20, 0x20));
    painter.drawEllipse(eye, r * 0.12, r * 0.12);
    arm(0);
}

void FrameComposer::paintRope(QPainter &painter, const Segment &segment, const Skeleton &s,
                              double seconds) const
{
    const double a = segment.motion.ropeAngle(seconds);
    const QPointF hand = (s.wrist[0] + s.wrist[1]) / 2;
    const QPointF centre(s.pelvis.x(), s.pelvis.y() + 0.08);
    auto onLoop = [&](double angle) {
        return centre + QPointF(std::sin(angle) * 0.32, -std::cos(angle) * 0.62);
    };
    QPainterPath rope;
    rope.moveTo(toScreen(hand));
    rope.quadTo(toScreen(onLoop(a - 0.9)), toScreen(onLoop(a)));
    rope.quadTo(toScreen(onLoop(a + 0.9)), toScreen(hand));
    painter.setPen(
            QPen(QColor(0x1e, 0x5a, 0xd8), 0.012 * m_bodyPixels, Qt::SolidLine, Qt::RoundCap));
    painter.setBrush(Qt::NoBrush);
    painter.drawPath(rope);
}

void FrameComposer::paintCue(QPainter &painter, const Segment &segment, double local) const
{
    if (segment.cues.isEmpty())
        return;
    const double length = double(segment.endFrame - segment.firstFrame) / m_fps;
    const int count = int(segment.cues.size());
    const int index = qBound(0, int(local / (length / count)), count - 1);
    const double shown = local - index * (length / count);
    const double fade = qBound(0.0, shown / 0.25, 1.0);
    const QRectF box = m_cueRect.translated(0, (1 - fade) * 12 * m_unit);
    painter.setOpacity(0.35 + 0.65 * fade);
    painter.setPen(Qt::NoPen);
    painter.setBrush(QColor(255, 255, 255, 235));
    painter.drawRoundedRect(box, 16 * m_unit, 16 * m_unit);
    painter.setBrush(kAccent);
    painter.drawRoundedRect(QRectF(box.left(), box.top(), 12 * m_unit, box.height()), 6 * m_unit,
                            6 * m_unit);
    const double pad = 22 * m_unit;
    const QRectF label(box.left() + pad, box.top() + 8 * m_unit, box.width() - 2 * pad,
                       26 * m_unit);
    painter.setFont(font(20 * m_unit, true));
    painter.setPen(QColor(0x3b, 0x6e, 0xa8));
    painter.drawText(label, Qt::AlignLeft | Qt::AlignVCenter,
                     QStringLiteral("POINT %1/%2").arg(index + 1).arg(count));
    const QRectF textBox(box.left() + pad, label.bottom(), box.width() - 2 * pad,
                         box.bottom() - label.bottom() - 6 * m_unit);
    const QString text = circled(index + 1) + QLatin1Char(' ') + segment.cues.at(index);
    double pixels = (m_portrait ? 34 : 30) * m_unit;
    while (pixels > 16 * m_unit
           && QFontMetricsF(font(pixels, true))
                           .boundingRect(textBox, Qt::TextWordWrap, text)
                           .height()
                   > textBox.height())
        pixels -= 2 * m_unit;
    painter.setFont(font(pixels, true));
    painter.setPen(QColor(0x14, 0x22, 0x36));
    painter.drawText(textBox, Qt::AlignLeft | Qt::AlignVCenter | Qt::TextWordWrap, text);
    painter.setOpacity(1);
}

QString FrameComposer::liveCount(const Segment &segment, double local) const
{
    for (const DrillCounter &c : segment.drill.counters) {
        switch (c.kind) {
        case DrillCounter::Kind::Repetitions: {
            const int done = qMin(int(c.amount), int(local / segment.motion.period()) + 1);
            return QStringLiteral("%1 / %2").arg(done).arg(int(c.amount));
        }
        case DrillCounter::Kind::Time: {
            const int total = int(c.amount);
            const int elapsed = qMin(total, int(local));
            return QStringLiteral("%1:%2 / %3:%4")
                    .arg(elapsed / 60)
                    .arg(elapsed % 60, 2, 10, QLatin1Char('0'))
                    .arg(total / 60)
                    .arg(total % 60, 2, 10, QLatin1Char('0'));
        }
        case DrillCounter::Kind::Distance: {
            const double travelled
                    = (segment.motion.groundScroll(local) - segment.motion.groundScroll(0))
                    * kMetresPerBodyHeight;
            if (travelled < 0.5)
                break;
            return QStringLiteral("%1 / %2m")
                    .arg(qMin(c.amount, std::floor(travelled)))
                    .arg(c.amount);
        }
        case DrillCounter::Kind::Sets:
            return QStringLiteral("1 / %1").arg(int(c.amount));
        }
    }
    return {};
}

void FrameComposer::paintCounter(QPainter &painter, const Segment &segment, double local) const
{
    if (segment.counterLabel.isEmpty())
        return;
    const QString live = liveCount(segment, local);
    const QRectF box = m_counterRect;
    painter.setPen(Qt::NoPen);
    painter.setBrush(QColor(0x12, 0x25, 0x3d, 225));
    painter.drawRoundedRect(box, 16 * m_unit, 16 * m_unit);
    const double pad = 16 * m_unit;
    QRectF labelBox = box.adjusted(pad, 6 * m_unit, -pad, -6 * m_unit);
    QRectF liveBox;
    if (!live.isEmpty()) {
        if (m_portrait) {
            liveBox = labelBox;
            liveBox.setLeft(labelBox.center().x());
            labelBox.setRight(labelBox.center().x());
        } else {
            liveBox = labelBox;
            liveBox.setTop(labelBox.center().y());
            labelBox.setBottom(labelBox.center().y());
        }
    }
    double pixels = (m_portrait ? 40 : 38) * m_unit;
    while (pixels > 16 * m_unit
           && QFontMetricsF(font(pixels, true)).horizontalAdvance(segment.counterLabel)
                   > labelBox.width())
        pixels -= 2 * m_unit;
    painter.setFont(font(pixels, true));
    painter.setPen(kAccent);
    painter.drawText(labelBox, Qt::AlignCenter, segment.counterLabel);
    if (!live.isEmpty()) {
        painter.setFont(font(30 * m_unit, true));
        painter.setPen(Qt::white);
        painter.drawText(liveBox, Qt::AlignCenter, live);
    }
}

void FrameComposer::paint(QPainter &painter, int frameIndex) const
{
    const int index = segmentAt(frameIndex);
    const Segment &segment = m_segments[size_t(index)];
    const double seconds = double(frameIndex) / m_fps;
    const double local = double(frameIndex - segment.firstFrame) / m_fps;
    const int pages = int(m_captionPages.size());
    const int page = qBound(0, frameIndex * pages / m_frameCount, pages - 1);

    // Text bands and the backdrop change only between drills and caption pages.
    if (m_layer.size() != m_size || m_layerSegment != index || m_layerPage != page) {
        m_layer = QImage(m_size, QImage::Format_RGB32);
        m_layer.fill(Qt::black);
        QPainter layerPainter(&m_layer);
        layerPainter.setRenderHint(QPainter::Antialiasing, true);
        layerPainter.setRenderHint(QPainter::TextAntialiasing, true);
        paintStatic(layerPainter, index, page);
        m_layerSegment = index;
        m_layerPage = page;
    }
    painter.drawImage(QPoint(0, 0), m_layer);

    painter.setRenderHint(QPainter::Antialiasing, true);
    painter.setRenderHint(QPainter::TextAntialiasing, true);
    painter.save();
    painter.setClipRect(m_scene);
    const FigureState state = figureAt(frameIndex);
    paintGround(painter, segment, state, local);
    paintFigure(painter, state.skeleton);
    if (segment.drill.id == DrillId::JumpRope)
        paintRope(painter, segment, state.skeleton, local);
    paintCue(painter, segment, local);
    paintCounter(painter, segment, local);
    painter.restore();

    // Elapsed-time bar along the top of the caption band.
    painter.fillRect(
            QRectF(0, m_captionBand.top(),
                   m_size.width() * (seconds + 1.0 / m_fps) / (double(m_frameCount) / m_fps),
                   4 * m_unit),
            kAccent);
}
