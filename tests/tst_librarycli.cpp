// "drillstudio library …" and "generate" answered from the library, through the real program.
#include "testsupport.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QTest>

using TestSupport::runCli;

class TestLibraryCli : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    QString m_recording;

    QStringList data() const
    {
        return {QStringLiteral("--data-dir"), m_dir.filePath(QStringLiteral("data"))};
    }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(QFile::exists(TestSupport::cliPath()));
        m_recording = m_dir.filePath(QStringLiteral("knees.mov"));
        QProcess ffmpeg;
        ffmpeg.start(QStringLiteral("ffmpeg"),
                     {QStringLiteral("-hide_banner"), QStringLiteral("-loglevel"),
                      QStringLiteral("error"), QStringLiteral("-f"), QStringLiteral("lavfi"),
                      QStringLiteral("-i"),
                      QStringLiteral("testsrc2=size=360x640:rate=30:duration=2"),
                      QStringLiteral("-c:v"), QStringLiteral("libx264"), QStringLiteral("-preset"),
                      QStringLiteral("ultrafast"), m_recording});
        QVERIFY(ffmpeg.waitForFinished(60000) && ffmpeg.exitCode() == 0);
        // Small videos keep the test quick.
        QDir().mkpath(m_dir.filePath(QStringLiteral("data")));
        QFile settings(m_dir.filePath(QStringLiteral("data/settings.ini")));
        QVERIFY(settings.open(QIODevice::WriteOnly));
        settings.write("[generation]\nsize=640x360\n");
    }

    void importListMatchGenerate()
    {
        auto r = runCli(data()
                        + QStringList {QStringLiteral("library"), QStringLiteral("import"),
                                       m_recording, QStringLiteral("--drill"),
                                       QStringLiteral("もも上げ"), QStringLiteral("--note"),
                                       QStringLiteral("at the track")});
        QVERIFY2(r.exitCode == 0, qPrintable(r.err));
        const QString path = r.out.trimmed().section(QLatin1Char('\t'), 2);
        QVERIFY2(QFile::exists(path), qPrintable(r.out));

        r = runCli(data()
                   + QStringList {QStringLiteral("library"), QStringLiteral("list"),
                                  QStringLiteral("--json")});
        QCOMPARE(r.exitCode, 0);
        const QJsonArray list = QJsonDocument::fromJson(r.out.toUtf8()).array();
        QCOMPARE(list.size(), 1);
        QCOMPARE(list.first()[QStringLiteral("notes")].toString(), QStringLiteral("at the track"));
        QCOMPARE(list.first()[QStringLiteral("file")].toString(), path);

        r = runCli(data()
                   + QStringList {QStringLiteral("library"), QStringLiteral("match"),
                                  QStringLiteral("--drill"),
                                  QStringLiteral("【💪 おすすめの補強ドリル】\n腿上げを20回")});
        QCOMPARE(r.exitCode, 0);
        QCOMPARE(r.out.trimmed(), path);
        QVERIFY(r.err.contains(QStringLiteral("100%")));

        // generate prints the chosen file's path, as for a generated video, and says why.
        r = runCli(data()
                   + QStringList {QStringLiteral("generate"), QStringLiteral("--run-id"),
                                  QStringLiteral("7"), QStringLiteral("--drill"),
                                  QStringLiteral("モモアゲを30秒")});
        QVERIFY2(r.exitCode == 0, qPrintable(r.err));
        QCOMPARE(r.out.trimmed(), path);
        QVERIFY2(r.err.contains(QStringLiteral("モモアゲ")), qPrintable(r.err));

        // Only the library, for a drill it lacks: refused with the reason, nothing generated.
        r = runCli(data()
                   + QStringList {QStringLiteral("generate"), QStringLiteral("--run-id"),
                                  QStringLiteral("8"), QStringLiteral("--provider"),
                                  QStringLiteral("library"), QStringLiteral("--drill"),
                                  QStringLiteral("ジョギングを20分")});
        QCOMPARE(r.exitCode, 1);
        QVERIFY(r.out.isEmpty());
        QVERIFY(r.err.contains(QStringLiteral("ジョギング")));

        r = runCli(data()
                   + QStringList {QStringLiteral("library"), QStringLiteral("synonyms"),
                                  QStringLiteral("add"), QStringLiteral("腿上げ"),
                                  QStringLiteral("ニーアップ")});
        QVERIFY2(r.exitCode == 0, qPrintable(r.err));
        r = runCli(data()
                   + QStringList {QStringLiteral("library"), QStringLiteral("match"),
                                  QStringLiteral("--drill"), QStringLiteral("ニーアップ")});
        QCOMPARE(r.exitCode, 0);
    }

    void refusesBadInput()
    {
        QFile text(m_dir.filePath(QStringLiteral("notes.mp4")));
        QVERIFY(text.open(QIODevice::WriteOnly));
        text.write("coach's notes");
        text.close();
        auto r = runCli(data()
                        + QStringList {QStringLiteral("library"), QStringLiteral("import"),
                                       text.fileName(), QStringLiteral("--drill"),
                                       QStringLiteral("もも上げ")});
        QCOMPARE(r.exitCode, 1);
        QVERIFY(r.err.contains(QStringLiteral("not a video")));
        r = runCli(
                data()
                + QStringList {QStringLiteral("library"), QStringLiteral("import"), m_recording});
        QCOMPARE(r.exitCode, 2);
        QVERIFY(r.err.contains(QStringLiteral("--drill")));
    }
};

QTEST_GUILESS_MAIN(TestLibraryCli)
#include "tst_librarycli.moc"
