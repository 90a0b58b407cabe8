#include "japanesereader.h"

#include "renderlog.h"

#include <QFile>
#include <QStringList>

#include <mecab.h>

#include <mutex>

namespace {

// The model is shared and thread-safe; each read() makes its own tagger and lattice.
mecab_model_t *model()
{
    static std::once_flag once;
    static mecab_model_t *shared = nullptr;
    std::call_once(once, [] {
        // A fixed dictionary (not whatever /etc/mecabrc names) keeps readings the same everywhere.
        static const QStringList dictionaries = {
                QStringLiteral("/var/lib/mecab/dic/ipadic-utf8"),
                QStringLiteral("/usr/lib/x86_64-linux-gnu/mecab/dic/ipadic-utf8"),
                QStringLiteral("/usr/lib/mecab/dic/ipadic-utf8"),
                QStringLiteral("/usr/share/mecab/dic/ipadic"),
        };
        for (const QString &dir : dictionaries) {
            if (!QFile::exists(dir + QStringLiteral("/sys.dic")))
                continue;
            const QByteArray argument = "-r /dev/null -d " + QFile::encodeName(dir);
            shared = mecab_model_new2(argument.constData());
            if (shared)
                return;
        }
        qCWarning(lcRender) << "no MeCab IPADIC dictionary; drill names are matched by spelling"
                               " only (install mecab-ipadic-utf8)";
    });
    return shared;
}

enum class Script { Other, Kanji, Hiragana, Katakana, Latin, Digit };

Script scriptOf(QChar c)
{
    const ushort u = c.unicode();
    if (u >= 0x3041 && u <= 0x309F)
        return Script::Hiragana;
    if ((u >= 0x30A0 && u <= 0x30FF) || u == 0x30FC)
        return Script::Katakana;
    if ((u >= 0x4E00 && u <= 0x9FFF) || (u >= 0x3400 && u <= 0x4DBF) || u == 0x3005)
        return Script::Kanji;
    if (c.isDigit())
        return Script::Digit;
    if (c.isLetter())
        return Script::Latin;
    return Script::Other;
}

QList<JapaneseReader::Token> readByScript(const QString &text)
{
    QList<JapaneseReader::Token> tokens;
    qsizetype i = 0;
    while (i < text.size()) {
        const Script script = scriptOf(text.at(i));
        qsizetype j = i + 1;
        while (j < text.size() && script != Script::Other && scriptOf(text.at(j)) == script)
            ++j;
        if (script != Script::Other) {
            const QString surface = text.mid(i, j - i);
            tokens.append({surface, JapaneseReader::toKatakana(surface), i});
        }
        i = j;
    }
    return tokens;
}

// The reading is the eighth field of IPADIC's feature string; unknown words have none.
QString readingFromFeature(const char *feature)
{
    const QStringList fields = QString::fromUtf8(feature).split(QLatin1Char(','));
    if (fields.size() >= 8 && fields.at(7) != QLatin1String("*"))
        return fields.at(7);
    return {};
}

} // namespace

namespace JapaneseReader {

bool hasDictionary()
{
    return model() != nullptr;
}

QString toKatakana(const QString &text)
{
    QString out = text;
    for (QChar &c : out) {
        const ushort u = c.unicode();
        if (u >= 0x3041 && u <= 0x3096)
            c = QChar(u + 0x60);
    }
    return out;
}

QString foldReading(const QString &reading)
{
    static const QString small = QStringLiteral("ァィゥェォッャュョヮヵヶ");
    static const QString large = QStringLiteral("アイウエオツヤユヨワカケ");
    QString out;
    out.reserve(reading.size());
    for (const QChar c : toKatakana(reading)) {
        if (c == QChar(0x30FC) || c == QChar(0x30FB) || c == QChar(0xFF65) || c.isSpace()
            || c == QLatin1Char('-'))
            continue;
        const qsizetype k = small.indexOf(c);
        out.append(k >= 0 ? large.at(k) : c.toUpper());
    }
    return out;
}

QList<Token> read(const QString &text)
{
    mecab_model_t *shared = model();
    if (!shared)
        return readByScript(text);
    mecab_t *tagger = mecab_model_new_tagger(shared);
    mecab_lattice_t *lattice = mecab_model_new_lattice(shared);
    QList<Token> tokens;
    if (tagger && lattice) {
        const QByteArray utf8 = text.toUtf8();
        mecab_lattice_set_sentence2(lattice, utf8.constData(), size_t(utf8.size()));
        if (mecab_parse_lattice(tagger, lattice)) {
            qsizetype byteOffset = 0;
            qsizetype charOffset = 0;
            for (const mecab_node_t *node = mecab_lattice_get_bos_node(lattice); node;
                 node = node->next) {
                if (node->stat == MECAB_BOS_NODE || node->stat == MECAB_EOS_NODE)
                    continue;
                const qsizetype start = node->surface - utf8.constData();
                charOffset += QString::fromUtf8(utf8.constData() + byteOffset, start - byteOffset)
                                      .size();
                byteOffset = start;
                Token token;
                token.surface = QString::fromUtf8(node->surface, node->length);
                token.offset = charOffset;
                token.reading = readingFromFeature(node->feature);
                if (token.reading.isEmpty())
                    token.reading = toKatakana(token.surface);
                tokens.append(token);
            }
        }
    }
    if (lattice)
        mecab_lattice_destroy(lattice);
    if (tagger)
        mecab_destroy(tagger);
    return tokens.isEmpty() && !text.trimmed().isEmpty() ? readByScript(text) : tokens;
}

} // namespace JapaneseReader
