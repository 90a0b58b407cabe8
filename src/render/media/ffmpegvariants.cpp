#include "contentvariants.h"
#include "ffmpeg.h"

#include <QImage>
#include <QPainter>
#include <QSaveFile>
#include <QScopeGuard>

extern "C" {
#include <libavcodec/avcodec.h>
#include <libavutil/imgutils.h>
#include <libavutil/opt.h>
#include <libswscale/swscale.h>
}

#include <cmath>

namespace {

bool fail(QString *error, const QString &message)
{
    if (error)
        *error = message;
    return false;
}

// Encodes one picture with an FFmpeg image encoder; the packet is a complete image file.
bool encodeStill(const QImage &source, const char *encoderName, AVPixelFormat pixelFormat,
                 int jpegQuality, QByteArray *out, QString *error)
{
    const AVCodec *encoder = avcodec_find_encoder_by_name(encoderName);
    if (!encoder)
        return fail(error,
                    QStringLiteral("the %1 encoder is not available in this FFmpeg build")
                            .arg(QString::fromLatin1(encoderName)));
    const QImage image = source.convertToFormat(QImage::Format_RGB32);
    AVCodecContext *codec = avcodec_alloc_context3(encoder);
    AVFrame *frame = av_frame_alloc();
    AVPacket *packet = av_packet_alloc();
    SwsContext *sws = nullptr;
    auto cleanup = qScopeGuard([&] {
        sws_freeContext(sws);
        av_packet_free(&packet);
        av_frame_free(&frame);
        avcodec_free_context(&codec);
    });
    if (!codec || !frame || !packet)
        return fail(error, QStringLiteral("out of memory"));
    codec->width = image.width();
    codec->height = image.height();
    codec->time_base = AVRational {1, 25};
    codec->pix_fmt = pixelFormat;
    codec->flags |= AV_CODEC_FLAG_BITEXACT;
    codec->thread_count = 1;
    if (jpegQuality > 0) {
        codec->flags |= AV_CODEC_FLAG_QSCALE;
        codec->global_quality = FF_QP2LAMBDA * jpegQuality;
        codec->color_range = AVCOL_RANGE_JPEG;
    }
    AVDictionary *options = nullptr;
    if (qstrcmp(encoderName, "libwebp") == 0)
        av_dict_set(&options, "quality", "82", 0);
    int ret = avcodec_open2(codec, encoder, &options);
    av_dict_free(&options);
    if (ret < 0)
        return fail(error,
                    QStringLiteral("cannot open the %1 encoder: %2")
                            .arg(QString::fromLatin1(encoderName), Ffmpeg::errorText(ret)));
    frame->format = pixelFormat;
    frame->width = image.width();
    frame->height = image.height();
    frame->pts = 0;
    if (jpegQuality > 0)
        frame->quality = codec->global_quality;
    ret = av_frame_get_buffer(frame, 0);
    if (ret < 0)
        return fail(error,
                    QStringLiteral("cannot allocate a frame: %1").arg(Ffmpeg::errorText(ret)));
    sws = sws_getContext(image.width(), image.height(), AV_PIX_FMT_BGRA, image.width(),
                         image.height(), pixelFormat, SWS_BICUBIC | SWS_ACCURATE_RND | SWS_BITEXACT,
                         nullptr, nullptr, nullptr);
    if (!sws)
        return fail(error, QStringLiteral("cannot create the colour converter"));
    const uint8_t *src[1] = {image.constBits()};
    const int srcStride[1] = {int(image.bytesPerLine())};
    sws_scale(sws, src, srcStride, 0, image.height(), frame->data, frame->linesize);

    out->clear();
    for (AVFrame *input : {frame, static_cast<AVFrame *>(nullptr)}) {
        ret = avcodec_send_frame(codec, input);
        if (ret < 0)
            return fail(error, QStringLiteral("encoding failed: %1").arg(Ffmpeg::errorText(ret)));
        while ((ret = avcodec_receive_packet(codec, packet)) >= 0) {
            out->append(reinterpret_cast<const char *>(packet->data), packet->size);
            av_packet_unref(packet);
        }
        if (ret != AVERROR(EAGAIN) && ret != AVERROR_EOF)
            return fail(error, QStringLiteral("encoding failed: %1").arg(Ffmpeg::errorText(ret)));
    }
    if (out->isEmpty())
        return fail(error, QStringLiteral("the encoder produced no picture"));
    return true;
}

bool writeFile(const QString &path, const QByteArray &data, QString *error)
{
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly) || file.write(data) != data.size() || !file.commit())
        return fail(error, QStringLiteral("cannot write %1: %2").arg(path, file.errorString()));
    return true;
}

// Frames in the video, from the container's duration and frame rate.
int frameCountOf(const MediaInfo &info)
{
    return qMax(1, int(std::lround(info.durationSeconds * info.frameRate)));
}

} // namespace

namespace Ffmpeg {

using namespace ContentVariants;

bool writeThumbnailWebp(const QString &mp4Path, const QString &outputPath, QString *error)
{
    const MediaInfo info = Ffmpeg::probe(mp4Path, false);
    if (!info.valid)
        return fail(error, info.error);
    const int frames = frameCountOf(info);
    const int index = qBound(0, int(std::lround(info.frameRate)), frames - 1);
    QString decodeError;
    QList<QImage> images = Ffmpeg::decodeFrames(mp4Path, {index}, &decodeError);
    if (images.isEmpty()) // a shorter stream than its header claims: fall back to the first frame
        images = Ffmpeg::decodeFrames(mp4Path, {0}, &decodeError);
    if (images.isEmpty() || images.constFirst().isNull())
        return fail(error,
                    decodeError.isEmpty() ? QStringLiteral("no frame decoded") : decodeError);
    QByteArray webp;
    if (!encodeStill(images.constFirst(), "libwebp", AV_PIX_FMT_BGRA, 0, &webp, error))
        return false;
    return writeFile(outputPath, webp, error);
}

bool writeSpritesheetJpeg(const QString &mp4Path, const QString &outputPath, QString *error)
{
    const MediaInfo info = Ffmpeg::probe(mp4Path, false);
    if (!info.valid)
        return fail(error, info.error);
    const int frames = frameCountOf(info);
    const int tiles = qMin(frames, kSpritesheetColumns * kSpritesheetRows);
    QList<int> indices;
    for (int i = 0; i < tiles; ++i) {
        const int index = int((qint64(2 * i + 1) * frames) / (2 * tiles)); // centre of each slice
        if (indices.isEmpty() || indices.constLast() < index)
            indices.append(index);
    }
    QString decodeError;
    const QList<QImage> images = Ffmpeg::decodeFrames(mp4Path, indices, &decodeError);
    if (images.isEmpty())
        return fail(error,
                    decodeError.isEmpty() ? QStringLiteral("no frame decoded") : decodeError);

    // Tiles keep the video's aspect ratio; even sizes suit 4:2:0 chroma.
    const bool landscape = info.width >= info.height;
    const int longSide = kSpritesheetTileLongSide;
    int shortSide = int(std::lround(double(longSide) * qMin(info.width, info.height)
                                    / qMax(info.width, info.height)));
    shortSide += shortSide % 2;
    const QSize tile = landscape ? QSize(longSide, shortSide) : QSize(shortSide, longSide);
    const int columns = qMin(kSpritesheetColumns, int(images.size()));
    const int rows = int((images.size() + columns - 1) / columns);
    QImage sheet(tile.width() * columns, tile.height() * rows, QImage::Format_RGB32);
    sheet.fill(Qt::black);
    {
        QPainter painter(&sheet);
        for (qsizetype i = 0; i < images.size(); ++i) {
            const QImage scaled
                    = images.at(i).scaled(tile, Qt::IgnoreAspectRatio, Qt::SmoothTransformation);
            painter.drawImage(
                    QPoint(int(i % columns) * tile.width(), int(i / columns) * tile.height()),
                    scaled);
        }
    }
    QByteArray jpeg;
    if (!encodeStill(sheet, "mjpeg", AV_PIX_FMT_YUVJ420P, 3, &jpeg, error))
        return false;
    return writeFile(outputPath, jpeg, error);
}

} // namespace Ffmpeg
