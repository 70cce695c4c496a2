#pragma once

#include <QByteArray>
#include <QJsonObject>
#include <QString>

#include <optional>
#include <variant>

namespace spoke::session {

// A session description travelling with a request or an event. Janus runs
// half-trickle: its own SDPs always carry its candidates.
struct Jsep {
    QString type; // "offer" or "answer"
    QString sdp;
    // false = every candidate of ours is already in the SDP ("trickle": false)
    bool trickle = true;
};

enum class JanusMessageType {
    Ack, // request accepted; for plugin messages the result follows as an event
    Success, // final answer to a core request or a synchronous plugin request
    Error, // Janus core refused a request
    Event, // plugin event: an async answer or an unsolicited notification
    WebrtcUp, // the handle's PeerConnection is up (ICE + DTLS)
    Media, // Janus started/stopped receiving a medium on a handle
    SlowLink, // Janus saw loss on a handle
    Hangup, // the handle's PeerConnection went away
    Detached, // the handle is gone
    Trickle, // a candidate from Janus (only with full trickle)
    Timeout, // the whole session timed out on the server
    ServerInfo, // answer to "info"
    Other, // a "janus" value this client does not know; kept, not fatal
};

// One message from Janus, checked for shape. Fields that the message does not
// carry are empty/zero; ids are Janus' 53-bit integers.
struct JanusMessage {
    JanusMessageType type = JanusMessageType::Other;
    QString typeName; // the raw "janus" value
    QString transaction; // empty for notifications
    quint64 sessionId = 0;
    quint64 sender = 0; // handle id, for handle-level messages
    QJsonObject data; // "data" of a core success (e.g. {"id": …})
    QString plugin; // "plugindata.plugin"
    QJsonObject pluginData; // "plugindata.data"
    std::optional<Jsep> jsep;
    int errorCode = 0; // core error code, or the plugin's "error_code"
    QString errorReason;
    QJsonObject raw; // the whole message, for fields not lifted above

    bool hasPluginError() const { return pluginData.contains(QLatin1String("error_code")); }
};

struct ParseFailure {
    QString message; // says what was wrong with the text, for the log
};

// Parses one WebSocket text frame. Never throws and never trusts the input:
// anything that is not a JSON object with a string "janus" field, or whose
// ids, jsep or plugindata have the wrong types, is a ParseFailure.
std::variant<JanusMessage, ParseFailure> parseJanusMessage(const QByteArray& text);

// A Janus id: a positive integer that fits in 53 bits (Janus keeps ids
// JavaScript-safe). nullopt for anything else.
std::optional<quint64> janusId(const QJsonValue& value);

JanusMessageType messageTypeFromName(const QString& name);

} // namespace spoke::session
