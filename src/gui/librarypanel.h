#pragma once
// The library panel: the videos of the store with their thumbnails, search, filters and sorting,
// the runs that use a video, removing videos and unlinking runs, upkeep of the cache (clear all,
// evict, an integrity check, disk use) and what was spent against the caps. Reads go through the
// model's StoreReader thread; changes go through the JobManager.
#include "jobstore.h"

#include <QWidget>

#include <functional>
#include <memory>

namespace Ui {
class LibraryPanel;
}
class AppContext;
class LibraryModel;
class QMenu;
class QTableView;

class LibraryPanel final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(LibraryPanel)

public:
    explicit LibraryPanel(AppContext *context, QWidget *parent = nullptr);
    ~LibraryPanel() override;

    LibraryModel *model() const { return m_model; }
    QTableView *view() const;
    QMenu *upkeepMenu() const { return m_upkeepMenu; }

    // Asks the user to confirm; replaced in tests.
    using ConfirmHandler = std::function<bool(const QString &title, const QString &text)>;
    void setConfirmHandler(ConfirmHandler handler) { m_confirm = std::move(handler); }
    // Asks where to save a copy of a video; replaced in tests. Empty: cancelled.
    using SavePathHandler = std::function<QString(const QString &suggested)>;
    void setSavePathHandler(SavePathHandler handler) { m_askSavePath = std::move(handler); }
    // Shows a report (the integrity check, disk use); replaced in tests.
    using ReportHandler = std::function<void(const QString &title, const QString &text)>;
    void setReportHandler(ReportHandler handler) { m_report = std::move(handler); }
    // The address the REST server answers on, for "Copy the Download URL"; empty: a path only.
    void setServerUrl(std::function<QString()> url) { m_serverUrl = std::move(url); }

    // Selects the video's row and scrolls to it; when it is not loaded yet, as soon as it is.
    void showVideo(const QString &jobId);
    // Reads the store again (another process changed it) and updates the spend line.
    void refresh();
    // The video the current row shows; empty when none.
    QString currentJobId() const;
    QStringList selectedJobIds() const;

    void removeSelected();
    void unlinkRun();
    void clearAll();
    void evictNow();
    void checkIntegrity();
    void showDiskUse();

Q_SIGNALS:
    // The current row changed to another video (path empty: the row has no video to show).
    // chosen: the user or showVideo chose it; false for the first row picked at start.
    void currentVideoChanged(const QString &jobId, const QString &path, bool chosen);
    // A line for the status bar.
    void message(const QString &text, bool error);
    // A video the preview may show was removed here.
    void videoRemoved(const QString &jobId);

private:
    void applyFilters();
    void onCurrentChanged();
    void onUpdated();
    void updateSummary();
    void updateSpend();
    void updateRuns();
    void updateProviders();
    void setUpContextMenu();
    QString selectedVideoPath() const;
    const LibraryEntry *currentEntry() const;

    std::unique_ptr<Ui::LibraryPanel> ui;
    AppContext *m_context;
    LibraryModel *m_model;
    QMenu *m_upkeepMenu;
    ConfirmHandler m_confirm;
    SavePathHandler m_askSavePath;
    ReportHandler m_report;
    std::function<QString()> m_serverUrl;
    QString m_currentJobId;
    QString m_pendingShow;
    bool m_firstPage = true;
    // Rows are being removed by a refresh: a current row that moves then is not the user's choice.
    bool m_rowsLeaving = false;
    int m_runsTicket = 0;
};
