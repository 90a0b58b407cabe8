#pragma once
// Helpers shared by the tests: paths of built programs and file digests.
#include <QCryptographicHash>
#include <QFile>
#include <QProcess>
#include <QString>
#include <QTest>

namespace TestSupport {

inline QString cliPath()
{
    return qEnvironmentVariable("DRILLSTUDIO_CLI");
}

inline QByteArray sha256Of(const QString &path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return {};
    QCryptographicHash hash(QCryptographicHash::Sha256);
    hash.addData(&file);
    return hash.result().toHex();
}

struct CliResult
{
    int exitCode = -1;
    QString out;
    QString err;
};

// Runs the drillstudio executable to completion (no shell) with an optional environment.
inline CliResult runCli(const QStringList &arguments, const QProcessEnvironment &env = {},
                        const QByteArray &input = {}, int timeoutMs = 120000)
{
    QProcess process;
    QProcessEnvironment environment
            = env.isEmpty() ? QProcessEnvironment::systemEnvironment() : env;
    process.setProcessEnvironment(environment);
    process.start(cliPath(), arguments);
    if (!process.waitForStarted())
        return {};
    if (!input.isEmpty())
        process.write(input);
    process.closeWriteChannel();
    if (!process.waitForFinished(timeoutMs)) {
        process.kill();
        process.waitForFinished();
        return {};
    }
    CliResult result;
    result.exitCode = process.exitStatus() == QProcess::NormalExit ? process.exitCode() : -1;
    result.out = QString::fromUtf8(process.readAllStandardOutput());
    result.err = QString::fromUtf8(process.readAllStandardError());
    return result;
}

} // namespace TestSupport
