// Matching drill texts (the advice card's whole drill section) against a tagged library: a table
// of real-looking texts with the video each must get, including texts that must get none.
#include "library/drillmatcher.h"
#include "library/synonyms.h"

#include <QTest>

namespace {

DrillMatcher::Video video(const char *id, std::initializer_list<const char16_t *> tags,
                          qint64 created = 1)
{
    DrillMatcher::Video v;
    v.id = QString::fromLatin1(id);
    for (const char16_t *tag : tags)
        v.tags << QString::fromUtf16(tag);
    v.createdAt = created;
    v.label = v.id;
    return v;
}

const char16_t kHeader[] = u"【💪 おすすめの補強ドリル】\n";

} // namespace

class TestDrillMatcher : public QObject
{
    Q_OBJECT

private:
    DrillMatcher m_matcher;

private Q_SLOTS:
    void initTestCase()
    {
        QList<DrillSynonym> synonyms = DrillSynonyms::builtin();
        // An admin's own drill and a word for it.
        synonyms.append({QStringLiteral("タオルギャザー"), QStringLiteral("タオルたぐり寄せ"),
                         QStringLiteral("ja"), false});
        m_matcher.build(
                synonyms,
                {video("v-knees", {u"もも上げ"}), video("v-wall", {u"ウォールドリル"}),
                 video("v-balance", {u"片足立ち"}), video("v-plank", {u"プランク", u"Plank"}),
                 video("v-combo", {u"Aスキップ", u"もも上げ"}), video("v-calf", {u"カーフレイズ"}),
                 video("v-rope", {u"縄跳び"}), video("v-towel", {u"タオルギャザー"}),
                 video("v-squatjump", {u"スクワットジャンプ"}),
                 video("v-knees-old", {u"High knees"}, 0)});
    }

    void chooses_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<QString>("video"); // empty: nothing may match
        QTest::addColumn<QStringList>("others"); // videos listed for the other drills

        const QString h = QString::fromUtf16(kHeader);
        const auto row = [&](const char *name, const QString &text, const char *video,
                             QStringList others = {}) {
            QTest::newRow(name) << text << QString::fromLatin1(video) << others;
        };
        row("wall drill, the service's example",
            h
                    + QStringLiteral("補強ドリルとして、壁を使った前傾姿勢の練習（ウォールドリル）"
                                     "が効果的です"
                                     "。\n"),
            "v-wall");
        row("腿上げ in kanji", h + QStringLiteral("腿上げを20回×3セット行いましょう。"), "v-knees");
        row("モモアゲ in katakana", QStringLiteral("モモアゲ 30秒"), "v-knees");
        row("ももあげ in hiragana", h + QStringLiteral("その場でももあげを行うと効果的です。"),
            "v-knees");
        row("English words", QStringLiteral("Add some high knees after your run."), "v-knees");
        row("two drills, one video shows both",
            h
                    + QStringLiteral("Aスキップともも上げを組み合わせて、膝を高く上げる感覚を身につ"
                                     "けましょう。"),
            "v-combo");
        row("two drills, no video shows both",
            h + QStringLiteral("もも上げとカーフレイズを各10回行いましょう。"), "v-knees",
            {QStringLiteral("v-calf")});
        row("the first drill named decides",
            h + QStringLiteral("カーフレイズ（かかと上げ）と腿上げがおすすめです。"), "v-calf",
            {QStringLiteral("v-knees")});
        row("体幹 names the plank",
            h + QStringLiteral("体幹トレーニングで姿勢を安定させましょう。"), "v-plank");
        row("縄跳び read as なわとび", QStringLiteral("なわとびを1分間×3セット"), "v-rope");
        row("a drill only the library knows",
            h + QStringLiteral("タオルギャザーで足裏を鍛えましょう。"), "v-towel");
        row("an admin's synonym", QStringLiteral("タオルたぐり寄せを毎日行いましょう"), "v-towel");
        row("a longer tag wins", QStringLiteral("スクワットジャンプを10回行いましょう。"),
            "v-squatjump");
        row("a typo in a library drill", QStringLiteral("タオルキャザーを行いましょう"), "v-towel");
        row("a typo in English", QStringLiteral("Do some hig knees before the race."), "v-knees");
        row("a drill in the text but not in the library is listed, the other chosen",
            QStringLiteral("Try butt kicks and high knees."), "v-knees");

        // Texts that name nothing the library has.
        row("no drill needed",
            h + QStringLiteral("特に補強ドリルは必要ありません。現在のフォームを維持しましょう。"),
            "");
        row("stretching", h + QStringLiteral("ランニング後はしっかりストレッチをしましょう。"), "");
        row("jogging, which the library lacks",
            QStringLiteral("ジョギングをゆっくり30分行いましょう。"), "");
        row("cadence advice", QStringLiteral("Keep your cadence around 180 steps per minute."), "");
        row("balance in another sense",
            h + QStringLiteral("左右のバランスを意識して走りましょう。"), "");
        row("a wall, not the wall drill",
            QStringLiteral("壁にぶつからないよう周りに注意しましょう。"), "");
        row("core, not a plank", QStringLiteral("Keep your core engaged on the hills."), "");
        row("汗を流し is not 流し", QStringLiteral("走った後はシャワーで汗を流しましょう。"), "");
        row("片足立ち by name", h + QStringLiteral("片足立ちを30秒ずつ行いましょう。"),
            "v-balance");
        row("ラダー inside サラダ", QStringLiteral("食事ではサラダを多めに取りましょう。"), "");
        row("タオル is not タオルギャザー", QStringLiteral("タオルで汗をこまめに拭きましょう。"),
            "");
        row("a squat is not a squat jump", QStringLiteral("スクワットを15回×2セット"), "");
        row("arm swing, which the library lacks", h + QStringLiteral("腕振りを意識してください。"),
            "");
        row("empty body", h, "");
    }

    void chooses()
    {
        QFETCH(QString, text);
        QFETCH(QString, video);
        QFETCH(QStringList, others);
        const LibraryMatch match = m_matcher.match(text, 0.8);
        QVERIFY2(!match.explanation.isEmpty(), "every answer says why");
        if (video.isEmpty()) {
            QVERIFY2(!match.matched, qPrintable(match.explanation));
            QVERIFY(match.videoId.isEmpty());
            return;
        }
        QVERIFY2(match.matched, qPrintable(match.explanation));
        QCOMPARE(match.videoId, video);
        QVERIFY(match.confidence >= 0.8 && match.confidence <= 1.0);
        QVERIFY2(match.explanation.contains(video), qPrintable(match.explanation));
        QVERIFY(match.explanation.contains(QLatin1Char('%')));
        QStringList listed;
        for (const auto &[mention, id] : match.others)
            listed << id;
        QCOMPARE(listed, others);
    }

    // The three spellings are one drill, and an exact name is certain.
    void spellingsAreOneDrill()
    {
        for (const QString &text : {QStringLiteral("もも上げ"), QStringLiteral("腿上げ"),
                                    QStringLiteral("モモアゲ"), QStringLiteral("ももあげ")}) {
            const QList<DrillMention> named = m_matcher.mentions(text, 0.8);
            QCOMPARE(named.size(), 1);
            QCOMPARE(named.first().drill, QStringLiteral("high-knees"));
            QCOMPARE(named.first().confidence, 1.0);
            QCOMPARE(named.first().said, text);
        }
    }

    // With the threshold at 1, only exact names count: the typo no longer matches.
    void thresholdFromSettingsApplies()
    {
        const QString typo = QStringLiteral("タオルキャザーを行いましょう");
        QVERIFY(m_matcher.match(typo, 0.8).matched);
        QVERIFY(!m_matcher.match(typo, 1.0).matched);
    }

    // Several videos show the drill: the one showing the fewest other drills, then the newest.
    void prefersFocusedThenNewest()
    {
        DrillMatcher matcher;
        matcher.build(DrillSynonyms::builtin(),
                      {video("old", {u"プランク"}, 10), video("new", {u"プランク"}, 20),
                       video("mixed", {u"プランク", u"もも上げ"}, 30)});
        QCOMPARE(matcher.match(QStringLiteral("プランク30秒"), 0.8).videoId, QStringLiteral("new"));
        QCOMPARE(matcher.match(QStringLiteral("プランクともも上げ"), 0.8).videoId,
                 QStringLiteral("mixed"));
    }

    void emptyLibraryMatchesNothing()
    {
        DrillMatcher matcher;
        matcher.build(DrillSynonyms::builtin(), {});
        const LibraryMatch match = matcher.match(QStringLiteral("もも上げ"), 0.8);
        QVERIFY(!match.matched);
        QCOMPARE(match.notInLibrary.size(), 1);
    }
};

QTEST_GUILESS_MAIN(TestDrillMatcher)
#include "tst_drillmatcher.moc"
