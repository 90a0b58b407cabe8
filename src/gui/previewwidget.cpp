#include "previewwidget.h"

#include <QCheckBox>
#include <QComboBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QMediaMetaData>
#include <QMediaPlayer>
#include <QMouseEvent>
#include <QStyle>
#include <QStyleOptionSlider>
#include <QTime>
#include <QToolButton>
#include <QVBoxLayout>
#include <QVideoFrame>
#include <QVideoSink>
#include <QVideoWidget>

#include <cmath>

namespace {

QString formatTime(qint64 ms)
{
    return QTime(0, 0).addMSecs(int(ms)).toString(QStringLiteral("m:ss.zzz")).chopped(1);
}

} // namespace

SeekSlider::SeekSlider(QWidget *parent)
    : QSlider(Qt::Horizontal, parent)
{
    setSingleStep(250);
    setPageStep(1000);
    setFocusPolicy(Qt::StrongFocus);
    connect(this, &QSlider::sliderMoved, this, [this](int value) { Q_EMIT seekRequested(value); });
    // Keys and wheel: the new position is already set when the action is reported.
    connect(this, &QSlider::actionTriggered, this, [this](int action) {
        if (action != SliderMove && action != SliderNoAction)
            Q_EMIT seekRequested(sliderPosition());
    });
}

void SeekSlider::mousePressEvent(QMouseEvent *event)
{
    if (event->button() == Qt::LeftButton && maximum() > minimum()) {
        QStyleOptionSlider option;
        initStyleOption(&option);
        const QRect handle = style()->subControlRect(QStyle::CC_Slider, &option,
                                                     QStyle::SC_SliderHandle, this);
        if (!handle.contains(event->position().toPoint())) {
            const QRect groove = style()->subControlRect(QStyle::CC_Slider, &option,
                                                         QStyle::SC_SliderGroove, this);
            const int span = groove.width() - handle.width();
            const int x = event->position().toPoint().x() - groove.x() - handle.width() / 2;
            const int value = QStyle::sliderValueFromPosition(minimum(), maximum(), x, span);
            setValue(value);
            Q_EMIT seekRequested(value);
        }
    }
    QSlider::mousePressEvent(event);
}

PreviewWidget::PreviewWidget(QWidget *parent)
    : QWidget(parent)
    , m_player(new QMediaPlayer(this))
    , m_video(new QVideoWidget(this))
    , m_playButton(new QToolButton(this))
    , m_previousFrameButton(new QToolButton(this))
    , m_nextFrameButton(new QToolButton(this))
    , m_positionSlider(new SeekSlider(this))
    , m_timeLabel(new QLabel(this))
    , m_frameLabel(new QLabel(this))
    , m_loopCheck(new QCheckBox(tr("&Loop"), this))
    , m_speedCombo(new QComboBox(this))
    , m_messageLabel(new QLabel(this))
{
    m_video->setMinimumSize(240, 135);
    m_video->setSizePolicy(QSizePolicy::Expanding, QSizePolicy::Expanding);
    m_video->setAccessibleName(tr("Video"));
    m_player->setVideoOutput(m_video);

    m_playButton->setIcon(style()->standardIcon(QStyle::SP_MediaPlay));
    m_playButton->setToolTip(tr("Play or pause (Space)"));
    m_playButton->setAccessibleName(tr("Play or pause"));
    m_previousFrameButton->setIcon(style()->standardIcon(QStyle::SP_MediaSeekBackward));
    m_previousFrameButton->setToolTip(tr("Previous frame (,)"));
    m_previousFrameButton->setAccessibleName(tr("Previous frame"));
    m_nextFrameButton->setIcon(style()->standardIcon(QStyle::SP_MediaSeekForward));
    m_nextFrameButton->setToolTip(tr("Next frame (.)"));
    m_nextFrameButton->setAccessibleName(tr("Next frame"));
    m_positionSlider->setAccessibleName(tr("Position"));
    m_positionSlider->setToolTip(tr("Click to jump; arrow keys move a quarter second"));
    m_timeLabel->setText(tr("%1 / %2").arg(formatTime(0), formatTime(0)));
    m_frameLabel->setText(tr("Frame %1").arg(0));
    m_speedCombo->addItem(tr("2× fast"), 2.0);
    m_speedCombo->addItem(tr("1.5× fast"), 1.5);
    m_speedCombo->addItem(tr("1× speed"), 1.0);
    m_speedCombo->addItem(tr("0.5× slow"), 0.5);
    m_speedCombo->addItem(tr("0.25× slow"), 0.25);
    m_speedCombo->addItem(tr("0.1× slow"), 0.1);
    m_speedCombo->setCurrentIndex(2);
    m_speedCombo->setToolTip(tr("Playback speed"));
    m_speedCombo->setAccessibleName(tr("Playback speed"));
    m_loopCheck->setChecked(true);
    m_loopCheck->setObjectName(QStringLiteral("loopCheck"));
    m_speedCombo->setObjectName(QStringLiteral("speedCombo"));
    m_playButton->setObjectName(QStringLiteral("playButton"));
    m_previousFrameButton->setObjectName(QStringLiteral("previousFrameButton"));
    m_nextFrameButton->setObjectName(QStringLiteral("nextFrameButton"));
    m_positionSlider->setObjectName(QStringLiteral("positionSlider"));
    m_frameLabel->setObjectName(QStringLiteral("frameLabel"));
    m_messageLabel->setObjectName(QStringLiteral("playerMessageLabel"));
    m_messageLabel->setWordWrap(true);
    m_messageLabel->hide();

    // Two rows, so that the controls fit a narrow window.
    auto *seekRow = new QHBoxLayout;
    seekRow->addWidget(m_positionSlider, 1);
    seekRow->addWidget(m_timeLabel);
    auto *controls = new QHBoxLayout;
    controls->addWidget(m_previousFrameButton);
    controls->addWidget(m_playButton);
    controls->addWidget(m_nextFrameButton);
    controls->addWidget(m_frameLabel);
    controls->addStretch(1);
    controls->addWidget(m_speedCombo);
    controls->addWidget(m_loopCheck);

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_video, 1);
    layout->addWidget(m_messageLabel);
    layout->addLayout(seekRow);
    layout->addLayout(controls);

    connect(m_playButton, &QToolButton::clicked, this, &PreviewWidget::togglePlay);
    connect(m_previousFrameButton, &QToolButton::clicked, this, [this] { stepFrame(-1); });
    connect(m_nextFrameButton, &QToolButton::clicked, this, [this] { stepFrame(1); });
    connect(m_positionSlider, &SeekSlider::seekRequested, this, [this](qint64 position) {
        m_stepTarget = -1;
        m_player->setPosition(position);
    });
    connect(m_player, &QMediaPlayer::positionChanged, this, &PreviewWidget::updatePosition);
    connect(m_player, &QMediaPlayer::durationChanged, this, &PreviewWidget::updateDuration);
    connect(m_player, &QMediaPlayer::playbackStateChanged, this, &PreviewWidget::updateButtons);
    connect(m_player, &QMediaPlayer::mediaStatusChanged, this, &PreviewWidget::onMediaStatus);
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
                // The backend's text is English and technical; it goes to the tooltip only.
                m_messageLabel->setToolTip(text);
                m_messageLabel->setText(
                        error == QMediaPlayer::ResourceError
                                ? tr("This video cannot be played: its file is missing or "
                                     "damaged.")
                                : tr("This video cannot be played."));
                m_messageLabel->show();
            });
    connect(m_video->videoSink(), &QVideoSink::videoFrameChanged, this, &PreviewWidget::onFrame);
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
    m_stepTarget = -1;
    m_frameRate = 30;
    m_waitingForFirstFrame = !autoPlay;
    m_player->setSource(QUrl::fromLocalFile(filePath));
    // Without autoplay, play once the media is loaded and stop at the first frame that arrives:
    // a paused pipeline alone does not draw, and playing before the media is loaded loses the
    // frame now and then.
    if (autoPlay || m_player->mediaStatus() == QMediaPlayer::LoadedMedia)
        m_player->play();
    updateButtons();
}

void PreviewWidget::onMediaStatus()
{
    const QMediaPlayer::MediaStatus status = m_player->mediaStatus();
    if (status == QMediaPlayer::LoadedMedia) {
        const double rate = m_player->metaData().value(QMediaMetaData::VideoFrameRate).toDouble();
        if (rate > 1 && rate < 1000)
            m_frameRate = rate;
        if (m_waitingForFirstFrame)
            m_player->play();
    }
    updatePosition(m_player->position());
}

void PreviewWidget::onFrame(const QVideoFrame &frame)
{
    if (!m_waitingForFirstFrame || !frame.isValid())
        return;
    m_waitingForFirstFrame = false;
    m_player->pause();
    Q_EMIT firstFrameShown();
}

void PreviewWidget::clear()
{
    m_waitingForFirstFrame = false;
    m_player->stop();
    m_player->setSource(QUrl());
    m_messageLabel->hide();
    updateButtons();
}

void PreviewWidget::showMessage(const QString &text)
{
    clear();
    m_messageLabel->setToolTip(QString());
    m_messageLabel->setText(text);
    m_messageLabel->show();
}

QString PreviewWidget::message() const
{
    return m_messageLabel->isVisible() ? m_messageLabel->text() : QString();
}

qint64 PreviewWidget::currentFrame() const
{
    const qint64 position = m_stepTarget >= 0 ? m_stepTarget : m_player->position();
    return qRound64(double(position) * m_frameRate / 1000.0);
}

void PreviewWidget::updatePosition(qint64 position)
{
    if (m_stepTarget >= 0 && m_player->playbackState() == QMediaPlayer::PlayingState)
        m_stepTarget = -1;
    if (!m_positionSlider->isSliderDown())
        m_positionSlider->setValue(int(position));
    m_timeLabel->setText(tr("%1 / %2").arg(formatTime(position), formatTime(m_player->duration())));
    m_frameLabel->setText(tr("Frame %1").arg(currentFrame()));
}

void PreviewWidget::updateDuration(qint64 duration)
{
    m_positionSlider->setRange(0, int(duration));
    updatePosition(m_player->position());
}

void PreviewWidget::togglePlay()
{
    if (m_player->source().isEmpty())
        return;
    m_waitingForFirstFrame = false;
    if (m_player->playbackState() == QMediaPlayer::PlayingState) {
        m_player->pause();
    } else {
        m_stepTarget = -1;
        m_player->play();
    }
}

void PreviewWidget::stepFrame(int direction)
{
    if (m_player->source().isEmpty())
        return;
    m_waitingForFirstFrame = false;
    if (m_player->playbackState() == QMediaPlayer::PlayingState)
        m_player->pause();
    const qint64 last = m_player->duration() > 0
            ? qint64(std::ceil(double(m_player->duration()) * m_frameRate / 1000.0)) - 1
            : 0;
    const qint64 frame = qBound<qint64>(0, currentFrame() + direction, qMax<qint64>(0, last));
    // The frame's own time, rounded up so that the seek lands inside it, not on the one before.
    m_stepTarget = qint64(std::ceil(double(frame) * 1000.0 / m_frameRate));
    m_player->setPosition(m_stepTarget);
    updatePosition(m_stepTarget);
}

void PreviewWidget::updateButtons()
{
    const bool hasSource = !m_player->source().isEmpty();
    const bool playing
            = m_player->playbackState() == QMediaPlayer::PlayingState && !m_waitingForFirstFrame;
    m_playButton->setIcon(
            style()->standardIcon(playing ? QStyle::SP_MediaPause : QStyle::SP_MediaPlay));
    m_playButton->setEnabled(hasSource);
    m_previousFrameButton->setEnabled(hasSource);
    m_nextFrameButton->setEnabled(hasSource);
    m_positionSlider->setEnabled(hasSource);
}
