// The Japanese interface is really loaded: the drillstudio program speaks Japanese in a Japanese
// locale and English in C.UTF-8 (every other test runs in C.UTF-8).
#include "testsupport.h"

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

QTEST_GUILESS_MAIN(TestI18n)
#include "tst_i18n.moc"
