#pragma once
// Renders a drill text into an MP4: frame painting plus encoding, on the calling thread.
#include <QSize>
#include <QString>

#include <functional>

struct RenderRequest
{
    QString drillText;
    QString cornerLabel; // for example "Run 42"
    QSize size {1280, 720};
    int seconds = 4;
    int fps = 30;
};

class DrillRenderer
{
public:
    // Called after each frame with (framesDone, framesTotal); returning false cancels.
    using ProgressCallback = std::function<bool(int, int)>;

    // Writes an MP4 to outputPath. On failure or cancel the partial file is removed.
    static bool render(const RenderRequest &request, const QString &outputPath,
                       QString *error = nullptr, const ProgressCallback &progress = {});

    static bool isSupportedSize(QSize size);
};
