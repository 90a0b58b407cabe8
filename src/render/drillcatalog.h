#pragma once
// The drills the local renderer knows: names, coaching cues and the words that name them.
#include <QList>
#include <QString>
#include <QStringList>

enum class DrillId {
    HighKnees,
    ButtKicks,
    ASkip,
    BSkip,
    Lunge,
    Squat,
    Strides,
    ArmSwing,
    CalfRaise,
    ToeWalk,
    HeelWalk,
    Balance,
    Plank,
    JumpRope,
    Ladder,
    MiniHurdles,
    WallDrill,
    LegSwing,
    Bounding,
    Jog,
    Walk,
    Hill,
};

struct DrillInfo
{
    DrillId id = DrillId::Jog;
    QString key; // stable English identifier, for example "high-knees"
    QString nameJa; // title shown in the video
    QString nameEn;
    QStringList cuesJa; // two or three coaching cues, shown in turn
    QStringList cuesEn;
    QStringList readings; // katakana readings that name the drill (folded when matched)
    QStringList englishWords; // lower-case English words or phrases that name the drill
};

namespace DrillCatalog {

// Every drill, in the order of DrillId.
const QList<DrillInfo> &all();

const DrillInfo &info(DrillId id);

// The drill shown when the text names none: an easy run.
inline constexpr DrillId kFallback = DrillId::Jog;

} // namespace DrillCatalog
