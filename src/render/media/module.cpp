// The video module's entry point: the one symbol it exports.
#include "ffmpeg.h"
#include "renderlog.h"

extern "C" {
#include <libavutil/error.h>
#include <libavutil/log.h>
}

#include <cstdarg>
#include <cstring>

QString Ffmpeg::errorText(int code)
{
    char buffer[AV_ERROR_MAX_STRING_SIZE] = {};
    av_strerror(code, buffer, sizeof buffer);
    return QString::fromUtf8(buffer);
}

namespace {

// FFmpeg's own messages (English, technical: "moov atom not found") go to the render log's
// debug lines, not to the terminal: every failure is also reported in words for people.
void logToRenderCategory(void *context, int level, const char *format, va_list arguments)
{
    if (level > AV_LOG_WARNING || !lcRender().isDebugEnabled())
        return;
    char line[1024];
    int prefix = 1;
    av_log_format_line2(context, level, format, arguments, line, sizeof line, &prefix);
    qCDebug(lcRender).noquote() << "ffmpeg:" << QString::fromUtf8(line).trimmed();
}

class FfmpegBackend final : public MediaBackend
{
public:
    std::unique_ptr<MediaEncoder> createEncoder() const override
    {
        return std::make_unique<Ffmpeg::Encoder>();
    }
    MediaInfo probe(const QString &path, bool decodeAll) const override
    {
        return Ffmpeg::probe(path, decodeAll);
    }
    QList<QImage> decodeFrames(const QString &path, const QList<int> &frameIndices,
                               QString *error) const override
    {
        return Ffmpeg::decodeFrames(path, frameIndices, error);
    }
    VideoImporter::Result importVideo(const QString &inputPath, const QString &outputPath,
                                      const VideoImporter::Options &options,
                                      const VideoImporter::Progress &progress) const override
    {
        return Ffmpeg::importVideo(inputPath, outputPath, options, progress);
    }
    bool writeThumbnailWebp(const QString &mp4Path, const QString &outputPath,
                            QString *error) const override
    {
        return Ffmpeg::writeThumbnailWebp(mp4Path, outputPath, error);
    }
    bool writeSpritesheetJpeg(const QString &mp4Path, const QString &outputPath,
                              QString *error) const override
    {
        return Ffmpeg::writeSpritesheetJpeg(mp4Path, outputPath, error);
    }
};

} // namespace

extern "C" Q_DECL_EXPORT const MediaBackend *drillstudio_media_backend(const char *abi)
{
    static const FfmpegBackend backend;
    static const bool logging = [] {
        av_log_set_callback(logToRenderCategory);
        return true;
    }();
    Q_UNUSED(logging);
    if (!abi || std::strcmp(abi, DRILLSTUDIO_MEDIA_ABI) != 0)
        return nullptr;
    return &backend;
}
