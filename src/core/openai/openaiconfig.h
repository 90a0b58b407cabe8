#pragma once
// Everything endpoint specific, read from Settings at the start of each job; the key is only
// held in memory and never printed.
#include <QDebug>
#include <QSize>
#include <QString>
#include <QStringList>
#include <QUrl>

class Settings;

struct OpenAIConfig
{
    QUrl baseUrl {QStringLiteral("https://api.openai.com/v1")};
    QString apiKey;
    QString organization;
    QString project;
    int requestTimeoutMs = 600'000;
    int maxRetries = 2;
    qint64 maxDownloadBytes = 1024LL * 1024 * 1024;
    int pollIntervalMs = 10'000;
    qint64 jobTimeoutMs = 1'800'000;
    QStringList allowedSizes;
    QList<int> allowedSeconds;
    // openai/allowInsecure: an http:// address on another machine is used anyway.
    bool allowInsecure = false;

    static OpenAIConfig fromSettings(const Settings &settings);

    // An error message for a size or length the endpoint does not accept, empty when fine.
    QString checkRequest(QSize size, int seconds) const;

    // True when the key would cross the network unencrypted: http:// to a host that is not this
    // machine (a loopback address or "localhost").
    bool sendsKeyInClearText() const;
    // The refusal of such an address unless allowInsecure is set, empty when fine.
    QString checkTransport() const;
    // The warning printed when such an address is used because allowInsecure is set.
    QString insecureWarning() const;
};

// Prints the configuration with the key redacted.
QDebug operator<<(QDebug debug, const OpenAIConfig &config);

namespace OpenAIApiKey {

// The name of the environment variable and of the .env entry.
inline constexpr char kVariable[] = "OPENAI_API_KEY";

// OPENAI_API_KEY from the environment, else from the .env file (when envFile is not empty).
QString fromEnvironmentOrFile(const QString &envFile);
// Parses KEY=VALUE lines: comments (#), "export ", single and double quotes, trailing comments.
QString fromEnvFileText(const QByteArray &text, const char *name = kVariable);
// "<redacted, N characters>": safe to print.
QString redacted(const QString &key);

} // namespace OpenAIApiKey
