#pragma once

#include "hub/identity/Roles.h"

#include <QString>
#include <QtGlobal>

namespace spoke::hub::api {

// What a room route (RoomHandlers.cpp) asks of the session's Janus room once
// the router has checked the caller, the session and the body. The router
// cannot talk to Janus (it is a function of the request and the time, with
// no network), so it hands this to the server, which runs it on the hub's
// RoomService (core/hub/janus) without blocking the event loop, and answers
// when Janus has. A server without Janus answers the router's own response,
// 503 `media_unavailable`; Destroy's response is final and the room is torn
// down after it is sent.
struct RoomRequest {
    enum class Kind { Join, Moderate, Remove, Participants, Destroy };
    Kind kind = Kind::Join;
    qint64 sessionId = 0;
    qint64 programmeId = 0;
    qint64 janusRoom = 0; // sessions.room
    qint64 callerId = 0;
    QString callerName;
    Role callerRole = Role::Trainee;
    QString deviceId; // Join
    qint64 targetAccountId = 0; // Moderate, Remove
    bool muteAudio = false; // Moderate
};

} // namespace spoke::hub::api
