#pragma once
// Who may use the admin routes (DELETE /cache/..., /metrics): HTTP Basic against
// server/adminUser + server/adminPasswordHash, or a Bearer API key against server/apiKeyHash.
// Secrets are kept as salted PBKDF2-SHA256 hashes and compared in constant time. Loopback
// clients are let through unless server/localhostBypass is false. Five failed attempts ban the
// address from every route for server/banSeconds (times from the injectable Clock).
#include <QCoreApplication>
#include <QHash>
#include <QHostAddress>
#include <QString>

class Clock;
class Settings;

class AdminGate
{
    Q_DECLARE_TR_FUNCTIONS(AdminGate)

public:
    static constexpr int MaxFailures = 5;
    static constexpr int DefaultIterations = 100000;

    enum class Result {
        Accepted,
        Missing, // no credentials sent: 401 with WWW-Authenticate, not counted
        Wrong, // counted towards the ban
        Banned, // retryAfterSeconds set
    };
    struct Verdict
    {
        Result result = Result::Missing;
        qint64 retryAfterSeconds = 0;
    };

    AdminGate(const Settings *settings, const Clock *clock);

    // True when an admin password or an API key is configured.
    bool hasCredentials() const;
    // Whether any address has failed lately (bannedFor answers 0 for every address if not).
    bool anyFailures() const { return !m_failures.isEmpty(); }
    // The ban of a client address, if any: seconds left, else 0.
    qint64 bannedFor(const QString &client) const;
    // Checks the Authorization header of a request to an admin route. peer: the connection's
    // address; client: the address failures count against (the client behind a trusted proxy);
    // forwarded: the request came through a proxy (X-Forwarded-For), so a loopback peer is not
    // the client.
    Verdict check(const QHostAddress &peer, const QString &client, const QByteArray &authorization,
                  bool forwarded);

    // "pbkdf2-sha256$<iterations>$<salt, base64>$<key, base64>" for the secret, with a random salt.
    static QString hashSecret(const QByteArray &secret, int iterations = DefaultIterations);
    // True when the secret matches a hash made by hashSecret (constant-time comparison).
    static bool verifySecret(const QByteArray &secret, const QString &stored);
    // Why a stored hash cannot be used; empty when it is well formed (or empty).
    static QString checkHash(const QString &stored);

private:
    struct Failures
    {
        int count = 0;
        qint64 bannedUntil = 0;
    };
    bool registerFailure(const QString &address, qint64 now);

    const Settings *m_settings;
    const Clock *m_clock;
    QHash<QString, Failures> m_failures;
};
