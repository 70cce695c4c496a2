// The hub recorder's identity and its resume at serve's start, without
// Janus, on SQLite and PostgreSQL. The recorder joins with a token and feed
// id that are no account's (core/hub/janus: recorderToken, recorderFeedId),
// so removing a member never shuts it out and it is never a participant.
// RecorderSupervisor::resume ends the parts a killed hub left open, switches
// off the recording of a session that ended meanwhile, and asks a join for
// a session still live (here refused: it has no room, so with no restarts
// the recording is handed on as over). The janus test
// (tests/call/call_hub_recording_test.cpp) runs the same with a real serve.

#include "HubTestDatabases.h"
#include "api_test_support.h"

#include "hub/db/HubDatabase.h"
#include "hub/janus/MediaConfig.h"
#include "hub/janus/RoomService.h"
#include "hub/janus/RoomStore.h"
#include "hub/recorder/RecorderSupervisor.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>

using namespace spoke::test;
using spoke::hub::Role;

namespace {

QVariant v(qint64 value)
{
    return QVariant::fromValue(value);
}

} // namespace

TEST_CASE("recorder identity: its feed ids and token are no account's", "[hub][recording]")
{
    using namespace spoke::hub::janus;
    CHECK(recorderFeedId(1) == 1);
    CHECK(recorderFeedId(2) == 2);
    CHECK(recorderFeedId(999) == 999);
    CHECK(recorderFeedId(1000) == 1); // round again: 999 parts apart
    for (const int part : {1, 2, 500, 999, 1000, 5000})
        CHECK_FALSE(ownerOfFeed(recorderFeedId(part)).has_value());
    CHECK(recorderFeedId(3) != recorderFeedId(4)); // a new part never takes its predecessor's id

    RoomRecord room{7, 100'007, QStringLiteral("main"), QStringLiteral("pin-12345678"),
                    QStringLiteral("secret-0123456789abcdef")};
    const QString token = recorderToken(room);
    CHECK(token == recorderToken(room)); // the same on every start of serve
    CHECK(token.size() >= 16);
    CHECK(token.size() <= 128);
    RoomRecord other = room;
    other.secret = QStringLiteral("secret-fedcba9876543210");
    CHECK(recorderToken(other) != token);
}

HUB_TEST_ON_BOTH_DATABASES(recorderResume,
                           "recorder resume: open parts end and ended sessions stop and live ones are asked a join",
                           "[hub][recording]")
{
    ApiHub hub(database.location());
    const qint64 programme = hub.addProgramme(QStringLiteral("HIV Namibia"));
    const QString chair = hub.member(programme, Role::Specialist, QStringLiteral("Dr Chair"));
    const qint64 chairId = hub.accountId(chair);
    const qint64 ended = hub.addLiveSession(programme, QStringLiteral("Week 3"), hub.nowMs, 60);
    const qint64 live = hub.addLiveSession(programme, QStringLiteral("Week 4"), hub.nowMs, 60);
    const qint64 off = hub.addLiveSession(programme, QStringLiteral("Week 5"), hub.nowMs, 60);
    spoke::hub::HubDatabase& db = hub.db();
    const qint64 wallMs = QDateTime::currentMSecsSinceEpoch();
    for (const qint64 session : {ended, live, off})
        db.exec(QStringLiteral("INSERT INTO session_recording_state (session_id, active, started_ms, started_by) "
                               "VALUES (?, ?, ?, ?)"),
                {v(session), session == off ? 0 : 1, v(wallMs - 120'000), v(chairId)});
    // The session that ended while the hub was down.
    REQUIRE(hub.call("POST", QStringLiteral("/api/v1/sessions/%1/agenda/advance").arg(ended), chair, R"({"end":true})")
                .response.status
            == 200);
    // A part of it the killed hub's child was writing: its file last written 30 s ago.
    TempDir recordings;
    const QString dir = QString::fromStdString(recordings.path().string());
    const QString file = QStringLiteral("session-%1/part-1.webm").arg(ended);
    QDir(dir).mkpath(QStringLiteral("session-%1").arg(ended));
    QFile part(QDir(dir).filePath(file));
    REQUIRE(part.open(QIODevice::WriteOnly));
    part.write("webm bytes");
    REQUIRE(part.setFileTime(QDateTime::fromMSecsSinceEpoch((wallMs - 30'000) / 1000 * 1000),
                             QFileDevice::FileModificationTime));
    part.close();
    const qint64 lastWriteMs = QFileInfo(part.fileName()).lastModified().toMSecsSinceEpoch();
    db.exec(QStringLiteral("INSERT INTO session_recordings (session_id, part, file, started_ms) VALUES (?, 1, ?, ?)"),
            {v(ended), file, v(wallMs - 60'000)});

    spoke::hub::janus::RoomService rooms(db, spoke::hub::janus::MediaConfig{});
    spoke::hub::recorder::RecorderSupervisor::Config config;
    config.program = QStringLiteral("/nonexistent/spoke-hub");
    config.recordingsDirectory = dir;
    config.maxRestarts = 0;
    spoke::hub::recorder::RecorderSupervisor supervisor(db, rooms, config, {});
    std::vector<qint64> finished;
    supervisor.setFinished([&finished](qint64 sessionId) { finished.push_back(sessionId); });
    supervisor.resume();

    const auto openPart = db.queryOne(
        QStringLiteral("SELECT ended_ms, exit_status FROM session_recordings WHERE session_id = ? AND part = 1"),
        {v(ended)});
    REQUIRE(openPart);
    CHECK(openPart->integer(0) == lastWriteMs);
    CHECK(openPart->text(1) == QLatin1String("crashed"));
    const auto endedState = db.queryOne(
        QStringLiteral("SELECT r.active, r.stopped_ms, e.ended_ms FROM session_recording_state r JOIN session_ends e "
                       "ON e.session_id = r.session_id WHERE r.session_id = ?"),
        {v(ended)});
    REQUIRE(endedState);
    CHECK(endedState->integer(0) == 0);
    CHECK(endedState->integer(1) == endedState->integer(2)); // it stopped with its session
    // The live one was asked a join (refused: no room) and, with no
    // restarts allowed, is over; its recording stays on for the next start.
    CHECK(finished == std::vector<qint64>{live});
    CHECK(db.queryOne(QStringLiteral("SELECT active FROM session_recording_state WHERE session_id = ?"), {v(live)})
              ->integer(0)
          == 1);
    CHECK(supervisor.childPid(live) == 0);
}
