#include "settings.h"

#include "corelog.h"

#include <QCoreApplication>
#include <QRegularExpression>

namespace {

const char kVersionKey[] = "settingsVersion";

} // namespace

QSize parseVideoSize(const QString &text)
{
    static const QRegularExpression pattern(QStringLiteral("^\\s*(\\d{2,4})\\s*[xX×]\\s*(\\d{2,4})\\s*$"));
    const auto match = pattern.match(text);
    if (!match.hasMatch())
        return {};
    return {match.captured(1).toInt(), match.captured(2).toInt()};
}

QString formatVideoSize(QSize size)
{
    return QStringLiteral("%1x%2").arg(size.width()).arg(size.height());
}

QString Settings::defaultPromptTemplate()
{
    // The old service's prompt: show the exercise; clear motion, correct form, beginner friendly,
    // professional quality. {drill} is replaced by the drill text.
    return QStringLiteral("以下のトレーニングドリルを実演する動画を作成してください。\n\n"
                          "{drill}\n\n"
                          "要件:\n"
                          "- 動きがはっきりと分かるように見せること\n"
                          "- 正しいフォームで行うこと\n"
                          "- 初心者にも理解しやすいこと\n"
                          "- プロフェッショナルな品質であること");
}

const QList<Settings::Entry> &Settings::entries()
{
    static const QList<Entry> table = {
        {"generation/provider", QStringLiteral("local"),
         "Video provider for new jobs: local (render on this machine) or openai."},
        {"generation/model", QStringLiteral("sora-2"), "Model name sent to the openai provider."},
        {"generation/size", QStringLiteral("1280x720"), "Video size, WIDTHxHEIGHT."},
        {"generation/seconds", 4, "Video length in seconds: 4, 8 or 12."},
        {"generation/promptTemplate", defaultPromptTemplate(),
         "Prompt sent to the provider; {drill} stands for the drill text."},
        {"cache/shareVideos", true,
         "Runs with the same drill share one video (true) or each get their own (false)."},
        {"log/maxBytes", 2 * 1024 * 1024, "Size at which the log file is rotated, in bytes."},
    };
    return table;
}

Settings::Settings(const QString &filePath, QObject *parent)
    : QObject(parent)
    , m_settings(std::make_unique<QSettings>(filePath, QSettings::IniFormat))
{
    migrate();
    check();
}

Settings::~Settings() = default;

QString Settings::filePath() const
{
    return m_settings->fileName();
}

void Settings::migrate()
{
    const int version = m_settings->value(QLatin1String(kVersionKey), 0).toInt();
    if (version > Version) {
        m_problems << tr("The settings file was written by a newer DrillStudio (version %1); "
                         "values it does not know are ignored.")
                              .arg(version);
        return;
    }
    // Version 0 is a file without a version key: its keys are already those of version 1.
    if (version < Version && !m_settings->allKeys().isEmpty()) {
        m_settings->setValue(QLatin1String(kVersionKey), Version);
        m_settings->sync();
    }
}

void Settings::check()
{
    if (m_settings->status() == QSettings::FormatError)
        m_problems << tr("The settings file %1 cannot be read; defaults are used.").arg(filePath());
    for (const Entry &entry : entries()) {
        const QString key = QLatin1String(entry.key);
        if (!m_settings->contains(key))
            continue;
        const QString error = validate(entry.key, m_settings->value(key));
        if (!error.isEmpty()) {
            m_problems << tr("Setting %1: %2 The default (%3) is used instead.")
                                  .arg(key, error, entry.defaultValue.toString().left(40));
        }
    }
    for (const QString &problem : std::as_const(m_problems))
        qCWarning(lcCore).noquote() << problem;
}

QVariant Settings::value(const char *key) const
{
    for (const Entry &entry : entries()) {
        if (qstrcmp(entry.key, key) == 0) {
            const QVariant stored = m_settings->value(QLatin1String(key), entry.defaultValue);
            if (!validate(key, stored).isEmpty())
                return entry.defaultValue;
            return stored;
        }
    }
    qCWarning(lcCore) << "unknown setting" << key;
    return {};
}

QString Settings::setValue(const char *key, const QVariant &value)
{
    const QString error = validate(key, value);
    if (!error.isEmpty())
        return error;
    m_settings->setValue(QLatin1String(kVersionKey), Version);
    m_settings->setValue(QLatin1String(key), value);
    m_settings->sync();
    if (m_settings->status() != QSettings::NoError)
        return tr("The settings file %1 cannot be written.").arg(filePath());
    Q_EMIT changed(QLatin1String(key));
    return {};
}

QString Settings::validate(const char *key, const QVariant &value)
{
    const QString k = QLatin1String(key);
    const QString text = value.toString().trimmed();
    if (k == QLatin1String("generation/provider")) {
        if (text != QLatin1String("local") && text != QLatin1String("openai"))
            return tr("The provider must be \"local\" or \"openai\".");
    } else if (k == QLatin1String("generation/model")) {
        if (text.isEmpty() || text.size() > 100)
            return tr("The model name must be 1 to 100 characters.");
    } else if (k == QLatin1String("generation/size")) {
        const QSize size = parseVideoSize(text);
        if (size.isEmpty() || size.width() % 2 || size.height() % 2)
            return tr("The video size must look like 1280x720 (even numbers).");
    } else if (k == QLatin1String("generation/seconds")) {
        bool ok = false;
        const int seconds = text.toInt(&ok);
        if (!ok || seconds < 1 || seconds > 60)
            return tr("The video length must be a whole number of seconds from 1 to 60.");
    } else if (k == QLatin1String("generation/promptTemplate")) {
        if (!text.contains(QLatin1String("{drill}")))
            return tr("The prompt template must contain {drill}.");
        if (text.size() > 16000)
            return tr("The prompt template is too long.");
    } else if (k == QLatin1String("cache/shareVideos")) {
        const QString lower = text.toLower();
        if (lower != QLatin1String("true") && lower != QLatin1String("false"))
            return tr("Use true or false.");
    } else if (k == QLatin1String("log/maxBytes")) {
        bool ok = false;
        const qint64 bytes = text.toLongLong(&ok);
        if (!ok || bytes < 4096 || bytes > 1024LL * 1024 * 1024)
            return tr("The log size must be a number of bytes from 4096 to 1073741824.");
    }
    return {};
}

QString Settings::provider() const
{
    return value("generation/provider").toString().trimmed();
}

QString Settings::model() const
{
    return value("generation/model").toString().trimmed();
}

QSize Settings::videoSize() const
{
    return parseVideoSize(value("generation/size").toString());
}

int Settings::seconds() const
{
    return value("generation/seconds").toInt();
}

QString Settings::promptTemplate() const
{
    return value("generation/promptTemplate").toString();
}

bool Settings::shareVideos() const
{
    return value("cache/shareVideos").toString().trimmed().toLower() == QLatin1String("true");
}

qint64 Settings::logMaxBytes() const
{
    return value("log/maxBytes").toLongLong();
}
