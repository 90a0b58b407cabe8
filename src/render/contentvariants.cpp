#include "contentvariants.h"

#include "mediabackend.h"

namespace ContentVariants {

bool writeThumbnailWebp(const QString &mp4Path, const QString &outputPath, QString *error)
{
    const MediaBackend *backend = MediaBackend::get(error);
    return backend && backend->writeThumbnailWebp(mp4Path, outputPath, error);
}

bool writeSpritesheetJpeg(const QString &mp4Path, const QString &outputPath, QString *error)
{
    const MediaBackend *backend = MediaBackend::get(error);
    return backend && backend->writeSpritesheetJpeg(mp4Path, outputPath, error);
}

} // namespace ContentVariants
