// RoomState on sequences of VideoRoom events as Janus 1.1.2 sends them.
#include "session/RoomState.h"

#include <catch2/catch.hpp>

#include <QJsonDocument>
#include <QStringList>

using namespace spoke::session;

namespace {

QJsonObject json(const char* text)
{
    return QJsonDocument::fromJson(QByteArray(text)).object();
}

// Records every signal as one line, so a test reads as the expected story.
struct Recorder {
    QStringList log;
    explicit Recorder(RoomState& room)
    {
        QObject::connect(&room, &RoomState::joinedRoom,
                         [this](quint64 r, quint64 id) { log << QStringLiteral("joined %1 as %2").arg(r).arg(id); });
        QObject::connect(&room, &RoomState::participantJoined,
                         [this](const Participant& p) { log << QStringLiteral("+%1 %2").arg(p.id).arg(p.display); });
        QObject::connect(&room, &RoomState::participantPublished, [this](const Participant& p) {
            log << QStringLiteral("pub %1 streams=%2").arg(p.id).arg(p.streams.size());
        });
        QObject::connect(&room, &RoomState::participantUnpublished,
                         [this](quint64 id) { log << QStringLiteral("unpub %1").arg(id); });
        QObject::connect(&room, &RoomState::participantLeft, [this](quint64 id, const QString& display) {
            log << QStringLiteral("-%1 %2").arg(id).arg(display);
        });
        QObject::connect(&room, &RoomState::roomDestroyed,
                         [this](quint64 r) { log << QStringLiteral("destroyed %1").arg(r); });
    }
};

} // namespace

TEST_CASE("session: room state follows joins, publishing and leaving", "[session][room]")
{
    RoomState room;
    Recorder recorder(room);

    room.apply(json(
        R"({"videoroom":"joined","room":1234,"id":10,"private_id":5,)"
        R"("publishers":[{"id":20,"display":"Hub","streams":[{"type":"audio","mindex":0,"mid":"0","codec":"opus"},)"
        R"({"type":"video","mindex":1,"mid":"1","codec":"vp8","simulcast":true}]}],)"
        R"("attendees":[{"id":30,"display":"Trainee"}]})"));
    room.apply(json(R"({"videoroom":"event","room":1234,"joining":{"id":40,"display":"Clinic"}})"));
    room.apply(json(R"({"videoroom":"event","room":1234,"publishers":[{"id":40,"display":"Clinic",)"
                    R"("streams":[{"type":"video","mindex":0,"mid":"0","codec":"vp8"}]}]})"));
    room.apply(json(R"({"videoroom":"event","room":1234,"unpublished":20})"));
    room.apply(json(R"({"videoroom":"event","room":1234,"leaving":40})"));
    room.apply(json(R"({"videoroom":"event","room":1234,"kicked":30})"));

    CHECK(recorder.log
          == QStringList{
              QStringLiteral("joined 1234 as 10"),
              QStringLiteral("+30 Trainee"),
              QStringLiteral("+20 Hub"),
              QStringLiteral("pub 20 streams=2"),
              QStringLiteral("+40 Clinic"),
              QStringLiteral("pub 40 streams=1"),
              QStringLiteral("unpub 20"),
              QStringLiteral("unpub 40"),
              QStringLiteral("-40 Clinic"),
              QStringLiteral("-30 Trainee"),
          });
    CHECK(room.ownId() == 10);
    REQUIRE(room.participants().size() == 1);
    const auto hub = room.participant(20);
    REQUIRE(hub);
    CHECK(hub->display == QStringLiteral("Hub"));
    CHECK_FALSE(hub->publishing);
    CHECK(hub->streams.isEmpty());
}

TEST_CASE("session: stream descriptions are kept while publishing", "[session][room]")
{
    RoomState room;
    room.apply(json(R"({"videoroom":"event","publishers":[{"id":7,"display":"Remote","streams":[)"
                    R"({"type":"audio","mindex":0,"mid":"0","codec":"opus"},)"
                    R"({"type":"video","mindex":1,"mid":"1","codec":"vp8","description":"slides","simulcast":true},)"
                    R"(42,{"type":"video","mindex":2,"mid":"2","disabled":true}]}]})"));
    const auto remote = room.participant(7);
    REQUIRE(remote);
    CHECK(remote->publishing);
    REQUIRE(remote->streams.size() == 3); // the non-object entry is skipped
    CHECK(remote->streams[0].codec == QStringLiteral("opus"));
    CHECK(remote->streams[1].description == QStringLiteral("slides"));
    CHECK(remote->streams[1].simulcast);
    CHECK(remote->streams[2].disabled);
}

TEST_CASE("session: our own confirmations and junk do not change the room", "[session][room]")
{
    RoomState room;
    Recorder recorder(room);
    room.apply(json(R"({"videoroom":"joined","room":1,"id":10,"publishers":[],"attendees":[]})"));
    room.apply(json(R"({"videoroom":"event","room":1,"joining":{"id":10,"display":"me"}})"));
    room.apply(json(R"({"videoroom":"event","room":1,"leaving":"ok"})"));
    room.apply(json(R"({"videoroom":"event","room":1,"unpublished":"ok"})"));
    room.apply(json(R"({"videoroom":"event","room":1,"leaving":99})"));
    room.apply(json(R"({"videoroom":"event","publishers":{"id":5}})"));
    room.apply(json(R"({"videoroom":"event","publishers":[{"id":"5"},{"display":"no id"},null]})"));
    room.apply(json(R"({"videoroom":"event","joining":{"id":-4,"display":"bad"}})"));
    room.apply(json(R"({"videoroom":"talking","id":3})"));
    room.apply(json(R"({"configured":"ok"})"));
    CHECK(recorder.log == QStringList{QStringLiteral("joined 1 as 10")});
    CHECK(room.participants().isEmpty());
}

TEST_CASE("session: a destroyed room empties the state", "[session][room]")
{
    RoomState room;
    Recorder recorder(room);
    room.apply(json(R"({"videoroom":"event","joining":{"id":5,"display":"A"}})"));
    room.apply(json(R"({"videoroom":"destroyed","room":77})"));
    CHECK(recorder.log == QStringList{QStringLiteral("+5 A"), QStringLiteral("-5 A"), QStringLiteral("destroyed 77")});
    CHECK(room.participants().isEmpty());
}
