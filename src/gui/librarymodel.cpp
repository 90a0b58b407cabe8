#include "librarymodel.h"

#include "jobspec.h"
#include "storereader.h"

#include <QDateTime>
#include <QDir>
#include <QFuture>
#include <QHash>
#include <QImageReader>
#include <QLocale>
#include <QMimeData>
#include <QUrl>
#include <QtConcurrent>

// What a refresh found, worked out on the reader's thread: the rows as they are now, which loaded
// rows went (old row numbers), which came (new row numbers) and which changed (new row numbers).
struct LibraryModel::Diff
{
    QList<LibraryEntry> fresh;
    QList<QPair<int, int>> removed; // ranges, top down
    QList<QPair<int, int>> inserted; // ranges, top down
    QList<QPair<int, int>> changed; // ranges, top down
    bool atEnd = false;
    QString error;
};

namespace {

bool sameRow(const LibraryEntry &a, const LibraryEntry &b)
{
    const JobRecord &x = a.job;
    const JobRecord &y = b.job;
    return a.runCount == b.runCount && a.runIds == b.runIds && x.status == y.status
            && x.progress == y.progress && x.bytes == y.bytes && x.filePath == y.filePath
            && x.thumbnailPath == y.thumbnailPath && x.actualCost == y.actualCost
            && x.drillText == y.drillText && x.errorMessage == y.errorMessage
            && x.completedAt == y.completedAt && x.provider == y.provider && x.runId == y.runId
            && x.seconds == y.seconds;
}

QList<QPair<int, int>> ranges(const QList<int> &rows)
{
    QList<QPair<int, int>> result;
    for (int row : rows) {
        if (!result.isEmpty() && result.last().second + 1 == row)
            result.last().second = row;
        else
            result.append({row, row});
    }
    return result;
}

QString money(double dollars)
{
    return QStringLiteral("$%1").arg(dollars, 0, 'f', 2);
}

} // namespace

LibraryModel::LibraryModel(Database *database, const QString &videoDirectory, QObject *parent)
    : QAbstractTableModel(parent)
    , m_reader(new StoreReader(database, this))
    , m_videoDirectory(videoDirectory)
    , m_thumbnails(4 * 1024) // KiB: a few hundred thumbnails
{
    connect(m_reader, &StoreReader::idle, this, &LibraryModel::idle);
    m_reading = true;
    requestPage();
    requestSummary();
}

LibraryModel::~LibraryModel() = default;

bool LibraryModel::hasVideo(const LibraryEntry &entry)
{
    return entry.job.status == JobStatus::Completed && !entry.job.filePath.isEmpty();
}

bool LibraryModel::isBusy() const
{
    return m_reading || m_reader->pending() > 0;
}

QString LibraryModel::absolutePath(const QString &relativePath) const
{
    return QDir(m_videoDirectory).filePath(relativePath);
}

int LibraryModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_entries.size());
}

int LibraryModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

Qt::ItemFlags LibraryModel::flags(const QModelIndex &index) const
{
    Qt::ItemFlags flags = QAbstractTableModel::flags(index);
    if (index.isValid() && hasVideo(m_entries.at(index.row())))
        flags |= Qt::ItemIsDragEnabled;
    return flags;
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
    case Qt::DecorationRole:
        if (index.column() == DrillColumn && !job.thumbnailPath.isEmpty()) {
            const QPixmap pixmap = thumbnail(index.row());
            if (!pixmap.isNull())
                return pixmap;
        }
        return {};
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
        if (runs.isEmpty())
            runs << QString::number(job.runId);
        return runs.join(QStringLiteral(", "));
    }
    case CostColumn:
        // A job that did not end with a video shows a cost only when it was billed.
        if (job.status == JobStatus::Completed)
            return job.provider == QLatin1String("local") ? tr("free") : money(job.actualCost);
        if (job.actualCost > 0)
            return money(job.actualCost);
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

QStringList LibraryModel::mimeTypes() const
{
    return {QStringLiteral("text/uri-list")};
}

QMimeData *LibraryModel::mimeData(const QModelIndexList &indexes) const
{
    QList<QUrl> urls;
    QSet<int> rows;
    for (const QModelIndex &index : indexes) {
        if (!index.isValid() || rows.contains(index.row()))
            continue;
        rows.insert(index.row());
        const LibraryEntry &entry = m_entries.at(index.row());
        if (hasVideo(entry))
            urls << QUrl::fromLocalFile(absolutePath(entry.job.filePath));
    }
    if (urls.isEmpty())
        return nullptr;
    auto *data = new QMimeData;
    data->setUrls(urls);
    return data;
}

bool LibraryModel::canFetchMore(const QModelIndex &parent) const
{
    return !parent.isValid() && !m_atEnd;
}

void LibraryModel::fetchMore(const QModelIndex &parent)
{
    if (parent.isValid() || m_atEnd)
        return;
    if (m_reading) {
        // The page on its way is the answer; after a refresh, the next page follows.
        if (!m_readingPage)
            m_wantPage = true;
        return;
    }
    m_reading = true;
    requestPage();
}

void LibraryModel::refresh()
{
    requestSummary();
    if (m_reading) {
        m_wantRefresh = true;
        return;
    }
    m_reading = true;
    requestRefresh();
}

// One read of rows at a time; what was asked for meanwhile follows.
void LibraryModel::next()
{
    m_reading = false;
    if (m_wantRefresh) {
        m_wantRefresh = false;
        m_wantPage = false; // a refresh ends with the view asking again if it needs more
        m_reading = true;
        requestRefresh();
    } else if (m_wantPage && !m_atEnd) {
        m_wantPage = false;
        m_reading = true;
        requestPage();
    }
}

void LibraryModel::requestPage()
{
    m_readingPage = true;
    const int generation = m_generation;
    const LibraryFilter filter = m_filter;
    const std::optional<JobRecord> after
            = m_entries.isEmpty() ? std::nullopt : std::optional(m_entries.last().job);
    struct Page
    {
        QList<LibraryEntry> rows;
        QString error;
    };
    m_reader->read(
            [filter, after](StoreSession &session) {
                Page page;
                page.rows = session.query().page(filter, after ? &*after : nullptr, PageSize);
                page.error = session.query().errorString();
                return page;
            },
            [this, generation](const Page &page) {
                applyPage(generation, page.rows, page.rows.size() < PageSize, page.error);
            });
}

void LibraryModel::applyPage(int generation, const QList<LibraryEntry> &rows, bool atEnd,
                             const QString &error)
{
    if (generation != m_generation)
        return;
    if (!error.isEmpty()) {
        // The list stays as it is; the next change in the store or a scroll tries again.
        Q_EMIT readFailed(error);
        m_reading = false;
        return;
    }
    m_atEnd = atEnd;
    if (!rows.isEmpty()) {
        beginInsertRows({}, int(m_entries.size()), int(m_entries.size() + rows.size() - 1));
        m_entries.append(rows);
        endInsertRows();
    }
    Q_EMIT updated();
    next();
}

void LibraryModel::requestRefresh()
{
    m_readingPage = false;
    const int generation = m_generation;
    const LibraryFilter filter = m_filter;
    const QList<LibraryEntry> loaded = m_entries; // shared, not copied
    const bool atEnd = m_atEnd;
    m_reader->read(
            [filter, loaded, atEnd](StoreSession &session) {
                Diff diff;
                // The range loaded so far; when everything was loaded, everything there is now.
                if (loaded.isEmpty() && !atEnd)
                    diff.fresh = session.query().page(filter, nullptr, PageSize);
                else
                    diff.fresh = session.query().upTo(filter, atEnd ? nullptr : &loaded.last().job);
                diff.error = session.query().errorString();
                diff.atEnd = atEnd || (loaded.isEmpty() && diff.fresh.size() < PageSize);
                if (!diff.error.isEmpty())
                    return diff;
                QHash<QString, int> freshRow;
                freshRow.reserve(diff.fresh.size());
                for (int row = 0; row < diff.fresh.size(); ++row)
                    freshRow.insert(diff.fresh.at(row).job.id, row);
                // Rows that stay keep their order; one that moved goes and comes back.
                QList<int> removed;
                QList<bool> kept(diff.fresh.size(), false);
                QList<int> changed;
                int last = -1;
                for (int row = 0; row < loaded.size(); ++row) {
                    const int now = freshRow.value(loaded.at(row).job.id, -1);
                    if (now <= last) {
                        removed << row;
                        continue;
                    }
                    last = now;
                    kept[now] = true;
                    if (!sameRow(loaded.at(row), diff.fresh.at(now)))
                        changed << now;
                }
                QList<int> inserted;
                for (int row = 0; row < diff.fresh.size(); ++row) {
                    if (!kept.at(row))
                        inserted << row;
                }
                diff.removed = ranges(removed);
                diff.inserted = ranges(inserted);
                diff.changed = ranges(changed);
                return diff;
            },
            [this, generation](const Diff &diff) { applyDiff(generation, diff); });
}

void LibraryModel::applyDiff(int generation, const Diff &diff)
{
    if (generation != m_generation)
        return;
    if (!diff.error.isEmpty()) {
        Q_EMIT readFailed(diff.error);
        m_reading = false;
        return;
    }
    for (auto it = diff.removed.crbegin(); it != diff.removed.crend(); ++it) {
        beginRemoveRows({}, it->first, it->second);
        m_entries.remove(it->first, it->second - it->first + 1);
        endRemoveRows();
    }
    for (const auto &[first, last] : diff.inserted) {
        beginInsertRows({}, first, last);
        for (int row = first; row <= last; ++row)
            m_entries.insert(row, diff.fresh.at(row));
        endInsertRows();
    }
    Q_ASSERT(m_entries.size() == diff.fresh.size());
    // The rows are now the fresh ones, in order; the changed ones say so.
    m_entries = diff.fresh;
    m_atEnd = diff.atEnd;
    for (const auto &[first, last] : diff.changed)
        Q_EMIT dataChanged(index(first, 0), index(last, ColumnCount - 1));
    Q_EMIT updated();
    next();
}

void LibraryModel::requestSummary()
{
    const int generation = m_generation;
    const LibraryFilter filter = m_filter;
    m_reader->read([filter](StoreSession &session) { return session.query().summary(filter); },
                   [this, generation](const LibrarySummary &summary) {
                       if (generation != m_generation || !summary.ok)
                           return;
                       if (summary.count == m_summary.count && summary.bytes == m_summary.bytes
                           && summary.providers == m_summary.providers)
                           return;
                       m_summary = summary;
                       Q_EMIT summaryChanged();
                   });
}

void LibraryModel::setFilter(const LibraryFilter &filter)
{
    if (filter == m_filter)
        return;
    m_filter = filter;
    ++m_generation;
    // Marked as reading before the reset: views ask for more as soon as it ends.
    m_wantPage = false;
    m_wantRefresh = false;
    m_reading = true;
    beginResetModel();
    m_entries.clear();
    m_atEnd = false;
    endResetModel();
    requestPage();
    requestSummary();
}

void LibraryModel::setShowFailed(bool show)
{
    LibraryFilter filter = m_filter;
    filter.includeFailed = show;
    setFilter(filter);
}

namespace {

const QHash<int, LibraryFilter::Sort> &columnSorts()
{
    static const QHash<int, LibraryFilter::Sort> sorts
            = {{LibraryModel::DrillColumn, LibraryFilter::Sort::Drill},
               {LibraryModel::RunIdColumn, LibraryFilter::Sort::RunId},
               {LibraryModel::StatusColumn, LibraryFilter::Sort::Status},
               {LibraryModel::SizeColumn, LibraryFilter::Sort::Size},
               {LibraryModel::CostColumn, LibraryFilter::Sort::Cost},
               {LibraryModel::LengthColumn, LibraryFilter::Sort::Length},
               {LibraryModel::CreatedColumn, LibraryFilter::Sort::Created}};
    return sorts;
}

} // namespace

int LibraryModel::sortColumn() const
{
    return columnSorts().key(m_filter.sort, CreatedColumn);
}

void LibraryModel::sort(int column, Qt::SortOrder order)
{
    const QHash<int, LibraryFilter::Sort> &sorts = columnSorts();
    if (!sorts.contains(column))
        return; // the run count is not a column of the store
    LibraryFilter filter = m_filter;
    filter.sort = sorts.value(column);
    filter.ascending = order == Qt::AscendingOrder;
    setFilter(filter);
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

QPixmap LibraryModel::thumbnail(int row) const
{
    const QString path = m_entries.at(row).job.thumbnailPath;
    if (const QPixmap *cached = m_thumbnails.object(path))
        return *cached;
    if (!m_thumbnailsMissing.contains(path))
        loadThumbnail(path);
    return {};
}

// Decoded on the thread pool; the row is told when the picture is there.
void LibraryModel::loadThumbnail(const QString &relativePath) const
{
    if (m_thumbnailsLoading.contains(relativePath))
        return;
    m_thumbnailsLoading.insert(relativePath);
    const QString file = absolutePath(relativePath);
    auto *self = const_cast<LibraryModel *>(this);
    QtConcurrent::run([file] {
        // Stored thumbnails are WebP: naming the format keeps Qt from loading every image
        // plugin to ask each whether it reads the file.
        QImageReader reader(file, "webp");
        reader.setAutoDetectImageFormat(false);
        const QSize size = reader.size();
        if (size.isValid() && size.height() > ThumbnailHeight)
            reader.setScaledSize(
                    size.scaled(QSize(ThumbnailHeight * 4, ThumbnailHeight), Qt::KeepAspectRatio));
        return reader.read();
    }).then(self, [self, relativePath](const QImage &image) {
        self->m_thumbnailsLoading.remove(relativePath);
        if (image.isNull()) {
            self->m_thumbnailsMissing.insert(relativePath);
            return;
        }
        auto *pixmap = new QPixmap(QPixmap::fromImage(image));
        const int cost = qMax(1, int(image.sizeInBytes() / 1024));
        self->m_thumbnails.insert(relativePath, pixmap, cost);
        for (int row = 0; row < self->m_entries.size(); ++row) {
            if (self->m_entries.at(row).job.thumbnailPath == relativePath) {
                const QModelIndex at = self->index(row, DrillColumn);
                Q_EMIT self->dataChanged(at, at, {Qt::DecorationRole});
            }
        }
    });
}
