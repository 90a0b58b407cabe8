// POST /generate for a drill the library has: answered at once with the library video, which
// GET /status and GET /download then serve like any other; a drill it lacks is still generated.
#include "appcontext.h"
#include "library/drilllibrary.h"
#include "restserver.h"
#include "settings.h"
#include "testsupport.h"
#include "videostore.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QProcess>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

namespace {

const QByteArray kPassword = "library-test-password";

struct Answer
{
    int status = 0;
    QByteArray body;
    QJsonObject json() const { return QJsonDocument::fromJson(body).object(); }
};

} // namespace

class TestLibraryServer : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    std::unique_ptr<AppContext> m_context;
    std::unique_ptr<RestServer> m_server;
    QNetworkAccessManager m_network;
    QString m_videoPath;

    Answer request(const QByteArray &method, const QString &path, const QByteArray &body = {})
    {
        QNetworkRequest request(
                QUrl(QStringLiteral("http://127.0.0.1:%1%2").arg(m_server->port()).arg(path)));
        request.setTransferTimeout(120000);
        if (!body.isEmpty())
            request.setHeader(QNetworkRequest::ContentTypeHeader,
                              QByteArrayLiteral("application/json"));
        QNetworkReply *reply = m_network.sendCustomRequest(request, method, body);
        QSignalSpy finished(reply, &QNetworkReply::finished);
        if (!finished.wait(120000))
            return {};
        Answer answer;
        answer.status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
        answer.body = reply->readAll();
        reply->deleteLater();
        return answer;
    }

    QByteArray generateBody(qint64 runId, const QString &drill, int wait = -1)
    {
        QJsonObject body {{QStringLiteral("run_id"), runId},
                          {QStringLiteral("drill_text"), drill},
                          {QStringLiteral("size"), QStringLiteral("640x360")},
                          {QStringLiteral("seconds"), QStringLiteral("4")},
                          {QStringLiteral("password"), QString::fromLatin1(kPassword)}};
        if (wait >= 0)
            body.insert(QStringLiteral("wait"), wait);
        return QJsonDocument(body).toJson(QJsonDocument::Compact);
    }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        qputenv("DRILLSTUDIO_GENERATION_PASSWORD", kPassword);
        const QString recording = m_dir.filePath(QStringLiteral("wall.mp4"));
        QProcess ffmpeg;
        ffmpeg.start(QStringLiteral("ffmpeg"),
                     {QStringLiteral("-hide_banner"), QStringLiteral("-loglevel"),
                      QStringLiteral("error"), QStringLiteral("-f"), QStringLiteral("lavfi"),
                      QStringLiteral("-i"),
                      QStringLiteral("testsrc2=size=640x360:rate=30:duration=2"),
                      QStringLiteral("-c:v"), QStringLiteral("libx264"), QStringLiteral("-preset"),
                      QStringLiteral("ultrafast"), recording});
        QVERIFY(ffmpeg.waitForFinished(60000) && ffmpeg.exitCode() == 0);

        m_context = std::make_unique<AppContext>();
        AppContext::Options options;
        options.dataDir = m_dir.filePath(QStringLiteral("data"));
        options.installLogFile = false;
        QVERIFY2(m_context->open(options), qPrintable(m_context->errorString()));
        QCOMPARE(m_context->settings()->setValue("generation/size", QStringLiteral("640x360")),
                 QString());
        DrillLibrary::ImportRequest import;
        import.file = recording;
        import.drills = {QStringLiteral("ウォールドリル")};
        const DrillLibrary::ImportResult result = m_context->library()->importFile(import);
        QVERIFY2(result.ok, qPrintable(result.error));
        m_videoPath = m_context->videos()->absolutePath(result.video.filePath);
        m_server = std::make_unique<RestServer>(m_context.get());
        QVERIFY2(m_server->listen(QHostAddress::LocalHost, 0), qPrintable(m_server->errorString()));
    }

    void cleanupTestCase()
    {
        m_server.reset();
        m_context.reset();
        qunsetenv("DRILLSTUDIO_GENERATION_PASSWORD");
    }

    void matchedDrillIsAnsweredFromTheLibrary()
    {
        const QString drill = QStringLiteral("【💪 "
                                             "おすすめの補強ドリル】\n補強ドリルとして、壁を使った"
                                             "前傾姿勢の練習（ウォールドリル）"
                                             "が効果的です。\n");
        // wait 0 asks for an answer at once; a library match is already complete.
        const Answer answer
                = request("POST", QStringLiteral("/generate"), generateBody(501, drill, 0));
        QCOMPARE(answer.status, 200);
        QCOMPARE(answer.json().value(QStringLiteral("status")).toString(),
                 QStringLiteral("success"));
        const QString url = answer.json().value(QStringLiteral("video_url")).toString();
        QVERIFY2(url.startsWith(QStringLiteral("/api/video-generation/download/")),
                 answer.body.constData());

        const Answer status = request("GET", QStringLiteral("/status/501"));
        QCOMPARE(status.json().value(QStringLiteral("generation_status")).toString(),
                 QStringLiteral("completed"));
        QCOMPARE(status.json().value(QStringLiteral("video_url")).toString(), url);
        QCOMPARE(status.json().value(QStringLiteral("source")).toString(),
                 QStringLiteral("library"));
        QCOMPARE(status.json().value(QStringLiteral("match_confidence")).toDouble(), 1.0);
        QVERIFY(status.json()
                        .value(QStringLiteral("match_explanation"))
                        .toString()
                        .contains(QStringLiteral("ウォールドリル")));

        const Answer download
                = request("GET", url.mid(QStringLiteral("/api/video-generation").size()));
        QCOMPARE(download.status, 200);
        QFile file(m_videoPath);
        QVERIFY(file.open(QIODevice::ReadOnly));
        QCOMPARE(download.body, file.readAll());

        // Clearing the run removes its link only; the library video stays.
        QCOMPARE(request("DELETE", QStringLiteral("/cache/501")).status, 200);
        QCOMPARE(request("GET", QStringLiteral("/status/501"))
                         .json()
                         .value(QStringLiteral("status"))
                         .toString(),
                 QStringLiteral("not_found"));
        QVERIFY(QFile::exists(m_videoPath));
    }

    void unmatchedDrillIsGenerated()
    {
        const Answer answer = request("POST", QStringLiteral("/generate"),
                                      generateBody(502, QStringLiteral("ジョギングを20分"), 0));
        QCOMPARE(answer.status, 202);
        QVERIFY(!request("GET", QStringLiteral("/status/502"))
                         .json()
                         .contains(QStringLiteral("source")));
    }
};

QTEST_MAIN(TestLibraryServer)
#include "tst_libraryserver.moc"
