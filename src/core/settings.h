#pragma once
// Typed application settings with their defaults in one table, a version key and validation.
#include <QHash>
#include <QObject>
#include <QSettings>
#include <QSize>
#include <QStringList>
#include <QVariant>

#include <memory>

class Settings final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(Settings)

public:
    // The settings file format; migrate() brings older files up to this.
    static constexpr int Version = 1;

    // Every key with its default and its check lives in settings.cpp's table.
    struct Entry
    {
        const char *key;
        QVariant defaultValue;
        const char *description; // documented in the README
        // Returns an error message for an invalid value, empty when valid.
        QString (*validate)(const QVariant &value);
    };
    static const QList<Entry> &entries();
    // The environment variable that overrides a key, for containers and service units:
    // server/apiKeyHash -> DRILLSTUDIO_SERVER_API_KEY_HASH. It wins over settings.ini.
    static QString environmentName(const char *key);

    // Reads (and creates on first write) the INI file at filePath.
    explicit Settings(const QString &filePath, QObject *parent = nullptr);
    ~Settings() override;

    QString filePath() const;
    // True when the key's value comes from the environment (environmentName()), not the file.
    bool fromEnvironment(const char *key) const
    {
        return m_environment.contains(QLatin1String(key));
    }
    // Messages about values in the file that were invalid and replaced by defaults.
    QStringList problems() const { return m_problems; }

    QVariant value(const char *key) const;
    // Validates and stores; returns an error message, empty on success.
    QString setValue(const char *key, const QVariant &value);
    // Returns an error message for a value of the key, empty when valid.
    static QString validate(const char *key, const QVariant &value);

    // The provider that generates: the first of generation/providerOrder that is not the library
    // when the order was changed, else generation/provider.
    QString provider() const;
    // generation/providerOrder as a list ("library", "local", "openai").
    QStringList providerOrder() const;
    QString model() const;
    QSize videoSize() const;
    int seconds() const;
    QString promptTemplate() const;
    bool shareVideos() const;
    qint64 logMaxBytes() const;

    // Typed readers for any key of the table.
    QString string(const char *key) const { return value(key).toString().trimmed(); }
    qint64 integer(const char *key) const { return value(key).toLongLong(); }
    double number(const char *key) const { return value(key).toDouble(); }
    bool flag(const char *key) const;
    QStringList list(const char *key) const; // comma separated

    static QString defaultPromptTemplate();

Q_SIGNALS:
    void changed(const QString &key);

private:
    void migrate();
    void check();

    std::unique_ptr<QSettings> m_settings;
    // Valid values of keys overridden by the environment, read once at construction.
    QHash<QString, QVariant> m_environment;
    QStringList m_problems;
};

// "1280x720" -> QSize; invalid -> empty size.
QSize parseVideoSize(const QString &text);
QString formatVideoSize(QSize size);
