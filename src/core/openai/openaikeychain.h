#pragma once
// Reads and stores the API key in the operating system's keychain (QtKeychain), when built in.
#include <QObject>
#include <QString>

class OpenAIKeychain final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(OpenAIKeychain)

public:
    explicit OpenAIKeychain(QObject *parent = nullptr);
    ~OpenAIKeychain() override;

    static bool isAvailable();
    static QString service() { return QStringLiteral("DrillStudio"); }
    static QString account() { return QStringLiteral("openai-api-key"); }

    // Asynchronous; answers with keyRead (empty key when none is stored or on error).
    void read();
    // Asynchronous; answers with keyStored.
    void store(const QString &key);

Q_SIGNALS:
    void keyRead(const QString &key, const QString &error);
    void keyStored(bool ok, const QString &error);
};
