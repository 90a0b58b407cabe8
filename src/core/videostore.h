#pragma once
// The folder of video files: temporary files beside it, verified files renamed in atomically,
// each named by its content (sha256).
#include <QCoreApplication>
#include <QString>

#include <functional>

struct VerifiedVideo
{
    QString relativePath; // "<sha256>.mp4"
    QString sha256;
    qint64 bytes = 0;
    qint64 durationMs = 0;
};

class VideoStore
{
    Q_DECLARE_TR_FUNCTIONS(VideoStore)

public:
    explicit VideoStore(const QString &directory);

    QString directory() const { return m_directory; }
    QString errorString() const { return m_error; }

    // Creates the folder and proves it is writable with a real file.
    bool ensureWritable();

    // A new, unique temporary path inside the store (same file system, so rename is atomic).
    // Its name says which machine and process writes it: ".incoming-HOST~PID~UUID.mp4".
    QString newTemporaryPath(const QString &suffix = QStringLiteral(".mp4")) const;
    // The name such a file gets when process pid on host writes it.
    static QString temporaryFileName(const QString &host, qint64 pid, const QString &suffix);
    // This machine's name as temporary file names carry it.
    static QString hostName();

    // Checks an MP4 (ftyp, moov before media data, decodable, duration), hashes it, flushes it
    // to disk and renames it to its content name. The temporary file is gone afterwards.
    bool commit(const QString &temporaryPath, VerifiedVideo *result);
    // commit() in two steps, for callers that keep the slow part off their thread: verify()
    // reads, hashes, probes and flushes the file (any thread; no state of the store), and
    // removes it when it is not a good video; install() renames it into the store.
    static bool verify(const QString &temporaryPath, VerifiedVideo *result, QString *error);
    bool install(const QString &temporaryPath, VerifiedVideo *verified);

    // Moves a finished companion file (a thumbnail) into the store under name, atomically.
    bool commitSidecar(const QString &temporaryPath, const QString &name);

    QString absolutePath(const QString &relativePath) const;
    bool remove(const QString &relativePath);
    // Whether a process of another machine (host, pid) may still be writing; teams share the
    // video folder, and only the shared store can tell (from the process's claims).
    using RemoteWriterCheck = std::function<bool(const QString &host, qint64 pid)>;
    // Removes temporary files whose writer is known to be dead: a process of this machine that
    // no longer runs, or a process of another machine that remoteWriterAlive says is gone and
    // that has not touched its file for an hour. Without remoteWriterAlive, other machines'
    // files always stay.
    int removeStaleTemporaries(const RemoteWriterCheck &remoteWriterAlive = {});

private:
    QString m_directory;
    QString m_error;
};
