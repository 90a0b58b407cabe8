#pragma once
// Transcodes a recorded demonstration (MP4, MOV, WebM or MKV; whatever video codec FFmpeg
// decodes) into the form of generated videos: H.264 / yuv420p, constant frame rate, faststart,
// turned upright by its rotation metadata and letterboxed (never stretched) into a fixed size.
#include <QSize>
#include <QString>

#include <functional>

namespace VideoImporter {

struct Options
{
    QSize size {1280, 720};
    int fps = 30;
    QString preset = QStringLiteral("medium");
    int crf = 23;
    int threads = 2; // encoder threads, as for rendered videos
    double trimStart = 0; // seconds into the source
    double trimEnd = 0; // seconds into the source; 0: to the end
    // Audio: an AAC track is copied as it is unless muted; other audio codecs are dropped (the
    // generated videos have no sound, and a drill is watched, not heard).
    bool mute = false;
};

enum class Error {
    None,
    CannotRead, // missing or unreadable file
    NotAVideo, // not a container we take (MP4, MOV, WebM, MKV), or not a media file at all
    NoVideoStream, // a media file without a picture (audio only, only a cover image)
    UnsupportedCodec, // a video stream this FFmpeg cannot decode
    Truncated, // the file ends early or its data is damaged
    BadTrim, // the trim leaves nothing of the video
    Cancelled,
    EncodeFailed, // writing the output failed (disk full, encoder missing)
};

struct Result
{
    Error error = Error::None;
    QString message; // for people; empty on success
    QString container; // FFmpeg's name of the input format, for example "matroska,webm"
    QString sourceCodec; // "h264", "hevc", "vp9", "av1", ...
    QSize sourceSize; // as stored, before rotation
    int rotation = 0; // clockwise degrees applied: 0, 90, 180, 270
    double sourceSeconds = 0;
    double outputSeconds = 0;
    int framesWritten = 0;
    bool audioKept = false;
    QString audioDropped; // codec of an audio track that was not kept, when there was one

    bool ok() const { return error == Error::None; }
};

// fraction 0..1 of the work done; return false to cancel.
using Progress = std::function<bool(double fraction)>;

// Writes outputPath; on any failure the output file is removed.
Result import(const QString &inputPath, const QString &outputPath, const Options &options,
              const Progress &progress = {});

} // namespace VideoImporter
