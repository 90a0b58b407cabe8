#pragma once
// The inside of SoraEmulator, shared by the files that implement its areas: soraemulator.cpp
// (lifetime, configuration, signed URLs), emulatorroutes.cpp (the /v1 routes and how answers are
// written), emulatorfaults.cpp (fault injection), emulatorjobs.cpp (the job model and its clock)
// and emulatorcontrol.cpp (the /_emulator/ control endpoints).
#include "soraemulator.h"

#include "apierror.h"
#include "contentstore.h"
#include "createrequest.h"
#include "emulatorclock.h"

#include <QHash>
#include <QHttpServer>
#include <QHttpServerRequest>
#include <QHttpServerResponder>
#include <QJsonDocument>
#include <QNetworkAccessManager>
#include <QPointer>
#include <QTcpServer>
#include <QTcpSocket>
#include <QTimer>

namespace emulator {

using Header = QPair<QByteArray, QByteArray>;
using Method = QHttpServerRequest::Method;

QByteArray randomHex(int bytes);
QByteArray headerValue(const QHttpServerRequest &request, const QByteArray &name);
// Every field of that name, joined with commas as a list-valued field allows.
QByteArray joinedHeaderValues(const QHttpServerRequest &request, const QByteArray &name);
QString methodName(Method method);

inline const QStringList kVariants {QStringLiteral("video"), QStringLiteral("thumbnail"),
                                    QStringLiteral("spritesheet")};

} // namespace emulator

class SoraEmulator::Private
{
public:
    struct Job
    {
        QString id;
        qint64 sequence = 0;
        QString model;
        QString prompt;
        QString size;
        QString seconds;
        QString remixedFrom;
        qint64 createdMs = 0;
        qint64 queuedMs = 0;
        qint64 runMs = 0;
        qint64 expirySeconds = 3600;
        QString failCode; // the job fails at its end time when set
        QString failMessage;
        bool finishNotified = false;
    };

    // A job as seen at one instant.
    struct JobView
    {
        QString status;
        int progress = 0;
        QJsonValue completedAt;
        QJsonValue expiresAt;
        bool terminal = false;
        bool contentAvailable = false;
        bool expired = false;
    };

    struct Reply
    {
        int status = 200;
        QByteArray contentType = "application/json";
        QByteArray body;
        QList<emulator::Header> headers;

        static Reply json(const QJsonObject &object, int status = 200)
        {
            return Reply {status,
                          "application/json",
                          QJsonDocument(object).toJson(QJsonDocument::Indented),
                          {}};
        }
        static Reply error(const emulator::ApiError &error)
        {
            return Reply {error.status, "application/json", error.body(), {}};
        }
    };

    struct Exchange
    {
        explicit Exchange(QHttpServerResponder &&r)
            : responder(std::move(r))
            , socket(responder.socket())
        { }
        QHttpServerResponder responder;
        QPointer<QTcpSocket> socket;
        RequestLogEntry entry;
        FaultRule fault; // kind empty without a fault
        bool log = true;
        QByteArray range; // the Range field(s), joined with commas; empty when absent
        QByteArray ifRange;
    };
    using ExchangePtr = std::shared_ptr<Exchange>;

    explicit Private(SoraEmulator *q, const EmulatorConfig &config);

    void setUpRoutes();
    void route(const QString &pattern, QHttpServerRequest::Methods methods,
               const QString &endpoint);
    void handle(const QString &endpoint, const QStringList &arguments,
                const QHttpServerRequest &request, QHttpServerResponder &&responder);
    void finish(const ExchangePtr &exchange, Reply reply);
    void write(const ExchangePtr &exchange, const Reply &reply);
    void logEntry(const ExchangePtr &exchange);

    bool takeFault(const QString &endpoint, const QString &variant, FaultRule *rule);
    Reply faultReply(const FaultRule &rule) const;
    emulator::ApiError checkAuthorization(const QHttpServerRequest &request) const;
    Reply shutDownReply(const QHttpServerRequest &request, const QString &endpoint) const;

    Reply create(const QHttpServerRequest &request, const ExchangePtr &exchange);
    Reply retrieve(const QString &id);
    Reply list(const QHttpServerRequest &request);
    Reply remove(const QString &id);
    Reply remix(const QString &id, const QHttpServerRequest &request, const ExchangePtr &exchange);
    void content(const QString &id, const QString &variant, const ExchangePtr &exchange,
                 bool mayRedirect = true);
    Reply contentReply(const ContentFile &file, const QDateTime &lastModified,
                       const Exchange &exchange) const;
    void signedContent(const QString &id, const QString &variant, const QHttpServerRequest &request,
                       const ExchangePtr &exchange);
    Reply control(const QString &name, const QHttpServerRequest &request);

    Job *findJob(const QString &id);
    Job &addJob(const CreateParams &params, const QString &remixedFrom);
    void applyJobFault(Job &job, const FaultRule &rule);
    JobView view(const Job &job) const;
    QJsonObject videoJson(const Job &job, bool justCreated = false) const;
    emulator::ApiError notFoundError(const QString &id) const;

    void processTransitions();
    void sendWebhook(const Job &job, const QString &type);
    bool ensureRedirectListener();
    QByteArray signature(const QString &id, const QString &variant, qint64 expires) const;
    QString signedUrl(const QString &id, const QString &variant) const;
    void applyConfig(const EmulatorConfig &config);
    void resetAll();

    SoraEmulator *q;
    EmulatorConfig config;
    QHttpServer server;
    QHostAddress address = QHostAddress::LocalHost;
    quint16 port = 0;
    QTcpServer *redirectServer = nullptr;
    QString redirectListenHost;
    std::unique_ptr<EmulatorClock> ownClock;
    EmulatorClock *clock = nullptr;
    ContentStore contents;
    QNetworkAccessManager network;
    QTimer transitionTimer;
    QByteArray urlSecret = emulator::randomHex(32);

    QHash<QString, Job> jobs;
    QList<QString> order; // ids by creation
    QList<QString> pending; // ids whose completion or failure was not yet observed
    qint64 nextSequence = 1;
    qint64 nextLogSequence = 1;

    QList<FaultRule> faults;
    QList<RequestLogEntry> log;
    QJsonArray webhookDeliveries;
    int createdJobs = 0;
};
