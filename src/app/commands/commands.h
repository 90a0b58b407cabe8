#pragma once
// One function per sub-command; each parses its own options and returns the exit code.
#include <QStringList>

namespace Cli {

int generate(const QStringList &arguments);
int batch(const QStringList &arguments);
int worker(const QStringList &arguments);
#ifdef DRILLSTUDIO_WITH_SERVER
int serve(const QStringList &arguments);
#endif
int openaiKey(const QStringList &arguments);
int cache(const QStringList &arguments);

} // namespace Cli
