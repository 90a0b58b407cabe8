#pragma once
// The cached videos as a table: drill, status, runs, size, cost, length, created. Loads pages of
// the store as the view scrolls (no cap), hides failed and cancelled jobs unless asked, and
// refreshes in place (rows inserted, removed or changed; selections survive).
#include "jobstore.h"

#include <QAbstractTableModel>

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

    explicit LibraryModel(JobStore *store, QObject *parent = nullptr);

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation,
                        int role = Qt::DisplayRole) const override;
    bool canFetchMore(const QModelIndex &parent) const override;
    void fetchMore(const QModelIndex &parent) override;

    // Failed, cancelled and expired jobs are listed only when asked for.
    void setShowFailed(bool show);
    bool showFailed() const { return m_showFailed; }

    // Reads the first page again, dropping what was loaded.
    void reload();
    // Reads what is loaded again and applies the differences row by row.
    void refresh();
    // Live progress of a job without reading the store again.
    void setProgress(const QString &jobId, int percent);
    QModelIndex indexOfJob(const QString &jobId) const;
    const LibraryEntry &entry(int row) const { return m_entries.at(row); }

private:
    bool accepts(const LibraryEntry &entry) const;
    // Reads store rows from offset until at least one row is accepted or the store ends.
    QList<LibraryEntry> readFrom(int *offset, bool *atEnd, int minimumRows) const;

    JobStore *m_store;
    QList<LibraryEntry> m_entries;
    int m_storeOffset = 0; // store rows read so far
    bool m_atEnd = false;
    bool m_showFailed = false;
    bool m_fetching = false;
};
