#pragma once
// The video file the window is asked to play, from the sub-command position of the command line:
// "drillstudio open FILE", or a FILE that is not a command ("drillstudio clip.mp4", as a file
// manager starts it through the .desktop file's Exec=drillstudio %f).
#include <QString>
#include <QStringList>

namespace FileArgument {

// command: the first positional argument; commands: the names of the sub-commands.
inline QString fileToOpen(const QString &command, const QStringList &arguments,
                          const QStringList &commands)
{
    if (command.isEmpty() || commands.contains(command))
        return {};
    if (command == QLatin1String("open")) {
        const qsizetype at = arguments.indexOf(command);
        // "open" alone: the window says that the file is missing.
        return at + 1 < arguments.size() ? arguments.at(at + 1) : QStringLiteral(" ");
    }
    // A path, a file:// URL, or a file name with an extension.
    if (command.contains(QLatin1Char('/')) || command.contains(QLatin1Char('.')))
        return command;
    return {};
}

} // namespace FileArgument
