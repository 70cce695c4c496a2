// The VideoRoom request bodies, checked field by field against the 1.1.x API.
#include "session/VideoRoomRequests.h"

#include <catch2/catch.hpp>

#include <QJsonArray>
#include <QJsonDocument>

using namespace spoke::session;

namespace {
std::string compact(const QJsonObject& object)
{
    return QJsonDocument(object).toJson(QJsonDocument::Compact).toStdString();
}
} // namespace

TEST_CASE("session: publisher requests", "[session][requests]")
{
    videoroom::JoinOptions join;
    join.room = 1234;
    join.display = QStringLiteral("Clinic A");
    CHECK(compact(videoroom::joinPublisher(join))
          == R"({"display":"Clinic A","ptype":"publisher","request":"join","room":1234})");

    videoroom::PublishOptions options;
    options.bitrateBps = 256000;
    options.record = true;
    options.filename = QStringLiteral("case-7");
    options.descriptions = {{QStringLiteral("1"), QStringLiteral("camera")}};
    CHECK(
        compact(videoroom::publish(options))
        == R"({"bitrate":256000,"descriptions":[{"description":"camera","mid":"1"}],"filename":"case-7","record":true,"request":"publish"})");
    CHECK(compact(videoroom::configurePublisher(videoroom::PublishOptions{})) == R"({"request":"configure"})");

    const QJsonObject both = videoroom::joinAndConfigure(join, options);
    CHECK(both.value(QStringLiteral("request")).toString() == QStringLiteral("joinandconfigure"));
    CHECK(both.value(QStringLiteral("ptype")).toString() == QStringLiteral("publisher"));
    CHECK(both.value(QStringLiteral("bitrate")).toInt() == 256000);
    CHECK(compact(videoroom::unpublish()) == R"({"request":"unpublish"})");
    CHECK(compact(videoroom::leave()) == R"({"request":"leave"})");
}

TEST_CASE("session: subscriber requests", "[session][requests]")
{
    const QList<videoroom::FeedStream> streams{{42, QString()}, {43, QStringLiteral("1")}};
    CHECK(
        compact(videoroom::joinSubscriber(1234, streams, {99, false, {}, {}}))
        == R"({"private_id":99,"ptype":"subscriber","request":"join","room":1234,"streams":[{"feed":42},{"feed":43,"mid":"1"}]})");
    CHECK(compact(videoroom::start()) == R"({"request":"start"})");
    CHECK(compact(videoroom::subscribe({{7, QString()}})) == R"({"request":"subscribe","streams":[{"feed":7}]})");
    CHECK(compact(videoroom::unsubscribe({{7, QStringLiteral("0")}}))
          == R"({"request":"unsubscribe","streams":[{"feed":7,"mid":"0"}]})");
    CHECK(compact(videoroom::update({{8, QString()}}, {{7, QString()}}))
          == R"({"request":"update","subscribe":[{"feed":8}],"unsubscribe":[{"feed":7}]})");
    CHECK(compact(videoroom::configureSubscriber(QStringLiteral("1"), 0, 2))
          == R"({"mid":"1","request":"configure","substream":0,"temporal":2})");
    CHECK(compact(videoroom::configureSubscriber(QStringLiteral("1"), -1, 1))
          == R"({"mid":"1","request":"configure","temporal":1})");
}

TEST_CASE("session: a guarded room's pin and token go on the subscriber join too", "[session][requests]")
{
    videoroom::SubscriberOptions options{99, false, QStringLiteral("pin-4417"), QStringLiteral("tok-alice")};
    CHECK(compact(videoroom::joinSubscriber(1234, {{42, QString()}}, options))
          == R"({"pin":"pin-4417","private_id":99,"ptype":"subscriber","request":"join","room":1234,)"
             R"("streams":[{"feed":42}],"token":"tok-alice"})");
    videoroom::JoinOptions join;
    join.room = 1234;
    join.id = 700001;
    join.pin = QStringLiteral("pin-4417");
    join.token = QStringLiteral("tok-alice");
    CHECK(compact(videoroom::joinPublisher(join))
          == R"({"id":700001,"pin":"pin-4417","ptype":"publisher","request":"join","room":1234,"token":"tok-alice"})");
}

TEST_CASE("session: a VideoRoom refusal is told apart by its code", "[session][requests]")
{
    using videoroom::JoinRefusal;
    const auto plugin = [](int code) { return SessionError{SessionErrorKind::PluginError, code, QString()}; };
    CHECK(videoroom::classifyJoinError(plugin(433)) == JoinRefusal::NotAuthorized);
    CHECK(videoroom::classifyJoinError(plugin(426)) == JoinRefusal::NoSuchRoom);
    CHECK(videoroom::classifyJoinError(plugin(436)) == JoinRefusal::FeedIdTaken);
    CHECK(videoroom::classifyJoinError(plugin(432)) == JoinRefusal::RoomFull);
    CHECK(videoroom::classifyJoinError(plugin(499)) == JoinRefusal::Other);
    // Janus core's 433 would be another thing (not the VideoRoom's answer).
    CHECK(videoroom::classifyJoinError({SessionErrorKind::JanusError, 433, QString()}) == JoinRefusal::Other);
    CHECK(videoroom::classifyJoinError({SessionErrorKind::Timeout, 0, QString()}) == JoinRefusal::Other);
}
