#include "drillmatcher.h"

#include "drillrecognizer.h"
#include "japanesereader.h"
#include "synonyms.h"

#include <QCoreApplication>
#include <QSet>

#include <algorithm>

namespace {

QString tr(const char *text)
{
    return QCoreApplication::translate("DrillMatcher", text);
}

// Terms shorter than this (in reading characters) are only ever matched exactly: a fuzzy match
// of a two- or three-letter word is a guess.
constexpr int kFuzzyMinLength = 4;

struct Term
{
    QString key; // folded reading (ja) or lower-case words (en)
    QString surface; // as written, NFKC, lower-case
    int drillIndex = 0;
    bool japanese = true;
    bool generic = false; // an everyday word: weak evidence alone
};

// Edit distance between short strings (terms are a few characters long).
int editDistance(QStringView a, QStringView b)
{
    const qsizetype n = b.size();
    int row[64];
    int previousRow[64];
    if (n >= 63 || a.size() >= 63)
        return int(qMax(a.size(), b.size()));
    for (qsizetype j = 0; j <= n; ++j)
        previousRow[j] = int(j);
    for (qsizetype i = 1; i <= a.size(); ++i) {
        row[0] = int(i);
        for (qsizetype j = 1; j <= n; ++j) {
            const int cost = a[i - 1] == b[j - 1] ? 0 : 1;
            row[j] = std::min({previousRow[j] + 1, row[j - 1] + 1, previousRow[j - 1] + cost});
        }
        std::copy(row, row + n + 1, previousRow);
    }
    return previousRow[n];
}

// The best similarity (1 - edit distance / length) of key to a stretch of text about as long,
// starting near one of the given places (where a bigram of the key sits in the text).
double bestWindow(const QString &key, const QString &text, const QList<qsizetype> &starts,
                  qsizetype *at)
{
    double best = 0;
    const qsizetype length = key.size();
    for (qsizetype anchor : starts) {
        for (qsizetype start = qMax<qsizetype>(0, anchor - 1); start <= anchor + 1; ++start) {
            for (qsizetype w = qMax<qsizetype>(1, length - 1); w <= length + 1; ++w) {
                if (start + w > text.size())
                    break;
                const int distance = editDistance(key, QStringView(text).mid(start, w));
                const double similarity = 1.0 - double(distance) / double(qMax(length, w));
                if (similarity > best) {
                    best = similarity;
                    *at = start;
                }
            }
        }
    }
    return best;
}

quint32 bigram(QChar a, QChar b)
{
    return (quint32(a.unicode()) << 16) | b.unicode();
}

QSet<quint32> bigramsOf(QStringView text)
{
    QSet<quint32> out;
    for (qsizetype i = 0; i + 1 < text.size(); ++i) {
        if (text[i] != QLatin1Char(' ') && text[i + 1] != QLatin1Char(' '))
            out.insert(bigram(text[i], text[i + 1]));
    }
    return out;
}

QString surfaceOf(const QString &text)
{
    return text.normalized(QString::NormalizationForm_KC).toLower();
}

} // namespace

struct DrillMatcher::Data
{
    QStringList concepts; // identifiers
    QStringList conceptNames;
    QHash<QString, int> conceptIndex;
    std::vector<Term> terms;
    QHash<QChar, QList<int>> jaByFirst; // first character of the key -> terms
    QHash<QString, QList<int>> enByFirstWord;
    QHash<QString, int> exactKeys; // key -> drillIndex (first wins: built-in and admin synonyms)
    QHash<quint32, QList<int>> readingBigrams; // -> terms (Japanese keys long enough)
    QHash<quint32, QList<int>> surfaceBigrams; // -> terms
    QList<QSet<quint32>> termReadingBigrams;
    QList<QSet<quint32>> termSurfaceBigrams;
    QList<Video> videos;
    QList<QSet<int>> videoConcepts;
    QHash<int, QList<int>> videosByConcept;

    int drillIndexOf(const QString &id)
    {
        auto it = conceptIndex.constFind(id);
        if (it != conceptIndex.constEnd())
            return *it;
        const int index = int(concepts.size());
        concepts << id;
        conceptNames << DrillSynonyms::displayName(id);
        conceptIndex.insert(id, index);
        return index;
    }

    void addTerm(const QString &text, int conceptId, bool builtin = false)
    {
        const bool japanese = LibraryStore::languageOf(text) == QLatin1String("ja");
        Term term;
        term.drillIndex = conceptId;
        term.japanese = japanese;
        term.key = japanese ? DrillSynonyms::readingKey(text) : DrillSynonyms::wordKey(text);
        term.surface = surfaceOf(text).simplified();
        term.generic = builtin && DrillSynonyms::isGeneric(text);
        if (term.key.isEmpty())
            return;
        const QString exact = (japanese ? QStringLiteral("j:") : QStringLiteral("e:")) + term.key;
        if (!exactKeys.contains(exact))
            exactKeys.insert(exact, conceptId);
        const int index = int(terms.size());
        terms.push_back(term);
        if (japanese)
            jaByFirst[term.key.at(0)].append(index);
        else
            enByFirstWord[term.key.section(QLatin1Char(' '), 0, 0)].append(index);
        const QSet<quint32> readings = japanese && term.key.size() >= kFuzzyMinLength
                ? bigramsOf(term.key)
                : QSet<quint32>();
        for (quint32 b : readings)
            readingBigrams[b].append(index);
        termReadingBigrams.append(readings);
        const QSet<quint32> surfaces = term.surface.size() >= kFuzzyMinLength
                ? bigramsOf(term.surface)
                : QSet<quint32>();
        for (quint32 b : surfaces)
            surfaceBigrams[b].append(index);
        termSurfaceBigrams.append(surfaces);
    }

    struct Hit
    {
        qsizetype start = 0; // in the space matched in
        qsizetype length = 0;
        qsizetype position = 0; // in the body
        int term = 0;
        double confidence = 1;
        DrillMention::Method method = DrillMention::Method::Synonym;
        QString said;
    };

    QList<Hit> exactJapanese(const QString &body) const
    {
        const QList<JapaneseReader::Token> tokens = JapaneseReader::read(body);
        QString reading;
        QList<qsizetype> starts;
        for (const JapaneseReader::Token &token : tokens) {
            starts.append(reading.size());
            reading += JapaneseReader::foldReading(token.reading);
        }
        QList<Hit> hits;
        for (qsizetype t = 0; t < starts.size(); ++t) {
            const qsizetype start = starts.at(t);
            if (start >= reading.size())
                continue;
            const auto candidates = jaByFirst.constFind(reading.at(start));
            if (candidates == jaByFirst.constEnd())
                continue;
            const QStringView rest = QStringView(reading).mid(start);
            for (int index : *candidates) {
                const Term &term = terms[size_t(index)];
                if (!rest.startsWith(term.key))
                    continue;
                // The words of the text that were read: from this token to the one the key ends in.
                qsizetype last = t;
                while (last + 1 < starts.size() && starts.at(last + 1) < start + term.key.size())
                    ++last;
                const qsizetype from = tokens.at(t).offset;
                const qsizetype to = tokens.at(last).offset + tokens.at(last).surface.size();
                hits.append({start, term.key.size(), from, index,
                             term.generic ? DrillSynonyms::kGenericConfidence : 1.0,
                             DrillMention::Method::Synonym, body.mid(from, to - from)});
            }
        }
        return hits;
    }

    QList<Hit> exactEnglish(const QString &body) const
    {
        // Words with their positions in the body.
        QStringList words;
        QList<qsizetype> positions;
        QList<qsizetype> ends;
        const QString lower = surfaceOf(body);
        qsizetype i = 0;
        while (i < lower.size()) {
            if (!lower.at(i).isLetterOrNumber() || lower.at(i).unicode() >= 0x3000) {
                ++i;
                continue;
            }
            qsizetype j = i;
            while (j < lower.size() && lower.at(j).isLetterOrNumber()
                   && lower.at(j).unicode() < 0x3000)
                ++j;
            words << lower.mid(i, j - i);
            positions << i;
            ends << j;
            i = j;
        }
        QList<Hit> hits;
        for (qsizetype w = 0; w < words.size(); ++w) {
            const auto candidates = enByFirstWord.constFind(words.at(w));
            if (candidates == enByFirstWord.constEnd())
                continue;
            for (int index : *candidates) {
                const QStringList parts = terms[size_t(index)].key.split(QLatin1Char(' '));
                if (w + parts.size() > words.size())
                    continue;
                bool same = true;
                for (qsizetype p = 1; p < parts.size() && same; ++p)
                    same = words.at(w + p) == parts.at(p);
                if (!same)
                    continue;
                const qsizetype end = ends.at(w + parts.size() - 1);
                // Offsets in "space" 1'000'000+ keep English and reading matches apart.
                hits.append({1000000 + positions.at(w), end - positions.at(w), positions.at(w),
                             index,
                             terms[size_t(index)].generic ? DrillSynonyms::kGenericConfidence : 1.0,
                             DrillMention::Method::Synonym,
                             body.mid(positions.at(w), end - positions.at(w))});
            }
        }
        return hits;
    }

    // Terms sharing enough bigrams with the text, then checked with an edit distance over
    // windows of the text.
    void fuzzy(const QString &text, const QHash<quint32, QList<int>> &index,
               const QList<QSet<quint32>> &termBigrams, bool reading, double threshold,
               const QSet<int> &found, QList<Hit> *hits, const QString &body) const
    {
        const QSet<quint32> grams = bigramsOf(text);
        QHash<quint32, QList<qsizetype>> places; // bigram -> where it starts in the text
        for (qsizetype i = 0; i + 1 < text.size(); ++i)
            places[bigram(text[i], text[i + 1])].append(i);
        QHash<int, int> shared;
        for (quint32 g : grams) {
            const auto it = index.constFind(g);
            if (it == index.constEnd())
                continue;
            for (int term : *it)
                ++shared[term];
        }
        for (auto it = shared.cbegin(); it != shared.cend(); ++it) {
            const Term &term = terms[size_t(it.key())];
            if (found.contains(term.drillIndex) || !videosByConcept.contains(term.drillIndex))
                continue;
            const qsizetype total = termBigrams.at(it.key()).size();
            if (total == 0 || double(it.value()) / double(total) < threshold * 0.6)
                continue;
            const QString &key = reading ? term.key : term.surface;
            // Where the key would start if each of its bigrams found in the text is in place.
            QList<qsizetype> starts;
            for (qsizetype k = 0; k + 1 < key.size(); ++k) {
                const auto found = places.constFind(bigram(key[k], key[k + 1]));
                if (found == places.constEnd())
                    continue;
                for (qsizetype p : *found) {
                    if (p - k >= 0 && !starts.contains(p - k))
                        starts.append(p - k);
                }
            }
            qsizetype at = 0;
            const double similarity = bestWindow(key, text, starts, &at);
            // Below an exact match, however close.
            const double confidence = qMin(0.99, similarity);
            if (confidence < threshold)
                continue;
            const qsizetype position = reading ? 0 : at;
            hits->append(
                    {at, key.size(), position, it.key(), confidence,
                     reading ? DrillMention::Method::Reading : DrillMention::Method::Characters,
                     reading ? QString() : body.mid(at, key.size())});
        }
    }

    DrillMention mentionOf(const Hit &hit) const
    {
        const Term &term = terms[size_t(hit.term)];
        DrillMention m;
        m.drill = concepts.at(term.drillIndex);
        m.name = conceptNames.at(term.drillIndex);
        m.said = hit.said;
        m.term = term.surface;
        m.method = hit.method;
        m.confidence = hit.confidence;
        m.position = hit.position;
        return m;
    }

    // The video showing the drill with the fewest other drills (the most focused), newest first.
    int bestVideoFor(const QList<int> &conceptIds) const
    {
        if (conceptIds.isEmpty())
            return -1;
        const QList<int> candidates = videosByConcept.value(conceptIds.first());
        int best = -1;
        for (int v : candidates) {
            const QSet<int> &has = videoConcepts.at(v);
            const bool all = std::all_of(conceptIds.cbegin(), conceptIds.cend(),
                                         [&has](int c) { return has.contains(c); });
            if (!all)
                continue;
            if (best < 0 || has.size() < videoConcepts.at(best).size()
                || (has.size() == videoConcepts.at(best).size()
                    && videos.at(v).createdAt > videos.at(best).createdAt))
                best = v;
        }
        return best;
    }
};

DrillMatcher::DrillMatcher()
    : d(std::make_unique<Data>())
{ }

DrillMatcher::~DrillMatcher() = default;
DrillMatcher::DrillMatcher(DrillMatcher &&) noexcept = default;
DrillMatcher &DrillMatcher::operator=(DrillMatcher &&) noexcept = default;

int DrillMatcher::videoCount() const
{
    return int(d->videos.size());
}

int DrillMatcher::termCount() const
{
    return int(d->terms.size());
}

QList<DrillMatcher::Video> DrillMatcher::videosOf(const QList<LibraryVideo> &videos)
{
    QList<Video> out;
    out.reserve(videos.size());
    for (const LibraryVideo &v : videos) {
        const QString first = v.tags.isEmpty() ? QString() : v.tags.first().name;
        out.append({v.id, v.tagNames(), v.createdAt,
                    QStringLiteral("%1 \u300c%2\u300d").arg(v.id, first)});
    }
    return out;
}

void DrillMatcher::build(const QList<DrillSynonym> &synonyms, const QList<Video> &videos)
{
    d = std::make_unique<Data>();
    for (const DrillSynonym &s : synonyms) {
        const int c = d->drillIndexOf(s.drill);
        d->addTerm(s.term, c, s.builtin);
    }
    // An admin's drill is named by its own name too.
    for (const DrillSynonym &s : synonyms) {
        if (!s.builtin)
            d->addTerm(s.drill, d->drillIndexOf(s.drill));
    }
    // A tag is a drill the synonyms know when it is spelled or read like one of their terms;
    // otherwise it is a drill of its own: "スクワットジャンプ" is not a squat video. (A wrong
    // video is worse than a generated one; admins join names with `library synonyms add`.)
    QHash<QString, QSet<int>> tagConcepts;
    d->videos = videos;
    d->videoConcepts.resize(videos.size());
    for (qsizetype v = 0; v < videos.size(); ++v) {
        for (const QString &tag : videos.at(v).tags) {
            auto it = tagConcepts.constFind(tag);
            if (it == tagConcepts.constEnd()) {
                QSet<int> resolved;
                const bool japanese = LibraryStore::languageOf(tag) == QLatin1String("ja");
                const QString key = (japanese ? QStringLiteral("j:") : QStringLiteral("e:"))
                        + (japanese ? DrillSynonyms::readingKey(tag) : DrillSynonyms::wordKey(tag));
                const auto exact = d->exactKeys.constFind(key);
                if (exact != d->exactKeys.constEnd()) {
                    resolved.insert(*exact);
                } else {
                    const int own = d->drillIndexOf(tag.trimmed());
                    d->addTerm(tag, own);
                    resolved.insert(own);
                }
                it = tagConcepts.insert(tag, resolved);
            }
            d->videoConcepts[v].unite(*it);
        }
        for (int c : std::as_const(d->videoConcepts[v]))
            d->videosByConcept[c].append(int(v));
    }
}

QList<DrillMention> DrillMatcher::mentions(const QString &text, double threshold) const
{
    const QString body = DrillRecognizer::bodyOf(text).normalized(QString::NormalizationForm_KC);
    QList<Data::Hit> hits = d->exactJapanese(body) + d->exactEnglish(body);
    // Longer matches win over the shorter ones inside them; then earlier ones.
    std::stable_sort(hits.begin(), hits.end(), [](const Data::Hit &a, const Data::Hit &b) {
        return a.length != b.length ? a.length > b.length : a.start < b.start;
    });
    QList<Data::Hit> kept;
    for (const Data::Hit &h : std::as_const(hits)) {
        const bool overlaps = std::any_of(kept.cbegin(), kept.cend(), [&h](const Data::Hit &k) {
            return h.start < k.start + k.length && k.start < h.start + h.length;
        });
        if (!overlaps)
            kept.append(h);
    }
    QSet<int> found;
    for (const Data::Hit &h : std::as_const(kept))
        found.insert(d->terms[size_t(h.term)].drillIndex);

    // Then drills of the library written a little differently: by reading, then by characters.
    if (threshold < 1.0) {
        QList<Data::Hit> near;
        QString reading;
        for (const JapaneseReader::Token &token : JapaneseReader::read(body))
            reading += JapaneseReader::foldReading(token.reading);
        d->fuzzy(reading, d->readingBigrams, d->termReadingBigrams, true, threshold, found, &near,
                 body);
        QSet<int> nearFound = found;
        for (const Data::Hit &h : std::as_const(near))
            nearFound.insert(d->terms[size_t(h.term)].drillIndex);
        d->fuzzy(surfaceOf(body), d->surfaceBigrams, d->termSurfaceBigrams, false, threshold,
                 nearFound, &near, body);
        // The best hit per drill.
        std::stable_sort(near.begin(), near.end(), [](const Data::Hit &a, const Data::Hit &b) {
            return a.confidence > b.confidence;
        });
        for (const Data::Hit &h : std::as_const(near)) {
            const int c = d->terms[size_t(h.term)].drillIndex;
            if (found.contains(c))
                continue;
            found.insert(c);
            Data::Hit placed = h;
            if (placed.method == DrillMention::Method::Reading)
                placed.position = body.size(); // no position in the body: after the exact ones
            kept.append(placed);
        }
    }

    std::stable_sort(kept.begin(), kept.end(), [](const Data::Hit &a, const Data::Hit &b) {
        return a.position < b.position;
    });
    QList<DrillMention> out;
    QSet<QString> seen;
    for (const Data::Hit &h : std::as_const(kept)) {
        if (h.confidence < threshold)
            continue;
        DrillMention m = d->mentionOf(h);
        if (seen.contains(m.drill))
            continue;
        seen.insert(m.drill);
        out.append(m);
    }
    return out;
}

namespace {

// The same context as the rest of this file's texts, for lupdate as for the program.
struct Text
{
    Q_DECLARE_TR_FUNCTIONS(DrillMatcher)
};

QString describe(const DrillMention &m)
{
    const int percent = int(qRound(m.confidence * 100));
    switch (m.method) {
    case DrillMention::Method::Synonym:
        return Text::tr("%1: the text says \"%2\", a name of this drill (\"%3\"); confidence %4%.")
                .arg(m.name, m.said, m.term)
                .arg(percent);
    case DrillMention::Method::Reading:
        return Text::tr("%1: the text reads almost like \"%2\"; confidence %3%.")
                .arg(m.name, m.term)
                .arg(percent);
    case DrillMention::Method::Characters:
        return Text::tr("%1: the text says \"%2\", written almost like \"%3\"; confidence %4%.")
                .arg(m.name, m.said, m.term)
                .arg(percent);
    }
    return {};
}

} // namespace

LibraryMatch DrillMatcher::match(const QString &text, double threshold) const
{
    LibraryMatch result;
    const QList<DrillMention> named = mentions(text, threshold);
    QList<DrillMention> inLibrary;
    QList<int> conceptIds;
    for (const DrillMention &m : named) {
        const int c = d->conceptIndex.value(m.drill, -1);
        if (c >= 0 && d->videosByConcept.contains(c)) {
            inLibrary.append(m);
            conceptIds.append(c);
        } else {
            result.notInLibrary.append(m);
        }
    }
    if (inLibrary.isEmpty()) {
        result.explanation = named.isEmpty()
                ? tr("No library video: the text names no drill the library knows.")
                : tr("No library video: the library has no video of %1.").arg([&] {
                      QStringList names;
                      for (const DrillMention &m : named)
                          names << m.name;
                      return names.join(QStringLiteral(", "));
                  }());
        return result;
    }
    int chosen = d->bestVideoFor(conceptIds);
    if (chosen >= 0) {
        result.covered = inLibrary;
    } else {
        chosen = d->bestVideoFor({conceptIds.first()});
        result.covered.append(inLibrary.first());
        for (qsizetype i = 1; i < inLibrary.size(); ++i) {
            // The chosen video may happen to show this one too.
            if (d->videoConcepts.at(chosen).contains(conceptIds.at(i))) {
                result.covered.append(inLibrary.at(i));
                continue;
            }
            const int other = d->bestVideoFor({conceptIds.at(i)});
            result.others.append(
                    {inLibrary.at(i), other >= 0 ? d->videos.at(other).id : QString()});
        }
    }
    result.matched = true;
    result.videoId = d->videos.at(chosen).id;
    result.confidence = 1.0;
    for (const DrillMention &m : std::as_const(result.covered))
        result.confidence = qMin(result.confidence, m.confidence);

    QStringList lines;
    lines << tr("Library video %1 was chosen, confidence %2%.")
                     .arg(d->videos.at(chosen).label)
                     .arg(int(qRound(result.confidence * 100)));
    for (const DrillMention &m : std::as_const(result.covered))
        lines << describe(m);
    for (const auto &[m, videoId] : std::as_const(result.others))
        lines << tr("Also named, not in this video: %1 (library video %2).").arg(m.name, videoId);
    for (const DrillMention &m : std::as_const(result.notInLibrary))
        lines << tr("Also named, not in the library: %1.").arg(m.name);
    result.explanation = lines.join(QLatin1Char('\n'));
    return result;
}
