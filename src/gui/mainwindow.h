#pragma once
// The coach's window: request drill videos, follow each job, see the cache, preview a video.
#include "jobrecord.h"

#include <QMainWindow>
#include <QSet>
#include <QTimer>

#include <functional>
#include <memory>

namespace Ui {
class MainWindow;
}
class AppContext;
class DrillLibraryPanel;
class JobsList;
class JobsPanel;
class LibraryModel;
class LibraryPanel;
class PreviewWidget;
class ServerPanel;
class SettingsWatcher;
class StoreWatcher;
class QSystemTrayIcon;

class MainWindow final : public QMainWindow
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(MainWindow)

public:
    explicit MainWindow(AppContext *context, QWidget *parent = nullptr);
    ~MainWindow() override;

    PreviewWidget *preview() const { return m_preview; }
    LibraryModel *libraryModel() const;
    LibraryPanel *libraryPanel() const { return m_libraryPanel; }
    JobsList *jobsList() const { return m_jobsList; }
    ServerPanel *serverPanel() const { return m_serverPanel; }
    DrillLibraryPanel *drillLibraryPanel() const { return m_drillLibraryPanel; }
    JobsPanel *jobsPanel() const { return m_jobsPanel; }

    // Asks the user to confirm; replaced in tests.
    using ConfirmHandler = std::function<bool(const QString &title, const QString &text)>;
    void setConfirmHandler(ConfirmHandler handler);
    // Tells the user about a finished or failed job while the window is not active (the tray by
    // default); replaced in tests.
    using NotifyHandler
            = std::function<void(const QString &title, const QString &text, bool error)>;
    void setNotifyHandler(NotifyHandler handler) { m_notify = std::move(handler); }
    // Asks where to save a copy of a video; replaced in tests. Empty: cancelled.
    using SavePathHandler = std::function<QString(const QString &suggested)>;
    void setSavePathHandler(SavePathHandler handler);

    // Selects the video's row and plays it.
    void showVideo(const QString &jobId);
    // Cancels a job, warning first when a remote provider already bills it.
    void cancelJob(const QString &jobId);
    // Plays a video file that is not in the library (drillstudio open FILE); false, with the
    // reason shown, when it cannot be played.
    bool openVideoFile(const QString &pathOrUrl);
    // Reads the store again (other processes change it too).
    void refreshFromStore();

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;
    void closeEvent(QCloseEvent *event) override;
    void showEvent(QShowEvent *event) override;
    void changeEvent(QEvent *event) override;

private:
    void generate(bool force);
    void updateCacheHint();
    void cancelNewest();
    void updateDrillCounter();
    void showMessage(const QString &text, bool error);
    void onJobProgress(const QString &jobId, int percent, qint64 msLeft);
    void onJobDownloadProgress(const QString &jobId, qint64 bytesReceived, qint64 bytesTotal);
    void updateProviderLabel();
    void checkApiKey();
    void onJobFinished(const JobRecord &job);
    void onJobFailed(const JobRecord &job);
    void onCurrentVideoChanged(const QString &jobId, const QString &path, bool chosen);
    void refreshJobs();
    void showShortcuts();
    void showSettings();
    void saveLayout();
    void restoreLayout();

    std::unique_ptr<Ui::MainWindow> ui;
    AppContext *m_context;
    LibraryPanel *m_libraryPanel = nullptr;
    PreviewWidget *m_preview;
    JobsList *m_jobsList;
    ServerPanel *m_serverPanel = nullptr;
    DrillLibraryPanel *m_drillLibraryPanel = nullptr;
    JobsPanel *m_jobsPanel = nullptr;
    StoreWatcher *m_watcher;
    SettingsWatcher *m_settingsWatcher;
    QSet<QString> m_submitted; // jobs asked for in this window, still under way
    QString m_previewJobId;
    QString m_keyWarning;
    QString m_transportWarning;
    ConfirmHandler m_confirm;
    NotifyHandler m_notify;
    QSystemTrayIcon *m_tray = nullptr;
    QTimer m_hintTimer; // "already cached" is looked up once typing pauses
    quint64 m_hintRequest = 0; // the newest "already cached" lookup
    bool m_autoPlay = true;
    bool m_shownOnce = false;
};
