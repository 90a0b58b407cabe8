#include "ffmpeg.h"

extern "C" {
#include <libavcodec/avcodec.h>
#include <libavformat/avformat.h>
#include <libavutil/pixdesc.h>
#include <libswscale/swscale.h>
}

#include <memory>

namespace {

// Owns an opened input and its video decoder.
struct Decoder
{
    AVFormatContext *format = nullptr;
    AVCodecContext *codec = nullptr;
    AVPacket *packet = nullptr;
    AVFrame *frame = nullptr;
    int streamIndex = -1;
    QString error;

    ~Decoder()
    {
        av_frame_free(&frame);
        av_packet_free(&packet);
        avcodec_free_context(&codec);
        avformat_close_input(&format);
    }

    bool open(const QString &path)
    {
        const QByteArray file = path.toUtf8();
        int ret = avformat_open_input(&format, file.constData(), nullptr, nullptr);
        if (ret < 0) {
            error = QStringLiteral("cannot open %1: %2").arg(path, Ffmpeg::errorText(ret));
            return false;
        }
        ret = avformat_find_stream_info(format, nullptr);
        if (ret < 0) {
            error = QStringLiteral("cannot read stream information: %1")
                            .arg(Ffmpeg::errorText(ret));
            return false;
        }
        const AVCodec *decoder = nullptr;
        streamIndex = av_find_best_stream(format, AVMEDIA_TYPE_VIDEO, -1, -1, &decoder, 0);
        if (streamIndex < 0 || !decoder) {
            error = QStringLiteral("no decodable video stream");
            return false;
        }
        codec = avcodec_alloc_context3(decoder);
        packet = av_packet_alloc();
        frame = av_frame_alloc();
        if (!codec || !packet || !frame) {
            error = QStringLiteral("out of memory");
            return false;
        }
        avcodec_parameters_to_context(codec, format->streams[streamIndex]->codecpar);
        codec->thread_count = 1;
        ret = avcodec_open2(codec, decoder, nullptr);
        if (ret < 0) {
            error = QStringLiteral("cannot open the decoder: %1").arg(Ffmpeg::errorText(ret));
            return false;
        }
        return true;
    }

    // Calls onFrame for every decoded frame in order; onFrame returns false to stop.
    template<typename F>
    bool decode(F onFrame)
    {
        bool draining = false;
        while (true) {
            if (!draining) {
                const int ret = av_read_frame(format, packet);
                if (ret == AVERROR_EOF) {
                    draining = true;
                    avcodec_send_packet(codec, nullptr);
                } else if (ret < 0) {
                    error = QStringLiteral("read error: %1").arg(Ffmpeg::errorText(ret));
                    return false;
                } else {
                    if (packet->stream_index == streamIndex) {
                        const int sent = avcodec_send_packet(codec, packet);
                        if (sent < 0 && sent != AVERROR(EAGAIN)) {
                            av_packet_unref(packet);
                            error = QStringLiteral("decode error: %1").arg(Ffmpeg::errorText(sent));
                            return false;
                        }
                    }
                    av_packet_unref(packet);
                }
            }
            while (true) {
                const int ret = avcodec_receive_frame(codec, frame);
                if (ret == AVERROR(EAGAIN))
                    break;
                if (ret == AVERROR_EOF)
                    return true;
                if (ret < 0) {
                    error = QStringLiteral("decode error: %1").arg(Ffmpeg::errorText(ret));
                    return false;
                }
                const bool more = onFrame(frame);
                av_frame_unref(frame);
                if (!more)
                    return true;
            }
        }
    }
};

QImage toImage(const AVFrame *frame)
{
    QImage image(frame->width, frame->height, QImage::Format_RGB32);
    SwsContext *sws = sws_getContext(frame->width, frame->height, AVPixelFormat(frame->format),
                                     frame->width, frame->height, AV_PIX_FMT_BGRA, SWS_BILINEAR,
                                     nullptr, nullptr, nullptr);
    if (!sws)
        return {};
    uint8_t *dst[1] = {image.bits()};
    const int dstStride[1] = {int(image.bytesPerLine())};
    sws_scale(sws, frame->data, frame->linesize, 0, frame->height, dst, dstStride);
    sws_freeContext(sws);
    return image;
}

} // namespace

namespace Ffmpeg {

MediaInfo probe(const QString &path, bool decodeAll)
{
    MediaInfo info;
    QString layoutError;
    if (!MediaProbe::readBoxLayout(path, &info.hasFtyp, &info.moovBeforeMdat, &layoutError)) {
        info.error = layoutError;
        return info;
    }
    Decoder decoder;
    if (!decoder.open(path)) {
        info.error = decoder.error;
        return info;
    }
    const AVStream *stream = decoder.format->streams[decoder.streamIndex];
    info.codec = QString::fromUtf8(avcodec_get_name(stream->codecpar->codec_id));
    const char *pixName = av_get_pix_fmt_name(AVPixelFormat(stream->codecpar->format));
    info.pixelFormat = pixName ? QString::fromUtf8(pixName) : QString();
    info.width = stream->codecpar->width;
    info.height = stream->codecpar->height;
    if (decoder.format->duration > 0)
        info.durationSeconds = double(decoder.format->duration) / AV_TIME_BASE;
    if (stream->avg_frame_rate.den > 0)
        info.frameRate = av_q2d(stream->avg_frame_rate);
    if (decodeAll) {
        qint64 count = 0;
        if (!decoder.decode([&count](AVFrame *) {
                ++count;
                return true;
            })) {
            info.error = decoder.error;
            return info;
        }
        info.frameCount = count;
        if (count == 0) {
            info.error = QStringLiteral("the video has no frames");
            return info;
        }
    }
    info.valid = info.width > 0 && info.height > 0 && info.durationSeconds > 0;
    if (!info.valid && info.error.isEmpty())
        info.error = QStringLiteral("the file has no usable duration or picture size");
    return info;
}

QList<QImage> decodeFrames(const QString &path, const QList<int> &frameIndices, QString *error)
{
    QList<QImage> images;
    Decoder decoder;
    if (!decoder.open(path)) {
        if (error)
            *error = decoder.error;
        return images;
    }
    int index = 0;
    qsizetype wanted = 0;
    const bool ok = decoder.decode([&](AVFrame *frame) {
        if (wanted < frameIndices.size() && frameIndices.at(wanted) == index) {
            images.append(toImage(frame));
            ++wanted;
        }
        ++index;
        return wanted < frameIndices.size();
    });
    if (!ok && error)
        *error = decoder.error;
    return images;
}

} // namespace Ffmpeg
