#include "passwordgate.h"

#include "clock.h"
#include "serverlog.h"
#include "settings.h"

#include <QCryptographicHash>
#include <QFile>

namespace {

// Addresses remembered at most; beyond this, entries without a current lockout are dropped.
constexpr int kMaxAddresses = 10000;

} // namespace

PasswordGate::PasswordGate(const Settings *settings, const Clock *clock)
    : m_settings(settings)
    , m_clock(clock)
{ }

QString PasswordGate::configuredPassword(QString *error) const
{
    const QString fromEnv = qEnvironmentVariable("DRILLSTUDIO_GENERATION_PASSWORD");
    if (!fromEnv.isEmpty())
        return fromEnv;
    const QString path = m_settings->string("server/passwordFile");
    if (path.isEmpty())
        return {};
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        if (error)
            *error = tr("The password file %1 cannot be read: %2").arg(path, file.errorString());
        return {};
    }
    const QString password = QString::fromUtf8(file.readLine(4096)).trimmed();
    if (password.isEmpty() && error)
        *error = tr("The password file %1 is empty.").arg(path);
    return password;
}

bool PasswordGate::isConfigured() const
{
    return !configuredPassword().isEmpty() || m_settings->flag("server/openGeneration");
}

QString PasswordGate::notConfiguredMessage()
{
    return tr("Video generation is turned off because no generation password is configured. Set "
              "DRILLSTUDIO_GENERATION_PASSWORD or server/passwordFile, or set "
              "server/openGeneration to true on a development machine.");
}

bool PasswordGate::equalConstantTime(const QString &given, const QString &expected)
{
    // Digests have a fixed length, so neither the length nor the content of the password shows
    // in the time taken.
    const QByteArray a = QCryptographicHash::hash(given.toUtf8(), QCryptographicHash::Sha256);
    const QByteArray b = QCryptographicHash::hash(expected.toUtf8(), QCryptographicHash::Sha256);
    unsigned char difference = 0;
    for (qsizetype i = 0; i < a.size(); ++i)
        difference |= static_cast<unsigned char>(a.at(i) ^ b.at(i));
    return difference == 0;
}

void PasswordGate::forgetOld(qint64 now)
{
    for (auto it = m_attempts.begin(); it != m_attempts.end();) {
        const bool locked = it->lockedUntil > now;
        const bool recent = now - it->lastFailureAt < LockoutMs;
        if (!locked && !recent)
            it = m_attempts.erase(it);
        else
            ++it;
    }
    if (m_attempts.size() > kMaxAddresses) {
        for (auto it = m_attempts.begin(); it != m_attempts.end();) {
            if (it->lockedUntil <= now)
                it = m_attempts.erase(it);
            else
                ++it;
        }
    }
}

PasswordGate::Verdict PasswordGate::check(const QString &address, const QString &password)
{
    const qint64 now = m_clock->nowMs();
    forgetOld(now);
    Verdict verdict;
    auto it = m_attempts.find(address);
    if (it != m_attempts.end() && it->lockedUntil > now) {
        verdict.result = Result::LockedOut;
        verdict.minutesLeft = int((it->lockedUntil - now + 59999) / 60000);
        return verdict;
    }
    QString fileError;
    const QString expected = configuredPassword(&fileError);
    if (!fileError.isEmpty())
        qCWarning(lcServer).noquote() << fileError;
    if (expected.isEmpty()) {
        verdict.result = m_settings->flag("server/openGeneration") ? Result::Accepted
                                                                   : Result::NotConfigured;
        return verdict;
    }
    if (equalConstantTime(password, expected)) {
        m_attempts.remove(address);
        verdict.result = Result::Accepted;
        return verdict;
    }
    Attempts &attempts = m_attempts[address];
    if (attempts.lockedUntil && attempts.lockedUntil <= now)
        attempts = {}; // a lockout that ran out starts a fresh count
    ++attempts.failures;
    attempts.lastFailureAt = now;
    if (attempts.failures >= MaxFailures) {
        attempts.lockedUntil = now + LockoutMs;
        verdict.result = Result::LockedOut;
        verdict.minutesLeft = int(LockoutMs / 60000);
        return verdict;
    }
    verdict.result = Result::Wrong;
    verdict.attemptsLeft = MaxFailures - attempts.failures;
    return verdict;
}
