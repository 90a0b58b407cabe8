#pragma once
// The part of the render layer that uses FFmpeg's libraries (encoding, probing, decoding,
// importing, stills) lives in a module of its own, loaded the first time a video is encoded or
// read. FFmpeg brings about a hundred shared libraries with it; a process that never touches a
// video (the window at start, `serve` answering from its cache, `cache list`) does not load them.
//
// Mp4Encoder, MediaProbe, VideoImporter and ContentVariants are the API; they forward to this
// interface. Nothing else should include this header.
#include "mediaprobe.h"
#include "mp4encoder.h"
#include "videoimporter.h"

#include <QImage>
#include <QList>
#include <QString>

#include <memory>

class MediaEncoder
{
public:
    virtual ~MediaEncoder() = default;
    virtual bool open(const QString &path, const Mp4Encoder::Options &options) = 0;
    virtual bool addFrame(const QImage &frame) = 0;
    virtual bool finish() = 0;
    virtual void abort() = 0;
    virtual QString errorString() const = 0;
    virtual int framesWritten() const = 0;
};

class MediaBackend
{
public:
    virtual ~MediaBackend() = default;
    virtual std::unique_ptr<MediaEncoder> createEncoder() const = 0;
    virtual MediaInfo probe(const QString &path, bool decodeAll) const = 0;
    virtual QList<QImage> decodeFrames(const QString &path, const QList<int> &frameIndices,
                                       QString *error) const = 0;
    virtual VideoImporter::Result importVideo(const QString &inputPath, const QString &outputPath,
                                              const VideoImporter::Options &options,
                                              const VideoImporter::Progress &progress) const = 0;
    virtual bool writeThumbnailWebp(const QString &mp4Path, const QString &outputPath,
                                    QString *error) const = 0;
    virtual bool writeSpritesheetJpeg(const QString &mp4Path, const QString &outputPath,
                                      QString *error) const = 0;

    // The module, loaded on first use (thread-safe). nullptr when it cannot be loaded; error
    // then says why, in words for people.
    static const MediaBackend *get(QString *error = nullptr);
    // Whether the module is loaded in this process (for tests of what start-up loads).
    static bool isLoaded();
};

// The module's one exported function. It answers nullptr when the caller was built from other
// sources than the module (DRILLSTUDIO_MEDIA_ABI differs), so that a stale module left in a
// folder is refused instead of being called with other types.
#define DRILLSTUDIO_MEDIA_ENTRY "drillstudio_media_backend"
using DrillStudioMediaEntry = const MediaBackend *(*)(const char *abi);
