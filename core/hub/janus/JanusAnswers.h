#pragma once

#include "util/Expected.h"

#include <QByteArray>
#include <QJsonObject>
#include <QString>

#include <optional>
#include <vector>

namespace spoke::hub::janus {

// A Janus refusal: the plugin's error_code and error, the core's error code
// and reason, or 0 with what was wrong with the answer itself.
struct JanusError {
    int code = 0;
    QString reason;
};

// VideoRoom error codes the hub acts on (janus_videoroom.c, "Error codes").
inline constexpr int kNoSuchRoom = 426;
inline constexpr int kRoomExists = 427;
inline constexpr int kNoSuchFeed = 428; // also "No such stream" for moderate

using PluginAnswer = Expected<QJsonObject, JanusError>;

// The REST API's answer to "create" (a session) or "attach" (a handle):
// {"janus":"success","data":{"id":N}}.
Expected<qint64, JanusError> parseCoreId(const QByteArray& body);

// The answer to a synchronous VideoRoom request sent as a "message":
// plugindata.data, or the plugin's {"error_code","error"} in it, or the
// core's {"janus":"error"}.
PluginAnswer parsePluginAnswer(const QByteArray& body);

// "exists": {"videoroom":"success","room":N,"exists":bool}.
Expected<bool, JanusError> parseExists(const QJsonObject& data);

// One entry of "listparticipants" (janus_videoroom.c, listparticipants):
// talking only when the room negotiates audio levels and the feed publishes.
struct JanusParticipant {
    qint64 id = 0;
    QString display;
    bool publisher = false;
    std::optional<bool> talking;
};
Expected<std::vector<JanusParticipant>, JanusError> parseParticipants(const QJsonObject& data);

} // namespace spoke::hub::janus
