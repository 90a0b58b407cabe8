#include "videostore.h"

#include "corelog.h"
#include "mediaprobe.h"

#include <QCryptographicHash>
#include <QDateTime>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QSysInfo>
#include <QUuid>

#include <cerrno>
#include <csignal>
#include <cstdio>
#include <cstring>
#include <fcntl.h>
#include <unistd.h>

namespace {

const char kTempPrefix[] = ".incoming-";

bool syncPath(const QString &path, bool directory)
{
    const QByteArray native = QFile::encodeName(path);
    const int fd = ::open(native.constData(), directory ? O_RDONLY | O_DIRECTORY : O_RDONLY);
    if (fd < 0)
        return false;
    const bool ok = ::fsync(fd) == 0;
    ::close(fd);
    return ok;
}

} // namespace

VideoStore::VideoStore(const QString &directory)
    : m_directory(QDir::cleanPath(directory))
{ }

bool VideoStore::ensureWritable()
{
    if (!QDir().mkpath(m_directory)) {
        m_error = tr("The video folder %1 cannot be created. Choose another data folder with "
                     "--data-dir.")
                          .arg(QDir::toNativeSeparators(m_directory));
        return false;
    }
    const QString probe = newTemporaryPath(QStringLiteral(".probe"));
    QFile file(probe);
    if (!file.open(QIODevice::WriteOnly) || file.write("ok", 2) != 2) {
        m_error = tr("The video folder %1 is not writable. Check its permissions or choose "
                     "another data folder with --data-dir.")
                          .arg(QDir::toNativeSeparators(m_directory));
        file.close();
        QFile::remove(probe);
        return false;
    }
    file.close();
    QFile::remove(probe);
    return true;
}

QString VideoStore::hostName()
{
    // Host names are letters, digits, dots and hyphens; anything else would confuse the parser.
    static const QString name = [] {
        QString host = QSysInfo::machineHostName();
        for (QChar &c : host) {
            if (!(c.isLetterOrNumber() && c.unicode() < 128) && c != QLatin1Char('.')
                && c != QLatin1Char('-'))
                c = QLatin1Char('_');
        }
        return host.isEmpty() ? QStringLiteral("localhost") : host;
    }();
    return name;
}

QString VideoStore::temporaryFileName(const QString &host, qint64 pid, const QString &suffix)
{
    return QLatin1String(kTempPrefix) + host + QLatin1Char('~') + QString::number(pid)
            + QLatin1Char('~') + QUuid::createUuid().toString(QUuid::WithoutBraces) + suffix;
}

QString VideoStore::newTemporaryPath(const QString &suffix) const
{
    // The writer's machine and process id are part of the name, so that a later start can tell
    // the files of a process that died from those of one still writing, here or on another
    // machine that shares the folder.
    return m_directory + QLatin1Char('/')
            + temporaryFileName(hostName(), QCoreApplication::applicationPid(), suffix);
}

QString VideoStore::absolutePath(const QString &relativePath) const
{
    return m_directory + QLatin1Char('/') + relativePath;
}

bool VideoStore::commit(const QString &temporaryPath, VerifiedVideo *result)
{
    VerifiedVideo verified;
    if (!verify(temporaryPath, &verified, &m_error))
        return false;
    if (!install(temporaryPath, &verified))
        return false;
    if (result)
        *result = verified;
    return true;
}

bool VideoStore::verify(const QString &temporaryPath, VerifiedVideo *result, QString *error)
{
    auto reject = [&](const QString &message) {
        if (error)
            *error = message;
        QFile::remove(temporaryPath);
        return false;
    };
    QFile file(temporaryPath);
    if (!file.open(QIODevice::ReadOnly))
        return reject(tr("The new video cannot be read: %1").arg(file.errorString()));
    const qint64 bytes = file.size();
    if (bytes < 1024)
        return reject(tr("The new video is too small (%1 bytes) to be a real video.").arg(bytes));
    QCryptographicHash hash(QCryptographicHash::Sha256);
    if (!hash.addData(&file))
        return reject(tr("The new video cannot be read: %1").arg(file.errorString()));
    file.close();

    const MediaInfo info = MediaProbe::probe(temporaryPath, false);
    if (!info.hasFtyp)
        return reject(tr("The new file is not an MP4 video."));
    if (!info.valid)
        return reject(tr("The new video cannot be decoded: %1").arg(info.error));
    if (!info.moovBeforeMdat)
        qCInfo(lcStore) << "video is not faststart:" << temporaryPath;

    if (!syncPath(temporaryPath, false))
        return reject(tr("The new video could not be written to disk: %1")
                              .arg(QString::fromLocal8Bit(std::strerror(errno))));
    result->sha256 = QString::fromLatin1(hash.result().toHex());
    result->relativePath = result->sha256 + QStringLiteral(".mp4");
    result->bytes = bytes;
    result->durationMs = qRound64(info.durationSeconds * 1000.0);
    return true;
}

bool VideoStore::install(const QString &temporaryPath, VerifiedVideo *verified)
{
    const QString target = absolutePath(verified->relativePath);
    if (::rename(QFile::encodeName(temporaryPath).constData(),
                 QFile::encodeName(target).constData())
        != 0) {
        m_error = tr("The new video could not be moved into the library: %1")
                          .arg(QString::fromLocal8Bit(std::strerror(errno)));
        QFile::remove(temporaryPath);
        return false;
    }
    syncPath(m_directory, true);
    return true;
}

bool VideoStore::commitSidecar(const QString &temporaryPath, const QString &name)
{
    if (name.contains(QLatin1Char('/')) || name.startsWith(QLatin1Char('.'))) {
        QFile::remove(temporaryPath);
        return false;
    }
    syncPath(temporaryPath, false);
    if (::rename(QFile::encodeName(temporaryPath).constData(),
                 QFile::encodeName(absolutePath(name)).constData())
        != 0) {
        QFile::remove(temporaryPath);
        return false;
    }
    syncPath(m_directory, true);
    return true;
}

bool VideoStore::remove(const QString &relativePath)
{
    if (relativePath.isEmpty() || relativePath.contains(QLatin1Char('/'))
        || relativePath.startsWith(QLatin1Char('.')))
        return false;
    const QString path = absolutePath(relativePath);
    return !QFileInfo::exists(path) || QFile::remove(path);
}

int VideoStore::removeStaleTemporaries(const RemoteWriterCheck &remoteWriterAlive)
{
    constexpr qint64 kQuietMs = 3600 * 1000; // untouched this long: no download is under way
    int removed = 0;
    const QDir dir(m_directory);
    const QStringList names = dir.entryList({QLatin1String(kTempPrefix) + QLatin1Char('*')},
                                            QDir::Files | QDir::Hidden);
    const QDateTime now = QDateTime::currentDateTimeUtc();
    for (const QString &name : names) {
        const QString rest = name.mid(qsizetype(sizeof kTempPrefix) - 1);
        const QFileInfo info(dir.filePath(name));
        const bool quiet = info.lastModified().msecsTo(now) > kQuietMs;
        bool dead = false;
        if (rest.count(QLatin1Char('~')) >= 2) {
            const QString host = rest.section(QLatin1Char('~'), 0, 0);
            const qint64 pid = rest.section(QLatin1Char('~'), 1, 1).toLongLong();
            if (host == hostName())
                dead = pid > 0 && ::kill(pid_t(pid), 0) != 0 && errno != EPERM;
            else
                dead = remoteWriterAlive && quiet && !remoteWriterAlive(host, pid);
        } else {
            // Named by an older version, without its machine: only a writer that is not running
            // here and has been quiet for an hour is known to be gone.
            const qint64 pid = rest.section(QLatin1Char('-'), 0, 0).toLongLong();
            dead = quiet && pid > 0 && ::kill(pid_t(pid), 0) != 0 && errno != EPERM;
        }
        if (dead && QFile::remove(info.filePath())) {
            qCInfo(lcStore) << "removed an unfinished temporary file" << name;
            ++removed;
        }
    }
    return removed;
}
