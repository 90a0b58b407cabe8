// The executable's command-line parsing: finds the sub-command and hands over to its file in
// commands/.
#include "cli.h"

#include "cliutil.h"
#include "commands/commands.h"
#include "fileargument.h"
#include "librarycommand.h"
#include "logfile.h"

#include <QCommandLineParser>
#include <QTextStream>

namespace {

const QStringList kCommands
        = {QStringLiteral("generate"), QStringLiteral("batch"), QStringLiteral("worker"),
           QStringLiteral("cache"),    QStringLiteral("serve"), QStringLiteral("openai-key"),
           QStringLiteral("library")};
// Options that take a value, so that their value is not mistaken for the sub-command.
const QStringList kValueOptions
        = {QStringLiteral("--data-dir"),   QStringLiteral("--run-id"),   QStringLiteral("--drill"),
           QStringLiteral("--drill-file"), QStringLiteral("--provider"), QStringLiteral("--size"),
           QStringLiteral("--seconds"),    QStringLiteral("--base-url"), QStringLiteral("--model"),
           QStringLiteral("--host"),       QStringLiteral("--port")};

} // namespace

namespace Cli {

QString subcommand(const QStringList &arguments)
{
    for (int i = 1; i < arguments.size(); ++i) {
        const QString &arg = arguments.at(i);
        if (arg == QLatin1String("--"))
            return arguments.value(i + 1);
        if (arg.startsWith(QLatin1Char('-'))) {
            if (kValueOptions.contains(arg))
                ++i;
            continue;
        }
        return arg;
    }
    return {};
}

QString fileToOpen(const QStringList &arguments)
{
    return FileArgument::fileToOpen(subcommand(arguments), arguments, kCommands);
}

QString dataDirOption(const QStringList &arguments)
{
    QCommandLineParser parser;
    parser.addOption(dataDirOptionDef());
    parser.parse(arguments);
    return parser.value(QStringLiteral("data-dir"));
}

int checkGuiArguments(const QStringList &arguments)
{
    QCommandLineParser parser;
    addCommon(parser);
    if (!parser.parse(arguments))
        return fail(parser.errorText(), BadInput);
    return -1;
}

int run(const QStringList &arguments)
{
    // A command's own output stays readable; the details are in drillstudio.log.
    LogFile::setQuietStderr(!arguments.contains(QLatin1String("--verbose")));
    const QString command = subcommand(arguments);
    if (command == QLatin1String("generate"))
        return generate(arguments);
    if (command == QLatin1String("cache"))
        return cache(arguments);
    if (command == QLatin1String("batch"))
        return batch(arguments);
    if (command == QLatin1String("openai-key"))
        return openaiKey(arguments);
    if (command == QLatin1String("worker"))
        return worker(arguments);
    if (command == QLatin1String("library"))
        return runLibraryCommand(arguments);
    if (command == QLatin1String("serve")) {
#ifdef DRILLSTUDIO_WITH_SERVER
        return serve(arguments);
#else
        return fail(Text::tr("This build has no REST server."), BadInput);
#endif
    }

    QCommandLineParser parser;
    addCommon(parser);
    if (!parser.parse(arguments))
        return fail(parser.errorText(), BadInput);
    if (parser.isSet(QStringLiteral("version")))
        parser.showVersion();
    if (parser.isSet(QStringLiteral("help")))
        parser.showHelp(Ok);
    if (!fileToOpen(arguments).isEmpty())
        return fail(Text::tr("This build has no window to play a video in."), BadInput);
    if (!command.isEmpty())
        return fail(Text::tr("Unknown command \"%1\". Commands: %2.")
                            .arg(command, kCommands.join(QStringLiteral(", "))),
                    BadInput);
#ifndef DRILLSTUDIO_WITH_GUI
    err() << Text::tr("This build has no window. Use a command:") << Qt::endl;
    parser.showHelp(BadInput);
#endif
    return Ok;
}

} // namespace Cli
