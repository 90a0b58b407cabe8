#pragma once
// What every command of the command line shares: output streams, errors, common options and
// opening the data folder.
#include "cli.h"

#include <QCommandLineOption>
#include <QCoreApplication>
#include <QString>

#include <optional>

class AppContext;
class QCommandLineParser;
class QTextStream;

namespace Cli {

// Gives the command line's texts the translation context "Cli".
struct Text
{
    Q_DECLARE_TR_FUNCTIONS(Cli)
};

QTextStream &out();
QTextStream &err();

// Prints "drillstudio: <message>" on standard error and returns code.
int fail(const QString &message, int code = Failed);

QCommandLineOption dataDirOptionDef();

// The description and the options every command accepts (--data-dir, --verbose, help, version).
void addCommon(QCommandLineParser &parser);

// Opens the data folder named by --data-dir (or the default); prints why not, and each settings
// problem as a warning.
bool openContext(AppContext &context, const QCommandLineParser &parser, bool startJobs = false);

// The value of --run-id, checked by core's one rule; prints why not.
std::optional<qint64> runIdFrom(const QCommandLineParser &parser);

// Asks a yes/no question on a terminal; false when standard input is not one.
bool confirm(const QString &question);

} // namespace Cli
