// The chair's recording switch through the router (no network, no Janus),
// on SQLite and PostgreSQL: who may switch it, what the body must be, what
// the state and the event say, that a repeated switch announces nothing
// (the supervisor would start a second recorder for it), and that a hub
// that cannot record (no recorder, or no room yet) says so and keeps no
// state.

#include "HubTestDatabases.h"
#include "api_test_support.h"

#include "hub/db/HubDatabase.h"

using namespace spoke::test;
using spoke::hub::Role;

namespace {

QString errorMessage(const spoke::hub::api::HttpResponse& response)
{
    return jsonOf(response).value(QStringLiteral("error")).toObject().value(QStringLiteral("message")).toString();
}

struct RecordingFixture {
    explicit RecordingFixture(const spoke::hub::HubDatabaseLocation& location) : hub(location)
    {
        programme = hub.addProgramme(QStringLiteral("HIV Namibia"));
        session = hub.addLiveSession(programme, QStringLiteral("Week 3"), hub.nowMs, 60,
                                     QStringLiteral("Didactic:15,Case:20"));
        chair = hub.member(programme, Role::Specialist, QStringLiteral("Dr Chair"));
        trainee = hub.member(programme, Role::Trainee, QStringLiteral("Trainee"));
        const qint64 other = hub.addProgramme(QStringLiteral("TB Kenya"));
        outsider = hub.member(other, Role::Coordinator, QStringLiteral("Outsider"));
        // As serve with --janus and a data dir, and a call under way.
        hub.router().setRecorderAvailable(true);
        openRoom();
    }
    // The session's room as the first join leaves it (RoomStore::ensureRoom).
    void openRoom()
    {
        hub.db().exec(
            QStringLiteral("INSERT INTO session_rooms (session_id, janus_instance, janus_room, pin, secret, "
                           "created_ms) VALUES (?, 'main', ?, 'pin-12345678', 'secret-0123456789abcdef', ?)"),
            {QVariant::fromValue(session), QVariant::fromValue(session + 100'000), QVariant::fromValue(hub.nowMs)});
    }
    spoke::hub::api::RouteOutcome post(const QString& token, const QByteArray& body, qint64 id = 0)
    {
        return hub.call("POST", QStringLiteral("/api/v1/sessions/%1/recording").arg(id ? id : session), token, body);
    }
    QJsonObject get(const QString& token)
    {
        const auto answer = hub.call("GET", QStringLiteral("/api/v1/sessions/%1/recording").arg(session), token);
        REQUIRE(answer.response.status == 200);
        return jsonOf(answer.response).value(QStringLiteral("recording")).toObject();
    }

    ApiHub hub;
    qint64 programme = 0;
    qint64 session = 0;
    QString chair;
    QString trainee;
    QString outsider;
};

} // namespace

HUB_TEST_ON_BOTH_DATABASES(recordingSwitch, "recording control: the chair switches it and every member sees it",
                           "[hub][recording]")
{
    RecordingFixture f(database.location());
    const QJsonObject before = f.get(f.trainee);
    CHECK(before.value("session_id").toInteger() == f.session);
    CHECK_FALSE(before.value("active").toBool());
    CHECK(before.value("started_ms").isNull());
    CHECK(before.value("parts").toArray().isEmpty());

    const auto on = f.post(f.chair, R"({"recording":true})");
    REQUIRE(on.response.status == 200);
    const QJsonObject state = jsonOf(on.response).value("recording").toObject();
    CHECK(state.value("active").toBool());
    CHECK(state.value("started_ms").toInteger() == f.hub.nowMs);
    REQUIRE(on.changes.size() == 1);
    CHECK(on.changes[0].programmeId == f.programme);
    CHECK(on.changes[0].event.value("event").toString() == QLatin1String("recording"));
    CHECK(on.changes[0].event.value("session_id").toInteger() == f.session);
    CHECK(on.changes[0].event.value("recording").toObject() == state);
    CHECK(f.get(f.trainee) == state);

    // Again: the same answer, and nothing to announce.
    f.hub.nowMs += 1000;
    const auto again = f.post(f.chair, R"({"recording":true})");
    CHECK(again.response.status == 200);
    CHECK(again.changes.empty());
    CHECK(jsonOf(again.response).value("recording").toObject().value("started_ms").toInteger() == f.hub.nowMs - 1000);

    // The parts the supervisor writes show in the answer, in order.
    f.hub.db().exec(
        QStringLiteral("INSERT INTO session_recordings (session_id, part, file, started_ms, ended_ms, "
                       "exit_status) VALUES (?, 1, 'session-1/part-1.webm', ?, ?, 'crashed')"),
        {QVariant::fromValue(f.session), QVariant::fromValue(f.hub.nowMs), QVariant::fromValue(f.hub.nowMs + 5)});
    f.hub.db().exec(QStringLiteral("INSERT INTO session_recordings (session_id, part, file, started_ms) "
                                   "VALUES (?, 2, 'session-1/part-2.webm', ?)"),
                    {QVariant::fromValue(f.session), QVariant::fromValue(f.hub.nowMs + 10)});
    const QJsonArray parts = f.get(f.chair).value("parts").toArray();
    REQUIRE(parts.size() == 2);
    CHECK(parts[0].toObject().value("exit_status").toString() == QLatin1String("crashed"));
    CHECK(parts[0].toObject().value("ended_ms").toInteger() == f.hub.nowMs + 5);
    CHECK(parts[1].toObject().value("part").toInt() == 2);
    CHECK(parts[1].toObject().value("ended_ms").isNull());
    CHECK(parts[1].toObject().value("exit_status").isNull());

    const auto off = f.post(f.chair, R"({"recording":false})");
    REQUIRE(off.response.status == 200);
    CHECK_FALSE(jsonOf(off.response).value("recording").toObject().value("active").toBool());
    REQUIRE(off.changes.size() == 1);
    CHECK_FALSE(off.changes[0].event.value("recording").toObject().value("active").toBool());
}

HUB_TEST_ON_BOTH_DATABASES(recordingRefusals, "recording control: refusals are 4xx and name the rule",
                           "[hub][recording]")
{
    RecordingFixture f(database.location());
    CHECK(f.post(f.trainee, R"({"recording":true})").response.status == 403);
    CHECK(f.post(f.outsider, R"({"recording":true})").response.status == 403);
    CHECK(f.hub.call("GET", QStringLiteral("/api/v1/sessions/%1/recording").arg(f.session), f.outsider).response.status
          == 403);
    CHECK(f.post(f.chair, R"({"recording":"yes"})").response.status == 400);
    CHECK(f.post(f.chair, R"({})").response.status == 400);
    CHECK(f.post(f.chair, R"([true])").response.status == 400);
    CHECK(f.post(f.chair, R"({"recording":true})", 999'999).response.status == 404);
    CHECK(f.hub.call("POST", QStringLiteral("/api/v1/sessions/x/recording"), f.chair, R"({"recording":true})")
              .response.status
          == 400);
    CHECK(f.post({}, R"({"recording":true})").response.status == 401);

    // An ended session cannot be recorded; switching off is still allowed.
    REQUIRE(f.hub
                .call("POST", QStringLiteral("/api/v1/sessions/%1/agenda/advance").arg(f.session), f.chair,
                      R"({"end":true})")
                .response.status
            == 200);
    const auto late = f.post(f.chair, R"({"recording":true})");
    CHECK(late.response.status == 409);
    CHECK(late.changes.empty());
    CHECK(f.post(f.chair, R"({"recording":false})").response.status == 200);
}

HUB_TEST_ON_BOTH_DATABASES(recordingUnavailable,
                           "recording control: a hub that cannot record refuses to switch it on and keeps no state",
                           "[hub][recording]")
{
    RecordingFixture f(database.location());
    const auto expectNothingRecorded = [&f] {
        const QJsonObject state = f.get(f.trainee);
        CHECK_FALSE(state.value("active").toBool());
        CHECK(state.value("started_ms").isNull());
        CHECK(f.hub.db()
                  .queryOne(QStringLiteral("SELECT COUNT(*) FROM session_recording_state WHERE session_id = ?"),
                            {QVariant::fromValue(f.session)})
                  ->integer(0)
              == 0);
    };

    // serve without --janus (or without a data dir): nothing would record it.
    f.hub.router().setRecorderAvailable(false);
    const auto noRecorder = f.post(f.chair, R"({"recording":true})");
    CHECK(noRecorder.response.status == 503);
    CHECK(errorCode(noRecorder.response) == QLatin1String("recording_unavailable"));
    CHECK_FALSE(errorMessage(noRecorder.response).isEmpty());
    CHECK(noRecorder.changes.empty());
    expectNothingRecorded();
    // Switching off is no promise to record: still answered.
    CHECK(f.post(f.chair, R"({"recording":false})").response.status == 200);
    expectNothingRecorded();

    // A hub that records, but nobody has joined the call: the recorder has
    // no room to join (it never makes one).
    f.hub.router().setRecorderAvailable(true);
    const qint64 quiet = f.hub.addLiveSession(f.programme, QStringLiteral("Week 4"), f.hub.nowMs, 60);
    const auto noRoom = f.post(f.chair, R"({"recording":true})", quiet);
    CHECK(noRoom.response.status == 409);
    CHECK(errorCode(noRoom.response) == QLatin1String("no_room"));
    CHECK(errorMessage(noRoom.response).contains(QString::number(quiet)));
    CHECK(noRoom.changes.empty());
    const auto quietState = f.hub.call("GET", QStringLiteral("/api/v1/sessions/%1/recording").arg(quiet), f.chair);
    CHECK_FALSE(jsonOf(quietState.response).value("recording").toObject().value("active").toBool());

    // A destroyed room (the session's call is over) is no room either.
    f.hub.db().exec(QStringLiteral("UPDATE session_rooms SET destroyed_ms = ? WHERE session_id = ?"),
                    {QVariant::fromValue(f.hub.nowMs), QVariant::fromValue(f.session)});
    CHECK(f.post(f.chair, R"({"recording":true})").response.status == 409);
    expectNothingRecorded();
}
