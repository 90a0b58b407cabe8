#include "requestlogmodel.h"

#include <QBrush>
#include <QColor>
#include <QLocale>

RequestLogModel::RequestLogModel(int capacity, QObject *parent)
    : QAbstractTableModel(parent)
    , m_capacity(qMax(1, capacity))
{ }

int RequestLogModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_entries.size());
}

int RequestLogModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant RequestLogModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const Entry &entry = m_entries.at(index.row());
    if (role == Qt::DisplayRole) {
        switch (index.column()) {
        case TimeColumn:
            return QLocale().toString(entry.at.time(), QStringLiteral("HH:mm:ss"));
        case MethodColumn:
            return entry.method;
        case PathColumn:
            return entry.path;
        case StatusColumn:
            return entry.status;
        case DurationColumn:
            return tr("%1 ms").arg(entry.ms);
        default:
            return {};
        }
    }
    if (role == Qt::ForegroundRole && index.column() == StatusColumn && entry.status >= 400)
        return QBrush(QColor(entry.status >= 500 ? 0xb00020 : 0x8a5a00));
    if (role == Qt::TextAlignmentRole
        && (index.column() == StatusColumn || index.column() == DurationColumn))
        return QVariant::fromValue(Qt::AlignRight | Qt::AlignVCenter);
    return {};
}

QVariant RequestLogModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QAbstractTableModel::headerData(section, orientation, role);
    switch (section) {
    case TimeColumn:
        return tr("Time");
    case MethodColumn:
        return tr("Method");
    case PathColumn:
        return tr("Path");
    case StatusColumn:
        return tr("Status");
    case DurationColumn:
        return tr("Duration");
    default:
        return {};
    }
}

void RequestLogModel::add(const QByteArray &method, const QString &path, int status, qint64 ms)
{
    if (m_entries.size() >= m_capacity) {
        const int last = int(m_entries.size()) - 1;
        beginRemoveRows({}, m_capacity - 1, last);
        m_entries.remove(m_capacity - 1, last - (m_capacity - 1) + 1);
        endRemoveRows();
    }
    beginInsertRows({}, 0, 0);
    m_entries.prepend(
            Entry {QDateTime::currentDateTime(), QString::fromLatin1(method), path, status, ms});
    endInsertRows();
}

void RequestLogModel::clear()
{
    if (m_entries.isEmpty())
        return;
    beginResetModel();
    m_entries.clear();
    endResetModel();
}
