#pragma once
// Plays a cached MP4: play/pause, seek, loop, slow motion and frame steps.
#include <QUrl>
#include <QWidget>

class QCheckBox;
class QComboBox;
class QLabel;
class QMediaPlayer;
class QPushButton;
class QSlider;
class QToolButton;
class QVideoWidget;

class PreviewWidget final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(PreviewWidget)

public:
    explicit PreviewWidget(QWidget *parent = nullptr);
    ~PreviewWidget() override;

    void setSource(const QString &filePath, bool autoPlay = true);
    void clear();
    QMediaPlayer *player() const { return m_player; }
    QVideoWidget *videoWidget() const { return m_video; }

private:
    void updatePosition(qint64 position);
    void updateDuration(qint64 duration);
    void togglePlay();
    void stepFrame(int direction);
    void updateButtons();

    QMediaPlayer *m_player;
    QVideoWidget *m_video;
    QToolButton *m_playButton;
    QToolButton *m_previousFrameButton;
    QToolButton *m_nextFrameButton;
    QSlider *m_positionSlider;
    QLabel *m_timeLabel;
    QCheckBox *m_loopCheck;
    QComboBox *m_speedCombo;
    QLabel *m_messageLabel;
    bool m_showFirstFrame = false;
};
