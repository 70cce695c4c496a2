// Janus' events and the attendance check through the router (no network),
// on SQLite and PostgreSQL: who may post events (HTTP Basic "janus"), what
// is stored (feeds the hub issued in rooms it knows, mapped to session and
// account), and what the check answers.

#include "HubTestDatabases.h"
#include "api_test_support.h"

#include "hub/janus/RoomStore.h"

#include <QSet>

using namespace spoke::test;
using spoke::hub::Role;

namespace {

constexpr char kSecret[] = "events-secret-0123456789";

QMap<QByteArray, QByteArray> basic(const QByteArray& user, const QByteArray& password)
{
    return {{"authorization", "Basic " + (user + ":" + password).toBase64()}};
}

// A Janus plugin event as libjanus_sampleevh posts it (Janus 1.1.2).
QByteArray videoRoom(const QString& event, qint64 room, qint64 feed, qint64 atMs)
{
    return QStringLiteral(R"({"emitter":"janus-a","type":64,"timestamp":%1,"event":{"plugin":"janus.plugin.videoroom",)"
                          R"("data":{"event":"%2","room":%3,"id":%4}}})")
        .arg(atMs * 1000 + 123)
        .arg(event)
        .arg(room)
        .arg(feed)
        .toUtf8();
}

QByteArray group(const QList<QByteArray>& events)
{
    return "[" + events.join(',') + "]";
}

struct EventsFixture {
    explicit EventsFixture(const spoke::hub::HubDatabaseLocation& location) : hub(location)
    {
        using namespace spoke::hub::janus;
        programme = hub.addProgramme(QStringLiteral("TB Kenya"));
        session = hub.addLiveSession(programme, QStringLiteral("Week 1"), hub.nowMs, 60);
        other = hub.addLiveSession(programme, QStringLiteral("Week 2"), hub.nowMs, 60);
        room = session + 100000;
        chair = hub.member(programme, Role::Specialist, QStringLiteral("Dr Chair"));
        coordinator = hub.member(programme, Role::Coordinator, QStringLiteral("Coordinator"));
        clinician = hub.member(programme, Role::Clinician, QStringLiteral("Achieng"));
        chairId = hub.accountId(chair);
        clinicianId = hub.accountId(clinician);
        MediaConfig config;
        config.janus = {{QStringLiteral("main"), QUrl(), QUrl()}};
        REQUIRE(ensureRoom(hub.db(), config, session, room, hub.nowMs));
        REQUIRE(ensureDeviceToken(hub.db(), session, clinicianId, QStringLiteral("laptop"), hub.nowMs));
        REQUIRE(ensureDeviceToken(hub.db(), session, chairId, QStringLiteral("laptop"), hub.nowMs));
        hub.router().setJanusEventsSecret(kSecret);
    }
    spoke::hub::api::RouteOutcome post(const QByteArray& body, const QByteArray& password = kSecret)
    {
        return hub.call("POST", QStringLiteral("/api/v1/janus/events"), {}, body, basic("janus", password));
    }
    spoke::hub::api::RouteOutcome clientReport(const QString& token, const char* event, qint64 atMs,
                                               const QString& device = QStringLiteral("laptop"))
    {
        return hub.call("POST", QStringLiteral("/api/v1/sessions/%1/attendance").arg(session), token,
                        ApiHub::json({{"event", event}, {"at_ms", double(atMs)}, {"device_id", device}}));
    }
    QJsonObject check(const QString& query = {})
    {
        const auto answer =
            hub.call("GET", QStringLiteral("/api/v1/sessions/%1/attendance/check%2").arg(session).arg(query), chair);
        REQUIRE(answer.response.status == 200);
        return jsonOf(answer.response);
    }

    ApiHub hub;
    qint64 programme = 0;
    qint64 session = 0;
    qint64 other = 0;
    qint64 room = 0;
    QString chair;
    QString coordinator;
    QString clinician;
    qint64 chairId = 0;
    qint64 clinicianId = 0;
};

QJsonObject accountIn(const QJsonObject& check, qint64 accountId)
{
    for (const QJsonValue& row : check.value(QStringLiteral("accounts")).toArray())
        if (row.toObject().value(QStringLiteral("account_id")).toInteger() == accountId)
            return row.toObject();
    FAIL("account " << accountId << " is not in the check");
    return {};
}

} // namespace

HUB_TEST_ON_BOTH_DATABASES(janusEventsAuth,
                           "janus events: only Janus with the secret may post, and malformed bodies are 400",
                           "[hub][janus-events]")
{
    EventsFixture f(database.location());
    const QByteArray join = videoRoom(QStringLiteral("joined"), f.room, f.clinicianId * 1000, f.hub.nowMs);
    const auto path = QStringLiteral("/api/v1/janus/events");

    const auto wrong = f.post(join, "not-the-secret");
    CHECK(wrong.response.status == 401);
    CHECK(errorCode(wrong.response) == QLatin1String("unauthenticated"));
    bool challenged = false;
    for (const auto& [name, value] : wrong.response.headers)
        challenged = challenged || (name == "WWW-Authenticate" && value.startsWith("Basic "));
    CHECK(challenged);
    CHECK(f.hub.call("POST", path, {}, join, basic("admin", kSecret)).response.status == 401);
    CHECK(f.hub.call("POST", path, {}, join).response.status == 401);
    CHECK(f.hub.call("POST", path, {}, join, {{"authorization", "Basic !!!"}}).response.status == 401);
    CHECK(f.hub.call("POST", path, {}, join, {{"authorization", "Basic " + QByteArray(kSecret).toBase64()}})
              .response.status
          == 401); // no "user:" part
    // A member's bearer token is not Janus.
    CHECK(f.hub.call("POST", path, f.chair, join).response.status == 401);
    CHECK(f.hub.countRows(QStringLiteral("janus_attendance_events")) == 0);

    CHECK(f.post("{").response.status == 400);
    CHECK(f.post("[]").response.status == 400);
    const QByteArray noTimestamp = R"({"type":64})";
    const QByteArray notAnObject = R"([{"type":1,"timestamp":1}, 7])";
    CHECK(f.post(noTimestamp).response.status == 400);
    CHECK(errorCode(f.post(notAnObject).response) == QLatin1String("bad_request"));
    CHECK(f.post(QByteArray(1024 * 1024 + 1, ' ')).response.status == 413);
    CHECK(f.hub.call("GET", path, {}, {}, basic("janus", kSecret)).response.status == 405);

    CHECK(f.post(join).response.status == 204);
    CHECK(f.hub.countRows(QStringLiteral("janus_attendance_events")) == 1);

    // Without a secret configured the route is as good as absent.
    f.hub.router().setJanusEventsSecret({});
    CHECK(f.post(join).response.status == 404);
}

HUB_TEST_ON_BOTH_DATABASES(janusEventsStored,
                           "janus events: issued feeds in known rooms are stored with their session and account",
                           "[hub][janus-events]")
{
    EventsFixture f(database.location());
    const qint64 t0 = f.hub.nowMs;
    const qint64 camera = f.clinicianId * 1000;
    const auto answer = f.post(group({
        videoRoom(QStringLiteral("joined"), f.room, camera, t0),
        videoRoom(QStringLiteral("joined"), f.room, camera + 1, t0 + 100), // screen: stored, not checked
        videoRoom(QStringLiteral("joined"), f.room, camera + 2, t0), // slot 1: no such device token
        videoRoom(QStringLiteral("joined"), f.room, 4242424242LL, t0), // a feed id Janus picked
        videoRoom(QStringLiteral("joined"), f.other + 100000, camera, t0), // a room never created
        videoRoom(QStringLiteral("joined"), 777, camera, t0), // not the hub's room
        videoRoom(QStringLiteral("joined"), f.room, f.chairId * 1000, t0 + 2'000),
        videoRoom(QStringLiteral("leaving"), f.room, camera, t0 + 60'000),
    }));
    REQUIRE(answer.response.status == 204);
    CHECK(answer.response.body.isEmpty());
    const auto rows = f.hub.db().exec(QStringLiteral(
        "SELECT session_id, account_id, janus_instance, janus_room, feed_id, kind, janus_ms, received_ms FROM "
        "janus_attendance_events ORDER BY id"));
    REQUIRE(rows.rows.size() == 4);
    const auto& first = rows.rows[0];
    CHECK(first.integer(0) == f.session);
    CHECK(first.integer(1) == f.clinicianId);
    CHECK(first.text(2) == QLatin1String("main"));
    CHECK(first.integer(3) == f.room);
    CHECK(first.integer(4) == camera);
    CHECK(first.text(5) == QLatin1String("joined"));
    CHECK(first.integer(6) == t0); // µs to ms
    CHECK(first.integer(7) == f.hub.nowMs);
    CHECK(rows.rows[1].integer(4) == camera + 1);
    CHECK(rows.rows[2].integer(1) == f.chairId);
    CHECK(rows.rows[3].text(5) == QLatin1String("left"));

    // Janus retries a POST it thinks failed: the same events are one row.
    CHECK(f.post(videoRoom(QStringLiteral("leaving"), f.room, camera, t0 + 60'000)).response.status == 204);
    CHECK(f.hub.countRows(QStringLiteral("janus_attendance_events")) == 4);

    // The room is destroyed with the chair's camera and the clinician's
    // screen still in it: each gets a leave at the destroy's time.
    const QByteArray destroyed =
        QStringLiteral(R"({"type":64,"timestamp":%1,"event":{"plugin":"janus.plugin.videoroom",)"
                       R"("data":{"event":"destroyed","room":%2}}})")
            .arg((t0 + 90'000) * 1000)
            .arg(f.room)
            .toUtf8();
    REQUIRE(f.post(destroyed).response.status == 204);
    const auto closed = f.hub.db().exec(
        QStringLiteral("SELECT feed_id FROM janus_attendance_events WHERE kind = 'left' AND janus_ms = ? ORDER BY "
                       "feed_id"),
        {QVariant::fromValue(t0 + 90'000)});
    REQUIRE(closed.rows.size() == 2);
    const QSet<qint64> closedFeeds{closed.rows[0].integer(0), closed.rows[1].integer(0)};
    CHECK(closedFeeds == QSet<qint64>{camera + 1, f.chairId * 1000});
}

HUB_TEST_ON_BOTH_DATABASES(attendanceCheck,
                           "janus events: the check compares each account's client reports with Janus' camera feeds",
                           "[hub][janus-events]")
{
    EventsFixture f(database.location());
    // Within 5 minutes of the hub's clock, so the client's times are kept (not clamped).
    const qint64 t0 = f.hub.nowMs - 200'000;
    const qint64 camera = f.clinicianId * 1000;

    const QString path = QStringLiteral("/api/v1/sessions/%1/attendance/check").arg(f.session);
    CHECK(f.hub.call("GET", path, f.clinician).response.status == 403);
    CHECK(f.hub.call("GET", path, {}).response.status == 401);
    CHECK(f.hub.call("GET", QStringLiteral("/api/v1/sessions/99999/attendance/check"), f.chair).response.status == 404);
    for (const char* bad : {"-1", "600001", "abc", "1.5", "", "007"})
        CHECK(f.hub.call("GET", path + "?tolerance_ms=" + bad, f.chair).response.status == 400);
    CHECK(f.hub.call("GET", path + "?tolerance_ms=600000", f.coordinator).response.status == 200);

    QJsonObject check = f.check();
    CHECK(check.value(QStringLiteral("session_id")).toInteger() == f.session);
    CHECK(check.value(QStringLiteral("tolerance_ms")).toInteger() == 5000);
    CHECK(check.value(QStringLiteral("accounts")).toArray().isEmpty());

    // The clinician: client and Janus agree on the join (3 s apart), the
    // client rejoins; Janus' leave is 12 s after the client's.
    REQUIRE(f.clientReport(f.clinician, "join", t0).response.status == 201);
    REQUIRE(f.clientReport(f.clinician, "leave", t0 + 100'000).response.status == 201);
    REQUIRE(f.clientReport(f.clinician, "join", t0 + 110'000).response.status == 201);
    REQUIRE(f.clientReport(f.clinician, "leave", t0 + 300'000).response.status == 201);
    REQUIRE(f.post(group({videoRoom(QStringLiteral("joined"), f.room, camera, t0 + 3'000),
                          videoRoom(QStringLiteral("joined"), f.room, camera + 1, t0 - 50'000), // screen
                          videoRoom(QStringLiteral("leaving"), f.room, camera, t0 + 101'000),
                          videoRoom(QStringLiteral("joined"), f.room, camera, t0 + 111'000),
                          videoRoom(QStringLiteral("leaving"), f.room, camera, t0 + 312'000)}))
                .response.status
            == 204);
    // The chair: Janus saw a join, the client reported nothing.
    REQUIRE(f.post(videoRoom(QStringLiteral("joined"), f.room, f.chairId * 1000, t0)).response.status == 204);

    check = f.check();
    REQUIRE(check.value(QStringLiteral("accounts")).toArray().size() == 2);
    QJsonObject clinician = accountIn(check, f.clinicianId);
    INFO(QJsonDocument(clinician).toJson().toStdString());
    CHECK(clinician.value(QStringLiteral("name")).toString() == QLatin1String("Achieng"));
    CHECK(clinician.value(QStringLiteral("client_joined_ms")).toInteger() == t0);
    CHECK(clinician.value(QStringLiteral("client_left_ms")).toInteger() == t0 + 300'000);
    CHECK(clinician.value(QStringLiteral("janus_joined_ms")).toInteger() == t0 + 3'000); // the screen ignored
    CHECK(clinician.value(QStringLiteral("janus_left_ms")).toInteger() == t0 + 312'000);
    CHECK_FALSE(clinician.value(QStringLiteral("agrees")).toBool());
    CHECK(clinician.value(QStringLiteral("problem")).toString() == QLatin1String("left 12 s apart"));
    const QJsonObject chair = accountIn(check, f.chairId);
    CHECK(chair.value(QStringLiteral("client_joined_ms")).isNull());
    CHECK(chair.value(QStringLiteral("janus_joined_ms")).toInteger() == t0);
    CHECK(chair.value(QStringLiteral("janus_left_ms")).isNull());
    CHECK(chair.value(QStringLiteral("problem")).toString() == QLatin1String("the client reported no join"));

    // A wider tolerance takes the 12 s.
    clinician = accountIn(f.check(QStringLiteral("?tolerance_ms=12000")), f.clinicianId);
    CHECK(clinician.value(QStringLiteral("agrees")).toBool());
    CHECK(clinician.value(QStringLiteral("problem")).isNull());
    clinician = accountIn(f.check(QStringLiteral("?tolerance_ms=0")), f.clinicianId);
    CHECK(clinician.value(QStringLiteral("problem")).toString()
          == QLatin1String("joined 3.0 s apart; left 12 s apart"));

    // The chair's client now reports its join; both calls still open agree.
    REQUIRE(f.clientReport(f.chair, "join", t0 + 1'000).response.status == 201);
    const QJsonObject open = accountIn(f.check(), f.chairId);
    CHECK(open.value(QStringLiteral("agrees")).toBool());
    CHECK(open.value(QStringLiteral("client_left_ms")).isNull());
    CHECK(open.value(QStringLiteral("janus_left_ms")).isNull());
    // Its client leaves; Janus still has the camera.
    REQUIRE(f.clientReport(f.chair, "leave", t0 + 200'000).response.status == 201);
    CHECK(accountIn(f.check(), f.chairId).value(QStringLiteral("problem")).toString()
          == QLatin1String("Janus saw no leave"));
}
