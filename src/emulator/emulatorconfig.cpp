#include "emulatorconfig.h"

#include <QHostAddress>
#include <QJsonValue>
#include <QRegularExpression>
#include <QUrl>

namespace {

bool takeBool(const QJsonValue &value, bool *out)
{
    if (!value.isBool())
        return false;
    *out = value.toBool();
    return true;
}

bool takeInt(const QJsonValue &value, qint64 *out, qint64 minimum)
{
    if (!value.isDouble())
        return false;
    const double number = value.toDouble();
    if (number != double(qint64(number)) || qint64(number) < minimum)
        return false;
    *out = qint64(number);
    return true;
}

bool takeString(const QJsonValue &value, QString *out)
{
    if (!value.isString())
        return false;
    *out = value.toString();
    return true;
}

bool takeChoice(const QJsonValue &value, const QStringList &choices, QString *out)
{
    if (!value.isString() || !choices.contains(value.toString()))
        return false;
    *out = value.toString();
    return true;
}

} // namespace

QStringList EmulatorConfig::allowedSeconds() const
{
    QStringList seconds {QStringLiteral("4"), QStringLiteral("8"), QStringLiteral("12")};
    if (profile == u"2026-03")
        seconds << QStringLiteral("16") << QStringLiteral("20");
    return seconds;
}

QStringList EmulatorConfig::allowedSizes(const QString &model) const
{
    QStringList sizes {QStringLiteral("720x1280"), QStringLiteral("1280x720")};
    if (model.startsWith(u"sora-2-pro"))
        sizes << QStringLiteral("1024x1792") << QStringLiteral("1792x1024");
    if (profile == u"2026-03")
        sizes << QStringLiteral("1920x1080") << QStringLiteral("1080x1920");
    return sizes;
}

bool EmulatorConfig::isKnownModel(const QString &model) const
{
    static const QRegularExpression pattern(
            QStringLiteral("^sora-2(-pro)?(-\\d{4}-\\d{2}-\\d{2})?$"));
    return pattern.match(model).hasMatch();
}

QJsonObject EmulatorConfig::toJson() const
{
    return QJsonObject {
            {QStringLiteral("api_key_required"), !apiKey.isEmpty()},
            {QStringLiteral("profile"), profile},
            {QStringLiteral("clock"), clock},
            {QStringLiteral("queued_ms"), queuedMs},
            {QStringLiteral("run_ms"), runMs},
            {QStringLiteral("expiry_seconds"), expirySeconds},
            {QStringLiteral("expired_status"), expiredStatus},
            {QStringLiteral("in_progress_status"), inProgressStatus},
            {QStringLiteral("shut_down"), shutDown},
            {QStringLiteral("tiny_content"), tinyContent},
            {QStringLiteral("shared_content"), sharedContent},
            {QStringLiteral("redirect_content"), redirectContent},
            {QStringLiteral("redirect_host"), redirectHost},
            {QStringLiteral("signed_url_ttl_seconds"), signedUrlTtlSeconds},
            {QStringLiteral("signed_url_rejects_authorization"), signedUrlRejectsAuthorization},
            {QStringLiteral("webhook_url"), webhookUrl},
            {QStringLiteral("poll_after_ms"), pollAfterMs},
            {QStringLiteral("max_prompt_length"), maxPromptLength},
    };
}

bool EmulatorConfig::apply(const QJsonObject &json, QString *error)
{
    EmulatorConfig next = *this;
    for (auto it = json.begin(); it != json.end(); ++it) {
        const QString key = it.key();
        const QJsonValue value = it.value();
        bool ok = false;
        qint64 number = 0;
        if (key == u"api_key") {
            ok = takeString(value, &next.apiKey);
        } else if (key == u"profile") {
            ok = takeChoice(value, {QStringLiteral("2025"), QStringLiteral("2026-03")},
                            &next.profile);
        } else if (key == u"clock") {
            ok = takeChoice(value, {QStringLiteral("system"), QStringLiteral("manual")},
                            &next.clock);
        } else if (key == u"instant") {
            bool instant = false;
            ok = takeBool(value, &instant);
            if (ok && instant)
                next.queuedMs = next.runMs = 0;
        } else if (key == u"queued_ms") {
            ok = takeInt(value, &next.queuedMs, 0);
        } else if (key == u"run_ms") {
            ok = takeInt(value, &next.runMs, 0);
        } else if (key == u"expiry_seconds") {
            ok = takeInt(value, &next.expirySeconds, 0);
        } else if (key == u"expired_status") {
            ok = takeBool(value, &next.expiredStatus);
        } else if (key == u"in_progress_status") {
            ok = takeChoice(value, {QStringLiteral("in_progress"), QStringLiteral("processing")},
                            &next.inProgressStatus);
        } else if (key == u"shut_down") {
            ok = takeBool(value, &next.shutDown);
        } else if (key == u"tiny_content") {
            ok = takeBool(value, &next.tinyContent);
        } else if (key == u"shared_content") {
            ok = takeBool(value, &next.sharedContent);
        } else if (key == u"redirect_content") {
            ok = takeBool(value, &next.redirectContent);
        } else if (key == u"redirect_host") {
            ok = takeString(value, &next.redirectHost);
            const QHostAddress address(next.redirectHost);
            ok = ok && (next.redirectHost.isEmpty() || address.isLoopback());
        } else if (key == u"signed_url_ttl_seconds") {
            ok = takeInt(value, &next.signedUrlTtlSeconds, 1);
        } else if (key == u"signed_url_rejects_authorization") {
            ok = takeBool(value, &next.signedUrlRejectsAuthorization);
        } else if (key == u"webhook_url") {
            ok = takeString(value, &next.webhookUrl);
            const QUrl url(next.webhookUrl);
            ok = ok
                    && (next.webhookUrl.isEmpty()
                        || (url.isValid() && url.scheme().startsWith(u"http")));
        } else if (key == u"webhook_secret") {
            ok = takeString(value, &next.webhookSecret) && next.webhookSecret.startsWith(u"whsec_");
        } else if (key == u"poll_after_ms") {
            ok = takeInt(value, &next.pollAfterMs, 0);
        } else if (key == u"max_prompt_length") {
            ok = takeInt(value, &number, 1);
            next.maxPromptLength = int(qMin<qint64>(number, 1 << 24));
        } else if (key == u"content_dir") {
            ok = takeString(value, &next.contentDir);
        } else {
            if (error)
                *error = QStringLiteral("unknown configuration key '%1'").arg(key);
            return false;
        }
        if (!ok) {
            if (error)
                *error = QStringLiteral("invalid value for configuration key '%1'").arg(key);
            return false;
        }
    }
    *this = next;
    return true;
}

QStringList FaultRule::kinds()
{
    return {QStringLiteral("rate_limit"),   QStringLiteral("quota"),
            QStringLiteral("server_error"), QStringLiteral("error"),
            QStringLiteral("reset"),        QStringLiteral("lost_response"),
            QStringLiteral("drop"),         QStringLiteral("slow"),
            QStringLiteral("moderation"),   QStringLiteral("moderation_failed"),
            QStringLiteral("job_failed"),   QStringLiteral("not_a_video")};
}

QStringList FaultRule::targets()
{
    return {QStringLiteral("any"),   QStringLiteral("create"),        QStringLiteral("retrieve"),
            QStringLiteral("list"),  QStringLiteral("delete"),        QStringLiteral("content"),
            QStringLiteral("remix"), QStringLiteral("signed_content")};
}

QJsonObject FaultRule::toJson() const
{
    QJsonObject json {{QStringLiteral("kind"), kind},
                      {QStringLiteral("target"), target},
                      {QStringLiteral("skip"), skip},
                      {QStringLiteral("count"), count}};
    if (status)
        json.insert(QStringLiteral("status"), status);
    if (!retryAfter.isEmpty())
        json.insert(QStringLiteral("retry_after"), retryAfter);
    if (retryAfterMs >= 0)
        json.insert(QStringLiteral("retry_after_ms"), retryAfterMs);
    if (!shouldRetry.isEmpty())
        json.insert(QStringLiteral("should_retry"), shouldRetry == u"true");
    if (delayMs)
        json.insert(QStringLiteral("delay_ms"), delayMs);
    if (afterBytes)
        json.insert(QStringLiteral("after_bytes"), afterBytes);
    const QList<QPair<QString, QString>> texts {{QStringLiteral("variant"), variant},
                                                {QStringLiteral("type"), type},
                                                {QStringLiteral("code"), code},
                                                {QStringLiteral("message"), message},
                                                {QStringLiteral("param"), param}};
    for (const auto &[key, text] : texts) {
        if (!text.isEmpty())
            json.insert(key, text);
    }
    return json;
}

FaultRule FaultRule::fromJson(const QJsonObject &json, QString *error)
{
    FaultRule rule;
    auto fail = [&](const QString &message) {
        if (error)
            *error = message;
        return FaultRule {};
    };
    for (auto it = json.begin(); it != json.end(); ++it) {
        const QString key = it.key();
        const QJsonValue value = it.value();
        bool ok = false;
        qint64 number = 0;
        if (key == u"kind") {
            ok = takeChoice(value, kinds(), &rule.kind);
        } else if (key == u"target") {
            ok = takeChoice(value, targets(), &rule.target);
        } else if (key == u"skip") {
            ok = takeInt(value, &number, 0);
            rule.skip = int(number);
        } else if (key == u"count") {
            ok = takeInt(value, &number, -1) && number != 0;
            rule.count = int(number);
        } else if (key == u"status") {
            ok = takeInt(value, &number, 400) && number <= 599;
            rule.status = int(number);
        } else if (key == u"retry_after") {
            if (value.isDouble()) {
                ok = takeInt(value, &number, 0);
                rule.retryAfter = QString::number(number);
            } else {
                ok = takeString(value, &rule.retryAfter);
            }
        } else if (key == u"retry_after_ms") {
            ok = takeInt(value, &rule.retryAfterMs, 0);
        } else if (key == u"should_retry") {
            bool flag = false;
            ok = takeBool(value, &flag);
            rule.shouldRetry = flag ? QStringLiteral("true") : QStringLiteral("false");
        } else if (key == u"delay_ms") {
            ok = takeInt(value, &rule.delayMs, 0);
        } else if (key == u"after_bytes") {
            ok = takeInt(value, &rule.afterBytes, 0);
        } else if (key == u"variant") {
            ok = takeChoice(value,
                            {QStringLiteral("video"), QStringLiteral("thumbnail"),
                             QStringLiteral("spritesheet")},
                            &rule.variant);
        } else if (key == u"type") {
            ok = takeString(value, &rule.type);
        } else if (key == u"code") {
            ok = takeString(value, &rule.code);
        } else if (key == u"message") {
            ok = takeString(value, &rule.message);
        } else if (key == u"param") {
            ok = takeString(value, &rule.param);
        } else {
            return fail(QStringLiteral("unknown fault key '%1'").arg(key));
        }
        if (!ok)
            return fail(QStringLiteral("invalid value for fault key '%1'").arg(key));
    }
    if (rule.kind.isEmpty())
        return fail(QStringLiteral("a fault needs a kind: %1").arg(kinds().join(u", ")));
    const bool createOnly = rule.kind == u"moderation" || rule.kind == u"moderation_failed"
            || rule.kind == u"job_failed";
    if (createOnly && rule.target == u"any")
        rule.target = QStringLiteral("create");
    if (createOnly && rule.target != u"create" && rule.target != u"remix")
        return fail(QStringLiteral("fault '%1' applies to create or remix only").arg(rule.kind));
    if (rule.kind == u"not_a_video" && rule.target == u"any")
        rule.target = QStringLiteral("content");
    if (rule.kind == u"not_a_video" && rule.target != u"content"
        && rule.target != u"signed_content")
        return fail(QStringLiteral("fault 'not_a_video' applies to content downloads only"));
    if (error)
        error->clear();
    return rule;
}
