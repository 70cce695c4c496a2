// Signalling against the real Janus 1.1.2, started by tests/janus/janus-netns
// in a private network namespace (ctest label "janus"). The harness config sets
// session_timeout and reclaim_session_timeout low (see CMakeLists.txt).
//
// What is observable without a media stack: ICE/DTLS never complete, so Janus
// never lists our own publishers as active ("publisher": false). A feed to
// subscribe to therefore comes from a VideoRoom remote publisher (plain RTP
// feed added with add_remote_publisher), which Janus lists at once.
#include "session/JanusTestSupport.h"
#include "session/TcpRelay.h"

#include <QJsonArray>
#include <QRegularExpression>

using namespace spoke::session;
using namespace spoke::test;

namespace {

struct RoomLog {
    QList<Participant> joined;
    QList<Participant> published;
    QList<quint64> unpublished;
    QList<QPair<quint64, QString>> left;

    explicit RoomLog(RoomState& room)
    {
        QObject::connect(&room, &RoomState::participantJoined, [this](const Participant& p) { joined << p; });
        QObject::connect(&room, &RoomState::participantPublished, [this](const Participant& p) { published << p; });
        QObject::connect(&room, &RoomState::participantUnpublished, [this](quint64 id) { unpublished << id; });
        QObject::connect(&room, &RoomState::participantLeft,
                         [this](quint64 id, const QString& display) { left << qMakePair(id, display); });
    }
    bool hasLeft(quint64 id) const
    {
        return std::any_of(left.begin(), left.end(), [id](const auto& entry) { return entry.first == id; });
    }
};

QUrl janusUrl()
{
    return QUrl(env("SPOKE_JANUS_WS"));
}

QUrl relayUrl(const TcpRelay& relay)
{
    return QUrl(QStringLiteral("ws://127.0.0.1:%1").arg(relay.port()));
}

quint16 janusPort()
{
    return static_cast<quint16>(janusUrl().port());
}

QStringList sdpLines(const QString& sdp, const QString& prefix)
{
    QStringList found;
    for (const QString& line : sdp.split(QStringLiteral("\r\n"))) {
        if (line.startsWith(prefix))
            found << line;
    }
    return found;
}

// Our answer to Janus' subscriber offer: every m-line received, first payload
// type only, DTLS client (Janus offers actpass).
QString subscriberAnswer(const QString& offer, const QString& iceIp)
{
    QString answer = QStringLiteral("v=0\r\no=- 1 2 IN IP4 %1\r\ns=-\r\nt=0 0\r\n").arg(iceIp);
    const QStringList mids = sdpLines(offer, QStringLiteral("a=mid:"));
    answer += QStringLiteral("a=group:BUNDLE");
    for (const QString& mid : mids)
        answer += QLatin1Char(' ') + mid.mid(6);
    answer += QStringLiteral("\r\n");
    const QStringList mlines = sdpLines(offer, QStringLiteral("m="));
    const QStringList rtpmaps = sdpLines(offer, QStringLiteral("a=rtpmap:"));
    for (int i = 0; i < mlines.size() && i < mids.size(); ++i) {
        const QStringList fields = mlines[i].split(QLatin1Char(' '));
        const QString payload = fields.value(3);
        answer += QStringLiteral("%1 9 UDP/TLS/RTP/SAVPF %2\r\nc=IN IP4 %3\r\n").arg(fields[0], payload, iceIp);
        answer += QStringLiteral("a=ice-ufrag:spk2\r\na=ice-pwd:spokeicepassword9876543210\r\n"
                                 "a=fingerprint:sha-256 ");
        QStringList pairs;
        for (int b = 0; b < 32; ++b)
            pairs << QStringLiteral("AB");
        answer += pairs.join(QLatin1Char(':'));
        answer += QStringLiteral("\r\na=setup:active\r\na=%1\r\na=recvonly\r\na=rtcp-mux\r\n").arg(mids[i].mid(2));
        for (const QString& rtpmap : rtpmaps) {
            if (rtpmap.startsWith(QStringLiteral("a=rtpmap:") + payload + QLatin1Char(' ')))
                answer += rtpmap + QStringLiteral("\r\n");
        }
    }
    return answer;
}

} // namespace

TEST_CASE("janus: create then keepalive past the session timeout then destroy", "[janus]")
{
    Client client;
    client.openAndAttach();
    const quint64 sessionId = client.connection->sessionId();
    REQUIRE(sessionId != 0);
    CHECK(janusHasSession(sessionId));

    std::optional<SessionError> lost;
    QObject::connect(client.connection.get(), &JanusConnection::sessionLost, [&](const SessionError& e) { lost = e; });
    // Idle for longer than Janus' session_timeout: only keepalives hold it.
    pumpFor((envInt("SPOKE_JANUS_SESSION_TIMEOUT_S") + 2) * 1000);
    CHECK_FALSE(lost);
    CHECK(client.connection->state() == JanusConnection::State::Ready);
    CHECK(janusHasSession(sessionId));
    const auto list = client.call([&](ReplyHandler done) {
        client.handle->request(QJsonObject{{QStringLiteral("request"), QStringLiteral("list")}}, std::move(done));
    });
    REQUIRE(list.ok());
    CHECK(list.message.pluginData.value(QStringLiteral("list")).toArray().size() >= 1);

    bool closed = false;
    QObject::connect(client.connection.get(), &JanusConnection::closed, [&] { closed = true; });
    client.connection->close();
    REQUIRE(waitUntil([&] { return closed; }, 4000));
    CHECK(client.connection->state() == JanusConnection::State::Closed);
    CHECK_FALSE(janusHasSession(sessionId));
    CHECK(client.warnings.isEmpty());
}

TEST_CASE("janus: without keepalives Janus ends the session and the client reports it", "[janus]")
{
    auto options = Client::defaults(janusUrl());
    options.keepaliveIntervalMs = 600000; // never within this test
    Client client(options);
    client.openAndAttach();
    std::optional<SessionError> lost;
    QObject::connect(client.connection.get(), &JanusConnection::sessionLost, [&](const SessionError& e) { lost = e; });
    const int timeoutS = envInt("SPOKE_JANUS_SESSION_TIMEOUT_S");
    REQUIRE(waitUntil([&] { return lost.has_value(); }, (timeoutS + 6) * 1000));
    CHECK(lost->kind == SessionErrorKind::SessionGone);
    CHECK(client.connection->state() == JanusConnection::State::Closed);
}

TEST_CASE("janus: two publishers see each other join and leave", "[janus]")
{
    Client alice;
    alice.openAndAttach();
    RoomLog aliceLog(alice.handle->room());
    const quint64 aliceId = alice.joinPublisher(QStringLiteral("Alice (hub)"));

    Client bob;
    bob.openAndAttach();
    RoomLog bobLog(bob.handle->room());
    const quint64 bobId = bob.joinPublisher(QStringLiteral("Bob (clinic)"));
    CHECK(aliceId != bobId);

    // Bob learns of Alice from the attendees in his "joined"; Alice from "joining".
    const auto seenByBob = bob.handle->room().participant(aliceId);
    REQUIRE(seenByBob);
    CHECK(seenByBob->display == QStringLiteral("Alice (hub)"));
    CHECK_FALSE(seenByBob->publishing);
    REQUIRE(waitUntil([&] { return alice.handle->room().participant(bobId).has_value(); }, 3000));
    CHECK(alice.handle->room().participant(bobId)->display == QStringLiteral("Bob (clinic)"));
    REQUIRE(aliceLog.joined.size() == 1);
    CHECK(aliceLog.joined.front().id == bobId);

    const auto left = bob.call([&](ReplyHandler done) { bob.handle->leave(std::move(done)); });
    REQUIRE(left.ok());
    REQUIRE(waitUntil([&] { return aliceLog.hasLeft(bobId); }, 3000));
    CHECK(aliceLog.left.front().second == QStringLiteral("Bob (clinic)"));
    CHECK_FALSE(alice.handle->room().participant(bobId));

    const auto aliceLeft = alice.call([&](ReplyHandler done) { alice.handle->leave(std::move(done)); });
    CHECK(aliceLeft.ok());
    CHECK(bobLog.left.isEmpty()); // Bob had already left the room
}

TEST_CASE("janus: publishing an SDP offer gets Janus' answer", "[janus]")
{
    const QString iceIp = env("SPOKE_ICE_IP");
    Client client;
    client.openAndAttach();
    client.joinPublisher(QStringLiteral("Publisher"));

    videoroom::PublishOptions options;
    options.bitrateBps = 256000;
    const auto answer = client.callSdp(
        [&](SdpHandler done) { client.handle->publish(publisherOffer(iceIp), options, std::move(done)); });
    if (!answer.ok())
        FAIL(answer.error->describe().toStdString());
    CHECK(answer.sdpType == QStringLiteral("answer"));
    CHECK(answer.data.value(QStringLiteral("configured")).toString() == QStringLiteral("ok"));
    const QString& sdp = answer.sdp;
    CHECK(sdpLines(sdp, QStringLiteral("m=audio")).size() == 1);
    CHECK(sdpLines(sdp, QStringLiteral("m=video")).size() == 1);
    CHECK(sdp.contains(QStringLiteral("a=group:BUNDLE 0 1")));
    CHECK(sdpLines(sdp, QStringLiteral("a=recvonly")).size() == 2);
    CHECK(sdp.contains(QStringLiteral("a=setup:active"))); // Janus is the DTLS client
    CHECK(sdp.contains(QStringLiteral("a=rtpmap:111 opus/48000/2")));
    CHECK(sdp.contains(QStringLiteral("a=rtpmap:96 VP8/90000")));
    CHECK(sdp.contains(QStringLiteral("a=fingerprint:sha-256 ")));
    CHECK(sdp.contains(QStringLiteral("a=rtcp-mux")));
    // Half trickle: Janus' own candidate, on the ICE interface, in the SDP.
    const QStringList candidates = sdpLines(sdp, QStringLiteral("a=candidate:"));
    REQUIRE_FALSE(candidates.isEmpty());
    CHECK(candidates.front().contains(iceIp));
    CHECK(sdp.contains(QStringLiteral("a=end-of-candidates")));

    // Trickled candidates and the end marker are acknowledged.
    const auto trickled = client.call([&](ReplyHandler done) {
        client.handle->trickle(QStringLiteral("0"), 0,
                               QStringLiteral("candidate:2 1 udp 2122260222 %1 40002 typ host").arg(iceIp),
                               std::move(done));
    });
    CHECK(trickled.ok());
    const auto completed = client.call([&](ReplyHandler done) { client.handle->trickleCompleted(std::move(done)); });
    CHECK(completed.ok());

    // configure without a new offer changes options only.
    options.bitrateBps = 128000;
    const auto configured =
        client.callSdp([&](SdpHandler done) { client.handle->configure(options, QString(), std::move(done)); });
    CHECK(configured.ok());
    CHECK(configured.sdp.isEmpty());

    // Janus counts a publisher as published only once ICE + DTLS are up,
    // which cannot happen without a media stack: unpublish is refused with
    // 435 (JANUS_VIDEOROOM_ERROR_NOT_PUBLISHED), and the refusal is typed.
    const auto unpublished = client.call([&](ReplyHandler done) { client.handle->unpublish(std::move(done)); });
    REQUIRE_FALSE(unpublished.ok());
    CHECK(unpublished.error->kind == SessionErrorKind::PluginError);
    CHECK(unpublished.error->code == 435);

    // joinandconfigure: join and offer in one request.
    Client second;
    second.openAndAttach();
    const auto both = second.callSdp([&](SdpHandler done) {
        second.handle->joinAndConfigure({practiceRoom(), QStringLiteral("Second"), 0, {}, {}}, publisherOffer(iceIp),
                                        videoroom::PublishOptions{}, std::move(done));
    });
    if (!both.ok())
        FAIL(both.error->describe().toStdString());
    CHECK(both.sdpType == QStringLiteral("answer"));
    CHECK(both.data.value(QStringLiteral("videoroom")).toString() == QStringLiteral("joined"));
    CHECK(second.handle->room().ownId() != 0);
}

TEST_CASE("janus: refusals come back as typed plugin errors", "[janus]")
{
    Client client;
    client.openAndAttach();
    const auto noRoom = client.call([&](ReplyHandler done) {
        client.handle->joinAsPublisher({987654, QStringLiteral("x"), 0, {}, {}}, std::move(done));
    });
    REQUIRE_FALSE(noRoom.ok());
    CHECK(noRoom.error->kind == SessionErrorKind::PluginError);
    CHECK(noRoom.error->code == 426); // JANUS_VIDEOROOM_ERROR_NO_SUCH_ROOM

    Client subscriber;
    subscriber.openAndAttach();
    const auto noFeed = subscriber.callSdp([&](SdpHandler done) {
        subscriber.handle->joinAsSubscriber(practiceRoom(), {{424242, QString()}}, {}, std::move(done));
    });
    REQUIRE_FALSE(noFeed.ok());
    CHECK(noFeed.error->kind == SessionErrorKind::PluginError);
    CHECK(noFeed.error->code == 428); // JANUS_VIDEOROOM_ERROR_NO_SUCH_FEED
}

TEST_CASE("janus: a subscriber gets Janus' offer for a published feed", "[janus]")
{
    const QString iceIp = env("SPOKE_ICE_IP");
    Client watcher;
    watcher.openAndAttach();
    RoomLog log(watcher.handle->room());
    watcher.joinPublisher(QStringLiteral("Watcher"));

    // A plain-RTP remote publisher is listed at once, unlike our own
    // publishers which need ICE + DTLS first.
    const QJsonObject add{
        {QStringLiteral("request"), QStringLiteral("add_remote_publisher")},
        {QStringLiteral("room"), static_cast<qint64>(practiceRoom())},
        {QStringLiteral("secret"), env("SPOKE_JANUS_ROOM_SECRET")},
        {QStringLiteral("display"), QStringLiteral("Remote camera")},
        {QStringLiteral("streams"), QJsonArray{QJsonObject{{QStringLiteral("type"), QStringLiteral("audio")},
                                                           {QStringLiteral("mindex"), 0},
                                                           {QStringLiteral("mid"), QStringLiteral("0")},
                                                           {QStringLiteral("codec"), QStringLiteral("opus")}},
                                               QJsonObject{{QStringLiteral("type"), QStringLiteral("video")},
                                                           {QStringLiteral("mindex"), 1},
                                                           {QStringLiteral("mid"), QStringLiteral("1")},
                                                           {QStringLiteral("codec"), QStringLiteral("vp8")}}}},
    };
    const auto added = watcher.call([&](ReplyHandler done) { watcher.handle->request(add, std::move(done)); });
    if (!added.ok())
        FAIL(added.error->describe().toStdString());
    const auto feed = janusId(added.message.pluginData.value(QStringLiteral("id")));
    REQUIRE(feed);
    REQUIRE(waitUntil([&] { return !log.published.isEmpty(); }, 3000));
    CHECK(log.published.front().id == *feed);
    CHECK(log.published.front().display == QStringLiteral("Remote camera"));
    REQUIRE(log.published.front().streams.size() == 2);
    CHECK(log.published.front().streams[1].codec == QStringLiteral("vp8"));

    Client subscriber;
    subscriber.openAndAttach();
    const auto offer = subscriber.callSdp([&](SdpHandler done) {
        subscriber.handle->joinAsSubscriber(practiceRoom(), {{*feed, QString()}}, {}, std::move(done));
    });
    if (!offer.ok())
        FAIL(offer.error->describe().toStdString());
    CHECK(offer.sdpType == QStringLiteral("offer"));
    CHECK(offer.data.value(QStringLiteral("videoroom")).toString() == QStringLiteral("attached"));
    CHECK(sdpLines(offer.sdp, QStringLiteral("m=audio")).size() == 1);
    CHECK(sdpLines(offer.sdp, QStringLiteral("m=video")).size() == 1);
    CHECK(sdpLines(offer.sdp, QStringLiteral("a=sendonly")).size() == 2);
    CHECK(offer.sdp.contains(QStringLiteral("a=setup:actpass")));
    CHECK(offer.sdp.contains(QStringLiteral("VP8/90000")));
    CHECK(offer.sdp.contains(QStringLiteral("opus/48000/2")));
    CHECK(sdpLines(offer.sdp, QStringLiteral("a=candidate:")).front().contains(iceIp));

    const auto started = subscriber.call(
        [&](ReplyHandler done) { subscriber.handle->start(subscriberAnswer(offer.sdp, iceIp), std::move(done)); });
    if (!started.ok())
        FAIL(started.error->describe().toStdString());
    CHECK(started.message.pluginData.value(QStringLiteral("started")).toString() == QStringLiteral("ok"));

    const QString videoMid = sdpLines(offer.sdp, QStringLiteral("a=mid:")).value(1).mid(6);
    const auto layer = subscriber.call(
        [&](ReplyHandler done) { subscriber.handle->configureSubstream(videoMid, 0, 0, std::move(done)); });
    CHECK(layer.ok());

    // Dropping the audio stream renegotiates: Janus sends a new offer.
    const auto updated = subscriber.callSdp([&](SdpHandler done) {
        subscriber.handle->unsubscribe({{*feed, QStringLiteral("0")}}, std::move(done));
    });
    if (!updated.ok())
        FAIL(updated.error->describe().toStdString());
    CHECK(updated.data.value(QStringLiteral("videoroom")).toString() == QStringLiteral("updated"));
    CHECK(updated.sdpType == QStringLiteral("offer"));

    const QJsonObject remove{{QStringLiteral("request"), QStringLiteral("remove_remote_publisher")},
                             {QStringLiteral("room"), static_cast<qint64>(practiceRoom())},
                             {QStringLiteral("secret"), env("SPOKE_JANUS_ROOM_SECRET")},
                             {QStringLiteral("id"), static_cast<qint64>(*feed)}};
    const auto removed = watcher.call([&](ReplyHandler done) { watcher.handle->request(remove, std::move(done)); });
    CHECK(removed.ok());
    REQUIRE(waitUntil([&] { return log.hasLeft(*feed); }, 3000));
    CHECK(log.unpublished.contains(*feed));
}

TEST_CASE("janus: a killed client is noticed through the reclaim timeout", "[janus]")
{
    Client alice;
    alice.openAndAttach();
    RoomLog log(alice.handle->room());
    alice.joinPublisher(QStringLiteral("Alice"));

    auto bob = std::make_unique<Client>();
    bob->openAndAttach();
    const quint64 bobId = bob->joinPublisher(QStringLiteral("Bob"));
    REQUIRE(waitUntil([&] { return alice.handle->room().participant(bobId).has_value(); }, 3000));

    // Bob's process dies: its socket closes, no "destroy" is ever sent.
    QElapsedTimer clock;
    clock.start();
    bob.reset();
    const int reclaimS = envInt("SPOKE_JANUS_RECLAIM_TIMEOUT_S");
    REQUIRE(waitUntil([&] { return log.hasLeft(bobId); }, (reclaimS + 5) * 1000));
    INFO("noticed after " << clock.elapsed() << " ms");
    // Janus keeps the session for the reclaim window before giving up on it.
    CHECK(clock.elapsed() >= (reclaimS - 1) * 1000);
}

TEST_CASE("janus: a client whose link dies silently is dropped after the session timeout", "[janus]")
{
    Client alice;
    alice.openAndAttach();
    RoomLog log(alice.handle->room());
    alice.joinPublisher(QStringLiteral("Alice"));

    TcpRelay relay(QHostAddress::LocalHost, janusPort());
    auto bob = std::make_unique<Client>(relayUrl(relay));
    bob->openAndAttach();
    const quint64 bobId = bob->joinPublisher(QStringLiteral("Bob on a mobile link"));
    REQUIRE(waitUntil([&] { return alice.handle->room().participant(bobId).has_value(); }, 3000));

    // The link goes dark and Bob's laptop dies: Janus' socket stays open and silent.
    QElapsedTimer clock;
    clock.start();
    relay.stall();
    bob.reset();
    const int timeoutS = envInt("SPOKE_JANUS_SESSION_TIMEOUT_S");
    REQUIRE(waitUntil([&] { return log.hasLeft(bobId); }, (timeoutS + 6) * 1000));
    INFO("noticed after " << clock.elapsed() << " ms");
    CHECK(clock.elapsed() >= (timeoutS - 3) * 1000); // last keepalive was at most 2 s before
}

TEST_CASE("janus: reconnect and claim the session after the WebSocket drops", "[janus]")
{
    Client alice;
    alice.openAndAttach();
    RoomLog log(alice.handle->room());
    alice.joinPublisher(QStringLiteral("Alice"));

    TcpRelay relay(QHostAddress::LocalHost, janusPort());
    Client bob(relayUrl(relay));
    bob.openAndAttach();
    const quint64 bobId = bob.joinPublisher(QStringLiteral("Bob"));
    const quint64 sessionId = bob.connection->sessionId();
    REQUIRE(waitUntil([&] { return alice.handle->room().participant(bobId).has_value(); }, 3000));

    std::optional<SessionError> interrupted;
    bool reclaimed = false;
    QObject::connect(bob.connection.get(), &JanusConnection::connectionInterrupted,
                     [&](const SessionError& e) { interrupted = e; });
    QObject::connect(bob.connection.get(), &JanusConnection::reclaimed, [&](quint64) { reclaimed = true; });

    // A request in flight when the link drops fails; it is not silently lost.
    std::optional<Outcome> inFlight;
    bob.handle->request(QJsonObject{{QStringLiteral("request"), QStringLiteral("listparticipants")},
                                    {QStringLiteral("room"), static_cast<qint64>(practiceRoom())}},
                        [&](const Outcome& o) { inFlight = o; });
    relay.cut();
    REQUIRE(waitUntil([&] { return reclaimed; }, 8000));
    REQUIRE(interrupted);
    CHECK(interrupted->kind == SessionErrorKind::ConnectionLost);
    CHECK(bob.connection->sessionId() == sessionId);
    if (inFlight && !inFlight->ok())
        CHECK(inFlight->error->kind == SessionErrorKind::ConnectionLost);

    // Same session, same handle, still in the room; Alice saw nothing.
    const auto list = bob.call([&](ReplyHandler done) {
        bob.handle->request(QJsonObject{{QStringLiteral("request"), QStringLiteral("listparticipants")},
                                        {QStringLiteral("room"), static_cast<qint64>(practiceRoom())}},
                            std::move(done));
    });
    REQUIRE(list.ok());
    bool bobListed = false;
    for (const auto& entry : list.message.pluginData.value(QStringLiteral("participants")).toArray())
        bobListed = bobListed || janusId(entry.toObject().value(QStringLiteral("id"))) == bobId;
    CHECK(bobListed);
    CHECK_FALSE(log.hasLeft(bobId));

    // Events reach the new socket: Bob sees a newcomer.
    Client carol;
    carol.openAndAttach();
    const quint64 carolId = carol.joinPublisher(QStringLiteral("Carol"));
    CHECK(waitUntil([&] { return bob.handle->room().participant(carolId).has_value(); }, 3000));
}

TEST_CASE("janus: a silent socket is detected and the session reclaimed when the link returns", "[janus]")
{
    TcpRelay relay(QHostAddress::LocalHost, janusPort());
    auto options = Client::defaults(relayUrl(relay));
    options.requestTimeoutMs = 1500;
    Client bob(options);
    bob.openAndAttach();
    const quint64 bobId = bob.joinPublisher(QStringLiteral("Bob"));

    std::optional<SessionError> interrupted;
    bool reclaimed = false;
    QObject::connect(bob.connection.get(), &JanusConnection::connectionInterrupted,
                     [&](const SessionError& e) { interrupted = e; });
    QObject::connect(bob.connection.get(), &JanusConnection::reclaimed, [&](quint64) { reclaimed = true; });

    QElapsedTimer clock;
    clock.start();
    relay.stall();
    REQUIRE(waitUntil([&] { return interrupted.has_value(); }, 5000));
    INFO("silence noticed after " << clock.elapsed() << " ms");
    CHECK(clock.elapsed() < 4000);
    CHECK(interrupted->message.contains(QStringLiteral("no answer")));
    CHECK(bob.connection->state() == JanusConnection::State::Reconnecting);

    relay.resume();
    REQUIRE(waitUntil([&] { return reclaimed; }, 6000));
    const auto list = bob.call([&](ReplyHandler done) {
        bob.handle->request(QJsonObject{{QStringLiteral("request"), QStringLiteral("listparticipants")},
                                        {QStringLiteral("room"), static_cast<qint64>(practiceRoom())}},
                            std::move(done));
    });
    REQUIRE(list.ok());
    bool bobListed = false;
    for (const auto& entry : list.message.pluginData.value(QStringLiteral("participants")).toArray())
        bobListed = bobListed || janusId(entry.toObject().value(QStringLiteral("id"))) == bobId;
    CHECK(bobListed);
}

TEST_CASE("janus: a link that never returns ends in sessionLost after the reconnect window", "[janus]")
{
    TcpRelay relay(QHostAddress::LocalHost, janusPort());
    auto options = Client::defaults(relayUrl(relay));
    options.reconnectWindowMs = 2000;
    Client bob(options);
    bob.openAndAttach();

    std::optional<SessionError> lost;
    QObject::connect(bob.connection.get(), &JanusConnection::sessionLost, [&](const SessionError& e) { lost = e; });
    REQUIRE(relay.refuse());
    relay.cut();
    REQUIRE(waitUntil([&] { return lost.has_value(); }, 6000));
    CHECK(lost->kind == SessionErrorKind::ConnectionLost);
    CHECK(lost->message.contains(QStringLiteral("within 2 s")));
    CHECK(bob.connection->state() == JanusConnection::State::Closed);
}

TEST_CASE("janus: a claim after Janus forgot the session reports the session gone", "[janus]")
{
    TcpRelay relay(QHostAddress::LocalHost, janusPort());
    auto options = Client::defaults(relayUrl(relay));
    options.reconnectWindowMs = 20000;
    Client bob(options);
    bob.openAndAttach();

    std::optional<SessionError> lost;
    QObject::connect(bob.connection.get(), &JanusConnection::sessionLost, [&](const SessionError& e) { lost = e; });
    REQUIRE(relay.refuse());
    relay.cut();
    // Stay away longer than reclaim_session_timeout, then let Bob back in.
    pumpFor((envInt("SPOKE_JANUS_RECLAIM_TIMEOUT_S") + 4) * 1000);
    CHECK_FALSE(lost);
    CHECK(bob.connection->state() == JanusConnection::State::Reconnecting);
    REQUIRE(relay.accept());
    REQUIRE(waitUntil([&] { return lost.has_value(); }, 6000));
    CHECK(lost->kind == SessionErrorKind::SessionGone);
    CHECK(lost->code == 458);
    CHECK(lost->message.contains(QStringLiteral("take back the session")));
}
