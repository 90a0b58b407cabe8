#pragma once
// A request as the controllers see it (as HttpRequestParser reads it) and the response they
// return.
#include <QByteArray>
#include <QHash>
#include <QHostAddress>
#include <QJsonObject>
#include <QList>
#include <QPair>
#include <QString>

struct HttpRequest
{
    QByteArray method; // "GET", "POST", ...
    QString path; // percent-encoded path, without the /api/video-generation prefix
    QHash<QByteArray, QByteArray> headers; // names in lower case
    QByteArray body;
    QHostAddress peer;

    QByteArray header(const QByteArray &lowerCaseName) const
    {
        return headers.value(lowerCaseName);
    }
};

struct HttpResponse
{
    using Header = QPair<QByteArray, QByteArray>;

    int status = 200;
    QByteArray contentType;
    QByteArray body;
    QList<Header> headers;
    QByteArray rawHeaders; // more header lines, each ending in CRLF, written as they are
    // A file streamed from disk instead of body: [fileOffset, fileOffset + fileLength).
    QString filePath;
    qint64 fileOffset = 0;
    qint64 fileLength = 0;
    bool headOnly = false; // HEAD: the headers of the answer, no body

    static HttpResponse json(const QJsonObject &object, int status = 200);
    static HttpResponse text(const QByteArray &text, const QByteArray &contentType,
                             int status = 200);
    bool isFile() const { return !filePath.isEmpty(); }
    qint64 contentLength() const { return isFile() ? fileLength : body.size(); }

    // Status line and headers, ending with the empty line.
    QByteArray head(bool closeConnection) const;
};

QByteArray reasonPhrase(int status);
