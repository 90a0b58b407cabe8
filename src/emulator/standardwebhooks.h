#pragma once
// Signing per the Standard Webhooks scheme (webhook-id, webhook-timestamp, webhook-signature).
#include <QByteArray>
#include <QString>

namespace StandardWebhooks {

// The HMAC key of a "whsec_<base64>" secret (the base64-decoded part after the prefix).
QByteArray keyOf(const QString &secret);

// "v1,<base64 HMAC-SHA256 of '{id}.{timestamp}.{body}'>"
QByteArray sign(const QString &secret, const QByteArray &id, qint64 timestamp,
                const QByteArray &body);

} // namespace StandardWebhooks
