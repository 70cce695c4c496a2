// The join info (docs/hub-api.md, GET /api/v1/sessions/{id}/join) is read
// strictly: exactly what the contract names, each field checked, and an
// answer that is not the contract is a BadResponse naming the field.

#include "sync/JoinInfo.h"

#include <catch2/catch.hpp>

using namespace spoke::sync;

namespace {

const QByteArray kJoin = R"({"join":{
  "janus_url":"wss://media.example.org:8989/janus",
  "room":5678901234,
  "pin":"k3TqZ9",
  "token":"tok-7-laptop1",
  "feeds":{"camera":700001,"screen":700002},
  "display":"Dr Amina Otieno",
  "role":"specialist",
  "ice_servers":[{"urls":["stun:turn.example.org:3478"]},
                 {"urls":["turn:turn.example.org:3478?transport=udp","turn:[2001:db8::7]:3478?transport=tcp"],
                  "username":"1796900000:7","credential":"q9F0c1bq2kYl0k8yG2Vb9bGx6lY="}],
  "expires_ms":1796900000000}})";

QByteArray replaced(const char* from, const char* to)
{
    QByteArray copy = kJoin;
    REQUIRE(copy.contains(from));
    return copy.replace(from, to);
}

QString refusal(const QByteArray& body)
{
    const auto info = parseJoinInfoAnswer(body);
    REQUIRE_FALSE(info.ok());
    CHECK(info.error().kind == SyncErrorKind::BadResponse);
    return info.error().detail;
}

} // namespace

TEST_CASE("join info in the contract's shape is read whole", "[sync][join]")
{
    const auto info = parseJoinInfoAnswer(kJoin);
    REQUIRE(info.ok());
    CHECK(info->janusUrl == QUrl(QStringLiteral("wss://media.example.org:8989/janus")));
    CHECK(info->room == 5678901234ULL);
    CHECK(info->pin == QStringLiteral("k3TqZ9"));
    CHECK(info->token == QStringLiteral("tok-7-laptop1"));
    CHECK(info->cameraFeedId == 700001);
    CHECK(info->screenFeedId == 700002);
    CHECK(info->display == QStringLiteral("Dr Amina Otieno"));
    CHECK(info->role == QStringLiteral("specialist"));
    CHECK(info->expiresMs == 1796900000000LL);
    REQUIRE(info->iceServers.size() == 2);
    CHECK(info->iceServers[0].urls == QStringList{QStringLiteral("stun:turn.example.org:3478")});
    CHECK(info->iceServers[0].username.isEmpty());
    CHECK(info->iceServers[1].urls.size() == 2);
    CHECK(info->iceServers[1].urls[1] == QStringLiteral("turn:[2001:db8::7]:3478?transport=tcp"));
    CHECK(info->iceServers[1].username == QStringLiteral("1796900000:7"));
    CHECK(info->iceServers[1].credential == QStringLiteral("q9F0c1bq2kYl0k8yG2Vb9bGx6lY="));
}

TEST_CASE("join info: fields the contract does not name are ignored, an empty pin is a room without one",
          "[sync][join]")
{
    auto info = parseJoinInfoAnswer(replaced(R"("role":"specialist",)", R"("role":"specialist","extra":[1],)"));
    REQUIRE(info.ok());
    info = parseJoinInfoAnswer(replaced(R"("pin":"k3TqZ9")", R"("pin":"")"));
    REQUIRE(info.ok());
    CHECK(info->pin.isEmpty());
    info = parseJoinInfoAnswer(replaced(R"("ice_servers":[)", R"("ice_servers":[],"was":[)"));
    REQUIRE(info.ok());
    CHECK(info->iceServers.empty());
}

TEST_CASE("join info: each broken field is named", "[sync][join]")
{
    CHECK(refusal("[]") == QStringLiteral("answer is not a JSON object"));
    CHECK(refusal("{}") == QStringLiteral("answer.join is missing"));
    CHECK(refusal(replaced(R"("room":5678901234,)", "")) == QStringLiteral("join.room is missing"));
    CHECK(refusal(replaced(R"("room":5678901234)", R"("room":"5678901234")"))
          == QStringLiteral("join.room is not a whole number"));
    CHECK(refusal(replaced(R"("room":5678901234)", R"("room":0)")) == QStringLiteral("join.room is out of range"));
    CHECK(refusal(replaced(R"("room":5678901234)", R"("room":1.5)"))
          == QStringLiteral("join.room is not a whole number"));
    CHECK(refusal(replaced("wss://media", "https://media"))
          == QStringLiteral("join.janus_url is not a ws:// or wss:// URL"));
    CHECK(refusal(replaced(R"("token":"tok-7-laptop1")", R"("token":"")")) == QStringLiteral("join.token is empty"));
    CHECK(refusal(replaced(R"("pin":"k3TqZ9")", R"("pin":7)")) == QStringLiteral("join.pin is not a string"));
    CHECK(refusal(replaced(R"("camera":700001,)", "")) == QStringLiteral("join.feeds.camera is missing"));
    CHECK(refusal(replaced(R"("screen":700002)", R"("screen":700001)"))
          == QStringLiteral("join.feeds.screen is the camera's id"));
    CHECK(refusal(replaced(R"("display":"Dr Amina Otieno",)", "")) == QStringLiteral("join.display is missing"));
    CHECK(refusal(replaced(R"("role":"specialist")", R"("role":null)")) == QStringLiteral("join.role is missing"));
    CHECK(refusal(replaced(R"("expires_ms":1796900000000)", R"("expires_ms":-1)"))
          == QStringLiteral("join.expires_ms is out of range"));
    CHECK(refusal(replaced(R"({"urls":["stun:turn.example.org:3478"]})", "7"))
          == QStringLiteral("join.ice_servers[0] is not an object"));
    CHECK(refusal(replaced("stun:turn.example.org:3478", "http://turn.example.org"))
          == QStringLiteral("join.ice_servers[0].urls[0] is not a stun: or turn: URL"));
    CHECK(refusal(replaced("?transport=udp", "?transport=sctp"))
          == QStringLiteral("join.ice_servers[1].urls[0] is not a stun: or turn: URL"));
    CHECK(refusal(replaced(R"("username":"1796900000:7",)", ""))
          == QStringLiteral("join.ice_servers[1].username is missing"));
    CHECK(refusal(replaced(R"({"urls":["stun:turn.example.org:3478"]})", R"({"urls":[]})"))
          == QStringLiteral("join.ice_servers[0].urls is empty"));
    CHECK(refusal(replaced(R"("ice_servers":[)", R"("ice_servers_old":[)"))
          == QStringLiteral("join.ice_servers is missing"));
    CHECK(refusal(replaced(R"("display":"Dr Amina Otieno")",
                           QByteArray("\"display\":\"" + QByteArray(600, 'a') + "\"").constData()))
          == QStringLiteral("join.display is too long"));
}

TEST_CASE("join info: a device id is 1-64 characters of [A-Za-z0-9._-]", "[sync][join]")
{
    CHECK(isValidDeviceId(QStringLiteral("laptop-1.clinic_A")));
    CHECK(isValidDeviceId(QString(64, QLatin1Char('d'))));
    CHECK_FALSE(isValidDeviceId(QString()));
    CHECK_FALSE(isValidDeviceId(QString(65, QLatin1Char('d'))));
    CHECK_FALSE(isValidDeviceId(QStringLiteral("laptop 1")));
    CHECK_FALSE(isValidDeviceId(QStringLiteral("laptop/1")));
}

TEST_CASE("join info: fetching with a malformed device id is refused before any request", "[sync][join]")
{
    HubClient client(QUrl(QStringLiteral("http://127.0.0.1:9")), 1000);
    const auto info = fetchJoinInfo(client, 7, QStringLiteral("bad id"));
    REQUIRE_FALSE(info.ok());
    CHECK(info.error().kind == SyncErrorKind::BadRequest);
}
