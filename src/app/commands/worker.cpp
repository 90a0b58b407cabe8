// "worker": works through the shared queue (for example a team's PostgreSQL store).
#include "commands.h"

#include "appcontext.h"
#include "cliutil.h"
#include "jobmanager.h"
#include "jobstore.h"

#include <QCommandLineParser>
#include <QTextStream>
#include <QTimer>

namespace Cli {

int worker(const QStringList &arguments)
{
    QCommandLineParser parser;
    addCommon(parser);
    const QCommandLineOption untilIdle(QStringLiteral("until-idle"),
                                       Text::tr("Stop when no job is left to do."));
    parser.addOption(untilIdle);
    if (!parser.parse(arguments))
        return fail(parser.errorText(), Cli::BadInput);
    if (parser.isSet(QStringLiteral("help")))
        parser.showHelp(Cli::Ok);
    AppContext context;
    AppContext::Options options;
    options.dataDir = parser.value(QStringLiteral("data-dir"));
    options.claimForeignJobs = true;
    if (!context.open(options))
        return fail(context.errorString());
    err() << Text::tr("Working on the job queue; stop with Ctrl+C.") << Qt::endl;
    if (parser.isSet(untilIdle)) {
        QTimer idleCheck;
        idleCheck.setInterval(1000);
        QObject::connect(&idleCheck, &QTimer::timeout, &context, [&context] {
            if (context.jobs()->activeJobCount() == 0
                && context.store()->unfinishedJobs().isEmpty())
                QCoreApplication::exit(0);
        });
        idleCheck.start();
        return QCoreApplication::exec();
    }
    return QCoreApplication::exec();
}

} // namespace Cli
