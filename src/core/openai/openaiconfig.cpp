#include "openaiconfig.h"

#include "openailog.h"
#include "settings.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QHostAddress>

namespace {

struct Text
{
    Q_DECLARE_TR_FUNCTIONS(OpenAIConfig)
};

} // namespace

OpenAIConfig OpenAIConfig::fromSettings(const Settings &settings)
{
    OpenAIConfig config;
    config.baseUrl = QUrl(settings.string("openai/baseUrl"));
    config.organization = settings.string("openai/organization");
    config.project = settings.string("openai/project");
    config.requestTimeoutMs = int(settings.integer("openai/requestTimeoutSeconds") * 1000);
    config.maxRetries = int(settings.integer("openai/maxRetries"));
    config.maxDownloadBytes = settings.integer("openai/maxDownloadBytes");
    config.pollIntervalMs = int(settings.integer("openai/pollIntervalSeconds") * 1000);
    config.jobTimeoutMs = settings.integer("jobs/timeoutSeconds") * 1000;
    for (const QString &size : settings.list("openai/allowedSizes"))
        config.allowedSizes << formatVideoSize(parseVideoSize(size));
    for (const QString &seconds : settings.list("openai/allowedSeconds"))
        config.allowedSeconds << seconds.toInt();
    config.allowInsecure = settings.flag("openai/allowInsecure");
    return config;
}

bool OpenAIConfig::sendsKeyInClearText() const
{
    if (baseUrl.scheme().compare(QLatin1String("http"), Qt::CaseInsensitive) != 0)
        return false;
    const QString host = baseUrl.host();
    if (host.compare(QLatin1String("localhost"), Qt::CaseInsensitive) == 0)
        return false;
    const QHostAddress address(host);
    return address.isNull() || !address.isLoopback();
}

QString OpenAIConfig::checkTransport() const
{
    if (!sendsKeyInClearText() || allowInsecure)
        return {};
    return Text::tr("The video service address %1 uses http:// on another machine, so the API "
                    "key would cross the network unencrypted. Use https://, or set "
                    "openai/allowInsecure=true if this network is trusted.")
            .arg(baseUrl.toDisplayString(QUrl::RemoveUserInfo));
}

QString OpenAIConfig::insecureWarning() const
{
    return Text::tr("warning: the API key is sent unencrypted to %1 (http://, "
                    "openai/allowInsecure=true).")
            .arg(baseUrl.toDisplayString(QUrl::RemoveUserInfo));
}

QString OpenAIConfig::checkRequest(QSize size, int seconds) const
{
    const QString sizeText = formatVideoSize(size);
    if (!allowedSizes.isEmpty() && !allowedSizes.contains(sizeText))
        return Text::tr("The video service does not accept the size %1. Allowed sizes "
                        "(openai/allowedSizes): %2.")
                .arg(sizeText, allowedSizes.join(QStringLiteral(", ")));
    if (!allowedSeconds.isEmpty() && !allowedSeconds.contains(seconds)) {
        QStringList allowed;
        for (int value : allowedSeconds)
            allowed << QString::number(value);
        return Text::tr("The video service does not accept a length of %1 seconds. Allowed "
                        "lengths (openai/allowedSeconds): %2.")
                .arg(seconds)
                .arg(allowed.join(QStringLiteral(", ")));
    }
    return {};
}

QDebug operator<<(QDebug debug, const OpenAIConfig &config)
{
    const QDebugStateSaver saver(debug);
    debug.nospace() << "OpenAIConfig(" << config.baseUrl.toDisplayString()
                    << ", key=" << OpenAIApiKey::redacted(config.apiKey)
                    << ", retries=" << config.maxRetries
                    << ", timeoutMs=" << config.requestTimeoutMs << ')';
    return debug;
}

namespace OpenAIApiKey {

QString fromEnvFileText(const QByteArray &text, const char *name)
{
    QString found;
    for (QByteArray line : text.split('\n')) {
        line = line.trimmed();
        if (line.isEmpty() || line.startsWith('#'))
            continue;
        if (line.startsWith("export ") || line.startsWith("export\t"))
            line = line.mid(7).trimmed();
        const qsizetype equals = line.indexOf('=');
        if (equals <= 0 || line.left(equals).trimmed() != name)
            continue;
        QByteArray value = line.mid(equals + 1).trimmed();
        if (!value.isEmpty() && (value.front() == '"' || value.front() == '\'')) {
            const char quote = value.front();
            const qsizetype end = value.indexOf(quote, 1);
            value = end > 0 ? value.mid(1, end - 1) : value.mid(1);
        } else {
            // An unquoted value ends at a comment that follows white space.
            for (qsizetype i = 1; i < value.size(); ++i) {
                if (value.at(i) == '#' && (value.at(i - 1) == ' ' || value.at(i - 1) == '\t')) {
                    value = value.left(i).trimmed();
                    break;
                }
            }
        }
        found = QString::fromUtf8(value); // the last assignment wins, as in a shell
    }
    return found;
}

QString fromEnvironmentOrFile(const QString &envFile)
{
    const QString fromEnv = qEnvironmentVariable(kVariable).trimmed();
    if (!fromEnv.isEmpty())
        return fromEnv;
    if (envFile.isEmpty())
        return {};
    QString path = QDir::fromNativeSeparators(envFile);
    if (path.startsWith(QLatin1String("~/")))
        path = QDir::homePath() + path.mid(1);
    QFile file(QDir::cleanPath(path));
    if (!file.open(QIODevice::ReadOnly)) {
        qCWarning(lcOpenAI).noquote()
                << "cannot read the .env file" << file.fileName() << ':' << file.errorString();
        return {};
    }
    return fromEnvFileText(file.read(1024 * 1024)).trimmed();
}

QString redacted(const QString &key)
{
    if (key.isEmpty())
        return QStringLiteral("<none>");
    return QStringLiteral("<redacted, %1 characters>").arg(key.size());
}

} // namespace OpenAIApiKey
