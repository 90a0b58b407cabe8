#include "multipartform.h"

namespace {

// Value of a parameter such as name="x" in a header value; handles quoted and bare forms.
bool headerParameter(const QByteArray &header, const QByteArray &parameter, QByteArray *value)
{
    qsizetype from = 0;
    while (from < header.size()) {
        qsizetype at = header.indexOf(parameter, from);
        if (at < 0)
            return false;
        const bool startsWord = at == 0 || header.at(at - 1) == ';' || header.at(at - 1) == ' '
                || header.at(at - 1) == '\t';
        qsizetype pos = at + parameter.size();
        while (pos < header.size() && header.at(pos) == ' ')
            ++pos;
        if (!startsWord || pos >= header.size() || header.at(pos) != '=') {
            from = at + parameter.size();
            continue;
        }
        ++pos;
        while (pos < header.size() && header.at(pos) == ' ')
            ++pos;
        QByteArray result;
        if (pos < header.size() && header.at(pos) == '"') {
            ++pos;
            while (pos < header.size() && header.at(pos) != '"') {
                if (header.at(pos) == '\\' && pos + 1 < header.size())
                    ++pos;
                result.append(header.at(pos));
                ++pos;
            }
        } else {
            const qsizetype end = header.indexOf(';', pos);
            result = header.mid(pos, end < 0 ? -1 : end - pos).trimmed();
        }
        *value = result;
        return true;
    }
    return false;
}

} // namespace

QByteArray MultipartForm::boundaryOf(const QByteArray &contentType)
{
    const QByteArray lower = contentType.toLower();
    if (!lower.trimmed().startsWith("multipart/form-data"))
        return {};
    QByteArray boundary;
    // The boundary is case-sensitive: read it from the original header at the same offset.
    if (!headerParameter(lower, "boundary", &boundary))
        return {};
    const qsizetype at = lower.indexOf("boundary");
    QByteArray original;
    headerParameter(contentType.mid(at), contentType.mid(at, 8), &original);
    return original;
}

bool MultipartForm::parse(const QByteArray &body, const QByteArray &boundary,
                          QList<MultipartPart> *parts, QString *error)
{
    auto fail = [&](const char *message) {
        if (error)
            *error = QString::fromLatin1(message);
        return false;
    };
    if (boundary.isEmpty() || boundary.size() > 70)
        return fail("missing or invalid multipart boundary");
    const QByteArray delimiter = "--" + boundary;
    const QByteArray separator = "\r\n" + delimiter;
    qsizetype pos = body.indexOf(delimiter);
    if (pos < 0)
        return fail("multipart body has no boundary line");
    parts->clear();
    while (true) {
        pos += delimiter.size();
        if (body.mid(pos, 2) == "--")
            return true; // closing delimiter
        if (body.mid(pos, 2) != "\r\n")
            return fail("malformed multipart boundary line");
        pos += 2;
        const qsizetype headerEnd = body.indexOf("\r\n\r\n", pos);
        if (headerEnd < 0)
            return fail("multipart part without header end");
        const QList<QByteArray> headerLines = body.mid(pos, headerEnd - pos).split('\n');
        const qsizetype dataStart = headerEnd + 4;
        const qsizetype next = body.indexOf(separator, dataStart);
        if (next < 0)
            return fail("multipart part is not terminated by a boundary");
        MultipartPart part;
        bool hasDisposition = false;
        for (QByteArray line : headerLines) {
            line = line.trimmed();
            const qsizetype colon = line.indexOf(':');
            if (colon <= 0)
                continue;
            const QByteArray name = line.left(colon).trimmed().toLower();
            const QByteArray value = line.mid(colon + 1).trimmed();
            if (name == "content-disposition") {
                if (!value.toLower().startsWith("form-data"))
                    return fail("multipart part is not form-data");
                QByteArray field;
                if (!headerParameter(value, "name", &field))
                    return fail("multipart part without a name");
                part.name = QString::fromUtf8(field);
                QByteArray fileName;
                part.hasFileName = headerParameter(value, "filename", &fileName);
                part.fileName = QString::fromUtf8(fileName);
                hasDisposition = true;
            } else if (name == "content-type") {
                part.contentType = value;
            }
        }
        if (!hasDisposition)
            return fail("multipart part without Content-Disposition");
        part.data = body.mid(dataStart, next - dataStart);
        parts->append(part);
        pos = next + 2;
    }
}
