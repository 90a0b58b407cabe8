// Drill recognition: Japanese spellings read with MeCab, English words, counts.
#include "drillrecognizer.h"
#include "japanesereader.h"

#include <QTest>

namespace {

QString keysOf(const DrillRecognition &recognition)
{
    QStringList keys;
    for (const RecognizedDrill &drill : recognition.drills)
        keys.append(DrillCatalog::info(drill.id).key);
    return keys.join(QLatin1Char(','));
}

const QString kHeader = QStringLiteral("【💪 おすすめの補強ドリル】\n");

} // namespace

class TestDrillRecognizer : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void dictionaryInstalled();
    void readings();
    void recognises_data();
    void recognises();
    void unknownTextFallsBack_data();
    void unknownTextFallsBack();
    void headerIsStripped();
    void counters_data();
    void counters();
    void countersBelongToTheirDrill();
    void catalogIsComplete();
};

void TestDrillRecognizer::dictionaryInstalled()
{
    QVERIFY2(JapaneseReader::hasDictionary(),
             "MeCab IPADIC missing: run packaging/setup-debian.sh");
}

void TestDrillRecognizer::readings()
{
    QStringList readings;
    for (const JapaneseReader::Token &t : JapaneseReader::read(QStringLiteral("腿上げと踵歩き")))
        readings.append(t.reading);
    QCOMPARE(readings.join(QString()), QStringLiteral("モモアゲトカカトアルキ"));
    QCOMPARE(JapaneseReader::foldReading(QStringLiteral("ウィンドスプリント")),
             JapaneseReader::foldReading(QStringLiteral("ウインドスプリント")));
    QCOMPARE(JapaneseReader::toKatakana(QStringLiteral("ももあげ")), QStringLiteral("モモアゲ"));
}

void TestDrillRecognizer::recognises_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<QString>("keys");
    auto row = [](const char *name, const QString &text, const char *keys) {
        QTest::newRow(name) << text << QString::fromLatin1(keys);
    };
    row("design example",
        kHeader
                + QStringLiteral("補強ドリルとして、壁を使った前傾姿勢の練習（ウォールドリル）が効"
                                 "果的です。\n"),
        "wall-drill");
    row("readme example", QStringLiteral("【💪 おすすめの補強ドリル】 もも上げ 20m×3"),
        "high-knees");
    row("もも上げ", kHeader + QStringLiteral("もも上げを行いましょう。"), "high-knees");
    row("腿上げ", QStringLiteral("腿上げ 30秒"), "high-knees");
    row("モモアゲ", QStringLiteral("モモアゲを10回"), "high-knees");
    row("ももあげ", QStringLiteral("ももあげで膝を高く"), "high-knees");
    row("high knees", QStringLiteral("High knees, 20 m x 3"), "high-knees");
    row("かかとタッチ", QStringLiteral("かかとタッチで脚を引きつける"), "butt-kicks");
    row("踵タッチ", QStringLiteral("踵タッチ 20m"), "butt-kicks");
    row("バットキック", QStringLiteral("バットキックを取り入れましょう"), "butt-kicks");
    row("butt kicks", QStringLiteral("Add butt-kicks to your warm-up."), "butt-kicks");
    row("Aスキップ", QStringLiteral("Aスキップでリズムを覚えましょう"), "a-skip");
    row("full-width Ａスキップ", QStringLiteral("Ａスキップ ２０ｍ×３"), "a-skip");
    row("A-skip", QStringLiteral("A-skips for 20 m"), "a-skip");
    row("Bスキップ", QStringLiteral("Bスキップで脚を前に振り出す"), "b-skip");
    row("B skip", QStringLiteral("b skip drill"), "b-skip");
    row("ランジ", QStringLiteral("ランジで股関節を鍛えましょう"), "lunge");
    row("lunges", QStringLiteral("Walking lunges, 10 reps"), "lunge");
    row("スクワット", QStringLiteral("スクワット10回×3セット"), "squat");
    row("squats", QStringLiteral("15 squats"), "squat");
    row("流し", QStringLiteral("最後に流しを3本"), "strides");
    row("ウインドスプリント", QStringLiteral("ウインドスプリントを取り入れる"), "strides");
    row("ウィンドスプリント", QStringLiteral("ウィンドスプリント 100m×3"), "strides");
    row("strides", QStringLiteral("Finish with 4 strides."), "strides");
    row("腕振り", QStringLiteral("腕振りを意識しましょう"), "arm-swing");
    row("腕ふり", QStringLiteral("腕ふりの練習"), "arm-swing");
    row("arm swing", QStringLiteral("arm swing drill"), "arm-swing");
    row("カーフレイズ", QStringLiteral("カーフレイズ20回"), "calf-raise");
    row("calf raises", QStringLiteral("Calf raises, 3 sets of 15 reps"), "calf-raise");
    row("つま先歩き", QStringLiteral("つま先歩きでふくらはぎを強化"), "toe-walk");
    row("爪先歩き", QStringLiteral("爪先歩き 20m"), "toe-walk");
    row("かかと歩き", QStringLiteral("かかと歩きですねを鍛える"), "heel-walk");
    row("踵歩き", QStringLiteral("踵歩きを30秒"), "heel-walk");
    row("heel walks", QStringLiteral("heel walks for 20 m"), "heel-walk");
    row("toe walk", QStringLiteral("toe walking"), "toe-walk");
    row("片足立ち", QStringLiteral("片足立ちでバランス感覚を養う"), "single-leg-balance");
    row("片脚立ち", QStringLiteral("片脚立ち30秒"), "single-leg-balance");
    row("single-leg balance", QStringLiteral("Single-leg balance, 30 s"), "single-leg-balance");
    row("プランク", QStringLiteral("プランク30秒"), "plank");
    row("体幹", QStringLiteral("体幹トレーニングを習慣に"), "plank");
    row("core", QStringLiteral("core work every day"), "plank");
    row("縄跳び", QStringLiteral("縄跳びでリズムよく"), "jump-rope");
    row("なわとび", QStringLiteral("なわとび100回"), "jump-rope");
    row("縄とび", QStringLiteral("縄とびを1分"), "jump-rope");
    row("jump rope", QStringLiteral("Jump rope for 1 minute"), "jump-rope");
    row("ラダー", QStringLiteral("ラダートレーニングで素早く"), "ladder");
    row("ladder", QStringLiteral("agility ladder drills"), "ladder");
    row("ミニハードル", QStringLiteral("ミニハードルを使って"), "mini-hurdles");
    row("mini hurdles", QStringLiteral("mini hurdles x 5"), "mini-hurdles");
    row("壁", QStringLiteral("壁に手をついて膝を上げる"), "wall-drill");
    row("wall drill", QStringLiteral("Wall drill: 20 reps"), "wall-drill");
    row("レッグスイング", QStringLiteral("レッグスイング10回"), "leg-swing");
    row("leg swings", QStringLiteral("leg swings before running"), "leg-swing");
    row("バウンディング", QStringLiteral("バウンディング 30m×2"), "bounding");
    row("bounding", QStringLiteral("Bounding, 3 x 30 m"), "bounding");
    row("ジョギング", QStringLiteral("ゆっくりジョギング"), "easy-jog");
    row("ジョグ", QStringLiteral("ジョグ10分"), "easy-jog");
    row("easy jog", QStringLiteral("an easy jog"), "easy-jog");
    row("ウォーキング", QStringLiteral("ウォーキングから始めましょう"), "walk");
    row("walking", QStringLiteral("brisk walking"), "walk");
    row("坂道", QStringLiteral("坂道ダッシュ 50m×5"), "hill");
    row("上り坂", QStringLiteral("上り坂を走る"), "hill");
    row("hill sprints", QStringLiteral("hill sprints, 6 x 60 m"), "hill");
    row("two drills ja",
        kHeader + QStringLiteral("補強ドリルとして、もも上げとかかと歩きを取り入れましょう。"),
        "high-knees,heel-walk");
    row("two drills order", QStringLiteral("スクワットのあとにプランク"), "squat,plank");
    row("two sentences",
        kHeader
                + QStringLiteral(
                        "縄跳びで接地を短く。\nその後、ミニハードルでリズムを作りましょう。"),
        "jump-rope,mini-hurdles");
    row("two drills en", QStringLiteral("Do 10 squats and a 30 second plank."), "squat,plank");
    row("mixed", QStringLiteral("A-skip と B スキップ"), "a-skip,b-skip");
    row("longest wins", QStringLiteral("かかと歩きとつま先歩き"), "heel-walk,toe-walk");
    row("repeat once", QStringLiteral("もも上げ、そしてまた腿上げ"), "high-knees");
}

void TestDrillRecognizer::recognises()
{
    QFETCH(QString, text);
    QFETCH(QString, keys);
    const DrillRecognition recognition = DrillRecognizer::recognise(text);
    QVERIFY(recognition.recognised);
    QCOMPARE(keysOf(recognition), keys);
}

void TestDrillRecognizer::unknownTextFallsBack_data()
{
    QTest::addColumn<QString>("text");
    QTest::newRow("stretch") << QStringLiteral("ストレッチを丁寧に行いましょう。");
    QTest::newRow("salad is no ladder") << QStringLiteral("サラダを食べる");
    QTest::newRow("header only") << kHeader;
    QTest::newRow("english") << QStringLiteral("Rest and hydrate well.");
}

void TestDrillRecognizer::unknownTextFallsBack()
{
    QFETCH(QString, text);
    const DrillRecognition recognition = DrillRecognizer::recognise(text);
    QVERIFY(!recognition.recognised);
    QCOMPARE(keysOf(recognition), DrillCatalog::info(DrillCatalog::kFallback).key);
}

void TestDrillRecognizer::headerIsStripped()
{
    QCOMPARE(DrillRecognizer::bodyOf(kHeader + QStringLiteral("もも上げ 20m×3\n")),
             QStringLiteral("もも上げ 20m×3"));
    QCOMPARE(DrillRecognizer::bodyOf(QStringLiteral("【💪 おすすめの補強ドリル】 もも上げ")),
             QStringLiteral("もも上げ"));
}

void TestDrillRecognizer::counters_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<QString>("label");
    QTest::addColumn<int>("kind");
    QTest::addColumn<double>("amount");
    QTest::addColumn<int>("sets");
    using K = DrillCounter::Kind;
    QTest::newRow("20m×3") << QStringLiteral("もも上げ 20m×3") << QStringLiteral("20m × 3")
                           << int(K::Distance) << 20.0 << 3;
    QTest::newRow("full width") << QStringLiteral("もも上げ ２０ｍ×３") << QStringLiteral("20m × 3")
                                << int(K::Distance) << 20.0 << 3;
    QTest::newRow("10回") << QStringLiteral("スクワット10回") << QStringLiteral("10回")
                          << int(K::Repetitions) << 10.0 << 1;
    QTest::newRow("30秒") << QStringLiteral("プランク30秒") << QStringLiteral("30秒")
                          << int(K::Time) << 30.0 << 1;
    QTest::newRow("1分") << QStringLiteral("縄跳び1分") << QStringLiteral("1分") << int(K::Time)
                         << 60.0 << 1;
    QTest::newRow("10回×3セット") << QStringLiteral("スクワット 10回×3セット")
                                  << QStringLiteral("10回 × 3") << int(K::Repetitions) << 10.0 << 3;
    QTest::newRow("3本") << QStringLiteral("流し3本") << QStringLiteral("3本")
                         << int(K::Repetitions) << 3.0 << 1;
    QTest::newRow("3セット") << QStringLiteral("ランジ 3セット") << QStringLiteral("3セット")
                             << int(K::Sets) << 3.0 << 1;
    QTest::newRow("20 m x 3") << QStringLiteral("High knees 20 m x 3") << QStringLiteral("20m × 3")
                              << int(K::Distance) << 20.0 << 3;
    QTest::newRow("10 reps") << QStringLiteral("lunges, 10 reps") << QStringLiteral("10 reps")
                             << int(K::Repetitions) << 10.0 << 1;
    QTest::newRow("3 sets of 15 reps")
            << QStringLiteral("calf raises, 3 sets of 15 reps") << QStringLiteral("15 reps × 3")
            << int(K::Repetitions) << 15.0 << 3;
    QTest::newRow("30 seconds") << QStringLiteral("plank 30 seconds")
                                << QStringLiteral("30 seconds") << int(K::Time) << 30.0 << 1;
}

void TestDrillRecognizer::counters()
{
    QFETCH(QString, text);
    QFETCH(QString, label);
    QFETCH(int, kind);
    QFETCH(double, amount);
    QFETCH(int, sets);
    const DrillRecognition recognition = DrillRecognizer::recognise(text);
    QCOMPARE(recognition.drills.size(), 1);
    const QList<DrillCounter> counters = recognition.drills.first().counters;
    QCOMPARE(counters.size(), 1);
    QCOMPARE(counters.first().label, label);
    QCOMPARE(int(counters.first().kind), kind);
    QCOMPARE(counters.first().amount, amount);
    QCOMPARE(counters.first().sets, sets);
}

void TestDrillRecognizer::countersBelongToTheirDrill()
{
    const DrillRecognition r
            = DrillRecognizer::recognise(QStringLiteral("もも上げ20m×3、スクワット10回。"));
    QCOMPARE(keysOf(r), QStringLiteral("high-knees,squat"));
    QCOMPARE(r.drills.at(0).counters.size(), 1);
    QCOMPARE(r.drills.at(0).counters.first().label, QStringLiteral("20m × 3"));
    QCOMPARE(r.drills.at(1).counters.size(), 1);
    QCOMPARE(r.drills.at(1).counters.first().label, QStringLiteral("10回"));
    QVERIFY(DrillRecognizer::recognise(QStringLiteral("もも上げ"))
                    .drills.first()
                    .counters.isEmpty());
}

void TestDrillRecognizer::catalogIsComplete()
{
    const QList<DrillInfo> &all = DrillCatalog::all();
    QCOMPARE(all.size(), int(DrillId::Hill) + 1);
    for (qsizetype i = 0; i < all.size(); ++i) {
        const DrillInfo &d = all.at(i);
        QCOMPARE(int(d.id), int(i));
        QVERIFY(!d.nameJa.isEmpty() && !d.nameEn.isEmpty());
        QVERIFY2(d.cuesJa.size() >= 2 && d.cuesJa.size() <= 3, qPrintable(d.key));
        QCOMPARE(d.cuesEn.size(), d.cuesJa.size());
        // Its own Japanese name and its English name are recognised as that drill.
        QCOMPARE(keysOf(DrillRecognizer::recognise(d.nameJa)).section(QLatin1Char(','), 0, 0),
                 d.key);
        QCOMPARE(keysOf(DrillRecognizer::recognise(d.nameEn)).section(QLatin1Char(','), 0, 0),
                 d.key);
    }
}

QTEST_APPLESS_MAIN(TestDrillRecognizer)
#include "tst_drillrecognizer.moc"
