#pragma once

#include <QJsonObject>
#include <QtGlobal>

namespace spoke::hub {
class HubDatabase;
}

namespace spoke::hub::api {

// A session's recording as docs/hub-api.md (Recording) shows it:
// {"session_id","active","started_ms","parts":[{"part","file","started_ms",
// "ended_ms","exit_status"}]}; started_ms is null when it was never on.
// Shared by the recording routes and the recorder's supervisor, which sends
// it in each {"event":"recording"} as parts start and end. Throws HubDbError.
QJsonObject sessionRecordingJson(HubDatabase& db, qint64 sessionId);

// The {"event":"recording",...} for the programme's sockets.
QJsonObject recordingEvent(HubDatabase& db, qint64 sessionId);

} // namespace spoke::hub::api
