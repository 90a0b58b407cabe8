#include "soraemulator_p.h"

#include <QMessageAuthenticationCode>
#include <QRandomGenerator>
#include <QUrlQuery>

namespace emulator {

QByteArray randomHex(int bytes)
{
    QByteArray data(bytes, Qt::Uninitialized);
    for (char &byte : data)
        byte = char(QRandomGenerator::global()->bounded(256));
    return data.toHex();
}

QByteArray headerValue(const QHttpServerRequest &request, const QByteArray &name)
{
    const auto headers = request.headers();
    for (const auto &[key, value] : headers) {
        if (key.compare(name, Qt::CaseInsensitive) == 0)
            return value;
    }
    return {};
}

QByteArray joinedHeaderValues(const QHttpServerRequest &request, const QByteArray &name)
{
    QByteArrayList values;
    const auto headers = request.headers();
    for (const auto &[key, value] : headers) {
        if (key.compare(name, Qt::CaseInsensitive) == 0)
            values << value;
    }
    return values.join(',');
}

QString methodName(Method method)
{
    switch (method) {
    case Method::Get:
        return QStringLiteral("GET");
    case Method::Put:
        return QStringLiteral("PUT");
    case Method::Delete:
        return QStringLiteral("DELETE");
    case Method::Post:
        return QStringLiteral("POST");
    case Method::Head:
        return QStringLiteral("HEAD");
    case Method::Options:
        return QStringLiteral("OPTIONS");
    case Method::Patch:
        return QStringLiteral("PATCH");
    default:
        break;
    }
    return QStringLiteral("OTHER");
}

} // namespace emulator

using namespace emulator;

QJsonObject RequestLogEntry::toJson() const
{
    return QJsonObject {
            {QStringLiteral("sequence"), sequence},
            {QStringLiteral("method"), method},
            {QStringLiteral("path"), path},
            {QStringLiteral("query"), query},
            {QStringLiteral("endpoint"), endpoint},
            {QStringLiteral("video_id"), videoId.isEmpty() ? QJsonValue() : QJsonValue(videoId)},
            {QStringLiteral("status"), status},
            {QStringLiteral("fault"), fault.isEmpty() ? QJsonValue() : QJsonValue(fault)},
            {QStringLiteral("delivered"), delivered},
            {QStringLiteral("authorization"), authorization},
            {QStringLiteral("range"), range.isEmpty() ? QJsonValue() : QJsonValue(range)},
            {QStringLiteral("if_range"), ifRange.isEmpty() ? QJsonValue() : QJsonValue(ifRange)},
            {QStringLiteral("bytes_sent"), bytesSent},
            {QStringLiteral("request_id"), QString::fromLatin1(requestId)},
            {QStringLiteral("time"), time.toString(Qt::ISODateWithMs)},
            {QStringLiteral("clock_ms"), clockMs},
    };
}

SoraEmulator::Private::Private(SoraEmulator *owner, const EmulatorConfig &initial)
    : q(owner)
    , config(initial)
    , contents(initial.contentDir)
{
    applyConfig(initial);
    transitionTimer.setSingleShot(true);
    QObject::connect(&transitionTimer, &QTimer::timeout, q, [this] { processTransitions(); });
    setUpRoutes();
}

void SoraEmulator::Private::applyConfig(const EmulatorConfig &next)
{
    const bool clockChanged = !clock || next.clock != config.clock || !ownClock;
    config = next;
    if (config.webhookSecret.isEmpty()) {
        QByteArray key(24, Qt::Uninitialized);
        QRandomGenerator::system()->fillRange(reinterpret_cast<quint32 *>(key.data()),
                                              key.size() / 4);
        config.webhookSecret = QStringLiteral("whsec_") + QString::fromLatin1(key.toBase64());
    }
    if (clockChanged && (!clock || clock == ownClock.get())) {
        if (config.clock == u"manual")
            ownClock = std::make_unique<ManualEmulatorClock>();
        else
            ownClock = std::make_unique<SystemEmulatorClock>();
        clock = ownClock.get();
    }
    contents.setTiny(config.tinyContent);
    contents.setShared(config.sharedContent);
    if (port)
        ensureRedirectListener();
}

void SoraEmulator::Private::resetAll()
{
    jobs.clear();
    order.clear();
    pending.clear();
    faults.clear();
    log.clear();
    webhookDeliveries = QJsonArray();
    createdJobs = 0;
    transitionTimer.stop();
}

QByteArray SoraEmulator::Private::signature(const QString &id, const QString &variant,
                                            qint64 expires) const
{
    const QByteArray message
            = id.toUtf8() + '|' + variant.toUtf8() + '|' + QByteArray::number(expires);
    return QMessageAuthenticationCode::hash(message, urlSecret, QCryptographicHash::Sha256).toHex();
}

QString SoraEmulator::Private::signedUrl(const QString &id, const QString &variant) const
{
    const qint64 expires = clock->nowMs() / 1000 + config.signedUrlTtlSeconds;
    QString host = address.toString();
    quint16 urlPort = port;
    if (redirectServer && redirectServer->isListening()) {
        host = redirectServer->serverAddress().toString();
        urlPort = redirectServer->serverPort();
    }
    QUrl url;
    url.setScheme(QStringLiteral("http"));
    url.setHost(host);
    url.setPort(urlPort);
    url.setPath(QStringLiteral("/signed/%1/%2").arg(id, variant));
    QUrlQuery query;
    query.addQueryItem(QStringLiteral("expires"), QString::number(expires));
    query.addQueryItem(QStringLiteral("signature"),
                       QString::fromLatin1(signature(id, variant, expires)));
    url.setQuery(query);
    return url.toString(QUrl::FullyEncoded);
}

bool SoraEmulator::Private::ensureRedirectListener()
{
    if (config.redirectHost.isEmpty() || config.redirectHost == redirectListenHost)
        return true;
    const QHostAddress host(config.redirectHost);
    if (!host.isLoopback() || host == address)
        return true;
    auto *tcp = new QTcpServer;
    if (!tcp->listen(host, 0)) {
        delete tcp;
        return false;
    }
    server.bind(tcp);
    redirectServer = tcp;
    redirectListenHost = config.redirectHost;
    return true;
}

SoraEmulator::SoraEmulator(const EmulatorConfig &config, QObject *parent)
    : QObject(parent)
    , d(std::make_unique<Private>(this, config))
{ }

SoraEmulator::~SoraEmulator() = default;

quint16 SoraEmulator::listen(const QHostAddress &address, quint16 port)
{
    d->address = address;
    d->port = d->server.listen(address, port);
    if (d->port && !d->ensureRedirectListener())
        qWarning("sora-emulator: cannot listen on redirect host %s",
                 qPrintable(d->config.redirectHost));
    return d->port;
}

quint16 SoraEmulator::port() const
{
    return d->port;
}

QString SoraEmulator::baseUrl() const
{
    QString host = d->address.toString();
    if (d->address.protocol() == QAbstractSocket::IPv6Protocol)
        host = u'[' + host + u']';
    return QStringLiteral("http://%1:%2/v1").arg(host).arg(d->port);
}

EmulatorConfig SoraEmulator::config() const
{
    return d->config;
}

bool SoraEmulator::setConfig(const EmulatorConfig &config, QString *error)
{
    if (!config.redirectHost.isEmpty() && !QHostAddress(config.redirectHost).isLoopback()) {
        if (error)
            *error = QStringLiteral("the redirect host must be a loopback address");
        return false;
    }
    d->applyConfig(config);
    return true;
}

void SoraEmulator::setClock(EmulatorClock *clock)
{
    d->clock = clock ? clock : d->ownClock.get();
    d->processTransitions();
}

qint64 SoraEmulator::nowMs() const
{
    return d->clock->nowMs();
}

bool SoraEmulator::advanceClock(qint64 ms)
{
    if (!d->clock->isManual())
        return false;
    d->clock->advance(ms);
    d->processTransitions();
    return true;
}

void SoraEmulator::addFault(const FaultRule &rule)
{
    d->faults.append(rule);
}

void SoraEmulator::clearFaults()
{
    d->faults.clear();
}

QList<FaultRule> SoraEmulator::faults() const
{
    return d->faults;
}

QList<RequestLogEntry> SoraEmulator::requestLog() const
{
    return d->log;
}

void SoraEmulator::clearRequestLog()
{
    d->log.clear();
}

int SoraEmulator::createdJobCount() const
{
    return d->createdJobs;
}

int SoraEmulator::createRequestCount() const
{
    return int(std::count_if(d->log.cbegin(), d->log.cend(), [](const RequestLogEntry &entry) {
        return entry.endpoint == u"create";
    }));
}

int SoraEmulator::jobCount() const
{
    return int(d->jobs.size());
}

void SoraEmulator::reset()
{
    d->resetAll();
}

QJsonArray SoraEmulator::webhookDeliveries() const
{
    return d->webhookDeliveries;
}
