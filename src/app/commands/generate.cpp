// "generate": makes the video for one run's drill and prints its path.
#include "commands.h"

#include "appcontext.h"
#include "cliutil.h"
#include "jobmanager.h"
#include "jobspec.h"
#include "openai/openaiprovider.h"
#include "settings.h"
#include "videostore.h"

#include <QCommandLineParser>
#include <QDir>
#include <QFile>
#include <QLocale>
#include <QTextStream>
#include <QUrl>

#include <cstdio>
#include <unistd.h>

namespace Cli {

int generate(const QStringList &arguments)
{
    QCommandLineParser parser;
    addCommon(parser);
    const QCommandLineOption runId(QStringLiteral("run-id"), Text::tr("The run the video is for."),
                                   Text::tr("id"));
    const QCommandLineOption drill(QStringLiteral("drill"), Text::tr("The drill text."),
                                   Text::tr("text"));
    const QCommandLineOption drillFile(QStringLiteral("drill-file"),
                                       Text::tr("Read the drill text from <file> (- for standard "
                                                "input)."),
                                       Text::tr("file"));
    const QCommandLineOption provider(QStringLiteral("provider"),
                                      Text::tr("local or openai (default: from settings)."),
                                      Text::tr("name"));
    const QCommandLineOption size(QStringLiteral("size"), Text::tr("Video size, e.g. 1280x720."),
                                  Text::tr("WxH"));
    const QCommandLineOption seconds(QStringLiteral("seconds"),
                                     Text::tr("Video length in seconds."), Text::tr("n"));
    const QCommandLineOption force(QStringLiteral("force"),
                                   Text::tr("Generate again even if the drill is cached."));
    const QCommandLineOption baseUrl(QStringLiteral("base-url"),
                                     Text::tr("Address of an OpenAI-compatible video API for this "
                                              "call, e.g. http://127.0.0.1:8000/v1 (default: "
                                              "openai/baseUrl from settings)."),
                                     Text::tr("url"));
    const QCommandLineOption model(QStringLiteral("model"),
                                   Text::tr("Model for the openai provider for this call (default: "
                                            "generation/model from settings)."),
                                   Text::tr("name"));
    parser.addOptions({runId, drill, drillFile, provider, size, seconds, force, baseUrl, model});
    if (!parser.parse(arguments))
        return fail(parser.errorText(), Cli::BadInput);
    if (parser.isSet(QStringLiteral("help")))
        parser.showHelp(Cli::Ok);

    if (!parser.isSet(runId))
        return fail(Text::tr("--run-id is required."), Cli::BadInput);
    const auto id = runIdFrom(parser);
    if (!id)
        return Cli::BadInput;
    QString text;
    if (parser.isSet(drill) == parser.isSet(drillFile))
        return fail(Text::tr("Give the drill text with --drill or --drill-file (one of them)."),
                    Cli::BadInput);
    if (parser.isSet(drill)) {
        text = parser.value(drill);
    } else {
        QFile file;
        const QString name = parser.value(drillFile);
        const bool ok = name == QLatin1String("-")
                ? file.open(stdin, QIODevice::ReadOnly)
                : (file.setFileName(name), file.open(QIODevice::ReadOnly));
        if (!ok)
            return fail(Text::tr("Cannot read the drill file %1: %2").arg(name, file.errorString()),
                        Cli::BadInput);
        const QByteArray bytes = file.read(64 * 1024);
        text = QString::fromUtf8(bytes);
        if (text.toUtf8() != bytes)
            return fail(Text::tr("The drill file is not UTF-8 text."), Cli::BadInput);
    }
    const QString drillError = JobSpec::validateDrillText(text);
    if (!drillError.isEmpty())
        return fail(drillError, Cli::BadInput);

    // Check the option values before touching the data folder.
    const std::pair<const QCommandLineOption *, const char *> checkedOptions[]
            = {{&provider, "generation/provider"},
               {&size, "generation/size"},
               {&seconds, "generation/seconds"},
               {&baseUrl, "openai/baseUrl"},
               {&model, "generation/model"}};
    for (const auto &[option, key] : checkedOptions) {
        if (!parser.isSet(*option))
            continue;
        const QString error = Settings::validate(key, parser.value(*option));
        if (!error.isEmpty())
            return fail(Text::tr("%1: %2").arg(QStringLiteral("--") + option->names().constFirst(),
                                               error),
                        Cli::BadInput);
    }

    AppContext context;
    if (!openContext(context, parser, true))
        return Cli::Failed;
    JobSpec spec = JobSpec::fromSettings(*context.settings(), *id, text);
    if (parser.isSet(provider)) {
        // A provider named here is the only one asked ("library": the drill library alone).
        spec.provider = parser.value(provider);
        spec.useLibrary = spec.provider == QLatin1String("library");
    }
    if (parser.isSet(model))
        spec.model = parser.value(model).trimmed();
    // Only for this call: the settings file keeps its address.
    if (parser.isSet(baseUrl)) {
        if (auto *openai
            = qobject_cast<OpenAIProvider *>(context.jobs()->provider(QStringLiteral("openai"))))
            openai->setBaseUrlOverride(QUrl(parser.value(baseUrl).trimmed()));
    }
    // The provider refuses an unencrypted address on another machine too; saying it here keeps
    // a refused call out of the job list.
    if (spec.provider == QLatin1String("openai")) {
        if (const auto *openai
            = qobject_cast<OpenAIProvider *>(context.jobs()->provider(QStringLiteral("openai")))) {
            const OpenAIConfig config = openai->currentConfig();
            if (const QString refusal = config.checkTransport(); !refusal.isEmpty())
                return fail(refusal);
            if (config.sendsKeyInClearText())
                err() << config.insecureWarning() << Qt::endl;
        }
    }
    if (parser.isSet(size))
        spec.size = parseVideoSize(parser.value(size));
    if (parser.isSet(seconds))
        spec.seconds = parser.value(seconds).toInt();
    spec.force = parser.isSet(force);

    JobManager *jobs = context.jobs();
    const bool showProgress = isatty(fileno(stderr));
    int exitCode = Cli::Failed;
    QString jobId;
    auto finish = [&](const JobRecord &job) {
        if (showProgress)
            err() << '\r' << QString(40, QLatin1Char(' ')) << '\r';
        out() << QDir::toNativeSeparators(context.videos()->absolutePath(job.filePath)) << Qt::endl;
        exitCode = Cli::Ok;
    };
    QObject::connect(jobs, &JobManager::jobProgress, &context,
                     [&](const QString &job, int p, qint64 msLeft) {
                         if (!showProgress || job != jobId)
                             return;
                         err() << '\r'
                               << (msLeft >= 0 ? Text::tr("Generating… %1% (about %2 s left)")
                                                         .arg(p)
                                                         .arg((msLeft + 999) / 1000)
                                               : Text::tr("Generating… %1%").arg(p))
                               << QStringLiteral("    ") << Qt::flush;
                     });
    QObject::connect(jobs, &JobManager::jobDownloadProgress, &context,
                     [&](const QString &job, qint64 bytes, qint64 total) {
                         if (!showProgress || job != jobId)
                             return;
                         const QString done = QLocale().formattedDataSize(bytes);
                         err() << '\r'
                               << (total > 0
                                           ? Text::tr("Downloading… %1 of %2")
                                                     .arg(done, QLocale().formattedDataSize(total))
                                           : Text::tr("Downloading… %1").arg(done))
                               << QStringLiteral("    ") << Qt::flush;
                     });
    QObject::connect(jobs, &JobManager::jobFinished, &context, [&](const JobRecord &job) {
        if (job.id != jobId)
            return;
        finish(job);
        QCoreApplication::exit(Cli::Ok);
    });
    QObject::connect(jobs, &JobManager::jobFailed, &context, [&](const JobRecord &job) {
        if (job.id != jobId)
            return;
        if (showProgress)
            err() << Qt::endl;
        exitCode = fail(Text::tr("The video could not be generated: %1").arg(job.errorMessage));
        QCoreApplication::exit(Cli::Failed);
    });

    const double estimate = jobs->estimateCost(spec);
    if (estimate > 0)
        err() << Text::tr("Estimated cost if it is not in the cache: $%1 (openai/prices).")
                         .arg(estimate, 0, 'f', 2)
              << Qt::endl;
    const JobManager::Submission submission = jobs->submit(spec);
    switch (submission.kind) {
    case JobManager::Submission::Kind::Rejected:
        return fail(submission.error, Cli::Failed);
    case JobManager::Submission::Kind::CacheHit:
        if (submission.job.provider == QLatin1String("library"))
            err() << Text::tr("Run %1: answered from the drill library; nothing was generated.")
                             .arg(*id)
                  << Qt::endl
                  << submission.libraryExplanation << Qt::endl;
        else
            err() << Text::tr("Run %1: the video is in the cache; nothing was generated.").arg(*id)
                  << Qt::endl;
        finish(submission.job);
        return exitCode;
    case JobManager::Submission::Kind::Joined:
    case JobManager::Submission::Kind::Started:
        jobId = submission.job.id;
        QCoreApplication::exec();
        return exitCode;
    }
    return exitCode;
}

} // namespace Cli
