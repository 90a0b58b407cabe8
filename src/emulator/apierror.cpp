#include "apierror.h"

#include <QJsonDocument>
#include <QJsonValue>
#include <QStringList>

namespace emulator {

QJsonObject ApiError::toJson() const
{
    QJsonObject error;
    error.insert(QStringLiteral("message"), message);
    error.insert(QStringLiteral("type"), type);
    error.insert(QStringLiteral("param"), param.isEmpty() ? QJsonValue() : QJsonValue(param));
    error.insert(QStringLiteral("code"), code.isEmpty() ? QJsonValue() : QJsonValue(code));
    return QJsonObject {{QStringLiteral("error"), error}};
}

QByteArray ApiError::body() const
{
    return QJsonDocument(toJson()).toJson(QJsonDocument::Indented);
}

ApiError ApiError::invalidRequest(const QString &message, const QString &param, const QString &code)
{
    ApiError error;
    error.message = message;
    error.param = param;
    error.code = code;
    return error;
}

ApiError ApiError::unknownParameter(const QString &name)
{
    return invalidRequest(QStringLiteral("Unknown parameter: '%1'.").arg(name), name,
                          QStringLiteral("unknown_parameter"));
}

ApiError ApiError::missingParameter(const QString &name)
{
    return invalidRequest(QStringLiteral("Missing required parameter: '%1'.").arg(name), name,
                          QStringLiteral("missing_required_parameter"));
}

ApiError ApiError::invalidType(const QString &name, const QString &expected, const QString &actual)
{
    return invalidRequest(QStringLiteral("Invalid type for '%1': expected %2, but got %3 instead.")
                                  .arg(name, expected, actual),
                          name, QStringLiteral("invalid_type"));
}

ApiError ApiError::invalidValue(const QString &name, const QString &value,
                                const QStringList &supported)
{
    return invalidRequest(
            QStringLiteral("Invalid value: '%1'. Supported values are: %2.")
                    .arg(value, ApiText::quotedList(supported, QStringLiteral("and"))),
            name, QStringLiteral("invalid_value"));
}

ApiError ApiError::notFound(const QString &message, const QString &code)
{
    ApiError error = invalidRequest(message, {}, code);
    error.status = 404;
    return error;
}

QString ApiText::quotedList(const QStringList &values, const QString &conjunction)
{
    QStringList quoted;
    for (const QString &value : values)
        quoted.append(u'\'' + value + u'\'');
    if (quoted.size() <= 1)
        return quoted.join(QString());
    if (quoted.size() == 2)
        return quoted.first() + u' ' + conjunction + u' ' + quoted.last();
    const QString last = quoted.takeLast();
    return quoted.join(QStringLiteral(", ")) + u", " + conjunction + u' ' + last;
}

QString ApiText::jsonTypeName(const QJsonValue &value)
{
    switch (value.type()) {
    case QJsonValue::Null:
        return QStringLiteral("null");
    case QJsonValue::Bool:
        return QStringLiteral("a boolean");
    case QJsonValue::Double: {
        const double number = value.toDouble();
        return number == double(qint64(number)) ? QStringLiteral("an integer")
                                                : QStringLiteral("a decimal");
    }
    case QJsonValue::String:
        return QStringLiteral("a string");
    case QJsonValue::Array:
        return QStringLiteral("an array");
    case QJsonValue::Object:
        return QStringLiteral("an object");
    case QJsonValue::Undefined:
        break;
    }
    return QStringLiteral("nothing");
}

} // namespace emulator
