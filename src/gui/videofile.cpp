#include "videofile.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QMimeDatabase>
#include <QUrl>

namespace {

QString tr(const char *text)
{
    return QCoreApplication::translate("VideoFile", text);
}

} // namespace

namespace VideoFile {

QString localPath(const QString &pathOrUrl)
{
    const QString text = pathOrUrl.trimmed();
    if (text.startsWith(QLatin1String("file:")))
        return QUrl(text).toLocalFile();
    return text;
}

QString problem(const QString &pathOrUrl)
{
    const QString path = localPath(pathOrUrl);
    if (path.isEmpty())
        return tr("No video file was given. Use \"drillstudio open FILE\".");
    const QFileInfo info(path);
    const QString shown = QDir::toNativeSeparators(info.absoluteFilePath());
    if (!info.exists())
        return tr("The video file %1 does not exist.").arg(shown);
    if (info.isDir())
        return tr("%1 is a folder, not a video file.").arg(shown);
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return tr("The video file %1 cannot be read; check its permissions.").arg(shown);
    // By content: a text file named .mp4 is still not a video.
    const QMimeType type = QMimeDatabase().mimeTypeForData(&file);
    if (!type.name().startsWith(QLatin1String("video/")))
        return tr("%1 is not a video file (it is %2).").arg(shown, type.comment());
    return {};
}

} // namespace VideoFile
