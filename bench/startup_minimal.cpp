// The reference of bench_startup: a minimal Qt window holding a QMediaPlayer and a QVideoWidget.
// With DRILLSTUDIO_STARTUP_PROBE set it prints when it is first shown (its player exists from the
// start, so it is ready then too) and its peak memory once settled, and quits.
#include "startupprobe.h"

#include <QApplication>
#include <QMainWindow>
#include <QMediaPlayer>
#include <QVideoWidget>

int main(int argc, char *argv[])
{
    QApplication app(argc, argv);
    QMainWindow window;
    auto *video = new QVideoWidget(&window);
    window.setCentralWidget(video);
    QMediaPlayer player;
    player.setVideoOutput(video);
    window.resize(1100, 720);
    window.show();
    StartupProbe::watch(&window);
    StartupProbe::ready();
    return app.exec();
}
