#include "localprovider.h"

#include "contentvariants.h"
#include "corelog.h"
#include "drillrenderer.h"

#include <QCoreApplication>
#include <QMetaObject>

LocalProvider::LocalProvider(QObject *parent)
    : VideoProvider(parent)
{
    m_pool.setMaxThreadCount(1);
    m_pool.setObjectName(QStringLiteral("local-renderer"));
}

LocalProvider::~LocalProvider()
{
    for (const auto &flag : std::as_const(m_cancelFlags))
        flag->store(true);
    m_pool.waitForDone();
}

void LocalProvider::setMaxConcurrent(int jobs)
{
    m_pool.setMaxThreadCount(qMax(1, jobs));
}

void LocalProvider::start(const ProviderRequest &request)
{
    auto cancelled = std::make_shared<std::atomic_bool>(false);
    m_cancelFlags.insert(request.jobId, cancelled);
    m_pool.start([this, request, cancelled] {
        RenderRequest render;
        render.drillText = request.drillText;
        render.cornerLabel = request.cornerLabel;
        render.size = request.size;
        render.seconds = request.seconds;
        int lastPercent = -1;
        QString error;
        const bool ok = DrillRenderer::render(
                render, request.outputPath, &error, [&](int done, int total) {
                    const int percent = done * 100 / total;
                    if (percent != lastPercent) {
                        lastPercent = percent;
                        QMetaObject::invokeMethod(
                                this,
                                [this, id = request.jobId, percent] {
                                    Q_EMIT progressChanged(id, percent);
                                },
                                Qt::QueuedConnection);
                    }
                    return !cancelled->load();
                });
        // A thumbnail beside the video, like the remote API's; the video is fine without one.
        QString thumbnailError;
        if (ok
            && !ContentVariants::writeThumbnailWebp(request.outputPath,
                                                    request.outputPath + QStringLiteral(".webp"),
                                                    &thumbnailError))
            qCWarning(lcJobs) << "no thumbnail for" << request.jobId << thumbnailError;
        QMetaObject::invokeMethod(
                this,
                [this, id = request.jobId, path = request.outputPath, ok, error,
                 wasCancelled = cancelled->load()] {
                    m_cancelFlags.remove(id);
                    if (ok) {
                        Q_EMIT finished(id, path);
                        return;
                    }
                    ProviderError failure;
                    failure.code = wasCancelled ? QStringLiteral("cancelled")
                                                : QStringLiteral("render_failed");
                    failure.message = wasCancelled
                            ? QCoreApplication::translate("LocalProvider", "Cancelled.")
                            : QCoreApplication::translate("LocalProvider",
                                                          "The local renderer failed: %1")
                                      .arg(error);
                    qCWarning(lcJobs) << "local render failed for" << id << error;
                    Q_EMIT failed(id, failure);
                },
                Qt::QueuedConnection);
    });
}

void LocalProvider::cancel(const QString &jobId)
{
    if (auto flag = m_cancelFlags.value(jobId))
        flag->store(true);
}
