#pragma once
// Finds the drills a drill text names (Japanese by reading, English by words) and the counts
// that go with them ("20m×3", "10回", "30秒").
#include "drillcatalog.h"

#include <QList>
#include <QString>

struct DrillCounter
{
    enum class Kind { Distance, Repetitions, Time, Sets };
    Kind kind = Kind::Repetitions;
    double amount = 0; // metres, repetitions, seconds or sets
    int sets = 1; // the "×3" that follows, when given
    QString label; // as it appears on screen, for example "20m × 3"
};

struct RecognizedDrill
{
    DrillId id = DrillCatalog::kFallback;
    qsizetype position = 0; // where the text first names it
    QList<DrillCounter> counters;
};

struct DrillRecognition
{
    QList<RecognizedDrill> drills; // in the order the text names them; never empty
    bool recognised = false; // false: nothing named, the fallback easy run is shown
    QString body; // the text without its 【…】 header, white space folded
};

namespace DrillRecognizer {

// At most this many drills are shown one after another in one video.
inline constexpr int kMaxDrills = 4;

DrillRecognition recognise(const QString &text);

// The text without the 【…】 header lines the advice card starts with.
QString bodyOf(const QString &text);

// Every count in the text, with the position where it starts.
QList<QPair<qsizetype, DrillCounter>> parseCounters(const QString &text);

} // namespace DrillRecognizer
