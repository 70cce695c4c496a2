// The real `spoke-hub serve` on 127.0.0.1: HTTP through QNetworkAccessManager,
// an event WebSocket that hears about a write, /healthz, /metrics, the
// request log, and a clean stop on SIGTERM.

#include "api_test_support.h"

#include "support/TempDir.h"

#include <QElapsedTimer>
#include <QEventLoop>
#include <QHostAddress>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QProcess>
#include <QSslCertificate>
#include <QSslError>
#include <QTcpSocket>
#include <QTimer>
#include <QWebSocket>

#include <algorithm>
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

// The must-show for a live session: everyone receives the chat, the
// hand and the agenda advance in under 1 s. Here: through the real server
// and a real WebSocket on loopback, timed from the write's request.
TEST_CASE("server: a member's event socket receives a chat message, a raised hand and an agenda advance at once",
          "[hub][api][server][live]")
{
    TempDir dir;
    const Programme programme = prepareHub(dir);
    qint64 sessionId = 0;
    {
        auto db = spoke::hub::HubDatabase::open(
            spoke::hub::HubDatabaseLocation::sqliteIn(QString::fromStdString(dir.path().string())));
        const auto agenda = spoke::hub::Admin::parseAgenda(QStringLiteral("Didactic:15,Case 1:20"));
        REQUIRE(agenda.ok());
        const qint64 now = QDateTime::currentMSecsSinceEpoch();
        sessionId =
            spoke::hub::Admin(*db).addSession(programme.id, QStringLiteral("Live"), now, 60, now, *agenda)->sessionId;
    }
    RunningHub hub({QStringLiteral("--data-dir"), QString::fromStdString(dir.path().string()),
                    QStringLiteral("--listen"), QStringLiteral("127.0.0.1:0")});
    hub.url = hub.waitUntilListening();
    REQUIRE_FALSE(hub.url.isEmpty());
    const QString clinician = redeem(hub, programme.clinicianCode, QStringLiteral("Participant"));
    const QString chair = redeem(hub, programme.specialistCode, QStringLiteral("Chair"));

    QWebSocket events;
    QList<QJsonObject> received;
    QObject::connect(&events, &QWebSocket::textMessageReceived,
                     [&](const QString& text) { received.append(QJsonDocument::fromJson(text.toUtf8()).object()); });
    QObject::connect(&events, &QWebSocket::connected, [&] {
        events.sendTextMessage(QString::fromUtf8(ApiHub::json({{"token", clinician}})));
    });
    QString wsUrl = hub.url;
    events.open(QUrl(wsUrl.replace(QLatin1String("http://"), QLatin1String("ws://")) + "/api/v1/events"));
    REQUIRE(waitFor([&] { return !received.isEmpty(); }));

    // The time from sending a write until the socket has its event.
    const auto eventAfter = [&](const QString& kind, const std::function<void()>& write) -> std::optional<QJsonObject> {
        received.clear();
        QElapsedTimer timer;
        timer.start();
        write();
        const auto found = [&]() -> std::optional<QJsonObject> {
            for (const QJsonObject& event : received)
                if (event.value(QStringLiteral("event")).toString() == kind)
                    return event;
            return std::nullopt;
        };
        if (!waitFor([&] { return found().has_value(); }, 1000))
            return std::nullopt;
        INFO(kind.toStdString() << " event after " << timer.elapsed() << " ms");
        CHECK(timer.elapsed() < 1000);
        return found();
    };
    const QString session = QStringLiteral("/api/v1/sessions/%1").arg(sessionId);

    const auto chat = eventAfter(QStringLiteral("chat"), [&] {
        CHECK(hub.request("POST", session + "/chat", chair, ApiHub::json({{"text", QStringLiteral("Welcome")}}),
                          "chat:welcome")
                  .status
              == 201);
    });
    REQUIRE(chat);
    CHECK(chat->value(QStringLiteral("message")).toObject().value(QStringLiteral("text")).toString()
          == QLatin1String("Welcome"));

    const auto hands = eventAfter(QStringLiteral("hands"), [&] {
        CHECK(hub.request("POST", session + "/hands", clinician, ApiHub::json({{"raised", true}})).status == 200);
    });
    REQUIRE(hands);
    CHECK(hands->value(QStringLiteral("hands")).toArray().at(0).toObject().value(QStringLiteral("name")).toString()
          == QLatin1String("Participant"));

    const Reply listed = hub.request("GET", QStringLiteral("/api/v1/sessions"), chair);
    const QJsonObject planned = listed.json().value(QStringLiteral("sessions")).toArray().at(0).toObject();
    const double firstItem =
        planned.value(QStringLiteral("agenda")).toArray().at(0).toObject().value(QStringLiteral("id")).toDouble();
    const auto agenda = eventAfter(QStringLiteral("agenda"), [&] {
        CHECK(hub.request("POST", session + "/agenda/advance", chair, ApiHub::json({{"item_id", firstItem}})).status
              == 200);
    });
    REQUIRE(agenda);
    CHECK(agenda->value(QStringLiteral("session")).toObject().value(QStringLiteral("current_item_id")).toDouble()
          == firstItem);
    // The agenda is also a change to pull: its hint follows.
    CHECK(waitFor([&] {
        return std::any_of(received.begin(), received.end(), [](const QJsonObject& event) {
            return event.value(QStringLiteral("event")).toString() == QLatin1String("changed");
        });
    }));
    events.close();
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

namespace {

QByteArray loginBody(const QString& email)
{
    return ApiHub::json({{"email", email}, {"password", QStringLiteral("correct horse battery")}});
}

// One HTTP/1.1 exchange on a socket the test holds itself, so that it
// controls keep-alive and how many requests are open at once.
struct RawResponse {
    int status = 0;
    QMap<QByteArray, QByteArray> headers; // names lower-cased
    QByteArray body;
};

void sendRaw(QTcpSocket& socket, const QByteArray& method, const QByteArray& path, const QByteArray& body = {})
{
    socket.write(method + ' ' + path + " HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\n"
                 + "Content-Length: " + QByteArray::number(body.size()) + "\r\n\r\n" + body);
}

// The next response on `socket` (bytes after it stay in `buffer`), or none
// within the time.
std::optional<RawResponse> readRaw(QTcpSocket& socket, QByteArray& buffer)
{
    std::optional<RawResponse> response;
    waitFor([&] {
        if (response) // waitFor asks once more after the last time
            return true;
        buffer += socket.readAll();
        const qsizetype end = buffer.indexOf("\r\n\r\n");
        if (end < 0)
            return false;
        RawResponse parsed;
        const QList<QByteArray> lines = buffer.left(end).split('\n');
        parsed.status = lines.front().split(' ').value(1).toInt();
        for (qsizetype i = 1; i < lines.size(); ++i) {
            const qsizetype colon = lines[i].indexOf(':');
            parsed.headers.insert(lines[i].left(colon).trimmed().toLower(), lines[i].mid(colon + 1).trimmed());
        }
        const qsizetype length = parsed.headers.value("content-length", "0").toLongLong();
        if (buffer.size() < end + 4 + length)
            return false;
        parsed.body = buffer.mid(end + 4, length);
        buffer.remove(0, end + 4 + length);
        response = parsed;
        return true;
    });
    return response;
}

} // namespace

// docs/hub-api.md: sign-in's Argon2id runs on worker threads, so a room of
// clinicians signing in does not stall the hub for the clinics that sync.
// Before that, each login held the one thread for its whole hash (200-500 ms
// here), and a /healthz or /sync sent meanwhile waited as long.
TEST_CASE("server: while logins hash their passwords, /healthz and /sync keep answering within 100 ms",
          "[hub][api][server]")
{
    TempDir dir;
    const Programme programme = prepareHub(dir);
    RunningHub hub({QStringLiteral("--data-dir"), QString::fromStdString(dir.path().string()),
                    QStringLiteral("--listen"), QStringLiteral("127.0.0.1:0")});
    hub.url = hub.waitUntilListening();
    REQUIRE_FALSE(hub.url.isEmpty());
    const QString token = redeem(hub, programme.clinicianCode, QStringLiteral("Achieng"));

    constexpr int kLogins = 4;
    QNetworkAccessManager signIns;
    std::vector<std::unique_ptr<QNetworkReply>> logins;
    std::vector<qint64> loginMs(kLogins, -1);
    QElapsedTimer clock;
    clock.start();
    for (int i = 0; i < kLogins; ++i) {
        QNetworkRequest request(QUrl(hub.url + QStringLiteral("/api/v1/auth/login")));
        request.setHeader(QNetworkRequest::ContentTypeHeader, QByteArrayLiteral("application/json"));
        logins.emplace_back(signIns.post(request, loginBody(QStringLiteral("achieng@clinic.example"))));
        QObject::connect(logins.back().get(), &QNetworkReply::finished, [&, i] { loginMs[i] = clock.elapsed(); });
    }
    const auto allSignedIn = [&] {
        return std::all_of(loginMs.begin(), loginMs.end(), [](qint64 ms) { return ms >= 0; });
    };

    // One probe at a time, alternating /healthz and /sync, until the logins are done.
    QNetworkAccessManager probes;
    std::vector<qint64> probeMs;
    while (!allSignedIn() && clock.elapsed() < kTimeoutMs) {
        const bool health = probeMs.size() % 2 == 0;
        QNetworkRequest request(QUrl(hub.url + (health ? QStringLiteral("/healthz") : QStringLiteral("/api/v1/sync"))));
        request.setRawHeader("Authorization", "Bearer " + token.toLatin1());
        QElapsedTimer probeClock;
        probeClock.start();
        std::unique_ptr<QNetworkReply> probe(probes.get(request));
        QEventLoop loop;
        QObject::connect(probe.get(), &QNetworkReply::finished, &loop, &QEventLoop::quit);
        QTimer::singleShot(kTimeoutMs, &loop, &QEventLoop::quit);
        loop.exec();
        probeMs.push_back(probeClock.elapsed());
        CHECK(probe->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt() == 200);
    }
    REQUIRE(allSignedIn());
    for (const auto& login : logins)
        CHECK(login->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt() == 200);
    const qint64 slowestLogin = *std::max_element(loginMs.begin(), loginMs.end());
    const qint64 slowestProbe = *std::max_element(probeMs.begin(), probeMs.end());
    INFO("logins done after " << slowestLogin << " ms; " << probeMs.size() << " probes, slowest " << slowestProbe
                              << " ms");
    CHECK(slowestLogin >= 150); // the hashing really ran: four Argon2id verifications
    CHECK(probeMs.size() >= 5);
    CHECK(slowestProbe < 100);

    const Reply metrics = hub.request("GET", QStringLiteral("/metrics"));
    CHECK(metrics.body.contains("spoke_hub_requests_total{route=\"/api/v1/auth/login\",status=\"200\"} 4\n"));
}

TEST_CASE("server: sign-ins past the queue's bound get 503 with Retry-After; keep-alive and SIGTERM wait for answers",
          "[hub][api][server]")
{
    TempDir dir;
    const Programme programme = prepareHub(dir);
    RunningHub hub({QStringLiteral("--data-dir"), QString::fromStdString(dir.path().string()),
                    QStringLiteral("--listen"), QStringLiteral("127.0.0.1:0")});
    hub.url = hub.waitUntilListening();
    REQUIRE_FALSE(hub.url.isEmpty());
    redeem(hub, programme.clinicianCode, QStringLiteral("Achieng"));
    const quint16 port = quint16(QUrl(hub.url).port());
    const QByteArray body = loginBody(QStringLiteral("achieng@clinic.example"));

    // A login and then /healthz on one kept-alive connection.
    QTcpSocket kept;
    QByteArray keptBuffer;
    kept.connectToHost(QHostAddress::LocalHost, port);
    REQUIRE(kept.waitForConnected(kTimeoutMs));
    sendRaw(kept, "POST", "/api/v1/auth/login", body);
    const std::optional<RawResponse> signedIn = readRaw(kept, keptBuffer);
    REQUIRE(signedIn);
    CHECK(signedIn->status == 200);
    sendRaw(kept, "GET", "/healthz");
    const std::optional<RawResponse> health = readRaw(kept, keptBuffer);
    REQUIRE(health);
    CHECK(health->status == 200);

    // Pipelined behind a login (a moment later: Qt HttpServer 6.4 reads one
    // request per arrival of bytes), /healthz is answered first by the event
    // loop but sent second: a connection's answers keep its requests' order.
    sendRaw(kept, "POST", "/api/v1/auth/login", body);
    REQUIRE(kept.waitForBytesWritten(kTimeoutMs));
    waitFor([] { return false; }, 50);
    sendRaw(kept, "GET", "/healthz");
    const std::optional<RawResponse> first = readRaw(kept, keptBuffer);
    const std::optional<RawResponse> second = readRaw(kept, keptBuffer);
    REQUIRE(first);
    REQUIRE(second);
    CHECK(QJsonDocument::fromJson(first->body).object().contains(QStringLiteral("token")));
    CHECK(QJsonDocument::fromJson(second->body).object().value(QStringLiteral("status")) == QStringLiteral("ok"));

    // More sign-ins at once than the workers and their queue take: the rest
    // are refused at once, not held in memory.
    constexpr int kCrowd = 40;
    std::vector<std::unique_ptr<QTcpSocket>> crowd;
    for (int i = 0; i < kCrowd; ++i) {
        crowd.push_back(std::make_unique<QTcpSocket>());
        crowd.back()->connectToHost(QHostAddress::LocalHost, port);
        REQUIRE(crowd.back()->waitForConnected(kTimeoutMs));
        sendRaw(*crowd.back(), "POST", "/api/v1/auth/login", body);
    }
    int accepted = 0;
    int refused = 0;
    for (const auto& socket : crowd) {
        QByteArray buffer;
        const std::optional<RawResponse> answer = readRaw(*socket, buffer);
        REQUIRE(answer);
        if (answer->status == 200) {
            ++accepted;
        } else {
            ++refused;
            CHECK(answer->status == 503);
            CHECK(answer->headers.value("retry-after").toInt() >= 1);
            CHECK(QJsonDocument::fromJson(answer->body)
                      .object()
                      .value(QStringLiteral("error"))
                      .toObject()
                      .value(QStringLiteral("code"))
                  == QStringLiteral("unavailable"));
        }
    }
    INFO(accepted << " accepted, " << refused << " refused");
    CHECK(accepted >= 2);
    CHECK(refused >= 1);

    // SIGTERM with logins in flight: they are answered, then serve exits 0.
    std::vector<std::unique_ptr<QTcpSocket>> late;
    for (int i = 0; i < 2; ++i) {
        late.push_back(std::make_unique<QTcpSocket>());
        late.back()->connectToHost(QHostAddress::LocalHost, port);
        REQUIRE(late.back()->waitForConnected(kTimeoutMs));
        sendRaw(*late.back(), "POST", "/api/v1/auth/login", body);
        REQUIRE(late.back()->waitForBytesWritten(kTimeoutMs));
    }
    waitFor([] { return false; }, 50); // both requests have reached the hub; their hashing takes hundreds of ms
    hub.process().terminate();
    for (const auto& socket : late) {
        QByteArray buffer;
        const std::optional<RawResponse> answer = readRaw(*socket, buffer);
        REQUIRE(answer);
        CHECK(answer->status == 200);
    }
    REQUIRE(hub.process().waitForFinished(kTimeoutMs));
    CHECK(hub.process().exitCode() == 0);
}
