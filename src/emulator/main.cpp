// sora-emulator: serves the OpenAI Videos API on loopback for tests and offline use.
#include "soraemulator.h"

#include <QCommandLineParser>
#include <QGuiApplication>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTextStream>

#include <cstdio>

namespace {

QJsonObject parseJsonObject(const QString &text, const QString &what, QString *error)
{
    QJsonParseError parseError {};
    const QJsonDocument document = QJsonDocument::fromJson(text.toUtf8(), &parseError);
    if (parseError.error != QJsonParseError::NoError || !document.isObject()) {
        *error = QStringLiteral("%1 is not a JSON object: %2").arg(what, text);
        return {};
    }
    return document.object();
}

} // namespace

int main(int argc, char *argv[])
{
    // Content frames are drawn with fonts, which needs a GUI application but no screen.
    if (qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM"))
        qputenv("QT_QPA_PLATFORM", "offscreen");
    QGuiApplication app(argc, argv);
    QCoreApplication::setApplicationName(QStringLiteral("sora-emulator"));
    QCoreApplication::setApplicationVersion(QStringLiteral(DRILLSTUDIO_VERSION));

    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral(
            "A local server of the OpenAI Videos API (base path /v1) with fault injection.\n"
            "Control endpoints for tests live under /_emulator/ (state, config, faults, log, "
            "clock, webhooks, reset)."));
    parser.addHelpOption();
    parser.addVersionOption();
    const QCommandLineOption port(QStringLiteral("port"),
                                  QStringLiteral("Port to listen on; 0 picks a free one."),
                                  QStringLiteral("N"), QStringLiteral("0"));
    const QCommandLineOption host(QStringLiteral("host"), QStringLiteral("Address to listen on."),
                                  QStringLiteral("ADDRESS"), QStringLiteral("127.0.0.1"));
    const QCommandLineOption apiKey(
            QStringLiteral("api-key"),
            QStringLiteral("Expected bearer key (default: the SORA_EMULATOR_API_KEY variable; "
                           "any non-empty key when neither is set)."),
            QStringLiteral("KEY"));
    const QCommandLineOption profile(QStringLiteral("profile"),
                                     QStringLiteral("Enum profile: 2025 or 2026-03."),
                                     QStringLiteral("NAME"), QStringLiteral("2025"));
    const QCommandLineOption instant(QStringLiteral("instant"),
                                     QStringLiteral("Jobs complete at their first retrieve."));
    const QCommandLineOption queuedMs(QStringLiteral("queued-ms"),
                                      QStringLiteral("Time a job stays queued."),
                                      QStringLiteral("MS"));
    const QCommandLineOption runMs(QStringLiteral("run-ms"),
                                   QStringLiteral("Time a job stays in progress."),
                                   QStringLiteral("MS"));
    const QCommandLineOption manualClock(
            QStringLiteral("manual-clock"),
            QStringLiteral("Time moves only through POST /_emulator/clock."));
    const QCommandLineOption expirySeconds(QStringLiteral("expiry-seconds"),
                                           QStringLiteral("Content lifetime after completion."),
                                           QStringLiteral("S"));
    const QCommandLineOption expiredStatus(
            QStringLiteral("expired-status"),
            QStringLiteral("Report status \"expired\" for jobs past expires_at."));
    const QCommandLineOption processing(
            QStringLiteral("processing-status"),
            QStringLiteral("Report \"processing\" instead of \"in_progress\"."));
    const QCommandLineOption shutDown(
            QStringLiteral("shut-down"),
            QStringLiteral("Answer as api.openai.com does since the shutdown (404)."));
    const QCommandLineOption tiny(QStringLiteral("tiny"),
                                  QStringLiteral("Tiny content (160x90, 1 s) for fast runs."));
    const QCommandLineOption shared(QStringLiteral("shared-content"),
                                    QStringLiteral("One rendering for every prompt."));
    const QCommandLineOption redirect(
            QStringLiteral("redirect"),
            QStringLiteral("Answer content downloads with a 302 to a signed URL."));
    const QCommandLineOption redirectHost(
            QStringLiteral("redirect-host"),
            QStringLiteral("Loopback address for signed URLs (for example 127.0.0.2)."),
            QStringLiteral("ADDRESS"));
    const QCommandLineOption webhookUrl(QStringLiteral("webhook-url"),
                                        QStringLiteral("POST signed events to this URL."),
                                        QStringLiteral("URL"));
    const QCommandLineOption webhookSecret(QStringLiteral("webhook-secret"),
                                           QStringLiteral("Signing secret (whsec_...)."),
                                           QStringLiteral("SECRET"));
    const QCommandLineOption pollAfter(QStringLiteral("poll-after-ms"),
                                       QStringLiteral("Send openai-poll-after-ms on retrieve."),
                                       QStringLiteral("MS"));
    const QCommandLineOption contentDir(QStringLiteral("content-dir"),
                                        QStringLiteral("Keep rendered content in this folder."),
                                        QStringLiteral("DIR"));
    const QCommandLineOption config(
            QStringLiteral("config"),
            QStringLiteral("Configuration as JSON (the keys of POST /_emulator/config)."),
            QStringLiteral("JSON"));
    const QCommandLineOption fault(
            QStringLiteral("fault"),
            QStringLiteral("A fault rule as JSON, for example "
                           "'{\"kind\":\"rate_limit\",\"target\":\"create\",\"count\":2,"
                           "\"retry_after_ms\":200}'. Repeatable."),
            QStringLiteral("JSON"));
    const QCommandLineOption verbose(QStringLiteral("verbose"),
                                     QStringLiteral("Print every request on standard error."));
    parser.addOptions({port,         host,       apiKey,        profile,       instant,
                       queuedMs,     runMs,      manualClock,   expirySeconds, expiredStatus,
                       processing,   shutDown,   tiny,          shared,        redirect,
                       redirectHost, webhookUrl, webhookSecret, pollAfter,     contentDir,
                       config,       fault,      verbose});
    parser.process(app);

    QTextStream err(stderr);
    auto usageError = [&](const QString &message) {
        err << "sora-emulator: " << message << '\n';
        return 2;
    };

    // Every option becomes a key of the JSON configuration, so both paths validate alike.
    QJsonObject settings;
    QString error;
    if (parser.isSet(config)) {
        settings = parseJsonObject(parser.value(config), QStringLiteral("--config"), &error);
        if (!error.isEmpty())
            return usageError(error);
    }
    auto number = [&](const QCommandLineOption &option, const char *key) {
        if (!parser.isSet(option))
            return true;
        bool ok = false;
        const qint64 value = parser.value(option).toLongLong(&ok);
        if (!ok)
            return false;
        settings.insert(QLatin1String(key), value);
        return true;
    };
    auto text = [&](const QCommandLineOption &option, const char *key) {
        if (parser.isSet(option))
            settings.insert(QLatin1String(key), parser.value(option));
    };
    auto flag = [&](const QCommandLineOption &option, const char *key) {
        if (parser.isSet(option))
            settings.insert(QLatin1String(key), true);
    };
    if (!number(queuedMs, "queued_ms") || !number(runMs, "run_ms")
        || !number(expirySeconds, "expiry_seconds") || !number(pollAfter, "poll_after_ms"))
        return usageError(QStringLiteral("a numeric option has a value that is not a number"));
    if (parser.isSet(apiKey))
        settings.insert(QLatin1String("api_key"), parser.value(apiKey));
    else if (!qEnvironmentVariableIsEmpty("SORA_EMULATOR_API_KEY"))
        settings.insert(QLatin1String("api_key"), qEnvironmentVariable("SORA_EMULATOR_API_KEY"));
    text(profile, "profile");
    text(redirectHost, "redirect_host");
    text(webhookUrl, "webhook_url");
    text(webhookSecret, "webhook_secret");
    text(contentDir, "content_dir");
    flag(instant, "instant");
    flag(expiredStatus, "expired_status");
    flag(shutDown, "shut_down");
    flag(tiny, "tiny_content");
    flag(shared, "shared_content");
    flag(redirect, "redirect_content");
    if (parser.isSet(manualClock))
        settings.insert(QLatin1String("clock"), QStringLiteral("manual"));
    if (parser.isSet(processing))
        settings.insert(QLatin1String("in_progress_status"), QStringLiteral("processing"));

    EmulatorConfig emulatorConfig;
    if (!emulatorConfig.apply(settings, &error))
        return usageError(error);

    SoraEmulator emulator(emulatorConfig);
    const QStringList faults = parser.values(fault);
    for (const QString &faultText : faults) {
        const QJsonObject json = parseJsonObject(faultText, QStringLiteral("--fault"), &error);
        if (!error.isEmpty())
            return usageError(error);
        const FaultRule rule = FaultRule::fromJson(json, &error);
        if (!error.isEmpty())
            return usageError(error);
        emulator.addFault(rule);
    }

    bool portOk = false;
    const uint portNumber = parser.value(port).toUInt(&portOk);
    const QHostAddress address(parser.value(host));
    if (!portOk || portNumber > 65535)
        return usageError(QStringLiteral("invalid port: %1").arg(parser.value(port)));
    if (address.isNull())
        return usageError(QStringLiteral("invalid host address: %1").arg(parser.value(host)));
    if (!emulator.listen(address, quint16(portNumber))) {
        err << "sora-emulator: cannot listen on " << parser.value(host) << ':' << portNumber
            << '\n';
        return 1;
    }
    if (parser.isSet(verbose)) {
        QObject::connect(
                &emulator, &SoraEmulator::requestLogged, &app, [](const RequestLogEntry &entry) {
                    QTextStream log(stderr);
                    log << entry.time.toString(Qt::ISODateWithMs) << ' ' << entry.method << ' '
                        << entry.path << ' ' << entry.status
                        << (entry.fault.isEmpty() ? QString() : u" fault=" + entry.fault) << '\n';
                });
    }
    // Scripts read the first line to learn the port.
    QTextStream out(stdout);
    out << "listening on " << emulator.baseUrl() << Qt::endl;
    std::fflush(stdout);
    return app.exec();
}
