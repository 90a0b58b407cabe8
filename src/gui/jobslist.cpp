#include "jobslist.h"

#include "jobspec.h"

#include <QHBoxLayout>
#include <QLabel>
#include <QLocale>
#include <QProgressBar>
#include <QPushButton>
#include <QVBoxLayout>

JobsList::JobsList(QWidget *parent)
    : QWidget(parent)
    , m_layout(new QVBoxLayout(this))
{
    m_layout->setContentsMargins(0, 0, 0, 0);
}

JobsList::~JobsList() = default;

void JobsList::upsert(const JobRecord &job)
{
    auto it = m_rows.find(job.id);
    if (it == m_rows.end()) {
        Row row;
        row.widget = new QWidget(this);
        row.widget->setObjectName(QStringLiteral("job-") + job.id);
        row.label = new QLabel(row.widget);
        row.label->setObjectName(QStringLiteral("jobLabel"));
        row.label->setMinimumWidth(60);
        row.label->setSizePolicy(QSizePolicy::Ignored, QSizePolicy::Preferred);
        row.progress = new QProgressBar(row.widget);
        row.progress->setObjectName(QStringLiteral("jobProgress"));
        row.progress->setRange(0, 100);
        row.progress->setValue(job.progress);
        row.progress->setAccessibleName(tr("Progress of run %1").arg(job.runId));
        row.cancel = new QPushButton(tr("Cancel"), row.widget);
        row.cancel->setObjectName(QStringLiteral("jobCancelButton"));
        row.cancel->setAccessibleName(tr("Cancel run %1").arg(job.runId));
        auto *layout = new QHBoxLayout(row.widget);
        layout->setContentsMargins(0, 0, 0, 0);
        layout->addWidget(row.label, 2);
        layout->addWidget(row.progress, 3);
        layout->addWidget(row.cancel);
        const QString id = job.id;
        connect(row.cancel, &QPushButton::clicked, this,
                [this, id] { Q_EMIT cancelRequested(id); });
        m_layout->addWidget(row.widget);
        it = m_rows.insert(job.id, row);
        m_order << job.id;
        Q_EMIT countChanged(count());
    }
    const QString drill = JobSpec::displayText(job.drillText).left(40);
    it->label->setText(tr("Run %1 · %2").arg(job.runId).arg(drill));
    it->label->setToolTip(job.drillText);
    if (job.progress > it->progress->value())
        it->progress->setValue(job.progress);
    if (it->progress->format() == QLatin1String("%p%") && job.status == JobStatus::Queued)
        it->progress->setFormat(tr("waiting · %p%"));
}

void JobsList::setProgress(const QString &jobId, int percent, qint64 msLeft)
{
    const auto it = m_rows.constFind(jobId);
    if (it == m_rows.cend())
        return;
    it->progress->setValue(percent);
    it->progress->setFormat(msLeft >= 0 ? tr("%p% · about %1 s left").arg((msLeft + 999) / 1000)
                                        : tr("%p%"));
}

void JobsList::setDownloadProgress(const QString &jobId, qint64 bytesReceived, qint64 bytesTotal)
{
    const auto it = m_rows.constFind(jobId);
    if (it == m_rows.cend())
        return;
    const QLocale locale;
    const QString received = locale.formattedDataSize(bytesReceived);
    const QString text = bytesTotal > 0
            ? tr("Downloading the video… %1 of %2")
                      .arg(received, locale.formattedDataSize(bytesTotal))
            : tr("Downloading the video… %1").arg(received);
    if (bytesTotal > 0)
        it->progress->setValue(
                int(qBound(qint64(0), bytesReceived * 100 / bytesTotal, qint64(100))));
    // "%" would be read as a placeholder by the progress bar.
    it->progress->setFormat(QString(text).replace(u'%', QStringLiteral("%%")));
}

void JobsList::remove(const QString &jobId)
{
    const Row row = m_rows.take(jobId);
    if (!row.widget)
        return;
    m_order.removeAll(jobId);
    delete row.widget;
    Q_EMIT countChanged(count());
}

QProgressBar *JobsList::progressBar(const QString &jobId) const
{
    const auto it = m_rows.constFind(jobId);
    return it == m_rows.cend() ? nullptr : it->progress;
}
