#pragma once
// Reads an MP4 back with FFmpeg's libraries: container facts, stream facts, and decoded frames.
#include <QImage>
#include <QList>
#include <QString>

struct MediaInfo
{
    bool valid = false;
    QString error;
    QString codec; // "h264"
    QString pixelFormat; // "yuv420p"
    int width = 0;
    int height = 0;
    double durationSeconds = 0; // container duration
    double frameRate = 0; // average frame rate of the video stream
    qint64 frameCount = 0; // frames actually decoded (only when counted)
    bool hasFtyp = false;
    bool moovBeforeMdat = false; // "faststart"
};

namespace MediaProbe {

// Opens the file, reads its stream parameters and, with decodeAll, decodes every frame.
MediaInfo probe(const QString &path, bool decodeAll = false);

// Checks only the MP4 box layout: whether it starts with ftyp and has moov before mdat.
bool readBoxLayout(const QString &path, bool *hasFtyp, bool *moovBeforeMdat, QString *error);

// Decodes the frames with the given indices (0-based, ascending) as RGB32 images.
QList<QImage> decodeFrames(const QString &path, const QList<int> &frameIndices,
                           QString *error = nullptr);

} // namespace MediaProbe
