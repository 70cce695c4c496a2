#include "session/RoomState.h"

#include "session/JanusMessage.h"

#include <QJsonArray>

namespace spoke::session {

namespace {

QLatin1String key(const char* name)
{
    return QLatin1String(name);
}

// "leaving"/"unpublished" carry a participant id, or "ok" when they confirm
// our own request; only the id form concerns other participants.
std::optional<quint64> participantIdOf(const QJsonValue& value)
{
    return janusId(value);
}

} // namespace

std::optional<StreamInfo> parseStreamInfo(const QJsonValue& value)
{
    if (!value.isObject())
        return std::nullopt;
    const QJsonObject object = value.toObject();
    StreamInfo stream;
    stream.type = object.value(key("type")).toString();
    stream.mindex = object.value(key("mindex")).toInt(-1);
    stream.mid = object.value(key("mid")).toString();
    stream.codec = object.value(key("codec")).toString();
    stream.description = object.value(key("description")).toString();
    stream.disabled = object.value(key("disabled")).toBool(false);
    stream.simulcast = object.value(key("simulcast")).isObject() || object.value(key("simulcast")).toBool(false);
    return stream;
}

RoomState::RoomState(QObject* parent) : QObject(parent) { }

quint64 RoomState::room() const
{
    affinity_.assertOwner();
    return room_;
}

quint64 RoomState::ownId() const
{
    affinity_.assertOwner();
    return ownId_;
}

QList<Participant> RoomState::participants() const
{
    affinity_.assertOwner();
    return participants_.values();
}

std::optional<Participant> RoomState::participant(quint64 id) const
{
    affinity_.assertOwner();
    const auto it = participants_.constFind(id);
    if (it == participants_.constEnd())
        return std::nullopt;
    return *it;
}

void RoomState::clear()
{
    affinity_.assertOwner();
    room_ = 0;
    ownId_ = 0;
    participants_.clear();
}

void RoomState::apply(const QJsonObject& pluginData)
{
    affinity_.assertOwner();
    const QString kind = pluginData.value(key("videoroom")).toString();
    if (kind == QLatin1String("joined")) {
        applyJoined(pluginData);
    } else if (kind == QLatin1String("event")) {
        applyEvent(pluginData);
    } else if (kind == QLatin1String("destroyed")) {
        const quint64 room = janusId(pluginData.value(key("room"))).value_or(room_);
        const auto gone = participants_.keys();
        for (quint64 id : gone)
            remove(id);
        Q_EMIT roomDestroyed(room);
    }
    // Anything else ("attached", "talking", "updated", "success", …) does not
    // change who is in the room.
}

void RoomState::applyJoined(const QJsonObject& data)
{
    const auto room = janusId(data.value(key("room")));
    const auto ownId = janusId(data.value(key("id")));
    if (ownId) {
        room_ = room.value_or(0);
        ownId_ = *ownId;
        Q_EMIT joinedRoom(room_, ownId_);
    }
    // Subscriber "joined" has neither list; publisher "joined" has both.
    const QJsonArray attendees = data.value(key("attendees")).toArray();
    for (const QJsonValue& entry : attendees)
        addAttendee(entry.toObject());
    const QJsonArray publishers = data.value(key("publishers")).toArray();
    for (const QJsonValue& entry : publishers)
        addPublisher(entry.toObject());
}

void RoomState::applyEvent(const QJsonObject& data)
{
    if (data.value(key("joining")).isObject())
        addAttendee(data.value(key("joining")).toObject());
    const QJsonValue publishers = data.value(key("publishers"));
    if (publishers.isArray()) {
        for (const QJsonValue& entry : publishers.toArray())
            addPublisher(entry.toObject());
    }
    if (const auto id = participantIdOf(data.value(key("unpublished"))))
        markUnpublished(*id);
    if (const auto id = participantIdOf(data.value(key("leaving"))))
        remove(*id);
    if (const auto id = participantIdOf(data.value(key("kicked"))))
        remove(*id);
}

void RoomState::addAttendee(const QJsonObject& entry)
{
    const auto id = janusId(entry.value(key("id")));
    if (!id || *id == ownId_ || participants_.contains(*id))
        return;
    Participant participant;
    participant.id = *id;
    participant.display = entry.value(key("display")).toString();
    participants_.insert(*id, participant);
    Q_EMIT participantJoined(participant);
}

void RoomState::addPublisher(const QJsonObject& entry)
{
    const auto id = janusId(entry.value(key("id")));
    if (!id || *id == ownId_)
        return;
    // A publisher we never saw join (joined before us without notify_joining,
    // or a remote publisher) joins and publishes in one step.
    if (!participants_.contains(*id)) {
        Participant fresh;
        fresh.id = *id;
        fresh.display = entry.value(key("display")).toString();
        participants_.insert(*id, fresh);
        Q_EMIT participantJoined(fresh);
    }
    Participant& participant = participants_[*id];
    if (entry.contains(key("display")))
        participant.display = entry.value(key("display")).toString();
    participant.streams.clear();
    for (const QJsonValue& value : entry.value(key("streams")).toArray()) {
        if (auto stream = parseStreamInfo(value))
            participant.streams.append(*stream);
    }
    participant.publishing = true;
    Q_EMIT participantPublished(participant);
}

void RoomState::markUnpublished(quint64 id)
{
    auto it = participants_.find(id);
    if (it == participants_.end() || !it->publishing)
        return;
    it->publishing = false;
    it->streams.clear();
    Q_EMIT participantUnpublished(id);
}

void RoomState::remove(quint64 id)
{
    auto it = participants_.find(id);
    if (it == participants_.end())
        return;
    // Erase before emitting: a slot may call back into this object.
    const Participant gone = *it;
    participants_.erase(it);
    if (gone.publishing)
        Q_EMIT participantUnpublished(id);
    Q_EMIT participantLeft(id, gone.display);
}

} // namespace spoke::session
