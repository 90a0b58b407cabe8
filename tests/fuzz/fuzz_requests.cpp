// libFuzzer target over the REST server's own handling of hostile bytes, without sockets: the
// run-ID rule, the JSON body of POST /generate, Range / If-Range / If-None-Match on a real cached
// video, Authorization (Basic and Bearer) on the admin routes, the Host allow-list, CORS origins,
// X-Forwarded-For, and the routing decision; and the server's own HTTP/1.1 reader
// (HttpRequestParser) on the raw bytes.
//
// Input: one or more requests separated by a line "##" (so one input can reach the ban after
// repeated failures). Each is "METHOD TARGET\nName: value\n...\n\nbody"; "{video}" in the target
// is replaced by the id of the cached video, "{loopback}" as a header line makes the peer
// 127.0.0.1 (else 192.0.2.7, an address no client here has). Properties, checked on every answer:
// no 5xx, an answer exactly once and at once, no CR or LF inside a header, and GET /status/<x>
// answers 200 exactly when JobSpec::checkRunId accepts x, else 422.
//
// The same bytes also go to HttpRequestParser as a connection would bring them, whole and cut
// into pieces (sizes from the first byte): both readings must give the same requests and the
// same refusal, every request a method of capitals and a body within its limit; the requests
// read are answered by the routes under the same properties.
#include "admingate.h"
#include "appcontext.h"
#include "httprequestparser.h"
#include "jobmanager.h"
#include "jobspec.h"
#include "passwordgate.h"
#include "restserver.h"
#include "settings.h"
#include "videocontroller.h"

#include <QEventLoop>
#include <QGuiApplication>
#include <QJsonDocument>
#include <QRandomGenerator>
#include <QTemporaryDir>
#include <QTimer>
#include <QUrl>

#include <algorithm>
#include <cstdint>
#include <cstdio>
#include <cstdlib>

struct RestServerFuzzAccess
{
    RestServer *server = nullptr;
    AppContext *context = nullptr;
    QString videoId;
    bool verbose = qEnvironmentVariableIsSet("FUZZ_VERBOSE"); // each answer's status on stderr

    // A fresh lockout and ban state for each input: its requests start from a clean slate.
    void resetGates()
    {
        server->m_admin = AdminGate(context->settings(), context->clock());
        server->m_controller->passwordGate() = PasswordGate(context->settings(), context->clock());
    }

    // What handleRequest does with a request once Qt has parsed it, in the same order.
    void answer(const HttpRequest &request, const RestServer::Reply &reply)
    {
        if (const qint64 seconds
            = server->m_admin.bannedFor(server->m_controller->clientAddress(request))) {
            return reply(rest::errorResponse(
                    rest::ApiError {rest::ApiError::Kind::Banned, {}, {}, seconds, {}}));
        }
        if (!server->hostAllowed(request.header("host"))) {
            return reply(rest::errorResponse(
                    rest::ApiError {rest::ApiError::Kind::HostNotAllowed, {}, {}, 0, {}}));
        }
        QString route;
        server->dispatch(request, reply, &route);
    }

    void addCommonHeaders(const HttpRequest &request, HttpResponse &response) const
    {
        server->addCommonHeaders(request, response);
    }
};

namespace {

RestServerFuzzAccess *g_fuzz = nullptr;

[[noreturn]] void violated(const char *property, const HttpRequest &request,
                           const HttpResponse &response)
{
    std::fprintf(stderr, "property violated: %s\n  %s %s\n  -> %d %s\n", property,
                 request.method.constData(), request.path.toUtf8().constData(), response.status,
                 response.body.left(400).constData());
    std::abort();
}

HttpRequest parseRequest(const QByteArray &text)
{
    HttpRequest request;
    request.peer = QHostAddress(QStringLiteral("192.0.2.7"));
    const qsizetype headEnd = text.indexOf("\n\n");
    const QByteArray head = headEnd < 0 ? text : text.left(headEnd);
    request.body = headEnd < 0 ? QByteArray() : text.mid(headEnd + 2);
    QList<QByteArray> lines = head.split('\n');
    const QByteArray requestLine = lines.isEmpty() ? QByteArray() : lines.takeFirst();
    const qsizetype space = requestLine.indexOf(' ');
    request.method = space < 0 ? requestLine : requestLine.left(space);
    QByteArray target = space < 0 ? QByteArray("/") : requestLine.mid(space + 1);
    target.replace("{video}", g_fuzz->videoId.toLatin1());
    // As the server's reader gives it to the routes: the path, percent-encoded.
    request.path = HttpRequestParser::pathOf(target);
    for (const QByteArray &line : std::as_const(lines)) {
        if (line.trimmed() == "{loopback}") {
            request.peer = QHostAddress::LocalHost;
            continue;
        }
        const qsizetype colon = line.indexOf(':');
        if (colon <= 0)
            continue;
        request.headers.insert(line.left(colon).trimmed().toLower(), line.mid(colon + 1).trimmed());
    }
    // A loopback client may clear any run's cache; the cached video must stay for the next input.
    if (request.method == "DELETE")
        request.peer = QHostAddress(QStringLiteral("192.0.2.7"));
    return request;
}

void checkAnswer(const HttpRequest &request, HttpResponse response)
{
    if (response.status < 100 || response.status >= 500)
        violated("no 5xx (and a real status)", request, response);
    g_fuzz->addCommonHeaders(request, response);
    if (g_fuzz->verbose)
        std::fprintf(stderr, "%d %s %s\n", response.status, request.method.constData(),
                     request.path.toUtf8().constData());
    for (const auto &[name, value] : std::as_const(response.headers)) {
        if (name.contains('\r') || name.contains('\n') || value.contains('\r')
            || value.contains('\n'))
            violated("no CR or LF inside a header", request, response);
    }
    if (response.isFile() && (response.fileOffset < 0 || response.fileLength < 0))
        violated("a file answer's range lies in the file", request, response);
    (void)response.head(false);

    // The path's run ID follows the body's rule.
    const QString prefix = QStringLiteral("/api/video-generation");
    QString path = request.path;
    if (path.startsWith(prefix + QLatin1Char('/')))
        path = path.mid(prefix.size());
    const QStringList parts = path.split(QLatin1Char('/'));
    if ((request.method == "GET" || request.method == "HEAD") && parts.size() == 3
        && parts.at(0).isEmpty() && parts.at(1) == QLatin1String("status") && !parts.at(2).isEmpty()
        && response.status != 403) {
        const QString runId = QUrl::fromPercentEncoding(parts.at(2).toUtf8());
        const bool valid = JobSpec::checkRunId(runId).isValid();
        if (valid != (response.status == 200) || (!valid && response.status != 422))
            violated("GET /status/<x>: 200 exactly when the run-ID rule accepts x, else 422",
                     request, response);
    }
}

void runOne(const QByteArray &text)
{
    const HttpRequest request = parseRequest(text);
    int answers = 0;
    g_fuzz->answer(request, [&](const HttpResponse &response) {
        ++answers;
        checkAnswer(request, response);
    });
    if (answers != 1) {
        std::fprintf(stderr, "property violated: %d answers to %s %s\n", answers,
                     request.method.constData(), request.path.toUtf8().constData());
        std::abort();
    }
}

struct WireReading
{
    QList<HttpRequest> requests;
    QList<bool> keepAlive;
    int refusal = -1; // the ApiError kind, or -1
};

HttpLimits wireLimits()
{
    HttpLimits limits;
    limits.maxHeaderBytes = 4096;
    limits.maxBodyBytes = 2048;
    limits.uploadPaths = {QByteArrayLiteral("/library/videos")};
    limits.maxUploadBytes = 8192;
    return limits;
}

WireReading readWire(const QByteArray &bytes, qsizetype piece)
{
    const HttpLimits limits = wireLimits();
    HttpRequestParser parser(limits);
    WireReading reading;
    QByteArray buffer;
    for (qsizetype at = 0; at < bytes.size() && reading.refusal < 0;) {
        const qsizetype take = piece > 0 ? qMin(piece, bytes.size() - at) : bytes.size();
        buffer.append(bytes.constData() + at, take);
        at += take;
        while (reading.requests.size() < 64) {
            const HttpRequestParser::Result result = parser.parse(buffer);
            if (result == HttpRequestParser::Result::Request) {
                reading.keepAlive << parser.keepAlive();
                reading.requests << parser.takeRequest();
                continue;
            }
            if (result == HttpRequestParser::Result::Refused)
                reading.refusal = int(parser.error().kind);
            parser.takeContinueRequest();
            break;
        }
    }
    for (const HttpRequest &request : std::as_const(reading.requests)) {
        const bool capitals = !request.method.isEmpty()
                && std::all_of(request.method.cbegin(), request.method.cend(),
                               [](char c) { return c >= 'A' && c <= 'Z'; });
        if (!capitals || request.body.size() > qMax(limits.maxBodyBytes, limits.maxUploadBytes)) {
            std::fprintf(stderr, "property violated: the reader gave \"%s\" with %lld body bytes\n",
                         request.method.constData(), qlonglong(request.body.size()));
            std::abort();
        }
    }
    return reading;
}

void checkWire(const QByteArray &bytes)
{
    const WireReading whole = readWire(bytes, 0);
    const qsizetype piece = bytes.isEmpty() ? 1 : 1 + uchar(bytes.front()) % 17;
    const WireReading cut = readWire(bytes, piece);
    bool same = whole.refusal == cut.refusal && whole.requests.size() == cut.requests.size()
            && whole.keepAlive == cut.keepAlive;
    for (qsizetype i = 0; same && i < whole.requests.size(); ++i) {
        const HttpRequest &a = whole.requests.at(i);
        const HttpRequest &b = cut.requests.at(i);
        same = a.method == b.method && a.path == b.path && a.body == b.body
                && a.headers == b.headers;
    }
    if (!same) {
        std::fprintf(stderr,
                     "property violated: the reader read %lld requests (refusal %d) whole "
                     "and %lld (refusal %d) in pieces of %lld\n",
                     qlonglong(whole.requests.size()), whole.refusal,
                     qlonglong(cut.requests.size()), cut.refusal, qlonglong(piece));
        std::abort();
    }
    for (qsizetype i = 0; i < whole.requests.size() && i < 4; ++i) {
        HttpRequest request = whole.requests.at(i);
        request.peer = QHostAddress(QStringLiteral("192.0.2.7"));
        if (request.method == "DELETE" || request.method == "POST")
            continue; // not to clear the cached video nor to start jobs from raw bytes
        int answers = 0;
        g_fuzz->answer(request, [&](const HttpResponse &response) {
            ++answers;
            checkAnswer(request, response);
        });
        if (answers != 1)
            std::abort();
    }
}

// The run-ID rule on the bytes themselves, as text and as a JSON member written out.
void checkRunIdRule(const QByteArray &bytes)
{
    const QString text = QString::fromUtf8(bytes.left(64));
    const RunIdCheck check = JobSpec::checkRunId(text);
    const auto parsed = JobSpec::parseRunId(text);
    if (check.isValid() != parsed.has_value()
        || (check.isValid() && (!JobSpec::isValidRunId(*check.value) || *check.value != *parsed))) {
        std::fprintf(stderr, "property violated: checkRunId and parseRunId disagree on \"%s\"\n",
                     text.toUtf8().constData());
        std::abort();
    }
    const QByteArray json = "{\"run_id\": " + bytes.left(64) + "}";
    const QJsonValue value = QJsonDocument::fromJson(json).object().value(QStringLiteral("run_id"));
    const RunIdCheck member = JobSpec::checkRunId(value, json, QLatin1String("run_id"));
    if (member.isValid() && !JobSpec::isValidRunId(*member.value))
        std::abort();
}

} // namespace

extern "C" int LLVMFuzzerInitialize(int *argc, char ***argv)
{
    // The server's log of every refusal would cost more than the request itself.
    if (!qEnvironmentVariableIsSet("FUZZ_VERBOSE"))
        qInstallMessageHandler([](QtMsgType, const QMessageLogContext &, const QString &) {});
    qputenv("QT_QPA_PLATFORM", "offscreen");
    // Secrets made here at random: never guessed, never written anywhere but the settings file of
    // this temporary folder. Fuzz inputs reach the wrong-password and wrong-credential paths.
    const QByteArray password = QByteArray::number(QRandomGenerator::system()->generate64(), 36);
    qputenv("DRILLSTUDIO_GENERATION_PASSWORD", password);
    // Kept until the process ends (never destroyed: libFuzzer leaves through exit()).
    new QGuiApplication(*argc, *argv); // the local renderer draws with QtGui (fonts)
    const auto &dir = *new QTemporaryDir;
    {
        Settings settings(dir.filePath(QStringLiteral("settings.ini")));
        const QByteArray secret = QByteArray::number(QRandomGenerator::system()->generate64(), 36);
        settings.setValue("server/adminUser", QStringLiteral("admin"));
        settings.setValue("server/adminPasswordHash", AdminGate::hashSecret(secret, 1000));
        settings.setValue("server/apiKeyHash", AdminGate::hashSecret(secret + "-key", 1000));
        settings.setValue("server/allowedHosts",
                          QStringLiteral("drills.example.org,*.example.net"));
        settings.setValue("server/corsOrigins",
                          QStringLiteral("http://localhost:3000,https://frontend.example.org/"));
        settings.setValue("server/trustedProxies", QStringLiteral("127.0.0.1"));
        settings.setValue("generation/size", QStringLiteral("320x180"));
        settings.setValue("generation/seconds", 1);
    }
    auto &context = *new AppContext;
    AppContext::Options options;
    options.dataDir = dir.path();
    options.installLogFile = false;
    if (!context.open(options)) {
        std::fprintf(stderr, "cannot open the data folder: %s\n",
                     context.errorString().toUtf8().constData());
        std::_Exit(1);
    }
    auto *server = new RestServer(&context);
    auto &access = *new RestServerFuzzAccess;
    access.server = server;
    access.context = &context;

    // One real cached video (local renderer), so downloads and thumbnails reach the Range code.
    const JobSpec spec = JobSpec::fromSettings(
            *context.settings(), 7, QStringLiteral("【💪 おすすめの補強ドリル】\nもも上げ 20m×3\n"));
    const JobManager::Submission submission = context.jobs()->submit(spec);
    if (submission.kind == JobManager::Submission::Kind::Rejected) {
        std::fprintf(stderr, "cannot generate the fixture video: %s\n",
                     submission.error.toUtf8().constData());
        std::_Exit(1);
    }
    access.videoId = submission.job.id;
    if (submission.kind != JobManager::Submission::Kind::CacheHit) {
        QEventLoop loop;
        QObject::connect(context.jobs(), &JobManager::jobFinished, &loop, &QEventLoop::quit);
        QObject::connect(context.jobs(), &JobManager::jobFailed, &loop, [&loop] { loop.exit(1); });
        QTimer::singleShot(120000, &loop, [&loop] { loop.exit(2); });
        if (loop.exec() != 0) {
            std::fprintf(stderr, "the fixture video was not generated\n");
            std::_Exit(1);
        }
    }
    g_fuzz = &access;
    return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    if (size > 64 * 1024) // the server refuses larger bodies before any of this runs
        return -1;
    const QByteArray input
            = QByteArray::fromRawData(reinterpret_cast<const char *>(data), qsizetype(size));
    checkRunIdRule(input);
    g_fuzz->resetGates();
    checkWire(input);
    g_fuzz->resetGates();
    int requests = 0;
    qsizetype from = 0;
    while (from <= input.size() && requests < 8) {
        qsizetype end = input.indexOf("\n##\n", from);
        if (end < 0)
            end = input.size();
        runOne(input.mid(from, end - from));
        ++requests;
        from = end + 4;
    }
    return 0;
}
