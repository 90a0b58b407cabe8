#pragma once
// The drill library's demonstration videos as a table: thumbnail and drill names (Japanese,
// English), notes, coaching cues, length and the file they came from. Thumbnails are read from
// the stored WebP pictures off the GUI thread when a row is first shown, then kept.
#include "library/librarystore.h"

#include <QAbstractTableModel>
#include <QHash>
#include <QPixmap>
#include <QSet>

#include <functional>

class DrillLibraryModel final : public QAbstractTableModel
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(DrillLibraryModel)

public:
    enum Column {
        JapaneseColumn, // with the thumbnail
        EnglishColumn,
        NotesColumn,
        CuesColumn,
        LengthColumn,
        SourceColumn,
        ColumnCount
    };
    enum Role { VideoIdRole = Qt::UserRole + 1, FilePathRole };

    static constexpr QSize ThumbnailSize {96, 54};

    // resolve turns a path relative to the video folder into a file path (for thumbnails).
    explicit DrillLibraryModel(std::function<QString(const QString &)> resolve,
                               QObject *parent = nullptr);

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation,
                        int role = Qt::DisplayRole) const override;

    // Replaces the rows: rows of the same video id are updated in place, others inserted or
    // removed, so that the view keeps its selection.
    void setVideos(const QList<LibraryVideo> &videos);
    const LibraryVideo &video(int row) const { return m_videos.at(row); }
    QModelIndex indexOfVideo(const QString &id) const;

    // The names of one language, in the order of the tags.
    static QStringList namesIn(const LibraryVideo &video, const QString &language);

private:
    QPixmap thumbnail(const LibraryVideo &video) const;

    std::function<QString(const QString &)> m_resolve;
    QList<LibraryVideo> m_videos;
    mutable QHash<QString, QPixmap> m_thumbnails; // by thumbnail path
    mutable QSet<QString> m_thumbnailsLoading;
};
