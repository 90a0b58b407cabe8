#pragma once
// Rendered content for emulated videos: MP4, WebP thumbnail and JPEG spritesheet, made on first
// use on a worker thread and cached per (prompt, size, seconds).
#include <QByteArray>
#include <QHash>
#include <QObject>
#include <QPointer>
#include <QSize>
#include <QThreadPool>

#include <functional>
#include <memory>

class QTemporaryDir;

struct ContentFile
{
    QByteArray bytes;
    QByteArray mimeType;
    QString error; // set when rendering failed
    QByteArray etag; // strong entity tag, quotes included
};

class ContentStore final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ContentStore)

public:
    // Files go under directory, or a temporary folder removed with the store when it is empty.
    explicit ContentStore(const QString &directory = {}, QObject *parent = nullptr);
    ~ContentStore() override;

    // Tiny content: 160x90 (or 90x160) at 10 fps for 1 second, whatever was asked.
    void setTiny(bool tiny) { m_tiny = tiny; }
    // One rendering per size and seconds, whatever the prompt.
    void setShared(bool shared) { m_shared = shared; }

    using Callback = std::function<void(const ContentFile &)>;

    // Calls done with the variant ("video", "thumbnail" or "spritesheet"): at once when it is
    // cached, otherwise on this object's thread once rendered. Not called if context is gone.
    void content(const QString &prompt, QSize size, int seconds, const QString &variant,
                 QObject *context, const Callback &done);

    int renderCount() const { return m_renderCount; }

private:
    struct Waiter
    {
        QPointer<QObject> context;
        Callback done;
    };
    struct Entry
    {
        bool ready = false;
        ContentFile file;
        QList<Waiter> waiters;
    };

    // Runs work once per key on the pool; every caller of the key gets its result.
    void fetch(const QString &key, const std::function<ContentFile()> &work, QObject *context,
               const Callback &done);

    std::unique_ptr<QTemporaryDir> m_temporary;
    QString m_directory;
    QThreadPool m_pool;
    QHash<QString, Entry> m_entries;
    bool m_tiny = false;
    bool m_shared = false;
    int m_renderCount = 0;
};
