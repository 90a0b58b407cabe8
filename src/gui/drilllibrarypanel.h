#pragma once
// The drill library in the window: the recorded demonstrations with their thumbnails, drills,
// notes and coaching cues; import (drop, file dialog, folder) on a worker thread with progress
// and cancel; editing; removal; and a box that shows which video a drill text would get.
#include "library/drillmatcher.h"

#include <QFutureWatcher>
#include <QStringList>
#include <QTimer>
#include <QWidget>

#include <atomic>
#include <functional>
#include <memory>

namespace Ui {
class DrillLibraryPanel;
}
class AppContext;
class DrillLibraryModel;
class QThread;
class StoreReader;

class DrillLibraryPanel final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(DrillLibraryPanel)

public:
    explicit DrillLibraryPanel(AppContext *context, QWidget *parent = nullptr);
    ~DrillLibraryPanel() override;

    DrillLibraryModel *model() const { return m_model; }

    // Seams for tests, as in MainWindow: the question before a removal, and the file dialogs.
    using ConfirmHandler = std::function<bool(const QString &title, const QString &text)>;
    void setConfirmHandler(ConfirmHandler handler) { m_confirm = std::move(handler); }
    using OpenFilesHandler = std::function<QStringList()>;
    void setOpenFilesHandler(OpenFilesHandler handler) { m_openFiles = std::move(handler); }
    using OpenFolderHandler = std::function<QString()>;
    void setOpenFolderHandler(OpenFolderHandler handler) { m_openFolder = std::move(handler); }

    // Imports files (a folder: the video files in it) as demonstrations of the drills named in
    // the import field, on a worker thread. False, with the reason shown, when no drill is named,
    // nothing is importable, or an import is under way.
    bool importPaths(const QStringList &paths);
    bool isImporting() const { return m_thread != nullptr; }
    // Stops the import under way after the file being converted; nothing of it stays. Safe to
    // call from any thread.
    void cancelImport() { m_cancel.store(true); }
    void setImportDrills(const QString &names);

    // Reads the library again (off the GUI thread) if it changed; reloaded() follows.
    void reload();
    bool isReloading() const { return m_reloading; }
    void selectVideo(const QString &id);
    QString selectedVideoId() const;
    // Saves the editor's drills, notes and cues to the selected video; false with the reason
    // shown when they are not valid.
    bool saveSelected();
    // Asks first, naming the runs that were answered with the video.
    bool removeSelected();
    // Puts the text in the "try" box and finds its video now (the answer comes with
    // tryFinished).
    void tryText(const QString &text);
    const LibraryMatch &lastTry() const { return m_lastTry; }
    QString tryResultText() const;
    QString message() const;

Q_SIGNALS:
    // Play this file in the window's player.
    void previewRequested(const QString &filePath);
    // Emitted on the import thread: fraction 0..1 of all the files of the import.
    void importProgress(double fraction);
    void importFinished(int imported, int failed, bool cancelled);
    void tryFinished();
    // A reload() has been read and shown.
    void reloaded();

protected:
    void dragEnterEvent(QDragEnterEvent *event) override;
    void dropEvent(QDropEvent *event) override;

private:
    struct TryResult;
    void chooseFiles();
    void chooseFolder();
    void onImported(const QString &file, bool ok, bool cancelled, const QString &text);
    void onImportThreadFinished();
    void onSelectionChanged();
    void preview();
    void startTry();
    void showTry();
    void showMessage(const QString &text, bool error);
    void updateButtons();
    static QStringList importableFiles(const QStringList &paths, QStringList *skipped);
    static QStringList splitNames(const QString &text);

    std::unique_ptr<Ui::DrillLibraryPanel> ui;
    struct LibraryRead;
    void applyReload(const LibraryRead &read);

    AppContext *m_context;
    StoreReader *m_reader;
    bool m_reloading = false;
    bool m_reloadAgain = false;
    bool m_tryQueued = false;
    QList<std::function<void()>> m_afterReload; // once the read on its way is shown
    DrillLibraryModel *m_model;
    ConfirmHandler m_confirm;
    OpenFilesHandler m_openFiles;
    OpenFolderHandler m_openFolder;

    QThread *m_thread = nullptr;
    std::atomic<bool> m_cancel {false};
    int m_imported = 0;
    int m_failed = 0;
    bool m_cancelled = false;
    QStringList m_importMessages;
    QTimer m_reloadTimer; // the library says it changed: read it once things settle

    // The "try" box matches from memory on a worker: the matcher is built from the rows read by
    // reload() and kept until they change.
    QString m_revision; // of the library tables read last
    QList<DrillSynonym> m_synonyms;
    QList<LibraryVideo> m_videos;
    int m_generation = 0;
    std::shared_ptr<const DrillMatcher> m_matcher;
    int m_matcherGeneration = -1;
    QFutureWatcher<std::shared_ptr<TryResult>> m_tryWatcher;
    QTimer m_tryTimer;
    bool m_tryAgain = false;
    LibraryMatch m_lastTry;
    QString m_lastTryText;
};
