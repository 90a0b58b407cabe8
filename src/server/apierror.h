#pragma once
// The errors the REST server answers, and the one function that turns them into HTTP answers.
#include "httpmessage.h"

#include <QCoreApplication>
#include <QJsonArray>
#include <QJsonValue>
#include <QString>

namespace rest {

struct ApiError
{
    Q_DECLARE_TR_FUNCTIONS(ApiError)

public:
    enum class Kind {
        NotFound, // unknown route or resource: 404 {"detail":"Not Found"}
        MethodNotAllowed, // 405, with Allow
        Validation, // 422 in FastAPI's shape
        WrongPassword, // 401, with the attempts left
        LockedOut, // 401, with the minutes to wait
        PasswordNotConfigured, // 503: generation is off until a password is set
        PayloadTooLarge, // 413
        HeadersTooLarge, // 431
        LengthRequired, // 411: a body without Content-Length (chunked) is not accepted
        RangeNotSatisfiable, // 416, with Content-Range: bytes */size
        Internal, // 500 with a message (for example a database failure)
        AdminUnauthorized, // 401 with WWW-Authenticate: an admin route without valid credentials
        Banned, // 403 with Retry-After (number: seconds): too many failed admin logins
        HostNotAllowed, // 403: a Host header outside the allow-list (DNS rebinding)
        RequestTimeout, // 408: the request did not arrive in time
        TooManyConnections, // 503: the connection cap is reached
        BadRequest, // 400: a request that is not well-formed HTTP/1.1
    };

    Kind kind = Kind::NotFound;
    QString message;
    QJsonArray validation; // Validation: FastAPI's detail list
    qint64 number = 0; // WrongPassword: attempts left; LockedOut: minutes; 416: file size;
                       // 413: the limit in bytes; Banned: seconds
    QByteArray allow; // MethodNotAllowed: "GET, HEAD"

    // One FastAPI/pydantic validation issue: {"type","loc","msg","input"[,"ctx"]}.
    static QJsonObject issue(const QString &type, const QJsonArray &loc, const QString &msg,
                             const QJsonValue &input, const QJsonObject &ctx = {});
};

// Maps every error to its status code, headers and body. Validation answers never echo a
// secret: see redactSecrets().
HttpResponse errorResponse(const ApiError &error);

// The value with every secret replaced by "[redacted]": the values of object members whose name
// says they hold one (password, token, secret, authorization, cookie, API key), at any depth.
// When the value itself sits under such a name (secretKey true), all of it is replaced.
QJsonValue redactSecrets(const QJsonValue &value, bool secretKey = false);
// The value with every string that contains one of the secrets replaced by "[redacted]", at
// any depth: a password sent in the wrong field is still a password.
QJsonValue redactStrings(const QJsonValue &value, const QStringList &secrets);
// True for member names that hold a secret ("password", "api_key", "Authorization", ...).
bool isSecretName(const QString &name);

} // namespace rest
