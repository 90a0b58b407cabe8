#pragma once
// The words that name drills: the built-in set (every drill the renderer knows, in Japanese and
// English) and the forms in which terms and texts are compared.
#include "librarystore.h"

#include <QList>
#include <QString>

namespace DrillSynonyms {

// Every drill of the renderer's catalog: its Japanese and English names, the katakana readings
// and the English words that name it. drill is the catalog key ("high-knees").
QList<DrillSynonym> builtin();

// Japanese terms are compared by their MeCab reading, folded (もも上げ, 腿上げ, モモアゲ → モモアケ
// style keys); English ones by their lower-case words, single-spaced.
QString readingKey(const QString &term);
QString wordKey(const QString &term);

// Built-in terms that are also everyday words ("バランス", "壁", "core", "walk"): alone they are
// weak evidence that a text asks for the drill, so an exact match of one counts below the
// default threshold.
bool isGeneric(const QString &term);
inline constexpr double kGenericConfidence = 0.7;

// The name to show for a drill: the catalog's Japanese name for built-in keys, else itself.
QString displayName(const QString &drill);

} // namespace DrillSynonyms
