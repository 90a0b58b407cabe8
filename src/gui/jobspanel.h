#pragma once
// The Jobs panel: every job of the shared queue (this window's, a batch's, the server's, a
// worker's or a team member's), each with its progress and time left, its status and, for a
// failed one, the error with its details and request ID. Cancel, Retry, and the import of a
// batch file. The store is read on a thread of its own whenever it changes.
#include "batchfile.h"
#include "jobrecord.h"

#include <QAbstractTableModel>
#include <QHash>
#include <QThread>
#include <QTimer>
#include <QWidget>

#include <functional>
#include <memory>

namespace Ui {
class JobsPanel;
}
class AppContext;
class StoreWatcher;

class JobsModel final : public QAbstractTableModel
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(JobsModel)

public:
    enum Column {
        RunColumn,
        DrillColumn,
        ProviderColumn,
        StatusColumn,
        ProgressColumn,
        WhereColumn,
        ColumnCount
    };
    enum Role {
        JobIdRole = Qt::UserRole + 1,
        PercentRole, // int 0..100; -1 when the job has ended
        ProgressTextRole, // "40% · about 3 s left"
    };

    explicit JobsModel(QObject *parent = nullptr);

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation,
                        int role = Qt::DisplayRole) const override;

    // Replaces the list, keeping rows (and so the selection) of jobs still in it.
    void setJobs(const QList<JobRecord> &jobs);
    // Progress this process reports as it renders (msLeft -1: unknown).
    void setLiveProgress(const QString &jobId, int percent, qint64 msLeft);
    void setRunningHere(const std::function<bool(const QString &)> &runningHere)
    {
        m_runningHere = runningHere;
    }
    // The clock for estimates of time left of jobs run elsewhere (ms since the epoch).
    void setClock(const std::function<qint64()> &now) { m_now = now; }
    const JobRecord &job(int row) const { return m_jobs.at(row); }
    QModelIndex indexOfJob(const QString &jobId) const;
    QString progressText(const JobRecord &job) const;

private:
    struct Live
    {
        int percent = 0;
        qint64 msLeft = -1;
    };
    QList<JobRecord> m_jobs;
    QHash<QString, Live> m_live;
    std::function<bool(const QString &)> m_runningHere;
    std::function<qint64()> m_now;
};

class JobsPanel final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(JobsPanel)

public:
    // Follows watcher's notices of changes made by other processes.
    JobsPanel(AppContext *context, StoreWatcher *watcher, QWidget *parent = nullptr);
    ~JobsPanel() override;

    JobsModel *model() const { return m_model; }
    // Reads the store again (off the GUI thread); loaded() follows.
    void refresh();
    QString selectedJobId() const;
    void selectJob(const QString &jobId);
    QString message() const;

    // Runs the selected failed, cancelled or expired job again with the same spec.
    void retrySelected();
    // Reads a batch file and submits its drills; progress and a report per line follow.
    void importBatch(const QString &path);
    bool isImporting() const { return !m_pending.isEmpty(); }

    using ConfirmHandler = std::function<bool(const QString &title, const QString &text)>;
    void setConfirmHandler(ConfirmHandler handler) { m_confirm = std::move(handler); }
    // Asks for a batch file; replaced in tests. Empty: cancelled.
    using OpenPathHandler = std::function<QString()>;
    void setOpenPathHandler(OpenPathHandler handler) { m_askOpenPath = std::move(handler); }

Q_SIGNALS:
    // The user asked to cancel; the window warns first when a remote job is already billed.
    void cancelRequested(const QString &jobId);
    // The store was read and the list shown.
    void loaded();
    void importFinished(int submitted, int refused);
    // Asks the reader thread for the list (internal).
    void readRequested(qint64 sinceMs, int limit);

private:
    void onLoaded(const QList<JobRecord> &jobs);
    void updateDetails();
    void updateButtons();
    void showMessage(const QString &text, bool error);
    void submitNextChunk();

    std::unique_ptr<Ui::JobsPanel> ui;
    AppContext *m_context;
    JobsModel *m_model;
    QThread m_thread;
    QTimer m_tick; // time left of jobs run elsewhere moves on between reads
    ConfirmHandler m_confirm;
    OpenPathHandler m_askOpenPath;
    bool m_reading = false;
    bool m_readAgain = false;
    // The batch being imported.
    QList<BatchLine> m_pending;
    QStringList m_report;
    int m_importTotal = 0;
    int m_importSubmitted = 0;
    int m_importRefused = 0;
    QTimer m_importTimer;
};
