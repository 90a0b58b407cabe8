#include "settings.h"

#include "corelog.h"

#include <QCoreApplication>
#include <QRegularExpression>
#include <QUrl>

namespace {

const char kVersionKey[] = "settingsVersion";

} // namespace

QSize parseVideoSize(const QString &text)
{
    static const QRegularExpression pattern(
            QStringLiteral("^\\s*(\\d{2,4})\\s*[xX×]\\s*(\\d{2,4})\\s*$"));
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

namespace {

QString checkBool(const QVariant &value)
{
    const QString text = value.toString().trimmed().toLower();
    if (text != QLatin1String("true") && text != QLatin1String("false"))
        return Settings::tr("Use true or false.");
    return {};
}

// Whole numbers in [min, max]; the message names the range.
template<qint64 Min, qint64 Max>
QString checkRange(const QVariant &value)
{
    bool ok = false;
    const qint64 number = value.toString().trimmed().toLongLong(&ok);
    if (!ok || number < Min || number > Max)
        return Settings::tr("Use a whole number from %1 to %2.").arg(Min).arg(Max);
    return {};
}

template<int MinDollars, int MaxDollars>
QString checkMoney(const QVariant &value)
{
    bool ok = false;
    const double number = value.toString().trimmed().toDouble(&ok);
    if (!ok || number < MinDollars || number > MaxDollars)
        return Settings::tr("Use an amount in US dollars from %1 to %2 (0 means no limit).")
                .arg(MinDollars)
                .arg(MaxDollars);
    return {};
}

QString checkProvider(const QVariant &value)
{
    const QString text = value.toString().trimmed();
    if (text != QLatin1String("local") && text != QLatin1String("openai")
        && text != QLatin1String("library"))
        return Settings::tr("The provider must be \"local\", \"openai\" or \"library\".");
    return {};
}

// The drill library, then the providers that generate, in the order they are asked.
QString checkProviderOrder(const QVariant &value)
{
    const QString text = value.typeId() == QMetaType::QStringList
            ? value.toStringList().join(QLatin1Char(','))
            : value.toString();
    const QStringList items = text.split(QLatin1Char(','), Qt::SkipEmptyParts);
    if (items.isEmpty())
        return Settings::tr("List the providers in order, like library,local.");
    for (const QString &item : items) {
        const QString name = item.trimmed();
        if (name != QLatin1String("library") && name != QLatin1String("local")
            && name != QLatin1String("openai"))
            return Settings::tr("\"%1\" is not a provider; use library, local and openai, like "
                                "library,local.")
                    .arg(name);
    }
    return {};
}

QString checkThreshold(const QVariant &value)
{
    bool ok = false;
    const double number = value.toString().trimmed().toDouble(&ok);
    if (!ok || number < 0.5 || number > 1.0)
        return Settings::tr("Use a number from 0.5 to 1 (1: only exact drill names match).");
    return {};
}

QString checkName(const QVariant &value)
{
    const QString text = value.toString().trimmed();
    if (text.isEmpty() || text.size() > 100)
        return Settings::tr("Use 1 to 100 characters.");
    return {};
}

// Empty, or a salted hash as "drillstudio serve --hash-secret" prints it: never the secret itself.
QString checkSecretHash(const QVariant &value)
{
    const QString text = value.toString().trimmed();
    if (text.isEmpty()
        || (text.startsWith(QLatin1String("pbkdf2-sha256$")) && text.count(QLatin1Char('$')) == 3
            && text.size() <= 300))
        return {};
    return Settings::tr("Use a hash made by \"drillstudio serve --hash-secret\" "
                        "(pbkdf2-sha256$iterations$salt$key), never the secret itself.");
}

QString checkOptionalName(const QVariant &value)
{
    return value.toString().trimmed().size() > 200 ? Settings::tr("Use at most 200 characters.")
                                                   : QString();
}

QString checkSize(const QVariant &value)
{
    const QSize size = parseVideoSize(value.toString());
    if (size.isEmpty() || size.width() % 2 || size.height() % 2)
        return Settings::tr("The video size must look like 1280x720 (even numbers).");
    return {};
}

QString checkSizeList(const QVariant &value)
{
    const QStringList items = value.toString().split(QLatin1Char(','), Qt::SkipEmptyParts);
    if (items.isEmpty())
        return Settings::tr("List at least one size, like 1280x720,720x1280.");
    for (const QString &item : items) {
        if (!checkSize(item).isEmpty())
            return Settings::tr("\"%1\" is not a size like 1280x720.").arg(item.trimmed());
    }
    return {};
}

QString checkSecondsList(const QVariant &value)
{
    const QStringList items = value.toString().split(QLatin1Char(','), Qt::SkipEmptyParts);
    if (items.isEmpty())
        return Settings::tr("List at least one length in seconds, like 4,8,12.");
    for (const QString &item : items) {
        if (!checkRange<1, 60>(item).isEmpty())
            return Settings::tr("\"%1\" is not a length from 1 to 60 seconds.").arg(item.trimmed());
    }
    return {};
}

QString checkUrl(const QVariant &value)
{
    const QUrl url(value.toString().trimmed(), QUrl::StrictMode);
    if (!url.isValid() || url.host().isEmpty()
        || (url.scheme() != QLatin1String("https") && url.scheme() != QLatin1String("http")))
        return Settings::tr("Use an http:// or https:// address, like https://api.openai.com/v1.");
    return {};
}

QString checkPostgresUrl(const QVariant &value)
{
    const QString text = value.toString().trimmed();
    if (text.isEmpty())
        return {};
    const QUrl url(text, QUrl::StrictMode);
    if (!url.isValid()
        || (url.scheme() != QLatin1String("postgresql")
            && url.scheme() != QLatin1String("postgres"))
        || url.path().size() < 2)
        return Settings::tr("Use an address like postgresql://user@host:5432/database.");
    if (!url.password().isEmpty())
        return Settings::tr("Do not put the password in the address; use PGPASSWORD or "
                            "~/.pgpass.");
    return {};
}

QString checkBackend(const QVariant &value)
{
    const QString text = value.toString().trimmed();
    if (text != QLatin1String("sqlite") && text != QLatin1String("postgresql"))
        return Settings::tr("The store must be \"sqlite\" or \"postgresql\".");
    return {};
}

QString checkPrompt(const QVariant &value)
{
    const QString text = value.toString();
    if (!text.contains(QLatin1String("{drill}")))
        return Settings::tr("The prompt template must contain {drill}.");
    if (text.size() > 16000)
        return Settings::tr("The prompt template is too long.");
    return {};
}

// "model:WxH=dollars per second" entries, comma separated.
QString checkPrices(const QVariant &value)
{
    static const QRegularExpression entry(QStringLiteral(
            "^\\s*[^:=,\\s]+\\s*:\\s*\\d{2,4}x\\d{2,4}\\s*=\\s*\\d+(\\.\\d+)?\\s*$"));
    const QStringList items = value.toString().split(QLatin1Char(','), Qt::SkipEmptyParts);
    for (const QString &item : items) {
        if (!entry.match(item).hasMatch())
            return Settings::tr("\"%1\" is not a price like sora-2:1280x720=0.10.")
                    .arg(item.trimmed());
    }
    return {};
}

} // namespace

const QList<Settings::Entry> &Settings::entries()
{
    static const QList<Entry> table = {
            {"generation/provider", QStringLiteral("local"),
             QT_TRANSLATE_NOOP(
                     "Settings",
                     "Provider for new videos: local (rendered on this machine) or openai."),
             checkProvider},
            {"generation/providerOrder", QStringLiteral("library,local"),
             QT_TRANSLATE_NOOP(
                     "Settings",
                     "Where videos come from, in order: library (a matching video of the drill "
                     "library, "
                     "free and at once), then the first of local or openai generates one (the next "
                     "when "
                     "it refuses). Left at its default, generation/provider names the generator."),
             checkProviderOrder},
            {"generation/model", QStringLiteral("sora-2"),
             QT_TRANSLATE_NOOP("Settings", "Model name sent to the openai provider."), checkName},
            {"generation/size", QStringLiteral("1280x720"),
             QT_TRANSLATE_NOOP("Settings", "Video size, WIDTHxHEIGHT."), checkSize},
            {"generation/seconds", 4, QT_TRANSLATE_NOOP("Settings", "Video length in seconds."),
             checkRange<1, 60>},
            {"generation/promptTemplate", defaultPromptTemplate(),
             QT_TRANSLATE_NOOP("Settings",
                               "Prompt sent to the provider; {drill} stands for the drill text."),
             checkPrompt},
            {"cache/shareVideos", true,
             QT_TRANSLATE_NOOP("Settings",
                               "Runs with the same drill share one video (true) or each get their "
                               "own (false)."),
             checkBool},
            {"cache/maxBytes", 0,
             QT_TRANSLATE_NOOP("Settings",
                               "Cache size cap in bytes; least recently used videos go first. 0: "
                               "no cap."),
             checkRange<0, 1'000'000'000'000'000>},
            {"cache/maxAgeDays", 0,
             QT_TRANSLATE_NOOP("Settings",
                               "Videos not used for this many days are evicted. 0: keep."),
             checkRange<0, 36500>},
            {"jobs/maxLocalConcurrent", 1,
             QT_TRANSLATE_NOOP("Settings", "Local renders at the same time."), checkRange<1, 16>},
            {"jobs/maxRemoteConcurrent", 4,
             QT_TRANSLATE_NOOP("Settings", "Remote jobs under way at the same time."),
             checkRange<1, 64>},
            {"jobs/timeoutSeconds", 1800,
             QT_TRANSLATE_NOOP("Settings", "Overall time a job may take before it is given up."),
             checkRange<10, 86400>},
            {"budget/dailyUsd", 0,
             QT_TRANSLATE_NOOP("Settings",
                               "Daily spending cap for remote jobs in US dollars. 0: no cap."),
             checkMoney<0, 1000000>},
            {"budget/monthlyUsd", 0,
             QT_TRANSLATE_NOOP("Settings",
                               "Monthly spending cap for remote jobs in US dollars. 0: no cap."),
             checkMoney<0, 1000000>},
            {"store/backend", QStringLiteral("sqlite"),
             QT_TRANSLATE_NOOP("Settings",
                               "Job store: sqlite (a file in the data folder) or postgresql "
                               "(shared by a team)."),
             checkBackend},
            {"store/postgresUrl", QString(),
             QT_TRANSLATE_NOOP("Settings",
                               "PostgreSQL address, postgresql://user@host:port/database (password "
                               "from PGPASSWORD "
                               "or ~/.pgpass)."),
             checkPostgresUrl},
            {"openai/baseUrl", QStringLiteral("https://api.openai.com/v1"),
             QT_TRANSLATE_NOOP("Settings", "Base URL of an OpenAI-compatible Videos API."),
             checkUrl},
            {"openai/allowInsecure", false,
             QT_TRANSLATE_NOOP(
                     "Settings",
                     "Use an http:// openai/baseUrl on another machine although the API key then "
                     "crosses "
                     "the network unencrypted (http:// to this machine is always allowed)."),
             checkBool},
            {"openai/organization", QString(),
             QT_TRANSLATE_NOOP("Settings", "Optional OpenAI-Organization header."),
             checkOptionalName},
            {"openai/project", QString(),
             QT_TRANSLATE_NOOP("Settings", "Optional OpenAI-Project header."), checkOptionalName},
            {"openai/envFile", QString(),
             QT_TRANSLATE_NOOP("Settings",
                               "A .env file that holds OPENAI_API_KEY=..., when the key is not in "
                               "the environment."),
             checkOptionalName},
            {"openai/allowedSizes", QStringLiteral("720x1280,1280x720,1024x1792,1792x1024"),
             QT_TRANSLATE_NOOP("Settings", "Sizes the endpoint accepts."), checkSizeList},
            {"openai/allowedSeconds", QStringLiteral("4,8,12"),
             QT_TRANSLATE_NOOP("Settings", "Lengths the endpoint accepts."), checkSecondsList},
            {"openai/requestTimeoutSeconds", 600,
             QT_TRANSLATE_NOOP("Settings", "Time one HTTP request may take."), checkRange<1, 3600>},
            {"openai/pollIntervalSeconds", 10,
             QT_TRANSLATE_NOOP("Settings",
                               "First wait between status polls (grows with backoff; "
                               "openai-poll-after-ms wins)."),
             checkRange<1, 600>},
            {"openai/maxRetries", 2,
             QT_TRANSLATE_NOOP("Settings", "Retries of a failed request that is safe to repeat."),
             checkRange<0, 10>},
            {"openai/maxDownloadBytes", 1024LL * 1024 * 1024,
             QT_TRANSLATE_NOOP("Settings", "Largest file the openai provider downloads, in bytes."),
             checkRange<1024, 64LL * 1024 * 1024 * 1024>},
            {"openai/prices",
             QStringLiteral("sora-2:720x1280=0.10,sora-2:1280x720=0.10,"
                            "sora-2-pro:720x1280=0.30,sora-2-pro:1280x720=0.30,"
                            "sora-2-pro:1024x1792=0.50,sora-2-pro:1792x1024=0.50"),
             QT_TRANSLATE_NOOP("Settings", "US dollars per second of video, per model and size."),
             checkPrices},
            {"library/matchThreshold", 0.8,
             QT_TRANSLATE_NOOP("Settings",
                               "Lowest confidence (0.5 to 1) at which a library video answers a "
                               "drill text; 1: "
                               "only exact drill names."),
             checkThreshold},
            {"library/keepOriginals", false,
             QT_TRANSLATE_NOOP("Settings",
                               "Keep each imported file as it was, beside the converted video."),
             checkBool},
            {"library/maxImportBytes", 2LL * 1024 * 1024 * 1024,
             QT_TRANSLATE_NOOP(
                     "Settings",
                     "Largest file accepted for import into the drill library, in bytes."),
             checkRange<1024 * 1024, 64LL * 1024 * 1024 * 1024>},
            {"log/maxBytes", 2 * 1024 * 1024,
             QT_TRANSLATE_NOOP("Settings", "Log file size at which it is rotated, in bytes."),
             checkRange<4096, 1024LL * 1024 * 1024>},
            {"server/host", QStringLiteral("127.0.0.1"),
             QT_TRANSLATE_NOOP("Settings",
                               "Address the REST server (drillstudio serve) listens on."),
             checkName},
            {"server/port", 8006,
             QT_TRANSLATE_NOOP("Settings", "Port of the REST server; 0 picks a free one."),
             checkRange<0, 65535>},
            {"server/passwordFile", QString(),
             QT_TRANSLATE_NOOP("Settings",
                               "File whose first line is the generation password "
                               "(DRILLSTUDIO_GENERATION_PASSWORD wins)."),
             checkOptionalName},
            {"server/openGeneration", false,
             QT_TRANSLATE_NOOP("Settings",
                               "Let POST /generate run without a password when none is configured "
                               "(development "
                               "machines only)."),
             checkBool},
            {"server/maxBodyBytes", 64 * 1024,
             QT_TRANSLATE_NOOP("Settings",
                               "Largest request body the REST server accepts, in bytes."),
             checkRange<1024, 16 * 1024 * 1024>},
            {"server/maxUploadBytes", 512LL * 1024 * 1024,
             QT_TRANSLATE_NOOP(
                     "Settings",
                     "Largest upload to POST /library/videos, in bytes (held in memory while it "
                     "arrives)."),
             checkRange<64 * 1024, 4LL * 1024 * 1024 * 1024>},
            {"server/maxWaitSeconds", 290,
             QT_TRANSLATE_NOOP(
                     "Settings",
                     "Longest time POST /generate waits for the video before answering 202."),
             checkRange<0, 3600>},
            {"server/trustedProxies", QString(),
             QT_TRANSLATE_NOOP("Settings",
                               "Comma-separated addresses of proxies whose X-Forwarded-For names "
                               "the client (for "
                               "the password lockout)."),
             checkOptionalName},
            {"server/adminUser", QString(),
             QT_TRANSLATE_NOOP(
                     "Settings",
                     "User name for HTTP Basic on the admin routes (DELETE /cache/..., /metrics)."),
             checkOptionalName},
            {"server/adminPasswordHash", QString(),
             QT_TRANSLATE_NOOP(
                     "Settings",
                     "Salted PBKDF2 hash of the admin password (drillstudio serve --hash-secret)."),
             checkSecretHash},
            {"server/apiKeyHash", QString(),
             QT_TRANSLATE_NOOP("Settings",
                               "Salted PBKDF2 hash of the Bearer API key for the admin routes "
                               "(drillstudio serve "
                               "--hash-secret)."),
             checkSecretHash},
            {"server/localhostBypass", true,
             QT_TRANSLATE_NOOP(
                     "Settings",
                     "Let clients on this machine use the admin routes without credentials."),
             checkBool},
            {"server/banSeconds", 3600,
             QT_TRANSLATE_NOOP(
                     "Settings",
                     "How long an address is refused after five failed admin logins, in seconds."),
             checkRange<1, 7 * 24 * 3600>},
            {"server/allowedHosts", QString(),
             QT_TRANSLATE_NOOP(
                     "Settings",
                     "Comma-separated host names the server answers to besides localhost and IP "
                     "addresses (*.example.org allowed); guards against DNS rebinding."),
             checkOptionalName},
            {"server/requestTimeoutSeconds", 30,
             QT_TRANSLATE_NOOP(
                     "Settings",
                     "Time a client has to send one request's headers and body, in seconds; slower "
                     "clients are cut off."),
             checkRange<1, 3600>},
            {"server/idleTimeoutSeconds", 60,
             QT_TRANSLATE_NOOP("Settings",
                               "Time a kept-alive connection may stay idle between requests, in "
                               "seconds, before the "
                               "server closes it."),
             checkRange<1, 3600>},
            {"server/maxConnections", 512,
             QT_TRANSLATE_NOOP(
                     "Settings",
                     "Connections the REST server keeps open at most; more are answered 503."),
             checkRange<1, 100000>},
            {"server/corsOrigins", QString(),
             QT_TRANSLATE_NOOP("Settings",
                               "Comma-separated origins (http://localhost:3000) whose pages may "
                               "call the server "
                               "from a browser."),
             checkOptionalName},
    };
    return table;
}

QString Settings::environmentName(const char *key)
{
    QString name = QStringLiteral("DRILLSTUDIO_");
    for (const char *c = key; *c; ++c) {
        const QChar ch = QLatin1Char(*c);
        if (ch == QLatin1Char('/'))
            name += QLatin1Char('_');
        else if (ch.isUpper() && c != key && QChar(QLatin1Char(c[-1])).isLower())
            name += QLatin1Char('_') + ch;
        else
            name += ch.toUpper();
    }
    return name;
}

Settings::Settings(const QString &filePath, QObject *parent)
    : QObject(parent)
    , m_settings(std::make_unique<QSettings>(filePath, QSettings::IniFormat))
{
    for (const Entry &entry : entries()) {
        const QString name = environmentName(entry.key);
        if (!qEnvironmentVariableIsSet(name.toLatin1().constData()))
            continue;
        const QString text = qEnvironmentVariable(name.toLatin1().constData());
        const QString error = validate(entry.key, text);
        if (error.isEmpty())
            m_environment.insert(QLatin1String(entry.key), text);
        else
            m_problems << tr("Environment variable %1: %2 It is ignored.").arg(name, error);
    }
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
            if (!m_environment.isEmpty()) {
                const auto overridden = m_environment.constFind(QLatin1String(key));
                if (overridden != m_environment.cend())
                    return *overridden;
            }
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
    if (fromEnvironment(key))
        return tr("This setting comes from the environment variable %1; change it there.")
                .arg(environmentName(key));
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
    for (const Entry &entry : entries()) {
        if (qstrcmp(entry.key, key) == 0)
            return entry.validate ? entry.validate(value) : QString();
    }
    return tr("Unknown setting %1.").arg(QLatin1String(key));
}

bool Settings::flag(const char *key) const
{
    return value(key).toString().trimmed().toLower() == QLatin1String("true");
}

QStringList Settings::list(const char *key) const
{
    QStringList items;
    for (const QString &item : value(key).toString().split(QLatin1Char(','), Qt::SkipEmptyParts))
        items << item.trimmed();
    return items;
}

QString Settings::provider() const
{
    // An order that was changed names the generator itself; left at its default, the older
    // generation/provider does.
    const QStringList order = providerOrder();
    if (order != QStringList {QStringLiteral("library"), QStringLiteral("local")}) {
        for (const QString &name : order) {
            if (name != QLatin1String("library"))
                return name;
        }
    }
    return value("generation/provider").toString().trimmed();
}

QStringList Settings::providerOrder() const
{
    const QVariant stored = value("generation/providerOrder");
    const QString text = stored.typeId() == QMetaType::QStringList
            ? stored.toStringList().join(QLatin1Char(','))
            : stored.toString();
    QStringList items;
    for (const QString &item : text.split(QLatin1Char(','), Qt::SkipEmptyParts))
        items << item.trimmed();
    return items;
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
    return flag("cache/shareVideos");
}

qint64 Settings::logMaxBytes() const
{
    return value("log/maxBytes").toLongLong();
}
