#include "byterange.h"

#include <QList>
#include <QLocale>
#include <QTimeZone>

#include <limits>

namespace emulator {

namespace {

// 1*DIGIT, nothing else (no sign, no space); saturates instead of overflowing.
bool parseDigits(QByteArrayView text, qint64 *value)
{
    if (text.isEmpty())
        return false;
    qint64 result = 0;
    for (const char c : text) {
        if (c < '0' || c > '9')
            return false;
        const int digit = c - '0';
        if (result > (std::numeric_limits<qint64>::max() - digit) / 10)
            result = std::numeric_limits<qint64>::max();
        else
            result = result * 10 + digit;
    }
    *value = result;
    return true;
}

bool isOws(char c)
{
    return c == ' ' || c == '\t';
}

QByteArrayView trimmedOws(QByteArrayView text)
{
    while (!text.isEmpty() && isOws(text.front()))
        text = text.sliced(1);
    while (!text.isEmpty() && isOws(text.back()))
        text.chop(1);
    return text;
}

// If-Range: a strong entity tag that is identical, or the exact Last-Modified date.
bool ifRangeHolds(const QByteArray &ifRange, const QByteArray &etag, const QDateTime &lastModified)
{
    const QByteArray value = ifRange.trimmed();
    if (value.startsWith("W/"))
        return false; // a weak tag never matches in the strong comparison If-Range requires
    if (value.startsWith('"'))
        return !etag.isEmpty() && !etag.startsWith("W/") && value == etag;
    const QDateTime date = parseHttpDate(value);
    return date.isValid() && lastModified.isValid()
            && date.toSecsSinceEpoch() == lastModified.toSecsSinceEpoch();
}

} // namespace

QByteArray RangeDecision::contentRange(qint64 length) const
{
    if (kind == Kind::Partial)
        return "bytes " + QByteArray::number(first) + '-' + QByteArray::number(last) + '/'
                + QByteArray::number(length);
    return "bytes */" + QByteArray::number(length);
}

RangeDecision decideRange(const QByteArray &range, const QByteArray &ifRange,
                          const QByteArray &etag, const QDateTime &lastModified, qint64 length)
{
    RangeDecision whole;
    if (range.isEmpty())
        return whole;
    // If-Range is evaluated first; when it fails the Range is ignored and every byte is sent.
    if (!ifRange.isEmpty() && !ifRangeHolds(ifRange, etag, lastModified))
        return whole;

    const QByteArray value = range.trimmed();
    const qsizetype equals = value.indexOf('=');
    // An origin server must ignore a range unit it does not understand (the unit is
    // case-insensitive).
    if (equals < 0 || value.left(equals).trimmed().compare("bytes", Qt::CaseInsensitive) != 0)
        return whole;
    RangeDecision invalid;
    invalid.kind = RangeDecision::Kind::Invalid;
    const QList<QByteArray> specs = value.mid(equals + 1).split(',');
    QList<QByteArrayView> nonEmpty;
    for (const QByteArray &spec : specs) {
        // 1#range-spec: empty list elements are allowed and do not count.
        const QByteArrayView trimmed = trimmedOws(spec);
        if (!trimmed.isEmpty())
            nonEmpty.append(trimmed);
    }
    if (nonEmpty.isEmpty())
        return invalid;

    RangeDecision decision;
    bool satisfiable = false;
    for (const QByteArrayView spec : std::as_const(nonEmpty)) {
        const qsizetype dash = spec.indexOf('-');
        if (dash < 0)
            return invalid;
        const QByteArrayView firstText = spec.first(dash);
        const QByteArrayView lastText = spec.sliced(dash + 1);
        qint64 first = 0;
        qint64 last = 0;
        if (firstText.isEmpty()) {
            // suffix-range "-n": the last n bytes; "-0" is valid but never satisfiable.
            if (!parseDigits(lastText, &last))
                return invalid;
            if (last > 0 && length > 0) {
                decision.first = qMax<qint64>(0, length - last);
                decision.last = length - 1;
                satisfiable = true;
            }
            continue;
        }
        if (!parseDigits(firstText, &first))
            return invalid;
        if (!lastText.isEmpty()) {
            if (!parseDigits(lastText, &last) || last < first)
                return invalid;
        } else {
            last = std::numeric_limits<qint64>::max();
        }
        if (first < length) {
            decision.first = first;
            decision.last = qMin(last, length - 1);
            satisfiable = true;
        }
    }
    // More than one range: allowed to be ignored (RFC 9110 section 14.2); the whole file is
    // simpler for every client than multipart/byteranges, which no video client asks for.
    if (nonEmpty.size() > 1)
        return whole;
    if (!satisfiable) {
        RangeDecision unsatisfiable;
        unsatisfiable.kind = RangeDecision::Kind::Unsatisfiable;
        return unsatisfiable;
    }
    decision.kind = RangeDecision::Kind::Partial;
    return decision;
}

QByteArray httpDate(const QDateTime &time)
{
    return QLocale::c()
            .toString(time.toUTC(), QStringLiteral("ddd, dd MMM yyyy HH:mm:ss 'GMT'"))
            .toLatin1();
}

QDateTime parseHttpDate(const QByteArray &text)
{
    const QString value = QString::fromLatin1(text.trimmed());
    const QLocale c = QLocale::c();
    // IMF-fixdate, the obsolete RFC 850 form, and asctime.
    static const QStringList formats {QStringLiteral("ddd, dd MMM yyyy HH:mm:ss 'GMT'"),
                                      QStringLiteral("dddd, dd-MMM-yy HH:mm:ss 'GMT'"),
                                      QStringLiteral("ddd MMM d HH:mm:ss yyyy")};
    for (const QString &format : formats) {
        QString candidate = value;
        if (format.startsWith(u"ddd MMM"))
            candidate.replace(QStringLiteral("  "), QStringLiteral(" ")); // "Nov  6"
        QDateTime time = c.toDateTime(candidate, format);
        if (!time.isValid())
            continue;
        if (format.contains(u"-yy ") && time.date().year() < 1970)
            time = time.addYears(100);
        time.setTimeZone(QTimeZone::utc());
        return time;
    }
    return {};
}

} // namespace emulator
