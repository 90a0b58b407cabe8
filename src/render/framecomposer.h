#pragma once
// Paints one frame of a drill video: the track, the figure performing each drill in turn,
// the drill's name, coaching cues, the counts, the drill text as captions and the run label.
#include "drillmotion.h"
#include "drillrecognizer.h"

#include <QFont>
#include <QImage>
#include <QRectF>
#include <QSize>
#include <QString>
#include <QStringList>

#include <vector>

class QPainter;

class FrameComposer
{
public:
    FrameComposer(const QString &drillText, const QString &cornerLabel, QSize size, int frameCount,
                  int fps = 30);

    // Not thread-safe: keeps the last static layer it painted. Use one composer per thread.
    void paint(QPainter &painter, int frameIndex) const;

    QString title() const;
    const DrillRecognition &recognition() const { return m_recognition; }
    int segmentAt(int frameIndex) const;

    // Where the figure (outline included) is drawn in a frame, and the area it must stay in.
    QRectF figureRect(int frameIndex) const;
    QRectF sceneRect() const { return m_scene; }

    // Every text a video of this drill text can show (for glyph coverage checks).
    QStringList drawnTexts() const;

private:
    struct Segment
    {
        RecognizedDrill drill;
        DrillMotion motion;
        int firstFrame = 0;
        int endFrame = 0;
        QStringList cues;
        QString title;
        QString subtitle;
        QString counterLabel;
    };
    struct FigureState
    {
        Skeleton skeleton;
        double scroll = 0;
        double slope = 0;
    };

    void layout();
    void paginateCaptions();
    FigureState figureAt(int frameIndex) const;
    QPointF toScreen(QPointF world) const;
    void paintStatic(QPainter &painter, int segment, int page) const;
    void paintGround(QPainter &painter, const Segment &segment, const FigureState &state,
                     double seconds) const;
    void paintFigure(QPainter &painter, const Skeleton &s) const;
    void paintRope(QPainter &painter, const Segment &segment, const Skeleton &s,
                   double seconds) const;
    void paintCue(QPainter &painter, const Segment &segment, double localSeconds) const;
    void paintCounter(QPainter &painter, const Segment &segment, double localSeconds) const;
    QString liveCount(const Segment &segment, double localSeconds) const;
    QFont font(double pixels, bool bold = false) const;

    DrillRecognition m_recognition;
    std::vector<Segment> m_segments;
    QString m_cornerLabel;
    QSize m_size;
    int m_frameCount;
    int m_fps;
    QString m_family;
    bool m_portrait = false;
    double m_unit = 1;
    QRectF m_titleBand, m_scene, m_captionBand, m_cueRect, m_counterRect;
    double m_groundY = 0;
    double m_anchorX = 0;
    double m_bodyPixels = 0;
    QStringList m_captionPages;
    double m_captionPixels = 30;

    mutable QImage m_layer;
    mutable int m_layerSegment = -1;
    mutable int m_layerPage = -1;
};
