#include "previewwidget.h"

#include "startupprobe.h"

#include <QAbstractButton>
#include <QAbstractSpinBox>
#include <QApplication>
#include <QCheckBox>
#include <QCloseEvent>
#include <QComboBox>
#include <QDir>
#include <QFileDialog>
#include <QFileInfo>
#include <QHBoxLayout>
#include <QImage>
#include <QKeyEvent>
#include <QLabel>
#include <QLineEdit>
#include <QMediaMetaData>
#include <QMediaPlayer>
#include <QMouseEvent>
#include <QPalette>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QScopeGuard>
#include <QShortcut>
#include <QStandardPaths>
#include <QStyle>
#include <QStyleOptionSlider>
#include <QTextEdit>
#include <QTime>
#include <QTimer>
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
    , m_videoStandIn(new QWidget(this))
    , m_playButton(new QToolButton(this))
    , m_previousFrameButton(new QToolButton(this))
    , m_nextFrameButton(new QToolButton(this))
    , m_positionSlider(new SeekSlider(this))
    , m_timeLabel(new QLabel(this))
    , m_frameLabel(new QLabel(this))
    , m_loopCheck(new QCheckBox(tr("&Loop"), this))
    , m_speedCombo(new QComboBox(this))
    , m_abButton(new QToolButton(this))
    , m_snapshotButton(new QToolButton(this))
    , m_compareButton(new QToolButton(this))
    , m_detachButton(new QToolButton(this))
    , m_fullScreenButton(new QToolButton(this))
    , m_messageLabel(new QLabel(this))
    , m_placeholder(nullptr)
{
    // The video surface and the players come after the window's first paint (see
    // ensureMedia): until then a black area of the same size holds their place.
    m_videoStandIn->setMinimumSize(240, 135);
    m_videoStandIn->setSizePolicy(QSizePolicy::Expanding, QSizePolicy::Expanding);
    m_videoStandIn->setAutoFillBackground(true);
    QPalette black = m_videoStandIn->palette();
    black.setColor(QPalette::Window, Qt::black);
    m_videoStandIn->setPalette(black);
    m_videoStandIn->setAccessibleName(tr("Video"));

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
    m_speedCombo->setToolTip(tr("Playback speed ([ slower, ] faster)"));
    m_speedCombo->setAccessibleName(tr("Playback speed"));
    m_abButton->setText(tr("A–B"));
    m_abButton->setToolTip(tr("A–B loop (L): the first press marks A, the second B, the third "
                              "ends the loop"));
    m_abButton->setAccessibleName(tr("A–B loop"));
    m_snapshotButton->setIcon(style()->standardIcon(QStyle::SP_DialogSaveButton));
    m_snapshotButton->setToolTip(tr("Save this frame as a PNG picture (S)"));
    m_snapshotButton->setAccessibleName(tr("Snapshot of this frame"));
    m_compareButton->setText(tr("Compare…"));
    m_compareButton->setToolTip(tr("Show a second video beside this one; both play and step "
                                   "together"));
    m_compareButton->setAccessibleName(tr("Compare with another video"));
    m_detachButton->setIcon(style()->standardIcon(QStyle::SP_TitleBarNormalButton));
    m_detachButton->setToolTip(tr("Player in its own window, for a second screen (D)"));
    m_detachButton->setAccessibleName(tr("Player in its own window"));
    m_fullScreenButton->setIcon(style()->standardIcon(QStyle::SP_TitleBarMaxButton));
    m_fullScreenButton->setToolTip(tr("Full screen (F; Escape leaves it)"));
    m_fullScreenButton->setAccessibleName(tr("Full screen"));
    m_loopCheck->setChecked(true);
    m_loopCheck->setObjectName(QStringLiteral("loopCheck"));
    m_speedCombo->setObjectName(QStringLiteral("speedCombo"));
    m_playButton->setObjectName(QStringLiteral("playButton"));
    m_previousFrameButton->setObjectName(QStringLiteral("previousFrameButton"));
    m_nextFrameButton->setObjectName(QStringLiteral("nextFrameButton"));
    m_positionSlider->setObjectName(QStringLiteral("positionSlider"));
    m_frameLabel->setObjectName(QStringLiteral("frameLabel"));
    m_abButton->setObjectName(QStringLiteral("abLoopButton"));
    m_snapshotButton->setObjectName(QStringLiteral("snapshotButton"));
    m_compareButton->setObjectName(QStringLiteral("compareButton"));
    m_detachButton->setObjectName(QStringLiteral("detachButton"));
    m_fullScreenButton->setObjectName(QStringLiteral("fullScreenButton"));
    m_messageLabel->setObjectName(QStringLiteral("playerMessageLabel"));
    m_messageLabel->setWordWrap(true);
    m_messageLabel->hide();

    // Short rows, so that the controls fit a narrow window.
    auto *videos = new QHBoxLayout;
    videos->addWidget(m_videoStandIn, 1);
    m_videosLayout = videos;
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
    auto *tools = new QHBoxLayout;
    tools->addWidget(m_abButton);
    tools->addWidget(m_snapshotButton);
    tools->addWidget(m_compareButton);
    tools->addStretch(1);
    tools->addWidget(m_detachButton);
    tools->addWidget(m_fullScreenButton);

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addLayout(videos, 1);
    layout->addWidget(m_messageLabel);
    layout->addLayout(seekRow);
    layout->addLayout(controls);
    layout->addLayout(tools);

    m_askSavePath = [this](const QString &suggested) {
        return QFileDialog::getSaveFileName(window(), tr("Save this frame"), suggested,
                                            tr("PNG pictures (*.png)"));
    };
    m_askOpenPath = [this](const QString &folder) {
        return QFileDialog::getOpenFileName(window(), tr("Compare with a video"), folder,
                                            tr("MP4 videos (*.mp4)"));
    };

    connect(m_playButton, &QToolButton::clicked, this, &PreviewWidget::togglePlay);
    connect(m_previousFrameButton, &QToolButton::clicked, this, [this] { stepFrame(-1); });
    connect(m_nextFrameButton, &QToolButton::clicked, this, [this] { stepFrame(1); });
    connect(m_abButton, &QToolButton::clicked, this, &PreviewWidget::cycleAbLoop);
    connect(m_snapshotButton, &QToolButton::clicked, this, &PreviewWidget::snapshot);
    connect(m_detachButton, &QToolButton::clicked, this, [this] { setDetached(!m_detached); });
    connect(m_fullScreenButton, &QToolButton::clicked, this, &PreviewWidget::toggleFullScreen);
    connect(m_compareButton, &QToolButton::clicked, this, [this] {
        if (isComparing()) {
            setComparisonSource(QString());
            return;
        }
        const QString folder = m_player && m_player->source().isLocalFile()
                ? QFileInfo(m_player->source().toLocalFile()).absolutePath()
                : QDir::homePath();
        const QString path = m_askOpenPath(folder);
        if (!path.isEmpty())
            setComparisonSource(path);
    });
    connect(m_positionSlider, &SeekSlider::seekRequested, this, &PreviewWidget::seek);
    connect(m_loopCheck, &QCheckBox::toggled, this, [this](bool loop) {
        if (m_player)
            m_player->setLoops(loop ? QMediaPlayer::Infinite : QMediaPlayer::Once);
    });
    connect(m_speedCombo, &QComboBox::currentIndexChanged, this, [this](int index) {
        if (!m_player)
            return;
        const double rate = m_speedCombo->itemData(index).toDouble();
        m_player->setPlaybackRate(rate);
        m_comparePlayer->setPlaybackRate(rate);
    });
    // The same keys in the player's own window; one set is on at a time.
    m_ownShortcuts = addShortcuts(this);
    for (QShortcut *shortcut : std::as_const(m_ownShortcuts))
        shortcut->setEnabled(false);
    updateButtons();
    updateAbLabel();
}

// Creating the first QVideoWidget starts the media backend (GStreamer and its device monitor),
// which takes a few tens of milliseconds: the window is painted first, and this runs right after
// (or at once when something needs the player before that).
void PreviewWidget::ensureMedia()
{
    if (m_player)
        return;
    m_player = new QMediaPlayer(this);
    m_video = new QVideoWidget(this);
    m_comparePlayer = new QMediaPlayer(this);
    m_compareVideo = new QVideoWidget(this);
    for (QVideoWidget *video : {m_video, m_compareVideo}) {
        video->setMinimumSize(240, 135);
        video->setSizePolicy(QSizePolicy::Expanding, QSizePolicy::Expanding);
    }
    m_video->setAccessibleName(tr("Video"));
    m_compareVideo->setAccessibleName(tr("Video compared"));
    m_compareVideo->setObjectName(QStringLiteral("compareVideo"));
    m_compareVideo->hide();
    m_player->setVideoOutput(m_video);
    m_comparePlayer->setVideoOutput(m_compareVideo);
    m_comparePlayer->setObjectName(QStringLiteral("comparePlayer"));
    m_videosLayout->replaceWidget(m_videoStandIn, m_video);
    m_videosLayout->setStretchFactor(m_video, 1);
    m_videosLayout->addWidget(m_compareVideo, 1);
    delete m_videoStandIn;
    m_videoStandIn = nullptr;
    const auto applyPending = qScopeGuard([this] {
        if (!m_pendingSource.isEmpty())
            setSource(std::exchange(m_pendingSource, QString()), m_pendingAutoPlay);
        StartupProbe::ready();
    });
    connect(m_player, &QMediaPlayer::positionChanged, this, &PreviewWidget::updatePosition);
    connect(m_player, &QMediaPlayer::durationChanged, this, &PreviewWidget::updateDuration);
    connect(m_player, &QMediaPlayer::playbackStateChanged, this, [this] {
        if (m_player->playbackState() != QMediaPlayer::PlayingState && isComparing()
            && !m_waitingForFirstFrame)
            m_comparePlayer->pause();
        updateButtons();
    });
    connect(m_player, &QMediaPlayer::mediaStatusChanged, this, &PreviewWidget::onMediaStatus);
    for (QMediaPlayer *player : {m_player, m_comparePlayer}) {
        connect(player, &QMediaPlayer::errorOccurred, this,
                [this](QMediaPlayer::Error error, const QString &text) {
                    if (error == QMediaPlayer::NoError)
                        return;
                    // The backend's text is English and technical; it goes to the tooltip only.
                    m_messageLabel->setToolTip(text);
                    showError(error == QMediaPlayer::ResourceError
                                      ? tr("This video cannot be played: its file is missing or "
                                           "damaged.")
                                      : tr("This video cannot be played."));
                });
    }
    connect(m_video->videoSink(), &QVideoSink::videoFrameChanged, this, &PreviewWidget::onFrame);
    m_player->setLoops(m_loopCheck->isChecked() ? QMediaPlayer::Infinite : QMediaPlayer::Once);
    m_player->setPlaybackRate(playbackRate());
    m_comparePlayer->setPlaybackRate(playbackRate());
}

void PreviewWidget::paintEvent(QPaintEvent *event)
{
    QWidget::paintEvent(event);
    m_painted = true;
    if (!m_player && !m_mediaQueued) {
        m_mediaQueued = true;
        QTimer::singleShot(0, this, &PreviewWidget::ensureMedia);
    }
}

PreviewWidget::~PreviewWidget()
{
    qApp->removeEventFilter(this);
    if (m_player) {
        m_player->stop();
        m_comparePlayer->stop();
    }
}

void PreviewWidget::setSource(const QString &filePath, bool autoPlay)
{
    m_messageLabel->hide();
    m_stepTarget = -1;
    m_shownFrameUs = -1;
    m_originUs = -1;
    m_frameRate = 30;
    m_loopA = m_loopB = -1;
    updateAbLabel();
    m_waitingForFirstFrame = !autoPlay;
    if (!m_player && isVisible() && !m_painted) {
        // Shown but not painted yet (a video chosen while the window opens): the window comes
        // first, the video right after.
        m_pendingSource = filePath;
        m_pendingAutoPlay = autoPlay;
        updateButtons();
        return;
    }
    ensureMedia();
    m_player->setSource(QUrl::fromLocalFile(filePath));
    // Without autoplay, play once the media is loaded and stop at the first frame that arrives:
    // a paused pipeline alone does not draw, and playing before the media is loaded loses the
    // frame now and then.
    if (autoPlay || m_player->mediaStatus() == QMediaPlayer::LoadedMedia)
        m_player->play();
    if (autoPlay && isComparing()) {
        m_comparePlayer->setPosition(0);
        m_comparePlayer->play();
    }
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
    if (!frame.isValid())
        return;
    if (frame.startTime() >= 0) {
        m_shownFrameUs = frame.startTime();
        // Frame times count from the stream's first presentation time (often a frame or two
        // after 0 in H.264 with B-frames); positions count from 0.
        if (m_originUs < 0)
            m_originUs = m_shownFrameUs;
    }
    if (m_player->playbackState() != QMediaPlayer::PlayingState)
        m_frameLabel->setText(tr("Frame %1").arg(currentFrame()));
    if (!m_waitingForFirstFrame)
        return;
    m_waitingForFirstFrame = false;
    // Not from inside the sink's callback: GStreamer may still be setting the pipeline up, and
    // a pause then leaves the stream broken for the next play.
    QMetaObject::invokeMethod(
            this,
            [this] {
                if (m_player->playbackState() == QMediaPlayer::PlayingState)
                    m_player->pause();
                // A frame may have gone by before the pause took: back to the first one (a
                // seek to where the player thinks it is already would be ignored).
                if (m_originUs >= 0 && m_shownFrameUs > m_originUs) {
                    m_stepTarget = 0;
                    m_player->setPosition(m_player->position() == 0 ? 1 : 0);
                    updatePosition(0);
                }
                Q_EMIT firstFrameShown();
            },
            Qt::QueuedConnection);
}

void PreviewWidget::clear()
{
    m_waitingForFirstFrame = false;
    m_pendingSource.clear();
    if (m_player) {
        m_player->stop();
        m_player->setSource(QUrl());
    }
    m_shownFrameUs = -1;
    m_originUs = -1;
    m_loopA = m_loopB = -1;
    updateAbLabel();
    m_messageLabel->hide();
    updateButtons();
}

void PreviewWidget::showMessage(const QString &text)
{
    clear();
    m_messageLabel->setToolTip(QString());
    showError(text);
}

void PreviewWidget::showError(const QString &text)
{
    m_messageLabel->setText(text);
    m_messageLabel->setVisible(!text.isEmpty());
}

QString PreviewWidget::message() const
{
    return m_messageLabel->isHidden() ? QString() : m_messageLabel->text();
}

qint64 PreviewWidget::currentFrame() const
{
    // A frame n starts at n / rate seconds: the frame on screen is the last whose start has
    // passed (a tiny allowance absorbs rounding to whole ms and µs).
    if (m_stepTarget >= 0)
        return qint64(std::floor(double(m_stepTarget) * m_frameRate / 1000.0 + 1e-3));
    if (!m_player)
        return 0;
    if (m_shownFrameUs >= 0 && m_player->playbackState() != QMediaPlayer::PlayingState)
        return qint64(std::floor(
                double(m_shownFrameUs - qMax<qint64>(0, m_originUs)) * m_frameRate / 1e6 + 1e-3));
    return qint64(std::floor(double(m_player->position()) * m_frameRate / 1000.0 + 1e-3));
}

void PreviewWidget::updatePosition(qint64 position)
{
    if (!m_player)
        return;
    const bool playing = m_player->playbackState() == QMediaPlayer::PlayingState;
    if (m_stepTarget >= 0 && playing)
        m_stepTarget = -1;
    if (playing && m_loopA >= 0 && m_loopB > m_loopA && position >= m_loopB) {
        seek(m_loopA);
        position = m_loopA;
    }
    if (!m_positionSlider->isSliderDown())
        m_positionSlider->setValue(int(position));
    m_timeLabel->setText(tr("%1 / %2").arg(formatTime(position), formatTime(m_player->duration())));
    m_frameLabel->setText(tr("Frame %1").arg(currentFrame()));
    if (playing)
        syncComparison(position);
}

void PreviewWidget::syncComparison(qint64 position)
{
    if (!isComparing())
        return;
    const qint64 duration = m_comparePlayer->duration();
    if (duration > 0 && position >= duration)
        return; // the shorter video waits at its end
    if (m_comparePlayer->playbackState() != QMediaPlayer::PlayingState) {
        m_comparePlayer->setPosition(position);
        m_comparePlayer->play();
    } else if (qAbs(m_comparePlayer->position() - position) > 200) {
        m_comparePlayer->setPosition(position);
    }
}

void PreviewWidget::updateDuration(qint64 duration)
{
    m_positionSlider->setRange(0, int(duration));
    updatePosition(m_player->position());
}

void PreviewWidget::togglePlay()
{
    ensureMedia();
    if (!m_player || m_player->source().isEmpty())
        return;
    m_waitingForFirstFrame = false;
    if (m_player->playbackState() == QMediaPlayer::PlayingState) {
        m_player->pause();
        if (isComparing()) {
            m_comparePlayer->pause();
            m_comparePlayer->setPosition(m_player->position());
        }
    } else {
        // GStreamer loses a seek made while paused if play follows at once (it then runs on
        // the wall clock without drawing): the position is asked for again once playing.
        const qint64 from = m_stepTarget >= 0 ? m_stepTarget : m_player->position();
        m_stepTarget = -1;
        m_player->play();
        m_player->setPosition(from);
        if (isComparing()) {
            m_comparePlayer->play();
            m_comparePlayer->setPosition(from);
        }
    }
}

void PreviewWidget::seek(qint64 position)
{
    ensureMedia();
    // While paused, the picture of the new place arrives a little later: until then the frame
    // number is the one asked for.
    if (!m_player)
        return;
    m_stepTarget = m_player->playbackState() == QMediaPlayer::PlayingState ? -1 : position;
    m_player->setPosition(position);
    if (isComparing())
        m_comparePlayer->setPosition(position);
}

void PreviewWidget::stepFrame(int direction)
{
    ensureMedia();
    if (!m_player || m_player->source().isEmpty())
        return;
    m_waitingForFirstFrame = false;
    if (m_player->playbackState() == QMediaPlayer::PlayingState)
        m_player->pause();
    if (isComparing())
        m_comparePlayer->pause();
    const qint64 last = m_player->duration() > 0
            ? qint64(std::ceil(double(m_player->duration()) * m_frameRate / 1000.0)) - 1
            : 0;
    const qint64 frame = qBound<qint64>(0, currentFrame() + direction, qMax<qint64>(0, last));
    // The frame's own time, rounded up so that the seek lands inside it, not on the one before.
    m_stepTarget = qint64(std::ceil(double(frame) * 1000.0 / m_frameRate));
    m_player->setPosition(m_stepTarget);
    if (isComparing())
        m_comparePlayer->setPosition(m_stepTarget);
    updatePosition(m_stepTarget);
}

double PreviewWidget::playbackRate() const
{
    return m_speedCombo->currentData().toDouble();
}

void PreviewWidget::setPlaybackRate(double rate)
{
    int best = 0;
    for (int i = 1; i < m_speedCombo->count(); ++i) {
        if (qAbs(m_speedCombo->itemData(i).toDouble() - rate)
            < qAbs(m_speedCombo->itemData(best).toDouble() - rate))
            best = i;
    }
    m_speedCombo->setCurrentIndex(best);
}

// The list runs from fast to slow.
void PreviewWidget::slower()
{
    m_speedCombo->setCurrentIndex(
            qMin(m_speedCombo->currentIndex() + 1, m_speedCombo->count() - 1));
}

void PreviewWidget::faster()
{
    m_speedCombo->setCurrentIndex(qMax(m_speedCombo->currentIndex() - 1, 0));
}

void PreviewWidget::cycleAbLoop()
{
    ensureMedia();
    if (!m_player || m_player->source().isEmpty())
        return;
    const qint64 here = m_stepTarget >= 0 ? m_stepTarget : m_player->position();
    if (m_loopA < 0)
        setAbLoop(here, -1);
    else if (m_loopB < 0 && here > m_loopA)
        setAbLoop(m_loopA, here);
    else
        setAbLoop(-1, -1);
}

void PreviewWidget::setAbLoop(qint64 a, qint64 b)
{
    m_loopA = a;
    m_loopB = a >= 0 && b > a ? b : -1;
    updateAbLabel();
}

void PreviewWidget::updateAbLabel()
{
    if (m_loopA < 0) {
        m_abButton->setText(tr("A–B"));
        m_abButton->setToolTip(tr("A–B loop (L): the first press marks A, the second B, the "
                                  "third ends the loop"));
    } else if (m_loopB < 0) {
        m_abButton->setText(tr("A %1–B?").arg(formatTime(m_loopA)));
        m_abButton->setToolTip(tr("A is marked; press again (L) at the end of the loop"));
    } else {
        m_abButton->setText(tr("A %1–B %2").arg(formatTime(m_loopA), formatTime(m_loopB)));
        m_abButton->setToolTip(tr("Looping from A to B; press again (L) to end the loop"));
    }
}

void PreviewWidget::placeAsWindow(bool asWindow)
{
    if (asWindow == isWindow())
        return;
    if (asWindow) {
        m_home = parentWidget();
        if (!m_home)
            return;
        auto *box = qobject_cast<QBoxLayout *>(m_home->layout());
        m_homeIndex = box ? box->indexOf(this) : -1;
        if (!m_placeholder) {
            m_placeholder = new QWidget(m_home);
            m_placeholder->setObjectName(QStringLiteral("playerPlaceholder"));
            auto *text = new QLabel(tr("The player is in a window of its own."), m_placeholder);
            text->setWordWrap(true);
            auto *back = new QPushButton(tr("Bring the player bac&k"), m_placeholder);
            back->setObjectName(QStringLiteral("dockPlayerButton"));
            connect(back, &QPushButton::clicked, this, [this] {
                if (m_fullScreen)
                    toggleFullScreen();
                setDetached(false);
            });
            auto *layout = new QVBoxLayout(m_placeholder);
            layout->addStretch(1);
            layout->addWidget(text, 0, Qt::AlignHCenter);
            layout->addWidget(back, 0, Qt::AlignHCenter);
            layout->addStretch(1);
        }
        if (box)
            box->insertWidget(qMax(0, m_homeIndex), m_placeholder, 1);
        else if (m_home->layout())
            m_home->layout()->addWidget(m_placeholder);
        m_placeholder->show();
        const QSize size = this->size();
        // Still a child of the main window, so that it goes with it, but a window of its own.
        setParent(m_home->window(), Qt::Window);
        setWindowTitle(tr("DrillStudio player"));
        resize(size.expandedTo(QSize(640, 420)));
        qApp->installEventFilter(this);
    } else {
        if (!m_home)
            return;
        qApp->removeEventFilter(this);
        setParent(m_home, Qt::Widget);
        auto *box = qobject_cast<QBoxLayout *>(m_home->layout());
        if (m_placeholder) {
            const int at = box ? box->indexOf(m_placeholder) : -1;
            m_placeholder->hide();
            if (m_home->layout())
                m_home->layout()->removeWidget(m_placeholder);
            if (box && at >= 0)
                box->insertWidget(at, this, 1);
            else if (m_home->layout())
                m_home->layout()->addWidget(this);
        } else if (m_home->layout()) {
            m_home->layout()->addWidget(this);
        }
    }
    for (QShortcut *shortcut : std::as_const(m_ownShortcuts))
        shortcut->setEnabled(asWindow);
    for (QShortcut *shortcut : std::as_const(m_hostShortcuts))
        shortcut->setEnabled(!asWindow);
    show();
}

void PreviewWidget::setDetached(bool detached)
{
    if (m_fullScreen) {
        m_detached = detached;
        toggleFullScreen();
        return;
    }
    if (detached == m_detached)
        return;
    m_detached = detached;
    placeAsWindow(detached);
    if (detached) {
        showNormal();
        raise();
        activateWindow();
    } else {
        window()->activateWindow();
    }
    m_detachButton->setToolTip(detached ? tr("Put the player back in the main window (D)")
                                        : tr("Player in its own window, for a second screen (D)"));
    m_detachButton->setAccessibleName(detached ? tr("Put the player back")
                                               : tr("Player in its own window"));
    Q_EMIT detachedChanged(detached);
}

void PreviewWidget::toggleFullScreen()
{
    if (!m_fullScreen) {
        m_fullScreen = true;
        placeAsWindow(true);
        showFullScreen();
        raise();
        activateWindow();
    } else {
        m_fullScreen = false;
        showNormal();
        if (!m_detached)
            placeAsWindow(false);
        if (m_detached)
            Q_EMIT detachedChanged(true);
    }
    m_fullScreenButton->setToolTip(m_fullScreen ? tr("Leave full screen (F or Escape)")
                                                : tr("Full screen (F; Escape leaves it)"));
}

void PreviewWidget::closeEvent(QCloseEvent *event)
{
    // Closing the player's own window puts the player back; it does not stop the application.
    if (isWindow() && m_home) {
        event->ignore();
        if (m_fullScreen)
            toggleFullScreen();
        setDetached(false);
        return;
    }
    QWidget::closeEvent(event);
}

bool PreviewWidget::eventFilter(QObject *watched, QEvent *event)
{
    // The main window's shortcuts reach the player's own window too. There, the same rule as
    // in the main window holds (buttons keep Space), and Escape only leaves full screen.
    if (event->type() == QEvent::ShortcutOverride && watched->isWidgetType() && isWindow()) {
        auto *widget = static_cast<QWidget *>(watched);
        const auto *key = static_cast<QKeyEvent *>(event);
        if (widget->window() == this && key->key() == Qt::Key_Escape && m_fullScreen
            && key->modifiers() == Qt::NoModifier) {
            event->accept();
            QMetaObject::invokeMethod(this, &PreviewWidget::toggleFullScreen, Qt::QueuedConnection);
            return true;
        }
        if (widget->window() == this && focusKeepsKey(widget, key)) {
            event->accept();
            return true;
        }
    }
    return QWidget::eventFilter(watched, event);
}

QImage PreviewWidget::currentImage() const
{
    if (!m_video)
        return {};
    return m_video->videoSink()->videoFrame().toImage();
}

bool PreviewWidget::snapshot()
{
    ensureMedia();
    const QImage image = currentImage();
    if (!m_player || m_player->source().isEmpty() || image.isNull()) {
        m_messageLabel->setToolTip(QString());
        showError(tr("There is no picture to save yet."));
        return false;
    }
    const QString base = QFileInfo(m_player->source().toLocalFile()).completeBaseName();
    QString folder = QStandardPaths::writableLocation(QStandardPaths::PicturesLocation);
    if (folder.isEmpty() || !QFileInfo(folder).isDir())
        folder = QDir::homePath();
    QString path = m_askSavePath(
            QDir(folder).filePath(QStringLiteral("%1-frame-%2.png").arg(base).arg(currentFrame())));
    if (path.isEmpty())
        return false;
    if (!path.endsWith(QLatin1String(".png"), Qt::CaseInsensitive))
        path += QLatin1String(".png");
    if (!image.save(path, "PNG")) {
        m_messageLabel->setToolTip(QString());
        showError(tr("The picture could not be saved as %1.").arg(QDir::toNativeSeparators(path)));
        return false;
    }
    m_messageLabel->hide();
    Q_EMIT snapshotSaved(path);
    return true;
}

void PreviewWidget::setComparisonSource(const QString &filePath)
{
    if (filePath.isEmpty() && !m_player)
        return;
    ensureMedia();
    if (filePath.isEmpty()) {
        m_comparePlayer->stop();
        m_comparePlayer->setSource(QUrl());
        m_compareVideo->hide();
    } else {
        m_comparePlayer->setSource(QUrl::fromLocalFile(filePath));
        m_comparePlayer->setPlaybackRate(playbackRate());
        m_comparePlayer->setLoops(QMediaPlayer::Once);
        m_compareVideo->show();
        // Show its picture at the same place as the first video.
        m_comparePlayer->setPosition(m_player->position());
        m_comparePlayer->play();
        if (m_player->playbackState() != QMediaPlayer::PlayingState) {
            auto *once = new QObject(this);
            connect(m_compareVideo->videoSink(), &QVideoSink::videoFrameChanged, once,
                    [this, once] {
                        delete once;
                        if (m_player->playbackState() != QMediaPlayer::PlayingState) {
                            m_comparePlayer->pause();
                            m_comparePlayer->setPosition(m_stepTarget >= 0 ? m_stepTarget
                                                                           : m_player->position());
                        }
                    });
        }
    }
    m_compareButton->setText(isComparing() ? tr("End comparison") : tr("Compare…"));
    m_compareButton->setAccessibleName(isComparing() ? tr("End the comparison")
                                                     : tr("Compare with another video"));
}

bool PreviewWidget::isComparing() const
{
    return m_comparePlayer && !m_comparePlayer->source().isEmpty();
}

void PreviewWidget::updateButtons()
{
    const bool hasSource = m_player && !m_player->source().isEmpty();
    const bool playing = m_player && m_player->playbackState() == QMediaPlayer::PlayingState
            && !m_waitingForFirstFrame;
    m_playButton->setIcon(
            style()->standardIcon(playing ? QStyle::SP_MediaPause : QStyle::SP_MediaPlay));
    for (QWidget *control :
         {static_cast<QWidget *>(m_playButton), static_cast<QWidget *>(m_previousFrameButton),
          static_cast<QWidget *>(m_nextFrameButton), static_cast<QWidget *>(m_positionSlider),
          static_cast<QWidget *>(m_abButton), static_cast<QWidget *>(m_snapshotButton),
          static_cast<QWidget *>(m_compareButton)})
        control->setEnabled(hasSource);
}

QList<QShortcut *> PreviewWidget::addShortcuts(QWidget *host)
{
    const QList<QPair<QKeySequence, std::function<void()>>> keys = {
            {QKeySequence(Qt::Key_Space),
             [this] {
                 togglePlay();
             }},
            {QKeySequence(Qt::Key_Comma),
             [this] {
                 stepFrame(-1);
             }},
            {QKeySequence(Qt::Key_Period),
             [this] {
                 stepFrame(1);
             }},
            {QKeySequence(Qt::Key_BracketLeft),
             [this] {
                 slower();
             }},
            {QKeySequence(Qt::Key_BracketRight),
             [this] {
                 faster();
             }},
            {QKeySequence(Qt::Key_L),
             [this] {
                 cycleAbLoop();
             }},
            {QKeySequence(Qt::Key_S),
             [this] {
                 snapshot();
             }},
            {QKeySequence(Qt::Key_F),
             [this] {
                 toggleFullScreen();
             }},
            {QKeySequence(Qt::Key_D),
             [this] {
                 setDetached(!m_detached);
             }},
    };
    QList<QShortcut *> made;
    for (const auto &[sequence, action] : keys) {
        auto *shortcut = new QShortcut(sequence, host);
        shortcut->setContext(Qt::WindowShortcut);
        connect(shortcut, &QShortcut::activated, this, action);
        made << shortcut;
    }
    return made;
}

void PreviewWidget::installShortcuts(QWidget *host)
{
    m_hostShortcuts = addShortcuts(host);
    for (QShortcut *shortcut : std::as_const(m_hostShortcuts))
        shortcut->setEnabled(!isWindow());
}

QList<QPair<QString, QString>> PreviewWidget::shortcutList()
{
    return {
            {tr("Space"), tr("Play or pause")},
            {tr(", and ."), tr("One frame back or forward")},
            {tr("Left and Right on the position bar"), tr("Seek")},
            {tr("[ and ]"), tr("Slower or faster (0.1× to 2×)")},
            {tr("L"), tr("A–B loop: mark A, mark B, end the loop")},
            {tr("S"), tr("Save the frame as a PNG picture")},
            {tr("F"), tr("Full screen (Escape leaves it)")},
            {tr("D"), tr("Player in its own window, or back")},
    };
}

bool PreviewWidget::focusKeepsKey(const QWidget *focus, const QKeyEvent *event)
{
    if (!focus)
        return false;
    if (event->modifiers() & (Qt::ControlModifier | Qt::AltModifier | Qt::MetaModifier))
        return false;
    const int key = event->key();
    if (key == Qt::Key_Escape || (key >= Qt::Key_F1 && key <= Qt::Key_F35))
        return false;
    return qobject_cast<const QAbstractButton *>(focus) || qobject_cast<const QLineEdit *>(focus)
            || qobject_cast<const QPlainTextEdit *>(focus) || qobject_cast<const QTextEdit *>(focus)
            || qobject_cast<const QAbstractSpinBox *>(focus)
            || qobject_cast<const QComboBox *>(focus);
}
