#pragma once
// Inside the video module: the FFmpeg implementations behind MediaBackend.
#include "mediabackend.h"

namespace Ffmpeg {

// FFmpeg's words for one of its error codes.
QString errorText(int code);

// H.264 / yuv420p MP4 with constant frame rate and faststart (see Mp4Encoder).
class Encoder final : public MediaEncoder
{
public:
    Encoder();
    ~Encoder() override;
    Q_DISABLE_COPY_MOVE(Encoder)

    bool open(const QString &path, const Mp4Encoder::Options &options) override;
    bool addFrame(const QImage &frame) override;
    bool finish() override;
    void abort() override;
    QString errorString() const override { return m_error; }
    int framesWritten() const override;

private:
    struct Private;
    std::unique_ptr<Private> d;
    QString m_error;
};

MediaInfo probe(const QString &path, bool decodeAll);
QList<QImage> decodeFrames(const QString &path, const QList<int> &frameIndices, QString *error);
VideoImporter::Result importVideo(const QString &inputPath, const QString &outputPath,
                                  const VideoImporter::Options &options,
                                  const VideoImporter::Progress &progress);
bool writeThumbnailWebp(const QString &mp4Path, const QString &outputPath, QString *error);
bool writeSpritesheetJpeg(const QString &mp4Path, const QString &outputPath, QString *error);

} // namespace Ffmpeg
