#pragma once
// The "openai" provider: any endpoint that speaks the OpenAI Videos API, configured in Settings.
#include "openaiclient.h"
#include "videoprovider.h"

#include <QHash>
#include <QList>
#include <QPointer>
#include <QUrl>

class Clock;
class OpenAIJob;
class OpenAIKeychain;
class Settings;

class OpenAIProvider final : public VideoProvider
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(OpenAIProvider)

public:
    // settings and clock are not owned and must outlive the provider; clock may be null.
    OpenAIProvider(Settings *settings, const Clock *clock, QObject *parent = nullptr);
    ~OpenAIProvider() override;

    QString name() const override { return QStringLiteral("openai"); }
    bool isRemote() const override { return true; }
    double estimateCost(const QString &model, QSize size, int seconds) const override;

    void start(const ProviderRequest &request) override;
    void cancel(const QString &jobId) override;

    // For this process only (the command line's --base-url); wins over openai/baseUrl.
    void setBaseUrlOverride(const QUrl &url) { m_baseUrlOverride = url; }
    // Waits between polls and retries; tests pass one that does not sleep.
    void setDelayFunction(OpenAIDelay delay);
    void setKeychainEnabled(bool enabled) { m_keychainEnabled = enabled; }
    void setDownloadThumbnails(bool enabled) { m_downloadThumbnails = enabled; }

    OpenAIClient *client() const { return m_client; }
    OpenAIConfig currentConfig() const;
    int activeJobCount() const { return int(m_jobs.size() + m_waitingForKey.size()); }

private:
    void startWithKey(const ProviderRequest &request, const QString &key);
    void onKeychainRead(const QString &key, const QString &error);
    void failLater(const QString &jobId, const OpenAIError &error);
    void onJobEnded(const QString &jobId);

    Settings *m_settings;
    const Clock *m_clock;
    OpenAIClient *m_client;
    OpenAIKeychain *m_keychain = nullptr;
    OpenAIDelay m_delay;
    QUrl m_baseUrlOverride;
    QString m_keychainKey; // kept in memory only, once read
    bool m_keychainEnabled = true;
    bool m_keychainReading = false;
    bool m_downloadThumbnails = true;
    QHash<QString, OpenAIJob *> m_jobs; // children
    QList<ProviderRequest> m_waitingForKey;
};
