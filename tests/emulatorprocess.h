#pragma once
// A sora-emulator process for the tests that drive drillstudio against it: started on port 0,
// its base URL read from its first line, its control routes called over loopback, and stopped
// when this goes out of scope.
#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QNetworkRequest>
#include <QProcess>
#include <QRegularExpression>
#include <QSignalSpy>
#include <QTest>
#include <QUrl>

class EmulatorProcess
{
public:
    EmulatorProcess() = default;
    ~EmulatorProcess() { stop(); }
    Q_DISABLE_COPY_MOVE(EmulatorProcess)

    // Starts the program with the arguments (and SORA_EMULATOR_API_KEY when apiKey is set) and
    // waits for its "listening on URL" line; returns the base URL ("http://127.0.0.1:N/v1"),
    // empty on failure.
    QString start(const QString &program, const QStringList &arguments, const QString &apiKey = {})
    {
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        if (!apiKey.isEmpty())
            env.insert(QStringLiteral("SORA_EMULATOR_API_KEY"), apiKey);
        m_apiKey = apiKey;
        m_process.setProcessEnvironment(env);
        m_process.setProcessChannelMode(QProcess::SeparateChannels);
        m_process.start(program, arguments);
        if (!m_process.waitForStarted())
            return {};
        if (!QTest::qWaitFor([this] { return m_process.canReadLine(); }, 30000))
            return {};
        const QString line = QString::fromUtf8(m_process.readLine()).trimmed();
        const auto match = QRegularExpression(QStringLiteral("^listening on (\\S+)$")).match(line);
        m_baseUrl = match.hasMatch() ? match.captured(1) : QString();
        return m_baseUrl;
    }

    void stop()
    {
        if (m_process.state() == QProcess::NotRunning)
            return;
        m_process.kill();
        m_process.waitForFinished();
    }

    QString baseUrl() const { return m_baseUrl; }
    QProcess &process() { return m_process; }

    // Calls a route of the emulator (its /_emulator/* control routes, usually) and returns the
    // JSON object it answered, empty when it did not answer within 10 s.
    QJsonObject control(const QByteArray &method, const QString &path, const QJsonObject &body = {})
    {
        QUrl url(m_baseUrl);
        url.setPath(path);
        QNetworkRequest request(url);
        request.setHeader(QNetworkRequest::ContentTypeHeader, QStringLiteral("application/json"));
        if (!m_apiKey.isEmpty())
            request.setRawHeader("Authorization", "Bearer " + m_apiKey.toUtf8());
        QNetworkReply *reply
                = m_network.sendCustomRequest(request, method, QJsonDocument(body).toJson());
        QSignalSpy done(reply, &QNetworkReply::finished);
        if (!reply->isFinished())
            done.wait(10000);
        const QJsonObject answer = QJsonDocument::fromJson(reply->readAll()).object();
        reply->deleteLater();
        return answer;
    }

    // Video creates the emulator received since it started or was last reset; -1 when it did
    // not answer.
    int creates()
    {
        return control("GET", QStringLiteral("/_emulator/log"))
                .value(QStringLiteral("creates"))
                .toInt(-1);
    }

private:
    QProcess m_process;
    QString m_baseUrl;
    QString m_apiKey;
    QNetworkAccessManager m_network;
};
