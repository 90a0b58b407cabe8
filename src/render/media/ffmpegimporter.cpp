#include "ffmpeg.h"

#include "renderlog.h"

#include <QCoreApplication>
#include <QFile>
#include <QFileInfo>
#include <QRect>
#include <QScopeGuard>

extern "C" {
#include <libavcodec/avcodec.h>
#include <libavformat/avformat.h>
#include <libavutil/display.h>
#include <libavutil/imgutils.h>
#include <libavutil/opt.h>
#include <libswscale/swscale.h>
}

#include <cmath>
#include <cstring>

namespace {

// Demuxers whose files we take: MP4 and MOV share one, WebM and MKV share another.
bool isAcceptedContainer(const char *name)
{
    return name
            && (std::strstr(name, "mp4") || std::strstr(name, "mov")
                || std::strstr(name, "matroska") || std::strstr(name, "webm"));
}

// An MP4/MOV starts with a box whose type is ftyp (or moov, mdat, wide, free); Matroska with the
// EBML magic. Such a file that FFmpeg cannot open was cut off or damaged.
bool looksLikeVideoContainer(const QString &path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return false;
    const QByteArray head = file.read(12);
    if (head.startsWith("\x1a\x45\xdf\xa3"))
        return true;
    const QByteArray box = head.mid(4, 4);
    return box == "ftyp" || box == "moov" || box == "mdat" || box == "wide" || box == "free";
}

// Clockwise degrees that turn the stored picture upright (the `ffmpeg` program's rule).
int rotationOf(const AVStream *stream)
{
    size_t size = 0;
    const uint8_t *matrix = av_stream_get_side_data(stream, AV_PKT_DATA_DISPLAYMATRIX, &size);
    if (!matrix || size < 9 * sizeof(int32_t))
        return 0;
    double theta = -std::round(av_display_rotation_get(reinterpret_cast<const int32_t *>(matrix)));
    theta -= 360 * std::floor(theta / 360 + 0.9 / 360);
    const int degrees = int(std::lround(theta / 90.0)) * 90 % 360;
    return degrees < 0 ? degrees + 360 : degrees;
}

// Copies a w x h plane turned clockwise by degrees (90, 180, 270) into dst.
void rotatePlane(const uint8_t *src, int srcStride, int w, int h, uint8_t *dst, int dstStride,
                 int degrees)
{
    if (degrees == 180) {
        for (int r = 0; r < h; ++r) {
            const uint8_t *s = src + (h - 1 - r) * srcStride + (w - 1);
            uint8_t *d = dst + r * dstStride;
            for (int c = 0; c < w; ++c)
                d[c] = *(s - c);
        }
        return;
    }
    // 90 and 270: the output is h wide and w high. Blocks keep both sides in the cache.
    constexpr int kBlock = 32;
    for (int r0 = 0; r0 < w; r0 += kBlock) {
        for (int c0 = 0; c0 < h; c0 += kBlock) {
            const int r1 = qMin(w, r0 + kBlock);
            const int c1 = qMin(h, c0 + kBlock);
            for (int r = r0; r < r1; ++r) {
                uint8_t *d = dst + r * dstStride;
                if (degrees == 90) {
                    for (int c = c0; c < c1; ++c)
                        d[c] = src[(h - 1 - c) * srcStride + r];
                } else {
                    for (int c = c0; c < c1; ++c)
                        d[c] = src[c * srcStride + (w - 1 - r)];
                }
            }
        }
    }
}

void fillBlack(AVFrame *frame)
{
    for (int plane = 0; plane < 3; ++plane) {
        const int h = plane == 0 ? frame->height : (frame->height + 1) / 2;
        const int w = plane == 0 ? frame->width : (frame->width + 1) / 2;
        const uint8_t value = plane == 0 ? 16 : 128;
        for (int r = 0; r < h; ++r)
            std::memset(frame->data[plane] + r * frame->linesize[plane], value, size_t(w));
    }
}

int swsColorspace(AVColorSpace space)
{
    switch (space) {
    case AVCOL_SPC_BT709:
        return SWS_CS_ITU709;
    case AVCOL_SPC_BT2020_NCL:
    case AVCOL_SPC_BT2020_CL:
        return SWS_CS_BT2020;
    case AVCOL_SPC_SMPTE240M:
        return SWS_CS_SMPTE240M;
    default:
        return SWS_CS_ITU601;
    }
}

struct Importer
{
    Q_DECLARE_TR_FUNCTIONS(VideoImporter)

public:
    const VideoImporter::Options &options;
    const VideoImporter::Progress &progress;
    VideoImporter::Result result;

    AVFormatContext *input = nullptr;
    AVCodecContext *decoder = nullptr;
    AVFormatContext *output = nullptr;
    AVCodecContext *encoder = nullptr;
    AVStream *videoOut = nullptr;
    AVStream *audioOut = nullptr;
    AVPacket *packet = nullptr;
    AVFrame *decoded = nullptr;
    AVFrame *scaled = nullptr; // before rotation, when there is one
    AVFrame *canvas = nullptr; // the letterboxed picture handed to the encoder
    SwsContext *sws = nullptr;
    int swsFormat = -1;
    int swsWidth = 0;
    int swsHeight = 0;
    int videoIndex = -1;
    int audioIndex = -1;
    QRect picture; // where the picture sits on the canvas
    QSize scaledSize; // the picture before rotation
    int64_t nextPts = 0; // output frame index
    bool haveHeld = false; // canvas holds the last picture decoded
    double heldTime = 0;
    double lastTime = -1; // time of the last decoded frame that was kept
    double frameStep = 0; // source frame duration estimate
    double start = 0; // trim start in seconds
    double end = 0; // trim end in seconds (exclusive)
    double expected = 0; // seconds the output should last
    int64_t audioStartTs = 0;
    bool headerWritten = false;

    Importer(const VideoImporter::Options &o, const VideoImporter::Progress &p)
        : options(o)
        , progress(p)
    { }

    ~Importer()
    {
        sws_freeContext(sws);
        av_frame_free(&canvas);
        av_frame_free(&scaled);
        av_frame_free(&decoded);
        av_packet_free(&packet);
        avcodec_free_context(&encoder);
        avcodec_free_context(&decoder);
        if (output) {
            if (output->pb)
                avio_closep(&output->pb);
            avformat_free_context(output);
        }
        avformat_close_input(&input);
    }

    bool fail(VideoImporter::Error error, const QString &message)
    {
        result.error = error;
        result.message = message;
        return false;
    }

    bool openInput(const QString &path)
    {
        const QFileInfo info(path);
        if (!info.exists())
            return fail(VideoImporter::Error::CannotRead,
                        tr("The file %1 does not exist.").arg(info.fileName()));
        if (!info.isFile() || !info.isReadable())
            return fail(VideoImporter::Error::CannotRead,
                        tr("The file %1 cannot be read.").arg(info.fileName()));
        const QByteArray file = QFile::encodeName(path);
        int ret = avformat_open_input(&input, file.constData(), nullptr, nullptr);
        if (ret < 0 && looksLikeVideoContainer(path))
            return fail(VideoImporter::Error::Truncated,
                        tr("%1 is damaged or incomplete: it starts like a video but cannot be "
                           "opened. Copy it again.")
                                .arg(info.fileName()));
        if (ret < 0)
            return fail(VideoImporter::Error::NotAVideo,
                        tr("%1 is not a video file (MP4, MOV, WebM or MKV).").arg(info.fileName()));
        result.container = QString::fromLatin1(input->iformat->name);
        if (!isAcceptedContainer(input->iformat->name))
            return fail(VideoImporter::Error::NotAVideo,
                        tr("%1 is not a video file (MP4, MOV, WebM or MKV).").arg(info.fileName()));
        ret = avformat_find_stream_info(input, nullptr);
        if (ret < 0)
            return fail(VideoImporter::Error::Truncated,
                        tr("%1 is damaged or incomplete: its streams cannot be read.")
                                .arg(info.fileName()));
        for (unsigned i = 0; i < input->nb_streams; ++i) {
            const AVStream *s = input->streams[i];
            if (s->codecpar->codec_type == AVMEDIA_TYPE_VIDEO
                && !(s->disposition & AV_DISPOSITION_ATTACHED_PIC) && videoIndex < 0)
                videoIndex = int(i);
            if (s->codecpar->codec_type == AVMEDIA_TYPE_AUDIO && audioIndex < 0)
                audioIndex = int(i);
        }
        if (videoIndex < 0)
            return fail(VideoImporter::Error::NoVideoStream,
                        tr("%1 has no video picture (only sound or a cover image).")
                                .arg(info.fileName()));
        AVStream *stream = input->streams[videoIndex];
        result.sourceCodec = QString::fromLatin1(avcodec_get_name(stream->codecpar->codec_id));
        result.sourceSize = QSize(stream->codecpar->width, stream->codecpar->height);
        result.rotation = rotationOf(stream);
        const AVCodec *codec = avcodec_find_decoder(stream->codecpar->codec_id);
        if (!codec)
            return fail(VideoImporter::Error::UnsupportedCodec,
                        tr("The video in %1 uses the %2 codec, which this system cannot decode.")
                                .arg(info.fileName(), result.sourceCodec));
        decoder = avcodec_alloc_context3(codec);
        packet = av_packet_alloc();
        decoded = av_frame_alloc();
        if (!decoder || !packet || !decoded)
            return fail(VideoImporter::Error::EncodeFailed, tr("Out of memory."));
        avcodec_parameters_to_context(decoder, stream->codecpar);
        decoder->thread_count = 0; // as many as the machine has, as the ffmpeg program does
        decoder->thread_type = FF_THREAD_FRAME | FF_THREAD_SLICE;
        decoder->pkt_timebase = stream->time_base;
        ret = avcodec_open2(decoder, codec, nullptr);
        if (ret < 0 || result.sourceSize.isEmpty())
            return fail(VideoImporter::Error::UnsupportedCodec,
                        tr("The video in %1 (%2) cannot be decoded: %3")
                                .arg(info.fileName(), result.sourceCodec, Ffmpeg::errorText(ret)));

        const double containerSeconds
                = input->duration > 0 ? double(input->duration) / AV_TIME_BASE : 0;
        const double streamSeconds
                = stream->duration > 0 ? double(stream->duration) * av_q2d(stream->time_base) : 0;
        result.sourceSeconds = streamSeconds > 0 ? streamSeconds : containerSeconds;
        const AVRational rate
                = stream->avg_frame_rate.num > 0 ? stream->avg_frame_rate : stream->r_frame_rate;
        frameStep = rate.num > 0 && rate.den > 0 ? av_q2d(av_inv_q(rate)) : 1.0 / 30;

        start = qMax(0.0, options.trimStart);
        end = options.trimEnd > 0 ? options.trimEnd : 0;
        if (end > 0 && end <= start)
            return fail(VideoImporter::Error::BadTrim,
                        tr("The trim end must come after the trim start."));
        if (result.sourceSeconds > 0 && start >= result.sourceSeconds)
            return fail(VideoImporter::Error::BadTrim,
                        tr("The trim start (%1 s) is past the end of the video (%2 s).")
                                .arg(start, 0, 'f', 1)
                                .arg(result.sourceSeconds, 0, 'f', 1));
        const double until = end > 0 && (result.sourceSeconds <= 0 || end < result.sourceSeconds)
                ? end
                : result.sourceSeconds;
        expected = qMax(0.0, until - start);

        if (audioIndex >= 0) {
            const AVCodecParameters *audio = input->streams[audioIndex]->codecpar;
            if (options.mute || audio->codec_id != AV_CODEC_ID_AAC) {
                if (!options.mute)
                    result.audioDropped = QString::fromLatin1(avcodec_get_name(audio->codec_id));
                audioIndex = -1;
            }
        }
        if (start > 0) {
            // Land on the keyframe before the start; frames before it are decoded and dropped.
            const int64_t target = int64_t(start * AV_TIME_BASE)
                    + (input->start_time != AV_NOPTS_VALUE ? input->start_time : 0);
            if (avformat_seek_file(input, -1, INT64_MIN, target, target, AVSEEK_FLAG_BACKWARD) < 0)
                qCDebug(lcRender) << "seek for trim failed; decoding from the start";
            if (audioIndex >= 0) {
                const AVStream *a = input->streams[audioIndex];
                audioStartTs
                        = av_rescale_q(int64_t(start * AV_TIME_BASE), AV_TIME_BASE_Q, a->time_base)
                        + (a->start_time != AV_NOPTS_VALUE ? a->start_time : 0);
            }
        } else if (audioIndex >= 0) {
            const AVStream *a = input->streams[audioIndex];
            audioStartTs = a->start_time != AV_NOPTS_VALUE ? a->start_time : 0;
        }
        return true;
    }

    bool openOutput(const QString &path)
    {
        const QSize size = options.size;
        if (size.width() <= 0 || size.height() <= 0 || size.width() % 2 || size.height() % 2)
            return fail(VideoImporter::Error::EncodeFailed,
                        tr("The video size %1x%2 is not supported.")
                                .arg(size.width())
                                .arg(size.height()));
        const QByteArray file = QFile::encodeName(path);
        int ret = avformat_alloc_output_context2(&output, nullptr, "mp4", file.constData());
        if (ret < 0 || !output)
            return fail(VideoImporter::Error::EncodeFailed,
                        tr("The MP4 file cannot be created: %1").arg(Ffmpeg::errorText(ret)));
        const AVCodec *codec = avcodec_find_encoder_by_name("libx264");
        if (!codec)
            return fail(VideoImporter::Error::EncodeFailed,
                        tr("The H.264 encoder (libx264) is not available on this system."));
        videoOut = avformat_new_stream(output, nullptr);
        encoder = avcodec_alloc_context3(codec);
        canvas = av_frame_alloc();
        if (!videoOut || !encoder || !canvas)
            return fail(VideoImporter::Error::EncodeFailed, tr("Out of memory."));
        encoder->width = size.width();
        encoder->height = size.height();
        encoder->time_base = AVRational {1, options.fps};
        encoder->framerate = AVRational {options.fps, 1};
        encoder->pix_fmt = AV_PIX_FMT_YUV420P;
        encoder->gop_size = options.fps;
        encoder->thread_count = options.threads;
        encoder->color_range = AVCOL_RANGE_MPEG;
        encoder->colorspace = AVCOL_SPC_BT709;
        encoder->color_primaries = AVCOL_PRI_BT709;
        encoder->color_trc = AVCOL_TRC_BT709;
        if (output->oformat->flags & AVFMT_GLOBALHEADER)
            encoder->flags |= AV_CODEC_FLAG_GLOBAL_HEADER;
        av_opt_set(encoder->priv_data, "preset", options.preset.toUtf8().constData(), 0);
        av_opt_set(encoder->priv_data, "crf", QByteArray::number(options.crf).constData(), 0);
        ret = avcodec_open2(encoder, codec, nullptr);
        if (ret < 0)
            return fail(VideoImporter::Error::EncodeFailed,
                        tr("The H.264 encoder cannot start: %1").arg(Ffmpeg::errorText(ret)));
        avcodec_parameters_from_context(videoOut->codecpar, encoder);
        videoOut->time_base = encoder->time_base;
        videoOut->avg_frame_rate = encoder->framerate;

        if (audioIndex >= 0) {
            audioOut = avformat_new_stream(output, nullptr);
            if (!audioOut)
                return fail(VideoImporter::Error::EncodeFailed, tr("Out of memory."));
            avcodec_parameters_copy(audioOut->codecpar, input->streams[audioIndex]->codecpar);
            audioOut->codecpar->codec_tag = 0;
            audioOut->time_base = input->streams[audioIndex]->time_base;
            result.audioKept = true;
        }

        canvas->format = AV_PIX_FMT_YUV420P;
        canvas->width = size.width();
        canvas->height = size.height();
        ret = av_frame_get_buffer(canvas, 0);
        if (ret < 0)
            return fail(VideoImporter::Error::EncodeFailed, tr("Out of memory."));
        fillBlack(canvas);

        // The upright picture fitted into the canvas, even sides and offsets (chroma is halved).
        const bool quarter = result.rotation == 90 || result.rotation == 270;
        const QSize upright = quarter ? result.sourceSize.transposed() : result.sourceSize;
        const double scale = qMin(double(size.width()) / upright.width(),
                                  double(size.height()) / upright.height());
        const int w = qBound(2, int(std::lround(upright.width() * scale / 2)) * 2, size.width());
        const int h = qBound(2, int(std::lround(upright.height() * scale / 2)) * 2, size.height());
        picture = QRect(((size.width() - w) / 4) * 2, ((size.height() - h) / 4) * 2, w, h);
        scaledSize = quarter ? QSize(h, w) : QSize(w, h);
        if (result.rotation != 0) {
            scaled = av_frame_alloc();
            if (!scaled)
                return fail(VideoImporter::Error::EncodeFailed, tr("Out of memory."));
            scaled->format = AV_PIX_FMT_YUV420P;
            scaled->width = scaledSize.width();
            scaled->height = scaledSize.height();
            if (av_frame_get_buffer(scaled, 0) < 0)
                return fail(VideoImporter::Error::EncodeFailed, tr("Out of memory."));
        }

        ret = avio_open(&output->pb, file.constData(), AVIO_FLAG_WRITE);
        if (ret < 0)
            return fail(VideoImporter::Error::EncodeFailed,
                        tr("The imported video cannot be written: %1").arg(Ffmpeg::errorText(ret)));
        AVDictionary *muxerOptions = nullptr;
        av_dict_set(&muxerOptions, "movflags", "+faststart", 0);
        ret = avformat_write_header(output, &muxerOptions);
        av_dict_free(&muxerOptions);
        if (ret < 0)
            return fail(VideoImporter::Error::EncodeFailed,
                        tr("The imported video cannot be written: %1").arg(Ffmpeg::errorText(ret)));
        headerWritten = true;
        return true;
    }

    bool writePacketsOf(AVFrame *frame)
    {
        int ret = avcodec_send_frame(encoder, frame);
        if (ret < 0)
            return fail(VideoImporter::Error::EncodeFailed,
                        tr("Encoding failed: %1").arg(Ffmpeg::errorText(ret)));
        while (true) {
            ret = avcodec_receive_packet(encoder, packet);
            if (ret == AVERROR(EAGAIN) || ret == AVERROR_EOF)
                return true;
            if (ret < 0)
                return fail(VideoImporter::Error::EncodeFailed,
                            tr("Encoding failed: %1").arg(Ffmpeg::errorText(ret)));
            av_packet_rescale_ts(packet, encoder->time_base, videoOut->time_base);
            packet->stream_index = videoOut->index;
            ret = av_interleaved_write_frame(output, packet);
            if (ret < 0)
                return fail(
                        VideoImporter::Error::EncodeFailed,
                        tr("The imported video cannot be written: %1").arg(Ffmpeg::errorText(ret)));
        }
    }

    // Draws the decoded frame into the canvas: scaled, turned upright, centred.
    bool compose(const AVFrame *frame)
    {
        if (!sws || swsFormat != frame->format || swsWidth != frame->width
            || swsHeight != frame->height) {
            sws_freeContext(sws);
            sws = sws_getContext(frame->width, frame->height, AVPixelFormat(frame->format),
                                 scaledSize.width(), scaledSize.height(), AV_PIX_FMT_YUV420P,
                                 SWS_BICUBIC, nullptr, nullptr, nullptr);
            if (!sws)
                return fail(VideoImporter::Error::UnsupportedCodec,
                            tr("The picture format of this video cannot be converted."));
            swsFormat = frame->format;
            swsWidth = frame->width;
            swsHeight = frame->height;
            const bool fullRange = frame->color_range == AVCOL_RANGE_JPEG
                    || frame->format == AV_PIX_FMT_YUVJ420P || frame->format == AV_PIX_FMT_YUVJ422P
                    || frame->format == AV_PIX_FMT_YUVJ444P;
            sws_setColorspaceDetails(sws, sws_getCoefficients(swsColorspace(frame->colorspace)),
                                     fullRange ? 1 : 0, sws_getCoefficients(SWS_CS_ITU709), 0, 0,
                                     1 << 16, 1 << 16);
        }
        const int ret = av_frame_make_writable(canvas);
        if (ret < 0)
            return fail(VideoImporter::Error::EncodeFailed, tr("Out of memory."));
        const int x = picture.x();
        const int y = picture.y();
        if (!scaled) {
            uint8_t *dst[4] = {canvas->data[0] + y * canvas->linesize[0] + x,
                               canvas->data[1] + (y / 2) * canvas->linesize[1] + x / 2,
                               canvas->data[2] + (y / 2) * canvas->linesize[2] + x / 2, nullptr};
            sws_scale(sws, frame->data, frame->linesize, 0, frame->height, dst, canvas->linesize);
            return true;
        }
        sws_scale(sws, frame->data, frame->linesize, 0, frame->height, scaled->data,
                  scaled->linesize);
        for (int plane = 0; plane < 3; ++plane) {
            const int shift = plane == 0 ? 0 : 1;
            uint8_t *dst
                    = canvas->data[plane] + (y >> shift) * canvas->linesize[plane] + (x >> shift);
            rotatePlane(scaled->data[plane], scaled->linesize[plane], scaledSize.width() >> shift,
                        scaledSize.height() >> shift, dst, canvas->linesize[plane],
                        result.rotation);
        }
        return true;
    }

    // Emits the held picture for every output frame whose time comes before `until`.
    bool emitUntil(double until)
    {
        while (haveHeld && (double(nextPts) + 0.5) / options.fps <= until) {
            canvas->pts = nextPts++;
            if (!writePacketsOf(canvas))
                return false;
        }
        return true;
    }

    bool report()
    {
        if (!progress)
            return true;
        const double done
                = expected > 0 ? qBound(0.0, double(nextPts) / options.fps / expected, 1.0) : 0.0;
        if (!progress(done))
            return fail(VideoImporter::Error::Cancelled, tr("The import was cancelled."));
        return true;
    }

    // One decoded frame: its time decides how many output frames the previous one fills.
    bool onFrame(AVFrame *frame)
    {
        const AVStream *stream = input->streams[videoIndex];
        const int64_t ts = frame->best_effort_timestamp != AV_NOPTS_VALUE
                ? frame->best_effort_timestamp
                : frame->pts;
        const int64_t origin = stream->start_time != AV_NOPTS_VALUE ? stream->start_time : 0;
        const double t = ts != AV_NOPTS_VALUE ? double(ts - origin) * av_q2d(stream->time_base)
                                              : (lastTime < 0 ? start : lastTime + frameStep);
        if (end > 0 && t >= end)
            return true; // past the trim; the caller stops reading
        const double relative = t - start;
        if (relative < 0) {
            // Before the start: keep it as the picture the output opens with, if nothing better.
            if (!compose(frame))
                return false;
            haveHeld = true;
            heldTime = 0;
            lastTime = t;
            return true;
        }
        if (!emitUntil(relative))
            return false;
        if (!compose(frame))
            return false;
        haveHeld = true;
        heldTime = relative;
        lastTime = t;
        return report();
    }

    bool copyAudio(AVPacket *p)
    {
        const AVStream *in = input->streams[audioIndex];
        if (p->pts == AV_NOPTS_VALUE)
            return true;
        const double t = double(p->pts - audioStartTs) * av_q2d(in->time_base);
        if (t < 0 || (expected > 0 && t >= expected))
            return true;
        p->pts -= audioStartTs;
        if (p->dts != AV_NOPTS_VALUE)
            p->dts -= audioStartTs;
        av_packet_rescale_ts(p, in->time_base, audioOut->time_base);
        p->stream_index = audioOut->index;
        p->pos = -1;
        const int ret = av_interleaved_write_frame(output, p);
        if (ret < 0)
            return fail(VideoImporter::Error::EncodeFailed,
                        tr("The imported video cannot be written: %1").arg(Ffmpeg::errorText(ret)));
        return true;
    }

    bool receiveFrames(bool *pastEnd)
    {
        while (true) {
            const int ret = avcodec_receive_frame(decoder, decoded);
            if (ret == AVERROR(EAGAIN) || ret == AVERROR_EOF)
                return true;
            if (ret < 0)
                return fail(VideoImporter::Error::Truncated,
                            tr("The video data is damaged: %1").arg(Ffmpeg::errorText(ret)));
            const bool ok = onFrame(decoded);
            if (end > 0 && lastTime >= 0 && lastTime + frameStep >= end)
                *pastEnd = true;
            av_frame_unref(decoded);
            if (!ok)
                return false;
        }
    }

    bool transcode()
    {
        bool pastEnd = false;
        bool readError = false;
        int decodeErrors = 0;
        while (!pastEnd) {
            const int ret = av_read_frame(input, packet);
            if (ret == AVERROR_EOF)
                break;
            if (ret < 0) {
                readError = true;
                break;
            }
            if (packet->stream_index == videoIndex) {
                const int sent = avcodec_send_packet(decoder, packet);
                av_packet_unref(packet);
                if (sent < 0 && sent != AVERROR(EAGAIN)) {
                    // A damaged packet here and there is survivable; a run of them is not.
                    if (++decodeErrors > 25) {
                        readError = true;
                        break;
                    }
                    continue;
                }
                if (!receiveFrames(&pastEnd))
                    return false;
            } else if (packet->stream_index == audioIndex) {
                const bool ok = copyAudio(packet);
                av_packet_unref(packet);
                if (!ok)
                    return false;
            } else {
                av_packet_unref(packet);
            }
        }
        avcodec_send_packet(decoder, nullptr);
        if (!receiveFrames(&pastEnd))
            return false;
        if (!haveHeld)
            return fail(VideoImporter::Error::Truncated,
                        tr("No picture could be decoded: the file is damaged or incomplete."));
        const double lastEnd = lastTime - start + frameStep;
        // The container promised more than the file holds: it was cut off (or damaged).
        if (readError || (expected > 0 && lastEnd < expected - qMax(0.5, 3 * frameStep)))
            return fail(VideoImporter::Error::Truncated,
                        tr("The file ends early: only %1 of %2 seconds could be read. It is "
                           "probably incomplete; copy it again.")
                                .arg(qMax(0.0, lastEnd), 0, 'f', 1)
                                .arg(expected, 0, 'f', 1));
        const double until = expected > 0 ? qMin(expected, lastEnd) : lastEnd;
        // At least one frame, however short the source.
        if (!emitUntil(qMax(until, 0.5 / options.fps)))
            return false;
        if (!writePacketsOf(nullptr))
            return false;
        const int ret = av_write_trailer(output);
        if (ret < 0)
            return fail(VideoImporter::Error::EncodeFailed,
                        tr("The imported video cannot be written: %1").arg(Ffmpeg::errorText(ret)));
        result.framesWritten = int(nextPts);
        result.outputSeconds = double(nextPts) / options.fps;
        if (progress)
            progress(1.0);
        return true;
    }
};

} // namespace

namespace Ffmpeg {

using VideoImporter::Result;

Result importVideo(const QString &inputPath, const QString &outputPath,
                   const VideoImporter::Options &options, const VideoImporter::Progress &progress)
{
    // libx264 reports statistics at "info" level; only errors belong in our log.
    av_log_set_level(AV_LOG_ERROR);
    Result result;
    bool created = false;
    {
        Importer importer(options, progress);
        auto finish = [&] {
            result = importer.result;
        };
        if (importer.openInput(inputPath)) {
            created = true;
            if (importer.openOutput(outputPath))
                importer.transcode();
        }
        finish();
    }
    if (!result.ok() && created)
        QFile::remove(outputPath);
    if (!result.ok())
        qCInfo(lcRender).noquote() << "import of" << inputPath << "failed:" << result.message;
    return result;
}

} // namespace Ffmpeg
