#pragma once
// Reads HTTP/1.1 requests from the bytes of a connection: the request line, the headers and the
// body (Content-Length, or chunked on the upload routes), within the limits of the settings.
// Knows no socket, so that it can be fuzzed and tested on bytes alone. Requests that are not
// well formed are refused with the answer the connection sends before it closes: 400 for broken
// framing or syntax, 411 for a body without a length, 413 for a body over its limit, 431 for a
// head over its limit.
#include "apierror.h"
#include "httpmessage.h"

#include <QByteArray>
#include <QByteArrayList>

struct HttpLimits
{
    qint64 maxHeaderBytes = 32 * 1024;
    qint64 maxBodyBytes = 64 * 1024;
    // POST requests to these paths (as sent, without a query) may carry up to maxUploadBytes,
    // announced by Content-Length or sent chunked.
    QByteArrayList uploadPaths;
    qint64 maxUploadBytes = 0;
};

class HttpRequestParser
{
public:
    enum class Result {
        NeedMore, // nothing complete yet: wait for more bytes
        Request, // a whole request: takeRequest()
        Refused, // not acceptable: error(), then the connection answers and ends
    };

    explicit HttpRequestParser(const HttpLimits &limits = {});

    // Reads from the front of input and removes what it has read. One request per call.
    Result parse(QByteArray &input);

    HttpRequest takeRequest();
    // Of the request just taken: whether the connection stays open after its answer.
    bool keepAlive() const { return m_keepAlive; }
    // Part of a request has been read (its head, or some of its body).
    bool inRequest() const { return m_state != State::Head || m_headBytesSeen > 0; }
    // The head asked for "Expect: 100-continue" and its body is still to come; true once per
    // request (the connection then says "100 Continue").
    bool takeContinueRequest();

    const rest::ApiError &error() const { return m_error; }
    // For the log: what was wrong, in a few words.
    const QString &reason() const { return m_reason; }

    // The path of a request target as the routes see it: percent-encoded, without the query.
    static QString pathOf(QByteArrayView target);

private:
    enum class State { Head, Body, ChunkSize, ChunkData, ChunkDataEnd, Trailer };

    Result refuse(rest::ApiError::Kind kind, const QString &reason, qint64 number = 0);
    Result parseHead(QByteArrayView head);
    Result readChunked(QByteArray &input, qsizetype &pos);

    HttpLimits m_limits;
    State m_state = State::Head;
    qsizetype m_headBytesSeen = 0; // of a head not complete yet
    qsizetype m_scanFrom = 0; // where to look for the end of that head
    HttpRequest m_request;
    bool m_keepAlive = true;
    bool m_wantsContinue = false;
    qint64 m_bodyLeft = 0; // Content-Length bytes still to come, or of the current chunk
    qint64 m_bodyLimit = 0;
    rest::ApiError m_error;
    QString m_reason;
};
