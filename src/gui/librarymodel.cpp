#include "librarymodel.h"

#include "jobspec.h"

#include <QDateTime>
#include <QLocale>

LibraryModel::LibraryModel(JobStore *store, QObject *parent)
    : QAbstractTableModel(parent)
    , m_store(store)
{
    reload();
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
    case RunIdsRole: {
        QVariantList ids;
        for (qint64 id : entry.runIds)
            ids << id;
        return ids;
    }
    case Qt::ToolTipRole:
        if (index.column() == DrillColumn)
            return job.drillText;
        if (index.column() == RunsColumn) {
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
            || index.column() == CostColumn || index.column() == LengthColumn)
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
    case CostColumn:
        return job.provider == QLatin1String("local")
                ? tr("free")
                : QStringLiteral("$%1").arg(job.status == JobStatus::Completed ? job.actualCost
                                                                               : job.estimatedCost,
                                            0, 'f', 2);
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

void LibraryModel::reload()
{
    beginResetModel();
    m_entries = m_store->library(1000, 0);
    endResetModel();
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
