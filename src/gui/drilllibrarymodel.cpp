#include "drilllibrarymodel.h"

#include <QImageReader>
#include <QLocale>
#include <QSet>
#include <QtConcurrent/QtConcurrentRun>

DrillLibraryModel::DrillLibraryModel(std::function<QString(const QString &)> resolve,
                                     QObject *parent)
    : QAbstractTableModel(parent)
    , m_resolve(std::move(resolve))
{ }

int DrillLibraryModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_videos.size());
}

int DrillLibraryModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QStringList DrillLibraryModel::namesIn(const LibraryVideo &video, const QString &language)
{
    QStringList names;
    for (const LibraryTag &tag : video.tags) {
        if (tag.language == language)
            names << tag.name;
    }
    return names;
}

// Decoded on the thread pool, not in a paint: the row is told when its picture is there.
QPixmap DrillLibraryModel::thumbnail(const LibraryVideo &video) const
{
    if (video.thumbnailPath.isEmpty())
        return {};
    auto found = m_thumbnails.constFind(video.thumbnailPath);
    if (found != m_thumbnails.cend())
        return *found;
    if (m_thumbnailsLoading.contains(video.thumbnailPath))
        return {};
    const QString relative = video.thumbnailPath;
    m_thumbnailsLoading.insert(relative);
    auto *self = const_cast<DrillLibraryModel *>(this);
    QtConcurrent::run([file = m_resolve(relative)] {
        // Stored thumbnails are WebP: naming the format keeps Qt from loading every image
        // plugin to ask each whether it reads the file.
        QImageReader reader(file, "webp");
        reader.setAutoDetectImageFormat(false);
        reader.setAutoTransform(true);
        const QSize size = reader.size();
        if (size.isValid())
            reader.setScaledSize(size.scaled(ThumbnailSize, Qt::KeepAspectRatio));
        return reader.read();
    }).then(self, [self, relative](const QImage &image) {
        self->m_thumbnailsLoading.remove(relative);
        // A picture that cannot be read is remembered as none, so it is not read again.
        self->m_thumbnails.insert(relative, image.isNull() ? QPixmap() : QPixmap::fromImage(image));
        for (int row = 0; row < self->m_videos.size(); ++row) {
            if (self->m_videos.at(row).thumbnailPath == relative) {
                const QModelIndex at = self->index(row, JapaneseColumn);
                Q_EMIT self->dataChanged(at, at, {Qt::DecorationRole});
            }
        }
    });
    return {};
}

QVariant DrillLibraryModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const LibraryVideo &video = m_videos.at(index.row());
    const QString separator = QStringLiteral(", ");
    switch (role) {
    case VideoIdRole:
        return video.id;
    case FilePathRole:
        return video.filePath;
    case Qt::DecorationRole:
        if (index.column() == JapaneseColumn) {
            const QPixmap pixmap = thumbnail(video);
            return pixmap.isNull() ? QVariant() : QVariant(pixmap);
        }
        return {};
    case Qt::ToolTipRole:
        if (index.column() == NotesColumn || index.column() == CuesColumn)
            return data(index, Qt::DisplayRole);
        return video.tagNames().join(separator);
    case Qt::DisplayRole:
    case Qt::AccessibleTextRole:
        switch (index.column()) {
        case JapaneseColumn:
            return namesIn(video, QStringLiteral("ja")).join(QStringLiteral("、"));
        case EnglishColumn:
            return namesIn(video, QStringLiteral("en")).join(separator);
        case NotesColumn:
            return video.notes;
        case CuesColumn:
            return video.cues.join(QStringLiteral(" / "));
        case LengthColumn:
            return tr("%1 s").arg(QLocale().toString(video.durationMs / 1000.0, 'f', 1));
        case SourceColumn:
            return video.sourceName;
        }
        return {};
    default:
        return {};
    }
}

QVariant DrillLibraryModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case JapaneseColumn:
        return tr("Drill (Japanese)");
    case EnglishColumn:
        return tr("Drill (English)");
    case NotesColumn:
        return tr("Notes");
    case CuesColumn:
        return tr("Coaching cues");
    case LengthColumn:
        return tr("Length");
    case SourceColumn:
        return tr("Imported from");
    default:
        return {};
    }
}

void DrillLibraryModel::setVideos(const QList<LibraryVideo> &videos)
{
    // Rows that went away, from the bottom up.
    QSet<QString> wanted;
    for (const LibraryVideo &video : videos)
        wanted.insert(video.id);
    for (int row = int(m_videos.size()) - 1; row >= 0; --row) {
        if (!wanted.contains(m_videos.at(row).id)) {
            beginRemoveRows({}, row, row);
            m_videos.removeAt(row);
            endRemoveRows();
        }
    }
    // Then, in the new order: rows in place are updated, others inserted; a row out of order is
    // moved to where it belongs.
    for (int row = 0; row < videos.size(); ++row) {
        const LibraryVideo &video = videos.at(row);
        int at = row;
        while (at < m_videos.size() && m_videos.at(at).id != video.id)
            ++at;
        if (at == m_videos.size()) {
            beginInsertRows({}, row, row);
            m_videos.insert(row, video);
            endInsertRows();
            continue;
        }
        if (at != row) {
            beginMoveRows({}, at, at, {}, row);
            m_videos.move(at, row);
            endMoveRows();
        }
        if (video.updatedAt != m_videos.at(row).updatedAt
            || video.thumbnailPath != m_videos.at(row).thumbnailPath
            || video.tags.size() != m_videos.at(row).tags.size()) {
            m_videos[row] = video;
            Q_EMIT dataChanged(index(row, 0), index(row, ColumnCount - 1));
        } else {
            m_videos[row] = video;
        }
    }
}

QModelIndex DrillLibraryModel::indexOfVideo(const QString &id) const
{
    for (int row = 0; row < m_videos.size(); ++row) {
        if (m_videos.at(row).id == id)
            return index(row, 0);
    }
    return {};
}
