#include "videoimporter.h"

#include "mediabackend.h"

#include <QFile>

namespace VideoImporter {

Result import(const QString &inputPath, const QString &outputPath, const Options &options,
              const Progress &progress)
{
    QString error;
    if (const MediaBackend *backend = MediaBackend::get(&error))
        return backend->importVideo(inputPath, outputPath, options, progress);
    QFile::remove(outputPath);
    Result result;
    result.error = Error::EncodeFailed;
    result.message = error;
    return result;
}

} // namespace VideoImporter
