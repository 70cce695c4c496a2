#include "hub/janus/JanusEventStore.h"

#include "hub/db/HubDatabase.h"
#include "hub/janus/MediaConfig.h"

#include <QHash>

namespace spoke::hub::janus {

namespace {

QVariant v(qint64 value)
{
    return QVariant::fromValue(value);
}

struct KnownRoom {
    qint64 sessionId = 0;
    QString instance;
};

std::optional<KnownRoom> roomOf(HubDatabase& db, qint64 janusRoom)
{
    const std::optional<HubRow> row = db.queryOne(
        QStringLiteral("SELECT session_id, janus_instance FROM session_rooms WHERE janus_room = ?"), {v(janusRoom)});
    if (!row)
        return std::nullopt;
    return KnownRoom{row->integer(0), row->text(1)};
}

// The account behind a feed id, if the hub issued it in this session: a
// device token holds that slot (a feed id Janus picked, or a forged one,
// names no one).
std::optional<qint64> issuedFeedOwner(HubDatabase& db, qint64 sessionId, qint64 feedId)
{
    const std::optional<FeedOwner> owner = ownerOfFeed(feedId);
    if (!owner)
        return std::nullopt;
    if (!db.queryOne(QStringLiteral("SELECT 1 FROM room_tokens WHERE session_id = ? AND account_id = ? AND slot = ?"),
                     {v(sessionId), v(owner->accountId), owner->slot}))
        return std::nullopt;
    return owner->accountId;
}

// 1 when the row is new, 0 for a retransmission already stored.
int insertEvent(HubDatabase& db, const KnownRoom& room, qint64 janusRoom, qint64 accountId, qint64 feedId, bool joined,
                qint64 janusMs, qint64 receivedMs)
{
    return int(db.exec(QStringLiteral("INSERT INTO janus_attendance_events (session_id, account_id, janus_instance, "
                                      "janus_room, feed_id, kind, janus_ms, received_ms) VALUES (?, ?, ?, ?, ?, ?, "
                                      "?, ?) ON CONFLICT (session_id, feed_id, kind, janus_ms) DO NOTHING"),
                       {v(room.sessionId), v(accountId), room.instance, v(janusRoom), v(feedId),
                        joined ? QStringLiteral("joined") : QStringLiteral("left"), v(janusMs), v(receivedMs)})
                   .rowsAffected);
}

// Janus' destroy ends every presence in the room without a "leaving" each:
// a leave at the destroy's time for every feed whose latest event is a join.
int closeOpenFeeds(HubDatabase& db, const KnownRoom& room, qint64 janusRoom, qint64 janusMs, qint64 receivedMs)
{
    QHash<qint64, std::pair<qint64, bool>> latest; // feed -> (account, joined)
    for (const HubRow& row : db.exec(QStringLiteral("SELECT feed_id, account_id, kind FROM janus_attendance_events "
                                                    "WHERE session_id = ? AND janus_ms <= ? ORDER BY janus_ms, id"),
                                     {v(room.sessionId), v(janusMs)})
                                 .rows)
        latest.insert(row.integer(0), {row.integer(1), row.text(2) == QLatin1String("joined")});
    int stored = 0;
    for (auto it = latest.cbegin(); it != latest.cend(); ++it) {
        if (it.value().second)
            stored += insertEvent(db, room, janusRoom, it.value().first, it.key(), false, janusMs, receivedMs);
    }
    return stored;
}

} // namespace

StoredJanusEvents storeJanusEvents(HubDatabase& db, const std::vector<JanusPresenceEvent>& events, qint64 receivedMs)
{
    StoredJanusEvents result;
    for (const JanusPresenceEvent& event : events) {
        const std::optional<KnownRoom> room = roomOf(db, event.room);
        int stored = 0;
        if (room && event.kind == JanusPresenceKind::RoomDestroyed) {
            stored = closeOpenFeeds(db, *room, event.room, event.janusMs, receivedMs);
        } else if (room) {
            if (const std::optional<qint64> account = issuedFeedOwner(db, room->sessionId, event.feedId))
                stored = insertEvent(db, *room, event.room, *account, event.feedId,
                                     event.kind == JanusPresenceKind::Joined, event.janusMs, receivedMs);
        }
        if (stored > 0)
            result.stored += stored;
        else
            ++result.ignored;
    }
    return result;
}

QMap<qint64, AccountMarks> loadAttendanceMarks(HubDatabase& db, qint64 sessionId)
{
    QMap<qint64, AccountMarks> accounts;
    for (const HubRow& row :
         db.exec(QStringLiteral("SELECT e.account_id, u.display_name, e.device_id, e.kind, e.at_ms FROM "
                                "attendance_events e JOIN accounts u ON u.id = e.account_id WHERE e.session_id = ? "
                                "ORDER BY e.at_ms, e.id"),
                 {v(sessionId)})
             .rows) {
        AccountMarks& marks = accounts[row.integer(0)];
        marks.name = row.text(1);
        marks.client.push_back({row.text(2), row.text(3) == QLatin1String("join"), row.integer(4)});
    }
    for (const HubRow& row :
         db.exec(QStringLiteral("SELECT e.account_id, u.display_name, e.feed_id, e.kind, e.janus_ms FROM "
                                "janus_attendance_events e JOIN accounts u ON u.id = e.account_id WHERE "
                                "e.session_id = ? ORDER BY e.janus_ms, e.id"),
                 {v(sessionId)})
             .rows) {
        // Cameras only: a screen share starts and stops inside the call.
        const std::optional<FeedOwner> owner = ownerOfFeed(row.integer(2));
        if (!owner || owner->screen)
            continue;
        AccountMarks& marks = accounts[row.integer(0)];
        marks.name = row.text(1);
        marks.janus.push_back(
            {QString::number(row.integer(2)), row.text(3) == QLatin1String("joined"), row.integer(4)});
    }
    return accounts;
}

} // namespace spoke::hub::janus
