#pragma once
// The folder of video files: temporary files beside it, verified files renamed in atomically,
// each named by its content (sha256).
#include <QCoreApplication>
#include <QString>

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
    QString newTemporaryPath(const QString &suffix = QStringLiteral(".mp4")) const;

    // Checks an MP4 (ftyp, moov before media data, decodable, duration), hashes it, flushes it
    // to disk and renames it to its content name. The temporary file is gone afterwards.
    bool commit(const QString &temporaryPath, VerifiedVideo *result);

    // Moves a finished companion file (a thumbnail) into the store under name, atomically.
    bool commitSidecar(const QString &temporaryPath, const QString &name);

    QString absolutePath(const QString &relativePath) const;
    bool remove(const QString &relativePath);
    // Removes temporary files left by processes that are no longer running.
    int removeStaleTemporaries();

private:
    QString m_directory;
    QString m_error;
};
