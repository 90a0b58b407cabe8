// "serve": the REST server of the old video_generation contract; also works on the job queue.
#include "commands.h"

#include "admingate.h"
#include "appcontext.h"
#include "cliutil.h"
#include "passwordgate.h"
#include "restserver.h"
#include "settings.h"
#include "videocontroller.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QHostAddress>
#include <QTextStream>

namespace Cli {

namespace {

// The number of listening sockets systemd handed to this process (0: none; negative: more than
// one, which serve does not take). The variables are removed so that no child inherits them.
int socketsFromServiceManager()
{
    const QByteArray pid = qgetenv("LISTEN_PID");
    const QByteArray fds = qgetenv("LISTEN_FDS");
    qunsetenv("LISTEN_PID");
    qunsetenv("LISTEN_FDS");
    qunsetenv("LISTEN_FDNAMES");
    bool ok = false;
    if (pid.isEmpty() || pid.toLongLong(&ok) != QCoreApplication::applicationPid() || !ok)
        return 0;
    const int count = fds.toInt(&ok);
    if (!ok || count <= 0)
        return 0;
    return count == 1 ? 1 : -count;
}

} // namespace

int serve(const QStringList &arguments)
{
    QCommandLineParser parser;
    addCommon(parser);
    const QCommandLineOption host(QStringLiteral("host"),
                                  Text::tr("Address to listen on (default: server/host, "
                                           "127.0.0.1)."),
                                  Text::tr("address"));
    const QCommandLineOption port(QStringLiteral("port"),
                                  Text::tr("Port to listen on; 0 picks a free one (default: "
                                           "server/port, 8006)."),
                                  Text::tr("n"));
    const QCommandLineOption hashSecret(
            QStringLiteral("hash-secret"),
            Text::tr("Read a secret (admin password or API key) from standard input, print its "
                     "salted hash for server/adminPasswordHash or server/apiKeyHash, and exit."));
    parser.addOptions({host, port, hashSecret});
    if (!parser.parse(arguments))
        return fail(parser.errorText(), Cli::BadInput);
    if (parser.isSet(QStringLiteral("help")))
        parser.showHelp(Cli::Ok);
    if (parser.isSet(hashSecret)) {
        // From standard input, never the command line: arguments show in ps and shell history.
        QTextStream in(stdin);
        const QString secret = in.readLine(4096);
        if (secret.trimmed().size() < 8)
            return fail(Text::tr("Give a secret of at least 8 characters on standard input."),
                        Cli::BadInput);
        out() << AdminGate::hashSecret(secret.toUtf8()) << Qt::endl;
        return Cli::Ok;
    }

    std::optional<quint16> portNumber;
    if (parser.isSet(port)) {
        bool ok = false;
        const uint value = parser.value(port).trimmed().toUInt(&ok);
        if (!ok || value > 65535)
            return fail(Text::tr("--port must be a whole number from 0 to 65535, not \"%1\".")
                                .arg(parser.value(port)),
                        Cli::BadInput);
        portNumber = quint16(value);
    }
    std::optional<QHostAddress> address;
    const auto parseHost = [](const QString &text) -> std::optional<QHostAddress> {
        const QString trimmed = text.trimmed();
        if (trimmed == QLatin1String("localhost"))
            return QHostAddress(QHostAddress::LocalHost);
        QHostAddress parsed;
        if (!parsed.setAddress(trimmed))
            return std::nullopt;
        return parsed;
    };
    if (parser.isSet(host)) {
        address = parseHost(parser.value(host));
        if (!address)
            return fail(Text::tr("--host must be an IP address such as 127.0.0.1 or ::1, not "
                                 "\"%1\".")
                                .arg(parser.value(host)),
                        Cli::BadInput);
    }

    AppContext context;
    AppContext::Options options;
    options.dataDir = parser.value(QStringLiteral("data-dir"));
    options.claimForeignJobs = true;
    if (!context.open(options))
        return fail(context.errorString());
    for (const QString &problem : context.settings()->problems())
        err() << Text::tr("warning: %1").arg(problem) << Qt::endl;
    if (!address) {
        address = parseHost(context.settings()->string("server/host"));
        if (!address)
            return fail(Text::tr("server/host must be an IP address such as 127.0.0.1, not "
                                 "\"%1\".")
                                .arg(context.settings()->string("server/host")),
                        Cli::BadInput);
    }
    if (!portNumber)
        portNumber = quint16(context.settings()->integer("server/port"));

    RestServer server(&context);
    // systemd socket activation (sd_listen_fds(3)): the listening socket is descriptor 3, and
    // --host/--port/server/host/server/port are the socket unit's business.
    const int handedOver = socketsFromServiceManager();
    if (handedOver < 0)
        return fail(Text::tr("The service manager handed over %1 sockets; drillstudio serve takes "
                             "one (a single ListenStream= in the socket unit).")
                            .arg(-handedOver));
    if (handedOver == 1) {
        if (!server.listenOnDescriptor(3))
            return fail(server.errorString());
        address = server.address();
    } else if (!server.listen(*address, *portNumber)) {
        if (server.socketError() == QAbstractSocket::AddressInUseError)
            return fail(Text::tr("Port %1 on %2 is already in use. Stop the other server or "
                                 "choose another port with --port.")
                                .arg(*portNumber)
                                .arg(address->toString()));
        return fail(Text::tr("Cannot listen on %1 port %2: %3")
                            .arg(address->toString())
                            .arg(*portNumber)
                            .arg(server.errorString()));
    }
    const QString shownHost = server.address().protocol() == QAbstractSocket::IPv6Protocol
            ? QStringLiteral("[%1]").arg(server.address().toString())
            : server.address().toString();
    // The first line of standard output, for scripts and tests that started the server.
    out() << QStringLiteral("listening on http://%1:%2").arg(shownHost).arg(server.port())
          << Qt::endl;
    if (!server.controller()->passwordGate().isConfigured())
        err() << PasswordGate::notConfiguredMessage() << Qt::endl;
    if (!address->isLoopback())
        err() << Text::tr("warning: the server is reachable from other machines on %1.")
                         .arg(address->toString())
              << Qt::endl;
    return QCoreApplication::exec();
}

} // namespace Cli
