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
        compact(videoroom::joinSubscriber(1234, streams, {99, false}))
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
