// The Japanese interface is really loaded: the drillstudio program speaks Japanese in a Japanese
// locale and English in C.UTF-8 (every other test runs in C.UTF-8).
#include "testsupport.h"

#include <QFile>
#include <QFileInfo>
#include <QProcessEnvironment>
#include <QTemporaryDir>
#include <QTest>

class TestI18n : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void invalidRunId_data();
    void invalidRunId();
    void help_data();
    void help();
    void importRefusal_data();
    void importRefusal();
    void missingVideoModule_data();
    void missingVideoModule();

private:
    static QProcessEnvironment environment(const QString &locale);
    QTemporaryDir m_dir;
};

void TestI18n::initTestCase()
{
    QVERIFY(m_dir.isValid());
    QVERIFY(QFileInfo(TestSupport::cliPath()).isExecutable());
}

QProcessEnvironment TestI18n::environment(const QString &locale)
{
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.remove(QStringLiteral("LANGUAGE"));
    env.remove(QStringLiteral("LC_MESSAGES"));
    env.insert(QStringLiteral("LANG"), locale);
    env.insert(QStringLiteral("LC_ALL"), locale);
    return env;
}

void TestI18n::invalidRunId_data()
{
    QTest::addColumn<QString>("locale");
    QTest::addColumn<QString>("expected");
    QTest::addColumn<QString>("unexpected");
    QTest::newRow("ja_JP.UTF-8") << QStringLiteral("ja_JP.UTF-8") << QStringLiteral("ランID")
                                 << QStringLiteral("run ID");
    QTest::newRow("C.UTF-8") << QStringLiteral("C.UTF-8") << QStringLiteral("run ID")
                             << QStringLiteral("ランID");
}

void TestI18n::invalidRunId()
{
    QFETCH(QString, locale);
    QFETCH(QString, expected);
    QFETCH(QString, unexpected);
    const auto result = TestSupport::runCli({QStringLiteral("generate"), QStringLiteral("--run-id"),
                                             QStringLiteral("abc"), QStringLiteral("--drill"),
                                             QStringLiteral("もも上げ 20m×3"),
                                             QStringLiteral("--data-dir"), m_dir.path()},
                                            environment(locale));
    QCOMPARE(result.exitCode, 2);
    QVERIFY2(result.err.contains(expected), qPrintable(result.err));
    QVERIFY2(!result.err.contains(unexpected), qPrintable(result.err));
    QVERIFY2(result.err.contains(QLatin1String("abc")), qPrintable(result.err));
}

void TestI18n::help_data()
{
    QTest::addColumn<QString>("locale");
    QTest::addColumn<QString>("expected");
    QTest::newRow("ja_JP.UTF-8") << QStringLiteral("ja_JP.UTF-8") << QStringLiteral("ドリル");
    QTest::newRow("C.UTF-8") << QStringLiteral("C.UTF-8") << QStringLiteral("drill");
}

void TestI18n::help()
{
    // The generate command's option descriptions, from the same translation.
    QFETCH(QString, locale);
    QFETCH(QString, expected);
    const auto result = TestSupport::runCli({QStringLiteral("generate"), QStringLiteral("--help")},
                                            environment(locale));
    QCOMPARE(result.exitCode, 0);
    QVERIFY2(result.out.contains(expected), qPrintable(result.out));
    QVERIFY2(result.out.contains(QLatin1String("--run-id")), qPrintable(result.out));
}

// Texts of the render layer and its video module, whose translation context is set by hand.
void TestI18n::importRefusal_data()
{
    QTest::addColumn<QString>("locale");
    QTest::addColumn<QString>("expected");
    QTest::newRow("ja_JP.UTF-8") << QStringLiteral(
            "ja_JP.UTF-8") << QStringLiteral("は動画ファイル（MP4、MOV、WebM、MKV）ではありません");
    QTest::newRow("C.UTF-8") << QStringLiteral("C.UTF-8")
                             << QStringLiteral("is not a video file (MP4, MOV, WebM or MKV)");
}

void TestI18n::importRefusal()
{
    QFETCH(QString, locale);
    QFETCH(QString, expected);
    const QString notes = m_dir.filePath(QStringLiteral("notes.mp4"));
    QFile file(notes);
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write("plain text, not a recording\n");
    file.close();
    const auto result = TestSupport::runCli(
            {QStringLiteral("library"), QStringLiteral("import"), notes, QStringLiteral("--drill"),
             QStringLiteral("もも上げ"), QStringLiteral("--data-dir"), m_dir.filePath(locale)},
            environment(locale));
    QVERIFY2(result.exitCode > 0, qPrintable(result.err));
    QVERIFY2(result.err.contains(expected), qPrintable(result.err));
}

void TestI18n::missingVideoModule_data()
{
    QTest::addColumn<QString>("locale");
    QTest::addColumn<QString>("expected");
    QTest::newRow("ja_JP.UTF-8") << QStringLiteral("ja_JP.UTF-8")
                                 << QStringLiteral("動画モジュール（FFmpeg）が見つかりません");
    QTest::newRow("C.UTF-8") << QStringLiteral(
            "C.UTF-8") << QStringLiteral("video module of DrillStudio (FFmpeg) was not found");
}

void TestI18n::missingVideoModule()
{
    QFETCH(QString, locale);
    QFETCH(QString, expected);
    QProcessEnvironment env = environment(locale);
    env.insert(QStringLiteral("DRILLSTUDIO_MEDIA_MODULE"),
               m_dir.filePath(QStringLiteral("none.so")));
    const auto result = TestSupport::runCli(
            {QStringLiteral("generate"), QStringLiteral("--run-id"), QStringLiteral("5"),
             QStringLiteral("--drill"), QStringLiteral("プランク 30秒"),
             QStringLiteral("--data-dir"), m_dir.filePath(QStringLiteral("module-") + locale)},
            env);
    QVERIFY2(result.exitCode > 0, qPrintable(result.err));
    QVERIFY2(result.err.contains(expected), qPrintable(result.err));
}

QTEST_GUILESS_MAIN(TestI18n)
#include "tst_i18n.moc"
