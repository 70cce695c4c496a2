// The hub's rooms against a real Janus (tests/janus/janus-netns starts it and
// sets SPOKE_JANUS_*) and a real spoke-hub serve on SQLite: the join info,
// Janus refusing a publisher without the session's token, the chair's mute
// reported by Janus, remove kicking for good, a lost room created again, the
// room destroyed when the session ends, and (janus-netns --events) Janus'
// own joins and leaves posted to the hub and checked against the client's.
// The test talks to Janus' REST API itself, as a client would over its
// WebSocket.

#include "support/TempDir.h"

#include "hub/admin/Admin.h"
#include "hub/db/HubDatabase.h"

#include <catch2/catch.hpp>

#include <QCoreApplication>
#include <QCryptographicHash>
#include <QDateTime>
#include <QElapsedTimer>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QMessageAuthenticationCode>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QProcess>
#include <QWebSocket>

#include <functional>
#include <memory>

using namespace spoke::test;
using spoke::hub::Role;

namespace {

constexpr int kTimeoutMs = 15'000;

bool waitFor(const std::function<bool()>& done, int timeoutMs = kTimeoutMs)
{
    QElapsedTimer timer;
    timer.start();
    while (!done() && timer.elapsed() < timeoutMs)
        QCoreApplication::processEvents(QEventLoop::AllEvents, 10);
    return done();
}

QString env(const char* name)
{
    const QString value = qEnvironmentVariable(name);
    if (value.isEmpty())
        FAIL(name << " is not set: run this test through tests/janus/janus-netns (ctest -L janus)");
    return value;
}

QByteArray json(const QJsonObject& object)
{
    return QJsonDocument(object).toJson(QJsonDocument::Compact);
}

struct Reply {
    int status = 0;
    QJsonObject body;
};

// Waits for a reply on the event loop, never blocking it.
Reply await(QNetworkReply* raw)
{
    std::unique_ptr<QNetworkReply> reply(raw);
    REQUIRE(waitFor([&] { return reply->isFinished(); }, 40'000));
    return {reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt(),
            QJsonDocument::fromJson(reply->readAll()).object()};
}

// spoke-hub serve on 127.0.0.1 with this Janus.
class Hub {
public:
    Hub(const TempDir& dir, const QStringList& media, const QString& listen = QStringLiteral("127.0.0.1:0"))
    {
        process_.setProgram(QStringLiteral(SPOKE_HUB_PATH));
        process_.setArguments(
            QStringList{"serve", "--data-dir", QString::fromStdString(dir.path().string()), "--listen", listen}
            + media);
        process_.setProcessChannelMode(QProcess::SeparateChannels);
        process_.start();
        waitFor([&] { return process_.canReadLine() || process_.state() == QProcess::NotRunning; });
        url_ = QJsonDocument::fromJson(process_.readLine()).object().value("url").toString();
        if (url_.isEmpty())
            FAIL("spoke-hub serve did not start: " << process_.readAllStandardError().toStdString());
    }
    ~Hub()
    {
        process_.kill();
        process_.waitForFinished(kTimeoutMs);
    }
    QNetworkReply* send(const QByteArray& method, const QString& path, const QString& token, const QJsonObject& body)
    {
        QNetworkRequest request(QUrl(url_ + path));
        request.setHeader(QNetworkRequest::ContentTypeHeader, QByteArrayLiteral("application/json"));
        if (!token.isEmpty())
            request.setRawHeader("Authorization", "Bearer " + token.toLatin1());
        return network_.sendCustomRequest(request, method, body.isEmpty() ? QByteArray() : json(body));
    }
    Reply call(const QByteArray& method, const QString& path, const QString& token = {}, const QJsonObject& body = {})
    {
        return await(send(method, path, token, body));
    }
    QString redeem(const QString& code, const QString& name)
    {
        const Reply reply = call("POST", "/api/v1/invites/redeem", {},
                                 {{"code", code},
                                  {"email", name.toLower().remove(u' ') + "@clinic.example"},
                                  {"name", name},
                                  {"password", "correct horse battery"}});
        REQUIRE(reply.status == 201);
        return reply.body.value("token").toString();
    }
    QString url() const { return url_; }

private:
    QProcess process_;
    QNetworkAccessManager network_;
    QString url_;
};

// A client of Janus' REST API with one VideoRoom handle; events come from
// the session's long poll.
class JanusClient {
public:
    JanusClient()
    {
        base_ = env("SPOKE_JANUS_HTTP") + "/janus";
        session_ = id(post(base_, {{"janus", "create"}}));
        handle_ = id(post(sessionUrl(), {{"janus", "attach"}, {"plugin", "janus.plugin.videoroom"}}));
        poll();
    }
    ~JanusClient()
    {
        if (polling_)
            polling_->abort();
        QNetworkRequest request{QUrl(sessionUrl())};
        request.setHeader(QNetworkRequest::ContentTypeHeader, QByteArrayLiteral("application/json"));
        delete network_.post(request, json({{"janus", "destroy"}, {"transaction", "bye"}}));
    }
    // A synchronous plugin request: its plugindata.data.
    QJsonObject request(const QJsonObject& body)
    {
        const QJsonObject answer = post(handleUrl(), {{"janus", "message"}, {"body", body}});
        return answer.value("plugindata").toObject().value("data").toObject();
    }
    // An asynchronous one (join, configure): the plugin event that answers it.
    QJsonObject ask(const QJsonObject& body, const QJsonObject& jsep = {})
    {
        const QString transaction = QString::number(++transactions_);
        QJsonObject message{{"janus", "message"}, {"body", body}, {"transaction", transaction}};
        if (!jsep.isEmpty())
            message.insert("jsep", jsep);
        post(handleUrl(), message);
        const QJsonObject event =
            waitEvent([&](const QJsonObject& e) { return e.value("transaction") == transaction; });
        return event;
    }
    QJsonObject waitEvent(const std::function<bool(const QJsonObject&)>& wanted)
    {
        QJsonObject found;
        waitFor([&] {
            for (qsizetype i = 0; i < events_.size(); ++i) {
                if (wanted(events_[i])) {
                    found = events_.takeAt(i);
                    return true;
                }
            }
            return false;
        });
        return found;
    }
    static QJsonObject data(const QJsonObject& event)
    {
        return event.value("plugindata").toObject().value("data").toObject();
    }

private:
    QString sessionUrl() const { return base_ + "/" + QString::number(session_); }
    QString handleUrl() const { return sessionUrl() + "/" + QString::number(handle_); }
    static qint64 id(const QJsonObject& answer)
    {
        REQUIRE(answer.value("janus").toString() == QLatin1String("success"));
        return qint64(answer.value("data").toObject().value("id").toDouble());
    }
    QJsonObject post(const QString& url, QJsonObject body)
    {
        if (!body.contains("transaction"))
            body.insert("transaction", QString::number(++transactions_));
        QNetworkRequest request{QUrl(url)};
        request.setHeader(QNetworkRequest::ContentTypeHeader, QByteArrayLiteral("application/json"));
        return await(network_.post(request, json(body))).body;
    }
    void poll()
    {
        polling_ = network_.get(QNetworkRequest(QUrl(sessionUrl() + "?maxev=1")));
        QObject::connect(polling_, &QNetworkReply::finished, [this, reply = polling_] {
            reply->deleteLater();
            polling_ = nullptr;
            if (reply->error() != QNetworkReply::NoError)
                return;
            const QJsonObject event = QJsonDocument::fromJson(reply->readAll()).object();
            if (event.value("janus") != QLatin1String("keepalive"))
                events_.append(event);
            poll();
        });
    }

    QNetworkAccessManager network_;
    QString base_;
    qint64 session_ = 0;
    qint64 handle_ = 0;
    int transactions_ = 0;
    QNetworkReply* polling_ = nullptr;
    QList<QJsonObject> events_;
};

// An audio-and-video publisher offer as a browser writes it (audio first,
// mid "0"); no media follows, Janus only needs the offer to know the streams.
QString publisherOffer(const QString& iceIp)
{
    const QByteArray digest = QCryptographicHash::hash("spoke throwaway certificate", QCryptographicHash::Sha256);
    const QString fingerprint = QString::fromLatin1(digest.toHex(':').toUpper());
    const QString transport = QStringLiteral("c=IN IP4 %1\r\na=rtcp:9 IN IP4 0.0.0.0\r\n"
                                             "a=candidate:1 1 udp 2122260223 %1 40000 typ host\r\n"
                                             "a=end-of-candidates\r\na=ice-ufrag:spk1\r\n"
                                             "a=ice-pwd:spokeicepassword0123456789\r\na=fingerprint:sha-256 %2\r\n"
                                             "a=setup:actpass\r\n")
                                  .arg(iceIp, fingerprint);
    return QStringLiteral("v=0\r\no=- 4611731400430051336 2 IN IP4 %1\r\ns=-\r\nt=0 0\r\na=group:BUNDLE 0 1\r\n"
                          "m=audio 9 UDP/TLS/RTP/SAVPF 111\r\n")
               .arg(iceIp)
           + transport
           + QStringLiteral("a=mid:0\r\na=sendonly\r\na=rtcp-mux\r\na=rtpmap:111 opus/48000/2\r\n"
                            "a=ssrc:11111111 cname:spoke\r\nm=video 9 UDP/TLS/RTP/SAVPF 96\r\n")
           + transport
           + QStringLiteral("a=mid:1\r\na=sendonly\r\na=rtcp-mux\r\na=rtpmap:96 VP8/90000\r\n"
                            "a=ssrc:22222222 cname:spoke\r\n");
}

QJsonObject publisherJoin(const QJsonObject& join, const QString& token, bool withPin = true)
{
    QJsonObject body{{"request", "join"},
                     {"ptype", "publisher"},
                     {"room", join.value("room")},
                     {"id", join.value("feeds").toObject().value("camera")},
                     {"display", join.value("display")}};
    if (withPin)
        body.insert("pin", join.value("pin"));
    if (!token.isEmpty())
        body.insert("token", token);
    return body;
}

int errorCodeOf(const QJsonObject& event)
{
    return JanusClient::data(event).value("error_code").toInt();
}

struct Setup {
    TempDir dir;
    qint64 programme = 0;
    qint64 sessionA = 0;
    qint64 sessionB = 0;
    QString chairCode;
    QString clinicianCode;
    QStringList media;
};

std::unique_ptr<Setup> prepare()
{
    auto setup = std::make_unique<Setup>();
    const QString dir = QString::fromStdString(setup->dir.path().string());
    {
        auto db = spoke::hub::HubDatabase::open(spoke::hub::HubDatabaseLocation::sqliteIn(dir));
        spoke::hub::Admin admin(*db);
        const qint64 now = QDateTime::currentMSecsSinceEpoch();
        setup->programme = *admin.addProgramme("TB Kenya", spoke::hub::ProgrammeKind::Tb, now);
        setup->sessionA = admin.addSession(setup->programme, "Week 1", now, 60, now)->sessionId;
        setup->sessionB = admin.addSession(setup->programme, "Week 2", now, 60, now)->sessionId;
        setup->chairCode = admin.inviteMember(setup->programme, Role::Specialist, now)->code;
        setup->clinicianCode = admin.inviteMember(setup->programme, Role::Clinician, now)->code;
    }
    const auto writeFile = [&](const QString& name, const QByteArray& content) {
        QFile file(dir + "/" + name);
        REQUIRE(file.open(QIODevice::WriteOnly));
        file.write(content + "\n");
        return file.fileName();
    };
    const QString iceIp = env("SPOKE_ICE_IP");
    setup->media = QStringList{"--janus",
                               "main=" + env("SPOKE_JANUS_HTTP") + "/janus," + env("SPOKE_JANUS_WS"),
                               "--janus-admin-key-file",
                               writeFile("janus-admin-key", env("SPOKE_JANUS_ADMIN_SECRET").toUtf8()),
                               "--stun",
                               "stun:" + iceIp + ":3478",
                               "--turn",
                               "turn:" + iceIp + ":3478?transport=udp",
                               "--turn",
                               "turn:" + iceIp + ":3478?transport=tcp",
                               "--turn-secret-file",
                               writeFile("turn-secret", "north")};
    return setup;
}

QString joinPath(qint64 session, const QString& device)
{
    return QStringLiteral("/api/v1/sessions/%1/join?device_id=%2").arg(session).arg(device);
}

} // namespace

TEST_CASE("rooms janus: join info works and Janus refuses a publisher without this session's token", "[janus][hub]")
{
    const auto setup = prepare();
    Hub hub(setup->dir, setup->media);
    const QString clinician = hub.redeem(setup->clinicianCode, "Achieng Otieno");
    const qint64 clinicianId =
        qint64(hub.call("GET", "/api/v1/me", clinician).body.value("account").toObject().value("id").toDouble());

    // Two first requests at once make one room.
    QNetworkReply* first = hub.send("GET", joinPath(setup->sessionA, "laptop"), clinician, {});
    QNetworkReply* second = hub.send("GET", joinPath(setup->sessionA, "phone"), clinician, {});
    const Reply laptop = await(first);
    const Reply phone = await(second);
    REQUIRE(laptop.status == 200);
    REQUIRE(phone.status == 200);
    const QJsonObject join = laptop.body.value("join").toObject();
    INFO(QJsonDocument(join).toJson().toStdString());
    CHECK(join.value("janus_url").toString() == env("SPOKE_JANUS_WS"));
    CHECK(join.value("room").toInteger() == setup->sessionA + 100000);
    CHECK(join.value("pin").toString().size() >= 16);
    CHECK(join.value("display").toString() == QLatin1String("Achieng Otieno"));
    CHECK(join.value("role").toString() == QLatin1String("clinician"));
    CHECK(phone.body.value("join").toObject().value("pin") == join.value("pin"));
    const QJsonObject feeds = join.value("feeds").toObject();
    const QJsonObject phoneFeeds = phone.body.value("join").toObject().value("feeds").toObject();
    CHECK(feeds.value("camera").toInteger() / 1000 == clinicianId);
    CHECK(phoneFeeds.value("camera").toInteger() / 1000 == clinicianId);
    CHECK(feeds.value("camera") != phoneFeeds.value("camera"));
    CHECK(feeds.value("screen").toInteger() == feeds.value("camera").toInteger() + 1);
    const QJsonArray ice = join.value("ice_servers").toArray();
    REQUIRE(ice.size() == 2);
    const QJsonObject turn = ice[1].toObject();
    CHECK(turn.value("urls").toArray().size() == 2);
    const QString username = turn.value("username").toString();
    CHECK(username.endsWith(":" + QString::number(clinicianId)));
    CHECK(turn.value("credential").toString().toLatin1()
          == QMessageAuthenticationCode::hash(username.toUtf8(), "north", QCryptographicHash::Sha1).toBase64());
    const qint64 expiresMs = join.value("expires_ms").toInteger();
    CHECK(expiresMs == username.section(u':', 0, 0).toLongLong() * 1000);
    CHECK(std::abs(expiresMs - QDateTime::currentMSecsSinceEpoch() - 6 * 3600 * 1000LL) < 60'000);

    // The same device gets the same token again.
    const QString token = join.value("token").toString();
    CHECK(hub.call("GET", joinPath(setup->sessionA, "laptop"), clinician).body.value("join").toObject().value("token")
          == token);
    const QString otherSessionToken = hub.call("GET", joinPath(setup->sessionB, "laptop"), clinician)
                                          .body.value("join")
                                          .toObject()
                                          .value("token")
                                          .toString();
    REQUIRE_FALSE(otherSessionToken.isEmpty());

    JanusClient outsider;
    CHECK(errorCodeOf(outsider.ask(publisherJoin(join, {}))) == 433); // no token
    CHECK(errorCodeOf(outsider.ask(publisherJoin(join, otherSessionToken))) == 433);
    CHECK(errorCodeOf(outsider.ask(publisherJoin(join, token, false))) == 429); // no pin
    QJsonObject wrongPin = publisherJoin(join, token);
    wrongPin.insert("pin", "not-the-pin");
    CHECK(errorCodeOf(outsider.ask(wrongPin)) == 433);
    JanusClient member;
    const QJsonObject joined = JanusClient::data(member.ask(publisherJoin(join, token)));
    CHECK(joined.value("videoroom").toString() == QLatin1String("joined"));
    CHECK(joined.value("id") == feeds.value("camera"));

    const Reply listed =
        hub.call("GET", QStringLiteral("/api/v1/sessions/%1/participants").arg(setup->sessionA), clinician);
    REQUIRE(listed.status == 200);
    const QJsonArray participants = listed.body.value("participants").toArray();
    REQUIRE(participants.size() == 1);
    CHECK(participants[0].toObject().value("account_id").toInteger() == clinicianId);
    CHECK(participants[0].toObject().value("name").toString() == QLatin1String("Achieng Otieno"));
    CHECK(participants[0].toObject().value("feeds").toArray()[0].toObject().value("kind") == QLatin1String("camera"));

    // Janus loses the room (as in a restart): the next join request creates
    // it again with the same pin and tokens.
    QString secret;
    {
        auto db = spoke::hub::HubDatabase::open(
            spoke::hub::HubDatabaseLocation::sqliteIn(QString::fromStdString(setup->dir.path().string())));
        secret = db->queryOne("SELECT secret FROM session_rooms WHERE session_id = ?", {setup->sessionA})->text(0);
    }
    JanusClient admin;
    CHECK(admin.request({{"request", "destroy"}, {"room", join.value("room")}, {"secret", secret}}).value("videoroom")
          == QLatin1String("destroyed"));
    CHECK(hub.call("GET", joinPath(setup->sessionA, "tablet"), clinician).status == 200);
    JanusClient back;
    CHECK(JanusClient::data(back.ask(publisherJoin(join, token))).value("videoroom") == QLatin1String("joined"));
}

TEST_CASE("rooms janus: the chair's mute is reported by Janus and remove kicks for good and the end destroys the room",
          "[janus][hub]")
{
    const auto setup = prepare();
    Hub hub(setup->dir, setup->media);
    const QString chair = hub.redeem(setup->chairCode, "Dr Chair");
    const QString clinician = hub.redeem(setup->clinicianCode, "Achieng Otieno");
    const qint64 clinicianId =
        qint64(hub.call("GET", "/api/v1/me", clinician).body.value("account").toObject().value("id").toDouble());
    const QString session = QStringLiteral("/api/v1/sessions/%1/").arg(setup->sessionA);

    QWebSocket events;
    QList<QJsonObject> received;
    QObject::connect(&events, &QWebSocket::textMessageReceived,
                     [&](const QString& text) { received.append(QJsonDocument::fromJson(text.toUtf8()).object()); });
    QObject::connect(&events, &QWebSocket::connected, [&] {
        events.sendTextMessage(QString::fromUtf8(json({{"token", chair}})));
    });
    events.open(QUrl(QString(hub.url()).replace("http://", "ws://") + "/api/v1/events"));
    REQUIRE(waitFor([&] { return !received.isEmpty(); }));

    const QJsonObject clinicianJoin =
        hub.call("GET", joinPath(setup->sessionA, "laptop"), clinician).body.value("join").toObject();
    const QJsonObject chairJoin =
        hub.call("GET", joinPath(setup->sessionA, "laptop"), chair).body.value("join").toObject();
    const QJsonValue camera = clinicianJoin.value("feeds").toObject().value("camera");
    JanusClient clinicianJanus;
    JanusClient chairJanus;
    REQUIRE(JanusClient::data(clinicianJanus.ask(publisherJoin(clinicianJoin, clinicianJoin.value("token").toString())))
                .value("videoroom")
            == QLatin1String("joined"));
    const QJsonObject configured =
        clinicianJanus.ask({{"request", "configure"}, {"audio", true}, {"video", true}},
                           {{"type", "offer"}, {"sdp", publisherOffer(env("SPOKE_ICE_IP"))}});
    REQUIRE(configured.value("jsep").toObject().value("type") == QLatin1String("answer"));
    REQUIRE(JanusClient::data(chairJanus.ask(publisherJoin(chairJoin, chairJoin.value("token").toString())))
                .value("videoroom")
            == QLatin1String("joined"));

    CHECK(hub.call("POST", session + "moderate", clinician, {{"account_id", double(clinicianId)}, {"mute_audio", true}})
              .status
          == 403);
    const Reply muted =
        hub.call("POST", session + "moderate", chair, {{"account_id", double(clinicianId)}, {"mute_audio", true}});
    REQUIRE(muted.status == 200);
    INFO(QJsonDocument(muted.body).toJson().toStdString());
    CHECK(muted.body.value("moderation").toObject().value("feeds").toArray() == QJsonArray{camera});
    CHECK(muted.body.value("moderation").toObject().value("audio_muted_by_chair").toBool());
    // Janus itself tells the room, the muted participant included.
    const auto moderation = [&](const QJsonObject& event) {
        const QJsonObject data = JanusClient::data(event);
        return data.value("moderation") == QLatin1String("muted") && data.value("id") == camera
               && data.value("mid") == QLatin1String("0");
    };
    CHECK_FALSE(chairJanus.waitEvent(moderation).isEmpty());
    CHECK_FALSE(clinicianJanus.waitEvent(moderation).isEmpty());
    REQUIRE(waitFor([&] { return received.last().value("event") == QLatin1String("moderation"); }));
    CHECK(received.last().value("account_id").toInteger() == clinicianId);
    CHECK(received.last().value("audio_muted_by_chair").toBool());
    CHECK(received.last().value("by").toObject().value("name") == QLatin1String("Dr Chair"));

    const Reply listed = hub.call("GET", session + "participants", chair);
    CHECK(listed.body.value("participants").toArray().size() == 2);

    const Reply removed = hub.call("POST", session + "remove", chair, {{"account_id", double(clinicianId)}});
    REQUIRE(removed.status == 200);
    CHECK(removed.body.value("removed").toObject().value("kicked_feeds").toArray() == QJsonArray{camera});
    CHECK_FALSE(clinicianJanus
                    .waitEvent([](const QJsonObject& event) {
                        return JanusClient::data(event).value("reason") == QLatin1String("kicked");
                    })
                    .isEmpty());
    REQUIRE(waitFor([&] { return received.last().value("event") == QLatin1String("removed"); }));
    JanusClient again;
    CHECK(errorCodeOf(again.ask(publisherJoin(clinicianJoin, clinicianJoin.value("token").toString()))) == 433);
    CHECK(hub.call("GET", joinPath(setup->sessionA, "laptop"), clinician).status == 403);

    REQUIRE(hub.call("POST", session + "agenda/advance", chair, {{"end", true}}).status == 200);
    JanusClient admin;
    CHECK(waitFor([&] {
        return admin.request({{"request", "exists"}, {"room", clinicianJoin.value("room")}}).value("exists")
               == QJsonValue(false);
    }));
    CHECK(hub.call("GET", joinPath(setup->sessionA, "laptop"), chair).status == 409);
}

TEST_CASE("rooms janus: Janus' events reach the hub and the attendance check agrees with the client's times",
          "[janus][hub]")
{
    const auto setup = prepare();
    const QString secretFile = env("SPOKE_JANUS_EVENTS_SECRET_FILE");
    Hub hub(setup->dir, setup->media + QStringList{"--janus-events-secret-file", secretFile},
            "127.0.0.1:" + env("SPOKE_JANUS_EVENTS_PORT"));
    const QString chair = hub.redeem(setup->chairCode, "Dr Chair");
    const QString clinician = hub.redeem(setup->clinicianCode, "Achieng Otieno");
    const qint64 clinicianId =
        qint64(hub.call("GET", "/api/v1/me", clinician).body.value("account").toObject().value("id").toDouble());
    const QString session = QStringLiteral("/api/v1/sessions/%1/").arg(setup->sessionA);
    const QJsonObject join =
        hub.call("GET", joinPath(setup->sessionA, "laptop"), clinician).body.value("join").toObject();
    REQUIRE_FALSE(join.isEmpty());

    // The client joins: it tells the hub and Janus, as core/sync and
    // core/call do, and leaves the same way a minute's fraction later.
    JanusClient publisher;
    const qint64 joinedMs = QDateTime::currentMSecsSinceEpoch();
    REQUIRE(hub.call("POST", session + "attendance", clinician,
                     {{"event", "join"}, {"at_ms", double(joinedMs)}, {"device_id", "laptop"}})
                .status
            == 201);
    REQUIRE(JanusClient::data(publisher.ask(publisherJoin(join, join.value("token").toString()))).value("videoroom")
            == QLatin1String("joined"));
    QElapsedTimer inCall;
    inCall.start();
    waitFor([&] { return inCall.elapsed() >= 1500; }, 1500);
    const qint64 leftMs = QDateTime::currentMSecsSinceEpoch();
    REQUIRE(hub.call("POST", session + "attendance", clinician,
                     {{"event", "leave"}, {"at_ms", double(leftMs)}, {"device_id", "laptop"}})
                .status
            == 201);
    publisher.ask({{"request", "leave"}});

    // Janus' event handler posts on its own thread; wait for the leave.
    QJsonObject row;
    REQUIRE(waitFor([&] {
        const Reply check = hub.call("GET", session + "attendance/check", chair);
        for (const QJsonValue& account : check.body.value("accounts").toArray())
            if (account.toObject().value("account_id").toInteger() == clinicianId)
                row = account.toObject();
        return !row.value("janus_left_ms").isNull() && !row.isEmpty();
    }));
    INFO(QJsonDocument(row).toJson().toStdString());
    CHECK(std::abs(row.value("janus_joined_ms").toInteger() - joinedMs) < 1000);
    CHECK(std::abs(row.value("janus_left_ms").toInteger() - leftMs) < 1000);
    CHECK(row.value("client_joined_ms").toInteger() == joinedMs);
    CHECK(row.value("client_left_ms").toInteger() == leftMs);
    CHECK(row.value("agrees").toBool());
    CHECK(row.value("problem").isNull());

    // Someone else posting "events" with the wrong password is refused.
    QNetworkAccessManager network;
    QNetworkRequest forged(QUrl(hub.url() + "/api/v1/janus/events"));
    forged.setHeader(QNetworkRequest::ContentTypeHeader, QByteArrayLiteral("application/json"));
    forged.setRawHeader("Authorization", "Basic " + QByteArray("janus:not-the-secret").toBase64());
    CHECK(await(network.post(forged, QByteArray(R"({"type":64,"timestamp":1})"))).status == 401);
}
