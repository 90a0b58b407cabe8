#include "contentstore.h"

#include "contentvariants.h"
#include "drillrenderer.h"

#include <QCryptographicHash>
#include <QDir>
#include <QFile>
#include <QFutureWatcher>
#include <QTemporaryDir>
#include <QtConcurrent/QtConcurrentRun>

namespace {

ContentFile readFile(const QString &path, const QByteArray &mimeType)
{
    ContentFile file;
    QFile input(path);
    if (!input.open(QIODevice::ReadOnly)) {
        file.error = QStringLiteral("cannot read %1").arg(path);
        return file;
    }
    file.bytes = input.readAll();
    file.mimeType = mimeType;
    // A strong validator: the bytes decide it, so equal tags mean byte-identical content.
    file.etag = '"'
            + QCryptographicHash::hash(file.bytes, QCryptographicHash::Sha256).toHex().left(32)
            + '"';
    return file;
}

} // namespace

ContentStore::ContentStore(const QString &directory, QObject *parent)
    : QObject(parent)
    , m_directory(directory)
{
    if (m_directory.isEmpty()) {
        m_temporary = std::make_unique<QTemporaryDir>();
        m_directory = m_temporary->path();
    }
    QDir().mkpath(m_directory);
    // Rendering uses both cores by itself; one rendering at a time keeps the server responsive.
    m_pool.setMaxThreadCount(1);
}

ContentStore::~ContentStore()
{
    m_pool.waitForDone();
}

void ContentStore::fetch(const QString &key, const std::function<ContentFile()> &work,
                         QObject *context, const Callback &done)
{
    auto it = m_entries.find(key);
    if (it != m_entries.end()) {
        if (it->ready)
            done(it->file);
        else
            it->waiters.append({context, done});
        return;
    }
    m_entries.insert(key, Entry {false, {}, {{context, done}}});
    auto *watcher = new QFutureWatcher<ContentFile>(this);
    connect(watcher, &QFutureWatcher<ContentFile>::finished, this, [this, watcher, key] {
        watcher->deleteLater();
        Entry &entry = m_entries[key];
        entry.ready = true;
        entry.file = watcher->result();
        const QList<Waiter> waiters = std::exchange(entry.waiters, {});
        const ContentFile file = entry.file;
        for (const Waiter &waiter : waiters) {
            if (waiter.context)
                waiter.done(file);
        }
    });
    watcher->setFuture(QtConcurrent::run(&m_pool, work));
}

void ContentStore::content(const QString &prompt, QSize size, int seconds, const QString &variant,
                           QObject *context, const Callback &done)
{
    const QString text = m_shared ? QStringLiteral("sora-emulator") : prompt;
    QCryptographicHash hash(QCryptographicHash::Sha256);
    hash.addData(text.toUtf8());
    const QByteArray shape = QByteArray::number(size.width()) + 'x'
            + QByteArray::number(size.height()) + '/' + QByteArray::number(seconds)
            + (m_tiny ? "/tiny" : "");
    hash.addData(shape);
    const QString key = QString::fromLatin1(hash.result().toHex().left(32));
    const QString mp4Path = QDir(m_directory).filePath(key + QStringLiteral(".mp4"));

    RenderRequest request;
    request.drillText = text.left(400);
    request.cornerLabel = QStringLiteral("sora-emulator");
    request.size = size;
    request.seconds = seconds;
    if (m_tiny) {
        request.size = size.width() >= size.height() ? QSize(160, 90) : QSize(90, 160);
        request.seconds = 1;
        request.fps = 10;
    }
    auto render = [request, mp4Path] {
        QString error;
        if (!QFile::exists(mp4Path) && !DrillRenderer::render(request, mp4Path, &error))
            return ContentFile {{}, {}, error, {}};
        return readFile(mp4Path, "video/mp4");
    };
    if (!m_entries.contains(mp4Path))
        ++m_renderCount;
    if (variant == u"video")
        return fetch(mp4Path, render, context, done);

    const bool thumbnail = variant == u"thumbnail";
    const QString path
            = QDir(m_directory)
                      .filePath(key
                                + (thumbnail ? QStringLiteral(".webp") : QStringLiteral(".jpg")));
    auto derive = [thumbnail, mp4Path, path] {
        QString error;
        const bool ok = QFile::exists(path)
                || (thumbnail ? ContentVariants::writeThumbnailWebp(mp4Path, path, &error)
                              : ContentVariants::writeSpritesheetJpeg(mp4Path, path, &error));
        if (!ok)
            return ContentFile {{}, {}, error, {}};
        return readFile(path, thumbnail ? "image/webp" : "image/jpeg");
    };
    fetch(mp4Path, render, context, [this, path, derive, context, done](const ContentFile &video) {
        if (!video.error.isEmpty())
            return done(video);
        fetch(path, derive, context, done);
    });
}
