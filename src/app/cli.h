#pragma once
// The command line: finds the sub-command and runs it (one file per command in commands/).
#include <QCoreApplication>
#include <QStringList>

class AppContext;

namespace Cli {

enum ExitCode { Ok = 0, Failed = 1, BadInput = 2 };

// The first word that is not an option (or the value of one): "generate", "cache", ...
QString subcommand(const QStringList &arguments);

// The value of --data-dir, when given.
QString dataDirOption(const QStringList &arguments);
// The video file the window is asked to play: "drillstudio open FILE", or a FILE that is not a
// command ("drillstudio clip.mp4", as a file manager starts it). Empty when none.
QString fileToOpen(const QStringList &arguments);

// Checks the arguments of a GUI start (no sub-command). Returns -1 to go on, else an exit code.
int checkGuiArguments(const QStringList &arguments);

// Runs the sub-command; returns the process exit code. May start the event loop.
int run(const QStringList &arguments);

} // namespace Cli
