#include "api_live_scenarios.h"

using spoke::hub::Role;

namespace spoke::test::live {

namespace {

constexpr qint64 kMinuteMs = 60'000;

QString sessionPath(qint64 id, const QString& tail)
{
    return QStringLiteral("/api/v1/sessions/%1%2").arg(id).arg(tail);
}

QString errorMessage(const hub::api::HttpResponse& response)
{
    return jsonOf(response).value(QStringLiteral("error")).toObject().value(QStringLiteral("message")).toString();
}

// The session as GET /sessions?programme= lists it.
QJsonObject listedSession(ApiHub& hub, const QString& token, qint64 programme, qint64 sessionId)
{
    const auto listed = hub.call("GET", QStringLiteral("/api/v1/sessions?programme=%1").arg(programme), token);
    REQUIRE(listed.response.status == 200);
    for (const QJsonValue& session : jsonOf(listed.response).value(QStringLiteral("sessions")).toArray())
        if (qint64(session.toObject().value(QStringLiteral("id")).toDouble()) == sessionId)
            return session.toObject();
    FAIL("session " << sessionId << " is not listed");
    return {};
}

qint64 itemId(const QJsonObject& session, int index)
{
    return qint64(
        session.value(QStringLiteral("agenda")).toArray().at(index).toObject().value(QStringLiteral("id")).toDouble());
}

QJsonObject item(const QJsonObject& session, int index)
{
    return session.value(QStringLiteral("agenda")).toArray().at(index).toObject();
}

hub::api::RouteOutcome advance(ApiHub& hub, qint64 sessionId, const QString& token, const QByteArray& body,
                               const QMap<QByteArray, QByteArray>& headers = {})
{
    return hub.call("POST", sessionPath(sessionId, QStringLiteral("/agenda/advance")), token, body, headers);
}

QByteArray startItem(qint64 id)
{
    return ApiHub::json({{"item_id", double(id)}});
}

void agendaRefusals(ApiHub& hub, qint64 sessionId, qint64 firstItem, const QString& clinician, const QString& outsider,
                    const QString& chair)
{
    CHECK(advance(hub, sessionId, {}, startItem(firstItem)).response.status == 401);
    CHECK(advance(hub, sessionId, clinician, startItem(firstItem)).response.status == 403);
    CHECK(advance(hub, sessionId, outsider, startItem(firstItem)).response.status == 403);
    CHECK(advance(hub, 987654321, chair, startItem(firstItem)).response.status == 404);
    CHECK(advance(hub, sessionId, chair, startItem(987654321)).response.status == 404);
    CHECK(advance(hub, sessionId, chair, "[]").response.status == 400);
    const auto empty = advance(hub, sessionId, chair, "{}");
    CHECK(empty.response.status == 400);
    CHECK(errorMessage(empty.response).contains(QLatin1String("item_id")));
    const auto wrongType = advance(hub, sessionId, chair, ApiHub::json({{"item_id", QStringLiteral("1")}}));
    CHECK(wrongType.response.status == 400);
    CHECK(errorMessage(wrongType.response).contains(QLatin1String("\"item_id\"")));
    CHECK(advance(hub, sessionId, chair, ApiHub::json({{"item_id", double(firstItem)}, {"end", true}})).response.status
          == 400);
    const auto endFalse = advance(hub, sessionId, chair, ApiHub::json({{"end", false}}));
    CHECK(endFalse.response.status == 400);
    CHECK(errorMessage(endFalse.response).contains(QLatin1String("\"end\"")));
    // Skipping the first item is refused: only the next one starts.
    CHECK(advance(hub, sessionId, chair, startItem(firstItem + 1)).response.status == 409);
}

} // namespace

void agenda(ApiHub& hub)
{
    const qint64 programme = hub.addProgramme(QStringLiteral("Agenda"));
    const QString coordinator = hub.member(programme, Role::Coordinator, QStringLiteral("Coordinator Agenda"));
    const QString specialist = hub.member(programme, Role::Specialist, QStringLiteral("Dr Agenda"));
    const QString clinician = hub.member(programme, Role::Clinician, QStringLiteral("Clinic Agenda"));
    const QString outsider =
        hub.member(hub.addProgramme(QStringLiteral("Elsewhere")), Role::Specialist, QStringLiteral("Dr Elsewhere"));
    const qint64 startsMs = hub.nowMs + kMinuteMs;
    const qint64 sessionId = hub.addLiveSession(programme, QStringLiteral("Week 1"), startsMs, 60,
                                                QStringLiteral("Didactic:15,Case 1:20,Case 2:20"));

    const QJsonObject planned = listedSession(hub, clinician, programme, sessionId);
    REQUIRE(planned.value(QStringLiteral("agenda")).toArray().size() == 3);
    CHECK(item(planned, 1).value(QStringLiteral("title")).toString() == QLatin1String("Case 1"));
    CHECK(item(planned, 1).value(QStringLiteral("planned_minutes")).toInt() == 20);
    CHECK(item(planned, 1).value(QStringLiteral("position")).toInt() == 2);
    CHECK(item(planned, 0).value(QStringLiteral("started_ms")).isNull());
    CHECK(planned.value(QStringLiteral("current_item_id")).isNull());
    CHECK(planned.value(QStringLiteral("ended_ms")).isNull());
    const qint64 first = itemId(planned, 0);
    agendaRefusals(hub, sessionId, first, clinician, outsider, specialist);

    const auto synced = hub.call("GET", QStringLiteral("/api/v1/sync?since=0"), clinician);
    const double cursorBefore = jsonOf(synced.response).value(QStringLiteral("cursor")).toDouble();

    hub.nowMs = startsMs;
    const auto started = advance(hub, sessionId, specialist, startItem(first));
    REQUIRE(started.response.status == 200);
    const QJsonObject running = jsonOf(started.response).value(QStringLiteral("session")).toObject();
    CHECK(qint64(running.value(QStringLiteral("current_item_id")).toDouble()) == first);
    CHECK(qint64(item(running, 0).value(QStringLiteral("started_ms")).toDouble()) == startsMs);
    CHECK(item(running, 0).value(QStringLiteral("started_by")).toObject().value(QStringLiteral("name")).toString()
          == QLatin1String("Dr Agenda"));
    CHECK(item(running, 0).value(QStringLiteral("ended_ms")).isNull());
    // One change with a cursor for sync, and the agenda event for the sockets.
    REQUIRE(started.changes.size() == 1);
    CHECK(started.changes[0].programmeId == programme);
    CHECK(started.changes[0].cursor > qint64(cursorBefore));
    CHECK(started.changes[0].event.value(QStringLiteral("event")).toString() == QLatin1String("agenda"));
    CHECK(started.changes[0].event.value(QStringLiteral("session")).toObject() == running);
    const auto pulled = hub.call("GET", QStringLiteral("/api/v1/sync?since=%1").arg(qint64(cursorBefore)), clinician);
    const QJsonArray pulledSessions = jsonOf(pulled.response).value(QStringLiteral("sessions")).toArray();
    REQUIRE(pulledSessions.size() == 1);
    CHECK(pulledSessions[0].toObject() == running);

    // A repeat of the same press is stale now, and so is skipping ahead.
    CHECK(advance(hub, sessionId, specialist, startItem(first)).response.status == 409);
    CHECK(advance(hub, sessionId, specialist, startItem(itemId(planned, 2))).response.status == 409);

    hub.nowMs = startsMs + 15 * kMinuteMs;
    const auto second = advance(hub, sessionId, coordinator, startItem(itemId(planned, 1)));
    REQUIRE(second.response.status == 200);
    const QJsonObject chapters = jsonOf(second.response).value(QStringLiteral("session")).toObject();
    CHECK(qint64(item(chapters, 0).value(QStringLiteral("ended_ms")).toDouble()) == startsMs + 15 * kMinuteMs);

    // A retried press with its Idempotency-Key replays; without it, 409.
    hub.nowMs = startsMs + 36 * kMinuteMs;
    const QMap<QByteArray, QByteArray> key{{"idempotency-key", "agenda:third"}};
    const auto third = advance(hub, sessionId, coordinator, startItem(itemId(planned, 2)), key);
    REQUIRE(third.response.status == 200);
    const auto replay = advance(hub, sessionId, coordinator, startItem(itemId(planned, 2)), key);
    CHECK(replay.response.status == 200);
    CHECK(replay.response.body == third.response.body);
    CHECK(replay.changes.empty());
    CHECK(advance(hub, sessionId, coordinator, startItem(itemId(planned, 2))).response.status == 409);

    hub.nowMs = startsMs + 58 * kMinuteMs;
    const auto ended = advance(hub, sessionId, specialist, ApiHub::json({{"end", true}}));
    REQUIRE(ended.response.status == 200);
    const QJsonObject over = jsonOf(ended.response).value(QStringLiteral("session")).toObject();
    CHECK(qint64(over.value(QStringLiteral("ended_ms")).toDouble()) == hub.nowMs);
    CHECK(over.value(QStringLiteral("current_item_id")).isNull());
    CHECK(qint64(item(over, 2).value(QStringLiteral("ended_ms")).toDouble()) == hub.nowMs);
    const auto again = advance(hub, sessionId, specialist, ApiHub::json({{"end", true}}));
    CHECK(again.response.status == 409);
    CHECK(errorMessage(again.response).contains(QLatin1String("over")));
    CHECK(listedSession(hub, clinician, programme, sessionId) == over);
}

} // namespace spoke::test::live
