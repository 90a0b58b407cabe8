#pragma once
// Derived images of a rendered MP4, like the remote API's content variants: a WebP thumbnail
// and a JPEG spritesheet, both encoded with FFmpeg's libraries.
#include <QString>

namespace ContentVariants {

// A WebP still of the video (a frame about one second in), same size as the video.
bool writeThumbnailWebp(const QString &mp4Path, const QString &outputPath,
                        QString *error = nullptr);

// A JPEG grid of frames sampled evenly over the video.
bool writeSpritesheetJpeg(const QString &mp4Path, const QString &outputPath,
                          QString *error = nullptr);

// Layout of the spritesheet: columns and rows of tiles, and the longer side of one tile.
inline constexpr int kSpritesheetColumns = 5;
inline constexpr int kSpritesheetRows = 4;
inline constexpr int kSpritesheetTileLongSide = 256;

} // namespace ContentVariants
