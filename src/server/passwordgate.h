#pragma once
// The generation password: where it comes from, constant-time comparison, and the lockout of an
// address after repeated failures (times from the injectable Clock).
#include <QCoreApplication>
#include <QHash>
#include <QString>

class Clock;
class Settings;

class PasswordGate
{
    Q_DECLARE_TR_FUNCTIONS(PasswordGate)

public:
    static constexpr int MaxFailures = 5;
    static constexpr qint64 LockoutMs = 15 * 60 * 1000;

    enum class Result {
        Accepted,
        Wrong, // attemptsLeft set
        LockedOut, // minutesLeft set
        NotConfigured, // no password and server/openGeneration is false
    };
    struct Verdict
    {
        Result result = Result::NotConfigured;
        int attemptsLeft = 0;
        int minutesLeft = 0;
    };

    PasswordGate(const Settings *settings, const Clock *clock);

    Verdict check(const QString &address, const QString &password);

    // The configured password: $DRILLSTUDIO_GENERATION_PASSWORD, else the first line of the file
    // named by server/passwordFile. Empty when neither is set. error tells why a file failed.
    QString configuredPassword(QString *error = nullptr) const;
    // True when generation is allowed at all (a password, or server/openGeneration).
    bool isConfigured() const;
    // For people: why generation is refused (no password).
    static QString notConfiguredMessage();

    static bool equalConstantTime(const QString &given, const QString &expected);

private:
    struct Attempts
    {
        int failures = 0;
        qint64 lastFailureAt = 0;
        qint64 lockedUntil = 0;
    };
    void forgetOld(qint64 now);

    const Settings *m_settings;
    const Clock *m_clock;
    QHash<QString, Attempts> m_attempts;
};
