// JanusMessage parsing on canned Janus 1.1.2 messages (captured from the real
// server in the harness) and on malformed input.
#include "session/JanusMessage.h"

#include <catch2/catch.hpp>

#include <QJsonArray>

using namespace spoke::session;

namespace {

JanusMessage parseOk(const char* text)
{
    auto parsed = parseJanusMessage(QByteArray(text));
    if (auto* failure = std::get_if<ParseFailure>(&parsed))
        FAIL("unexpected parse failure: " << failure->message.toStdString());
    return std::get<JanusMessage>(parsed);
}

QString parseError(const QByteArray& text)
{
    auto parsed = parseJanusMessage(text);
    REQUIRE(std::holds_alternative<ParseFailure>(parsed));
    return std::get<ParseFailure>(parsed).message;
}

} // namespace

TEST_CASE("session: core success carries the new session id", "[session][parse]")
{
    const auto message = parseOk(R"({"janus":"success","transaction":"t1","data":{"id":8195787632575120}})");
    CHECK(message.type == JanusMessageType::Success);
    CHECK(message.transaction == QStringLiteral("t1"));
    CHECK(janusId(message.data.value(QStringLiteral("id"))) == 8195787632575120ULL);
    CHECK_FALSE(message.hasPluginError());
}

TEST_CASE("session: videoroom joined event with attendees", "[session][parse]")
{
    const auto message =
        parseOk(R"({"janus":"event","session_id":115346244734799,"transaction":"0.15","sender":8446044871800168,)"
                R"("plugindata":{"plugin":"janus.plugin.videoroom","data":{"videoroom":"joined","room":1234,)"
                R"("description":"Spoke practice room","id":6583056501780107,"private_id":3074319509,)"
                R"("publishers":[],"attendees":[{"id":63602745978848,"display":"Alice"}]}}})");
    CHECK(message.type == JanusMessageType::Event);
    CHECK(message.sessionId == 115346244734799ULL);
    CHECK(message.sender == 8446044871800168ULL);
    CHECK(message.plugin == QStringLiteral("janus.plugin.videoroom"));
    CHECK(message.pluginData.value(QStringLiteral("videoroom")).toString() == QStringLiteral("joined"));
    CHECK(message.pluginData.value(QStringLiteral("attendees")).toArray().size() == 1);
    CHECK_FALSE(message.jsep.has_value());
}

TEST_CASE("session: event with a jsep answer", "[session][parse]")
{
    const auto message =
        parseOk(R"({"janus":"event","sender":1,"transaction":"t","plugindata":{"plugin":"janus.plugin.videoroom",)"
                R"("data":{"videoroom":"event","configured":"ok"}},"jsep":{"type":"answer","sdp":"v=0\r\n"}})");
    REQUIRE(message.jsep.has_value());
    CHECK(message.jsep->type == QStringLiteral("answer"));
    CHECK(message.jsep->sdp == QStringLiteral("v=0\r\n"));
    CHECK(message.jsep->trickle);
}

TEST_CASE("session: core and plugin errors are lifted with code and reason", "[session][parse]")
{
    const auto core =
        parseOk(R"({"janus":"error","transaction":"t","error":{"code":458,"reason":"No such session 42"}})");
    CHECK(core.type == JanusMessageType::Error);
    CHECK(core.errorCode == 458);
    CHECK(core.errorReason == QStringLiteral("No such session 42"));

    const auto plugin =
        parseOk(R"({"janus":"success","session_id":8195787632575120,"transaction":"0.81","sender":2918537103134575,)"
                R"("plugindata":{"plugin":"janus.plugin.videoroom","data":{"videoroom":"event","error_code":423,)"
                R"("error":"Unknown request 'bogus'"}}})");
    CHECK(plugin.type == JanusMessageType::Success);
    CHECK(plugin.hasPluginError());
    CHECK(plugin.errorCode == 423);
    CHECK(plugin.errorReason == QStringLiteral("Unknown request 'bogus'"));
}

TEST_CASE("session: handle-level notifications are typed", "[session][parse]")
{
    CHECK(parseOk(R"({"janus":"webrtcup","session_id":1,"sender":2})").type == JanusMessageType::WebrtcUp);
    CHECK(parseOk(R"({"janus":"media","session_id":1,"sender":2,"type":"video","receiving":true})").type
          == JanusMessageType::Media);
    CHECK(parseOk(R"({"janus":"hangup","session_id":1,"sender":2,"reason":"DTLS alert"})").type
          == JanusMessageType::Hangup);
    CHECK(parseOk(R"({"janus":"timeout","session_id":1})").type == JanusMessageType::Timeout);
    const auto future = parseOk(R"({"janus":"something_new","session_id":1})");
    CHECK(future.type == JanusMessageType::Other);
    CHECK(future.typeName == QStringLiteral("something_new"));
}

TEST_CASE("session: malformed messages are refused with a reason", "[session][parse]")
{
    CHECK(parseError("").contains(QStringLiteral("not JSON")));
    CHECK(parseError("{\"janus\":").contains(QStringLiteral("not JSON")));
    CHECK(parseError("[1,2]") == QStringLiteral("not a JSON object"));
    CHECK(parseError("{}").contains(QStringLiteral("janus")));
    CHECK(parseError(R"({"janus":5})").contains(QStringLiteral("janus")));
    CHECK(parseError(R"({"janus":"ack","transaction":7})").contains(QStringLiteral("transaction")));
    CHECK(parseError(R"({"janus":"event","sender":"12"})").contains(QStringLiteral("sender")));
    CHECK(parseError(R"({"janus":"event","sender":-3})").contains(QStringLiteral("sender")));
    CHECK(parseError(R"({"janus":"event","session_id":1.5})").contains(QStringLiteral("session_id")));
    CHECK(parseError(R"({"janus":"event","session_id":9007199254740992})").contains(QStringLiteral("session_id")));
    CHECK(parseError(R"({"janus":"success","data":[]})").contains(QStringLiteral("data")));
    CHECK(parseError(R"({"janus":"event","plugindata":{"plugin":"x"}})").contains(QStringLiteral("plugindata")));
    CHECK(
        parseError(R"({"janus":"event","plugindata":{"plugin":1,"data":{}}})").contains(QStringLiteral("plugindata")));
    CHECK(parseError(R"({"janus":"event","jsep":{"type":"offer"}})").contains(QStringLiteral("jsep")));
    CHECK(parseError(R"({"janus":"event","jsep":{"type":"pranswer","sdp":""}})").contains(QStringLiteral("jsep")));
    CHECK(parseError(R"({"janus":"error","error":"boom"})").contains(QStringLiteral("error")));
    CHECK(parseError(QByteArray("{\"janus\":\"ack\"\0}", 16)).contains(QStringLiteral("not JSON")));
}

TEST_CASE("session: ids are positive 53-bit integers", "[session][parse]")
{
    CHECK(janusId(QJsonValue(1)) == 1ULL);
    CHECK(janusId(QJsonValue(qint64(9007199254740991))) == 9007199254740991ULL);
    CHECK_FALSE(janusId(QJsonValue(qint64(9007199254740992))));
    CHECK_FALSE(janusId(QJsonValue(0)));
    CHECK_FALSE(janusId(QJsonValue(-1)));
    CHECK_FALSE(janusId(QJsonValue(2.5)));
    CHECK_FALSE(janusId(QJsonValue(QStringLiteral("12"))));
    CHECK_FALSE(janusId(QJsonValue()));
}
