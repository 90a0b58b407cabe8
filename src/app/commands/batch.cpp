// "batch": many drills at once from a JSON-lines file, one video per distinct drill.
#include "commands.h"

#include "appcontext.h"
#include "cliutil.h"
#include "jobmanager.h"
#include "jobspec.h"
#include "settings.h"
#include "videostore.h"

#include <QCommandLineParser>
#include <QDir>
#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSet>
#include <QTextStream>

namespace Cli {

namespace {

// Waits for every given job to end; prints one line per job. Returns the number that failed.
int waitForJobs(AppContext &context, QSet<QString> pending, bool quiet)
{
    int failures = 0;
    if (pending.isEmpty())
        return 0;
    JobManager *jobs = context.jobs();
    QObject::connect(jobs, &JobManager::jobFinished, &context, [&](const JobRecord &job) {
        if (pending.remove(job.id) && !quiet)
            out() << job.id << ' ' << Text::tr("completed") << ' '
                  << QDir::toNativeSeparators(context.videos()->absolutePath(job.filePath))
                  << Qt::endl;
        if (pending.isEmpty())
            QCoreApplication::exit(0);
    });
    QObject::connect(jobs, &JobManager::jobFailed, &context, [&](const JobRecord &job) {
        if (!pending.remove(job.id))
            return;
        ++failures;
        err() << job.id << ' ' << jobStatusToString(job.status) << ": " << job.errorMessage
              << Qt::endl;
        if (pending.isEmpty())
            QCoreApplication::exit(0);
    });
    QCoreApplication::exec();
    return failures;
}

} // namespace

int batch(const QStringList &arguments)
{
    QCommandLineParser parser;
    addCommon(parser);
    parser.addPositionalArgument(QStringLiteral("file"),
                                 Text::tr("JSON lines: {\"run_id\": 42, \"drill_text\": \"…\", "
                                          "\"size\": \"1280x720\", \"seconds\": 4} (size and "
                                          "seconds optional); - for standard input."),
                                 QStringLiteral("<file>"));
    const QCommandLineOption provider(QStringLiteral("provider"),
                                      Text::tr("local or openai (default: from settings)."),
                                      Text::tr("name"));
    parser.addOption(provider);
    if (!parser.parse(arguments))
        return fail(parser.errorText(), Cli::BadInput);
    if (parser.isSet(QStringLiteral("help")))
        parser.showHelp(Cli::Ok);
    const QString name = parser.positionalArguments().value(1);
    if (name.isEmpty())
        return fail(Text::tr("Name the file with the drills, or - for standard input."),
                    Cli::BadInput);
    QFile file;
    const bool opened = name == QLatin1String("-")
            ? file.open(stdin, QIODevice::ReadOnly)
            : (file.setFileName(name), file.open(QIODevice::ReadOnly));
    if (!opened)
        return fail(Text::tr("Cannot read %1: %2").arg(name, file.errorString()), Cli::BadInput);

    // Read and check everything before anything is submitted.
    struct Line
    {
        JobSpec spec;
        bool hasSize = false;
        bool hasSeconds = false;
    };
    QList<Line> lines;
    int number = 0;
    while (!file.atEnd()) {
        ++number;
        const QByteArray raw = file.readLine(1024 * 1024).trimmed();
        if (raw.isEmpty())
            continue;
        QJsonParseError parseError;
        const QJsonObject object = QJsonDocument::fromJson(raw, &parseError).object();
        if (parseError.error != QJsonParseError::NoError || object.isEmpty())
            return fail(Text::tr("Line %1 is not a JSON object.").arg(number), Cli::BadInput);
        Line line;
        QString error;
        const RunIdCheck id = JobSpec::checkRunId(object.value(QStringLiteral("run_id")), raw,
                                                  QLatin1String("run_id"));
        if (!id.isValid())
            return fail(Text::tr("Line %1: %2").arg(number).arg(id.message), Cli::BadInput);
        line.spec.runId = *id.value;
        line.spec.drillText = object.value(QStringLiteral("drill_text")).toString();
        error = JobSpec::validateDrillText(line.spec.drillText);
        if (!error.isEmpty())
            return fail(Text::tr("Line %1: %2").arg(number).arg(error), Cli::BadInput);
        if (object.contains(QStringLiteral("size"))) {
            const QString size = object.value(QStringLiteral("size")).toString();
            error = Settings::validate("generation/size", size);
            if (!error.isEmpty())
                return fail(Text::tr("Line %1: %2").arg(number).arg(error), Cli::BadInput);
            line.spec.size = parseVideoSize(size);
            line.hasSize = true;
        }
        if (object.contains(QStringLiteral("seconds"))) {
            const QJsonValue seconds = object.value(QStringLiteral("seconds"));
            const QString text
                    = seconds.isDouble() ? QString::number(seconds.toInt()) : seconds.toString();
            error = Settings::validate("generation/seconds", text);
            if (!error.isEmpty())
                return fail(Text::tr("Line %1: %2").arg(number).arg(error), Cli::BadInput);
            line.spec.seconds = text.toInt();
            line.hasSeconds = true;
        }
        lines << line;
    }
    if (lines.isEmpty())
        return fail(Text::tr("The file has no drills."), Cli::BadInput);

    AppContext context;
    if (!openContext(context, parser, true))
        return Cli::Failed;
    QSet<QString> pending;
    int rejected = 0;
    for (Line &line : lines) {
        JobSpec spec
                = JobSpec::fromSettings(*context.settings(), line.spec.runId, line.spec.drillText);
        if (parser.isSet(provider)) {
            // A provider named here is the only one asked ("library": the drill library alone).
            spec.provider = parser.value(provider);
            spec.useLibrary = spec.provider == QLatin1String("library");
        }
        if (line.hasSize)
            spec.size = line.spec.size;
        if (line.hasSeconds)
            spec.seconds = line.spec.seconds;
        line.spec = spec;
        const auto submission = context.jobs()->submit(line.spec);
        if (submission.kind == JobManager::Submission::Kind::Rejected) {
            err() << Text::tr("Run %1: %2").arg(line.spec.runId).arg(submission.error) << Qt::endl;
            ++rejected;
        } else if (submission.kind != JobManager::Submission::Kind::CacheHit) {
            pending.insert(submission.job.id);
        }
    }
    const int failures = waitForJobs(context, pending, false);
    err() << Text::tr("%n drill(s) submitted; %1 failed, %2 refused.", nullptr, int(lines.size()))
                     .arg(failures)
                     .arg(rejected)
          << Qt::endl;
    return failures + rejected == 0 ? Cli::Ok : Cli::Failed;
}

} // namespace Cli
