// Fault injection: which rule applies to a request, and the answer it puts in place of the real
// one or the failure it gives a job.
#include "soraemulator_p.h"

using namespace emulator;

bool SoraEmulator::Private::takeFault(const QString &endpoint, const QString &variant,
                                      FaultRule *rule)
{
    for (qsizetype i = 0; i < faults.size(); ++i) {
        FaultRule &candidate = faults[i];
        if (candidate.target != u"any" && candidate.target != endpoint)
            continue;
        if (!candidate.variant.isEmpty() && candidate.variant != variant)
            continue;
        if (candidate.skip > 0) {
            --candidate.skip;
            continue;
        }
        *rule = candidate;
        if (candidate.count > 0 && --candidate.count == 0)
            faults.removeAt(i);
        return true;
    }
    return false;
}

// The answer of a fault that replaces the normal one; status 0 when the request proceeds.
SoraEmulator::Private::Reply SoraEmulator::Private::faultReply(const FaultRule &rule) const
{
    ApiError error;
    QList<Header> headers;
    if (rule.kind == u"rate_limit") {
        error.status = 429;
        error.type = QStringLiteral("requests");
        error.code = QStringLiteral("rate_limit_exceeded");
        error.message
                = QStringLiteral("Rate limit reached for requests. Please try again in a moment.");
        headers << Header {"x-ratelimit-limit-requests", "60"}
                << Header {"x-ratelimit-remaining-requests", "0"};
    } else if (rule.kind == u"quota") {
        error.status = 429;
        error.type = QStringLiteral("insufficient_quota");
        error.code = QStringLiteral("insufficient_quota");
        error.message = QStringLiteral("You exceeded your current quota, please check your plan "
                                       "and billing details.");
    } else if (rule.kind == u"server_error") {
        error.status = 500;
        error.type = QStringLiteral("server_error");
        error.message = QStringLiteral("The server had an error while processing your request. "
                                       "Sorry about that!");
    } else if (rule.kind == u"error") {
        error.status = 400;
        error.message = QStringLiteral("Injected error.");
    } else if (rule.kind == u"moderation") {
        error.status = 400;
        error.code = QStringLiteral("moderation_blocked");
        error.message = QStringLiteral("Your request was blocked by our moderation system.");
    } else {
        return Reply {0, {}, {}, {}};
    }
    if (rule.status)
        error.status = rule.status;
    if (!rule.type.isEmpty())
        error.type = rule.type;
    if (!rule.code.isEmpty())
        error.code = rule.code;
    if (!rule.message.isEmpty())
        error.message = rule.message;
    if (!rule.param.isEmpty())
        error.param = rule.param;
    Reply reply = Reply::error(error);
    reply.headers = headers;
    if (!rule.retryAfter.isEmpty())
        reply.headers << Header {"retry-after", rule.retryAfter.toLatin1()};
    if (rule.retryAfterMs >= 0)
        reply.headers << Header {"retry-after-ms", QByteArray::number(rule.retryAfterMs)};
    if (!rule.shouldRetry.isEmpty())
        reply.headers << Header {"x-should-retry", rule.shouldRetry.toLatin1()};
    return reply;
}

void SoraEmulator::Private::applyJobFault(Job &job, const FaultRule &rule)
{
    if (rule.kind == u"moderation_failed") {
        job.failCode = rule.code.isEmpty() ? QStringLiteral("moderation_blocked") : rule.code;
        job.failMessage = rule.message.isEmpty()
                ? QStringLiteral("The request is blocked by our moderation system when checking "
                                 "inputs. Possible reasons: people-in-user-uploads.")
                : rule.message;
    } else if (rule.kind == u"job_failed") {
        job.failCode = rule.code.isEmpty() ? QStringLiteral("internal_error") : rule.code;
        job.failMessage = rule.message.isEmpty()
                ? QStringLiteral("Video generation failed due to an internal error.")
                : rule.message;
    }
}
