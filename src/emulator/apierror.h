#pragma once
// An error answer in OpenAI's shape: HTTP status plus {"error":{message,type,param,code}}.
#include <QByteArray>
#include <QJsonObject>
#include <QString>

// Its own namespace: the REST server has an error type of the same name for its own answers.
namespace emulator {

struct ApiError
{
    int status = 400;
    QString message;
    QString type = QStringLiteral("invalid_request_error");
    QString param; // null when empty
    QString code; // null when empty

    bool isError() const { return !message.isEmpty(); }
    QJsonObject toJson() const;
    QByteArray body() const;

    static ApiError invalidRequest(const QString &message, const QString &param = {},
                                   const QString &code = {});
    static ApiError unknownParameter(const QString &name);
    static ApiError missingParameter(const QString &name);
    // "Invalid type for 'x': expected <expected>, but got <actual> instead."
    static ApiError invalidType(const QString &name, const QString &expected,
                                const QString &actual);
    // "Invalid value: 'v'. Supported values are: 'a', 'b', and 'c'."
    static ApiError invalidValue(const QString &name, const QString &value,
                                 const QStringList &supported);
    static ApiError notFound(const QString &message, const QString &code = {});
};

namespace ApiText {
// "'4', '8', or '12'" / "'4', '8', and '12'" as OpenAI lists enum values.
QString quotedList(const QStringList &values, const QString &conjunction);
// The JSON type name OpenAI reports for a value: "a string", "an integer", "an object"...
QString jsonTypeName(const QJsonValue &value);
} // namespace ApiText

} // namespace emulator
