#include "admingate.h"

#include "clock.h"
#include "serverlog.h"
#include "settings.h"

#include <QCryptographicHash>
#include <QPasswordDigestor>
#include <QRandomGenerator>

namespace {

constexpr int kKeyBytes = 32;
constexpr int kSaltBytes = 16;
// Addresses remembered at most; beyond this, addresses without a current ban are forgotten.
constexpr int kMaxAddresses = 10000;

bool equalConstantTime(const QByteArray &a, const QByteArray &b)
{
    if (a.size() != b.size())
        return false;
    unsigned char difference = 0;
    for (qsizetype i = 0; i < a.size(); ++i)
        difference |= static_cast<unsigned char>(a.at(i) ^ b.at(i));
    return difference == 0;
}

struct ParsedHash
{
    int iterations = 0;
    QByteArray salt;
    QByteArray key;
};

std::optional<ParsedHash> parseHash(const QString &stored)
{
    const QStringList parts = stored.trimmed().split(QLatin1Char('$'));
    if (parts.size() != 4 || parts.at(0) != QLatin1String("pbkdf2-sha256"))
        return std::nullopt;
    ParsedHash parsed;
    bool ok = false;
    parsed.iterations = parts.at(1).toInt(&ok);
    if (!ok || parsed.iterations < 1000 || parsed.iterations > 10000000)
        return std::nullopt;
    const auto salt = QByteArray::fromBase64Encoding(parts.at(2).toLatin1(),
                                                     QByteArray::AbortOnBase64DecodingErrors);
    const auto key = QByteArray::fromBase64Encoding(parts.at(3).toLatin1(),
                                                    QByteArray::AbortOnBase64DecodingErrors);
    if (!salt || !key || salt.decoded.size() < 8 || key.decoded.size() != kKeyBytes)
        return std::nullopt;
    parsed.salt = salt.decoded;
    parsed.key = key.decoded;
    return parsed;
}

} // namespace

AdminGate::AdminGate(const Settings *settings, const Clock *clock)
    : m_settings(settings)
    , m_clock(clock)
{ }

QString AdminGate::hashSecret(const QByteArray &secret, int iterations)
{
    QByteArray salt(kSaltBytes, Qt::Uninitialized);
    QRandomGenerator::system()->fillRange(reinterpret_cast<quint32 *>(salt.data()),
                                          kSaltBytes / sizeof(quint32));
    const QByteArray key = QPasswordDigestor::deriveKeyPbkdf2(QCryptographicHash::Sha256, secret,
                                                              salt, iterations, kKeyBytes);
    return QStringLiteral("pbkdf2-sha256$%1$%2$%3")
            .arg(iterations)
            .arg(QString::fromLatin1(salt.toBase64()), QString::fromLatin1(key.toBase64()));
}

bool AdminGate::verifySecret(const QByteArray &secret, const QString &stored)
{
    const auto parsed = parseHash(stored);
    if (!parsed)
        return false;
    const QByteArray key = QPasswordDigestor::deriveKeyPbkdf2(
            QCryptographicHash::Sha256, secret, parsed->salt, parsed->iterations, kKeyBytes);
    return equalConstantTime(key, parsed->key);
}

QString AdminGate::checkHash(const QString &stored)
{
    if (stored.trimmed().isEmpty() || parseHash(stored))
        return {};
    return tr("Use a hash made by \"drillstudio serve --hash-secret\" "
              "(pbkdf2-sha256$iterations$salt$key), never the secret itself.");
}

bool AdminGate::hasCredentials() const
{
    const bool password = !m_settings->string("server/adminUser").isEmpty()
            && parseHash(m_settings->string("server/adminPasswordHash"));
    return password || parseHash(m_settings->string("server/apiKeyHash"));
}

qint64 AdminGate::bannedFor(const QString &client) const
{
    if (m_failures.isEmpty())
        return 0;
    const auto it = m_failures.constFind(client);
    const qint64 now = m_clock->nowMs();
    if (it == m_failures.cend() || it->bannedUntil <= now)
        return 0;
    return (it->bannedUntil - now + 999) / 1000;
}

bool AdminGate::registerFailure(const QString &address, qint64 now)
{
    if (m_failures.size() > kMaxAddresses) {
        for (auto it = m_failures.begin(); it != m_failures.end();)
            it = it->bannedUntil > now ? std::next(it) : m_failures.erase(it);
    }
    Failures &failures = m_failures[address];
    if (failures.bannedUntil && failures.bannedUntil <= now)
        failures = {}; // a ban that ran out starts a fresh count
    if (++failures.count < MaxFailures)
        return false;
    failures.bannedUntil = now + m_settings->integer("server/banSeconds") * 1000;
    qCWarning(lcServer).noquote() << "banned" << address << "for"
                                  << m_settings->integer("server/banSeconds") << "s after"
                                  << MaxFailures << "failed admin logins";
    return true;
}

AdminGate::Verdict AdminGate::check(const QHostAddress &peer, const QString &client,
                                    const QByteArray &authorization, bool forwarded)
{
    Verdict verdict;
    if (const qint64 left = bannedFor(client)) {
        verdict.result = Result::Banned;
        verdict.retryAfterSeconds = left;
        return verdict;
    }
    if (peer.isLoopback() && !forwarded && m_settings->flag("server/localhostBypass")) {
        verdict.result = Result::Accepted;
        return verdict;
    }
    const QByteArray header = authorization.trimmed();
    const qsizetype space = header.indexOf(' ');
    if (header.isEmpty() || space <= 0) {
        verdict.result = Result::Missing;
        return verdict;
    }
    const QByteArray scheme = header.left(space).toLower();
    const QByteArray value = header.mid(space + 1).trimmed();
    bool accepted = false;
    if (scheme == "basic") {
        const QByteArray decoded = QByteArray::fromBase64(value);
        const qsizetype colon = decoded.indexOf(':');
        const QByteArray user = m_settings->string("server/adminUser").toUtf8();
        if (colon >= 0 && !user.isEmpty()) {
            // Both checks always run, so the time taken does not say which part was wrong.
            const bool userOk = equalConstantTime(
                    QCryptographicHash::hash(decoded.left(colon), QCryptographicHash::Sha256),
                    QCryptographicHash::hash(user, QCryptographicHash::Sha256));
            const bool passwordOk = verifySecret(decoded.mid(colon + 1),
                                                 m_settings->string("server/adminPasswordHash"));
            accepted = userOk && passwordOk;
        }
    } else if (scheme == "bearer") {
        accepted = verifySecret(value, m_settings->string("server/apiKeyHash"));
    }
    if (accepted) {
        m_failures.remove(client);
        verdict.result = Result::Accepted;
        return verdict;
    }
    const qint64 now = m_clock->nowMs();
    if (registerFailure(client, now)) {
        verdict.result = Result::Banned;
        verdict.retryAfterSeconds = m_settings->integer("server/banSeconds");
        return verdict;
    }
    verdict.result = Result::Wrong;
    return verdict;
}
