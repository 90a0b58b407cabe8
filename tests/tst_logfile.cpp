// drillstudio.log is rotated to drillstudio.log.1 at log/maxBytes: in the log's own code, and in
// the real program with the setting.
#include "logfile.h"
#include "testsupport.h"

#include <QFile>
#include <QFileInfo>
#include <QLoggingCategory>
#include <QSettings>
#include <QTemporaryDir>
#include <QTest>

namespace {

QByteArray contentOf(const QString &path)
{
    QFile file(path);
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
}

} // namespace

class TestLogFile : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void cleanup();
    void rotatesAtMaxBytes();
    void rotatesAnOversizedFileAtStart();
    void programRotatesAtTheSetting_data();
    void programRotatesAtTheSetting();

private:
    std::unique_ptr<QTemporaryDir> m_dir;
};

void TestLogFile::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    QVERIFY(m_dir->isValid());
}

void TestLogFile::cleanup()
{
    LogFile::uninstall();
}

void TestLogFile::rotatesAtMaxBytes()
{
    constexpr qint64 kMax = 8192;
    const QString path = m_dir->filePath(QStringLiteral("drillstudio.log"));
    LogFile::setQuietStderr(true);
    QVERIFY(LogFile::install(path, kMax));
    // Numbered lines of about 100 bytes, until the file has been rotated twice.
    int written = 0;
    int rotations = 0;
    qint64 previousSize = 0;
    while (rotations < 2 && written < 1000) {
        qInfo("line %05d %s", written++, QByteArray(60, 'x').constData());
        const qint64 size = QFileInfo(path).size();
        QVERIFY2(size < kMax, qPrintable(QString::number(size)));
        if (size < previousSize)
            ++rotations;
        previousSize = size;
    }
    QCOMPARE(rotations, 2);
    const QByteArray current = contentOf(path);
    const QByteArray rotated = contentOf(path + QStringLiteral(".1"));
    QVERIFY(rotated.size() >= kMax);
    QVERIFY(rotated.size() < kMax + 200);
    // Only one older file, and no line lost between it and the current one.
    QVERIFY(!QFile::exists(path + QStringLiteral(".2")));
    QVERIFY(!rotated.contains("line 00000 "));
    const QList<QByteArray> lines = QByteArray(rotated + current).trimmed().split('\n');
    int expected = -1;
    for (const QByteArray &line : lines) {
        const int at = line.indexOf("line ");
        QVERIFY2(at >= 0, line.constData());
        const int number = line.mid(at + 5, 5).toInt();
        if (expected >= 0)
            QCOMPARE(number, expected);
        expected = number + 1;
    }
    QCOMPARE(expected, written);
}

void TestLogFile::rotatesAnOversizedFileAtStart()
{
    const QString path = m_dir->filePath(QStringLiteral("drillstudio.log"));
    {
        QFile file(path);
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write(QByteArray(5000, 'a') + '\n');
    }
    LogFile::setQuietStderr(true);
    QVERIFY(LogFile::install(path, 4096));
    qInfo("after the rotation");
    QCOMPARE(QFileInfo(path + QStringLiteral(".1")).size(), 5001);
    QVERIFY(contentOf(path).contains("after the rotation"));
    QVERIFY(!contentOf(path).contains("aaaa"));
}

void TestLogFile::programRotatesAtTheSetting_data()
{
    QTest::addColumn<int>("maxBytes"); // 0: the default (2 MiB)
    QTest::addColumn<bool>("rotated");
    QTest::newRow("log/maxBytes=4096") << 4096 << true;
    QTest::newRow("default") << 0 << false;
}

void TestLogFile::programRotatesAtTheSetting()
{
    QFETCH(int, maxBytes);
    QFETCH(bool, rotated);
    QVERIFY(QFileInfo(TestSupport::cliPath()).isExecutable());
    const QString dir = m_dir->path();
    if (maxBytes > 0) {
        QSettings settings(dir + QStringLiteral("/settings.ini"), QSettings::IniFormat);
        settings.setValue(QStringLiteral("settingsVersion"), 1);
        settings.setValue(QStringLiteral("log/maxBytes"), maxBytes);
    }
    // A log a little over 4096 bytes, from earlier runs.
    const QString log = dir + QStringLiteral("/drillstudio.log");
    const QByteArray earlier = QByteArray("earlier run ") + QByteArray(5000, '.') + '\n';
    {
        QFile file(log);
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write(earlier);
    }
    const auto result = TestSupport::runCli(
            {QStringLiteral("cache"), QStringLiteral("list"), QStringLiteral("--data-dir"), dir});
    QVERIFY2(result.exitCode == 0, qPrintable(result.err));
    QVERIFY2(contentOf(log).contains("data folder"), contentOf(log).constData());
    if (rotated) {
        QCOMPARE(contentOf(log + QStringLiteral(".1")), earlier);
        QVERIFY(!contentOf(log).contains("earlier run"));
    } else {
        QVERIFY(!QFile::exists(log + QStringLiteral(".1")));
        QVERIFY(contentOf(log).startsWith(earlier));
    }
}

QTEST_GUILESS_MAIN(TestLogFile)
#include "tst_logfile.moc"
