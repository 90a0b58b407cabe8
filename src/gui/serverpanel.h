#pragma once
// Starts and stops the REST server inside the application (the same one "drillstudio serve"
// runs): address, port, the URL to copy, the password state, and whether it starts with the
// application.
#include <QWidget>

#include <memory>

namespace Ui {
class ServerPanel;
}
class AppContext;
class RequestLogModel;
class RestServer;

class ServerPanel final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ServerPanel)

public:
    explicit ServerPanel(AppContext *context, QWidget *parent = nullptr);
    ~ServerPanel() override;

    // Starts with the address and port in the form; false with the reason shown.
    bool start();
    void stop();
    bool isRunning() const { return m_server != nullptr; }
    QString url() const;
    // The /demo page of the running server (empty while stopped).
    QString demoUrl() const;
    RequestLogModel *requestLog() const { return m_log; }
    // Whether the application starts the server when it opens (kept in settings.ini).
    bool startsWithApplication() const;

Q_SIGNALS:
    void runningChanged(bool running);

private:
    void toggle();
    void updateState();
    void retranslate();

protected:
    void changeEvent(QEvent *event) override;

private:
    std::unique_ptr<Ui::ServerPanel> ui;
    AppContext *m_context;
    RestServer *m_server = nullptr; // child while running
    RequestLogModel *m_log;
};
