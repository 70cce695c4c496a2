// Janus' presence events without a database: the parser on Janus-shaped
// JSON (the shapes of Janus 1.1.2's src/events.c and the VideoRoom's
// notify_event calls), and the clock-free attendance comparison.

#include "hub/janus/JanusEventCheck.h"
#include "hub/janus/JanusEvents.h"

#include <catch2/catch.hpp>

using namespace spoke::hub::janus;

namespace {

// 2026-12-07T12:00:00Z in Janus' microseconds.
constexpr qint64 kJanusUs = 1796644800000000LL;

QByteArray videoRoomEvent(const char* data, qint64 timestampUs = kJanusUs)
{
    return QStringLiteral(R"({"emitter":"janus-a","type":64,"timestamp":%1,"session_id":2004798115,)"
                          R"("handle_id":3708519405,"event":{"plugin":"janus.plugin.videoroom","data":%2}})")
        .arg(timestampUs)
        .arg(QString::fromLatin1(data))
        .toUtf8();
}

QString errorOf(const QByteArray& body)
{
    const auto parsed = parseJanusEvents(body);
    return parsed ? QString() : parsed.error();
}

} // namespace

TEST_CASE("janus events: one VideoRoom join as Janus posts it without grouping", "[hub][janus-events]")
{
    const auto parsed = parseJanusEvents(videoRoomEvent(
        R"({"event":"joined","room":100007,"id":7000,"private_id":1234,"display":"Achieng","token":"t"})",
        kJanusUs + 999));
    REQUIRE(parsed);
    REQUIRE(parsed->presence.size() == 1);
    const JanusPresenceEvent& event = parsed->presence[0];
    CHECK(event.kind == JanusPresenceKind::Joined);
    CHECK(event.room == 100007);
    CHECK(event.feedId == 7000);
    CHECK(event.janusMs == kJanusUs / 1000); // µs truncated, not rounded
    CHECK(event.emitter == QLatin1String("janus-a"));
    CHECK(parsed->ignored == 0);
}

TEST_CASE("janus events: a grouped array keeps joins, leaves, kicks and destroys, and ignores the rest",
          "[hub][janus-events]")
{
    const QByteArray body =
        "[" + videoRoomEvent(R"({"event":"joined","room":100007,"id":7000})", kJanusUs) + ","
        + videoRoomEvent(R"({"event":"published","room":100007,"id":7000,"streams":[]})") + ","
        + videoRoomEvent(R"({"event":"unpublished","room":100007,"id":7000})") + ","
        + videoRoomEvent(R"({"event":"leaving","room":100007,"id":7000})", kJanusUs + 5'000'000) + ","
        + videoRoomEvent(R"({"event":"kicked","room":100007,"id":8002})", kJanusUs + 6'000'000) + ","
        + videoRoomEvent(R"({"event":"destroyed","room":100007})", kJanusUs + 7'000'000) + ","
        + videoRoomEvent(R"({"event":"joined","room":"named-room","id":"named-feed"})") + ","
        + R"({"type":2,"timestamp":1,"session_id":1,"handle_id":2,"event":{"name":"detached","plugin":"janus.plugin.videoroom"}},)"
        + R"({"type":1,"timestamp":1,"session_id":1,"event":{"name":"created"}},)"
        + R"({"type":256,"timestamp":1,"event":{"status":"started"}},)"
        + R"({"type":64,"timestamp":1,"event":{"plugin":"janus.plugin.echotest","data":{"audio_active":"true"}}})"
        + "]";
    const auto parsed = parseJanusEvents(body);
    REQUIRE(parsed);
    REQUIRE(parsed->presence.size() == 4);
    CHECK(parsed->presence[0].kind == JanusPresenceKind::Joined);
    CHECK(parsed->presence[1].kind == JanusPresenceKind::Left);
    CHECK(parsed->presence[1].janusMs == kJanusUs / 1000 + 5'000);
    CHECK(parsed->presence[2].kind == JanusPresenceKind::Left);
    CHECK(parsed->presence[2].feedId == 8002);
    CHECK(parsed->presence[3].kind == JanusPresenceKind::RoomDestroyed);
    CHECK(parsed->presence[3].room == 100007);
    CHECK(parsed->presence[3].feedId == 0);
    CHECK(parsed->ignored == 7);
}

TEST_CASE("janus events: what Janus never sends is a clear error", "[hub][janus-events]")
{
    CHECK(errorOf("not json").contains(QLatin1String("not JSON")));
    CHECK(errorOf("[]").contains(QLatin1String("non-empty array")));
    CHECK(errorOf("[1]").contains(QLatin1String("event [0] is not a JSON object")));
    CHECK(errorOf("{\"timestamp\":1}").contains(QLatin1String("\"type\"")));
    CHECK(errorOf("{\"type\":64}").contains(QLatin1String("\"timestamp\"")));
    CHECK(errorOf("{\"type\":64,\"timestamp\":-1}").contains(QLatin1String("\"timestamp\"")));
    CHECK(errorOf("{\"type\":64,\"timestamp\":1.5}").contains(QLatin1String("\"timestamp\"")));
    CHECK(errorOf("{\"type\":\"64\",\"timestamp\":1}").contains(QLatin1String("\"type\"")));
    CHECK(errorOf("{\"type\":64,\"timestamp\":1e300}").contains(QLatin1String("\"timestamp\"")));
    CHECK(errorOf(videoRoomEvent("{\"event\":\"joined\",\"room\":100007}")).contains(QLatin1String("\"id\"")));
    CHECK(errorOf(videoRoomEvent("{\"event\":\"leaving\",\"id\":7000}")).contains(QLatin1String("\"room\"")));
    CHECK(errorOf(videoRoomEvent("{\"event\":\"joined\",\"room\":100007,\"id\":0}")).contains(QLatin1String("\"id\"")));
    CHECK(errorOf(videoRoomEvent("{\"event\":\"joined\",\"room\":100007,\"id\":9007199254740992}"))
              .contains(QLatin1String("\"id\"")));
    CHECK(errorOf(videoRoomEvent("[]")).contains(QLatin1String("\"data\"")));
    // The whole body is refused for one bad event: Janus sends none, so it
    // is not Janus.
    CHECK(errorOf("[" + videoRoomEvent("{\"event\":\"joined\",\"room\":1,\"id\":7000}") + ",{}]")
              .contains(QLatin1String("event [1]")));
    QByteArray many = "[";
    for (int i = 0; i <= kMaxJanusEventsPerBody; ++i)
        many += (i ? "," : "") + QByteArray(R"({"type":1,"timestamp":1})");
    CHECK(errorOf(many + "]").contains(QLatin1String("at most 1000")));
}

TEST_CASE("janus events: a side's span is its first join and last leave, open while a stream is in",
          "[hub][janus-events]")
{
    CHECK_FALSE(summarise({}).joinedMs);
    // Two joins and two leaves on one device: first join, last leave.
    PresenceSpan span = summarise(
        {{"laptop", true, 1'000}, {"laptop", false, 5'000}, {"laptop", true, 6'000}, {"laptop", false, 9'000}});
    CHECK(span.joinedMs == 1'000);
    CHECK(span.leftMs == 9'000);
    // Back after the last leave: still in the call.
    span = summarise({{"laptop", true, 1'000}, {"laptop", false, 5'000}, {"laptop", true, 6'000}});
    CHECK(span.joinedMs == 1'000);
    CHECK_FALSE(span.leftMs);
    // The phone left, the laptop is still in.
    span = summarise({{"laptop", true, 1'000}, {"phone", true, 2'000}, {"phone", false, 3'000}});
    CHECK_FALSE(span.leftMs);
    // A leave alone (a client that reported only that).
    span = summarise({{"laptop", false, 3'000}});
    CHECK_FALSE(span.joinedMs);
    CHECK(span.leftMs == 3'000);
}

TEST_CASE("janus events: the comparison agrees within the tolerance, inclusive, and names each disagreement",
          "[hub][janus-events]")
{
    const auto kinds = [](const AttendanceComparison& check) {
        std::vector<CheckProblemKind> out;
        for (const CheckProblem& problem : check.problems)
            out.push_back(problem.kind);
        return out;
    };
    const PresenceSpan client{10'000, 70'000};
    // Exactly the tolerance apart agrees; one more millisecond does not.
    CHECK(compareAttendance(client, {15'000, 65'000}, 5'000).agrees);
    const AttendanceComparison late = compareAttendance(client, {15'001, 70'000}, 5'000);
    CHECK_FALSE(late.agrees);
    REQUIRE(late.problems.size() == 1);
    CHECK(late.problems[0].kind == CheckProblemKind::JoinedApart);
    CHECK(late.problems[0].apartMs == 5'001);
    const AttendanceComparison bothApart = compareAttendance(client, {0, 82'000}, 0);
    CHECK(kinds(bothApart) == std::vector{CheckProblemKind::JoinedApart, CheckProblemKind::LeftApart});
    CHECK(bothApart.problems[1].apartMs == 12'000);
    // Tolerance 0: only equal times agree.
    CHECK(compareAttendance(client, client, 0).agrees);

    // A still-open call on both sides agrees on the leave.
    CHECK(compareAttendance({10'000, std::nullopt}, {11'000, std::nullopt}, 5'000).agrees);
    CHECK(kinds(compareAttendance({10'000, std::nullopt}, {11'000, 60'000}, 5'000))
          == std::vector{CheckProblemKind::NoClientLeave});
    CHECK(kinds(compareAttendance(client, {11'000, std::nullopt}, 5'000))
          == std::vector{CheckProblemKind::NoJanusLeave});

    // Missing sides.
    const AttendanceComparison noJanus = compareAttendance(client, {}, 5'000);
    CHECK_FALSE(noJanus.agrees);
    CHECK(kinds(noJanus) == std::vector{CheckProblemKind::NoJanusJoin});
    CHECK(noJanus.client.joinedMs == 10'000);
    CHECK(kinds(compareAttendance({}, {11'000, 60'000}, 5'000)) == std::vector{CheckProblemKind::NoClientJoin});
    CHECK(kinds(compareAttendance({std::nullopt, 3'000}, {}, 5'000))
          == std::vector{CheckProblemKind::NoClientJoin, CheckProblemKind::NoJanusJoin});
}
