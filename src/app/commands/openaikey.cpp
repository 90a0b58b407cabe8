// "openai-key": puts the API key into the system keychain. The key is read from standard input
// (without echo on a terminal), never from the command line.
#include "commands.h"

#include "cliutil.h"
#include "openai/openaikeychain.h"

#include <QCommandLineParser>
#include <QTextStream>

#include <cstdio>
#include <termios.h>
#include <unistd.h>

namespace Cli {

int openaiKey(const QStringList &arguments)
{
    QCommandLineParser parser;
    addCommon(parser);
    parser.addPositionalArgument(QStringLiteral("action"),
                                 Text::tr("set: read the key from standard input and store it."),
                                 QStringLiteral("set"));
    if (!parser.parse(arguments))
        return fail(parser.errorText(), Cli::BadInput);
    if (parser.isSet(QStringLiteral("help")))
        parser.showHelp(Cli::Ok);
    if (parser.positionalArguments().value(1) != QLatin1String("set"))
        return fail(Text::tr("Say what to do: drillstudio openai-key set (the key is read from "
                             "standard input)."),
                    Cli::BadInput);
    if (!OpenAIKeychain::isAvailable())
        return fail(Text::tr("This build has no keychain support; put the key in "
                             "OPENAI_API_KEY or in the .env file named by openai/envFile."));
    const bool terminal = isatty(fileno(stdin));
    termios saved {};
    if (terminal) {
        err() << Text::tr("API key (not shown): ") << Qt::flush;
        tcgetattr(fileno(stdin), &saved);
        termios quiet = saved;
        quiet.c_lflag &= ~tcflag_t(ECHO);
        tcsetattr(fileno(stdin), TCSANOW, &quiet);
    }
    QTextStream in(stdin);
    const QString key = in.readLine(4096).trimmed();
    if (terminal) {
        tcsetattr(fileno(stdin), TCSANOW, &saved);
        err() << Qt::endl;
    }
    if (key.isEmpty())
        return fail(Text::tr("No key was given on standard input; nothing was stored."),
                    Cli::BadInput);
    if (key.size() > 1024 || key.contains(QLatin1Char(' ')))
        return fail(Text::tr("That does not look like an API key (spaces, or over 1,024 "
                             "characters); nothing was stored."),
                    Cli::BadInput);
    OpenAIKeychain keychain;
    int exitCode = Cli::Failed;
    QObject::connect(&keychain, &OpenAIKeychain::keyStored, &keychain,
                     [&exitCode](bool ok, const QString &error) {
                         if (ok) {
                             out() << Text::tr("The API key is stored in the system keychain.")
                                   << Qt::endl;
                             exitCode = Cli::Ok;
                         } else {
                             fail(Text::tr("The keychain could not store the key (%1). Is a "
                                           "keychain service such as GNOME Keyring or "
                                           "KWallet running? Otherwise use OPENAI_API_KEY "
                                           "or the .env file named by openai/envFile.")
                                          .arg(error));
                         }
                         QCoreApplication::exit(exitCode);
                     });
    keychain.store(key);
    QCoreApplication::exec();
    return exitCode;
}

} // namespace Cli
