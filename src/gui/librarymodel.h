#pragma once
// The videos of the store as a table: drill (with its thumbnail), run ID, status, runs, size,
// cost, length, created. Every read happens on a StoreReader thread: pages are fetched as the
// view scrolls (keyset pagination, no cap), filters and sorting are done by the store query, and
// a refresh reads the loaded range again off the GUI thread and applies only the differences
// (rows inserted, removed or changed), so that selections survive and nothing flickers.
#include "jobstore.h"
#include "libraryquery.h"

#include <QAbstractTableModel>
#include <QCache>
#include <QPixmap>
#include <QSet>

class Database;
class StoreReader;

class LibraryModel final : public QAbstractTableModel
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(LibraryModel)

public:
    enum Column {
        DrillColumn,
        RunIdColumn,
        StatusColumn,
        RunsColumn,
        SizeColumn,
        CostColumn,
        LengthColumn,
        CreatedColumn,
        ColumnCount
    };
    enum Role { JobIdRole = Qt::UserRole + 1, FilePathRole, RunIdsRole, StatusRole };

    // Rows read from the store at a time.
    static constexpr int PageSize = 200;
    static constexpr int ThumbnailHeight = 36;

    // videoDirectory: where the files (and thumbnails) named in the store are.
    LibraryModel(Database *database, const QString &videoDirectory, QObject *parent = nullptr);
    ~LibraryModel() override;

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation,
                        int role = Qt::DisplayRole) const override;
    Qt::ItemFlags flags(const QModelIndex &index) const override;
    bool canFetchMore(const QModelIndex &parent) const override;
    void fetchMore(const QModelIndex &parent) override;
    void sort(int column, Qt::SortOrder order = Qt::AscendingOrder) override;
    QStringList mimeTypes() const override;
    QMimeData *mimeData(const QModelIndexList &indexes) const override;
    Qt::DropActions supportedDragActions() const override { return Qt::CopyAction; }

    const LibraryFilter &filter() const { return m_filter; }
    // The column the list is sorted by.
    int sortColumn() const;
    // Starts again from the first page with another filter or order.
    void setFilter(const LibraryFilter &filter);
    // Failed, cancelled and expired jobs are listed only when asked for.
    void setShowFailed(bool show);
    bool showFailed() const { return m_filter.includeFailed; }

    // Reads the loaded range again (off the GUI thread) and applies the differences.
    void refresh();
    // Live progress of a job without reading the store again.
    void setProgress(const QString &jobId, int percent);
    QModelIndex indexOfJob(const QString &jobId) const;
    const LibraryEntry &entry(int row) const { return m_entries.at(row); }
    QString absolutePath(const QString &relativePath) const;

    // Rows the filter lets through in the whole store, and their bytes (not only those loaded).
    qint64 totalCount() const { return m_summary.count; }
    qint64 totalBytes() const { return m_summary.bytes; }
    QStringList providers() const { return m_summary.providers; }
    // Whether a read is under way (the first page, a next page, a refresh).
    bool isBusy() const;
    StoreReader *reader() const { return m_reader; }

    // Rows whose status is Completed, with a file: what Save, drag and preview work with.
    static bool hasVideo(const LibraryEntry &entry);

Q_SIGNALS:
    // The count and bytes of the whole filtered list changed.
    void summaryChanged();
    // A page or a refresh was applied.
    void updated();
    // Every read asked for has been answered.
    void idle();
    void readFailed(const QString &message);

private:
    struct Diff;
    void requestPage();
    void requestRefresh();
    void requestSummary();
    void next();
    void applyPage(int generation, const QList<LibraryEntry> &rows, bool atEnd,
                   const QString &error);
    void applyDiff(int generation, const Diff &diff);
    QPixmap thumbnail(int row) const;
    void loadThumbnail(const QString &relativePath) const;

    StoreReader *m_reader;
    QString m_videoDirectory;
    LibraryFilter m_filter;
    QList<LibraryEntry> m_entries;
    LibrarySummary m_summary;
    int m_generation = 0; // bumped when the list starts again; older answers are dropped
    bool m_atEnd = false;
    bool m_reading = false; // a page or a refresh is under way
    bool m_readingPage = false; // it is a page
    bool m_wantPage = false;
    bool m_wantRefresh = false;
    mutable QCache<QString, QPixmap> m_thumbnails;
    mutable QSet<QString> m_thumbnailsLoading;
    mutable QSet<QString> m_thumbnailsMissing;
};
