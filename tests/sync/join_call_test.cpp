// What the app and spoke-cli make of the hub's join info: the call's
// options (CallJoin.h), this install's device id kept in a real file
// (DeviceId.h), why a join was refused, by kind (JoinInfo.h), and the
// chair's moderation and removal events (HubProtocol.h, EventListener.h).

#include "sync/CallJoin.h"
#include "sync/DeviceId.h"
#include "sync/EventListener.h"
#include "sync/HubProtocol.h"
#include "sync/JoinInfo.h"

#include <QFile>
#include <QTemporaryDir>

#include <catch2/catch.hpp>

#include <filesystem>
#include <variant>
#include <vector>

using namespace spoke;
using namespace spoke::sync;

namespace {

// Literal addresses: the mapping resolves host names, and a test asks no DNS.
const QByteArray kJoin = R"({"join":{
  "janus_url":"wss://media.example.org:8989/janus",
  "room":5678901234,
  "pin":"k3TqZ9",
  "token":"tok-7-laptop1",
  "feeds":{"camera":7002,"screen":7003},
  "display":"Dr Amina Otieno",
  "role":"specialist",
  "ice_servers":[{"urls":["stun:192.0.2.10:3478"]},
                 {"urls":["turn:192.0.2.11:3478?transport=udp","turn:[2001:db8::7]:443?transport=tcp"],
                  "username":"1796900000:7","credential":"q9F0c1bq2kYl0k8yG2Vb9bGx6lY="}],
  "expires_ms":1796900000000}})";

JoinInfo sample()
{
    auto info = parseJoinInfoAnswer(kJoin);
    REQUIRE(info.ok());
    return *info;
}

SyncError httpError(int status, const char* code = "")
{
    return errorForReply(HubReply{status, QByteArray(R"({"error":{"code":")") + code + R"(","message":"m"}})"});
}

} // namespace

TEST_CASE("join info to call options: the room, our ids, the account's name and every ICE server", "[sync][join]")
{
    call::CallOptions options;
    options.audioOnly = true; // the user's switches stay
    options.caCertificatesPath = QStringLiteral("/etc/spoke/hub-ca.pem");
    REQUIRE_FALSE(applyJoinInfo(sample(), options).has_value());
    CHECK(options.janusUrl == QUrl(QStringLiteral("wss://media.example.org:8989/janus")));
    CHECK(options.room == 5678901234ULL);
    CHECK(options.pin == QStringLiteral("k3TqZ9"));
    CHECK(options.token == QStringLiteral("tok-7-laptop1"));
    CHECK(options.feedId == 7002);
    CHECK(options.screenFeedId == 7003);
    CHECK(options.display == QStringLiteral("Dr Amina Otieno"));
    CHECK(options.audioOnly);
    CHECK(options.caCertificatesPath == QStringLiteral("/etc/spoke/hub-ca.pem"));
    REQUIRE(options.stun.has_value());
    CHECK(options.stun->address == "192.0.2.10");
    CHECK(options.stun->port == 3478);
    // One RTCIceServer entry, two URLs, one credential each.
    REQUIRE(options.turnServers.size() == 2);
    CHECK(options.turnServers[0].address == "192.0.2.11");
    CHECK(options.turnServers[0].transport == transport::TurnServer::Transport::Udp);
    CHECK(options.turnServers[0].username == "1796900000:7");
    CHECK(options.turnServers[0].password == "q9F0c1bq2kYl0k8yG2Vb9bGx6lY=");
    CHECK(options.turnServers[1].address == "2001:db8::7");
    CHECK(options.turnServers[1].port == 443);
    CHECK(options.turnServers[1].transport == transport::TurnServer::Transport::Tcp);
    CHECK(options.turnServers[1].username == "1796900000:7");
}

TEST_CASE("join info to call options: fresh info replaces the servers of the last join", "[sync][join]")
{
    call::CallOptions options;
    REQUIRE_FALSE(applyJoinInfo(sample(), options).has_value());
    JoinInfo fresh = sample();
    fresh.iceServers.resize(1); // the hub dropped its TURN server
    fresh.token = QStringLiteral("tok-7-laptop1-b");
    REQUIRE_FALSE(applyJoinInfo(fresh, options).has_value());
    CHECK(options.turnServers.empty());
    CHECK(options.token == QStringLiteral("tok-7-laptop1-b"));
}

TEST_CASE("join info to call options: the CLI's servers come first, the hub's are added", "[sync][join]")
{
    transport::IceServers servers;
    REQUIRE_FALSE(transport::addIceServer(servers, "stun:198.51.100.1:19302", {}, {}).has_value());
    REQUIRE_FALSE(addJoinIceServers(sample(), servers).has_value());
    REQUIRE(servers.stun.has_value());
    CHECK(servers.stun->address == "198.51.100.1"); // libnice takes one STUN server: the first wins
    CHECK(servers.turn.size() == 2);
}

TEST_CASE("join info to call options: a TURN URL the engine cannot use is an error, not a silent drop", "[sync][join]")
{
    JoinInfo info = sample();
    info.iceServers[1].urls = {QStringLiteral("turn:192.0.2.11:99999")};
    call::CallOptions options;
    const auto error = applyJoinInfo(info, options);
    REQUIRE(error.has_value());
    CHECK_FALSE(error->message.empty());
}

TEST_CASE("device id: made once, kept in the data dir, read back the same", "[sync][join]")
{
    QTemporaryDir dir;
    REQUIRE(dir.isValid());
    const std::filesystem::path data = std::filesystem::path(dir.path().toStdString()) / "nested";
    const auto first = loadOrCreateDeviceId(data);
    REQUIRE(first.ok());
    CHECK(isValidDeviceId(*first));
    CHECK(first->startsWith(QStringLiteral("app-")));
    QFile file(QString::fromStdString(deviceIdFileIn(data).string()));
    REQUIRE(file.exists());
    // Owner only: nobody else on a shared laptop reads or changes it.
    const auto others = QFileDevice::ReadGroup | QFileDevice::WriteGroup | QFileDevice::ExeGroup
                        | QFileDevice::ReadOther | QFileDevice::WriteOther | QFileDevice::ExeOther;
    CHECK((file.permissions() & others) == 0);
    CHECK(file.permissions().testFlag(QFileDevice::ReadOwner));
    const auto second = loadOrCreateDeviceId(data);
    REQUIRE(second.ok());
    CHECK(*second == *first);

    QTemporaryDir other;
    const auto elsewhere = loadOrCreateDeviceId(std::filesystem::path(other.path().toStdString()));
    REQUIRE(elsewhere.ok());
    CHECK(*elsewhere != *first); // another install is another device
}

TEST_CASE("device id: a hand-edited valid id is kept, a broken one replaced", "[sync][join]")
{
    QTemporaryDir dir;
    const std::filesystem::path data(dir.path().toStdString());
    QFile file(QString::fromStdString(deviceIdFileIn(data).string()));
    REQUIRE(file.open(QIODevice::WriteOnly));
    file.write("clinic-laptop.2\n");
    file.close();
    CHECK(*loadOrCreateDeviceId(data) == QStringLiteral("clinic-laptop.2"));

    REQUIRE(file.open(QIODevice::WriteOnly | QIODevice::Truncate));
    file.write("not a device id!");
    file.close();
    const auto replaced = loadOrCreateDeviceId(data);
    REQUIRE(replaced.ok());
    CHECK(replaced->startsWith(QStringLiteral("app-")));
    REQUIRE(file.open(QIODevice::ReadOnly));
    CHECK(QString::fromLatin1(file.readAll()).trimmed() == *replaced);
}

TEST_CASE("device id: a data dir that cannot be written is a LocalStore error", "[sync][join]")
{
    QTemporaryDir dir;
    const std::filesystem::path blocker = std::filesystem::path(dir.path().toStdString()) / "file";
    QFile plain(QString::fromStdString(blocker.string()));
    REQUIRE(plain.open(QIODevice::WriteOnly));
    plain.close();
    const auto id = loadOrCreateDeviceId(blocker / "data"); // a directory under a plain file
    REQUIRE_FALSE(id.ok());
    CHECK(id.error().kind == SyncErrorKind::LocalStore);
}

TEST_CASE("join refusals by kind: removed, over, no media, wrong session, offline", "[sync][join]")
{
    CHECK(classifyJoinInfoError(httpError(403, "forbidden")) == JoinInfoRefusal::RemovedByChair);
    CHECK(classifyJoinInfoError(httpError(409, "conflict")) == JoinInfoRefusal::SessionOver);
    CHECK(classifyJoinInfoError(httpError(503, "media_unavailable")) == JoinInfoRefusal::MediaUnavailable);
    CHECK(classifyJoinInfoError(httpError(503, "unavailable")) == JoinInfoRefusal::Other);
    CHECK(classifyJoinInfoError(httpError(404, "not_found")) == JoinInfoRefusal::NoSuchSession);
    CHECK(classifyJoinInfoError(httpError(401, "unauthenticated")) == JoinInfoRefusal::NotSignedIn);
    CHECK(classifyJoinInfoError(SyncError{SyncErrorKind::NotSignedIn, 0, {}, {}}) == JoinInfoRefusal::NotSignedIn);
    CHECK(classifyJoinInfoError(SyncError{SyncErrorKind::Offline, 0, {}, {}}) == JoinInfoRefusal::Unreachable);
    CHECK(classifyJoinInfoError(SyncError{SyncErrorKind::TlsFailure, 0, {}, {}}) == JoinInfoRefusal::Unreachable);
    CHECK(classifyJoinInfoError(httpError(500, "internal")) == JoinInfoRefusal::Other);
}

TEST_CASE("The chair's events and answers are read strictly: moderation and removed", "[sync][join]")
{
    const QByteArray moderation = R"({"event":"moderation","session_id":7,"account_id":12,
      "audio_muted_by_chair":true,"by":{"id":2,"name":"Dr Otieno"},"at_ms":1796900004000})";
    const auto event = parseHubEvent(moderation);
    REQUIRE(event.ok());
    const auto* held = std::get_if<HubModeration>(&*event);
    REQUIRE(held);
    CHECK(held->sessionId == 7);
    CHECK(held->accountId == 12);
    CHECK(held->audioMutedByChair);
    CHECK(held->byName == QStringLiteral("Dr Otieno"));
    CHECK(held->atMs == 1796900004000LL);

    const auto removed = parseHubEvent(
        R"({"event":"removed","session_id":7,"account_id":12,"by":{"id":2,"name":"Dr Otieno"},"at_ms":5})");
    REQUIRE(removed.ok());
    const auto* removal = std::get_if<HubRemoval>(&*removed);
    REQUIRE(removal);
    CHECK(removal->accountId == 12);
    CHECK(removal->byId == 2);

    // A missing flag is not "not muted", and a removal without its account is no removal.
    const auto noFlag =
        parseHubEvent(R"({"event":"moderation","session_id":7,"account_id":12,"by":{"id":2,"name":"D"},"at_ms":1})");
    REQUIRE_FALSE(noFlag.ok());
    CHECK(noFlag.error().detail.contains(QStringLiteral("audio_muted_by_chair")));
    CHECK_FALSE(parseHubEvent(R"({"event":"removed","session_id":7,"by":{"id":2,"name":"D"},"at_ms":1})").ok());

    // The answers to POST …/moderate and …/remove name no session: the caller's is kept.
    const auto answer = parseModerationAnswer(
        R"({"moderation":{"account_id":12,"audio_muted_by_chair":false,"by":{"id":2,"name":"D"},"at_ms":9,"feeds":[12002]}})",
        7);
    REQUIRE(answer.ok());
    CHECK(answer->sessionId == 7);
    CHECK_FALSE(answer->audioMutedByChair);
    const auto kicked = parseRemovalAnswer(
        R"({"removed":{"account_id":12,"by":{"id":2,"name":"D"},"at_ms":9,"kicked_feeds":[12002,12003]}})", 7);
    REQUIRE(kicked.ok());
    CHECK(kicked->accountId == 12);
}

TEST_CASE("The event listener emits the chair's events", "[sync][join]")
{
    EventListener listener;
    std::vector<HubModeration> moderations;
    std::vector<HubRemoval> removals;
    QObject::connect(&listener, &EventListener::moderated, [&](const HubModeration& m) { moderations.push_back(m); });
    QObject::connect(&listener, &EventListener::removed, [&](const HubRemoval& r) { removals.push_back(r); });
    listener.handleMessage(QStringLiteral(R"({"event":"moderation","session_id":7,"account_id":12,)"
                                          R"("audio_muted_by_chair":true,"by":{"id":2,"name":"D"},"at_ms":1})"));
    listener.handleMessage(
        QStringLiteral(R"({"event":"removed","session_id":7,"account_id":13,"by":{"id":2,"name":"D"},"at_ms":2})"));
    listener.handleMessage(QStringLiteral(R"({"event":"removed","session_id":7})"));
    REQUIRE(moderations.size() == 1);
    CHECK(moderations[0].accountId == 12);
    REQUIRE(removals.size() == 1);
    CHECK(removals[0].accountId == 13);
    CHECK(listener.droppedEvents() == 1);
}
