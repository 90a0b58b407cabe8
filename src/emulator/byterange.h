#pragma once
// Range and If-Range on content downloads, as RFC 9110 (sections 13.1.5 and 14) describes them,
// decided for one representation of a known length.
#include <QByteArray>
#include <QDateTime>

namespace emulator {

struct RangeDecision
{
    enum class Kind {
        Whole, // 200 with every byte: no Range, an If-Range that does not match, an unknown unit,
               // or more than one range (not served as multipart/byteranges)
        Partial, // 206 with bytes first..last and Content-Range
        Unsatisfiable, // 416 with "Content-Range: bytes */length"
        Invalid, // 416 too: a bytes range the grammar does not allow ("bytes=5-3", "bytes=x")
    };
    Kind kind = Kind::Whole;
    qint64 first = 0;
    qint64 last = -1; // inclusive

    qint64 size() const { return kind == Kind::Partial ? last - first + 1 : 0; }
    // "bytes 0-99/1234" for Partial, "bytes */1234" for Unsatisfiable and Invalid.
    QByteArray contentRange(qint64 length) const;
};

// range and ifRange are the raw header values (empty when absent; several Range fields joined
// with commas). etag is the current strong entity tag (quoted); lastModified the time the
// representation got its final bytes, which never change afterwards (so it is a strong validator).
RangeDecision decideRange(const QByteArray &range, const QByteArray &ifRange,
                          const QByteArray &etag, const QDateTime &lastModified, qint64 length);

// IMF-fixdate, as in Last-Modified: "Sun, 06 Nov 1994 08:49:37 GMT".
QByteArray httpDate(const QDateTime &time);
// Reads the three HTTP-date forms a recipient must accept; invalid when it is none of them.
QDateTime parseHttpDate(const QByteArray &text);

} // namespace emulator
