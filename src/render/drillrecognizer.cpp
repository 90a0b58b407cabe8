#include "drillrecognizer.h"

#include "japanesereader.h"

#include <QRegularExpression>

#include <algorithm>

namespace {

struct Match
{
    qsizetype start = 0; // in the space the match was made in
    qsizetype length = 0;
    qsizetype textPosition = 0; // in the normalised text
    DrillId id = DrillCatalog::kFallback;
};

// Longer matches win ("かかと歩き" over "歩き", "toe walk" over "walk"); then earlier ones.
QList<Match> resolveOverlaps(QList<Match> matches)
{
    std::stable_sort(matches.begin(), matches.end(), [](const Match &a, const Match &b) {
        return a.length != b.length ? a.length > b.length : a.start < b.start;
    });
    QList<Match> kept;
    for (const Match &m : std::as_const(matches)) {
        const bool overlaps = std::any_of(kept.cbegin(), kept.cend(), [&m](const Match &k) {
            return m.start < k.start + k.length && k.start < m.start + m.length;
        });
        if (!overlaps)
            kept.append(m);
    }
    return kept;
}

QList<Match> matchReadings(const QString &normalised)
{
    const QList<JapaneseReader::Token> tokens = JapaneseReader::read(normalised);
    QString reading;
    QList<qsizetype> tokenStarts; // index in `reading` where each token starts
    for (const JapaneseReader::Token &token : tokens) {
        tokenStarts.append(reading.size());
        reading += JapaneseReader::foldReading(token.reading);
    }
    QList<Match> matches;
    for (const DrillInfo &drill : DrillCatalog::all()) {
        for (const QString &word : drill.readings) {
            const QString folded = JapaneseReader::foldReading(word);
            if (folded.isEmpty())
                continue;
            // A word must start where a token starts: ラダー is not found inside サラダ.
            for (qsizetype t = 0; t < tokenStarts.size(); ++t) {
                if (QStringView(reading).mid(tokenStarts.at(t)).startsWith(folded))
                    matches.append(
                            {tokenStarts.at(t), folded.size(), tokens.at(t).offset, drill.id});
            }
        }
    }
    return resolveOverlaps(matches);
}

QList<Match> matchEnglish(const QString &normalised)
{
    QString lower = normalised.toLower();
    for (QChar &c : lower) {
        if (c == QLatin1Char('-') || c == QLatin1Char('_') || c == QLatin1Char('/'))
            c = QLatin1Char(' ');
    }
    QList<Match> matches;
    for (const DrillInfo &drill : DrillCatalog::all()) {
        for (const QString &word : drill.englishWords) {
            // Words may be separated by any run of spaces; a letter may not touch either end.
            QString pattern = QRegularExpression::escape(word);
            pattern.replace(QStringLiteral("\\ "), QStringLiteral("\\s+"));
            const QRegularExpression re(QStringLiteral("(?<![a-z])") + pattern
                                        + QStringLiteral("(?![a-z])"));
            auto it = re.globalMatch(lower);
            while (it.hasNext()) {
                const QRegularExpressionMatch m = it.next();
                matches.append(
                        {m.capturedStart(), m.capturedLength(), m.capturedStart(), drill.id});
            }
        }
    }
    return resolveOverlaps(matches);
}

QString formatAmount(double value)
{
    return QString::number(value, 'g', 6);
}

} // namespace

namespace DrillRecognizer {

QString bodyOf(const QString &text)
{
    static const QRegularExpression header(QStringLiteral("^\\s*【[^】\\n]*】"));
    QString rest = text;
    while (true) {
        const QRegularExpressionMatch m = header.match(rest);
        if (!m.hasMatch())
            break;
        rest.remove(0, m.capturedEnd());
    }
    return rest.simplified();
}

QList<QPair<qsizetype, DrillCounter>> parseCounters(const QString &text)
{
    static const QRegularExpression re(
            QStringLiteral("(\\d+(?:\\.\\d+)?)\\s*(km|m|メートル|回|秒|分|本|セット|歩|reps?|"
                           "repetitions?|times|sets?|seconds?|secs?|sec|s|minutes?|mins?)"
                           "(?![a-zA-Z])"
                           "(?:\\s*[×xX*✕]\\s*(\\d+)\\s*(セット|本|回|sets?|reps?|times)?)?"),
            QRegularExpression::CaseInsensitiveOption);
    static const QRegularExpression setsFirst(
            QStringLiteral("(\\d+)\\s*sets?\\s+of\\s+(\\d+)\\s*(reps?|repetitions?|times|m|"
                           "seconds?|secs?|s)(?![a-zA-Z])"),
            QRegularExpression::CaseInsensitiveOption);
    QList<QPair<qsizetype, DrillCounter>> counters;
    const QString normalised = text.normalized(QString::NormalizationForm_KC);
    qsizetype from = 0;
    while (from < normalised.size()) {
        const QRegularExpressionMatch a = setsFirst.match(normalised, from);
        const QRegularExpressionMatch b = re.match(normalised, from);
        if (!a.hasMatch() && !b.hasMatch())
            break;
        DrillCounter counter;
        qsizetype start = 0;
        qsizetype end = 0;
        QString unit;
        double amount = 0;
        int sets = 1;
        if (a.hasMatch() && (!b.hasMatch() || a.capturedStart() <= b.capturedStart())) {
            start = a.capturedStart();
            end = a.capturedEnd();
            sets = a.captured(1).toInt();
            amount = a.captured(2).toDouble();
            unit = a.captured(3);
        } else {
            start = b.capturedStart();
            end = b.capturedEnd();
            amount = b.captured(1).toDouble();
            unit = b.captured(2);
            if (!b.captured(3).isEmpty())
                sets = b.captured(3).toInt();
        }
        const QString u = unit.toLower();
        if (u == QLatin1String("m") || u == QLatin1String("km")
            || u == QStringLiteral("メートル")) {
            counter.kind = DrillCounter::Kind::Distance;
            counter.amount = u == QLatin1String("km") ? amount * 1000 : amount;
        } else if (u == QStringLiteral("秒") || u.startsWith(QLatin1String("s"))
                   || u == QStringLiteral("分") || u.startsWith(QLatin1String("min"))) {
            if (u.startsWith(QLatin1String("set"))) {
                counter.kind = DrillCounter::Kind::Sets;
                counter.amount = amount;
            } else {
                counter.kind = DrillCounter::Kind::Time;
                const bool minutes
                        = u == QStringLiteral("分") || u.startsWith(QLatin1String("min"));
                counter.amount = minutes ? amount * 60 : amount;
            }
        } else if (u == QStringLiteral("セット")) {
            counter.kind = DrillCounter::Kind::Sets;
            counter.amount = amount;
        } else {
            counter.kind = DrillCounter::Kind::Repetitions;
            counter.amount = amount;
        }
        counter.sets = qMax(1, sets);
        const QString unitShown = (unit == QLatin1String("s") || unit == QLatin1String("S"))
                ? QStringLiteral("s")
                : unit;
        const bool spaced = unitShown.at(0).isLetter() && unitShown.at(0).unicode() < 0x80
                && unitShown.size() > 2;
        counter.label
                = formatAmount(amount) + (spaced ? QStringLiteral(" ") : QString()) + unitShown;
        if (counter.sets > 1)
            counter.label += QStringLiteral(" × %1").arg(counter.sets);
        counters.append({start, counter});
        from = qMax(end, start + 1);
    }
    return counters;
}

DrillRecognition recognise(const QString &text)
{
    DrillRecognition result;
    result.body = bodyOf(text);
    const QString normalised = result.body.normalized(QString::NormalizationForm_KC);
    QList<Match> matches = matchReadings(normalised);
    matches += matchEnglish(normalised);
    std::stable_sort(matches.begin(), matches.end(), [](const Match &a, const Match &b) {
        return a.textPosition < b.textPosition;
    });
    for (const Match &m : std::as_const(matches)) {
        const bool seen = std::any_of(result.drills.cbegin(), result.drills.cend(),
                                      [&m](const RecognizedDrill &d) { return d.id == m.id; });
        if (!seen && result.drills.size() < kMaxDrills)
            result.drills.append({m.id, m.textPosition, {}});
    }
    result.recognised = !result.drills.isEmpty();
    if (!result.recognised)
        result.drills.append({DrillCatalog::kFallback, 0, {}});
    // A count belongs to the drill named last before it (or to the first drill).
    for (const auto &[position, counter] : parseCounters(normalised)) {
        qsizetype owner = 0;
        for (qsizetype i = 0; i < result.drills.size(); ++i) {
            if (result.drills.at(i).position <= position)
                owner = i;
        }
        result.drills[owner].counters.append(counter);
    }
    return result;
}

} // namespace DrillRecognizer
