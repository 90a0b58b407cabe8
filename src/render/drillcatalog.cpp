#include "drillcatalog.h"

namespace {

QStringList list(std::initializer_list<const char16_t *> items)
{
    QStringList out;
    for (const char16_t *item : items)
        out.append(QString::fromUtf16(item));
    return out;
}

QList<DrillInfo> build()
{
    QList<DrillInfo> d;
    d.append({DrillId::HighKnees, QStringLiteral("high-knees"), QStringLiteral("もも上げ"),
              QStringLiteral("High knees"),
              list({u"膝を腰の高さまで引き上げる", u"母指球で体の真下に接地",
                    u"腕を大きく前後に振る"}),
              list({u"Drive the knee up to hip height", u"Land on the forefoot under the hips",
                    u"Swing the arms forward and back"}),
              list({u"モモアゲ", u"ハイニー", u"モモアゲウォーク"}),
              list({u"high knees", u"high knee", u"knee lift", u"knee lifts", u"knee drive"})});
    d.append({DrillId::ButtKicks, QStringLiteral("butt-kicks"),
              QStringLiteral("かかとタッチ（バットキック）"), QStringLiteral("Butt kicks"),
              list({u"かかとをお尻に引きつける", u"膝は真下に向けたまま", u"足首の力を抜く"}),
              list({u"Pull the heel to the glutes", u"Keep the knee pointing down",
                    u"Relax the ankle"}),
              list({u"カカトタッチ", u"バットキック", u"シリタッチ", u"オシリタッチ",
                    u"ヒールタッチ", u"ケツタッチ"}),
              list({u"butt kicks", u"butt kick", u"butt kicker", u"butt kickers", u"heel flicks",
                    u"heel flick", u"heel to butt", u"heel kicks"})});
    d.append({DrillId::ASkip, QStringLiteral("a-skip"), QStringLiteral("Aスキップ"),
              QStringLiteral("A-skip"),
              list({u"膝を高く引き上げてリズムよく", u"反対の腕をしっかり振る",
                    u"接地は体の真下で"}),
              list({u"Lift the knee high, keep the rhythm", u"Drive the opposite arm",
                    u"Land under the body"}),
              list({u"Aスキツプ", u"エースキツプ", u"スキツプ"}),
              list({u"a skip", u"a skips", u"askip", u"skipping", u"skip", u"skips"})});
    d.append({DrillId::BSkip, QStringLiteral("b-skip"), QStringLiteral("Bスキップ"),
              QStringLiteral("B-skip"),
              list({u"膝を上げてから脚を前へ伸ばす", u"地面をかくように振り下ろす",
                    u"上体はまっすぐ保つ"}),
              list({u"Lift the knee, then extend the leg", u"Paw the ground back down",
                    u"Keep the trunk tall"}),
              list({u"Bスキツプ", u"ビースキツプ"}), list({u"b skip", u"b skips", u"bskip"})});
    d.append({DrillId::Lunge, QStringLiteral("lunge"), QStringLiteral("ランジ"),
              QStringLiteral("Lunges"),
              list({u"上体をまっすぐ保つ", u"前の膝はつま先より前に出さない",
                    u"後ろの膝を床すれすれまで下ろす"}),
              list({u"Keep the trunk upright", u"Front knee stays behind the toes",
                    u"Lower the back knee close to the floor"}),
              list({u"ランジ", u"フロントランジ", u"ウォーキングランジ"}),
              list({u"lunge", u"lunges", u"walking lunge", u"walking lunges"})});
    d.append({DrillId::Squat, QStringLiteral("squat"), QStringLiteral("スクワット"),
              QStringLiteral("Squats"),
              list({u"お尻を後ろへ引いて下がる", u"膝とつま先の向きをそろえる",
                    u"背中をまっすぐ保つ"}),
              list({u"Sit the hips back", u"Knees follow the toes", u"Keep the back straight"}),
              list({u"スクワツト"}), list({u"squat", u"squats"})});
    d.append({DrillId::Strides, QStringLiteral("strides"),
              QStringLiteral("流し（ウインドスプリント）"), QStringLiteral("Strides"),
              list({u"力まずに8割のスピードで", u"腕振りでリズムをつくる", u"接地は体の真下で"}),
              list({u"Run relaxed at about 80% speed", u"Let the arms set the rhythm",
                    u"Land under the body"}),
              list({u"ナガシ", u"ウインドスプリント", u"ウインドスプリント", u"スプリント",
                    u"ダツシユ", u"タンキヨリダツシユ"}),
              list({u"strides", u"stride", u"wind sprints", u"wind sprint", u"sprints", u"sprint",
                    u"dash", u"dashes", u"accelerations"})});
    d.append({DrillId::ArmSwing, QStringLiteral("arm-swing"), QStringLiteral("腕振り"),
              QStringLiteral("Arm swing"),
              list({u"肘を約90度に曲げる", u"後ろへ大きく引く", u"肩の力を抜く"}),
              list({u"Bend the elbows to about 90°", u"Drive the elbows back",
                    u"Keep the shoulders relaxed"}),
              list({u"ウデフリ", u"ウデノフリ", u"アームスイング", u"アームスウイング"}),
              list({u"arm swing", u"arm swings", u"arm drill", u"arm drills", u"arm action"})});
    d.append({DrillId::CalfRaise, QStringLiteral("calf-raise"), QStringLiteral("カーフレイズ"),
              QStringLiteral("Calf raises"),
              list({u"かかとを高く上げる", u"ゆっくり下ろす", u"体をまっすぐ保つ"}),
              list({u"Rise high onto the toes", u"Lower slowly", u"Keep the body straight"}),
              list({u"カーフレイズ", u"カーフレイス", u"カーフライズ", u"カカトアゲ",
                    u"ツマサキダチ", u"ツマサキタチ"}),
              list({u"calf raise", u"calf raises", u"heel raise", u"heel raises", u"calf rises"})});
    d.append({DrillId::ToeWalk, QStringLiteral("toe-walk"), QStringLiteral("つま先歩き"),
              QStringLiteral("Toe walks"),
              list({u"かかとを上げたまま歩く", u"背筋を伸ばす", u"ふくらはぎを意識する"}),
              list({u"Walk with the heels off the ground", u"Stand tall",
                    u"Feel the calves working"}),
              list({u"ツマサキアルキ", u"ツマサキウオーク", u"ツマサキウオーキング",
                    u"ツマサキデアルク"}),
              list({u"toe walk", u"toe walks", u"toe walking", u"tiptoe walk", u"tiptoe walking",
                    u"walking on toes", u"walk on the toes"})});
    d.append({DrillId::HeelWalk, QStringLiteral("heel-walk"), QStringLiteral("かかと歩き"),
              QStringLiteral("Heel walks"),
              list({u"つま先を高く上げて歩く", u"かかとで着地する", u"すねの前側を意識する"}),
              list({u"Walk with the toes pulled up", u"Land on the heels",
                    u"Feel the front of the shins"}),
              list({u"カカトアルキ", u"カカトウオーク", u"カカトウオーキング", u"カカトデアルク"}),
              list({u"heel walk", u"heel walks", u"heel walking", u"walking on heels",
                    u"walk on the heels"})});
    d.append({DrillId::Balance, QStringLiteral("single-leg-balance"), QStringLiteral("片足立ち"),
              QStringLiteral("Single-leg balance"),
              list({u"軸足で床をしっかり押す", u"お腹に力を入れてぶれない", u"目線はまっすぐ前"}),
              list({u"Press the standing foot into the floor", u"Brace the core, stay still",
                    u"Eyes straight ahead"}),
              list({u"カタアシタチ", u"カタアシダチ", u"カタアシバランス", u"バランス",
                    u"イツポンアシタチ"}),
              list({u"single leg balance", u"single-leg balance", u"single leg stand",
                    u"one leg balance", u"one leg stand", u"balance", u"single leg", u"one leg"})});
    d.append({DrillId::Plank, QStringLiteral("plank"), QStringLiteral("プランク"),
              QStringLiteral("Plank"),
              list({u"頭からかかとまで一直線", u"お尻を上げすぎない", u"呼吸を止めない"}),
              list({u"One straight line from head to heels", u"Do not lift the hips",
                    u"Keep breathing"}),
              list({u"プランク", u"タイカン", u"カラダミキ", u"タイカントレーニング"}),
              list({u"plank", u"planks", u"core", u"core training", u"core work"})});
    d.append({DrillId::JumpRope, QStringLiteral("jump-rope"), QStringLiteral("縄跳び"),
              QStringLiteral("Jump rope"),
              list({u"母指球で軽く跳ぶ", u"手首で縄を回す", u"膝を軽く曲げて着地"}),
              list({u"Bounce lightly on the forefoot", u"Turn the rope with the wrists",
                    u"Land with soft knees"}),
              list({u"ナワトビ", u"ナワトビ", u"ジヤンプロープ", u"ロープジヤンプ",
                    u"ナワトビトビ"}),
              list({u"jump rope", u"jumping rope", u"skipping rope", u"rope skipping",
                    u"rope jumping", u"skip rope"})});
    d.append({DrillId::Ladder, QStringLiteral("ladder"), QStringLiteral("ラダー"),
              QStringLiteral("Ladder drill"),
              list({u"細かく素早く足を運ぶ", u"母指球で接地する", u"腕も速く振る"}),
              list({u"Quick, short steps", u"Land on the forefoot", u"Arms move fast too"}),
              list({u"ラダ", u"ラダトレーニング", u"アジリテイラダ"}),
              list({u"ladder", u"ladders", u"agility ladder", u"ladder drill", u"ladder drills"})});
    d.append({DrillId::MiniHurdles, QStringLiteral("mini-hurdles"), QStringLiteral("ミニハードル"),
              QStringLiteral("Mini hurdles"),
              list({u"膝を上げてハードルを越える", u"接地は真下で素早く", u"リズムを一定に"}),
              list({u"Lift the knees over each hurdle", u"Quick contacts under the body",
                    u"Keep an even rhythm"}),
              list({u"ミニハドル", u"ハドル"}),
              list({u"mini hurdle", u"mini hurdles", u"hurdle", u"hurdles"})});
    d.append({DrillId::WallDrill, QStringLiteral("wall-drill"), QStringLiteral("ウォールドリル"),
              QStringLiteral("Wall drill"),
              list({u"壁に手をつき体を一直線に前傾", u"膝を素早く引き上げる", u"軸足で地面を押す"}),
              list({u"Hands on the wall, body leaning in one line", u"Drive the knee up quickly",
                    u"Push the ground with the standing leg"}),
              list({u"カベ", u"ウオルドリル", u"ウオル", u"カベオシ"}),
              list({u"wall drill", u"wall drills", u"wall", u"wall march", u"wall lean"})});
    d.append({DrillId::LegSwing, QStringLiteral("leg-swing"), QStringLiteral("レッグスイング"),
              QStringLiteral("Leg swings"),
              list({u"軸足はまっすぐ立つ", u"脚を前後に大きく振る", u"上体は動かさない"}),
              list({u"Stand tall on the support leg", u"Swing the leg forward and back",
                    u"Keep the trunk still"}),
              list({u"レツグスイング", u"レツグスウイング", u"アシフリ", u"アシノフリコ",
                    u"アシフリコ"}),
              list({u"leg swing", u"leg swings", u"leg swinging"})});
    d.append({DrillId::Bounding, QStringLiteral("bounding"), QStringLiteral("バウンディング"),
              QStringLiteral("Bounding"),
              list({u"大きく弾むように跳ぶ", u"膝を前へ高く引き出す", u"空中で姿勢を保つ"}),
              list({u"Spring forward in long bounds", u"Drive the knee forward and up",
                    u"Hold the posture in the air"}),
              list({u"バウンデイング", u"バウンド"}), list({u"bounding", u"bounds"})});
    d.append({DrillId::Jog, QStringLiteral("easy-jog"), QStringLiteral("ジョギング"),
              QStringLiteral("Easy jog"),
              list({u"リラックスして楽なペースで", u"会話できるくらいの強さ", u"体の真下で着地"}),
              list({u"Relaxed, easy pace", u"Easy enough to talk", u"Land under the body"}),
              list({u"ジヨギング", u"ジヨグ", u"イジラン", u"イージラン"}),
              list({u"jog", u"jogging", u"easy run", u"easy running", u"recovery run"})});
    d.append({DrillId::Walk, QStringLiteral("walk"), QStringLiteral("ウォーキング"),
              QStringLiteral("Walking"),
              list({u"背筋を伸ばして歩く", u"かかとから着地する", u"腕を自然に振る"}),
              list({u"Walk tall", u"Land heel first", u"Let the arms swing naturally"}),
              list({u"ウオキング", u"ハヤアルキ", u"ウオク"}),
              list({u"walk", u"walks", u"walking", u"brisk walk"})});
    d.append({DrillId::Hill, QStringLiteral("hill"), QStringLiteral("坂道走"),
              QStringLiteral("Hill running"),
              list({u"やや前傾して坂を上る", u"膝を上げて歩幅は小さめ", u"腕振りで体を前へ運ぶ"}),
              list({u"Lean slightly into the hill", u"Lift the knees, shorter steps",
                    u"Drive forward with the arms"}),
              list({u"サカミチ", u"サカミチダツシユ", u"サカダツシユ", u"ノボリザカ",
                    u"サカミチソウ", u"ヒルトレーニング", u"サカノボリ"}),
              list({u"hill", u"hills", u"uphill", u"hill sprint", u"hill sprints", u"hill repeats",
                    u"hill run", u"hill running"})});
    return d;
}

} // namespace

namespace DrillCatalog {

const QList<DrillInfo> &all()
{
    static const QList<DrillInfo> drills = build();
    return drills;
}

const DrillInfo &info(DrillId id)
{
    return all().at(int(id));
}

} // namespace DrillCatalog
