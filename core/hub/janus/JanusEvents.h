#pragma once

#include "util/Expected.h"

#include <QByteArray>
#include <QString>

#include <vector>

namespace spoke::hub::janus {

// What the hub takes from Janus' event handler (libjanus_sampleevh, which
// POSTs one event object, or an array of them with grouping on): the
// VideoRoom's presence events, typed. Shapes from Janus 1.1.2: every event
// has "type" and "timestamp" (janus_get_real_time(): wall clock, µs) and an
// "emitter" (janus.jcfg server_name), src/events.c
// janus_events_notify_handlers; a plugin event (type 64) carries
// {"plugin", "data"}, and the VideoRoom's data is {"event":"joined",
// "room", "id", ...} when a publisher joins, {"event":"leaving"|"kicked",
// "room", "id"} when it leaves or the chair removes it
// (janus_videoroom_leave_or_unpublish), and {"event":"destroyed","room"}
// when the room goes, which ends every participant's presence without a
// "leaving" of its own (the destroy request clears each publisher's room
// first).
enum class JanusPresenceKind { Joined, Left, RoomDestroyed };

struct JanusPresenceEvent {
    JanusPresenceKind kind = JanusPresenceKind::Joined;
    qint64 room = 0;
    qint64 feedId = 0; // 0 for RoomDestroyed
    qint64 janusMs = 0; // Janus' timestamp, µs truncated to ms
    QString emitter; // Janus' server_name; empty when absent
};

struct ParsedJanusEvents {
    std::vector<JanusPresenceEvent> presence;
    // Well-formed events that say nothing about presence: other types
    // (sessions, handles), other plugins, other VideoRoom events
    // (published, unpublished, configured, talking...), string room ids.
    int ignored = 0;
};

// Janus' grouping sends at most 100 events per POST (janus_sampleevh.c);
// more than this is not Janus.
inline constexpr int kMaxJanusEventsPerBody = 1000;

// Parses one POST body. Clock-free and strict about what Janus always
// sends: the error (a sentence) is for a body that is not JSON, not an
// object or an array of objects, an event without an integer "type" and
// "timestamp", or a VideoRoom presence event without integer "room"/"id".
// Unknown event types and data are counted as ignored, never an error, so
// a newer Janus that says more still gets its joins recorded.
Expected<ParsedJanusEvents, QString> parseJanusEvents(const QByteArray& body);

} // namespace spoke::hub::janus
