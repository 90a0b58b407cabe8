#include "synonyms.h"

#include "drillcatalog.h"
#include "japanesereader.h"

#include <QRegularExpression>
#include <QSet>

namespace DrillSynonyms {

namespace {

void add(QList<DrillSynonym> &out, QSet<QString> &seen, const QString &drill, const QString &term)
{
    const QString trimmed = term.trimmed();
    if (trimmed.isEmpty() || seen.contains(trimmed))
        return;
    seen.insert(trimmed);
    out.append({drill, trimmed, LibraryStore::languageOf(trimmed), true});
}

} // namespace

QList<DrillSynonym> builtin()
{
    QList<DrillSynonym> out;
    for (const DrillInfo &drill : DrillCatalog::all()) {
        QSet<QString> seen;
        // "かかとタッチ（バットキック）" names the drill twice.
        static const QRegularExpression brackets(QStringLiteral("[（）()]"));
        for (const QString &part : drill.nameJa.split(brackets, Qt::SkipEmptyParts))
            add(out, seen, drill.key, part);
        add(out, seen, drill.key, drill.nameEn);
        for (const QString &reading : drill.readings)
            add(out, seen, drill.key, reading);
        for (const QString &word : drill.englishWords)
            add(out, seen, drill.key, word);
    }
    return out;
}

QString readingKey(const QString &term)
{
    const QString normalised = term.normalized(QString::NormalizationForm_KC);
    QString key;
    for (const JapaneseReader::Token &token : JapaneseReader::read(normalised))
        key += JapaneseReader::foldReading(token.reading);
    return key;
}

QString wordKey(const QString &term)
{
    QString lower = term.normalized(QString::NormalizationForm_KC).toLower();
    for (QChar &c : lower) {
        if (!c.isLetterOrNumber())
            c = QLatin1Char(' ');
    }
    return lower.simplified();
}

bool isGeneric(const QString &term)
{
    static const QSet<QString> generic = [] {
        QSet<QString> keys;
        for (const char16_t *word : {u"バランス", u"カベ", u"スプリント", u"ダツシユ", u"ウオク",
                                     u"バウンド", u"ハドル", u"ジヨグ", u"ナガシ", u"タイカン"})
            keys.insert(readingKey(QString::fromUtf16(word)));
        for (const char16_t *word :
             {u"balance",       u"wall",     u"core",       u"skip",    u"skips",  u"skipping",
              u"walk",          u"walks",    u"walking",    u"hill",    u"hills",  u"uphill",
              u"dash",          u"dashes",   u"sprint",     u"sprints", u"stride", u"bounds",
              u"jog",           u"jogging",  u"single leg", u"one leg", u"hurdle", u"hurdles",
              u"accelerations", u"core work"})
            keys.insert(QStringLiteral("e:") + QString::fromUtf16(word));
        return keys;
    }();
    const bool japanese = LibraryStore::languageOf(term) == QLatin1String("ja");
    return japanese ? generic.contains(readingKey(term))
                    : generic.contains(QStringLiteral("e:") + wordKey(term));
}

QString displayName(const QString &drill)
{
    for (const DrillInfo &info : DrillCatalog::all()) {
        if (info.key == drill)
            return info.nameJa;
    }
    return drill;
}

} // namespace DrillSynonyms
