#include "openapi.h"

#include <QFile>
#include <QJsonDocument>

QByteArray openApiDocument()
{
    static const QByteArray document = [] {
        QFile file(QStringLiteral(":/server/openapi.json"));
        if (!file.open(QIODevice::ReadOnly))
            return QByteArray("{}");
        return QJsonDocument::fromJson(file.readAll()).toJson(QJsonDocument::Compact);
    }();
    return document;
}
