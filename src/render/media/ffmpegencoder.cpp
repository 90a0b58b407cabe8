#include "ffmpeg.h"

#include <QImage>

extern "C" {
#include <libavcodec/avcodec.h>
#include <libavformat/avformat.h>
#include <libavutil/imgutils.h>
#include <libavutil/opt.h>
#include <libswscale/swscale.h>
}

namespace Ffmpeg {

struct Encoder::Private
{
    AVFormatContext *format = nullptr;
    AVCodecContext *codec = nullptr;
    AVStream *stream = nullptr;
    AVFrame *frame = nullptr;
    AVPacket *packet = nullptr;
    SwsContext *sws = nullptr;
    Mp4Encoder::Options options;
    int64_t nextPts = 0;
    bool headerWritten = false;

    ~Private() { release(); }

    void release()
    {
        if (format) {
            if (format->pb)
                avio_closep(&format->pb);
            avformat_free_context(format);
            format = nullptr;
        }
        avcodec_free_context(&codec);
        av_frame_free(&frame);
        av_packet_free(&packet);
        sws_freeContext(sws);
        sws = nullptr;
        stream = nullptr;
        headerWritten = false;
    }

    // Sends one frame (or nullptr to flush) and writes every packet the encoder hands back.
    int encode(AVFrame *input)
    {
        int ret = avcodec_send_frame(codec, input);
        if (ret < 0)
            return ret;
        while (true) {
            ret = avcodec_receive_packet(codec, packet);
            if (ret == AVERROR(EAGAIN) || ret == AVERROR_EOF)
                return 0;
            if (ret < 0)
                return ret;
            av_packet_rescale_ts(packet, codec->time_base, stream->time_base);
            packet->stream_index = stream->index;
            ret = av_interleaved_write_frame(format, packet);
            av_packet_unref(packet);
            if (ret < 0)
                return ret;
        }
    }
};

Encoder::Encoder()
    : d(std::make_unique<Private>())
{
    // libx264 reports statistics at "info" level; only errors belong in our log.
    static const bool quiet = [] {
        av_log_set_level(AV_LOG_ERROR);
        return true;
    }();
    Q_UNUSED(quiet);
}

Encoder::~Encoder() = default;

int Encoder::framesWritten() const
{
    return int(d->nextPts);
}

bool Encoder::open(const QString &path, const Mp4Encoder::Options &options)
{
    d->release();
    d->options = options;
    d->nextPts = 0;
    const QSize size = options.size;
    if (size.width() <= 0 || size.height() <= 0 || size.width() % 2 || size.height() % 2) {
        m_error = QStringLiteral("invalid frame size %1x%2").arg(size.width()).arg(size.height());
        return false;
    }
    const QByteArray file = path.toUtf8();
    int ret = avformat_alloc_output_context2(&d->format, nullptr, "mp4", file.constData());
    if (ret < 0 || !d->format) {
        m_error = QStringLiteral("cannot create MP4 container: %1").arg(Ffmpeg::errorText(ret));
        return false;
    }
    d->format->flags |= AVFMT_FLAG_BITEXACT;

    const AVCodec *codec = avcodec_find_encoder_by_name("libx264");
    if (!codec) {
        m_error = QStringLiteral("the libx264 encoder is not available in this FFmpeg build");
        d->release();
        return false;
    }
    d->stream = avformat_new_stream(d->format, nullptr);
    d->codec = avcodec_alloc_context3(codec);
    d->frame = av_frame_alloc();
    d->packet = av_packet_alloc();
    if (!d->stream || !d->codec || !d->frame || !d->packet) {
        m_error = QStringLiteral("out of memory");
        d->release();
        return false;
    }
    AVCodecContext *c = d->codec;
    c->width = size.width();
    c->height = size.height();
    c->time_base = AVRational {1, options.fps};
    c->framerate = AVRational {options.fps, 1};
    c->pix_fmt = AV_PIX_FMT_YUV420P;
    c->gop_size = options.fps; // a keyframe a second keeps browser seeking quick
    c->thread_count = options.threads;
    c->flags |= AV_CODEC_FLAG_BITEXACT;
    c->color_range = AVCOL_RANGE_MPEG;
    c->colorspace = AVCOL_SPC_BT709;
    c->color_primaries = AVCOL_PRI_BT709;
    c->color_trc = AVCOL_TRC_BT709;
    if (d->format->oformat->flags & AVFMT_GLOBALHEADER)
        c->flags |= AV_CODEC_FLAG_GLOBAL_HEADER;
    av_opt_set(c->priv_data, "preset", options.preset.toUtf8().constData(), 0);
    av_opt_set(c->priv_data, "crf", QByteArray::number(options.crf).constData(), 0);

    ret = avcodec_open2(c, codec, nullptr);
    if (ret < 0) {
        m_error = QStringLiteral("cannot open the H.264 encoder: %1").arg(Ffmpeg::errorText(ret));
        d->release();
        return false;
    }
    avcodec_parameters_from_context(d->stream->codecpar, c);
    d->stream->time_base = c->time_base;
    d->stream->avg_frame_rate = c->framerate;

    d->frame->format = c->pix_fmt;
    d->frame->width = c->width;
    d->frame->height = c->height;
    ret = av_frame_get_buffer(d->frame, 0);
    if (ret < 0) {
        m_error = QStringLiteral("cannot allocate a frame: %1").arg(Ffmpeg::errorText(ret));
        d->release();
        return false;
    }
    d->sws = sws_getContext(c->width, c->height, AV_PIX_FMT_BGRA, c->width, c->height,
                            AV_PIX_FMT_YUV420P, SWS_BICUBIC | SWS_ACCURATE_RND | SWS_BITEXACT,
                            nullptr, nullptr, nullptr);
    if (!d->sws) {
        m_error = QStringLiteral("cannot create the colour converter");
        d->release();
        return false;
    }

    ret = avio_open(&d->format->pb, file.constData(), AVIO_FLAG_WRITE);
    if (ret < 0) {
        m_error = QStringLiteral("cannot write %1: %2").arg(path, Ffmpeg::errorText(ret));
        d->release();
        return false;
    }
    AVDictionary *muxerOptions = nullptr;
    av_dict_set(&muxerOptions, "movflags", "+faststart", 0);
    ret = avformat_write_header(d->format, &muxerOptions);
    av_dict_free(&muxerOptions);
    if (ret < 0) {
        m_error = QStringLiteral("cannot write the MP4 header: %1").arg(Ffmpeg::errorText(ret));
        d->release();
        return false;
    }
    d->headerWritten = true;
    return true;
}

bool Encoder::addFrame(const QImage &image)
{
    if (!d->headerWritten) {
        m_error = QStringLiteral("encoder is not open");
        return false;
    }
    if (image.size() != d->options.size) {
        m_error = QStringLiteral("frame size does not match the video size");
        return false;
    }
    const QImage bgra
            = image.format() == QImage::Format_RGB32 || image.format() == QImage::Format_ARGB32
            ? image
            : image.convertToFormat(QImage::Format_RGB32);
    int ret = av_frame_make_writable(d->frame);
    if (ret < 0) {
        m_error = Ffmpeg::errorText(ret);
        return false;
    }
    const uint8_t *src[1] = {bgra.constBits()};
    const int srcStride[1] = {int(bgra.bytesPerLine())};
    sws_scale(d->sws, src, srcStride, 0, bgra.height(), d->frame->data, d->frame->linesize);
    d->frame->pts = d->nextPts++;
    ret = d->encode(d->frame);
    if (ret < 0) {
        m_error = QStringLiteral("encoding failed: %1").arg(Ffmpeg::errorText(ret));
        return false;
    }
    return true;
}

bool Encoder::finish()
{
    if (!d->headerWritten) {
        m_error = QStringLiteral("encoder is not open");
        return false;
    }
    int ret = d->encode(nullptr);
    if (ret < 0) {
        m_error = QStringLiteral("encoding failed: %1").arg(Ffmpeg::errorText(ret));
        d->release();
        return false;
    }
    ret = av_write_trailer(d->format);
    if (ret < 0) {
        m_error = QStringLiteral("cannot finish the MP4 file: %1").arg(Ffmpeg::errorText(ret));
        d->release();
        return false;
    }
    d->release();
    return true;
}

void Encoder::abort()
{
    d->release();
}

} // namespace Ffmpeg
