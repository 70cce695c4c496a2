#pragma once

#include "hub/identity/Roles.h"
#include "hub/janus/MediaConfig.h"

#include <QMap>
#include <QString>
#include <QStringList>

#include <optional>

namespace spoke::hub {
class HubDatabase;
}

namespace spoke::hub::janus {

// The hub's records of sessions' rooms (migration 6, docs/hub-api.md Media).
// Every write is idempotent (INSERT ... ON CONFLICT DO NOTHING, then read
// back), so two first joins at once, on one hub or on two sharing a
// PostgreSQL, end with one room and one token per device. Throws HubDbError.
struct RoomRecord {
    qint64 sessionId = 0;
    qint64 janusRoom = 0;
    QString instance;
    QString pin;
    QString secret;
};

std::optional<RoomRecord> findRoom(HubDatabase& db, qint64 sessionId);
// The session's room, created (instance chosen, pin and secret drawn) when
// it has none yet. Null when it has none and no instance is configured.
std::optional<RoomRecord> ensureRoom(HubDatabase& db, const MediaConfig& config, qint64 sessionId, qint64 janusRoom,
                                     qint64 nowMs);
void markDestroyed(HubDatabase& db, qint64 sessionId, qint64 nowMs);

struct DeviceToken {
    QString token;
    int slot = 0;
};
// This account+device's token, issued once and reused: the same device gets
// the same token and feed ids on every join, and Janus can be given the
// whole list again. None when the account already has kMaxDeviceSlots.
std::optional<DeviceToken> ensureDeviceToken(HubDatabase& db, qint64 sessionId, qint64 accountId,
                                             const QString& deviceId, qint64 nowMs);
// Every token of the session, the removed accounts' left out.
QStringList allowedTokens(HubDatabase& db, qint64 sessionId);
// The hub recorder's token in the room's `allowed` list: its own, no
// account's, so removing the chair who switched recording on (or anyone)
// never takes it out. Derived from the room's secret (HMAC-SHA256), not
// stored: the same on every start of serve and on every hub instance that
// shares the database, and as secret as the room's secret.
QString recorderToken(const RoomRecord& room);
QStringList tokensOf(HubDatabase& db, qint64 sessionId, qint64 accountId);
void recordRemoval(HubDatabase& db, qint64 sessionId, qint64 accountId, qint64 removedBy, qint64 nowMs);
int memberCount(HubDatabase& db, qint64 programmeId);

struct Member {
    QString name;
    Role role = Role::Trainee;
};
// The programme's members among `accountIds`.
QMap<qint64, Member> membersAmong(HubDatabase& db, qint64 programmeId, const QList<qint64>& accountIds);

// Random base64url text from `bytes` random bytes (the system's CSPRNG).
QString randomText(int bytes);

} // namespace spoke::hub::janus
