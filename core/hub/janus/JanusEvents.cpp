#include "hub/janus/JanusEvents.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QJsonParseError>

#include <cmath>
#include <optional>

namespace spoke::hub::janus {

namespace {

// Janus' event types (src/events.h, JANUS_EVENT_TYPE_PLUGIN).
constexpr int kPluginEventType = 64;
// Janus keeps ids within JavaScript's safe integers (2^53 - 1), and a
// double carries exactly that many; anything beyond is not Janus.
constexpr double kMaxExactInteger = 9007199254740991.0;

// A non-negative JSON integer that a double holds exactly.
std::optional<qint64> exactInteger(const QJsonValue& value)
{
    if (!value.isDouble())
        return std::nullopt;
    const double number = value.toDouble();
    if (!(number >= 0 && number <= kMaxExactInteger) || std::floor(number) != number)
        return std::nullopt;
    return qint64(number);
}

using EventResult = Expected<std::optional<JanusPresenceEvent>, QString>;

// The VideoRoom's data of a plugin event: presence, or none (ignored).
EventResult videoRoomPresence(const QJsonObject& data, const QString& where)
{
    const QString name = data.value(QStringLiteral("event")).toString();
    JanusPresenceEvent event;
    if (name == QLatin1String("joined"))
        event.kind = JanusPresenceKind::Joined;
    else if (name == QLatin1String("leaving") || name == QLatin1String("kicked"))
        event.kind = JanusPresenceKind::Left;
    else if (name == QLatin1String("destroyed"))
        event.kind = JanusPresenceKind::RoomDestroyed;
    else
        return std::optional<JanusPresenceEvent>();
    const QJsonValue room = data.value(QStringLiteral("room"));
    const QJsonValue id = data.value(QStringLiteral("id"));
    // A room with string_ids names rooms and feeds by text; the hub's rooms
    // are numbers, so such a room is not one of its own.
    if (room.isString() || (event.kind != JanusPresenceKind::RoomDestroyed && id.isString()))
        return std::optional<JanusPresenceEvent>();
    const std::optional<qint64> roomNumber = exactInteger(room);
    if (!roomNumber || *roomNumber == 0)
        return QStringLiteral("%1: a VideoRoom \"%2\" event needs an integer \"room\"").arg(where, name);
    event.room = *roomNumber;
    if (event.kind != JanusPresenceKind::RoomDestroyed) {
        const std::optional<qint64> feed = exactInteger(id);
        if (!feed || *feed == 0)
            return QStringLiteral("%1: a VideoRoom \"%2\" event needs an integer \"id\"").arg(where, name);
        event.feedId = *feed;
    }
    return std::optional<JanusPresenceEvent>(event);
}

EventResult parseEvent(const QJsonValue& value, const QString& where)
{
    if (!value.isObject())
        return QStringLiteral("%1 is not a JSON object").arg(where);
    const QJsonObject object = value.toObject();
    const std::optional<qint64> type = exactInteger(object.value(QStringLiteral("type")));
    const std::optional<qint64> timestampUs = exactInteger(object.value(QStringLiteral("timestamp")));
    if (!type)
        return QStringLiteral("%1 has no integer \"type\"").arg(where);
    if (!timestampUs)
        return QStringLiteral("%1 has no integer \"timestamp\"").arg(where);
    if (*type != kPluginEventType)
        return std::optional<JanusPresenceEvent>();
    const QJsonObject body = object.value(QStringLiteral("event")).toObject();
    if (body.value(QStringLiteral("plugin")) != QLatin1String("janus.plugin.videoroom"))
        return std::optional<JanusPresenceEvent>();
    const QJsonValue data = body.value(QStringLiteral("data"));
    if (!data.isObject())
        return QStringLiteral("%1: a VideoRoom event has no \"data\" object").arg(where);
    EventResult presence = videoRoomPresence(data.toObject(), where);
    if (presence && presence->has_value()) {
        (*presence)->janusMs = *timestampUs / 1000;
        (*presence)->emitter = object.value(QStringLiteral("emitter")).toString().left(200);
    }
    return presence;
}

} // namespace

Expected<ParsedJanusEvents, QString> parseJanusEvents(const QByteArray& body)
{
    QJsonParseError error{};
    const QJsonDocument document = QJsonDocument::fromJson(body, &error);
    if (error.error != QJsonParseError::NoError)
        return QStringLiteral("the body is not JSON: %1 at byte %2").arg(error.errorString()).arg(error.offset);
    QJsonArray events;
    if (document.isObject())
        events.append(document.object());
    else
        events = document.array();
    if (events.isEmpty())
        return QStringLiteral("the body must be one Janus event object or a non-empty array of them");
    if (events.size() > kMaxJanusEventsPerBody)
        return QStringLiteral("the body has %1 events; at most %2 are taken at once")
            .arg(events.size())
            .arg(kMaxJanusEventsPerBody);
    ParsedJanusEvents parsed;
    for (qsizetype i = 0; i < events.size(); ++i) {
        const QString where = document.isObject() ? QStringLiteral("the event") : QStringLiteral("event [%1]").arg(i);
        EventResult event = parseEvent(events.at(i), where);
        if (!event)
            return event.error();
        if (event->has_value())
            parsed.presence.push_back(**event);
        else
            ++parsed.ignored;
    }
    return parsed;
}

} // namespace spoke::hub::janus
