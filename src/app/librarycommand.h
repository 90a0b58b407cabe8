#pragma once
// "drillstudio library": import recorded demonstrations, list and remove them, extend the drill
// synonyms, and try which video a drill text would get.
#include <QStringList>

namespace Cli {

int runLibraryCommand(const QStringList &arguments);

} // namespace Cli
