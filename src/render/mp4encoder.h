#pragma once
// Encodes QImage frames into an H.264 / yuv420p MP4 with constant frame rate and faststart.
#include <QSize>
#include <QString>

#include <memory>

class QImage;

class Mp4Encoder
{
public:
    struct Options
    {
        QSize size {1280, 720};
        int fps = 30;
        QString preset = QStringLiteral("medium");
        int crf = 23;
        // A fixed thread count keeps the output byte-identical whatever the machine's core count.
        int threads = 2;
    };

    Mp4Encoder();
    ~Mp4Encoder();
    Q_DISABLE_COPY_MOVE(Mp4Encoder)

    bool open(const QString &path, const Options &options);
    // Frames must have the size given to open(); any QImage format is accepted.
    bool addFrame(const QImage &frame);
    bool finish();
    // Stops and removes nothing: the caller owns the (partial) output file.
    void abort();

    QString errorString() const { return m_error; }
    int framesWritten() const;

private:
    struct Private;
    std::unique_ptr<Private> d;
    QString m_error;
};
