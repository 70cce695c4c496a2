#pragma once

#include "sync/HubClient.h"
#include "sync/HubProtocol.h"

#include <QByteArray>
#include <QString>
#include <QStringList>
#include <QUrl>

#include <cstdint>
#include <vector>

namespace spoke::sync {

// One entry of the join info's `ice_servers`: its URLs (RFC 7064 stun:,
// RFC 7065 turn:/turns:, each checked for shape only) and, for TURN, the
// short-lived credential of coturn's REST-secret scheme.
struct JoinIceServer {
    QStringList urls;
    QString username; // "EXPIRY_UNIX_S:ACCOUNT_ID"; empty for STUN
    QString credential; // base64(HMAC-SHA1(secret, username)); empty for STUN
};

// What this device needs to join a session's call (docs/hub-api.md,
// GET /api/v1/sessions/{id}/join): the Janus instance, the room, its pin, our
// token in the room's allow-list, the publisher ids for our camera and our
// screen share, the name to join with, our role, and the ICE servers.
struct JoinInfo {
    QUrl janusUrl; // ws:// or wss://; whether ws:// may be used is the connection's call
    std::uint64_t room = 0;
    QString pin;
    QString token;
    std::uint64_t cameraFeedId = 0;
    std::uint64_t screenFeedId = 0;
    QString display;
    QString role;
    std::vector<JoinIceServer> iceServers;
    std::int64_t expiresMs = 0; // when the TURN credentials expire (UTC ms)
};

// Reads the hub's answer strictly: every field of the contract present with
// its type and range, or a BadResponse naming the first one that is not
// ("join.feeds.camera is missing"). Fields the contract does not name are
// ignored, so the hub can add some.
HubExpected<JoinInfo> parseJoinInfoAnswer(const QByteArray& body);

// A device id as the hub takes it: 1-64 characters of [A-Za-z0-9._-].
bool isValidDeviceId(const QString& deviceId);

// GET /api/v1/sessions/{id}/join?device_id=… with the client's token. 409 (the
// session is over) and 503 media_unavailable come back as the SyncError of
// their status (Conflict, Unavailable).
HubExpected<JoinInfo> fetchJoinInfo(HubClient& client, std::int64_t sessionId, const QString& deviceId);

// Why the hub gave no join info, as a kind the app words itself
// (docs/hub-api.md, GET /api/v1/sessions/{id}/join).
enum class JoinInfoRefusal {
    NotSignedIn, // no hub account here, or the hub no longer takes its token (401)
    RemovedByChair, // 403: a member is refused only after the chair removed them
    SessionOver, // 409
    MediaUnavailable, // 503 media_unavailable: no Janus configured or answering
    NoSuchSession, // 404
    Unreachable, // no answer: offline, timeout, the hub's certificate refused
    Other, // a bad answer, 5xx, anything the contract does not name
};
JoinInfoRefusal classifyJoinInfoError(const SyncError& error);

} // namespace spoke::sync
