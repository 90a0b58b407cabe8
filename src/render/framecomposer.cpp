#include "framecomposer.h"

#include "renderfonts.h"

#include <QFont>
#include <QLinearGradient>
#include <QPainter>
#include <QPainterPath>
#include <QRegularExpression>
#include <QtMath>

namespace {

// The frontend sends a whole advice section: a header in 【】 and then sentences.
QString stripHeader(const QString &text)
{
    QStringList lines = text.split(QLatin1Char('\n'), Qt::SkipEmptyParts);
    while (!lines.isEmpty() && lines.first().trimmed().startsWith(QChar(0x3010))) // 【
        lines.removeFirst();
    return lines.join(QLatin1Char(' ')).simplified();
}

} // namespace

FrameComposer::FrameComposer(const QString &drillText, const QString &cornerLabel, QSize size,
                             int frameCount)
    : m_cornerLabel(cornerLabel)
    , m_size(size)
    , m_frameCount(qMax(1, frameCount))
    , m_family(RenderFonts::japaneseFamily())
{
    m_caption = stripHeader(drillText);
    if (m_caption.isEmpty())
        m_caption = drillText.simplified();
    m_title = m_caption;
    const qsizetype stop = m_title.indexOf(QRegularExpression(QStringLiteral("[。.!！?？]")));
    if (stop > 0)
        m_title.truncate(stop);
    if (m_title.size() > 24)
        m_title = m_title.left(23) + QChar(0x2026);
}

void FrameComposer::paint(QPainter &painter, int frameIndex) const
{
    const qreal w = m_size.width();
    const qreal h = m_size.height();
    const qreal unit = qMin(w, h) / 720.0;
    const qreal t = qreal(frameIndex) / m_frameCount;

    painter.setRenderHint(QPainter::Antialiasing, true);
    painter.setRenderHint(QPainter::TextAntialiasing, true);

    QLinearGradient sky(0, 0, 0, h);
    sky.setColorAt(0, QColor(0x1d, 0x3b, 0x5c));
    sky.setColorAt(1, QColor(0x5f, 0x8f, 0xb8));
    painter.fillRect(QRectF(0, 0, w, h), sky);

    // Track with lane lines and a ground line.
    const qreal ground = h * 0.72;
    painter.fillRect(QRectF(0, ground, w, h - ground), QColor(0xb5, 0x4a, 0x32));
    painter.setPen(QPen(QColor(0xf2, 0xf2, 0xf2), 4 * unit));
    painter.drawLine(QPointF(0, ground), QPointF(w, ground));
    painter.setPen(QPen(QColor(255, 255, 255, 120), 2 * unit, Qt::DashLine));
    painter.drawLine(QPointF(0, ground + (h - ground) * 0.5), QPointF(w, ground + (h - ground) * 0.5));

    // A runner's marker moving along the track with a bouncing stride.
    const qreal x = w * (0.1 + 0.8 * t);
    const qreal bounce = qAbs(qSin(t * M_PI * 8)) * 30 * unit;
    painter.setPen(Qt::NoPen);
    painter.setBrush(QColor(0xff, 0xd1, 0x4a));
    painter.drawEllipse(QPointF(x, ground - 40 * unit - bounce), 26 * unit, 26 * unit);

    QFont titleFont(m_family);
    titleFont.setPixelSize(int(56 * unit));
    titleFont.setBold(true);
    painter.setFont(titleFont);
    painter.setPen(Qt::white);
    painter.drawText(QRectF(40 * unit, 40 * unit, w - 80 * unit, 90 * unit),
                     Qt::AlignLeft | Qt::AlignVCenter, m_title);

    QFont captionFont(m_family);
    captionFont.setPixelSize(int(30 * unit));
    painter.setFont(captionFont);
    const QRectF captionBox(40 * unit, ground + 24 * unit, w - 80 * unit, h - ground - 48 * unit);
    painter.fillRect(captionBox.adjusted(-12 * unit, -8 * unit, 12 * unit, 8 * unit),
                     QColor(0, 0, 0, 140));
    painter.drawText(captionBox, Qt::AlignLeft | Qt::AlignVCenter | Qt::TextWordWrap, m_caption);

    if (!m_cornerLabel.isEmpty()) {
        QFont cornerFont(m_family);
        cornerFont.setPixelSize(int(24 * unit));
        painter.setFont(cornerFont);
        painter.setPen(QColor(255, 255, 255, 210));
        painter.drawText(QRectF(0, 20 * unit, w - 30 * unit, 40 * unit),
                         Qt::AlignRight | Qt::AlignVCenter, m_cornerLabel);
    }

    // Elapsed-time bar so that every frame differs.
    painter.fillRect(QRectF(0, h - 8 * unit, w * (qreal(frameIndex + 1) / m_frameCount), 8 * unit),
                     QColor(0xff, 0xd1, 0x4a));
}
