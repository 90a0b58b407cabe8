// The control endpoints under /_emulator/: state, configuration, faults, the request log, the
// clock, webhook deliveries and reset.
#include "soraemulator_p.h"

using namespace emulator;

// The control endpoints under /_emulator/ (no auth, never logged, never faulted).
SoraEmulator::Private::Reply SoraEmulator::Private::control(const QString &name,
                                                            const QHttpServerRequest &request)
{
    const Method method = request.method();
    QJsonParseError parseError {};
    const QJsonDocument document = QJsonDocument::fromJson(request.body(), &parseError);
    auto bad = [](const QString &message) {
        return Reply::error(ApiError::invalidRequest(message));
    };
    if (method == Method::Post && !request.body().isEmpty()
        && parseError.error != QJsonParseError::NoError)
        return bad(QStringLiteral("control body is not JSON: %1").arg(parseError.errorString()));

    auto faultList = [this] {
        QJsonArray array;
        for (const FaultRule &rule : std::as_const(faults))
            array.append(rule.toJson());
        return Reply::json(QJsonObject {{QStringLiteral("faults"), array}});
    };

    if (name == u"state" && method == Method::Get) {
        QJsonObject state = config.toJson();
        state.insert(QStringLiteral("now_ms"), clock->nowMs());
        state.insert(QStringLiteral("port"), port);
        state.insert(QStringLiteral("redirect_port"),
                     redirectServer ? int(redirectServer->serverPort()) : 0);
        state.insert(QStringLiteral("jobs"), jobs.size());
        state.insert(QStringLiteral("creates"), createdJobs);
        state.insert(QStringLiteral("renders"), contents.renderCount());
        return Reply::json(state);
    }
    if (name == u"config" && method == Method::Get)
        return Reply::json(config.toJson());
    if (name == u"config" && method == Method::Post) {
        EmulatorConfig next = config;
        QString error;
        if (!next.apply(document.object(), &error))
            return bad(error);
        applyConfig(next);
        return Reply::json(config.toJson());
    }
    if (name == u"faults" && method == Method::Get)
        return faultList();
    if (name == u"faults" && method == Method::Delete) {
        faults.clear();
        return faultList();
    }
    if (name == u"faults" && method == Method::Post) {
        QJsonArray rules;
        if (document.isArray())
            rules = document.array();
        else if (document.object().contains(u"faults"))
            rules = document.object().value(u"faults").toArray();
        else
            rules.append(document.object());
        QList<FaultRule> parsed;
        for (const QJsonValue &value : std::as_const(rules)) {
            QString error;
            const FaultRule rule = FaultRule::fromJson(value.toObject(), &error);
            if (!error.isEmpty())
                return bad(error);
            parsed.append(rule);
        }
        faults.append(parsed);
        return faultList();
    }
    if (name == u"log" && method == Method::Get) {
        QJsonArray entries;
        int createRequests = 0;
        for (const RequestLogEntry &entry : std::as_const(log)) {
            entries.append(entry.toJson());
            createRequests += entry.endpoint == u"create";
        }
        return Reply::json(QJsonObject {{QStringLiteral("entries"), entries},
                                        {QStringLiteral("creates"), createdJobs},
                                        {QStringLiteral("create_requests"), createRequests}});
    }
    if (name == u"log" && method == Method::Delete) {
        log.clear();
        return Reply::json(QJsonObject {{QStringLiteral("entries"), QJsonArray()}});
    }
    if (name == u"clock" && method == Method::Get)
        return Reply::json(QJsonObject {{QStringLiteral("now_ms"), clock->nowMs()},
                                        {QStringLiteral("manual"), clock->isManual()}});
    if (name == u"clock" && method == Method::Post) {
        if (!clock->isManual())
            return Reply::error(ApiError::invalidRequest(
                    QStringLiteral("the clock is the system clock; set \"clock\": \"manual\"")));
        const QJsonObject body = document.object();
        const qint64 ms = body.value(u"advance_ms").toInteger()
                + body.value(u"advance_seconds").toInteger() * 1000;
        if (ms <= 0)
            return bad(QStringLiteral("give advance_ms or advance_seconds (positive)"));
        clock->advance(ms);
        processTransitions();
        return Reply::json(QJsonObject {{QStringLiteral("now_ms"), clock->nowMs()},
                                        {QStringLiteral("manual"), true}});
    }
    if (name == u"webhooks" && method == Method::Get)
        return Reply::json(QJsonObject {{QStringLiteral("deliveries"), webhookDeliveries}});
    if (name == u"reset" && method == Method::Post) {
        resetAll();
        return Reply::json(QJsonObject {{QStringLiteral("reset"), true}});
    }
    return Reply::error(
            ApiError::notFound(QStringLiteral("Unknown control endpoint: %1 /_emulator/%2")
                                       .arg(methodName(method), name)));
}
