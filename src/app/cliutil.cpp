#include "cliutil.h"

#include "appcontext.h"
#include "jobspec.h"
#include "settings.h"

#include <QCommandLineParser>
#include <QDir>
#include <QTextStream>

#include <cstdio>
#include <unistd.h>

namespace Cli {

QTextStream &out()
{
    static QTextStream stream(stdout);
    return stream;
}

QTextStream &err()
{
    static QTextStream stream(stderr);
    return stream;
}

int fail(const QString &message, int code)
{
    err() << Text::tr("drillstudio: %1").arg(message) << Qt::endl;
    return code;
}

QCommandLineOption dataDirOptionDef()
{
    return {QStringLiteral("data-dir"),
            Text::tr("Keep the database and the videos in <dir> (default: $DRILLSTUDIO_DATA_DIR, "
                     "then "
                     "%1).")
                    .arg(QDir::toNativeSeparators(AppContext::resolveDataDir(QString()))),
            Text::tr("dir")};
}

void addCommon(QCommandLineParser &parser)
{
    parser.setApplicationDescription(Text::tr(
            "DrillStudio turns training-drill texts into short videos, keeps them in a cache "
            "and serves them to the web frontend.\n\n"
            "Commands:\n"
            "  (none)     open the window\n"
            "  open FILE  open the window and play a video file (FILE alone does the same)\n"
            "  generate   make the video for a run's drill and print its path\n"
            "  batch      make the videos for many runs from a JSON-lines file\n"
            "  worker     work through the shared job queue\n"
            "  openai-key store the openai provider's API key in the system keychain\n"
            "  cache      list, clear, check, measure or evict the cached videos\n"
            "  library    import recorded drill videos that answer before anything is generated\n"
            "  serve      answer the web frontend's REST calls and work on the job queue"));
    parser.addOption(dataDirOptionDef());
    parser.addOption({QStringLiteral("verbose"),
                      Text::tr("Also print informational messages (they always go to the log "
                               "file in the data folder).")});
    parser.addHelpOption();
    parser.addVersionOption();
    parser.addPositionalArgument(
            QStringLiteral("command"),
            Text::tr("generate, batch, worker, serve, openai-key, cache, library, "
                     "open FILE, or a video file to play"),
            QStringLiteral("[command | FILE]"));
}

bool openContext(AppContext &context, const QCommandLineParser &parser, bool startJobs)
{
    AppContext::Options options;
    options.dataDir = parser.value(QStringLiteral("data-dir"));
    options.startJobs = startJobs;
    options.claimForeignJobs = false;
    if (!context.open(options)) {
        fail(context.errorString());
        return false;
    }
    for (const QString &problem : context.settings()->problems())
        err() << Text::tr("warning: %1").arg(problem) << Qt::endl;
    return true;
}

std::optional<qint64> runIdFrom(const QCommandLineParser &parser)
{
    QString error;
    const auto id = JobSpec::parseRunId(parser.value(QStringLiteral("run-id")), &error);
    if (!id)
        fail(error, Cli::BadInput);
    return id;
}

bool confirm(const QString &question)
{
    if (!isatty(fileno(stdin)))
        return false;
    err() << question << Text::tr(" [y/N] ") << Qt::flush;
    QTextStream in(stdin);
    const QString answer = in.readLine().trimmed().toLower();
    return answer == QLatin1String("y") || answer == QLatin1String("yes")
            || answer == QStringLiteral("はい");
}

} // namespace Cli
