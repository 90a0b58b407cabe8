#pragma once
// The coach's window: request a drill video, see the cache, preview a video.
#include "jobrecord.h"

#include <QMainWindow>

#include <functional>
#include <memory>

namespace Ui {
class MainWindow;
}
class AppContext;
class LibraryModel;
class PreviewWidget;

class MainWindow final : public QMainWindow
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(MainWindow)

public:
    explicit MainWindow(AppContext *context, QWidget *parent = nullptr);
    ~MainWindow() override;

    PreviewWidget *preview() const { return m_preview; }
    LibraryModel *libraryModel() const { return m_model; }

    // Asks the user to confirm; replaced in tests.
    using ConfirmHandler = std::function<bool(const QString &title, const QString &text)>;
    void setConfirmHandler(ConfirmHandler handler) { m_confirm = std::move(handler); }

    // Selects the video's row and plays it.
    void showVideo(const QString &jobId);

private:
    void generate();
    void cancelGeneration();
    void updateDrillCounter();
    void showMessage(const QString &text, bool error);
    void onJobStarted(const QString &jobId);
    void onJobProgress(const QString &jobId, int percent, qint64 msLeft);
    void onJobDownloadProgress(const QString &jobId, qint64 bytesReceived, qint64 bytesTotal);
    void updateProviderLabel();
    void onJobFinished(const JobRecord &job);
    void onJobFailed(const JobRecord &job);
    void onSelectionChanged();
    void removeSelected();
    void updateSummary();
    void setBusy(bool busy);

    std::unique_ptr<Ui::MainWindow> ui;
    AppContext *m_context;
    LibraryModel *m_model;
    PreviewWidget *m_preview;
    QString m_currentJobId;
    ConfirmHandler m_confirm;
    bool m_autoPlay = true;
};
