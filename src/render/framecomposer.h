#pragma once
// Paints one frame of a drill video: background, track, moving marker, title and captions.
#include <QSize>
#include <QString>
#include <QStringList>

class QPainter;

class FrameComposer
{
public:
    FrameComposer(const QString &drillText, const QString &cornerLabel, QSize size, int frameCount);

    void paint(QPainter &painter, int frameIndex) const;

    QString title() const { return m_title; }

private:
    QString m_title;
    QString m_caption;
    QString m_cornerLabel;
    QSize m_size;
    int m_frameCount;
    QString m_family;
};
