#include "librarycommand.h"

#include "appcontext.h"
#include "cli.h"
#include "cliutil.h"
#include "jobspec.h"
#include "library/drilllibrary.h"
#include "library/synonyms.h"
#include "logfile.h"
#include "settings.h"
#include "videostore.h"

#include <QCommandLineParser>
#include <QDateTime>
#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTextStream>

#include <atomic>
#include <csignal>
#include <cstdio>
#include <unistd.h>

namespace {

using Cli::err;
using Cli::fail;
using Cli::openContext;
using Cli::out;
using Cli::Text;

std::atomic_bool g_interrupted {false};

void onInterrupt(int)
{
    g_interrupted.store(true);
}

void addCommon(QCommandLineParser &parser)
{
    parser.setApplicationDescription(Text::tr(
            "The drill library: recorded demonstrations that answer drill texts before anything "
            "is generated.\n\n"
            "  library import FILE… --drill NAME… [--note TEXT] [--cue TEXT…] [--trim-start S] "
            "[--trim-end S] [--mute]\n"
            "  library list [--json]\n"
            "  library remove ID\n"
            "  library match (--drill TEXT | --drill-file FILE)\n"
            "  library synonyms add DRILL WORD…\n"
            "  library synonyms list"));
    parser.addOption(Cli::dataDirOptionDef());
    parser.addOption({QStringLiteral("verbose"), Text::tr("Also print informational messages.")});
    parser.addHelpOption();
    parser.addPositionalArgument(QStringLiteral("library"), Text::tr("library"));
    parser.addPositionalArgument(QStringLiteral("action"),
                                 Text::tr("import, list, remove, match or synonyms"));
}

std::optional<double> seconds(const QCommandLineParser &parser, const QString &name)
{
    if (!parser.isSet(name))
        return 0.0;
    bool ok = false;
    const double value = parser.value(name).trimmed().toDouble(&ok);
    if (!ok || value < 0 || value > 24 * 3600) {
        fail(Text::tr("--%1 must be a number of seconds, like 1.5.").arg(name), Cli::BadInput);
        return std::nullopt;
    }
    return value;
}

int importFiles(const QStringList &arguments)
{
    QCommandLineParser parser;
    addCommon(parser);
    const QCommandLineOption drill(QStringLiteral("drill"),
                                   Text::tr("A drill the video shows (repeat for several; the "
                                            "first is its main drill)."),
                                   Text::tr("name"));
    const QCommandLineOption note(QStringLiteral("note"), Text::tr("A note about the video."),
                                  Text::tr("text"));
    const QCommandLineOption cue(QStringLiteral("cue"),
                                 Text::tr("A coaching cue (repeat for several)."),
                                 Text::tr("text"));
    const QCommandLineOption trimStart(QStringLiteral("trim-start"),
                                       Text::tr("Start this many seconds into the recording."),
                                       Text::tr("seconds"));
    const QCommandLineOption trimEnd(QStringLiteral("trim-end"),
                                     Text::tr("End this many seconds into the recording."),
                                     Text::tr("seconds"));
    const QCommandLineOption mute(QStringLiteral("mute"), Text::tr("Leave the sound out."));
    parser.addOptions({drill, note, cue, trimStart, trimEnd, mute});
    if (!parser.parse(arguments))
        return fail(parser.errorText(), Cli::BadInput);
    if (parser.isSet(QStringLiteral("help")))
        parser.showHelp(Cli::Ok);
    const QStringList files = parser.positionalArguments().mid(2);
    if (files.isEmpty())
        return fail(Text::tr("Name the video files to import: library import FILE… --drill "
                             "NAME…"),
                    Cli::BadInput);
    if (parser.values(drill).isEmpty())
        return fail(Text::tr("Name the drill the video shows with --drill, for example --drill "
                             "もも上げ."),
                    Cli::BadInput);
    const auto start = seconds(parser, QStringLiteral("trim-start"));
    const auto end = seconds(parser, QStringLiteral("trim-end"));
    if (!start || !end)
        return Cli::BadInput;

    AppContext context;
    if (!openContext(context, parser))
        return Cli::Failed;
    // Ctrl-C cancels the import under way; nothing half-imported stays.
    std::signal(SIGINT, onInterrupt);
    const bool showProgress = isatty(fileno(stderr));
    int failures = 0;
    for (const QString &file : files) {
        DrillLibrary::ImportRequest request;
        request.file = file;
        request.drills = parser.values(drill);
        request.notes = parser.value(note);
        request.cues = parser.values(cue);
        request.trimStart = *start;
        request.trimEnd = *end;
        request.mute = parser.isSet(mute);
        int lastPercent = -1;
        const DrillLibrary::ImportResult result
                = context.library()->importFile(request, [&](double done) {
                      const int percent = int(done * 100);
                      if (showProgress && percent != lastPercent) {
                          lastPercent = percent;
                          err() << '\r' << Text::tr("Importing %1… %2%").arg(file).arg(percent)
                                << Qt::flush;
                      }
                      return !g_interrupted.load();
                  });
        if (showProgress)
            err() << '\r' << QString(60, QLatin1Char(' ')) << '\r' << Qt::flush;
        if (!result.ok) {
            ++failures;
            fail(Text::tr("%1: %2").arg(file, result.error));
            if (result.cancelled)
                break;
            continue;
        }
        if (!result.audioNote.isEmpty())
            err() << Text::tr("%1: %2").arg(file, result.audioNote) << Qt::endl;
        out() << result.video.id << '\t' << result.video.tagNames().join(QStringLiteral(", "))
              << '\t'
              << QDir::toNativeSeparators(context.videos()->absolutePath(result.video.filePath))
              << Qt::endl;
    }
    std::signal(SIGINT, SIG_DFL);
    return failures == 0 ? Cli::Ok : Cli::Failed;
}

int list(const QStringList &arguments)
{
    QCommandLineParser parser;
    addCommon(parser);
    const QCommandLineOption json(QStringLiteral("json"), Text::tr("Print JSON."));
    parser.addOption(json);
    if (!parser.parse(arguments))
        return fail(parser.errorText(), Cli::BadInput);
    AppContext context;
    if (!openContext(context, parser))
        return Cli::Failed;
    const QList<LibraryVideo> videos = context.library()->videos();
    if (parser.isSet(json)) {
        QJsonArray array;
        for (const LibraryVideo &v : videos) {
            QJsonArray tags;
            for (const LibraryTag &tag : v.tags)
                tags.append(QJsonObject {{QStringLiteral("name"), tag.name},
                                         {QStringLiteral("language"), tag.language}});
            array.append(QJsonObject {
                    {QStringLiteral("id"), v.id},
                    {QStringLiteral("drills"), tags},
                    {QStringLiteral("notes"), v.notes},
                    {QStringLiteral("cues"), QJsonArray::fromStringList(v.cues)},
                    {QStringLiteral("file"), context.videos()->absolutePath(v.filePath)},
                    {QStringLiteral("bytes"), v.bytes},
                    {QStringLiteral("duration_ms"), v.durationMs},
                    {QStringLiteral("size"), v.size},
                    {QStringLiteral("source"), v.sourceName},
                    {QStringLiteral("created_at"),
                     QDateTime::fromMSecsSinceEpoch(v.createdAt, Qt::UTC).toString(Qt::ISODate)}});
        }
        out() << QJsonDocument(array).toJson(QJsonDocument::Indented);
        return Cli::Ok;
    }
    if (videos.isEmpty()) {
        out() << Text::tr("The drill library is empty. Add a recording with: drillstudio library "
                          "import FILE --drill NAME")
              << Qt::endl;
        return Cli::Ok;
    }
    for (const LibraryVideo &v : videos)
        out() << v.id << '\t' << v.tagNames().join(QStringLiteral(", ")) << '\t'
              << QString::number(v.durationMs / 1000.0, 'f', 1) << " s\t" << v.sourceName
              << Qt::endl;
    return Cli::Ok;
}

int remove(const QStringList &arguments)
{
    QCommandLineParser parser;
    addCommon(parser);
    if (!parser.parse(arguments))
        return fail(parser.errorText(), Cli::BadInput);
    const QStringList ids = parser.positionalArguments().mid(2);
    if (ids.isEmpty())
        return fail(Text::tr("Name the library video to remove: library remove ID"), Cli::BadInput);
    AppContext context;
    if (!openContext(context, parser))
        return Cli::Failed;
    int failures = 0;
    for (const QString &id : ids) {
        QString error;
        if (!context.library()->removeVideo(id, &error)) {
            ++failures;
            fail(error);
        }
    }
    return failures == 0 ? Cli::Ok : Cli::Failed;
}

int match(const QStringList &arguments)
{
    QCommandLineParser parser;
    addCommon(parser);
    const QCommandLineOption drill(QStringLiteral("drill"), Text::tr("The drill text."),
                                   Text::tr("text"));
    const QCommandLineOption drillFile(QStringLiteral("drill-file"),
                                       Text::tr("Read the drill text from <file>."),
                                       Text::tr("file"));
    parser.addOptions({drill, drillFile});
    if (!parser.parse(arguments))
        return fail(parser.errorText(), Cli::BadInput);
    QString text = parser.value(drill);
    if (parser.isSet(drillFile)) {
        QFile file(parser.value(drillFile));
        if (!file.open(QIODevice::ReadOnly))
            return fail(Text::tr("Cannot read the drill file %1: %2")
                                .arg(parser.value(drillFile), file.errorString()),
                        Cli::BadInput);
        text = QString::fromUtf8(file.read(64 * 1024));
    }
    const QString error = JobSpec::validateDrillText(text);
    if (!error.isEmpty())
        return fail(error, Cli::BadInput);
    AppContext context;
    if (!openContext(context, parser))
        return Cli::Failed;
    const LibraryMatch found = context.library()->match(text);
    if (found.matched) {
        const auto video = context.library()->video(found.videoId);
        out() << QDir::toNativeSeparators(
                context.videos()->absolutePath(video ? video->filePath : QString()))
              << Qt::endl;
    }
    err() << found.explanation << Qt::endl;
    return found.matched ? Cli::Ok : Cli::Failed;
}

int synonyms(const QStringList &arguments)
{
    QCommandLineParser parser;
    addCommon(parser);
    if (!parser.parse(arguments))
        return fail(parser.errorText(), Cli::BadInput);
    const QStringList words = parser.positionalArguments().mid(2);
    const QString action = words.value(0);
    AppContext context;
    if (action == QLatin1String("list")) {
        if (!openContext(context, parser))
            return Cli::Failed;
        for (const DrillSynonym &s : context.library()->synonyms())
            out() << s.drill << '\t' << s.term << '\t' << s.language << '\t'
                  << (s.builtin ? Text::tr("built in") : Text::tr("added")) << Qt::endl;
        return Cli::Ok;
    }
    if (action != QLatin1String("add") || words.size() < 3)
        return fail(Text::tr("Use: library synonyms add DRILL WORD… (for example: library "
                             "synonyms add もも上げ ニーアップ), or library synonyms list."),
                    Cli::BadInput);
    if (!openContext(context, parser))
        return Cli::Failed;
    for (const QString &word : words.mid(2)) {
        QString drill;
        QString error;
        if (!context.library()->addSynonym(words.at(1), word, &drill, &error))
            return fail(error);
        out() << Text::tr("\"%1\" now names %2.").arg(word, DrillSynonyms::displayName(drill))
              << Qt::endl;
    }
    return Cli::Ok;
}

} // namespace

namespace Cli {

int runLibraryCommand(const QStringList &arguments)
{
    QCommandLineParser probe;
    addCommon(probe);
    // Every option of the actions, so that "library --help" describes them all.
    probe.addOptions(
            {{QStringLiteral("drill"),
              Text::tr("A drill the video shows (repeat for several; the first is its main "
                       "drill)."),
              Text::tr("name")},
             {QStringLiteral("drill-file"), Text::tr("Read the drill text from <file>."),
              Text::tr("file")},
             {QStringLiteral("note"), Text::tr("A note about the video."), Text::tr("text")},
             {QStringLiteral("cue"), Text::tr("A coaching cue (repeat for several)."),
              Text::tr("text")},
             {QStringLiteral("trim-start"), Text::tr("Start this many seconds into the recording."),
              Text::tr("seconds")},
             {QStringLiteral("trim-end"), Text::tr("End this many seconds into the recording."),
              Text::tr("seconds")},
             {QStringLiteral("mute"), Text::tr("Leave the sound out.")},
             {QStringLiteral("json"), Text::tr("Print JSON.")}});
    probe.parse(arguments);
    const QString action = probe.positionalArguments().value(1);
    if (action == QLatin1String("import"))
        return importFiles(arguments);
    if (action == QLatin1String("list"))
        return list(arguments);
    if (action == QLatin1String("remove"))
        return remove(arguments);
    if (action == QLatin1String("match"))
        return match(arguments);
    if (action == QLatin1String("synonyms"))
        return synonyms(arguments);
    if (probe.isSet(QStringLiteral("help")))
        probe.showHelp(Ok);
    return fail(Text::tr("Use: library import, list, remove, match or synonyms (see "
                         "drillstudio library --help)."),
                BadInput);
}

} // namespace Cli
