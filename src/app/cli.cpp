#include "cli.h"

#include "appcontext.h"
#include "database.h"
#include "jobmanager.h"
#include "jobspec.h"
#include "jobstore.h"
#include "librarycommand.h"
#include "logfile.h"
#include "openai/openaikeychain.h"
#include "openai/openaiprovider.h"
#include "settings.h"
#include "videostore.h"

#ifdef DRILLSTUDIO_WITH_SERVER
#include "passwordgate.h"
#include "restserver.h"
#include "videocontroller.h"
#endif

#include <QCommandLineParser>
#include <QDateTime>
#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLocale>
#include <QSet>
#include <QTextStream>
#include <QTimer>
#include <QUrl>

#include <cstdio>
#include <termios.h>
#include <unistd.h>

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

// Gives the command line's texts the translation context "Cli".
struct Text
{
    Q_DECLARE_TR_FUNCTIONS(Cli)
};

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

int fail(const QString &message, int code = Cli::Failed)
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
    parser.addPositionalArgument(QStringLiteral("command"),
                                 Text::tr("generate, batch, worker, serve or cache"),
                                 QStringLiteral("[command]"));
}

bool openContext(AppContext &context, const QCommandLineParser &parser, bool startJobs = false)
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

// "batch": many drills at once from a JSON-lines file, one video per distinct drill.
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
        const auto id = JobSpec::parseRunId(object.value(QStringLiteral("run_id")), &error);
        if (!id)
            return fail(Text::tr("Line %1: %2").arg(number).arg(error), Cli::BadInput);
        line.spec.runId = *id;
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

// "worker": works through the shared queue (for example a team's PostgreSQL store).
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

#ifdef DRILLSTUDIO_WITH_SERVER
// "serve": the REST server of the old video_generation contract; also works on the job queue.
int serve(const QStringList &arguments)
{
    QCommandLineParser parser;
    addCommon(parser);
    const QCommandLineOption host(QStringLiteral("host"),
                                  Text::tr("Address to listen on (default: server/host, "
                                           "127.0.0.1)."),
                                  Text::tr("address"));
    const QCommandLineOption port(QStringLiteral("port"),
                                  Text::tr("Port to listen on; 0 picks a free one (default: "
                                           "server/port, 8006)."),
                                  Text::tr("n"));
    parser.addOptions({host, port});
    if (!parser.parse(arguments))
        return fail(parser.errorText(), Cli::BadInput);
    if (parser.isSet(QStringLiteral("help")))
        parser.showHelp(Cli::Ok);

    std::optional<quint16> portNumber;
    if (parser.isSet(port)) {
        bool ok = false;
        const uint value = parser.value(port).trimmed().toUInt(&ok);
        if (!ok || value > 65535)
            return fail(Text::tr("--port must be a whole number from 0 to 65535, not \"%1\".")
                                .arg(parser.value(port)),
                        Cli::BadInput);
        portNumber = quint16(value);
    }
    std::optional<QHostAddress> address;
    const auto parseHost = [](const QString &text) -> std::optional<QHostAddress> {
        const QString trimmed = text.trimmed();
        if (trimmed == QLatin1String("localhost"))
            return QHostAddress(QHostAddress::LocalHost);
        QHostAddress parsed;
        if (!parsed.setAddress(trimmed))
            return std::nullopt;
        return parsed;
    };
    if (parser.isSet(host)) {
        address = parseHost(parser.value(host));
        if (!address)
            return fail(Text::tr("--host must be an IP address such as 127.0.0.1 or ::1, not "
                                 "\"%1\".")
                                .arg(parser.value(host)),
                        Cli::BadInput);
    }

    AppContext context;
    AppContext::Options options;
    options.dataDir = parser.value(QStringLiteral("data-dir"));
    options.claimForeignJobs = true;
    if (!context.open(options))
        return fail(context.errorString());
    for (const QString &problem : context.settings()->problems())
        err() << Text::tr("warning: %1").arg(problem) << Qt::endl;
    if (!address) {
        address = parseHost(context.settings()->string("server/host"));
        if (!address)
            return fail(Text::tr("server/host must be an IP address such as 127.0.0.1, not "
                                 "\"%1\".")
                                .arg(context.settings()->string("server/host")),
                        Cli::BadInput);
    }
    if (!portNumber)
        portNumber = quint16(context.settings()->integer("server/port"));

    RestServer server(&context);
    if (!server.listen(*address, *portNumber)) {
        if (server.socketError() == QAbstractSocket::AddressInUseError)
            return fail(Text::tr("Port %1 on %2 is already in use. Stop the other server or "
                                 "choose another port with --port.")
                                .arg(*portNumber)
                                .arg(address->toString()));
        return fail(Text::tr("Cannot listen on %1 port %2: %3")
                            .arg(address->toString())
                            .arg(*portNumber)
                            .arg(server.errorString()));
    }
    const QString shownHost = server.address().protocol() == QAbstractSocket::IPv6Protocol
            ? QStringLiteral("[%1]").arg(server.address().toString())
            : server.address().toString();
    // The first line of standard output, for scripts and tests that started the server.
    out() << QStringLiteral("listening on http://%1:%2").arg(shownHost).arg(server.port())
          << Qt::endl;
    if (!server.controller()->passwordGate().isConfigured())
        err() << PasswordGate::notConfiguredMessage() << Qt::endl;
    if (!address->isLoopback())
        err() << Text::tr("warning: the server is reachable from other machines on %1.")
                         .arg(address->toString())
              << Qt::endl;
    return QCoreApplication::exec();
}
#endif

// "openai-key": puts the API key into the system keychain. The key is read from standard input
// (without echo on a terminal), never from the command line.
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

int cache(const QStringList &arguments)
{
    QCommandLineParser parser;
    addCommon(parser);
    parser.addPositionalArgument(
            QStringLiteral("action"),
            Text::tr("list: show the cached videos; clear: remove a run's link "
                     "(--run-id) or everything (--all); check: check the "
                     "database."),
            QStringLiteral("list|clear|check"));
    const QCommandLineOption runId(QStringLiteral("run-id"), Text::tr("The run to clear."),
                                   Text::tr("id"));
    const QCommandLineOption all(QStringLiteral("all"), Text::tr("Clear every cached video."));
    const QCommandLineOption yes(QStringLiteral("yes"), Text::tr("Do not ask before clearing."));
    const QCommandLineOption json(QStringLiteral("json"),
                                  Text::tr("Print JSON instead of a table."));
    parser.addOptions({runId, all, yes, json});
    if (!parser.parse(arguments))
        return fail(parser.errorText(), Cli::BadInput);
    if (parser.isSet(QStringLiteral("help")))
        parser.showHelp(Cli::Ok);
    const QStringList positional = parser.positionalArguments();
    const QString action = positional.value(1);
    if (positional.size() != 2
        || !QStringList {QStringLiteral("list"), QStringLiteral("clear"), QStringLiteral("check"),
                         QStringLiteral("usage"), QStringLiteral("costs"), QStringLiteral("evict")}
                    .contains(action))
        return fail(
                Text::tr("Say what to do: drillstudio cache list, cache clear --run-id N, cache "
                         "clear --all, cache check, cache usage, cache costs or cache evict."),
                Cli::BadInput);

    if (action == QLatin1String("clear")) {
        if (parser.isSet(runId) == parser.isSet(all))
            return fail(Text::tr("Give either --run-id N or --all."), Cli::BadInput);
        std::optional<qint64> id;
        if (parser.isSet(runId) && !(id = runIdFrom(parser)))
            return Cli::BadInput;
        AppContext context;
        if (!openContext(context, parser))
            return Cli::Failed;
        if (id) {
            QString error;
            if (!context.jobs()->clearRun(*id, &error)) {
                if (!error.isEmpty())
                    return fail(error);
                out() << Text::tr("Run %1 has no cached video.").arg(*id) << Qt::endl;
                return Cli::Ok;
            }
            out() << Text::tr("Cleared the cache of run %1.").arg(*id) << Qt::endl;
            return Cli::Ok;
        }
        const qint64 count = context.store()->videoCount();
        if (!parser.isSet(yes)
            && !confirm(Text::tr("Remove all %n cached video(s) and every run link?", nullptr,
                                 int(count)))) {
            return fail(Text::tr("Nothing was removed. Add --yes to clear without being asked."));
        }
        QString error;
        const int removed = context.jobs()->clearAll(&error);
        if (!error.isEmpty())
            return fail(error);
        out() << Text::tr("Removed %n video(s).", nullptr, removed) << Qt::endl;
        return Cli::Ok;
    }

    AppContext context;
    if (!openContext(context, parser))
        return Cli::Failed;
    if (action == QLatin1String("usage")) {
        const QLocale locale;
        const auto perRun = context.store()->bytesPerRun();
        if (parser.isSet(json)) {
            QJsonArray runs;
            for (const auto &[run, bytes] : perRun)
                runs.append(QJsonObject {{QStringLiteral("run_id"), run},
                                         {QStringLiteral("bytes"), bytes}});
            out() << QJsonDocument(
                             QJsonObject {{QStringLiteral("videos"), context.store()->videoCount()},
                                          {QStringLiteral("bytes"), context.store()->totalBytes()},
                                          {QStringLiteral("runs"), runs}})
                             .toJson(QJsonDocument::Indented);
            return Cli::Ok;
        }
        out() << Text::tr("%n video(s) use %1 on disk.", nullptr,
                          int(context.store()->videoCount()))
                         .arg(locale.formattedDataSize(context.store()->totalBytes()))
              << Qt::endl;
        for (const auto &[run, bytes] : perRun)
            out() << Text::tr("  run %1: %2 (shared videos count for every run)")
                             .arg(run)
                             .arg(locale.formattedDataSize(bytes))
                  << Qt::endl;
        return Cli::Ok;
    }
    if (action == QLatin1String("costs")) {
        const CostSummary costs = context.jobs()->costs();
        auto money = [](double dollars) {
            return QStringLiteral("$%1").arg(dollars, 0, 'f', 2);
        };
        auto cap = [&](double dollars) {
            return dollars > 0 ? money(dollars) : Text::tr("no cap");
        };
        if (parser.isSet(json)) {
            QJsonObject days, months, runs;
            for (const auto &[day, dollars] : costs.perDay)
                days.insert(day, dollars);
            for (const auto &[month, dollars] : costs.perMonth)
                months.insert(month, dollars);
            for (const auto &[run, dollars] : costs.perRun)
                runs.insert(QString::number(run), dollars);
            out() << QJsonDocument(QJsonObject {{QStringLiteral("today"), costs.today},
                                                {QStringLiteral("this_month"), costs.thisMonth},
                                                {QStringLiteral("daily_cap"), costs.dailyCap},
                                                {QStringLiteral("monthly_cap"), costs.monthlyCap},
                                                {QStringLiteral("per_day"), days},
                                                {QStringLiteral("per_month"), months},
                                                {QStringLiteral("per_run"), runs}})
                             .toJson(QJsonDocument::Indented);
            return Cli::Ok;
        }
        out() << Text::tr("Today: %1 (cap: %2)").arg(money(costs.today), cap(costs.dailyCap))
              << Qt::endl;
        out() << Text::tr("This month: %1 (cap: %2)")
                         .arg(money(costs.thisMonth), cap(costs.monthlyCap))
              << Qt::endl;
        for (const auto &[month, dollars] : costs.perMonth)
            out() << QStringLiteral("  %1  %2").arg(month, money(dollars)) << Qt::endl;
        for (const auto &[run, dollars] : costs.perRun)
            out() << Text::tr("  run %1: %2").arg(run).arg(money(dollars)) << Qt::endl;
        out() << Text::tr("Videos made by the local renderer cost nothing.") << Qt::endl;
        return Cli::Ok;
    }
    if (action == QLatin1String("evict")) {
        const int removed = context.jobs()->evict();
        out() << Text::tr("Evicted %n video(s) (cache/maxBytes and cache/maxAgeDays).", nullptr,
                          removed)
              << Qt::endl;
        return Cli::Ok;
    }
    if (action == QLatin1String("check")) {
        QStringList report;
        const bool healthy = context.database()->checkIntegrity(&report);
        for (const QString &line : std::as_const(report))
            out() << line << Qt::endl;
        return healthy ? Cli::Ok : Cli::Failed;
    }

    const QList<LibraryEntry> entries = context.store()->library(INT_MAX, 0);
    if (parser.isSet(json)) {
        QJsonArray array;
        for (const LibraryEntry &entry : entries) {
            const JobRecord &job = entry.job;
            QJsonArray runs;
            for (qint64 run : entry.runIds)
                runs.append(run);
            array.append(QJsonObject {
                    {QStringLiteral("video_id"), job.id},
                    {QStringLiteral("status"), jobStatusToString(job.status)},
                    {QStringLiteral("runs"), runs},
                    {QStringLiteral("drill_text"), job.drillText},
                    {QStringLiteral("provider"), job.provider},
                    {QStringLiteral("size"), job.size},
                    {QStringLiteral("seconds"), job.seconds},
                    {QStringLiteral("bytes"), job.bytes},
                    {QStringLiteral("cost"), job.actualCost},
                    {QStringLiteral("created_at"),
                     QDateTime::fromMSecsSinceEpoch(job.createdAt, Qt::UTC).toString(Qt::ISODate)},
                    {QStringLiteral("file"),
                     job.filePath.isEmpty()
                             ? QJsonValue()
                             : QJsonValue(context.videos()->absolutePath(job.filePath))},
                    {QStringLiteral("error"),
                     job.errorMessage.isEmpty() ? QJsonValue() : QJsonValue(job.errorMessage)},
            });
        }
        out() << QJsonDocument(array).toJson(QJsonDocument::Indented);
        return Cli::Ok;
    }
    if (entries.isEmpty()) {
        out() << Text::tr("The cache is empty.") << Qt::endl;
        return Cli::Ok;
    }
    const QLocale locale;
    out() << Text::tr(
            "VIDEO ID              STATUS      RUNS            SIZE  CREATED           DRILL")
          << Qt::endl;
    for (const LibraryEntry &entry : entries) {
        const JobRecord &job = entry.job;
        QStringList runs;
        for (qint64 run : entry.runIds)
            runs << QString::number(run);
        out() << job.id.leftJustified(22) << jobStatusToString(job.status).leftJustified(12)
              << runs.join(QLatin1Char(',')).left(10).leftJustified(10)
              << (job.bytes ? locale.formattedDataSize(job.bytes) : QStringLiteral("-"))
                         .rightJustified(10)
              << QStringLiteral("  ")
              << QDateTime::fromMSecsSinceEpoch(job.createdAt)
                         .toLocalTime()
                         .toString(QStringLiteral("yyyy-MM-dd HH:mm"))
                         .leftJustified(18)
              << JobSpec::displayText(job.drillText).left(60) << Qt::endl;
    }
    out() << Text::tr("%n video(s), %1 in total.", nullptr, int(entries.size()))
                     .arg(locale.formattedDataSize(context.store()->totalBytes()))
          << Qt::endl;
    return Cli::Ok;
}

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
