// The MP4 box layout, read without FFmpeg: compiled into the render layer and into the video
// module, which checks it before it opens a file.
#include "mediaprobe.h"

#include <QFile>
#include <QtEndian>

namespace MediaProbe {

bool readBoxLayout(const QString &path, bool *hasFtyp, bool *moovBeforeMdat, QString *error)
{
    *hasFtyp = false;
    *moovBeforeMdat = false;
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        if (error)
            *error = file.errorString();
        return false;
    }
    const qint64 size = file.size();
    qint64 offset = 0;
    bool first = true;
    bool sawMoov = false;
    while (offset + 8 <= size) {
        file.seek(offset);
        const QByteArray header = file.read(16);
        if (header.size() < 8)
            break;
        quint64 boxSize = qFromBigEndian<quint32>(header.constData());
        const QByteArray type = header.mid(4, 4);
        if (boxSize == 1 && header.size() >= 16)
            boxSize = qFromBigEndian<quint64>(header.constData() + 8);
        else if (boxSize == 0)
            boxSize = quint64(size - offset);
        if (boxSize < 8) {
            if (error)
                *error = QStringLiteral("malformed MP4 box at offset %1").arg(offset);
            return false;
        }
        if (first)
            *hasFtyp = type == "ftyp";
        first = false;
        if (type == "moov")
            sawMoov = true;
        if (type == "mdat") {
            *moovBeforeMdat = sawMoov;
            return true;
        }
        offset += qint64(boxSize);
    }
    if (error)
        *error = QStringLiteral("no media data box");
    return false;
}

} // namespace MediaProbe
