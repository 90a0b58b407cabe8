#include "videocontroller.h"

#include "appcontext.h"
#include "clock.h"
#include "jobmanager.h"
#include "jobrecord.h"
#include "jobspec.h"
#include "jobstore.h"
#include "library/drilllibrary.h"
#include "runstatuscache.h"
#include "serverlog.h"
#include "settings.h"
#include "videostore.h"

#include <QFileInfo>
#include <QJsonDocument>
#include <QRegularExpression>
#include <QTimer>

#include <cmath>

using rest::ApiError;
using rest::errorResponse;

namespace {

// The old service's fixed texts: the frontend and its tests depend on them.
const QString kGenerated = QStringLiteral("動画生成が完了しました");
const QString kGenerationFailed = QStringLiteral("動画生成に失敗しました");
const QString kCacheCleared = QStringLiteral("キャッシュをクリアしました");
const QString kCacheNotFound = QStringLiteral("キャッシュが見つかりませんでした");

// Touching the last-accessed time on every download would write to the database on every
// request of a browser seeking through a video; once a minute is enough for eviction.
constexpr qint64 kTouchIntervalMs = 60 * 1000;

QString generationStatus(JobStatus status)
{
    switch (status) {
    case JobStatus::Queued:
        return QStringLiteral("pending");
    case JobStatus::Creating:
    case JobStatus::Submitted:
    case JobStatus::Running:
    case JobStatus::Downloading:
        return QStringLiteral("processing");
    case JobStatus::Completed:
        return QStringLiteral("completed");
    case JobStatus::Failed:
        return QStringLiteral("failed");
    case JobStatus::Cancelled:
        return QStringLiteral("cancelled");
    case JobStatus::Expired:
        return QStringLiteral("expired");
    }
    return QStringLiteral("failed");
}

QJsonValue orNull(const QString &text)
{
    return text.isEmpty() ? QJsonValue() : QJsonValue(text);
}

QJsonArray bodyLoc(const QString &field)
{
    return QJsonArray {QStringLiteral("body"), field};
}

// pydantic's lax integer: whole JSON numbers, and strings of digits.
std::optional<qint64> laxInteger(const QJsonValue &value, const QString &field, QJsonArray *issues)
{
    if (value.isDouble()) {
        const double number = value.toDouble();
        if (std::isfinite(number) && number == std::trunc(number) && std::abs(number) < 9.0e15)
            return qint64(number);
        issues->append(ApiError::issue(
                QStringLiteral("int_from_float"), bodyLoc(field),
                QStringLiteral("Input should be a valid integer, got a number with a fractional "
                               "part"),
                value));
        return std::nullopt;
    }
    if (value.isString()) {
        bool ok = false;
        const qint64 number = value.toString().trimmed().toLongLong(&ok);
        if (ok)
            return number;
        issues->append(ApiError::issue(
                QStringLiteral("int_parsing"), bodyLoc(field),
                QStringLiteral("Input should be a valid integer, unable to parse string as an "
                               "integer"),
                value));
        return std::nullopt;
    }
    issues->append(ApiError::issue(QStringLiteral("int_type"), bodyLoc(field),
                                   QStringLiteral("Input should be a valid integer"), value));
    return std::nullopt;
}

// A run ID that breaks the one rule (JobSpec::checkRunId), as FastAPI words the issue for an
// `int` field with gt=0 and le=MaxRunId; msg says what is wrong in a coach's words.
QJsonObject runIdIssue(const RunIdCheck &check, const QJsonArray &loc, const QJsonValue &input)
{
    using Problem = RunIdCheck::Problem;
    QString type;
    QJsonObject ctx;
    switch (check.problem) {
    case Problem::None:
    case Problem::Missing:
    case Problem::NotANumber:
        // pydantic: text that is no integer is int_parsing; null, true, [] and {} are int_type.
        type = input.isString() ? QStringLiteral("int_parsing") : QStringLiteral("int_type");
        break;
    case Problem::NotWhole:
        type = QStringLiteral("int_from_float");
        break;
    case Problem::NotPositive:
        type = QStringLiteral("greater_than");
        ctx.insert(QStringLiteral("gt"), 0);
        break;
    case Problem::TooLarge:
        type = QStringLiteral("less_than_equal");
        ctx.insert(QStringLiteral("le"), JobSpec::MaxRunId);
        break;
    }
    return ApiError::issue(type, loc, check.message, input, ctx);
}

bool requireString(const QJsonObject &body, const QString &field, QJsonArray *issues)
{
    if (!body.contains(field)) {
        issues->append(ApiError::issue(QStringLiteral("missing"), bodyLoc(field),
                                       QStringLiteral("Field required"), body));
        return false;
    }
    if (!body.value(field).isString()) {
        issues->append(ApiError::issue(QStringLiteral("string_type"), bodyLoc(field),
                                       QStringLiteral("Input should be a valid string"),
                                       body.value(field)));
        return false;
    }
    return true;
}

void valueError(const QString &field, const QJsonValue &input, const QString &message,
                QJsonArray *issues)
{
    issues->append(ApiError::issue(QStringLiteral("value_error"), bodyLoc(field),
                                   QStringLiteral("Value error, %1").arg(message), input,
                                   QJsonObject {{QStringLiteral("error"), message}}));
}

// Entity tags of If-None-Match / If-Range, weak comparison.
bool etagMatches(const QByteArray &header, const QByteArray &etag)
{
    for (QByteArray candidate : header.split(',')) {
        candidate = candidate.trimmed();
        if (candidate == "*")
            return true;
        if (candidate.startsWith("W/"))
            candidate = candidate.mid(2);
        if (candidate == etag)
            return true;
    }
    return false;
}

} // namespace

struct VideoController::Waiter
{
    Done done;
    QTimer *timer = nullptr; // child of the controller; deleted later, never inside its timeout
    ~Waiter()
    {
        if (timer) {
            timer->stop();
            timer->deleteLater();
        }
    }
};

struct VideoController::Parsed
{
    JobSpec spec;
    QString password;
    int waitSeconds = -1; // -1: not given
};

VideoController::VideoController(AppContext *context, QObject *parent)
    : QObject(parent)
    , m_context(context)
    , m_gate(context->settings(), context->clock())
    , m_runs(new RunStatusCache(context->database(), 200, this))
{
    m_monotonic.start();
    m_notFound = HttpResponse::json(
            QJsonObject {{QStringLiteral("status"), QStringLiteral("not_found")},
                         {QStringLiteral("video_url"), QJsonValue()},
                         {QStringLiteral("generation_status"), QStringLiteral("not_generated")},
                         {QStringLiteral("error_message"), QJsonValue()}});
    connect(m_runs, &RunStatusCache::reloaded, this, [this] {
        m_answers.clear();
        m_statusWire.clear();
    });
    JobManager *jobs = context->jobs();
    connect(jobs, &JobManager::jobFinished, this,
            [this](const JobRecord &job) { finishWaiters(job, true); });
    connect(jobs, &JobManager::jobFailed, this,
            [this](const JobRecord &job) { finishWaiters(job, false); });
    connect(jobs, &JobManager::jobProgress, this,
            [this](const QString &jobId, int percent, qint64 msLeft) {
                // Progress of a job under way: its answer is never serialised ahead, so no store
                // read.
                m_runs->setProgress(jobId, percent);
                if (msLeft >= 0)
                    m_eta.insert(jobId, Eta {msLeft, m_monotonic.elapsed()});
            });
    connect(jobs, &JobManager::libraryChanged, this, [this] { forgetCachedAnswers(); });
    connect(jobs, &JobManager::jobStarted, this, [this] { forgetCachedAnswers(); });
    if (DrillLibrary *library = context->library())
        connect(library, &DrillLibrary::libraryChanged, this, [this] { forgetCachedAnswers(); });
}

VideoController::~VideoController() = default;

QString VideoController::videoUrl(const QString &jobId)
{
    return QString::fromUtf16(DownloadPrefix) + jobId;
}

HttpResponse VideoController::health() const
{
    return HttpResponse::json(QJsonObject {
            {QStringLiteral("status"), QStringLiteral("healthy")},
            {QStringLiteral("service"), QStringLiteral("video_generation")},
            {QStringLiteral("message"), QStringLiteral("Video Generation Service is running")}});
}

QString VideoController::clientAddress(const HttpRequest &request) const
{
    QHostAddress peer = request.peer;
    bool isV4 = false;
    const quint32 v4 = peer.toIPv4Address(&isV4);
    if (isV4)
        peer = QHostAddress(v4); // ::ffff:127.0.0.1 and 127.0.0.1 are one client
    const QStringList trusted = m_context->settings()->list("server/trustedProxies");
    bool fromProxy = false;
    for (const QString &proxy : trusted)
        fromProxy
                = fromProxy || QHostAddress(proxy).isEqual(peer, QHostAddress::TolerantConversion);
    if (fromProxy) {
        // The proxy appends the address it saw; earlier entries are the client's own claims.
        const QList<QByteArray> chain = request.header("x-forwarded-for").split(',');
        const QString last = QString::fromLatin1(chain.last().trimmed());
        const QHostAddress forwarded(last);
        if (!forwarded.isNull())
            return forwarded.toString();
        const QHostAddress real(QString::fromLatin1(request.header("x-real-ip").trimmed()));
        if (!real.isNull())
            return real.toString();
    }
    return peer.toString();
}

QString VideoController::checkSize(const QString &provider, const QString &size) const
{
    if (provider == QLatin1String("openai")) {
        const QStringList allowed = m_context->settings()->list("openai/allowedSizes");
        const QSize parsed = parseVideoSize(size);
        if (parsed.isEmpty() || !allowed.contains(formatVideoSize(parsed)))
            return tr("The size %1 is not offered; use one of %2.")
                    .arg(size, allowed.join(QStringLiteral(", ")));
        return {};
    }
    const QString error = Settings::validate("generation/size", size);
    if (!error.isEmpty())
        return error;
    const QSize parsed = parseVideoSize(size);
    if (parsed.width() < 16 || parsed.height() < 16 || parsed.width() > 3840
        || parsed.height() > 3840)
        return tr("The size %1 is not offered; the local renderer makes 16 to 3840 pixels a "
                  "side.")
                .arg(size);
    return {};
}

QString VideoController::checkSeconds(const QString &provider, int seconds) const
{
    if (provider == QLatin1String("openai")) {
        const QStringList allowed = m_context->settings()->list("openai/allowedSeconds");
        if (!allowed.contains(QString::number(seconds)))
            return tr("A length of %1 seconds is not offered; use one of %2.")
                    .arg(seconds)
                    .arg(allowed.join(QStringLiteral(", ")));
        return {};
    }
    return Settings::validate("generation/seconds", seconds);
}

std::optional<VideoController::Parsed> VideoController::parseGenerate(const HttpRequest &request,
                                                                      QJsonArray *issues) const
{
    if (request.body.trimmed().isEmpty()) {
        issues->append(ApiError::issue(QStringLiteral("missing"),
                                       QJsonArray {QStringLiteral("body")},
                                       QStringLiteral("Field required"), QJsonValue()));
        return std::nullopt;
    }
    QJsonParseError parseError;
    const QJsonDocument document = QJsonDocument::fromJson(request.body, &parseError);
    if (parseError.error != QJsonParseError::NoError) {
        issues->append(
                ApiError::issue(QStringLiteral("json_invalid"),
                                QJsonArray {QStringLiteral("body"), parseError.offset},
                                QStringLiteral("JSON decode error"), QJsonObject(),
                                QJsonObject {{QStringLiteral("error"), parseError.errorString()}}));
        return std::nullopt;
    }
    if (!document.isObject()) {
        issues->append(ApiError::issue(
                QStringLiteral("model_attributes_type"), QJsonArray {QStringLiteral("body")},
                QStringLiteral("Input should be a valid dictionary or object to extract fields "
                               "from"),
                document.isArray() ? QJsonValue(document.array()) : QJsonValue()));
        return std::nullopt;
    }
    const QJsonObject body = document.object();
    Parsed parsed;
    qint64 runId = 0;
    QString drillText;

    const QString runField = QStringLiteral("run_id");
    if (!body.contains(runField)) {
        issues->append(ApiError::issue(QStringLiteral("missing"), bodyLoc(runField),
                                       QStringLiteral("Field required"), body));
    } else {
        const QJsonValue value = body.value(runField);
        // As written: 9e15 and 42.0 parse to whole numbers but are not written as one.
        const RunIdCheck check = JobSpec::checkRunId(value, request.body, QLatin1String("run_id"));
        if (check.isValid())
            runId = *check.value;
        else
            issues->append(runIdIssue(check, bodyLoc(runField), value));
    }

    const QString drillField = QStringLiteral("drill_text");
    if (requireString(body, drillField, issues)) {
        drillText = body.value(drillField).toString();
        const QString trimmed = drillText.trimmed();
        if (trimmed.isEmpty()) {
            issues->append(ApiError::issue(
                    QStringLiteral("string_too_short"), bodyLoc(drillField),
                    QStringLiteral("String should have at least 1 character"),
                    body.value(drillField), QJsonObject {{QStringLiteral("min_length"), 1}}));
        } else if (trimmed.toUcs4().size() > JobSpec::MaxDrillCharacters) {
            issues->append(ApiError::issue(
                    QStringLiteral("string_too_long"), bodyLoc(drillField),
                    QStringLiteral("String should have at most %1 characters")
                            .arg(JobSpec::MaxDrillCharacters),
                    body.value(drillField),
                    QJsonObject {{QStringLiteral("max_length"), JobSpec::MaxDrillCharacters}}));
        }
    }

    parsed.spec = JobSpec::fromSettings(*m_context->settings(), runId, drillText);
    JobSpec &spec = parsed.spec;

    const QString sizeField = QStringLiteral("size");
    if (body.contains(sizeField) && !body.value(sizeField).isNull()) {
        if (requireString(body, sizeField, issues)) {
            const QString size = body.value(sizeField).toString();
            const QString error = checkSize(spec.provider, size);
            if (error.isEmpty())
                spec.size = parseVideoSize(size);
            else
                valueError(sizeField, body.value(sizeField), error, issues);
        }
    }

    const QString secondsField = QStringLiteral("seconds");
    if (body.contains(secondsField) && !body.value(secondsField).isNull()) {
        const QJsonValue value = body.value(secondsField);
        QJsonArray secondsIssues;
        const auto seconds = laxInteger(value, secondsField, &secondsIssues);
        if (!seconds) {
            issues->append(ApiError::issue(QStringLiteral("string_type"), bodyLoc(secondsField),
                                           QStringLiteral("Input should be a valid string"),
                                           value));
        } else if (const QString error
                   = checkSeconds(spec.provider, int(qBound(qint64(-1), *seconds, qint64(100000))));
                   !error.isEmpty()) {
            valueError(secondsField, value, error, issues);
        } else {
            spec.seconds = int(*seconds);
        }
    }

    const QString passwordField = QStringLiteral("password");
    if (requireString(body, passwordField, issues))
        parsed.password = body.value(passwordField).toString();

    const QString waitField = QStringLiteral("wait");
    if (body.contains(waitField) && !body.value(waitField).isNull()) {
        const QJsonValue value = body.value(waitField);
        if (!value.isDouble()) {
            issues->append(ApiError::issue(QStringLiteral("float_type"), bodyLoc(waitField),
                                           QStringLiteral("Input should be a valid number"),
                                           value));
        } else if (value.toDouble() < 0 || !std::isfinite(value.toDouble())) {
            issues->append(
                    ApiError::issue(QStringLiteral("greater_than_equal"), bodyLoc(waitField),
                                    QStringLiteral("Input should be greater than or equal to 0"),
                                    value, QJsonObject {{QStringLiteral("ge"), 0}}));
        } else {
            parsed.waitSeconds = int(qMin(value.toDouble(), 86400.0));
        }
    }
    if (!issues->isEmpty())
        return std::nullopt;
    return parsed;
}

HttpResponse VideoController::successAnswer(const JobRecord &job) const
{
    return HttpResponse::json(QJsonObject {{QStringLiteral("status"), QStringLiteral("success")},
                                           {QStringLiteral("message"), kGenerated},
                                           {QStringLiteral("video_url"), videoUrl(job.id)},
                                           {QStringLiteral("error"), QJsonValue()},
                                           {QStringLiteral("video_id"), job.id}});
}

HttpResponse VideoController::failedAnswer(const QString &error) const
{
    return HttpResponse::json(QJsonObject {{QStringLiteral("status"), QStringLiteral("failed")},
                                           {QStringLiteral("message"), kGenerationFailed},
                                           {QStringLiteral("video_url"), QJsonValue()},
                                           {QStringLiteral("error"), error}});
}

HttpResponse VideoController::acceptedAnswer(const JobRecord &job) const
{
    const auto current = m_context->store()->job(job.id);
    const JobRecord &shown = current ? *current : job;
    return HttpResponse::json(
            QJsonObject {{QStringLiteral("status"), QStringLiteral("accepted")},
                         {QStringLiteral("message"),
                          tr("The video is being generated; GET the status URL for progress.")},
                         {QStringLiteral("video_url"), QJsonValue()},
                         {QStringLiteral("error"), QJsonValue()},
                         {QStringLiteral("video_id"), shown.id},
                         {QStringLiteral("generation_status"), generationStatus(shown.status)},
                         {QStringLiteral("progress"), shown.progress},
                         {QStringLiteral("status_url"),
                          QStringLiteral("/api/video-generation/status/%1").arg(shown.runId)}},
            202);
}

void VideoController::generate(const HttpRequest &request, const Done &done)
{
    QJsonArray issues;
    const auto parsed = parseGenerate(request, &issues);
    if (!parsed) {
        // Member names say where a password belongs (errorResponse redacts those); a password
        // sent in another field, the configured one or the one this body carries, goes too.
        QStringList secrets {m_gate.configuredPassword()};
        const QJsonValue given
                = QJsonDocument::fromJson(request.body).object().value(QStringLiteral("password"));
        if (given.isString())
            secrets << given.toString();
        ApiError error;
        error.kind = ApiError::Kind::Validation;
        error.validation = rest::redactStrings(issues, secrets).toArray();
        return done(errorResponse(error));
    }

    const QString client = clientAddress(request);
    const PasswordGate::Verdict verdict = m_gate.check(client, parsed->password);
    switch (verdict.result) {
    case PasswordGate::Result::Accepted:
        break;
    case PasswordGate::Result::Wrong:
        qCWarning(lcServer).noquote() << "wrong generation password from" << client << "-"
                                      << verdict.attemptsLeft << "attempts left";
        return done(errorResponse(
                ApiError {ApiError::Kind::WrongPassword, {}, {}, verdict.attemptsLeft, {}}));
    case PasswordGate::Result::LockedOut:
        qCWarning(lcServer).noquote() << "generation refused:" << client << "is locked out for"
                                      << verdict.minutesLeft << "minutes";
        return done(errorResponse(
                ApiError {ApiError::Kind::LockedOut, {}, {}, verdict.minutesLeft, {}}));
    case PasswordGate::Result::NotConfigured:
        qCWarning(lcServer).noquote() << "generation refused: no generation password configured";
        return done(errorResponse(ApiError {ApiError::Kind::PasswordNotConfigured,
                                            PasswordGate::notConfiguredMessage(),
                                            {},
                                            0,
                                            {}}));
    }

    const JobManager::Submission submission = m_context->jobs()->submit(parsed->spec);
    // Whatever the submission wrote (a run linked to a cached, library or new video) shows in
    // the next status answer, signalled or not.
    forgetCachedAnswers();
    using Kind = JobManager::Submission::Kind;
    if (submission.kind == Kind::Rejected) {
        qCWarning(lcServer).noquote()
                << "generation for run" << parsed->spec.runId << "refused:" << submission.error;
        return done(failedAnswer(submission.error));
    }
    if (submission.kind == Kind::CacheHit)
        return done(successAnswer(submission.job));

    const int maxWait = int(m_context->settings()->integer("server/maxWaitSeconds"));
    const int wait = parsed->waitSeconds < 0 ? maxWait : qMin(parsed->waitSeconds, maxWait);
    if (wait == 0)
        return done(acceptedAnswer(submission.job));

    auto waiter = std::make_shared<Waiter>();
    waiter->done = done;
    waiter->timer = new QTimer(this);
    waiter->timer->setSingleShot(true);
    const QString jobId = submission.job.id;
    const JobRecord job = submission.job;
    connect(waiter->timer, &QTimer::timeout, this, [this, jobId, job, raw = waiter.get()] {
        for (auto it = m_waiters.find(jobId); it != m_waiters.end() && it.key() == jobId; ++it) {
            if (it.value().get() == raw) {
                const std::shared_ptr<Waiter> keep = it.value();
                m_waiters.erase(it);
                keep->done(acceptedAnswer(job));
                return;
            }
        }
    });
    waiter->timer->start(wait * 1000);
    m_waiters.insert(jobId, waiter);
}

void VideoController::finishWaiters(const JobRecord &job, bool succeeded)
{
    forgetCachedAnswers();
    m_eta.remove(job.id);
    const QList<std::shared_ptr<Waiter>> waiters = m_waiters.values(job.id);
    m_waiters.remove(job.id);
    for (const std::shared_ptr<Waiter> &waiter : waiters) {
        waiter->done(succeeded ? successAnswer(job)
                               : failedAnswer(job.errorMessage.isEmpty()
                                                      ? jobStatusDisplayName(job.status)
                                                      : job.errorMessage));
    }
}

std::optional<qint64> VideoController::etaSeconds(const QString &jobId) const
{
    const auto it = m_eta.constFind(jobId);
    if (it == m_eta.cend())
        return std::nullopt;
    const qint64 left = it->msLeft - (m_monotonic.elapsed() - it->at);
    return qMax<qint64>(0, (left + 999) / 1000);
}

std::optional<qint64> VideoController::parsePathRunId(const QString &text, ApiError *error) const
{
    const RunIdCheck check = JobSpec::checkRunId(text);
    if (check.isValid())
        return check.value;
    error->kind = ApiError::Kind::Validation;
    error->validation = QJsonArray {
            runIdIssue(check, QJsonArray {QStringLiteral("path"), QStringLiteral("run_id")}, text)};
    return std::nullopt;
}

HttpResponse VideoController::status(const QString &runIdText)
{
    ApiError error;
    const auto runId = parsePathRunId(runIdText, &error);
    if (!runId)
        return errorResponse(error);
    if (!m_runs->isCurrent())
        return statusOf(*runId); // a change of this process not mirrored yet: read the store
    if (const auto answer = m_answers.constFind(*runId); answer != m_answers.cend())
        return *answer;
    const RunStatusCache::Run *run = m_runs->run(*runId);
    if (!run)
        return m_notFound;
    HttpResponse response = statusAnswer(&run->job, run->match);
    if (isTerminal(run->job.status))
        m_answers.insert(*runId, response);
    return response;
}

const QByteArray *VideoController::cachedStatusWire(qint64 runId)
{
    if (!m_runs->isCurrent())
        return nullptr;
    if (const auto wire = m_statusWire.constFind(runId); wire != m_statusWire.cend())
        return &*wire;
    const auto answer = m_answers.constFind(runId);
    if (answer == m_answers.cend())
        return nullptr; // the usual path makes it, then this one serves it
    HttpResponse response = *answer;
    response.rawHeaders = m_commonHeaders;
    return &*m_statusWire.insert(runId, response.head(false) + response.body);
}

HttpResponse VideoController::statusOf(qint64 runId)
{
    const auto job = m_context->store()->jobForRun(runId);
    if (!job)
        return m_notFound;
    std::optional<LibraryMatchRecord> match;
    // A run answered from the drill library says which video and why (one more read, only then).
    if (job->provider == QLatin1String("library") && m_context->library())
        match = m_context->library()->matchForRun(runId);
    return statusAnswer(&*job, match);
}

HttpResponse VideoController::statusAnswer(const JobRecord *job,
                                           const std::optional<LibraryMatchRecord> &match) const
{
    const bool completed = job->status == JobStatus::Completed;
    const auto eta
            = completed || isTerminal(job->status) ? std::optional<qint64>(0) : etaSeconds(job->id);
    QJsonObject answer {
            {QStringLiteral("status"), QStringLiteral("success")},
            {QStringLiteral("video_url"), completed ? QJsonValue(videoUrl(job->id)) : QJsonValue()},
            {QStringLiteral("generation_status"), generationStatus(job->status)},
            {QStringLiteral("error_message"), orNull(job->errorMessage)},
            {QStringLiteral("progress"), completed ? 100 : job->progress},
            {QStringLiteral("eta_seconds"), eta ? QJsonValue(*eta) : QJsonValue()},
            {QStringLiteral("video_id"), job->id},
            {QStringLiteral("job_status"), jobStatusToString(job->status)}};
    if (job->provider == QLatin1String("library") && match) {
        answer.insert(QStringLiteral("source"), QStringLiteral("library"));
        answer.insert(QStringLiteral("library_video_id"), match->videoId);
        answer.insert(QStringLiteral("match_confidence"), match->confidence);
        answer.insert(QStringLiteral("match_explanation"), match->explanation);
    }
    return HttpResponse::json(answer);
}

HttpResponse VideoController::clearCache(const QString &runIdText)
{
    ApiError error;
    const auto runId = parsePathRunId(runIdText, &error);
    if (!runId)
        return errorResponse(error);
    QString message;
    if (m_context->jobs()->clearRun(*runId, &message)) {
        qCInfo(lcServer) << "cleared the cache of run" << *runId;
        return HttpResponse::json(
                QJsonObject {{QStringLiteral("status"), QStringLiteral("success")},
                             {QStringLiteral("message"), kCacheCleared}});
    }
    if (!message.isEmpty())
        return errorResponse(ApiError {ApiError::Kind::Internal, message, {}, 0, {}});
    return HttpResponse::json(QJsonObject {{QStringLiteral("status"), QStringLiteral("not_found")},
                                           {QStringLiteral("message"), kCacheNotFound}});
}

HttpResponse VideoController::fileAnswer(const HttpRequest &request, const QString &path,
                                         const QByteArray &contentType, const QByteArray &etag,
                                         const QList<HttpResponse::Header> &extraHeaders) const
{
    const QFileInfo info(path);
    if (!info.isFile() || !info.isReadable()) {
        qCWarning(lcServer).noquote() << "file of a cached video is missing:" << path;
        return errorResponse(ApiError {ApiError::Kind::NotFound, {}, {}, 0, {}});
    }
    const qint64 size = info.size();
    HttpResponse response;
    response.contentType = contentType;
    response.headers << extraHeaders << HttpResponse::Header {"Accept-Ranges", "bytes"}
                     << HttpResponse::Header {"ETag", etag}
                     << HttpResponse::Header {"Cache-Control", "no-cache"};
    const QByteArray ifNoneMatch = request.header("if-none-match");
    if (!ifNoneMatch.isEmpty() && etagMatches(ifNoneMatch, etag)) {
        response.status = 304;
        response.contentType.clear();
        return response;
    }
    response.filePath = path;
    response.fileOffset = 0;
    response.fileLength = size;

    QByteArray range = request.header("range").trimmed();
    const QByteArray ifRange = request.header("if-range").trimmed();
    if (!ifRange.isEmpty() && ifRange != etag)
        range.clear(); // the client's copy is another version: send it all
    if (!range.startsWith("bytes=") || range.contains(','))
        return response; // no range, another unit, or several ranges: the whole file
    const QByteArray spec = range.mid(6).trimmed();
    const qsizetype dash = spec.indexOf('-');
    if (dash < 0)
        return response;
    const QByteArray first = spec.left(dash).trimmed();
    const QByteArray last = spec.mid(dash + 1).trimmed();
    static const QRegularExpression digits(QStringLiteral("^[0-9]{1,18}$"));
    const auto isNumber = [](const QByteArray &text) {
        return digits.match(QString::fromLatin1(text)).hasMatch();
    };
    qint64 start = 0;
    qint64 end = size - 1;
    if (first.isEmpty()) {
        if (!isNumber(last))
            return response;
        const qint64 suffix = last.toLongLong();
        if (suffix == 0 || size == 0)
            return errorResponse(ApiError {ApiError::Kind::RangeNotSatisfiable, {}, {}, size, {}});
        start = qMax<qint64>(0, size - suffix);
    } else {
        if (!isNumber(first) || (!last.isEmpty() && !isNumber(last)))
            return response;
        start = first.toLongLong();
        if (!last.isEmpty()) {
            end = qMin(last.toLongLong(), size - 1);
            if (last.toLongLong() < start)
                return response; // not a valid range: ignored
        }
        if (start >= size)
            return errorResponse(ApiError {ApiError::Kind::RangeNotSatisfiable, {}, {}, size, {}});
    }
    response.status = 206;
    response.fileOffset = start;
    response.fileLength = end - start + 1;
    response.headers << HttpResponse::Header {"Content-Range",
                                              "bytes " + QByteArray::number(start) + '-'
                                                      + QByteArray::number(end) + '/'
                                                      + QByteArray::number(size)};
    return response;
}

void VideoController::forgetCachedAnswers()
{
    m_answers.clear();
    m_statusWire.clear();
    m_videoCache.clear();
    m_runs->markStale();
}

std::optional<JobRecord> VideoController::finishedVideo(const QString &videoId)
{
    static const QRegularExpression validId(QStringLiteral("^[A-Za-z0-9_-]{1,64}$"));
    if (!validId.match(videoId).hasMatch())
        return std::nullopt;
    if (m_runs->isCurrent()) {
        if (const JobRecord *job = m_runs->video(videoId))
            return *job;
    }
    const qint64 now = m_monotonic.elapsed();
    if (const auto cached = m_videoCache.constFind(videoId);
        cached != m_videoCache.cend() && cached->until > now)
        return cached->job;
    if (m_videoCache.size() > 4096)
        m_videoCache.clear();
    auto job = m_context->store()->job(videoId);
    if (job && job->status != JobStatus::Completed)
        job.reset();
    m_videoCache.insert(videoId, CachedVideo {job, now + StatusCacheMs});
    return job;
}

HttpResponse VideoController::download(const HttpRequest &request, const QString &videoId)
{
    const auto job = finishedVideo(videoId);
    if (!job || job->filePath.isEmpty())
        return errorResponse(ApiError {ApiError::Kind::NotFound, {}, {}, 0, {}});
    const qint64 now = m_context->clock()->nowMs();
    if (now - job->lastAccessedAt >= kTouchIntervalMs) {
        // Written by the mirror's thread, in batches: a download never waits on the store.
        m_runs->touch(job->id, now);
        if (const auto cached = m_videoCache.find(job->id);
            cached != m_videoCache.end() && cached->job)
            cached->job->lastAccessedAt = now;
    }
    const QByteArray etag = '"'
            + (job->sha256.isEmpty() ? job->id.toLatin1() + '-' + QByteArray::number(job->bytes)
                                     : job->sha256.toLatin1())
            + '"';
    return fileAnswer(request, m_context->videos()->absolutePath(job->filePath), "video/mp4", etag,
                      {HttpResponse::Header {"Content-Disposition",
                                             "inline; filename=training_video_" + job->id.toLatin1()
                                                     + ".mp4"}});
}

HttpResponse VideoController::thumbnail(const HttpRequest &request, const QString &videoId)
{
    const auto job = finishedVideo(videoId);
    if (!job || job->thumbnailPath.isEmpty())
        return errorResponse(ApiError {ApiError::Kind::NotFound, {}, {}, 0, {}});
    const QByteArray etag = "\"thumb-" + job->sha256.toLatin1() + '"';
    return fileAnswer(request, m_context->videos()->absolutePath(job->thumbnailPath), "image/webp",
                      etag, {});
}
