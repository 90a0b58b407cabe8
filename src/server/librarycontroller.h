#pragma once
// The drill library's admin route: POST /library/videos takes a multipart/form-data upload (the
// recording, its drills, a note, an optional trim and mute) and imports it on a worker thread.
// The body limit (server/maxUploadBytes) is enforced by GuardedTcpServer before the body is read.
#include "httpmessage.h"

#include <QObject>
#include <QSet>

#include <atomic>
#include <functional>

class AppContext;
class QThread;

class LibraryController final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(LibraryController)

public:
    using Done = std::function<void(const HttpResponse &)>;

    static constexpr char16_t ImportPath[] = u"/library/videos";

    explicit LibraryController(AppContext *context, QObject *parent = nullptr);
    // Cancels the imports under way and waits for them (nothing half-imported stays).
    ~LibraryController() override;

    // Answers 201 with the new video, or 400, 409, 413, 415, 422 or 500 with a message.
    void importUpload(const HttpRequest &request, const Done &done);
    int importsUnderWay() const { return int(m_threads.size()); }

private:
    AppContext *m_context;
    QSet<QThread *> m_threads;
    std::atomic<bool> m_stopping {false};
};
