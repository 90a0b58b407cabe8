#pragma once
// Plays a cached MP4: play/pause, click-to-seek, loop, speed, and steps of exactly one frame.
#include <QSlider>
#include <QUrl>
#include <QWidget>

class QCheckBox;
class QComboBox;
class QLabel;
class QMediaPlayer;
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

    QMediaPlayer *player() const { return m_player; }
    QVideoWidget *videoWidget() const { return m_video; }
    // Frames per second of the current video (30 until its metadata is known).
    double frameRate() const { return m_frameRate; }
    // The number of the frame at the current position, counted from 0.
    qint64 currentFrame() const;

    void togglePlay();
    // Pauses and moves by exactly one frame (direction +1 or -1).
    void stepFrame(int direction);

Q_SIGNALS:
    // The first picture of a video loaded without autoplay is on screen.
    void firstFrameShown();

private:
    void updatePosition(qint64 position);
    void updateDuration(qint64 duration);
    void onMediaStatus();
    void onFrame(const QVideoFrame &frame);
    void updateButtons();

    QMediaPlayer *m_player;
    QVideoWidget *m_video;
    QToolButton *m_playButton;
    QToolButton *m_previousFrameButton;
    QToolButton *m_nextFrameButton;
    SeekSlider *m_positionSlider;
    QLabel *m_timeLabel;
    QLabel *m_frameLabel;
    QCheckBox *m_loopCheck;
    QComboBox *m_speedCombo;
    QLabel *m_messageLabel;
    double m_frameRate = 30;
    qint64 m_stepTarget = -1; // position asked for by the last frame step
    bool m_waitingForFirstFrame = false;
};
