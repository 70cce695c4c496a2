// The real `spoke-hub serve` on 127.0.0.1: HTTP through QNetworkAccessManager,
// an event WebSocket that hears about a write, /healthz, /metrics, the
// request log, and a clean stop on SIGTERM.

#include "api_test_support.h"

#include "support/TempDir.h"

#include <QEventLoop>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QProcess>
#include <QSslCertificate>
#include <QSslError>
#include <QTimer>
#include <QWebSocket>

#include <chrono>

using namespace spoke::test;
using spoke::hub::Role;

namespace {

constexpr int kTimeoutMs = 15'000;

struct Reply {
    int status = 0;
    QByteArray body;
    QString error;
    QJsonObject json() const { return QJsonDocument::fromJson(body).object(); }
};

// Runs the event loop until `done` or the time is up.
bool waitFor(const std::function<bool()>& done, int timeoutMs = kTimeoutMs)
{
    QEventLoop loop;
    QTimer tick;
    QObject::connect(&tick, &QTimer::timeout, &loop, [&] {
        if (done())
            loop.quit();
    });
    tick.start(5);
    QTimer::singleShot(timeoutMs, &loop, &QEventLoop::quit);
    if (!done())
        loop.exec();
    return done();
}

class RunningHub {
public:
    explicit RunningHub(const QStringList& args)
    {
        process_.setProgram(QStringLiteral(SPOKE_HUB_PATH));
        process_.setArguments(QStringList{QStringLiteral("serve")} + args);
        process_.start();
    }
    ~RunningHub()
    {
        if (process_.state() != QProcess::NotRunning) {
            process_.kill();
            process_.waitForFinished(kTimeoutMs);
        }
    }

    // The URL from the one JSON line `serve` prints when it listens.
    QString waitUntilListening()
    {
        waitFor([&] { return process_.canReadLine() || process_.state() == QProcess::NotRunning; });
        const QJsonObject line = QJsonDocument::fromJson(process_.readLine()).object();
        if (line.value(QStringLiteral("event")).toString() != QLatin1String("listening"))
            return {};
        return line.value(QStringLiteral("url")).toString();
    }

    Reply request(const QByteArray& method, const QString& path, const QString& token = {}, const QByteArray& body = {},
                  const QByteArray& idempotencyKey = {})
    {
        QNetworkRequest request(QUrl(url + path));
        request.setHeader(QNetworkRequest::ContentTypeHeader, QByteArrayLiteral("application/json"));
        if (!token.isEmpty())
            request.setRawHeader("Authorization", "Bearer " + token.toLatin1());
        if (!idempotencyKey.isEmpty())
            request.setRawHeader("Idempotency-Key", idempotencyKey);
        request.setTransferTimeout(kTimeoutMs);
        std::unique_ptr<QNetworkReply> reply(network_.sendCustomRequest(request, method, body));
        if (trusted) // exactly this self-signed certificate, nothing else
            reply->ignoreSslErrors({QSslError(QSslError::SelfSignedCertificate, *trusted)});
        waitFor([&] { return reply->isFinished(); });
        return {reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt(), reply->readAll(),
                reply->errorString()};
    }

    QProcess& process() { return process_; }
    QString url;
    std::optional<QSslCertificate> trusted; // the test's own certificate

private:
    QProcess process_;
    QNetworkAccessManager network_;
};

struct Programme {
    qint64 id = 0;
    QString clinicianCode;
    QString specialistCode;
};

Programme prepareHub(const TempDir& dir)
{
    auto db = spoke::hub::HubDatabase::open(
        spoke::hub::HubDatabaseLocation::sqliteIn(QString::fromStdString(dir.path().string())));
    spoke::hub::Admin admin(*db);
    const qint64 now = QDateTime::currentMSecsSinceEpoch();
    Programme programme;
    programme.id = *admin.addProgramme(QStringLiteral("TB Kenya"), spoke::hub::ProgrammeKind::Tb, now);
    programme.clinicianCode = admin.inviteMember(programme.id, Role::Clinician, now)->code;
    programme.specialistCode = admin.inviteMember(programme.id, Role::Specialist, now)->code;
    return programme;
}

// One more invite into the hub's first programme, written while it runs
// (SQLite in WAL mode takes a second connection).
QString prepareInvite(const TempDir& dir, Role role)
{
    auto db = spoke::hub::HubDatabase::open(
        spoke::hub::HubDatabaseLocation::sqliteIn(QString::fromStdString(dir.path().string())));
    return spoke::hub::Admin(*db).inviteMember(1, role, QDateTime::currentMSecsSinceEpoch())->code;
}

QString redeem(RunningHub& hub, const QString& code, const QString& name)
{
    const Reply reply = hub.request("POST", QStringLiteral("/api/v1/invites/redeem"), {},
                                    ApiHub::json({{"code", code},
                                                  {"email", name.toLower() + QStringLiteral("@clinic.example")},
                                                  {"name", name},
                                                  {"password", QStringLiteral("correct horse battery")}}));
    REQUIRE(reply.status == 201);
    return reply.json().value(QStringLiteral("token")).toString();
}

} // namespace

TEST_CASE("server: spoke-hub serve answers HTTP, pushes an event after a write, and stops on SIGTERM",
          "[hub][api][server]")
{
    TempDir dir;
    const Programme programme = prepareHub(dir);
    RunningHub hub({QStringLiteral("--data-dir"), QString::fromStdString(dir.path().string()),
                    QStringLiteral("--listen"), QStringLiteral("127.0.0.1:0")});
    hub.url = hub.waitUntilListening();
    REQUIRE(hub.url.startsWith(QLatin1String("http://127.0.0.1:")));

    const Reply health = hub.request("GET", QStringLiteral("/healthz"));
    CHECK(health.status == 200);
    CHECK(health.json() == QJsonObject{{"status", "ok"}, {"database", "sqlite"}});
    CHECK(hub.request("GET", QStringLiteral("/api/v1/me")).status == 401);

    const QString clinician = redeem(hub, programme.clinicianCode, QStringLiteral("Achieng"));
    const QString specialist = redeem(hub, programme.specialistCode, QStringLiteral("Specialist"));

    QWebSocket events;
    QList<QJsonObject> received;
    QObject::connect(&events, &QWebSocket::textMessageReceived,
                     [&](const QString& text) { received.append(QJsonDocument::fromJson(text.toUtf8()).object()); });
    QObject::connect(&events, &QWebSocket::connected, [&] {
        events.sendTextMessage(QString::fromUtf8(ApiHub::json({{"token", specialist}})));
    });
    QString wsUrl = hub.url;
    events.open(QUrl(wsUrl.replace(QLatin1String("http://"), QLatin1String("ws://")) + "/api/v1/events"));
    // The first event is the current cursor: the socket is signed in.
    REQUIRE(waitFor([&] { return !received.isEmpty(); }));
    CHECK(received[0].value(QStringLiteral("event")).toString() == QLatin1String("changed"));
    const double firstCursor = received[0].value(QStringLiteral("cursor")).toDouble();

    const Reply submitted = hub.request("POST", QStringLiteral("/api/v1/cases"), clinician,
                                        cleanCase(QStringLiteral("ECHO-TB-X900")), "case:ECHO-TB-X900:rev1");
    REQUIRE(submitted.status == 201);
    REQUIRE(waitFor([&] { return received.size() >= 2; }));
    CHECK(received[1].value(QStringLiteral("event")).toString() == QLatin1String("changed"));
    CHECK(received[1].value(QStringLiteral("cursor")).toDouble() > firstCursor);

    const Reply replayed = hub.request("POST", QStringLiteral("/api/v1/cases"), clinician,
                                       cleanCase(QStringLiteral("ECHO-TB-X900")), "case:ECHO-TB-X900:rev1");
    CHECK(replayed.status == 201);
    CHECK(replayed.body == submitted.body);

    const Reply refused = hub.request("POST", QStringLiteral("/api/v1/cases"), clinician, phiCase());
    CHECK(refused.status == 422);
    const Reply queue = hub.request("GET", QStringLiteral("/api/v1/review/queue"), specialist);
    REQUIRE(queue.status == 200);
    CHECK(queue.json().value(QStringLiteral("cases")).toArray().size() == 1);

    const Reply metrics = hub.request("GET", QStringLiteral("/metrics"));
    REQUIRE(metrics.status == 200);
    CHECK(metrics.body.contains("spoke_hub_requests_total{route=\"/api/v1/cases\",status=\"201\"} 2\n"));
    CHECK(metrics.body.contains("spoke_hub_requests_total{route=\"/api/v1/cases\",status=\"422\"} 1\n"));
    CHECK(metrics.body.contains("spoke_hub_event_sockets 1\n"));
    CHECK(metrics.body.contains("spoke_hub_cases_total{status=\"submitted\"} 1\n"));
    CHECK(metrics.body.contains("spoke_hub_request_seconds_bucket{route=\"/healthz\",le=\"+Inf\"} 1\n"));

    // A socket with a wrong token is closed with 4401.
    QWebSocket stranger;
    std::optional<int> closeCode;
    QObject::connect(&stranger, &QWebSocket::connected,
                     [&] { stranger.sendTextMessage(QStringLiteral("{\"token\":\"wrong\"}")); });
    QObject::connect(&stranger, &QWebSocket::disconnected, [&] { closeCode = int(stranger.closeCode()); });
    stranger.open(QUrl(wsUrl + "/api/v1/events"));
    REQUIRE(waitFor([&] { return closeCode.has_value(); }));
    CHECK(*closeCode == 4401);

    events.close();
    hub.process().terminate();
    REQUIRE(hub.process().waitForFinished(kTimeoutMs));
    CHECK(hub.process().exitStatus() == QProcess::NormalExit);
    CHECK(hub.process().exitCode() == 0);

    // One JSON line per request on stderr, and no case text in any of them.
    const QList<QByteArray> log = hub.process().readAllStandardError().split('\n');
    int requestLines = 0;
    for (const QByteArray& line : log) {
        if (line.isEmpty())
            continue;
        INFO(line.constData());
        CHECK(QJsonDocument::fromJson(line).isObject());
        CHECK_FALSE(line.contains("Banda"));
        CHECK_FALSE(line.contains("345"));
        requestLines += QJsonDocument::fromJson(line).object().contains(QStringLiteral("route")) ? 1 : 0;
    }
    CHECK(requestLines >= 10);
}

TEST_CASE("server: spoke-hub serve exits 1 with a sentence when the port is taken or the database is missing",
          "[hub][api][server]")
{
    TempDir dir;
    prepareHub(dir);
    RunningHub first({QStringLiteral("--data-dir"), QString::fromStdString(dir.path().string()),
                      QStringLiteral("--listen"), QStringLiteral("127.0.0.1:0")});
    const QString url = first.waitUntilListening();
    REQUIRE_FALSE(url.isEmpty());
    RunningHub second({QStringLiteral("--data-dir"), QString::fromStdString(dir.path().string()),
                       QStringLiteral("--listen"), url.mid(int(std::strlen("http://")))});
    REQUIRE(second.process().waitForFinished(kTimeoutMs));
    CHECK(second.process().exitCode() == 1);
    CHECK(second.process().readAllStandardError().contains("cannot listen on"));

    RunningHub noDatabase(
        {QStringLiteral("--database"),
         QStringLiteral("postgresql://nobody@/none?host=%1").arg(QString::fromStdString(dir.path().string())),
         QStringLiteral("--listen"), QStringLiteral("127.0.0.1:0")});
    REQUIRE(noDatabase.process().waitForFinished(kTimeoutMs));
    CHECK(noDatabase.process().exitCode() == 1);
    CHECK(noDatabase.process().readAllStandardError().contains("cannot open the database"));

    RunningHub badUsage({QStringLiteral("--listen"), QStringLiteral("127.0.0.1:0")});
    REQUIRE(badUsage.process().waitForFinished(kTimeoutMs));
    CHECK(badUsage.process().exitCode() == 2);
}

TEST_CASE("server: spoke-hub serve speaks HTTPS and WSS with --tls-cert and --tls-key", "[hub][api][server]")
{
    TempDir dir;
    prepareHub(dir);
    const QString cert = QString::fromStdString((dir / "cert.pem").string());
    const QString key = QString::fromStdString((dir / "key.pem").string());
    QProcess openssl;
    openssl.start(QStringLiteral("openssl"),
                  {QStringLiteral("req"), QStringLiteral("-x509"), QStringLiteral("-newkey"), QStringLiteral("ec"),
                   QStringLiteral("-pkeyopt"), QStringLiteral("ec_paramgen_curve:P-256"), QStringLiteral("-nodes"),
                   QStringLiteral("-days"), QStringLiteral("2"), QStringLiteral("-subj"),
                   QStringLiteral("/CN=127.0.0.1"), QStringLiteral("-addext"),
                   QStringLiteral("subjectAltName=IP:127.0.0.1"), QStringLiteral("-keyout"), key,
                   QStringLiteral("-out"), cert});
    REQUIRE(openssl.waitForFinished(kTimeoutMs));
    REQUIRE(openssl.exitCode() == 0);

    RunningHub hub({QStringLiteral("--data-dir"), QString::fromStdString(dir.path().string()),
                    QStringLiteral("--listen"), QStringLiteral("127.0.0.1:0"), QStringLiteral("--tls-cert"), cert,
                    QStringLiteral("--tls-key"), key});
    hub.url = hub.waitUntilListening();
    REQUIRE(hub.url.startsWith(QLatin1String("https://127.0.0.1:")));
    const QList<QSslCertificate> certificates = QSslCertificate::fromPath(cert);
    REQUIRE(certificates.size() == 1);
    hub.trusted = certificates.front();
    const Reply health = hub.request("GET", QStringLiteral("/healthz"));
    INFO(health.error.toStdString());
    CHECK(health.status == 200);
    CHECK(health.json().value(QStringLiteral("status")).toString() == QLatin1String("ok"));

    // The event socket works over TLS too (wss://).
    const QString token = redeem(hub, prepareInvite(dir, spoke::hub::Role::Clinician), QStringLiteral("Secure"));
    QWebSocket events;
    QList<QString> received;
    QObject::connect(&events, &QWebSocket::textMessageReceived, [&](const QString& text) { received.append(text); });
    QObject::connect(&events, &QWebSocket::connected, [&] {
        events.sendTextMessage(QString::fromUtf8(ApiHub::json({{"token", token}})));
    });
    events.ignoreSslErrors({QSslError(QSslError::SelfSignedCertificate, certificates.front())});
    QString wss = hub.url;
    events.open(QUrl(wss.replace(QLatin1String("https://"), QLatin1String("wss://")) + "/api/v1/events"));
    REQUIRE(waitFor([&] { return !received.isEmpty(); }));
    CHECK(received.front().contains(QLatin1String("\"changed\"")));
    events.close();

    RunningHub missingKey({QStringLiteral("--data-dir"), QString::fromStdString(dir.path().string()),
                           QStringLiteral("--listen"), QStringLiteral("127.0.0.1:0"), QStringLiteral("--tls-cert"),
                           cert, QStringLiteral("--tls-key"), cert});
    REQUIRE(missingKey.process().waitForFinished(kTimeoutMs));
    CHECK(missingKey.process().exitCode() == 1);
    CHECK(missingKey.process().readAllStandardError().contains("private key"));
}

TEST_CASE("server: an event socket that sends no token is closed with 4401 after 10 s", "[hub][api][server]")
{
    TempDir dir;
    prepareHub(dir);
    RunningHub hub({QStringLiteral("--data-dir"), QString::fromStdString(dir.path().string()),
                    QStringLiteral("--listen"), QStringLiteral("127.0.0.1:0")});
    hub.url = hub.waitUntilListening();
    REQUIRE_FALSE(hub.url.isEmpty());

    QWebSocket silent;
    bool connected = false;
    std::optional<int> closeCode;
    QObject::connect(&silent, &QWebSocket::connected, [&] { connected = true; });
    QObject::connect(&silent, &QWebSocket::disconnected, [&] { closeCode = int(silent.closeCode()); });
    QString url = hub.url;
    silent.open(QUrl(url.replace(QLatin1String("http://"), QLatin1String("ws://")) + "/api/v1/events"));
    REQUIRE(waitFor([&] { return connected; }));
    const auto opened = std::chrono::steady_clock::now();
    REQUIRE(waitFor([&] { return closeCode.has_value(); }, 20'000));
    const auto waited = std::chrono::steady_clock::now() - opened;
    CHECK(*closeCode == 4401);
    CHECK(waited >= std::chrono::milliseconds(9'500));

    // Another path is not an event socket.
    QWebSocket elsewhere;
    std::optional<int> elsewhereCode;
    QObject::connect(&elsewhere, &QWebSocket::disconnected, [&] { elsewhereCode = int(elsewhere.closeCode()); });
    elsewhere.open(QUrl(url + "/api/v1/other"));
    REQUIRE(waitFor([&] { return elsewhereCode.has_value(); }));
    CHECK(*elsewhereCode == 4404);
}
