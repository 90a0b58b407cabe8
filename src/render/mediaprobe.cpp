#include "mediaprobe.h"

#include "mediabackend.h"

namespace MediaProbe {

MediaInfo probe(const QString &path, bool decodeAll)
{
    QString error;
    if (const MediaBackend *backend = MediaBackend::get(&error))
        return backend->probe(path, decodeAll);
    MediaInfo info;
    info.error = error;
    return info;
}

QList<QImage> decodeFrames(const QString &path, const QList<int> &frameIndices, QString *error)
{
    if (const MediaBackend *backend = MediaBackend::get(error))
        return backend->decodeFrames(path, frameIndices, error);
    return {};
}

} // namespace MediaProbe
