#pragma once
// A strict multipart/form-data reader (RFC 7578): names, optional file names, types, bytes.
#include <QByteArray>
#include <QList>
#include <QString>

struct MultipartPart
{
    QString name;
    QString fileName;
    bool hasFileName = false; // a file part; without a filename a part is a plain string field
    QByteArray contentType;
    QByteArray data;
};

namespace MultipartForm {

// The boundary parameter of a multipart/form-data Content-Type, or empty.
QByteArray boundaryOf(const QByteArray &contentType);

// Splits body into parts; false with a message when the body is not well-formed.
bool parse(const QByteArray &body, const QByteArray &boundary, QList<MultipartPart> *parts,
           QString *error);

} // namespace MultipartForm
