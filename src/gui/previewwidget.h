#pragma once
// Plays a cached MP4 in the spirit of Kinovea and mpv: play/pause, click-to-seek, steps of
// exactly one decoded frame, speed, loop and A–B loop, fullscreen, a window of its own for a
// second screen, a PNG snapshot of the frame on screen, and a second video side by side that
// plays, seeks and steps together with the first.
#include <QPointer>
#include <QSlider>
#include <QUrl>
#include <QWidget>

#include <functional>

class QCheckBox;
class QComboBox;
class QHBoxLayout;
class QKeyEvent;
class QLabel;
class QMediaPlayer;
class QShortcut;
class QToolButton;
class QVideoFrame;
class QVideoWidget;

// A seek bar that jumps to where it is clicked (QSlider only pages towards the click).
class SeekSlider final : public QSlider
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(SeekSlider)

public:
    explicit SeekSlider(QWidget *parent = nullptr);

Q_SIGNALS:
    // The user asked for this position, by click, drag or key.
    void seekRequested(qint64 position);

protected:
    void mousePressEvent(QMouseEvent *event) override;
};

class PreviewWidget final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(PreviewWidget)

public:
    explicit PreviewWidget(QWidget *parent = nullptr);
    ~PreviewWidget() override;

    // Without autoPlay, the first frame is shown and the player waits paused.
    void setSource(const QString &filePath, bool autoPlay = true);
    void clear();
    // Clears the player and says why in words (the file went away, for example).
    void showMessage(const QString &text);
    QString message() const;

    // The players and video surfaces exist from the first use on (see ensureMedia).
    QMediaPlayer *player()
    {
        ensureMedia();
        return m_player;
    }
    QVideoWidget *videoWidget()
    {
        ensureMedia();
        return m_video;
    }
    bool hasMedia() const { return m_player != nullptr; }
    // Frames per second of the current video, from its stream (30 until known).
    double frameRate() const { return m_frameRate; }
    // The number of the frame at the current position, counted from 0.
    qint64 currentFrame() const;

    void togglePlay();
    // Pauses and moves by exactly one frame (direction +1 or -1).
    void stepFrame(int direction);
    // Moves to a position in ms (both videos when comparing).
    void seek(qint64 position);

    // Playback speed, 0.1 to 2; slower() and faster() move one step of the speed list.
    double playbackRate() const;
    void setPlaybackRate(double rate);
    void slower();
    void faster();

    // A–B loop, as mpv's "l": the first call marks A at the current position, the second B,
    // the third clears both. -1: not set.
    void cycleAbLoop();
    void setAbLoop(qint64 a, qint64 b);
    qint64 loopA() const { return m_loopA; }
    qint64 loopB() const { return m_loopB; }

    // The player alone on the whole screen; again (or Escape) returns to where it was.
    void toggleFullScreen();
    bool isFullScreenPlayer() const { return m_fullScreen; }
    // The player in a window of its own (for a second screen), or back in its place.
    void setDetached(bool detached);
    bool isDetached() const { return m_detached; }

    // Saves the frame on screen as PNG where the save-path handler says. False when there is
    // no frame, the user cancelled, or the file could not be written (message() says so).
    bool snapshot();
    QImage currentImage() const;

    // A second video beside the first; they play, pause, seek, step and change speed together.
    // An empty path ends the comparison.
    void setComparisonSource(const QString &filePath);
    bool isComparing() const;
    QMediaPlayer *comparisonPlayer()
    {
        ensureMedia();
        return m_comparePlayer;
    }
    QVideoWidget *comparisonVideoWidget()
    {
        ensureMedia();
        return m_compareVideo;
    }

    // Asks where to save a snapshot; replaced in tests. Empty: cancelled.
    using SavePathHandler = std::function<QString(const QString &suggested)>;
    void setSavePathHandler(SavePathHandler handler) { m_askSavePath = std::move(handler); }
    // Asks for the video to compare with; replaced in tests. Empty: cancelled.
    using OpenPathHandler = std::function<QString(const QString &folder)>;
    void setOpenPathHandler(OpenPathHandler handler) { m_askOpenPath = std::move(handler); }

    // The player's keys as shortcuts of host's window; while the player is a window of its
    // own, the same keys work there instead.
    void installShortcuts(QWidget *host);
    // (keys, what they do) for the list of shortcuts.
    static QList<QPair<QString, QString>> shortcutList();
    // Whether the focused control needs the key itself: text fields type it and buttons press
    // with Space, so single keys do not drive the player there.
    static bool focusKeepsKey(const QWidget *focus, const QKeyEvent *event);

Q_SIGNALS:
    // The first picture of a video loaded without autoplay is on screen.
    void firstFrameShown();
    void detachedChanged(bool detached);
    void snapshotSaved(const QString &path);

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;
    void closeEvent(QCloseEvent *event) override;
    void paintEvent(QPaintEvent *event) override;

private:
    void ensureMedia();
    void updatePosition(qint64 position);
    void updateDuration(qint64 duration);
    void onMediaStatus();
    void onFrame(const QVideoFrame &frame);
    void updateButtons();
    void updateAbLabel();
    void showError(const QString &text);
    void syncComparison(qint64 position);
    // Makes the player a window of its own (or puts it back) without losing its place.
    void placeAsWindow(bool window);
    QList<QShortcut *> addShortcuts(QWidget *host);

    QMediaPlayer *m_player = nullptr;
    QVideoWidget *m_video = nullptr;
    QMediaPlayer *m_comparePlayer = nullptr;
    QVideoWidget *m_compareVideo = nullptr;
    QWidget *m_videoStandIn; // holds the video's place until ensureMedia
    QHBoxLayout *m_videosLayout = nullptr;
    bool m_mediaQueued = false;
    bool m_painted = false;
    QString m_pendingSource; // chosen before the media existed
    bool m_pendingAutoPlay = false;
    QToolButton *m_playButton;
    QToolButton *m_previousFrameButton;
    QToolButton *m_nextFrameButton;
    SeekSlider *m_positionSlider;
    QLabel *m_timeLabel;
    QLabel *m_frameLabel;
    QCheckBox *m_loopCheck;
    QComboBox *m_speedCombo;
    QToolButton *m_abButton;
    QToolButton *m_snapshotButton;
    QToolButton *m_compareButton;
    QToolButton *m_detachButton;
    QToolButton *m_fullScreenButton;
    QLabel *m_messageLabel;
    QWidget *m_placeholder; // stands where the player was while it is a window of its own
    QPointer<QWidget> m_home; // the widget whose layout holds the player when docked
    int m_homeIndex = -1;
    QList<QShortcut *> m_hostShortcuts;
    QList<QShortcut *> m_ownShortcuts;
    SavePathHandler m_askSavePath;
    OpenPathHandler m_askOpenPath;
    double m_frameRate = 30;
    qint64 m_stepTarget = -1; // position asked for by the last frame step
    qint64 m_shownFrameUs = -1; // start time of the last frame drawn
    qint64 m_originUs = -1; // start time of the video's first frame
    qint64 m_loopA = -1;
    qint64 m_loopB = -1;
    bool m_waitingForFirstFrame = false;
    bool m_detached = false;
    bool m_fullScreen = false;
};
