#include "logfile.h"

#include <QDateTime>
#include <QFile>
#include <QMutex>
#include <QMutexLocker>

#include <atomic>
#include <cstdio>

namespace {

struct State
{
    QMutex mutex;
    QFile file;
    QString path;
    qint64 maxBytes = 0;
    QtMessageHandler previous = nullptr;
    bool installed = false;
    std::atomic_bool quietStderr = false;
};

State &state()
{
    static State s;
    return s;
}

const char *levelName(QtMsgType type)
{
    switch (type) {
    case QtDebugMsg:
        return "debug";
    case QtInfoMsg:
        return "info";
    case QtWarningMsg:
        return "warning";
    case QtCriticalMsg:
        return "critical";
    case QtFatalMsg:
        return "fatal";
    }
    return "?";
}

void rotateIfNeeded(State &s)
{
    if (s.file.size() < s.maxBytes)
        return;
    s.file.close();
    const QString old = s.path + QStringLiteral(".1");
    QFile::remove(old);
    QFile::rename(s.path, old);
    s.file.setFileName(s.path);
    s.file.open(QIODevice::WriteOnly | QIODevice::Append | QIODevice::Text);
}

void handler(QtMsgType type, const QMessageLogContext &context, const QString &message)
{
    const QByteArray line = QDateTime::currentDateTimeUtc().toString(Qt::ISODateWithMs).toUtf8()
            + ' ' + levelName(type) + ' ' + (context.category ? context.category : "default") + ": "
            + message.toUtf8() + '\n';
    State &s = state();
    if (!s.quietStderr || (type != QtInfoMsg && type != QtDebugMsg))
        fputs(line.constData(), stderr);
    QMutexLocker lock(&s.mutex);
    if (s.file.isOpen()) {
        s.file.write(line);
        s.file.flush();
        rotateIfNeeded(s);
    }
}

} // namespace

namespace LogFile {

bool install(const QString &filePath, qint64 maxBytes)
{
    State &s = state();
    {
        QMutexLocker lock(&s.mutex);
        s.path = filePath;
        s.maxBytes = qMax<qint64>(4096, maxBytes);
        s.file.close();
        s.file.setFileName(filePath);
        s.file.open(QIODevice::WriteOnly | QIODevice::Append | QIODevice::Text);
        if (s.file.isOpen())
            rotateIfNeeded(s);
    }
    if (!s.installed) {
        s.previous = qInstallMessageHandler(handler);
        s.installed = true;
    }
    return s.file.isOpen();
}

void setQuietStderr(bool quiet)
{
    state().quietStderr = quiet;
}

void uninstall()
{
    State &s = state();
    if (s.installed) {
        qInstallMessageHandler(s.previous);
        s.installed = false;
    }
    QMutexLocker lock(&s.mutex);
    s.file.close();
}

} // namespace LogFile
