#include "librarymodel.h"

#include "jobspec.h"

#include <QDateTime>
#include <QHash>
#include <QLocale>

LibraryModel::LibraryModel(JobStore *store, QObject *parent)
    : QAbstractTableModel(parent)
    , m_store(store)
{
    m_entries = readFrom(&m_storeOffset, &m_atEnd, 1);
}

int LibraryModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_entries.size());
}

int LibraryModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant LibraryModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const LibraryEntry &entry = m_entries.at(index.row());
    const JobRecord &job = entry.job;
    switch (role) {
    case JobIdRole:
        return job.id;
    case FilePathRole:
        return job.filePath;
    case StatusRole:
        return int(job.status);
    case RunIdsRole: {
        QVariantList ids;
        for (qint64 id : entry.runIds)
            ids << id;
        return ids;
    }
    case Qt::ToolTipRole:
        if (index.column() == DrillColumn)
            return job.drillText;
        if (index.column() == RunsColumn || index.column() == RunIdColumn) {
            QStringList runs;
            for (qint64 id : entry.runIds)
                runs << QString::number(id);
            return tr("Runs: %1").arg(runs.join(QStringLiteral(", ")));
        }
        if (index.column() == StatusColumn && !job.errorMessage.isEmpty())
            return job.errorMessage;
        return {};
    case Qt::TextAlignmentRole:
        if (index.column() == RunsColumn || index.column() == SizeColumn
            || index.column() == RunIdColumn || index.column() == CostColumn
            || index.column() == LengthColumn)
            return QVariant::fromValue(Qt::AlignRight | Qt::AlignVCenter);
        return {};
    case Qt::DisplayRole:
        break;
    default:
        return {};
    }
    const QLocale locale;
    switch (index.column()) {
    case DrillColumn:
        return JobSpec::displayText(job.drillText).left(120);
    case StatusColumn:
        if (job.status == JobStatus::Running || job.status == JobStatus::Downloading)
            return tr("%1 (%2%)").arg(jobStatusDisplayName(job.status)).arg(job.progress);
        return jobStatusDisplayName(job.status);
    case RunsColumn:
        return entry.runCount;
    case SizeColumn:
        return job.bytes > 0 ? locale.formattedDataSize(job.bytes) : QString();
    case RunIdColumn: {
        QStringList runs;
        for (qint64 id : entry.runIds.mid(0, 3))
            runs << QString::number(id);
        if (entry.runCount > runs.size())
            runs << QStringLiteral("…");
        return runs.join(QStringLiteral(", "));
    }
    case CostColumn:
        // What a job that did not end with a video cost is only shown when it was billed.
        if (job.status == JobStatus::Completed)
            return job.provider == QLatin1String("local")
                    ? tr("free")
                    : QStringLiteral("$%1").arg(job.actualCost, 0, 'f', 2);
        if (job.actualCost > 0)
            return QStringLiteral("$%1").arg(job.actualCost, 0, 'f', 2);
        return QString();
    case LengthColumn:
        return tr("%1 s").arg(job.seconds);
    case CreatedColumn:
        return locale.toString(QDateTime::fromMSecsSinceEpoch(job.createdAt).toLocalTime(),
                               QLocale::ShortFormat);
    default:
        return {};
    }
}

QVariant LibraryModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QAbstractTableModel::headerData(section, orientation, role);
    switch (section) {
    case DrillColumn:
        return tr("Drill");
    case RunIdColumn:
        return tr("Run ID");
    case StatusColumn:
        return tr("Status");
    case RunsColumn:
        return tr("Runs");
    case SizeColumn:
        return tr("Size");
    case CostColumn:
        return tr("Cost");
    case LengthColumn:
        return tr("Length");
    case CreatedColumn:
        return tr("Created");
    default:
        return {};
    }
}

bool LibraryModel::accepts(const LibraryEntry &entry) const
{
    if (m_showFailed)
        return true;
    const JobStatus status = entry.job.status;
    return status != JobStatus::Failed && status != JobStatus::Cancelled
            && status != JobStatus::Expired;
}

QList<LibraryEntry> LibraryModel::readFrom(int *offset, bool *atEnd, int minimumRows) const
{
    QList<LibraryEntry> rows;
    *atEnd = false;
    // A page of hidden jobs alone must not stop the view from asking for more.
    while (!*atEnd && rows.size() < minimumRows) {
        const QList<LibraryEntry> page = m_store->library(PageSize, *offset);
        *offset += int(page.size());
        *atEnd = page.size() < PageSize;
        for (const LibraryEntry &entry : page) {
            if (accepts(entry))
                rows.append(entry);
        }
    }
    return rows;
}

bool LibraryModel::canFetchMore(const QModelIndex &parent) const
{
    return !parent.isValid() && !m_atEnd;
}

void LibraryModel::fetchMore(const QModelIndex &parent)
{
    // Views ask again from their rowsInserted handler; one insertion at a time.
    if (parent.isValid() || m_atEnd || m_fetching)
        return;
    const QList<LibraryEntry> rows = readFrom(&m_storeOffset, &m_atEnd, 1);
    if (rows.isEmpty())
        return;
    m_fetching = true;
    beginInsertRows({}, int(m_entries.size()), int(m_entries.size() + rows.size() - 1));
    m_entries.append(rows);
    endInsertRows();
    m_fetching = false;
}

void LibraryModel::setShowFailed(bool show)
{
    if (m_showFailed == show)
        return;
    m_showFailed = show;
    reload();
}

void LibraryModel::reload()
{
    beginResetModel();
    m_storeOffset = 0;
    m_entries = readFrom(&m_storeOffset, &m_atEnd, 1);
    endResetModel();
}

void LibraryModel::refresh()
{
    // Everything loaded so far, read again in one go.
    const int limit = qMax(PageSize, m_storeOffset);
    const QList<LibraryEntry> page = m_store->library(limit, 0);
    QList<LibraryEntry> fresh;
    for (const LibraryEntry &entry : page) {
        if (accepts(entry))
            fresh.append(entry);
    }
    QHash<QString, int> freshRow;
    for (int row = 0; row < fresh.size(); ++row)
        freshRow.insert(fresh.at(row).job.id, row);

    // Rows that went, in runs from the bottom up.
    for (int row = int(m_entries.size()) - 1; row >= 0;) {
        if (freshRow.contains(m_entries.at(row).job.id)) {
            --row;
            continue;
        }
        int first = row;
        while (first > 0 && !freshRow.contains(m_entries.at(first - 1).job.id))
            --first;
        beginRemoveRows({}, first, row);
        m_entries.remove(first, row - first + 1);
        endRemoveRows();
        row = first - 1;
    }
    // The rows that stay keep their order (the list is sorted by creation time); if not, start
    // again.
    int previous = -1;
    for (const LibraryEntry &entry : std::as_const(m_entries)) {
        const int row = freshRow.value(entry.job.id);
        if (row < previous) {
            beginResetModel();
            m_entries = fresh;
            m_storeOffset = int(page.size());
            m_atEnd = page.size() < limit;
            endResetModel();
            return;
        }
        previous = row;
    }
    // New rows, inserted in runs; rows that stay take their new values.
    int at = 0;
    for (int row = 0; row < fresh.size();) {
        if (at < m_entries.size() && m_entries.at(at).job.id == fresh.at(row).job.id) {
            m_entries[at] = fresh.at(row);
            ++at;
            ++row;
            continue;
        }
        int last = row;
        const QString next = at < m_entries.size() ? m_entries.at(at).job.id : QString();
        while (last + 1 < fresh.size() && fresh.at(last + 1).job.id != next)
            ++last;
        beginInsertRows({}, at, at + last - row);
        for (int i = row; i <= last; ++i)
            m_entries.insert(at + (i - row), fresh.at(i));
        endInsertRows();
        at += last - row + 1;
        row = last + 1;
    }
    m_storeOffset = int(page.size());
    m_atEnd = page.size() < limit;
    if (!m_entries.isEmpty())
        Q_EMIT dataChanged(index(0, 0), index(int(m_entries.size()) - 1, ColumnCount - 1));
}

void LibraryModel::setProgress(const QString &jobId, int percent)
{
    const QModelIndex found = indexOfJob(jobId);
    if (!found.isValid())
        return;
    LibraryEntry &entry = m_entries[found.row()];
    if (entry.job.progress == percent)
        return;
    entry.job.progress = percent;
    entry.job.status = JobStatus::Running;
    const QModelIndex status = index(found.row(), StatusColumn);
    Q_EMIT dataChanged(status, status, {Qt::DisplayRole});
}

QModelIndex LibraryModel::indexOfJob(const QString &jobId) const
{
    for (int row = 0; row < m_entries.size(); ++row) {
        if (m_entries.at(row).job.id == jobId)
            return index(row, 0);
    }
    return {};
}
