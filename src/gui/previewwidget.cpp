#include "previewwidget.h"

#include <QCheckBox>
#include <QComboBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QMediaPlayer>
#include <QSlider>
#include <QStyle>
#include <QTime>
#include <QToolButton>
#include <QVBoxLayout>
#include <QVideoSink>
#include <QVideoWidget>

namespace {

constexpr qint64 kFrameMs = 1000 / 30;

QString formatTime(qint64 ms)
{
    return QTime(0, 0).addMSecs(int(ms)).toString(QStringLiteral("m:ss.zzz")).chopped(1);
}

} // namespace

PreviewWidget::PreviewWidget(QWidget *parent)
    : QWidget(parent)
    , m_player(new QMediaPlayer(this))
    , m_video(new QVideoWidget(this))
    , m_playButton(new QToolButton(this))
    , m_previousFrameButton(new QToolButton(this))
    , m_nextFrameButton(new QToolButton(this))
    , m_positionSlider(new QSlider(Qt::Horizontal, this))
    , m_timeLabel(new QLabel(this))
    , m_loopCheck(new QCheckBox(tr("&Loop"), this))
    , m_speedCombo(new QComboBox(this))
    , m_messageLabel(new QLabel(this))
{
    m_video->setMinimumSize(320, 180);
    m_video->setSizePolicy(QSizePolicy::Expanding, QSizePolicy::Expanding);
    m_player->setVideoOutput(m_video);

    m_playButton->setIcon(style()->standardIcon(QStyle::SP_MediaPlay));
    m_playButton->setToolTip(tr("Play or pause (Space)"));
    m_playButton->setShortcut(QKeySequence(Qt::Key_Space));
    m_previousFrameButton->setIcon(style()->standardIcon(QStyle::SP_MediaSeekBackward));
    m_previousFrameButton->setToolTip(tr("Previous frame (,)"));
    m_previousFrameButton->setShortcut(QKeySequence(Qt::Key_Comma));
    m_nextFrameButton->setIcon(style()->standardIcon(QStyle::SP_MediaSeekForward));
    m_nextFrameButton->setToolTip(tr("Next frame (.)"));
    m_nextFrameButton->setShortcut(QKeySequence(Qt::Key_Period));
    m_timeLabel->setText(tr("%1 / %2").arg(formatTime(0), formatTime(0)));
    m_speedCombo->addItem(tr("1× speed"), 1.0);
    m_speedCombo->addItem(tr("0.5× slow"), 0.5);
    m_speedCombo->addItem(tr("0.25× slow"), 0.25);
    m_speedCombo->setToolTip(tr("Playback speed"));
    m_loopCheck->setChecked(true);
    m_loopCheck->setObjectName(QStringLiteral("loopCheck"));
    m_speedCombo->setObjectName(QStringLiteral("speedCombo"));
    m_playButton->setObjectName(QStringLiteral("playButton"));
    m_messageLabel->setWordWrap(true);
    m_messageLabel->hide();

    auto *controls = new QHBoxLayout;
    controls->addWidget(m_previousFrameButton);
    controls->addWidget(m_playButton);
    controls->addWidget(m_nextFrameButton);
    controls->addWidget(m_positionSlider, 1);
    controls->addWidget(m_timeLabel);
    controls->addWidget(m_speedCombo);
    controls->addWidget(m_loopCheck);

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_video, 1);
    layout->addWidget(m_messageLabel);
    layout->addLayout(controls);

    connect(m_playButton, &QToolButton::clicked, this, &PreviewWidget::togglePlay);
    connect(m_previousFrameButton, &QToolButton::clicked, this, [this] { stepFrame(-1); });
    connect(m_nextFrameButton, &QToolButton::clicked, this, [this] { stepFrame(1); });
    connect(m_positionSlider, &QSlider::sliderMoved, m_player, &QMediaPlayer::setPosition);
    connect(m_player, &QMediaPlayer::positionChanged, this, &PreviewWidget::updatePosition);
    connect(m_player, &QMediaPlayer::durationChanged, this, &PreviewWidget::updateDuration);
    connect(m_player, &QMediaPlayer::playbackStateChanged, this, &PreviewWidget::updateButtons);
    connect(m_loopCheck, &QCheckBox::toggled, this, [this](bool loop) {
        m_player->setLoops(loop ? QMediaPlayer::Infinite : QMediaPlayer::Once);
    });
    connect(m_speedCombo, &QComboBox::currentIndexChanged, this, [this](int index) {
        m_player->setPlaybackRate(m_speedCombo->itemData(index).toDouble());
    });
    connect(m_player, &QMediaPlayer::errorOccurred, this,
            [this](QMediaPlayer::Error error, const QString &text) {
                if (error == QMediaPlayer::NoError)
                    return;
                m_messageLabel->setText(tr("This video cannot be played: %1").arg(text));
                m_messageLabel->show();
            });
    connect(m_video->videoSink(), &QVideoSink::videoFrameChanged, this, [this] {
        if (!m_showFirstFrame)
            return;
        m_showFirstFrame = false;
        m_player->pause();
        m_player->setPosition(0);
    });
    m_player->setLoops(QMediaPlayer::Infinite);
    updateButtons();
}

PreviewWidget::~PreviewWidget()
{
    m_player->stop();
}

void PreviewWidget::setSource(const QString &filePath, bool autoPlay)
{
    m_messageLabel->hide();
    m_player->setSource(QUrl::fromLocalFile(filePath));
    // Without autoplay, play until the first frame arrives and stop there, so that the picture
    // shows which video is selected (a paused pipeline alone does not draw it).
    m_showFirstFrame = !autoPlay;
    m_player->play();
    updateButtons();
}

void PreviewWidget::clear()
{
    m_player->stop();
    m_player->setSource(QUrl());
    m_messageLabel->hide();
    updateButtons();
}

void PreviewWidget::updatePosition(qint64 position)
{
    if (!m_positionSlider->isSliderDown())
        m_positionSlider->setValue(int(position));
    m_timeLabel->setText(tr("%1 / %2").arg(formatTime(position), formatTime(m_player->duration())));
}

void PreviewWidget::updateDuration(qint64 duration)
{
    m_positionSlider->setRange(0, int(duration));
    updatePosition(m_player->position());
}

void PreviewWidget::togglePlay()
{
    if (m_player->playbackState() == QMediaPlayer::PlayingState)
        m_player->pause();
    else
        m_player->play();
}

void PreviewWidget::stepFrame(int direction)
{
    if (m_player->playbackState() == QMediaPlayer::PlayingState)
        m_player->pause();
    const qint64 target
            = qBound<qint64>(0, m_player->position() + direction * kFrameMs, m_player->duration());
    m_player->setPosition(target);
}

void PreviewWidget::updateButtons()
{
    const bool hasSource = !m_player->source().isEmpty();
    const bool playing = m_player->playbackState() == QMediaPlayer::PlayingState;
    m_playButton->setIcon(
            style()->standardIcon(playing ? QStyle::SP_MediaPause : QStyle::SP_MediaPlay));
    m_playButton->setEnabled(hasSource);
    m_previousFrameButton->setEnabled(hasSource);
    m_nextFrameButton->setEnabled(hasSource);
    m_positionSlider->setEnabled(hasSource);
}
