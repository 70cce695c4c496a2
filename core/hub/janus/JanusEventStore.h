#pragma once

#include "hub/janus/JanusEventCheck.h"
#include "hub/janus/JanusEvents.h"

#include <QMap>
#include <QString>

#include <vector>

namespace spoke::hub {
class HubDatabase;
}

namespace spoke::hub::janus {

// Janus' presence events in the hub's database (migration 8,
// janus_attendance_events). Throws HubDbError; the caller runs each call in
// one transaction.
struct StoredJanusEvents {
    int stored = 0;
    // Rooms the hub does not know (no session_rooms row), feeds it never
    // issued (no device token at that slot), and retransmissions.
    int ignored = 0;
};

// Records what matters: a join or leave of a feed the hub issued, mapped to
// its session (session_rooms.janus_room) and account (the fixed feed ids,
// docs/hub-api.md Media, checked against room_tokens); a destroyed room
// becomes a leave, at the destroy's time, for each feed still in it.
StoredJanusEvents storeJanusEvents(HubDatabase& db, const std::vector<JanusPresenceEvent>& events, qint64 receivedMs);

// One account's marks for the check: the client's join/leave reports per
// device (attendance_events), and Janus' camera feeds' joins and leaves.
struct AccountMarks {
    QString name;
    std::vector<PresenceMark> client;
    std::vector<PresenceMark> janus;
};
// Every account with client or Janus attendance in the session, by id.
QMap<qint64, AccountMarks> loadAttendanceMarks(HubDatabase& db, qint64 sessionId);

} // namespace spoke::hub::janus
