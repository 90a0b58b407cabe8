#pragma once
// Checks a video file the window is asked to open (from the command line or a file manager).
#include <QString>

namespace VideoFile {

// The local path of a path or file:// URL.
QString localPath(const QString &pathOrUrl);
// Why the file cannot be played, in words a coach understands; empty when it looks playable.
QString problem(const QString &pathOrUrl);

} // namespace VideoFile
