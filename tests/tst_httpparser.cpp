// The REST server's HTTP/1.1 request reader, on bytes alone: framing, limits, refusals, and the
// same requests whatever way the bytes are cut into reads.
#include "httprequestparser.h"

#include <QTest>

using rest::ApiError;

namespace {

struct Parsed
{
    QList<HttpRequest> requests;
    QList<bool> keepAlive;
    bool refused = false;
    ApiError::Kind error = ApiError::Kind::NotFound;
    qint64 number = 0;
    int continues = 0;
    bool inRequest = false;
};

// Feeds the bytes in pieces of the given size (0: all at once), as reads would bring them.
Parsed feed(const QByteArray &bytes, qsizetype piece = 0, const HttpLimits &limits = {})
{
    HttpRequestParser parser(limits);
    Parsed parsed;
    QByteArray buffer;
    qsizetype at = 0;
    while (at < bytes.size() && !parsed.refused) {
        const qsizetype take = piece > 0 ? qMin(piece, bytes.size() - at) : bytes.size();
        buffer.append(bytes.mid(at, take));
        at += take;
        while (true) {
            const HttpRequestParser::Result result = parser.parse(buffer);
            if (result == HttpRequestParser::Result::Request) {
                parsed.keepAlive << parser.keepAlive();
                parsed.requests << parser.takeRequest();
                continue;
            }
            if (result == HttpRequestParser::Result::Refused) {
                parsed.refused = true;
                parsed.error = parser.error().kind;
                parsed.number = parser.error().number;
            } else if (parser.takeContinueRequest()) {
                ++parsed.continues;
            }
            break;
        }
    }
    parsed.inRequest = parser.inRequest();
    return parsed;
}

HttpLimits uploadLimits()
{
    HttpLimits limits;
    limits.maxBodyBytes = 100;
    limits.uploadPaths = {QByteArrayLiteral("/library/videos")};
    limits.maxUploadBytes = 1000;
    return limits;
}

} // namespace

class TestHttpParser : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void simpleGet();
    void sameRequestsWhateverTheReads_data();
    void sameRequestsWhateverTheReads();
    void keepAliveByVersionAndHeader_data();
    void keepAliveByVersionAndHeader();
    void malformedIsRefused_data();
    void malformedIsRefused();
    void limits();
    void chunkedUpload();
    void expectContinue();
    void pathsAsTheRoutesSeeThem_data();
    void pathsAsTheRoutesSeeThem();
    void partialRequestIsUnderWay();
};

void TestHttpParser::simpleGet()
{
    const Parsed parsed = feed("GET /status/42?x=1 HTTP/1.1\r\nHost: localhost:8006\r\nX-Two:  a b "
                               "\r\nHOST: again\r\n\r\n");
    QCOMPARE(parsed.requests.size(), 1);
    const HttpRequest &request = parsed.requests.first();
    QCOMPARE(request.method, QByteArray("GET"));
    QCOMPARE(request.path, QStringLiteral("/status/42"));
    QCOMPARE(request.header("x-two"), QByteArray("a b"));
    QCOMPARE(request.header("host"), QByteArray("again")); // the later line of a name wins
    QVERIFY(request.body.isEmpty());
    QVERIFY(parsed.keepAlive.first());
    QVERIFY(!parsed.inRequest);
}

void TestHttpParser::sameRequestsWhateverTheReads_data()
{
    QTest::addColumn<qsizetype>("piece");
    for (const qsizetype piece : {0, 1, 2, 3, 7, 64})
        QTest::addRow("pieces of %lld", qlonglong(piece)) << piece;
}

// Pipelined requests, blank lines between them, bare LF endings, bodies by length and chunked.
void TestHttpParser::sameRequestsWhateverTheReads()
{
    QFETCH(qsizetype, piece);
    const QByteArray bytes = "\r\nGET / HTTP/1.1\r\nHost: a\r\n\r\n"
                             "POST /generate HTTP/1.1\r\nContent-Length: 11\r\n\r\n{\"run\": 1}\n"
                             "GET /status/7 HTTP/1.1\nHost: b\n\n"
                             "POST /library/videos HTTP/1.1\r\nTransfer-Encoding: chunked\r\n\r\n"
                             "4\r\nabcd\r\n3;ext=1\r\nefg\r\n0\r\nTrailer: x\r\n\r\n"
                             "DELETE /cache/7 HTTP/1.1\r\nConnection: close\r\n\r\n";
    const Parsed parsed = feed(bytes, piece, uploadLimits());
    QVERIFY(!parsed.refused);
    QCOMPARE(parsed.requests.size(), 5);
    QCOMPARE(parsed.requests.at(0).path, QStringLiteral("/"));
    QCOMPARE(parsed.requests.at(1).body, QByteArray("{\"run\": 1}\n"));
    QCOMPARE(parsed.requests.at(2).header("host"), QByteArray("b"));
    QCOMPARE(parsed.requests.at(3).body, QByteArray("abcdefg"));
    QCOMPARE(parsed.requests.at(4).method, QByteArray("DELETE"));
    QCOMPARE(parsed.keepAlive, QList<bool>({true, true, true, true, false}));
}

void TestHttpParser::keepAliveByVersionAndHeader_data()
{
    QTest::addColumn<QByteArray>("head");
    QTest::addColumn<bool>("keepAlive");
    QTest::newRow("1.1") << QByteArray("GET / HTTP/1.1\r\n\r\n") << true;
    QTest::newRow("1.1 close") << QByteArray("GET / HTTP/1.1\r\nConnection: Close\r\n\r\n")
                               << false;
    QTest::newRow("1.1 list") << QByteArray("GET / HTTP/1.1\r\nConnection: upgrade, close\r\n\r\n")
                              << false;
    QTest::newRow("1.0") << QByteArray("GET / HTTP/1.0\r\n\r\n") << false;
    QTest::newRow("1.0 keep-alive")
            << QByteArray("GET / HTTP/1.0\r\nConnection: Keep-Alive\r\n\r\n") << true;
}

void TestHttpParser::keepAliveByVersionAndHeader()
{
    QFETCH(QByteArray, head);
    QFETCH(bool, keepAlive);
    const Parsed parsed = feed(head);
    QCOMPARE(parsed.requests.size(), 1);
    QCOMPARE(parsed.keepAlive.first(), keepAlive);
}

void TestHttpParser::malformedIsRefused_data()
{
    QTest::addColumn<QByteArray>("bytes");
    QTest::addColumn<int>("kind");
    const int bad = int(ApiError::Kind::BadRequest);
    const int length = int(ApiError::Kind::LengthRequired);
    QTest::newRow("no target") << QByteArray("GET HTTP/1.1\r\n\r\n") << bad;
    QTest::newRow("lower-case method") << QByteArray("get / HTTP/1.1\r\n\r\n") << bad;
    QTest::newRow("HTTP/2") << QByteArray("GET / HTTP/2.0\r\n\r\n") << bad;
    QTest::newRow("not HTTP") << QByteArray("\x16\x03\x01\x02\x00\x01\x00\r\n\r\n", 11) << bad;
    QTest::newRow("control in target") << QByteArray("GET /a\x01 HTTP/1.1\r\n\r\n") << bad;
    QTest::newRow("folded header") << QByteArray("GET / HTTP/1.1\r\nA: b\r\n c\r\n\r\n") << bad;
    QTest::newRow("space before colon") << QByteArray("GET / HTTP/1.1\r\nHost : a\r\n\r\n") << bad;
    QTest::newRow("no colon") << QByteArray("GET / HTTP/1.1\r\nHost\r\n\r\n") << bad;
    QTest::newRow("NUL in value") << QByteArray("GET / HTTP/1.1\r\nA: b\0c\r\n\r\n", 28) << bad;
    QTest::newRow("length not a number")
            << QByteArray("POST / HTTP/1.1\r\nContent-Length: 1x\r\n\r\n") << bad;
    QTest::newRow("negative length")
            << QByteArray("POST / HTTP/1.1\r\nContent-Length: -1\r\n\r\n") << bad;
    QTest::newRow("two lengths") << QByteArray(
            "POST / HTTP/1.1\r\nContent-Length: 1\r\nContent-Length: 2\r\n\r\nab")
                                 << bad;
    QTest::newRow("length and chunked")
            << QByteArray("POST /library/videos HTTP/1.1\r\nContent-Length: 3\r\n"
                          "Transfer-Encoding: chunked\r\n\r\n")
            << bad;
    QTest::newRow("chunked elsewhere")
            << QByteArray("POST /generate HTTP/1.1\r\nTransfer-Encoding: chunked\r\n\r\n")
            << length;
    QTest::newRow("gzip") << QByteArray(
            "POST /library/videos HTTP/1.1\r\nTransfer-Encoding: gzip\r\n\r\n")
                          << length;
    QTest::newRow("bad chunk size")
            << QByteArray("POST /library/videos HTTP/1.1\r\nTransfer-Encoding: chunked\r\n\r\n"
                          "zz\r\n")
            << length;
    QTest::newRow("chunk longer than said")
            << QByteArray("POST /library/videos HTTP/1.1\r\nTransfer-Encoding: chunked\r\n\r\n"
                          "2\r\nabc\r\n")
            << length;
}

void TestHttpParser::malformedIsRefused()
{
    QFETCH(QByteArray, bytes);
    QFETCH(int, kind);
    for (const qsizetype piece : {0, 1}) {
        const Parsed parsed = feed(bytes, piece, uploadLimits());
        QVERIFY2(parsed.refused, QTest::currentDataTag());
        QCOMPARE(int(parsed.error), kind);
        QVERIFY(parsed.requests.isEmpty());
    }
}

void TestHttpParser::limits()
{
    HttpLimits limits = uploadLimits();
    limits.maxHeaderBytes = 100;
    // A head over the limit, complete or not.
    const QByteArray big = "GET / HTTP/1.1\r\nX: " + QByteArray(200, 'a') + "\r\n\r\n";
    for (const qsizetype piece : {0, 1}) {
        const Parsed parsed = feed(big, piece, limits);
        QVERIFY(parsed.refused);
        QCOMPARE(parsed.error, ApiError::Kind::HeadersTooLarge);
    }
    Parsed endless = feed("GET / HTTP/1.1\r\nX: " + QByteArray(150, 'a'), 0, limits);
    QVERIFY(endless.refused);
    QCOMPARE(endless.error, ApiError::Kind::HeadersTooLarge);
    // A body over the route's limit is refused from its Content-Length, before it arrives.
    Parsed body = feed("POST /generate HTTP/1.1\r\nContent-Length: 101\r\n\r\n", 0, limits);
    QVERIFY(body.refused);
    QCOMPARE(body.error, ApiError::Kind::PayloadTooLarge);
    QCOMPARE(body.number, qint64(100));
    // The upload route's own limit, with a query.
    Parsed upload = feed("POST /library/videos?drill=x HTTP/1.1\r\nContent-Length: 1000\r\n\r\n"
                                 + QByteArray(1000, 'v'),
                         0, limits);
    QVERIFY(!upload.refused);
    QCOMPARE(upload.requests.first().body.size(), 1000);
    Parsed over = feed("POST /library/videos HTTP/1.1\r\nContent-Length: 1001\r\n\r\n", 0, limits);
    QCOMPARE(over.error, ApiError::Kind::PayloadTooLarge);
    QCOMPARE(over.number, qint64(1000));
}

void TestHttpParser::chunkedUpload()
{
    // Refused once the sizes announced pass the limit, before the data.
    const QByteArray head = "POST /library/videos HTTP/1.1\r\nTransfer-Encoding: chunked\r\n\r\n";
    const Parsed over
            = feed(head + "3e8\r\n" + QByteArray(1000, 'a') + "\r\n1\r\n", 0, uploadLimits());
    QVERIFY(over.refused);
    QCOMPARE(over.error, ApiError::Kind::PayloadTooLarge);
    const Parsed exact
            = feed(head + "3E8\r\n" + QByteArray(1000, 'a') + "\r\n0\r\n\r\n", 5, uploadLimits());
    QVERIFY(!exact.refused);
    QCOMPARE(exact.requests.size(), 1);
    QCOMPARE(exact.requests.first().body, QByteArray(1000, 'a'));
}

void TestHttpParser::expectContinue()
{
    const QByteArray head = "POST /generate HTTP/1.1\r\nExpect: 100-continue\r\nContent-Length: "
                            "2\r\n\r\n";
    const Parsed waiting = feed(head);
    QCOMPARE(waiting.continues, 1);
    QVERIFY(waiting.requests.isEmpty());
    QVERIFY(waiting.inRequest);
    const Parsed whole = feed(head + "{}");
    QCOMPARE(whole.continues, 0); // the body is there: nothing to wait for
    QCOMPARE(whole.requests.size(), 1);
    // Over the limit: refused, not invited.
    HttpLimits small;
    small.maxBodyBytes = 1;
    const Parsed refused = feed(head, 0, small);
    QVERIFY(refused.refused);
    QCOMPARE(refused.continues, 0);
}

void TestHttpParser::pathsAsTheRoutesSeeThem_data()
{
    QTest::addColumn<QByteArray>("target");
    QTest::addColumn<QString>("path");
    QTest::newRow("plain") << QByteArray("/api/video-generation/status/42")
                           << QStringLiteral("/api/video-generation/status/42");
    QTest::newRow("query") << QByteArray("/status/42?a=b") << QStringLiteral("/status/42");
    QTest::newRow("fragment") << QByteArray("/status/42#x") << QStringLiteral("/status/42");
    QTest::newRow("NUL encoded") << QByteArray("/status/1%00") << QStringLiteral("/status/1%00");
    // Unreserved characters percent-encoded are read as themselves (as QUrl does).
    QTest::newRow("encoded digit") << QByteArray("/status/%34%32") << QStringLiteral("/status/42");
    QTest::newRow("UTF-8") << QByteArray("/status/\xef\xbc\x94\xef\xbc\x92")
                           << QStringLiteral("/status/%EF%BC%94%EF%BC%92");
    QTest::newRow("double slash") << QByteArray("//status/42") << QStringLiteral("//status/42");
    QTest::newRow("absolute form")
            << QByteArray("http://localhost:8006/status/42") << QStringLiteral("/status/42");
}

void TestHttpParser::pathsAsTheRoutesSeeThem()
{
    QFETCH(QByteArray, target);
    QFETCH(QString, path);
    QCOMPARE(HttpRequestParser::pathOf(target), path);
}

void TestHttpParser::partialRequestIsUnderWay()
{
    HttpRequestParser parser;
    QByteArray buffer("\r\n");
    QCOMPARE(parser.parse(buffer), HttpRequestParser::Result::NeedMore);
    QVERIFY(!parser.inRequest()); // blank lines between requests are not a request
    buffer = "GET / HT";
    QCOMPARE(parser.parse(buffer), HttpRequestParser::Result::NeedMore);
    QVERIFY(parser.inRequest());
    buffer += "TP/1.1\r\n\r\n";
    QCOMPARE(parser.parse(buffer), HttpRequestParser::Result::Request);
    QVERIFY(!parser.inRequest());
    QVERIFY(buffer.isEmpty());
}

QTEST_GUILESS_MAIN(TestHttpParser)
#include "tst_httpparser.moc"
