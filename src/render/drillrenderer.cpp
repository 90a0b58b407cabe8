#include "drillrenderer.h"

#include "framecomposer.h"
#include "mp4encoder.h"
#include "renderlog.h"

#include <QElapsedTimer>
#include <QFile>
#include <QImage>
#include <QPainter>

bool DrillRenderer::isSupportedSize(QSize size)
{
    return size.width() >= 64 && size.height() >= 64 && size.width() <= 3840
            && size.height() <= 3840 && size.width() % 2 == 0 && size.height() % 2 == 0;
}

bool DrillRenderer::render(const RenderRequest &request, const QString &outputPath, QString *error,
                           const ProgressCallback &progress)
{
    auto fail = [&](const QString &message) {
        if (error)
            *error = message;
        QFile::remove(outputPath);
        return false;
    };
    if (!isSupportedSize(request.size))
        return fail(QStringLiteral("unsupported video size %1x%2")
                            .arg(request.size.width())
                            .arg(request.size.height()));
    if (request.seconds <= 0 || request.seconds > 60 || request.fps <= 0 || request.fps > 60)
        return fail(QStringLiteral("unsupported duration or frame rate"));

    QElapsedTimer timer;
    timer.start();
    const int total = request.seconds * request.fps;
    Mp4Encoder encoder;
    Mp4Encoder::Options options;
    options.size = request.size;
    options.fps = request.fps;
    if (!encoder.open(outputPath, options))
        return fail(encoder.errorString());

    const FrameComposer composer(request.drillText, request.cornerLabel, request.size, total,
                                 request.fps);
    // One image reused for every frame: memory does not grow with the duration.
    QImage frame(request.size, QImage::Format_RGB32);
    for (int i = 0; i < total; ++i) {
        frame.fill(Qt::black);
        {
            QPainter painter(&frame);
            composer.paint(painter, i);
        }
        if (!encoder.addFrame(frame)) {
            const QString message = encoder.errorString();
            encoder.abort();
            return fail(message);
        }
        if (progress && !progress(i + 1, total)) {
            encoder.abort();
            return fail(QStringLiteral("cancelled"));
        }
    }
    if (!encoder.finish())
        return fail(encoder.errorString());
    qCInfo(lcRender) << "rendered" << total << "frames at" << request.size << "in"
                     << timer.elapsed() << "ms";
    return true;
}
