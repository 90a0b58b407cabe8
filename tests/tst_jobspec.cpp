// JobSpec: input validation, drill normalisation and the identity of a video.
#include "jobspec.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QJsonValue>
#include <QTest>

class TestJobSpec : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void parseRunId_data();
    void parseRunId();
    void parseRunIdJson_data();
    void parseRunIdJson();
    void parseRunIdAsWritten_data();
    void parseRunIdAsWritten();
    void errorShowsControlCharacters();
    void drillText_data();
    void drillText();
    void normalization();
    void specHashIgnoresRun();
    void specHashFollowsWhatIsGenerated();
    void promptTemplate();
    void displayText();
};

void TestJobSpec::parseRunId_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<qint64>("expected"); // 0: rejected
    QTest::newRow("plain") << QStringLiteral("42") << qint64(42);
    QTest::newRow("spaces") << QStringLiteral("  7 ") << qint64(7);
    QTest::newRow("full-width digits") << QStringLiteral("４２") << qint64(42);
    QTest::newRow("large") << QStringLiteral("123456789012345") << qint64(123456789012345);
    QTest::newRow("empty") << QString() << qint64(0);
    QTest::newRow("zero") << QStringLiteral("0") << qint64(0);
    QTest::newRow("negative") << QStringLiteral("-5") << qint64(0);
    QTest::newRow("plus sign") << QStringLiteral("+5") << qint64(0);
    QTest::newRow("decimal") << QStringLiteral("4.2") << qint64(0);
    QTest::newRow("word") << QStringLiteral("abc") << qint64(0);
    QTest::newRow("hex") << QStringLiteral("0x10") << qint64(0);
    QTest::newRow("largest") << QStringLiteral("9007199254740991") << qint64(9007199254740991);
    QTest::newRow("leading zeros") << QStringLiteral("0000000000000000042") << qint64(42);
    QTest::newRow("one too large") << QStringLiteral("9007199254740992") << qint64(0);
    QTest::newRow("far too large") << QStringLiteral("99999999999999999999999") << qint64(0);
    QTest::newRow("exponent") << QStringLiteral("9e15") << qint64(0);
    QTest::newRow("trailing NUL") << (QStringLiteral("1") + QChar(0)) << qint64(0);
    QTest::newRow("inner space") << QStringLiteral("4 2") << qint64(0);
    QTest::newRow("full-width minus") << QStringLiteral("－５") << qint64(0);
    QTest::newRow("arabic-indic digits") << QStringLiteral("٤٢") << qint64(0);
    QTest::newRow("zeros") << QStringLiteral("000") << qint64(0);
}

void TestJobSpec::parseRunIdJson_data()
{
    QTest::addColumn<QJsonValue>("value");
    QTest::addColumn<qint64>("expected"); // 0: rejected
    QTest::addColumn<int>("problem");
    using P = RunIdCheck::Problem;
    QTest::newRow("number") << QJsonValue(42) << qint64(42) << int(P::None);
    QTest::newRow("whole float") << QJsonValue(42.0) << qint64(42) << int(P::None);
    QTest::newRow("string") << QJsonValue(QStringLiteral("42")) << qint64(42) << int(P::None);
    QTest::newRow("largest") << QJsonValue(9007199254740991.0) << qint64(9007199254740991)
                             << int(P::None);
    QTest::newRow("fraction") << QJsonValue(42.7) << qint64(0) << int(P::NotWhole);
    QTest::newRow("1e16") << QJsonValue(1e16) << qint64(0) << int(P::TooLarge);
    QTest::newRow("zero") << QJsonValue(0) << qint64(0) << int(P::NotPositive);
    QTest::newRow("negative") << QJsonValue(-1) << qint64(0) << int(P::NotPositive);
    QTest::newRow("plus string") << QJsonValue(QStringLiteral("+5")) << qint64(0)
                                 << int(P::NotANumber);
    QTest::newRow("bool") << QJsonValue(true) << qint64(0) << int(P::NotANumber);
    QTest::newRow("null") << QJsonValue() << qint64(0) << int(P::Missing);
    QTest::newRow("array") << QJsonValue(QJsonArray {1}) << qint64(0) << int(P::NotANumber);
}

void TestJobSpec::parseRunIdJson()
{
    QFETCH(QJsonValue, value);
    QFETCH(qint64, expected);
    QFETCH(int, problem);
    const RunIdCheck check = JobSpec::checkRunId(value);
    QCOMPARE(int(check.problem), problem);
    if (expected == 0) {
        QVERIFY(!check.value);
        QVERIFY(!check.message.isEmpty());
    } else {
        QVERIFY2(check.value, qPrintable(check.message));
        QCOMPARE(*check.value, expected);
        QVERIFY(check.message.isEmpty());
    }
}

void TestJobSpec::parseRunIdAsWritten_data()
{
    QTest::addColumn<QByteArray>("json");
    QTest::addColumn<qint64>("expected"); // 0: rejected
    QTest::newRow("integer") << QByteArray(R"({"run_id": 42})") << qint64(42);
    QTest::newRow("string") << QByteArray(R"({"drill_text":"x","run_id":"42"})") << qint64(42);
    QTest::newRow("exponent") << QByteArray(R"({"run_id": 9e15})") << qint64(0);
    QTest::newRow("capital exponent") << QByteArray(R"({"run_id":1E3})") << qint64(0);
    QTest::newRow("point zero") << QByteArray(R"({"run_id": 42.0})") << qint64(0);
    QTest::newRow("after nested") << QByteArray(R"({"a":{"run_id":1.5,"b":[1,"}"]},"run_id":7})")
                                  << qint64(7);
    QTest::newRow("repeated key, last wins")
            << QByteArray(R"({"run_id": 5, "run_id": 5.5})") << qint64(0);
    QTest::newRow("escaped quote in key")
            << QByteArray(R"({"x\"run_id": 2.5, "run_id": 8})") << qint64(8);
}

void TestJobSpec::parseRunIdAsWritten()
{
    QFETCH(QByteArray, json);
    QFETCH(qint64, expected);
    const QJsonObject object = QJsonDocument::fromJson(json).object();
    QVERIFY(!object.isEmpty());
    const RunIdCheck check = JobSpec::checkRunId(object.value(QLatin1String("run_id")), json,
                                                 QLatin1String("run_id"));
    if (expected == 0) {
        QVERIFY(!check.value);
        QVERIFY(!check.message.isEmpty());
    } else {
        QVERIFY2(check.value, qPrintable(check.message));
        QCOMPARE(*check.value, expected);
    }
}

void TestJobSpec::errorShowsControlCharacters()
{
    QString error;
    QVERIFY(!JobSpec::parseRunId(QStringLiteral("1") + QChar(0), &error));
    QVERIFY2(!error.contains(QChar(0)), qPrintable(error));
    QVERIFY2(error.contains(QLatin1String("\\u0000")), qPrintable(error));
}

void TestJobSpec::parseRunId()
{
    QFETCH(QString, text);
    QFETCH(qint64, expected);
    QString error;
    const auto id = JobSpec::parseRunId(text, &error);
    if (expected == 0) {
        QVERIFY(!id);
        QVERIFY(!error.isEmpty());
    } else {
        QVERIFY2(id, qPrintable(error));
        QCOMPARE(*id, expected);
    }
}

void TestJobSpec::drillText_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<bool>("valid");
    QTest::newRow("short") << QStringLiteral("もも上げ 20m×3") << true;
    QTest::newRow("empty") << QString() << false;
    QTest::newRow("blank") << QStringLiteral(" \n\t　") << false;
    QTest::newRow("2000 characters") << QString(2000, QChar(0x3042)) << true;
    QTest::newRow("2001 characters") << QString(2001, QChar(0x3042)) << false;
    QTest::newRow("2000 with surrounding spaces")
            << (QStringLiteral("   ") + QString(2000, QLatin1Char('a')) + QStringLiteral("\n"))
            << true;
    // An emoji is one character even though it takes two UTF-16 units.
    QString emoji;
    for (int i = 0; i < 2000; ++i)
        emoji += QString::fromUcs4(U"💪");
    QTest::newRow("2000 emoji") << emoji << true;
}

void TestJobSpec::drillText()
{
    QFETCH(QString, text);
    QFETCH(bool, valid);
    QCOMPARE(JobSpec::validateDrillText(text).isEmpty(), valid);
}

void TestJobSpec::normalization()
{
    QCOMPARE(JobSpec::normalizeDrillText(QStringLiteral("  もも上げ　２０ｍ×３ \n\n  次へ  ")),
             QStringLiteral("もも上げ 20m×3\n次へ"));
}

void TestJobSpec::specHashIgnoresRun()
{
    JobSpec a;
    a.runId = 1;
    a.drillText = QStringLiteral("もも上げ 20m×3");
    JobSpec b = a;
    b.runId = 999;
    b.drillText = QStringLiteral("  もも上げ　２０ｍ×３\n");
    QCOMPARE(a.specHash(), b.specHash());
    QCOMPARE(a.specHash().size(), 32);
}

void TestJobSpec::specHashFollowsWhatIsGenerated()
{
    JobSpec base;
    base.runId = 1;
    base.drillText = QStringLiteral("プランク 30秒");
    const QString hash = base.specHash();
    JobSpec other = base;
    other.size = QSize(720, 1280);
    QVERIFY(other.specHash() != hash);
    other = base;
    other.seconds = 8;
    QVERIFY(other.specHash() != hash);
    other = base;
    other.provider = QStringLiteral("openai");
    QVERIFY(other.specHash() != hash);
    other = base;
    other.model = QStringLiteral("sora-2-pro");
    QVERIFY(other.specHash() != hash);
    other = base;
    other.promptTemplate = QStringLiteral("{drill}!");
    QVERIFY(other.specHash() != hash);
    other = base;
    other.drillText = QStringLiteral("プランク 60秒");
    QVERIFY(other.specHash() != hash);
}

void TestJobSpec::promptTemplate()
{
    JobSpec spec;
    spec.drillText = QStringLiteral(" ランジ 10回 ");
    spec.promptTemplate = QStringLiteral("Show: {drill}.");
    QCOMPARE(spec.prompt(), QStringLiteral("Show: ランジ 10回."));
}

void TestJobSpec::displayText()
{
    QCOMPARE(JobSpec::displayText(QStringLiteral("【💪 おすすめの補強ドリル】\n補強ドリルとして、"
                                                 "もも上げ 20m×3 が効果的です。\n")),
             QStringLiteral("補強ドリルとして、もも上げ 20m×3 が効果的です。"));
    // A text that is only a header keeps it, rather than showing nothing.
    QCOMPARE(JobSpec::displayText(QStringLiteral("【ドリル】")), QStringLiteral("【ドリル】"));
    QCOMPARE(JobSpec::displayText(QStringLiteral("ランジ\n  10回 ")),
             QStringLiteral("ランジ 10回"));
}

QTEST_GUILESS_MAIN(TestJobSpec)
#include "tst_jobspec.moc"
