#include "httprequestparser.h"

#include <QUrl>

using rest::ApiError;

namespace {

constexpr qsizetype kMaxChunkLine = 4096;
constexpr int kMaxMethodLength = 20;

bool isTokenChar(char c)
{
    // RFC 9110 tchar
    if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9'))
        return true;
    switch (c) {
    case '!':
    case '#':
    case '$':
    case '%':
    case '&':
    case '\'':
    case '*':
    case '+':
    case '-':
    case '.':
    case '^':
    case '_':
    case '`':
    case '|':
    case '~':
        return true;
    default:
        return false;
    }
}

// Bytes a path may hold that percent-encoding leaves as they are.
bool isPlainPathChar(char c)
{
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-'
            || c == '.' || c == '_' || c == '~' || c == '/';
}

QByteArrayView trimmed(QByteArrayView text)
{
    qsizetype start = 0;
    qsizetype end = text.size();
    while (start < end && (text[start] == ' ' || text[start] == '\t'))
        ++start;
    while (end > start && (text[end - 1] == ' ' || text[end - 1] == '\t'))
        --end;
    return text.sliced(start, end - start);
}

QByteArray lowerCase(QByteArrayView name)
{
    QByteArray lower(name.size(), Qt::Uninitialized);
    for (qsizetype i = 0; i < name.size(); ++i) {
        const char c = name[i];
        lower[i] = c >= 'A' && c <= 'Z' ? char(c + ('a' - 'A')) : c;
    }
    return lower;
}

bool containsToken(QByteArrayView list, QByteArrayView token)
{
    // "keep-alive, Upgrade": comma-separated, any case.
    qsizetype start = 0;
    while (start <= list.size()) {
        qsizetype comma = list.indexOf(',', start);
        if (comma < 0)
            comma = list.size();
        if (trimmed(list.sliced(start, comma - start)).compare(token, Qt::CaseInsensitive) == 0)
            return true;
        start = comma + 1;
    }
    return false;
}

} // namespace

HttpRequestParser::HttpRequestParser(const HttpLimits &limits)
    : m_limits(limits)
{ }

QString HttpRequestParser::pathOf(QByteArrayView target)
{
    if (!target.isEmpty() && target.front() == '/') {
        qsizetype end = 0;
        while (end < target.size() && isPlainPathChar(target[end]))
            ++end;
        if (end == target.size() || target[end] == '?' || target[end] == '#')
            return QString::fromLatin1(target.first(end));
        // Anything else is normalised as QUrl does (percent-encoding, non-ASCII bytes), on an
        // absolute URL so that "//x" stays a path.
        return QUrl::fromEncoded(QByteArrayLiteral("http://h") + target.toByteArray())
                .path(QUrl::FullyEncoded);
    }
    return QUrl::fromEncoded(target.toByteArray()).path(QUrl::FullyEncoded);
}

HttpRequestParser::Result HttpRequestParser::refuse(ApiError::Kind kind, const QString &reason,
                                                    qint64 number)
{
    m_error = ApiError {kind, {}, {}, number, {}};
    m_reason = reason;
    return Result::Refused;
}

HttpRequest HttpRequestParser::takeRequest()
{
    m_wantsContinue = false; // its body has come
    return std::exchange(m_request, HttpRequest());
}

bool HttpRequestParser::takeContinueRequest()
{
    return std::exchange(m_wantsContinue, false);
}

HttpRequestParser::Result HttpRequestParser::parse(QByteArray &input)
{
    qsizetype pos = 0;
    // What was read goes from the front of input (in Qt 6 that moves a pointer, not the bytes).
    const auto done = [&](Result result) {
        if (pos > 0)
            input.remove(0, pos);
        return result;
    };
    const qsizetype size = input.size();
    while (true) {
        switch (m_state) {
        case State::Head: {
            if (m_headBytesSeen == 0) {
                // Empty lines between requests are allowed.
                while (pos < size && (input[pos] == '\r' || input[pos] == '\n'))
                    ++pos;
                if (pos == size)
                    return done(Result::NeedMore);
            }
            // The head ends at the first empty line ("\r\n" or a bare "\n").
            qsizetype scan = pos + m_scanFrom;
            qsizetype end = -1;
            while (end < 0) {
                const qsizetype newline = input.indexOf('\n', scan);
                if (newline < 0 || newline + 1 >= size)
                    break;
                if (input[newline + 1] == '\n') {
                    end = newline + 2;
                } else if (input[newline + 1] == '\r') {
                    if (newline + 2 >= size)
                        break;
                    if (input[newline + 2] == '\n')
                        end = newline + 3;
                    else
                        scan = newline + 1;
                } else {
                    scan = newline + 1;
                }
            }
            if (end < 0) {
                m_headBytesSeen = size - pos;
                m_scanFrom = qMax<qsizetype>(0, size - pos - 3);
                if (m_headBytesSeen > m_limits.maxHeaderBytes)
                    return done(refuse(ApiError::Kind::HeadersTooLarge,
                                       QStringLiteral("request head larger than %1 bytes")
                                               .arg(m_limits.maxHeaderBytes)));
                return done(Result::NeedMore);
            }
            m_headBytesSeen = 0;
            m_scanFrom = 0;
            if (end - pos > m_limits.maxHeaderBytes)
                return done(refuse(ApiError::Kind::HeadersTooLarge,
                                   QStringLiteral("request head larger than %1 bytes")
                                           .arg(m_limits.maxHeaderBytes)));
            const Result head = parseHead(QByteArrayView(input).sliced(pos, end - pos));
            pos = end;
            if (head != Result::NeedMore)
                return done(head);
            break; // its body follows
        }
        case State::Body: {
            const qint64 take = qMin<qint64>(m_bodyLeft, size - pos);
            m_request.body.append(input.constData() + pos, take);
            pos += take;
            m_bodyLeft -= take;
            if (m_bodyLeft > 0)
                return done(Result::NeedMore);
            m_state = State::Head;
            return done(Result::Request);
        }
        default: {
            const Result result = readChunked(input, pos);
            if (result != Result::NeedMore || m_state != State::Head)
                return done(result);
            break;
        }
        }
    }
}

HttpRequestParser::Result HttpRequestParser::parseHead(QByteArrayView head)
{
    m_request = HttpRequest();
    m_wantsContinue = false;
    // The request line: METHOD SP target SP HTTP/1.x
    qsizetype lineEnd = head.indexOf('\n');
    QByteArrayView line = head.first(lineEnd);
    if (line.endsWith('\r'))
        line.chop(1);
    const qsizetype firstSpace = line.indexOf(' ');
    const qsizetype lastSpace = line.lastIndexOf(' ');
    if (firstSpace <= 0 || lastSpace <= firstSpace + 1)
        return refuse(ApiError::Kind::BadRequest, QStringLiteral("malformed request line"));
    const QByteArrayView method = line.first(firstSpace);
    const QByteArrayView target = line.sliced(firstSpace + 1, lastSpace - firstSpace - 1);
    const QByteArrayView version = line.sliced(lastSpace + 1);
    if (method.size() > kMaxMethodLength
        || std::any_of(method.begin(), method.end(), [](char c) { return c < 'A' || c > 'Z'; }))
        return refuse(ApiError::Kind::BadRequest, QStringLiteral("malformed request method"));
    if (std::any_of(target.begin(), target.end(),
                    [](char c) { return uchar(c) <= 0x20 || uchar(c) == 0x7f; }))
        return refuse(ApiError::Kind::BadRequest, QStringLiteral("malformed request target"));
    const bool http11 = version == "HTTP/1.1";
    if (!http11 && version != "HTTP/1.0")
        return refuse(ApiError::Kind::BadRequest, QStringLiteral("not HTTP/1.0 or HTTP/1.1"));
    m_request.method = method.toByteArray();
    m_request.path = pathOf(target);

    // The headers. Names are case-insensitive (kept in lower case); a later line of the same
    // name replaces an earlier one, except for Content-Length, which must agree.
    qint64 length = -1;
    bool chunked = false;
    QByteArrayView connection;
    QByteArrayView expect;
    qsizetype start = lineEnd + 1;
    while (start < head.size()) {
        lineEnd = head.indexOf('\n', start);
        if (lineEnd < 0)
            lineEnd = head.size();
        line = head.sliced(start, lineEnd - start);
        start = lineEnd + 1;
        if (line.endsWith('\r'))
            line.chop(1);
        if (line.isEmpty())
            break; // the end of the head
        if (line.front() == ' ' || line.front() == '\t')
            return refuse(ApiError::Kind::BadRequest, QStringLiteral("folded header line"));
        const qsizetype colon = line.indexOf(':');
        if (colon <= 0 || !std::all_of(line.begin(), line.begin() + colon, [](char c) {
                return isTokenChar(c);
            }))
            return refuse(ApiError::Kind::BadRequest, QStringLiteral("malformed header line"));
        const QByteArrayView value = trimmed(line.sliced(colon + 1));
        if (std::any_of(value.begin(), value.end(),
                        [](char c) { return (uchar(c) < 0x20 && c != '\t') || uchar(c) == 0x7f; }))
            return refuse(ApiError::Kind::BadRequest,
                          QStringLiteral("control character in a header value"));
        QByteArray name = lowerCase(line.first(colon));
        if (name == "content-length") {
            if (value.isEmpty() || value.size() > 18
                || !std::all_of(value.begin(), value.end(),
                                [](char c) { return c >= '0' && c <= '9'; }))
                return refuse(ApiError::Kind::BadRequest,
                              QStringLiteral("malformed Content-Length"));
            const qint64 given = value.toLongLong();
            if (length >= 0 && given != length)
                return refuse(ApiError::Kind::BadRequest,
                              QStringLiteral("two different Content-Length headers"));
            length = given;
        } else if (name == "transfer-encoding") {
            chunked = true;
            if (value.compare("chunked", Qt::CaseInsensitive) != 0)
                return refuse(ApiError::Kind::LengthRequired,
                              QStringLiteral("request body without Content-Length"));
        } else if (name == "connection") {
            connection = value;
        } else if (name == "expect") {
            expect = value;
        }
        m_request.headers.insert(std::move(name), value.toByteArray());
    }
    if (chunked && length >= 0)
        return refuse(ApiError::Kind::BadRequest,
                      QStringLiteral("both Content-Length and Transfer-Encoding"));
    m_keepAlive = http11 ? !containsToken(connection, "close")
                         : containsToken(connection, "keep-alive");

    // An upload route has a limit of its own and takes a chunked body.
    bool upload = false;
    if (m_limits.maxUploadBytes > 0 && m_request.method == "POST") {
        QByteArrayView raw = target;
        if (const qsizetype query = raw.indexOf('?'); query >= 0)
            raw = raw.first(query);
        for (const QByteArray &path : std::as_const(m_limits.uploadPaths))
            upload = upload || raw == path;
    }
    m_bodyLimit = upload ? m_limits.maxUploadBytes : m_limits.maxBodyBytes;
    if (chunked) {
        if (!upload)
            return refuse(ApiError::Kind::LengthRequired,
                          QStringLiteral("request body without Content-Length"));
        m_state = State::ChunkSize;
    } else if (length > m_bodyLimit) {
        return refuse(
                ApiError::Kind::PayloadTooLarge,
                QStringLiteral("request body of %1 bytes, limit %2").arg(length).arg(m_bodyLimit),
                m_bodyLimit);
    } else if (length > 0) {
        m_bodyLeft = length;
        m_request.body.reserve(length);
        m_state = State::Body;
    } else {
        m_state = State::Head;
        return Result::Request;
    }
    m_wantsContinue = http11 && expect.compare("100-continue", Qt::CaseInsensitive) == 0;
    return Result::NeedMore;
}

// The chunked framing (size line, data, CRLF, ..., 0, trailers, empty line) from pos. Refused
// once the chunks announced pass the limit, before their data arrives.
HttpRequestParser::Result HttpRequestParser::readChunked(QByteArray &input, qsizetype &pos)
{
    const qsizetype size = input.size();
    while (pos < size) {
        if (m_state == State::ChunkData) {
            const qint64 take = qMin<qint64>(m_bodyLeft, size - pos);
            m_request.body.append(input.constData() + pos, take);
            pos += take;
            m_bodyLeft -= take;
            if (m_bodyLeft == 0)
                m_state = State::ChunkDataEnd;
            continue;
        }
        const qsizetype newline = input.indexOf('\n', pos);
        if (newline < 0) {
            if (size - pos > kMaxChunkLine)
                return refuse(ApiError::Kind::LengthRequired,
                              QStringLiteral("chunk line longer than %1 bytes").arg(kMaxChunkLine));
            return Result::NeedMore;
        }
        if (newline - pos > kMaxChunkLine)
            return refuse(ApiError::Kind::LengthRequired,
                          QStringLiteral("chunk line longer than %1 bytes").arg(kMaxChunkLine));
        const QByteArrayView line
                = trimmed(QByteArrayView(input).sliced(pos, newline - pos).trimmed());
        pos = newline + 1;
        switch (m_state) {
        case State::ChunkSize: {
            QByteArrayView number = line;
            if (const qsizetype extension = number.indexOf(';'); extension >= 0)
                number = trimmed(number.first(extension));
            bool ok = !number.isEmpty() && number.size() <= 15;
            const qint64 chunk = ok ? number.toLongLong(&ok, 16) : -1;
            if (!ok || chunk < 0)
                return refuse(ApiError::Kind::LengthRequired,
                              QStringLiteral("malformed chunk size"));
            if (chunk == 0) {
                m_state = State::Trailer;
                m_bodyLeft = 0; // trailer bytes so far
            } else if (chunk > m_bodyLimit - m_request.body.size()) {
                return refuse(ApiError::Kind::PayloadTooLarge,
                              QStringLiteral("chunked request body past the limit of %1 bytes")
                                      .arg(m_bodyLimit),
                              m_bodyLimit);
            } else {
                m_bodyLeft = chunk;
                m_state = State::ChunkData;
            }
            break;
        }
        case State::ChunkDataEnd:
            if (!line.isEmpty())
                return refuse(ApiError::Kind::LengthRequired,
                              QStringLiteral("chunk data longer than its size"));
            m_state = State::ChunkSize;
            break;
        case State::Trailer:
            if (line.isEmpty()) {
                m_state = State::Head;
                return Result::Request;
            }
            m_bodyLeft += line.size();
            if (m_bodyLeft > m_limits.maxHeaderBytes)
                return refuse(ApiError::Kind::HeadersTooLarge,
                              QStringLiteral("request trailers larger than %1 bytes")
                                      .arg(m_limits.maxHeaderBytes));
            break;
        default:
            break;
        }
    }
    return Result::NeedMore;
}
