// core/hub/janus without Janus or a clock: serve's media arguments, coturn
// REST credentials, the choice of instance, feed ids, the parsing of Janus'
// answers, and the request plans driven with made-up answers.

#include "hub/janus/JanusAnswers.h"
#include "hub/janus/MediaConfig.h"
#include "hub/janus/RoomPlans.h"

#include <catch2/catch.hpp>

#include <QJsonArray>
#include <QJsonDocument>

using namespace spoke::hub::janus;

namespace {

QByteArray pluginAnswer(const QJsonObject& data)
{
    return QJsonDocument(QJsonObject{{"janus", "success"},
                                     {"plugindata", QJsonObject{{"plugin", "janus.plugin.videoroom"}, {"data", data}}}})
        .toJson(QJsonDocument::Compact);
}

PluginAnswer success(const QJsonObject& data)
{
    return parsePluginAnswer(pluginAnswer(data));
}

PluginAnswer refusal(int code)
{
    return parsePluginAnswer(pluginAnswer(QJsonObject{{"videoroom", "event"}, {"error_code", code}, {"error", "no"}}));
}

QJsonObject participantsData(const QJsonArray& list)
{
    return QJsonObject{{"videoroom", "participants"}, {"room", 100007}, {"participants", list}};
}

QString requestName(const Step& step)
{
    REQUIRE(step.request);
    return step.request->value("request").toString();
}

} // namespace

TEST_CASE("rooms: --janus, --stun, --turn and --turn-ttl-s are checked and a refusal names the argument",
          "[hub][rooms]")
{
    auto parsed = parseJanusArgument("main=http://127.0.0.1:8088/janus,wss://media.example.org:8989");
    REQUIRE(parsed.ok());
    CHECK(parsed->name == "main");
    CHECK(parsed->httpApi == QUrl("http://127.0.0.1:8088/janus"));
    CHECK(parsed->publicWs == QUrl("wss://media.example.org:8989"));

    for (const char* bad : {"http://127.0.0.1:8088/janus,ws://x", "main=http://x/janus", "m a=http://x,ws://y",
                            "main=ftp://x/janus,ws://y", "main=http://x/janus,https://y", "=http://x,ws://y"}) {
        INFO(bad);
        auto refused = parseJanusArgument(QString::fromLatin1(bad));
        REQUIRE_FALSE(refused.ok());
        CHECK(refused.error().startsWith("--janus "));
    }
    CHECK_FALSE(checkStunUrl("stun:stun.example.org:3478"));
    CHECK_FALSE(checkStunUrl("stun:[2001:db8::1]:3478"));
    CHECK(checkStunUrl("turn:x:3478").value_or("").startsWith("--stun "));
    CHECK(checkStunUrl("stun:x:3478?transport=tcp").has_value());
    CHECK_FALSE(checkTurnUrl("turn:turn.example.org:3478?transport=tcp"));
    CHECK_FALSE(checkTurnUrl("turns:turn.example.org:443"));
    CHECK(checkTurnUrl("turn:x:99999").value_or("").startsWith("--turn "));
    CHECK(checkTurnUrl("turn:x:3478?transport=sctp").has_value());
    CHECK(checkTurnUrl("turn:").has_value());
    CHECK(*parseTurnTtl("3600") == 3600);
    CHECK(parseTurnTtl("59").error().startsWith("--turn-ttl-s "));
    CHECK_FALSE(parseTurnTtl("6h").ok());
    CHECK(MediaConfig::kDefaultTurnTtlS == 21600);
}

TEST_CASE("rooms: TURN credentials follow coturn's REST scheme", "[hub][rooms]")
{
    // Computed independently: python3 hmac.new(b"north", b"1796666400:42", sha1), base64.
    const TurnCredential credential = turnCredential("north", 42, 1796644800000LL, 21600);
    CHECK(credential.username == "1796666400:42");
    CHECK(credential.credential == "7/PTNSKVerUUOGTbwOGl8tERxAY=");
    CHECK(credential.expiresMs == 1796666400000LL);

    MediaConfig config;
    config.stunUrls = {"stun:10.0.0.1:3478"};
    config.turnUrls = {"turn:10.0.0.1:3478?transport=udp", "turn:10.0.0.1:3478?transport=tcp"};
    const QJsonArray servers = iceServersJson(config, credential);
    REQUIRE(servers.size() == 2);
    CHECK(servers[0].toObject() == QJsonObject{{"urls", QJsonArray{"stun:10.0.0.1:3478"}}});
    CHECK(servers[1].toObject().value("urls").toArray().size() == 2);
    CHECK(servers[1].toObject().value("username").toString() == "1796666400:42");
    CHECK(servers[1].toObject().value("credential").toString() == credential.credential);
    config.turnUrls.clear();
    CHECK(iceServersJson(config, credential).size() == 1);
}

TEST_CASE("rooms: a new room goes to the instance with the fewest live rooms, the first on a tie", "[hub][rooms]")
{
    const std::vector<JanusInstance> instances{{"a", {}, {}}, {"b", {}, {}}, {"c", {}, {}}};
    CHECK(chooseInstance(instances, {})->name == "a");
    CHECK(chooseInstance(instances, {{"a", 2}, {"b", 1}, {"c", 1}})->name == "b");
    CHECK(chooseInstance(instances, {{"a", 1}, {"b", 1}})->name == "c");
    CHECK(chooseInstance({}, {}) == nullptr);
}

TEST_CASE("rooms: feed ids are fixed per account and device and name their account", "[hub][rooms]")
{
    CHECK(feedIdsFor(7, 0).camera == 7000);
    CHECK(feedIdsFor(7, 0).screen == 7001);
    CHECK(feedIdsFor(7, 3).camera == 7006);
    const auto owner = ownerOfFeed(7007);
    REQUIRE(owner);
    CHECK(owner->accountId == 7);
    CHECK(owner->slot == 3);
    CHECK(owner->screen);
    CHECK_FALSE(ownerOfFeed(999)); // not one the hub issues
    CHECK(isValidDeviceId("laptop-1.a_b"));
    CHECK_FALSE(isValidDeviceId(""));
    CHECK_FALSE(isValidDeviceId("a/b"));
    CHECK_FALSE(isValidDeviceId(QString(65, u'x')));
}

TEST_CASE("rooms: Janus' answers are parsed strictly", "[hub][rooms]")
{
    CHECK(*parseCoreId(R"({"janus":"success","transaction":"t","data":{"id":5573098347}})") == 5573098347);
    CHECK(parseCoreId(R"({"janus":"error","error":{"code":458,"reason":"No such session"}})").error().code == 458);
    CHECK_FALSE(parseCoreId(R"({"janus":"success","data":{"id":"5"}})").ok());
    CHECK_FALSE(parseCoreId("not json").ok());

    CHECK(refusal(426).error().code == 426);
    CHECK(refusal(426).error().reason == "no");
    CHECK_FALSE(parsePluginAnswer(R"({"janus":"ack"})").ok());
    CHECK(*parseExists(*success({{"videoroom", "success"}, {"room", 1}, {"exists", false}})) == false);
    CHECK_FALSE(parseExists(*success({{"videoroom", "success"}, {"exists", "false"}})).ok());

    auto participants = parseParticipants(
        participantsData({QJsonObject{{"id", 7000}, {"display", "Achieng"}, {"publisher", true}, {"talking", false}},
                          QJsonObject{{"id", 8001}, {"publisher", false}}}));
    REQUIRE(participants.ok());
    REQUIRE(participants->size() == 2);
    CHECK((*participants)[0].display == "Achieng");
    CHECK((*participants)[0].talking == std::optional<bool>(false));
    CHECK_FALSE((*participants)[1].talking);
    CHECK_FALSE(parseParticipants(participantsData({QJsonObject{{"id", -1}}})).ok());
    CHECK_FALSE(parseParticipants(QJsonObject{{"videoroom", "success"}}).ok());
}

TEST_CASE("rooms: a join creates a lost room with its tokens, takes a concurrent create as done, and adds the token",
          "[hub][rooms]")
{
    RoomSpec spec{100007, "pin1234567", "secret-0123456789", "admin", "Spoke session 7", {"t1", "t2"}, 8};
    EnsureRoomPlan plan(spec, {"t2"});
    CHECK(requestName(plan.start()) == "exists");
    const Step create = plan.next(success({{"videoroom", "success"}, {"room", 100007}, {"exists", false}}));
    REQUIRE(requestName(create) == "create");
    CHECK(create.request->value("room").toInteger() == 100007);
    CHECK(create.request->value("pin").toString() == "pin1234567");
    CHECK(create.request->value("secret").toString() == "secret-0123456789");
    CHECK(create.request->value("admin_key").toString() == "admin");
    CHECK(create.request->value("allowed").toArray() == QJsonArray{"t1", "t2"});
    CHECK(create.request->value("videocodec").toString() == "vp8,vp9");
    CHECK(create.request->value("is_private").toBool());
    CHECK(create.request->value("publishers").toInt() == 8);
    const Step allow = plan.next(refusal(kRoomExists)); // another request created it first
    REQUIRE(requestName(allow) == "allowed");
    CHECK(allow.request->value("action").toString() == "add");
    CHECK(allow.request->value("allowed").toArray() == QJsonArray{"t2"});
    CHECK(allow.request->value("secret").toString() == "secret-0123456789");
    const Step finished = plan.next(success({{"videoroom", "success"}, {"room", 100007}}));
    CHECK_FALSE(finished.request);
    CHECK_FALSE(finished.failure);
    CHECK_FALSE(plan.created());

    EnsureRoomPlan existing(spec, {"t1"});
    existing.start();
    CHECK(requestName(existing.next(success({{"videoroom", "success"}, {"exists", true}}))) == "allowed");

    EnsureRoomPlan refused(spec, {"t1"});
    refused.start();
    refused.next(success({{"videoroom", "success"}, {"exists", false}}));
    const Step failed = refused.next(refusal(433)); // a wrong admin_key
    CHECK_FALSE(failed.request);
    REQUIRE(failed.failure);
    CHECK(failed.failure->code == 433);
    CHECK(publishersFor(1) == 6);
    CHECK(publishersFor(40) == 80);
    CHECK(publishersFor(5000) == 200);
}

TEST_CASE("rooms: moderate mutes the audio of the account's camera feeds only", "[hub][rooms]")
{
    ModeratePlan plan(100007, "s", 7, true);
    CHECK(requestName(plan.start()) == "listparticipants");
    const Step first = plan.next(success(participantsData({
        QJsonObject{{"id", 7000}, {"publisher", true}}, QJsonObject{{"id", 7001}, {"publisher", true}}, // screen
        QJsonObject{{"id", 7002}, {"publisher", true}}, QJsonObject{{"id", 7004}, {"publisher", false}},
        QJsonObject{{"id", 8000}, {"publisher", true}}, // someone else
    })));
    REQUIRE(requestName(first) == "moderate");
    CHECK(first.request->value("id").toInteger() == 7000);
    CHECK(first.request->value("mid").toString() == "0");
    CHECK(first.request->value("mute").toBool());
    CHECK(first.request->value("secret").toString() == "s");
    const Step second = plan.next(success({{"videoroom", "success"}}));
    REQUIRE(requestName(second) == "moderate");
    CHECK(second.request->value("id").toInteger() == 7002);
    // 7004 has joined but its media is not up: it is muted too, so that it
    // starts muted.
    const Step third = plan.next(refusal(kNoSuchFeed)); // 7002 has offered no audio yet
    REQUIRE(requestName(third) == "moderate");
    CHECK(third.request->value("id").toInteger() == 7004);
    const Step finished = plan.next(success({{"videoroom", "success"}}));
    CHECK_FALSE(finished.request);
    CHECK_FALSE(finished.failure);
    CHECK(plan.feeds() == std::vector<qint64>{7000, 7004});
}

TEST_CASE("rooms: remove takes the tokens out of allowed, then kicks every feed of the account", "[hub][rooms]")
{
    RemovePlan plan(100007, "s", 7, {"t1", "t2"});
    const Step disallow = plan.start();
    REQUIRE(requestName(disallow) == "allowed");
    CHECK(disallow.request->value("action").toString() == "remove");
    CHECK(disallow.request->value("allowed").toArray() == QJsonArray{"t1", "t2"});
    CHECK(requestName(plan.next(success({{"videoroom", "success"}}))) == "listparticipants");
    const Step kick = plan.next(success(participantsData({QJsonObject{{"id", 7001}, {"publisher", true}},
                                                          QJsonObject{{"id", 7000}, {"publisher", false}},
                                                          QJsonObject{{"id", 9000}, {"publisher", true}}})));
    REQUIRE(requestName(kick) == "kick");
    CHECK(kick.request->value("id").toInteger() == 7000);
    CHECK(requestName(plan.next(success({{"videoroom", "success"}}))) == "kick");
    CHECK_FALSE(plan.next(success({{"videoroom", "success"}})).request);
    CHECK(plan.feeds() == std::vector<qint64>{7000, 7001});

    RemovePlan noRoom(100007, "s", 7, {"t1"});
    noRoom.start();
    const Step gone = noRoom.next(refusal(kNoSuchRoom));
    CHECK_FALSE(gone.request);
    CHECK_FALSE(gone.failure);
}

TEST_CASE("rooms: listing and destroying take a room Janus does not have as empty or done", "[hub][rooms]")
{
    ListPlan list(100007);
    CHECK(requestName(list.start()) == "listparticipants");
    CHECK_FALSE(list.next(refusal(kNoSuchRoom)).failure);
    CHECK(list.participants().empty());
    ListPlan broken(100007);
    broken.start();
    CHECK(broken.next(refusal(499)).failure);

    DestroyPlan destroy(100007, "s");
    const Step first = destroy.start();
    REQUIRE(requestName(first) == "destroy");
    CHECK(first.request->value("secret").toString() == "s");
    CHECK_FALSE(destroy.next(refusal(kNoSuchRoom)).failure);
}
