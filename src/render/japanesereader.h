#pragma once
// Splits Japanese text into words with their katakana readings (MeCab with the IPADIC
// dictionary), so that drill names match however they are spelled: もも上げ, 腿上げ, モモアゲ.
#include <QList>
#include <QString>

namespace JapaneseReader {

struct Token
{
    QString surface;
    QString reading; // katakana; the surface itself (kana folded to katakana) when unknown
    qsizetype offset = 0; // position of the surface in the text that was read
};

// Reads the text into tokens. Thread-safe; without a dictionary every run of one script
// (kanji, kana, latin, digits) becomes a token whose reading is its own katakana spelling.
QList<Token> read(const QString &text);

// Whether the MeCab dictionary was found and is in use.
bool hasDictionary();

// Hiragana to katakana; everything else unchanged.
QString toKatakana(const QString &text);

// Folds a katakana reading for comparison: small kana to large (ァ→ア, ッ→ツ), long-vowel marks,
// middle dots and spaces removed, latin letters upper-cased.
QString foldReading(const QString &reading);

} // namespace JapaneseReader
