#include "standardwebhooks.h"

#include <QMessageAuthenticationCode>

QByteArray StandardWebhooks::keyOf(const QString &secret)
{
    QString encoded = secret;
    if (encoded.startsWith(u"whsec_"))
        encoded = encoded.mid(6);
    return QByteArray::fromBase64(encoded.toLatin1());
}

QByteArray StandardWebhooks::sign(const QString &secret, const QByteArray &id, qint64 timestamp,
                                  const QByteArray &body)
{
    const QByteArray content = id + '.' + QByteArray::number(timestamp) + '.' + body;
    return "v1,"
            + QMessageAuthenticationCode::hash(content, keyOf(secret), QCryptographicHash::Sha256)
                      .toBase64();
}
