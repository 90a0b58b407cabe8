#pragma once
// The server tab's live request log: the last requests the server inside the window answered,
// newest first, at most a fixed number of them.
#include <QAbstractTableModel>
#include <QDateTime>
#include <QList>

class RequestLogModel final : public QAbstractTableModel
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(RequestLogModel)

public:
    enum Column { TimeColumn, MethodColumn, PathColumn, StatusColumn, DurationColumn, ColumnCount };

    explicit RequestLogModel(int capacity = 200, QObject *parent = nullptr);

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation,
                        int role = Qt::DisplayRole) const override;

    int capacity() const { return m_capacity; }
    void add(const QByteArray &method, const QString &path, int status, qint64 ms);
    void clear();

private:
    struct Entry
    {
        QDateTime at;
        QString method;
        QString path;
        int status = 0;
        qint64 ms = 0;
    };
    QList<Entry> m_entries; // newest first
    int m_capacity;
};
