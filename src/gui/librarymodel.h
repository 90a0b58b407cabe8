#pragma once
// The cached videos as a table: drill, status, runs, size, length, created.
#include "jobstore.h"

#include <QAbstractTableModel>

class LibraryModel final : public QAbstractTableModel
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(LibraryModel)

public:
    enum Column {
        DrillColumn,
        StatusColumn,
        RunsColumn,
        SizeColumn,
        CostColumn,
        LengthColumn,
        CreatedColumn,
        ColumnCount
    };
    enum Role { JobIdRole = Qt::UserRole + 1, FilePathRole, RunIdsRole };

    explicit LibraryModel(JobStore *store, QObject *parent = nullptr);

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation,
                        int role = Qt::DisplayRole) const override;

    void reload();
    // Live progress of a job without reading the store again.
    void setProgress(const QString &jobId, int percent);
    QModelIndex indexOfJob(const QString &jobId) const;
    const LibraryEntry &entry(int row) const { return m_entries.at(row); }

private:
    JobStore *m_store;
    QList<LibraryEntry> m_entries;
};
