// "cache": list, clear, check, measure, cost and evict the cached videos.
#include "commands.h"

#include "appcontext.h"
#include "cliutil.h"
#include "database.h"
#include "jobmanager.h"
#include "jobspec.h"
#include "jobstore.h"
#include "videostore.h"

#include <QCommandLineParser>
#include <QDateTime>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLocale>
#include <QTextStream>

#include <algorithm>
#include <climits>

namespace Cli {

namespace {

// Columns on a terminal: East Asian wide characters and emoji take two.
int displayWidth(const QString &text)
{
    int width = 0;
    for (const uint c : text.toUcs4()) {
        const bool wide = (c >= 0x1100 && c <= 0x115F) || (c >= 0x2E80 && c <= 0xA4CF)
                || (c >= 0xAC00 && c <= 0xD7A3) || (c >= 0xF900 && c <= 0xFAFF)
                || (c >= 0xFE30 && c <= 0xFE4F) || (c >= 0xFF00 && c <= 0xFF60)
                || (c >= 0xFFE0 && c <= 0xFFE6) || c >= 0x1F000;
        width += wide ? 2 : 1;
    }
    return width;
}

// "101, 201 +3": the first two runs, then how many more; "-" when no run links to the video.
QString shortRunList(const QList<qint64> &runIds, int runCount)
{
    if (runIds.isEmpty())
        return QStringLiteral("-");
    QStringList shown;
    for (qsizetype i = 0; i < runIds.size() && i < 2; ++i)
        shown << QString::number(runIds.at(i));
    QString text = shown.join(QStringLiteral(", "));
    const qsizetype total = std::max<qsizetype>(runCount, runIds.size());
    if (total > shown.size())
        text += QStringLiteral(" +%1").arg(total - shown.size());
    return text;
}

} // namespace

int cache(const QStringList &arguments)
{
    QCommandLineParser parser;
    addCommon(parser);
    parser.addPositionalArgument(
            QStringLiteral("action"),
            Text::tr("list: show the cached videos; clear: remove a run's link (--run-id) or "
                     "everything (--all); usage: disk use in total and per run; costs: spending "
                     "per day, month and run; evict: apply the size and age caps now; check: "
                     "check the database."),
            QStringLiteral("list|clear|usage|costs|evict|check"));
    const QCommandLineOption runId(QStringLiteral("run-id"), Text::tr("The run to clear."),
                                   Text::tr("id"));
    const QCommandLineOption all(QStringLiteral("all"), Text::tr("Clear every cached video."));
    const QCommandLineOption yes(QStringLiteral("yes"), Text::tr("Do not ask before clearing."));
    const QCommandLineOption json(
            QStringLiteral("json"),
            Text::tr("Print JSON instead of text (list, usage, costs, evict)."));
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
        if (parser.isSet(json)) {
            out() << QJsonDocument(
                             QJsonObject {{QStringLiteral("evicted"), removed},
                                          {QStringLiteral("videos"), context.store()->videoCount()},
                                          {QStringLiteral("bytes"), context.store()->totalBytes()}})
                             .toJson(QJsonDocument::Indented);
            return Cli::Ok;
        }
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
                    {QStringLiteral("run_count"),
                     qint64(std::max<qsizetype>(entry.runCount, entry.runIds.size()))},
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
    // Columns are sized to their widest cell and separated by two spaces; the drill comes last
    // so that a long one does not push the others.
    const QStringList header = {Text::tr("VIDEO ID"), Text::tr("STATUS"),  Text::tr("RUNS"),
                                Text::tr("SIZE"),     Text::tr("CREATED"), Text::tr("DRILL")};
    QList<QStringList> rows;
    for (const LibraryEntry &entry : entries) {
        const JobRecord &job = entry.job;
        rows.append({job.id, jobStatusToString(job.status),
                     shortRunList(entry.runIds, entry.runCount),
                     job.bytes ? locale.formattedDataSize(job.bytes) : QStringLiteral("-"),
                     QDateTime::fromMSecsSinceEpoch(job.createdAt)
                             .toLocalTime()
                             .toString(QStringLiteral("yyyy-MM-dd HH:mm")),
                     JobSpec::displayText(job.drillText).left(60)});
    }
    QList<int> widths;
    for (const QString &title : header)
        widths << displayWidth(title);
    for (const QStringList &row : std::as_const(rows))
        for (int column = 0; column < row.size(); ++column)
            widths[column] = std::max(widths[column], displayWidth(row.at(column)));
    const int sizeColumn = 3;
    auto printRow = [&](const QStringList &cells) {
        QString line;
        for (int column = 0; column < cells.size(); ++column) {
            if (column > 0)
                line += QStringLiteral("  ");
            const QString padding(widths[column] - displayWidth(cells.at(column)), u' ');
            if (column == cells.size() - 1)
                line += cells.at(column);
            else if (column == sizeColumn)
                line += padding + cells.at(column);
            else
                line += cells.at(column) + padding;
        }
        out() << line << Qt::endl;
    };
    printRow(header);
    for (const QStringList &row : std::as_const(rows))
        printRow(row);
    out() << Text::tr("%n video(s), %1 in total.", nullptr, int(entries.size()))
                     .arg(locale.formattedDataSize(context.store()->totalBytes()))
          << Qt::endl;
    return Cli::Ok;
}

} // namespace Cli
