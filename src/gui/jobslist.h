#pragma once
// The jobs under way, one row each: what is being made, its own progress bar with the time left,
// and a Cancel button. Emits intent only.
#include "jobrecord.h"

#include <QHash>
#include <QWidget>

class QLabel;
class QProgressBar;
class QPushButton;
class QVBoxLayout;

class JobsList final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(JobsList)

public:
    explicit JobsList(QWidget *parent = nullptr);
    ~JobsList() override;

    // Adds a row for the job, or updates its text.
    void upsert(const JobRecord &job);
    void setProgress(const QString &jobId, int percent, qint64 msLeft);
    // A remote video being fetched: bytes so far of bytesTotal (-1 when unknown).
    void setDownloadProgress(const QString &jobId, qint64 bytesReceived, qint64 bytesTotal);
    void remove(const QString &jobId);
    bool contains(const QString &jobId) const { return m_rows.contains(jobId); }
    QStringList jobIds() const { return m_order; }
    int count() const { return int(m_rows.size()); }
    QProgressBar *progressBar(const QString &jobId) const;

Q_SIGNALS:
    void cancelRequested(const QString &jobId);
    void countChanged(int count);

private:
    struct Row
    {
        QWidget *widget = nullptr;
        QLabel *label = nullptr;
        QProgressBar *progress = nullptr;
        QPushButton *cancel = nullptr;
    };

    QVBoxLayout *m_layout;
    QHash<QString, Row> m_rows;
    QStringList m_order;
};
