#include "serverpanel.h"

#include "appcontext.h"
#include "passwordgate.h"
#include "requestlogmodel.h"
#include "restserver.h"
#include "settings.h"
#include "ui_serverpanel.h"
#include "videocontroller.h"

#include <QClipboard>
#include <QEvent>
#include <QGuiApplication>
#include <QHeaderView>
#include <QHostAddress>
#include <QSettings>

namespace {

// Not a key of the settings table: only the window reads it.
constexpr char kStartKey[] = "window/startServer";

} // namespace

ServerPanel::ServerPanel(AppContext *context, QWidget *parent)
    : QWidget(parent)
    , ui(std::make_unique<Ui::ServerPanel>())
    , m_context(context)
    , m_log(new RequestLogModel(200, this))
{
    ui->setupUi(this);
    ui->requestLogView->setModel(m_log);
    ui->requestLogView->verticalHeader()->hide();
    ui->requestLogView->horizontalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    ui->requestLogView->horizontalHeader()->setSectionResizeMode(RequestLogModel::PathColumn,
                                                                 QHeaderView::Stretch);
    Settings *settings = context->settings();
    ui->hostEdit->setText(settings->string("server/host"));
    ui->portSpin->setValue(int(settings->integer("server/port")));
    retranslate();
    ui->startWithAppCheck->setChecked(startsWithApplication());
    connect(ui->startButton, &QPushButton::clicked, this, &ServerPanel::toggle);
    connect(ui->copyUrlButton, &QPushButton::clicked, this,
            [this] { QGuiApplication::clipboard()->setText(url()); });
    connect(ui->startWithAppCheck, &QCheckBox::toggled, this, [this](bool on) {
        QSettings(m_context->settings()->filePath(), QSettings::IniFormat)
                .setValue(QLatin1String(kStartKey), on);
    });
    updateState();
}

ServerPanel::~ServerPanel()
{
    // Quietly: the window that listens is being torn down too.
    delete m_server;
}

void ServerPanel::retranslate()
{
    ui->hostEdit->setAccessibleName(tr("Server address"));
    ui->portSpin->setAccessibleName(tr("Server port"));
    ui->urlEdit->setAccessibleName(tr("Server URL"));
    ui->demoUrlEdit->setAccessibleName(tr("Demo page URL"));
    ui->requestLogView->setAccessibleName(tr("Latest requests"));
}

void ServerPanel::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange) {
        ui->retranslateUi(this);
        retranslate();
        updateState();
    }
    QWidget::changeEvent(event);
}

QString ServerPanel::demoUrl() const
{
    const QString base = url();
    return base.isEmpty() ? QString() : base + QStringLiteral("demo");
}

bool ServerPanel::startsWithApplication() const
{
    return QSettings(m_context->settings()->filePath(), QSettings::IniFormat)
            .value(QLatin1String(kStartKey), false)
            .toBool();
}

QString ServerPanel::url() const
{
    if (!m_server)
        return {};
    const QHostAddress address = m_server->address();
    const QString host = address.protocol() == QAbstractSocket::IPv6Protocol
            ? QStringLiteral("[%1]").arg(address.toString())
            : address.toString();
    return QStringLiteral("http://%1:%2/").arg(host).arg(m_server->port());
}

bool ServerPanel::start()
{
    if (m_server)
        return true;
    QHostAddress address;
    const QString host = ui->hostEdit->text().trimmed();
    if (host == QLatin1String("localhost"))
        address = QHostAddress::LocalHost;
    else if (!address.setAddress(host.isEmpty() ? QStringLiteral("127.0.0.1") : host)) {
        ui->statusLabel->setText(
                tr("\"%1\" is not an IP address; use one such as 127.0.0.1.").arg(host));
        return false;
    }
    auto *server = new RestServer(m_context, this);
    const quint16 port = quint16(ui->portSpin->value());
    if (!server->listen(address, port)) {
        ui->statusLabel->setText(
                server->socketError() == QAbstractSocket::AddressInUseError
                        ? tr("Port %1 is already in use. Stop the other server or choose "
                             "another port.")
                                  .arg(port)
                        : tr("The server cannot listen on %1 port %2: %3")
                                  .arg(address.toString())
                                  .arg(port)
                                  .arg(server->errorString()));
        delete server;
        return false;
    }
    m_server = server;
    connect(server, &RestServer::requestServed, m_log, &RequestLogModel::add);
    updateState();
    Q_EMIT runningChanged(true);
    return true;
}

void ServerPanel::stop()
{
    if (!m_server)
        return;
    delete m_server;
    m_server = nullptr;
    updateState();
    Q_EMIT runningChanged(false);
}

void ServerPanel::toggle()
{
    if (m_server)
        stop();
    else
        start();
}

void ServerPanel::updateState()
{
    const bool running = m_server != nullptr;
    ui->startButton->setText(running ? tr("&Stop server") : tr("&Start server"));
    ui->hostEdit->setEnabled(!running);
    ui->portSpin->setEnabled(!running);
    ui->copyUrlButton->setEnabled(running);
    ui->urlEdit->setText(url());
    ui->demoUrlEdit->setText(demoUrl());
    ui->demoUrlEdit->setPlaceholderText(running ? QString() : tr("shown when the server runs"));
    if (running) {
        ui->statusLabel->setText(
                tr("Listening. The web frontend calls %1generate; the old gateway path "
                   "%1api/video-generation/ works too.")
                        .arg(url()));
        ui->passwordLabel->setText(m_server->controller()->passwordGate().isConfigured()
                                           ? tr("set: POST /generate asks for it")
                                           : PasswordGate::notConfiguredMessage());
    } else {
        ui->statusLabel->setText(tr("Stopped."));
        ui->passwordLabel->setText(tr("shown when the server runs"));
    }
}
