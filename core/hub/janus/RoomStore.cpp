#include "hub/janus/RoomStore.h"

#include "hub/db/HubDatabase.h"

#include <QMessageAuthenticationCode>
#include <QRandomGenerator>

#include <vector>

namespace spoke::hub::janus {

namespace {

QVariant v(qint64 value)
{
    return QVariant::fromValue(value);
}

QMap<QString, int> liveRoomsByInstance(HubDatabase& db)
{
    // A room is live until destroyed; an ended session whose destroy did not
    // reach Janus still counts until it is.
    QMap<QString, int> rooms;
    for (const HubRow& row :
         db.exec(QStringLiteral("SELECT janus_instance, COUNT(*) FROM session_rooms WHERE destroyed_ms IS NULL "
                                "GROUP BY janus_instance"))
             .rows)
        rooms.insert(row.text(0), int(row.integer(1)));
    return rooms;
}

std::optional<DeviceToken> findToken(HubDatabase& db, qint64 sessionId, qint64 accountId, const QString& deviceId)
{
    const std::optional<HubRow> row = db.queryOne(
        QStringLiteral("SELECT token, slot FROM room_tokens WHERE session_id = ? AND account_id = ? AND device_id = ?"),
        {v(sessionId), v(accountId), deviceId});
    if (!row)
        return std::nullopt;
    return DeviceToken{row->text(0), int(row->integer(1))};
}

} // namespace

QString randomText(int bytes)
{
    std::vector<quint32> words(std::size_t(bytes + 3) / 4);
    QRandomGenerator::system()->generate(words.begin(), words.end());
    const QByteArray random(reinterpret_cast<const char*>(words.data()), bytes);
    return QString::fromLatin1(random.toBase64(QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals));
}

std::optional<RoomRecord> findRoom(HubDatabase& db, qint64 sessionId)
{
    const std::optional<HubRow> row = db.queryOne(
        QStringLiteral("SELECT janus_room, janus_instance, pin, secret FROM session_rooms WHERE session_id = ?"),
        {v(sessionId)});
    if (!row)
        return std::nullopt;
    return RoomRecord{sessionId, row->integer(0), row->text(1), row->text(2), row->text(3)};
}

std::optional<RoomRecord> ensureRoom(HubDatabase& db, const MediaConfig& config, qint64 sessionId, qint64 janusRoom,
                                     qint64 nowMs)
{
    if (std::optional<RoomRecord> existing = findRoom(db, sessionId))
        return existing;
    return db.transaction([&]() -> std::optional<RoomRecord> {
        const JanusInstance* instance = chooseInstance(config.janus, liveRoomsByInstance(db));
        if (!instance)
            return std::nullopt;
        db.exec(QStringLiteral("INSERT INTO session_rooms (session_id, janus_instance, janus_room, pin, secret, "
                               "created_ms) VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT (session_id) DO NOTHING"),
                {v(sessionId), instance->name, v(janusRoom), randomText(12), randomText(24), v(nowMs)});
        return findRoom(db, sessionId);
    });
}

void markDestroyed(HubDatabase& db, qint64 sessionId, qint64 nowMs)
{
    db.exec(QStringLiteral("UPDATE session_rooms SET destroyed_ms = ? WHERE session_id = ? AND destroyed_ms IS NULL"),
            {v(nowMs), v(sessionId)});
}

std::optional<DeviceToken> ensureDeviceToken(HubDatabase& db, qint64 sessionId, qint64 accountId,
                                             const QString& deviceId, qint64 nowMs)
{
    if (std::optional<DeviceToken> existing = findToken(db, sessionId, accountId, deviceId))
        return existing;
    // The next free slot; a concurrent device of the same account may take
    // it first (UNIQUE slot), so try the next one again a few times.
    for (int attempt = 0; attempt < 4; ++attempt) {
        const std::optional<DeviceToken> token = db.transaction([&]() -> std::optional<DeviceToken> {
            const qint64 slot = db.queryOne(QStringLiteral("SELECT COALESCE(MAX(slot) + 1, 0) FROM room_tokens "
                                                           "WHERE session_id = ? AND account_id = ?"),
                                            {v(sessionId), v(accountId)})
                                    ->integer(0);
            if (slot >= kMaxDeviceSlots)
                return std::nullopt;
            db.exec(QStringLiteral("INSERT INTO room_tokens (session_id, account_id, device_id, slot, token, "
                                   "created_ms) VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT DO NOTHING"),
                    {v(sessionId), v(accountId), deviceId, v(slot), randomText(24), v(nowMs)});
            return findToken(db, sessionId, accountId, deviceId);
        });
        if (token)
            return token;
    }
    return std::nullopt;
}

QStringList allowedTokens(HubDatabase& db, qint64 sessionId)
{
    QStringList tokens;
    for (const HubRow& row :
         db.exec(QStringLiteral("SELECT t.token FROM room_tokens t WHERE t.session_id = ? AND NOT EXISTS "
                                "(SELECT 1 FROM room_removals r WHERE r.session_id = t.session_id "
                                "AND r.account_id = t.account_id) ORDER BY t.account_id, t.slot"),
                 {v(sessionId)})
             .rows)
        tokens.append(row.text(0));
    return tokens;
}

QString recorderToken(const RoomRecord& room)
{
    const QByteArray mac = QMessageAuthenticationCode::hash(QByteArrayLiteral("spoke-hub recorder"),
                                                            room.secret.toUtf8(), QCryptographicHash::Sha256);
    return QString::fromLatin1(mac.toBase64(QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals));
}

QStringList tokensOf(HubDatabase& db, qint64 sessionId, qint64 accountId)
{
    QStringList tokens;
    for (const HubRow& row : db.exec(QStringLiteral("SELECT token FROM room_tokens WHERE session_id = ? AND "
                                                    "account_id = ? ORDER BY slot"),
                                     {v(sessionId), v(accountId)})
                                 .rows)
        tokens.append(row.text(0));
    return tokens;
}

void recordRemoval(HubDatabase& db, qint64 sessionId, qint64 accountId, qint64 removedBy, qint64 nowMs)
{
    db.exec(QStringLiteral("INSERT INTO room_removals (session_id, account_id, removed_by, removed_ms) "
                           "VALUES (?, ?, ?, ?) ON CONFLICT (session_id, account_id) DO NOTHING"),
            {v(sessionId), v(accountId), v(removedBy), v(nowMs)});
}

int memberCount(HubDatabase& db, qint64 programmeId)
{
    return int(db.queryOne(QStringLiteral("SELECT COUNT(*) FROM memberships WHERE programme_id = ?"), {v(programmeId)})
                   ->integer(0));
}

QMap<qint64, Member> membersAmong(HubDatabase& db, qint64 programmeId, const QList<qint64>& accountIds)
{
    QMap<qint64, Member> members;
    for (const qint64 id : accountIds) {
        const std::optional<HubRow> row =
            db.queryOne(QStringLiteral("SELECT u.display_name, m.role FROM accounts u JOIN memberships m ON "
                                       "m.account_id = u.id WHERE u.id = ? AND m.programme_id = ?"),
                        {v(id), v(programmeId)});
        if (row)
            members.insert(id, Member{row->text(0), roleFromString(row->text(1)).value_or(Role::Trainee)});
    }
    return members;
}

} // namespace spoke::hub::janus
