#pragma once
// A local HTTP server of the OpenAI Videos API (/v1/videos...) with a job clock, real content,
// signed webhooks, fault injection and a request log, for tests and offline use.
#include "emulatorconfig.h"

#include <QDateTime>
#include <QHostAddress>
#include <QJsonArray>
#include <QList>
#include <QObject>
#include <QString>

#include <memory>

class EmulatorClock;
class QHttpServerRequest;
class QHttpServerResponder;

struct RequestLogEntry
{
    qint64 sequence = 0;
    QString method; // "GET", "POST", "DELETE"...
    QString path; // URL path without the query
    QString query; // query string, without '?'
    QString endpoint; // create, retrieve, list, delete, content, remix, signed_content, other
    QString videoId; // the video the request created or addressed, when any
    int status = 0; // HTTP status answered (or that would have been answered)
    QString fault; // the fault kind applied, if any
    bool delivered = true; // false when the answer was dropped, lost, or reset mid-body
    bool authorization = false; // whether an Authorization header was present (never its value)
    QString range; // the Range header as received, empty without one
    QString ifRange; // the If-Range header as received
    qint64 bytesSent = 0; // body bytes written to the connection (a reset sends only a part)
    QByteArray requestId;
    QDateTime time; // when the request arrived (real time, UTC)
    qint64 clockMs = 0; // the emulator clock at arrival

    QJsonObject toJson() const;
};

Q_DECLARE_METATYPE(RequestLogEntry)

class SoraEmulator final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(SoraEmulator)

public:
    explicit SoraEmulator(const EmulatorConfig &config = {}, QObject *parent = nullptr);
    ~SoraEmulator() override;

    // Binds the server; returns the port (0 on failure). Port 0 picks a free port. When
    // redirect_host names another loopback address, a second listener is opened there.
    quint16 listen(const QHostAddress &address = QHostAddress::LocalHost, quint16 port = 0);
    quint16 port() const;
    // "http://127.0.0.1:PORT/v1"
    QString baseUrl() const;

    EmulatorConfig config() const;
    // Replaces the configuration (jobs keep their timing; a new manual clock starts now).
    bool setConfig(const EmulatorConfig &config, QString *error = nullptr);
    // Uses clock (not owned) instead of the one chosen by the configuration.
    void setClock(EmulatorClock *clock);
    qint64 nowMs() const;
    // Moves a manual clock forward and processes the jobs that changed; false on a system clock.
    bool advanceClock(qint64 ms);

    void addFault(const FaultRule &rule);
    void clearFaults();
    QList<FaultRule> faults() const;

    QList<RequestLogEntry> requestLog() const;
    void clearRequestLog();
    // Jobs created through POST /videos, also those whose answer was lost (remixes not counted).
    int createdJobCount() const;
    // POST /videos requests received, whatever their answer.
    int createRequestCount() const;
    int jobCount() const;
    // Deletes every job, the log, the faults and the webhook records.
    void reset();

    QJsonArray webhookDeliveries() const;

Q_SIGNALS:
    void requestLogged(const RequestLogEntry &entry);
    void jobCreated(const QString &videoId);
    // A job reached completed or failed (observed on the clock).
    void jobFinished(const QString &videoId, const QString &status);
    // A webhook POST finished: HTTP status, or 0 with a network error.
    void webhookDelivered(const QString &eventType, int httpStatus);

private:
    class Private;
    std::unique_ptr<Private> d;
};
