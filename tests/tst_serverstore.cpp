// The REST server and its store: changes made by other processes show in /status within a
// second (SQLite and PostgreSQL), a cached status never waits on a locked PostgreSQL table, the
// metrics follow requests and jobs, idle keep-alive connections are closed, and the OpenAPI
// document names the admin routes' refusals. Real processes, real stores, real sockets.
#include "appcontext.h"
#include "logfile.h"
#include "restserver.h"
#include "runstatuscache.h"
#include "storefixture.h"
#include "videocontroller.h"

#include <QElapsedTimer>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QRegularExpression>
#include <QSettings>
#include <QSignalSpy>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QStandardPaths>
#include <QTcpSocket>
#include <QTest>
#include <QThread>

#include <algorithm>

namespace {

const QByteArray kPassword = QByteArrayLiteral("test-password-not-secret");

QString cli()
{
    return qEnvironmentVariable("DRILLSTUDIO_CLI");
}

void writeSettings(const StoreFixture &fixture, const QString &backend,
                   const QList<QPair<QString, QVariant>> &more = {})
{
    QSettings settings(fixture.dir() + QStringLiteral("/settings.ini"), QSettings::IniFormat);
    settings.setValue(QStringLiteral("settingsVersion"), 1);
    if (backend == QLatin1String("postgresql")) {
        settings.setValue(QStringLiteral("store/backend"), QStringLiteral("postgresql"));
        settings.setValue(QStringLiteral("store/postgresUrl"),
                          fixture.config().postgresUrl.toString());
    }
    for (const auto &[key, value] : more)
        settings.setValue(key, value);
}

// Runs the command line on the data folder to its end; its output when it failed.
QString runCli(const QString &dataDir, const QStringList &arguments)
{
    QProcess process;
    process.start(cli(), QStringList {QStringLiteral("--data-dir"), dataDir} + arguments);
    if (!process.waitForFinished(120000))
        return QStringLiteral("did not finish");
    if (process.exitStatus() != QProcess::NormalExit || process.exitCode() != 0)
        return QString::fromUtf8(process.readAllStandardError());
    return {};
}

// One HTTP/1.1 GET on a kept-alive connection, read to the end of its Content-Length.
class Client
{
public:
    explicit Client(quint16 port)
        : m_port(port)
    { }

    QByteArray get(const QByteArray &path, int *status = nullptr)
    {
        if (m_socket.state() != QAbstractSocket::ConnectedState) {
            m_socket.connectToHost(QHostAddress::LocalHost, m_port);
            if (!m_socket.waitForConnected(5000))
                return {};
        }
        m_socket.write("GET " + path + " HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n");
        qsizetype end = -1;
        while ((end = m_buffer.indexOf("\r\n\r\n")) < 0) {
            if (!m_socket.waitForReadyRead(10000))
                return {};
            m_buffer += m_socket.readAll();
        }
        static const QRegularExpression length(QStringLiteral("\r\ncontent-length: *(\\d+)"),
                                               QRegularExpression::CaseInsensitiveOption);
        const auto match = length.match(QString::fromLatin1(m_buffer.left(end + 2)));
        const qsizetype size = match.hasMatch() ? match.captured(1).toLongLong() : 0;
        while (m_buffer.size() < end + 4 + size) {
            if (!m_socket.waitForReadyRead(10000))
                return {};
            m_buffer += m_socket.readAll();
        }
        if (status)
            *status = m_buffer.mid(9, 3).toInt();
        const QByteArray body = m_buffer.mid(end + 4, size);
        m_buffer.remove(0, end + 4 + size);
        return body;
    }

private:
    quint16 m_port;
    QTcpSocket m_socket;
    QByteArray m_buffer;
};

// `drillstudio serve` on the data folder, on a free port.
class ServeProcess
{
public:
    bool start(const QString &dataDir)
    {
        m_process.start(cli(),
                        {QStringLiteral("serve"), QStringLiteral("--port"), QStringLiteral("0"),
                         QStringLiteral("--data-dir"), dataDir});
        if (!m_process.waitForReadyRead(30000))
            return false;
        m_port = quint16(
                QUrl(QString::fromUtf8(m_process.readLine()).trimmed().section(u' ', 2)).port());
        return m_port != 0;
    }
    ~ServeProcess()
    {
        m_process.terminate();
        if (!m_process.waitForFinished(15000))
            m_process.kill();
        m_process.waitForFinished();
    }
    quint16 port() const { return m_port; }
    QByteArray errors() { return m_process.readAllStandardError(); }

private:
    QProcess m_process;
    quint16 m_port = 0;
};

QString generationStatus(const QByteArray &body)
{
    const QJsonObject json = QJsonDocument::fromJson(body).object();
    return json.value(QStringLiteral("generation_status")).toString();
}

// The value of one sample line of a Prometheus text exposition; -1 when absent.
double sample(const QByteArray &metrics, const QByteArray &name)
{
    for (const QByteArray &line : metrics.split('\n')) {
        if (line.startsWith(QByteArray(name + ' ')))
            return line.mid(name.size() + 1).toDouble();
    }
    return -1;
}

} // namespace

class TestServerStore : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void otherProcessChangesShowWithinASecond_data();
    void otherProcessChangesShowWithinASecond();
    void cachedStatusDoesNotWaitForALockedStore();
    void metricsFollowRequestsAndJobs();
    void idleKeepAliveConnectionIsClosed();
    void openApiNamesAdminRefusals();

private:
    // An in-process server on the fixture's data folder (SQLite).
    bool startInProcess(StoreFixture &fixture);
    std::unique_ptr<AppContext> m_context;
    std::unique_ptr<RestServer> m_server;

private Q_SLOTS:
    void cleanup()
    {
        m_server.reset();
        m_context.reset();
        LogFile::uninstall();
        qunsetenv("DRILLSTUDIO_GENERATION_PASSWORD");
    }
};

bool TestServerStore::startInProcess(StoreFixture &fixture)
{
    m_context = std::make_unique<AppContext>();
    AppContext::Options options;
    options.dataDir = fixture.dir();
    LogFile::setQuietStderr(true);
    if (!m_context->open(options))
        return false;
    m_server = std::make_unique<RestServer>(m_context.get());
    return m_server->listen(QHostAddress::LocalHost, 0);
}

void TestServerStore::otherProcessChangesShowWithinASecond_data()
{
    StoreFixture::addBackendRows();
}

void TestServerStore::otherProcessChangesShowWithinASecond()
{
    QFETCH(QString, backend);
    StoreFixture fixture;
    PREPARE_STORE(fixture, backend);
    writeSettings(fixture, backend);
    const QString generate = runCli(
            fixture.dir(),
            {QStringLiteral("generate"), QStringLiteral("--run-id"), QStringLiteral("7"),
             QStringLiteral("--drill"), QStringLiteral("もも上げ 20m×3"), QStringLiteral("--size"),
             QStringLiteral("64x64"), QStringLiteral("--seconds"), QStringLiteral("1")});
    QVERIFY2(generate.isEmpty(), qPrintable(generate));

    ServeProcess serve;
    QVERIFY2(serve.start(fixture.dir()), serve.errors().constData());
    Client client(serve.port());
    QTRY_COMPARE_WITH_TIMEOUT(generationStatus(client.get("/status/7")),
                              QStringLiteral("completed"), 10000);
    QCOMPARE(generationStatus(client.get("/status/8")), QStringLiteral("not_generated"));

    // Another process clears the run: the server answers not_found within a second of its end.
    const QString clear
            = runCli(fixture.dir(),
                     {QStringLiteral("cache"), QStringLiteral("clear"), QStringLiteral("--run-id"),
                      QStringLiteral("7"), QStringLiteral("--yes")});
    QVERIFY2(clear.isEmpty(), qPrintable(clear));
    QTRY_COMPARE_WITH_TIMEOUT(generationStatus(client.get("/status/7")),
                              QStringLiteral("not_generated"), 1000);

    // Another process links a run: it shows as completed within a second too.
    const QString link = runCli(
            fixture.dir(),
            {QStringLiteral("generate"), QStringLiteral("--run-id"), QStringLiteral("8"),
             QStringLiteral("--drill"), QStringLiteral("もも上げ 20m×3"), QStringLiteral("--size"),
             QStringLiteral("64x64"), QStringLiteral("--seconds"), QStringLiteral("1")});
    QVERIFY2(link.isEmpty(), qPrintable(link));
    QTRY_COMPARE_WITH_TIMEOUT(generationStatus(client.get("/status/8")),
                              QStringLiteral("completed"), 1000);
}

void TestServerStore::cachedStatusDoesNotWaitForALockedStore()
{
    const QString backend = QStringLiteral("postgresql");
    StoreFixture fixture;
    PREPARE_STORE(fixture, backend);
    const QString psql = QStandardPaths::findExecutable(QStringLiteral("psql"));
    QVERIFY2(!psql.isEmpty(), "psql is not installed (packaging/setup-debian.sh installs it)");
    writeSettings(fixture, backend);
    const QString generate = runCli(
            fixture.dir(),
            {QStringLiteral("generate"), QStringLiteral("--run-id"), QStringLiteral("7"),
             QStringLiteral("--drill"), QStringLiteral("もも上げ 20m×3"), QStringLiteral("--size"),
             QStringLiteral("64x64"), QStringLiteral("--seconds"), QStringLiteral("1")});
    QVERIFY2(generate.isEmpty(), qPrintable(generate));
    ServeProcess serve;
    QVERIFY2(serve.start(fixture.dir()), serve.errors().constData());
    Client client(serve.port());
    QTRY_COMPARE_WITH_TIMEOUT(generationStatus(client.get("/status/7")),
                              QStringLiteral("completed"), 10000);

    // psql holds both tables for 5 s; a change announced meanwhile sends the server's reader to
    // them (it waits there), and the job queue's poll meets the lock every second.
    const QString url = fixture.config().postgresUrl.toString();
    QProcess holder;
    holder.start(
            psql,
            {QStringLiteral("-q"), QStringLiteral("-v"), QStringLiteral("ON_ERROR_STOP=1"), url});
    QVERIFY(holder.waitForStarted());
    holder.write("BEGIN;\nLOCK TABLE jobs IN ACCESS EXCLUSIVE MODE;\n"
                 "LOCK TABLE runs IN ACCESS EXCLUSIVE MODE;\nSELECT pg_sleep(5);\nCOMMIT;\n");
    holder.closeWriteChannel();
    // Held once PostgreSQL says both locks are granted (psql's own output is buffered).
    const QUrl pg = fixture.config().postgresUrl;
    const QString watcher = QStringLiteral("lock-watcher");
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QPSQL"), watcher);
        db.setHostName(pg.host());
        db.setPort(pg.port(5432));
        db.setUserName(pg.userName());
        db.setDatabaseName(pg.path().mid(1));
        QVERIFY2(db.open(), qPrintable(db.lastError().text()));
        const auto locks = [&db] {
            QSqlQuery q(db);
            q.exec(QStringLiteral("SELECT count(*) FROM pg_locks l JOIN pg_class c ON c.oid = "
                                  "l.relation WHERE c.relname IN ('jobs', 'runs') AND l.mode = "
                                  "'AccessExclusiveLock' AND l.granted"));
            return q.next() ? q.value(0).toInt() : -1;
        };
        QTRY_COMPARE_WITH_TIMEOUT(locks(), 2, 10000);
    }
    QSqlDatabase::removeDatabase(watcher);
    QCOMPARE(holder.state(), QProcess::Running);
    QElapsedTimer held;
    held.start();
    QProcess notify;
    notify.start(psql,
                 {QStringLiteral("-q"), QStringLiteral("-c"),
                  QStringLiteral("NOTIFY drillstudio_store"), url});
    QVERIFY(notify.waitForFinished(10000));
    QCOMPARE(notify.exitCode(), 0);

    // Every answer within 10 ms is the aim; a loaded machine can deschedule any process for
    // longer now and then (the same loop without a lock shows such outliers), so 99 % must be
    // and none may come near the time a wait for the lock would take.
    QList<qint64> times;
    while (held.elapsed() < 4000) {
        QElapsedTimer timer;
        timer.start();
        int status = 0;
        const QByteArray body = client.get("/status/7", &status);
        times << timer.elapsed();
        QCOMPARE(status, 200);
        QCOMPARE(generationStatus(body), QStringLiteral("completed"));
        QVERIFY2(times.last() < 250,
                 qPrintable(QStringLiteral("a status took %1 ms while the store was locked")
                                    .arg(times.last())));
    }
    QVERIFY2(holder.state() == QProcess::Running, "the lock ended before the measurement did");
    QVERIFY(times.size() >= 50);
    const qsizetype slow
            = std::count_if(times.cbegin(), times.cend(), [](qint64 ms) { return ms >= 10; });
    qInfo() << times.size() << "answers while the store was locked;" << slow
            << "took 10 ms or more; slowest" << *std::max_element(times.cbegin(), times.cend())
            << "ms";
    QVERIFY2(slow * 100 <= times.size(), qPrintable(QString::number(slow)));
    QVERIFY(holder.waitForFinished(15000));
    QCOMPARE(holder.exitCode(), 0);
}

void TestServerStore::metricsFollowRequestsAndJobs()
{
    StoreFixture fixture;
    PREPARE_STORE(fixture, QStringLiteral("sqlite"));
    qputenv("DRILLSTUDIO_GENERATION_PASSWORD", kPassword);
    QVERIFY(startInProcess(fixture));
    QTRY_VERIFY(m_server->controller()->runs()->gauges().known);
    // The in-process server answers while the test waits: the client runs on its own thread.
    const auto scrape = [this] {
        QByteArray metrics;
        QThread *thread = QThread::create([&metrics, port = m_server->port()] {
            Client c(port);
            metrics = c.get("/metrics");
        });
        QSignalSpy done(thread, &QThread::finished);
        thread->start();
        done.wait(20000);
        delete thread;
        return metrics;
    };
    const QByteArray statusCount
            = R"(drillstudio_http_requests_total{route="/status/{run_id}",method="GET",status="200"})";
    const QByteArray statusLatency
            = R"(drillstudio_http_request_duration_seconds_count{route="/status/{run_id}"})";
    const QByteArray before = scrape();
    QCOMPARE(sample(before, statusCount), -1.0);
    QCOMPARE(sample(before, R"(drillstudio_jobs{status="completed"})"), 0.0);
    QCOMPARE(sample(before, "drillstudio_cache_bytes"), 0.0);
    QCOMPARE(sample(before, "drillstudio_spent_today_usd"), 0.0);

    QByteArray generated;
    QThread *thread = QThread::create([&generated, port = m_server->port()] {
        QTcpSocket socket;
        socket.connectToHost(QHostAddress::LocalHost, port);
        socket.waitForConnected(5000);
        const QByteArray body = R"({"run_id":5,"drill_text":"もも上げ 20m×3","size":"64x64",)"
                                R"("seconds":1,"password":")"
                + kPassword + "\"}";
        socket.write("POST /generate HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n"
                     "Content-Type: application/json\r\nContent-Length: "
                     + QByteArray::number(body.size()) + "\r\n\r\n" + body);
        while (socket.waitForReadyRead(120000))
            generated += socket.readAll();
        for (int i = 0; i < 3; ++i) {
            Client c(port);
            c.get("/status/5");
        }
    });
    QSignalSpy done(thread, &QThread::finished);
    thread->start();
    QVERIFY(done.wait(180000));
    delete thread;
    QVERIFY2(generated.contains("\"success\""), generated.constData());

    QTRY_COMPARE_WITH_TIMEOUT(sample(scrape(), R"(drillstudio_jobs{status="completed"})"), 1.0,
                              5000);
    const QByteArray after = scrape();
    QCOMPARE(sample(after, statusCount), 3.0);
    QCOMPARE(sample(after, statusLatency), 3.0);
    QVERIFY(sample(after,
                   R"(drillstudio_http_request_duration_seconds_bucket{route="/status/{run_id}",le="+Inf"})")
            == 3.0);
    QCOMPARE(
            sample(after,
                   R"(drillstudio_http_requests_total{route="/generate",method="POST",status="200"})"),
            1.0);
    QCOMPARE(sample(after, R"(drillstudio_jobs_finished_total{outcome="completed"})"), 1.0);
    QVERIFY(sample(after, "drillstudio_cache_bytes") > 1000);
    QCOMPARE(sample(after, "drillstudio_spent_today_usd"), 0.0); // the local renderer is free
}

void TestServerStore::idleKeepAliveConnectionIsClosed()
{
    StoreFixture fixture;
    PREPARE_STORE(fixture, QStringLiteral("sqlite"));
    writeSettings(fixture, QStringLiteral("sqlite"),
                  {{QStringLiteral("server/idleTimeoutSeconds"), 1}});
    QVERIFY(startInProcess(fixture));
    QTcpSocket socket;
    QSignalSpy disconnected(&socket, &QTcpSocket::disconnected);
    socket.connectToHost(QHostAddress::LocalHost, m_server->port());
    QVERIFY(socket.waitForConnected(5000));
    socket.write("GET / HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n");
    QTRY_VERIFY(socket.bytesAvailable() > 0 && socket.peek(4096).contains("healthy"));
    QElapsedTimer idle;
    idle.start();
    QCOMPARE(socket.state(), QAbstractSocket::ConnectedState); // kept alive after the answer
    QVERIFY(disconnected.wait(5000));
    QVERIFY2(idle.elapsed() >= 900, qPrintable(QString::number(idle.elapsed())));
}

void TestServerStore::openApiNamesAdminRefusals()
{
    StoreFixture fixture;
    PREPARE_STORE(fixture, QStringLiteral("sqlite"));
    QVERIFY(startInProcess(fixture));
    QByteArray document;
    QThread *thread = QThread::create([&document, port = m_server->port()] {
        Client c(port);
        document = c.get("/openapi.json");
    });
    QSignalSpy done(thread, &QThread::finished);
    thread->start();
    QVERIFY(done.wait(20000));
    delete thread;
    const QJsonObject paths
            = QJsonDocument::fromJson(document).object().value(QStringLiteral("paths")).toObject();
    const QList<QPair<QString, QString>> adminRoutes {
            {QStringLiteral("/cache/{run_id}"), QStringLiteral("delete")},
            {QStringLiteral("/metrics"), QStringLiteral("get")}};
    for (const auto &[path, method] : adminRoutes) {
        const QJsonObject operation = paths.value(path).toObject().value(method).toObject();
        const QJsonObject responses = operation.value(QStringLiteral("responses")).toObject();
        for (const QString &status :
             {QStringLiteral("401"), QStringLiteral("403"), QStringLiteral("503")})
            QVERIFY2(responses.contains(status), qPrintable(path + QLatin1Char(' ') + status));
        QVERIFY2(!operation.value(QStringLiteral("security")).toArray().isEmpty(),
                 qPrintable(path));
    }
    // Public routes need no credentials.
    QVERIFY(!paths.value(QStringLiteral("/status/{run_id}"))
                     .toObject()
                     .value(QStringLiteral("get"))
                     .toObject()
                     .value(QStringLiteral("responses"))
                     .toObject()
                     .contains(QStringLiteral("401")));
}

QTEST_MAIN(TestServerStore)
#include "tst_serverstore.moc"
