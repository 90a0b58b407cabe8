// The /demo page: the frontend's advice card in plain HTML, CSS and JavaScript compiled into the
// server, so a frontend developer sees the calls their page should make (generate with wait 0,
// poll the status, play with the thumbnail as poster, clear the cache) against this server.
#include "restserver.h"

#include "apierror.h"
#include "videocontroller.h"

#include <QFile>
#include <QJsonObject>

namespace {

// Stricter than the server's own header: the page loads its script and style from itself only,
// and everything it fetches comes from this server. An inline script would not run.
constexpr char kDemoPolicy[] = "default-src 'none'; script-src 'self'; style-src 'self'; "
                               "img-src 'self'; media-src 'self'; connect-src 'self'; "
                               "base-uri 'none'; form-action 'none'; frame-ancestors 'self'";

HttpResponse demoFile(const QString &name)
{
    struct Asset
    {
        const char *name;
        const char *contentType;
    };
    static constexpr Asset assets[] = {
            {"index.html", "text/html; charset=utf-8"},
            {"demo.js", "text/javascript; charset=utf-8"},
            {"demo.css", "text/css; charset=utf-8"},
    };
    for (const Asset &asset : assets) {
        if (name != QLatin1String(asset.name))
            continue;
        QFile file(QStringLiteral(":/demo/") + name);
        if (!file.open(QIODevice::ReadOnly))
            break;
        HttpResponse response = HttpResponse::text(file.readAll(), asset.contentType);
        response.headers << HttpResponse::Header {"Content-Security-Policy", kDemoPolicy}
                         << HttpResponse::Header {"Cache-Control", "no-cache"};
        return response;
    }
    return rest::errorResponse(rest::ApiError {rest::ApiError::Kind::NotFound, {}, {}, 0, {}});
}

} // namespace

void RestServer::addDemoRoutes()
{
    VideoController *c = m_controller;
    addRoute("GET", QStringLiteral("/demo"),
             [](const HttpRequest &, const QStringList &, const Reply &reply) {
                 reply(demoFile(QStringLiteral("index.html")));
             });
    // What the page needs to know before the first request: whether to ask for the generation
    // password, and whether generation is possible at all. Never the password itself.
    addRoute("GET", QStringLiteral("/demo/config.json"),
             [c](const HttpRequest &, const QStringList &, const Reply &reply) {
                 const bool password = !c->passwordGate().configuredPassword().isEmpty();
                 QJsonObject config {{QStringLiteral("password_required"), password},
                                     {QStringLiteral("generation_available"),
                                      c->passwordGate().isConfigured()}};
                 if (!c->passwordGate().isConfigured())
                     config.insert(QStringLiteral("message"), PasswordGate::notConfiguredMessage());
                 HttpResponse response = HttpResponse::json(config);
                 response.headers << HttpResponse::Header {"Cache-Control", "no-store"};
                 reply(response);
             });
    addRoute("GET", QStringLiteral("/demo/{file}"),
             [](const HttpRequest &, const QStringList &args, const Reply &reply) {
                 reply(demoFile(args.at(0)));
             });
}
