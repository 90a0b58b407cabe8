#pragma once
// Sends Qt's log messages to stderr and to a size-capped file in the data folder.
#include <QString>

namespace LogFile {

// Installs the message handler. When the file passes maxBytes it is rotated to "<file>.1".
// Returns false (and logs to stderr only) when the file cannot be opened.
bool install(const QString &filePath, qint64 maxBytes = 2 * 1024 * 1024);

// Keeps informational messages out of stderr (they still go to the file); warnings stay.
void setQuietStderr(bool quiet);

// Restores Qt's default handler and closes the file.
void uninstall();

} // namespace LogFile
