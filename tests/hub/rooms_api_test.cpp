// The room routes through the router (no network): who may ask, what is
// refused with which 4xx, and what the server is handed for Janus; the room
// records on SQLite and PostgreSQL; and a RoomService whose Janus does not
// answer says 503 media_unavailable.

#include "HubTestDatabases.h"
#include "api_test_support.h"

#include "hub/janus/RoomService.h"
#include "hub/janus/RoomStore.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QProcess>
#include <QTcpServer>

using namespace spoke::test;
using spoke::hub::Role;
using spoke::hub::api::RoomRequest;

namespace {

struct RoomFixture {
    explicit RoomFixture(const spoke::hub::HubDatabaseLocation& location) : hub(location)
    {
        programme = hub.addProgramme(QStringLiteral("TB Kenya"));
        other = hub.addProgramme(QStringLiteral("HIV Uganda"), spoke::hub::ProgrammeKind::Hiv);
        session = hub.addLiveSession(programme, QStringLiteral("Week 1"), hub.nowMs, 60, QStringLiteral("Case:20"));
        chair = hub.member(programme, Role::Specialist, QStringLiteral("Dr Chair"));
        clinician = hub.member(programme, Role::Clinician, QStringLiteral("Achieng"));
        outsider = hub.member(other, Role::Clinician, QStringLiteral("Outsider"));
        clinicianId = hub.accountId(clinician);
    }
    QString path(const QString& tail) const { return QStringLiteral("/api/v1/sessions/%1/%2").arg(session).arg(tail); }

    ApiHub hub;
    qint64 programme = 0;
    qint64 other = 0;
    qint64 session = 0;
    QString chair;
    QString clinician;
    QString outsider;
    qint64 clinicianId = 0;
};

} // namespace

TEST_CASE("rooms api: join info is checked by the router and handed to the server for Janus", "[hub][rooms]")
{
    const auto db = HubTestDatabase::sqlite();
    RoomFixture f(db->location());

    const auto asked = f.hub.call("GET", f.path(QStringLiteral("join?device_id=laptop-1")), f.clinician);
    CHECK(asked.response.status == 503); // what a hub without Janus answers
    CHECK(errorCode(asked.response) == QLatin1String("media_unavailable"));
    REQUIRE(asked.room);
    CHECK(asked.room->kind == RoomRequest::Kind::Join);
    CHECK(asked.room->sessionId == f.session);
    CHECK(asked.room->janusRoom == f.session + 100000);
    CHECK(asked.room->callerId == f.clinicianId);
    CHECK(asked.room->callerName == QLatin1String("Achieng"));
    CHECK(asked.room->callerRole == Role::Clinician);
    CHECK(asked.room->deviceId == QLatin1String("laptop-1"));

    CHECK(f.hub.call("GET", f.path(QStringLiteral("join")), f.clinician).response.status == 400);
    CHECK(f.hub.call("GET", f.path(QStringLiteral("join?device_id=a/b")), f.clinician).response.status == 400);
    CHECK(f.hub.call("GET", f.path(QStringLiteral("join?device_id=") + QString(65, u'x')), f.clinician).response.status
          == 400);
    CHECK(f.hub.call("GET", f.path(QStringLiteral("join?device_id=d")), {}).response.status == 401);
    const auto outsider = f.hub.call("GET", f.path(QStringLiteral("join?device_id=d")), f.outsider);
    CHECK(outsider.response.status == 403);
    CHECK_FALSE(outsider.room);
    CHECK(f.hub.call("GET", QStringLiteral("/api/v1/sessions/999/join?device_id=d"), f.clinician).response.status
          == 404);
    CHECK(f.hub.call("GET", QStringLiteral("/api/v1/sessions/x/join?device_id=d"), f.clinician).response.status == 400);
    CHECK(f.hub.call("POST", f.path(QStringLiteral("join?device_id=d")), f.clinician).response.status == 405);

    // A removed account is refused by the hub before Janus is asked.
    f.hub.db().exec(QStringLiteral("INSERT INTO room_removals (session_id, account_id, removed_by, removed_ms) "
                                   "VALUES (?, ?, ?, ?)"),
                    {f.session, f.clinicianId, f.hub.accountId(f.chair), f.hub.nowMs});
    const auto removed = f.hub.call("GET", f.path(QStringLiteral("join?device_id=laptop-1")), f.clinician);
    CHECK(removed.response.status == 403);
    CHECK_FALSE(removed.room);
}

TEST_CASE("rooms api: only the chair moderates and removes, about a member, with a well-formed body", "[hub][rooms]")
{
    const auto db = HubTestDatabase::sqlite();
    RoomFixture f(db->location());
    const QByteArray mute = ApiHub::json({{"account_id", double(f.clinicianId)}, {"mute_audio", true}});

    const auto moderated = f.hub.call("POST", f.path(QStringLiteral("moderate")), f.chair, mute);
    CHECK(moderated.response.status == 503);
    REQUIRE(moderated.room);
    CHECK(moderated.room->kind == RoomRequest::Kind::Moderate);
    CHECK(moderated.room->targetAccountId == f.clinicianId);
    CHECK(moderated.room->muteAudio);
    CHECK(moderated.room->callerName == QLatin1String("Dr Chair"));

    CHECK(f.hub.call("POST", f.path(QStringLiteral("moderate")), f.clinician, mute).response.status == 403);
    CHECK(f.hub.call("POST", f.path(QStringLiteral("moderate")), f.outsider, mute).response.status == 403);
    CHECK(f.hub
              .call("POST", f.path(QStringLiteral("moderate")), f.chair,
                    ApiHub::json({{"account_id", double(f.clinicianId)}, {"mute_audio", "yes"}}))
              .response.status
          == 400);
    CHECK(f.hub.call("POST", f.path(QStringLiteral("moderate")), f.chair, ApiHub::json({{"mute_audio", true}}))
              .response.status
          == 400);
    CHECK(f.hub.call("POST", f.path(QStringLiteral("moderate")), f.chair, "[1]").response.status == 400);
    const qint64 outsiderId = f.hub.accountId(f.outsider);
    CHECK(f.hub
              .call("POST", f.path(QStringLiteral("moderate")), f.chair,
                    ApiHub::json({{"account_id", double(outsiderId)}, {"mute_audio", true}}))
              .response.status
          == 404);

    const auto removed = f.hub.call("POST", f.path(QStringLiteral("remove")), f.chair,
                                    ApiHub::json({{"account_id", double(f.clinicianId)}}));
    REQUIRE(removed.room);
    CHECK(removed.room->kind == RoomRequest::Kind::Remove);
    CHECK(f.hub
              .call("POST", f.path(QStringLiteral("remove")), f.chair,
                    ApiHub::json({{"account_id", double(f.hub.accountId(f.chair))}}))
              .response.status
          == 400);
    CHECK(f.hub
              .call("POST", f.path(QStringLiteral("remove")), f.clinician,
                    ApiHub::json({{"account_id", double(f.clinicianId)}}))
              .response.status
          == 403);

    const auto listed = f.hub.call("GET", f.path(QStringLiteral("participants")), f.clinician);
    REQUIRE(listed.room);
    CHECK(listed.room->kind == RoomRequest::Kind::Participants);
    CHECK(f.hub.call("GET", f.path(QStringLiteral("participants")), f.outsider).response.status == 403);
}

TEST_CASE("rooms api: ending the session hands the room's destruction over, and then the routes answer 409",
          "[hub][rooms]")
{
    const auto db = HubTestDatabase::sqlite();
    RoomFixture f(db->location());
    const auto ended =
        f.hub.call("POST", f.path(QStringLiteral("agenda/advance")), f.chair, ApiHub::json({{"end", true}}));
    REQUIRE(ended.response.status == 200);
    REQUIRE(ended.room);
    CHECK(ended.room->kind == RoomRequest::Kind::Destroy);
    CHECK(ended.room->sessionId == f.session);

    const auto late = f.hub.call("GET", f.path(QStringLiteral("join?device_id=d")), f.clinician);
    CHECK(late.response.status == 409);
    CHECK_FALSE(late.room);
    CHECK(f.hub.call("GET", f.path(QStringLiteral("participants")), f.clinician).response.status == 409);
    CHECK(f.hub
              .call("POST", f.path(QStringLiteral("moderate")), f.chair,
                    ApiHub::json({{"account_id", double(f.clinicianId)}, {"mute_audio", true}}))
              .response.status
          == 409);
}

HUB_TEST_ON_BOTH_DATABASES(roomRecords, "rooms: one room per session on the least used instance, one token per device",
                           "[hub][rooms]")
{
    using namespace spoke::hub::janus;
    ApiHub hub(database.location());
    const qint64 programme = hub.addProgramme(QStringLiteral("TB Kenya"));
    const qint64 first = hub.addSession(programme, QStringLiteral("Week 1"));
    const qint64 second = hub.addSession(programme, QStringLiteral("Week 2"));
    const qint64 third = hub.addSession(programme, QStringLiteral("Week 3"));
    const QString token = hub.member(programme, Role::Clinician, QStringLiteral("Achieng"));
    const qint64 account = hub.accountId(token);
    const QString chairToken = hub.member(programme, Role::Specialist, QStringLiteral("Dr Chair"));
    const qint64 chair = hub.accountId(chairToken);

    MediaConfig config;
    config.janus = {{QStringLiteral("a"), QUrl(), QUrl()}, {QStringLiteral("b"), QUrl(), QUrl()}};
    spoke::hub::HubDatabase& db = hub.db();
    const auto room1 = ensureRoom(db, config, first, first + 100000, hub.nowMs);
    REQUIRE(room1);
    CHECK(room1->instance == QLatin1String("a"));
    CHECK(room1->janusRoom == first + 100000);
    CHECK(room1->pin.size() >= 16);
    CHECK(room1->secret.size() >= 32);
    CHECK(room1->pin != room1->secret);
    const auto again = ensureRoom(db, config, first, first + 100000, hub.nowMs + 1);
    CHECK(again->pin == room1->pin);
    CHECK(again->secret == room1->secret);
    CHECK(ensureRoom(db, config, second, second + 100000, hub.nowMs)->instance == QLatin1String("b"));
    markDestroyed(db, first, hub.nowMs);
    CHECK(ensureRoom(db, config, third, third + 100000, hub.nowMs)->instance == QLatin1String("a"));
    CHECK(hub.countRows(QStringLiteral("session_rooms")) == 3);

    const auto laptop = ensureDeviceToken(db, first, account, QStringLiteral("laptop"), hub.nowMs);
    const auto phone = ensureDeviceToken(db, first, account, QStringLiteral("phone"), hub.nowMs);
    REQUIRE(laptop);
    REQUIRE(phone);
    CHECK(laptop->slot == 0);
    CHECK(phone->slot == 1);
    CHECK(laptop->token != phone->token);
    CHECK(ensureDeviceToken(db, first, account, QStringLiteral("laptop"), hub.nowMs)->token == laptop->token);
    const auto chairs = ensureDeviceToken(db, first, chair, QStringLiteral("laptop"), hub.nowMs);
    CHECK(chairs->slot == 0);
    CHECK(allowedTokens(db, first).size() == 3);
    CHECK(tokensOf(db, first, account) == QStringList{laptop->token, phone->token});
    recordRemoval(db, first, account, chair, hub.nowMs);
    recordRemoval(db, first, account, chair, hub.nowMs + 5); // idempotent
    CHECK(allowedTokens(db, first) == QStringList{chairs->token});
    CHECK(hub.countRows(QStringLiteral("room_removals")) == 1);
    CHECK(memberCount(db, programme) == 2);
    const auto members = membersAmong(db, programme, {account, chair, 999});
    CHECK(members.size() == 2);
    CHECK(members.value(account).name == QLatin1String("Achieng"));
    CHECK(members.value(chair).role == Role::Specialist);
}

TEST_CASE("rooms: a Janus that refuses connections makes a join 503 media_unavailable, not a hang", "[hub][rooms]")
{
    using namespace spoke::hub::janus;
    const auto db = HubTestDatabase::sqlite();
    RoomFixture f(db->location());
    quint16 closedPort = 0;
    {
        QTcpServer probe;
        REQUIRE(probe.listen(QHostAddress::LocalHost));
        closedPort = probe.serverPort();
    }
    MediaConfig config;
    config.janus = {{QStringLiteral("main"), QUrl(QStringLiteral("http://127.0.0.1:%1/janus").arg(closedPort)),
                     QUrl(QStringLiteral("ws://127.0.0.1:8188"))}};
    RoomService rooms(f.hub.db(), config);
    const auto asked = f.hub.call("GET", f.path(QStringLiteral("join?device_id=laptop")), f.clinician);
    REQUIRE(asked.room);
    std::optional<spoke::hub::api::HttpResponse> answer;
    rooms.run(*asked.room, f.hub.nowMs,
              [&](spoke::hub::api::HttpResponse response, std::vector<spoke::hub::api::ProgrammeChange>) {
                  answer = std::move(response);
              });
    QElapsedTimer timer;
    timer.start();
    while (!answer && timer.elapsed() < 10'000)
        QCoreApplication::processEvents(QEventLoop::AllEvents, 20);
    REQUIRE(answer);
    CHECK(answer->status == 503);
    CHECK(errorCode(*answer) == QLatin1String("media_unavailable"));
    // The room and the token were recorded before Janus was asked, so the
    // next request reuses them.
    CHECK(f.hub.countRows(QStringLiteral("session_rooms")) == 1);
    CHECK(f.hub.countRows(QStringLiteral("room_tokens")) == 1);
}

TEST_CASE("rooms: spoke-hub serve refuses bad media arguments and names the argument", "[hub][rooms]")
{
    TempDir dir;
    const QString dataDir = QString::fromStdString(dir.path().string());
    const QString missing = dataDir + QStringLiteral("/no-such-secret");
    const QList<std::pair<QStringList, QString>> cases{
        {{"--janus", "main=http://127.0.0.1:8088/janus"}, "--janus "},
        {{"--janus", "main=http://127.0.0.1:8088/janus,ws://127.0.0.1:8188", "--janus",
          "main=http://127.0.0.1:9088/janus,ws://127.0.0.1:9188"},
         "given twice"},
        {{"--janus", "main=http://127.0.0.1:8088/janus,ws://127.0.0.1:8188", "--stun", "stun:"}, "--stun "},
        {{"--janus", "main=http://127.0.0.1:8088/janus,ws://127.0.0.1:8188", "--turn", "turn:x:3478"},
         "--turn and --turn-secret-file"},
        {{"--janus", "main=http://127.0.0.1:8088/janus,ws://127.0.0.1:8188", "--turn", "turn:x:3478",
          "--turn-secret-file", missing},
         "--turn-secret-file " + missing},
        {{"--janus", "main=http://127.0.0.1:8088/janus,ws://127.0.0.1:8188", "--janus-admin-key-file", missing},
         "--janus-admin-key-file "},
        {{"--janus", "main=http://127.0.0.1:8088/janus,ws://127.0.0.1:8188", "--turn-ttl-s", "10"}, "--turn-ttl-s "},
        {{"--stun", "stun:x:3478"}, "need --janus"},
    };
    for (const auto& [arguments, named] : cases) {
        INFO(arguments.join(u' ').toStdString());
        QProcess serve;
        serve.start(QStringLiteral(SPOKE_HUB_PATH),
                    QStringList{"serve", "--data-dir", dataDir, "--listen", "127.0.0.1:0"} + arguments);
        REQUIRE(serve.waitForFinished(15'000));
        CHECK(serve.exitCode() == 2);
        CHECK(QString::fromUtf8(serve.readAllStandardError()).contains(named));
    }
}
