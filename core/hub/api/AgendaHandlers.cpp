// POST /api/v1/sessions/{id}/agenda/advance (docs/hub-api.md, Agenda): the
// chair starts the next agenda item, or ends the session.

#include "hub/api/HandlerSupport.h"

#include "hub/db/HubDatabase.h"

namespace spoke::hub::api {

namespace {

// The body names what to start, so that a retried or stale request (two
// chairs pressing at once, a click queued offline) cannot skip an item: it
// starts only the item that is next when the hub reads it.
struct AdvanceRequest {
    std::optional<qint64> itemId; // start this item
    bool end = false; // or end the session
};

Expected<AdvanceRequest> parseAdvance(const QJsonObject& body)
{
    const QJsonValue end = body.value(QStringLiteral("end"));
    const bool hasItem = body.contains(QStringLiteral("item_id"));
    if (!end.isUndefined() && (!end.isBool() || !end.toBool()))
        return badRequest(QStringLiteral("field \"end\" must be true when present"));
    if (hasItem == !end.isUndefined())
        return badRequest(QStringLiteral("give exactly one of field \"item_id\" (the item to start) or \"end\": true"));
    if (!hasItem)
        return AdvanceRequest{std::nullopt, true};
    FieldReader fields(body);
    const qint64 itemId = fields.integer(QStringLiteral("item_id"), 1, kMaxJsonInteger);
    if (!fields.ok())
        return fields.error();
    return AdvanceRequest{itemId, false};
}

// Inside the write transaction: 404 for an item of another session, 409
// unless it is the first item not yet started.
std::optional<ApiError> checkNextItem(HubDatabase& db, qint64 sessionId, qint64 itemId)
{
    const std::optional<HubRow> item =
        db.queryOne(QStringLiteral("SELECT position, started_ms FROM agenda_items WHERE id = ? AND session_id = ?"),
                    {QVariant::fromValue(itemId), QVariant::fromValue(sessionId)});
    if (!item)
        return notFound(QStringLiteral("session %1 has no agenda item %2").arg(sessionId).arg(itemId));
    if (!item->isNull(1))
        return conflict(QStringLiteral("agenda item %1 has already started").arg(itemId));
    const std::optional<HubRow> next =
        db.queryOne(QStringLiteral("SELECT id FROM agenda_items WHERE session_id = ? AND started_ms IS NULL "
                                   "ORDER BY position LIMIT 1"),
                    {QVariant::fromValue(sessionId)});
    if (!next || next->integer(0) != itemId)
        return conflict(
            QStringLiteral("agenda item %1 is not the next one; pull the session and try again").arg(itemId));
    return std::nullopt;
}

WriteOutcome advance(RequestContext& context, const SessionAccess& session, const AdvanceRequest& request)
{
    HubDatabase& db = context.db;
    const QVariant sessionId = QVariant::fromValue(session.id);
    const QVariant callerId = QVariant::fromValue(context.principal->accountId);
    const QVariant now = QVariant::fromValue(context.nowMs);
    if (db.queryOne(QStringLiteral("SELECT 1 FROM session_ends WHERE session_id = ?"), {sessionId}))
        return {conflict(QStringLiteral("session %1 is over").arg(session.id)).response(), {}};
    if (request.itemId) {
        if (std::optional<ApiError> refused = checkNextItem(db, session.id, *request.itemId))
            return {refused->response(), {}};
        db.exec(QStringLiteral("UPDATE agenda_items SET started_ms = ?, started_by = ? WHERE id = ?"),
                {now, callerId, QVariant::fromValue(*request.itemId)});
    } else {
        db.exec(QStringLiteral("INSERT INTO session_ends (session_id, ended_ms, ended_by) VALUES (?, ?, ?)"),
                {sessionId, now, callerId});
    }
    // The session row carries its agenda to clients: a new seq sends it again
    // in everyone's next pull.
    const qint64 seq = db.bumpChangeSeq();
    db.exec(QStringLiteral("UPDATE sessions SET seq = ? WHERE id = ?"), {QVariant::fromValue(seq), sessionId});
    const QJsonObject json = sessionById(db, session.id);
    const QJsonObject event{{QStringLiteral("event"), QStringLiteral("agenda")},
                            {QStringLiteral("session_id"), double(session.id)},
                            {QStringLiteral("cursor"), double(seq)},
                            {QStringLiteral("session"), json}};
    return {HttpResponse::json(200, QJsonObject{{QStringLiteral("session"), json}}),
            {{session.programmeId, seq, event}}};
}

HttpResponse advanceAgenda(RequestContext& context)
{
    auto session = loadSession(context);
    if (!session)
        return session.error().response();
    if (!canReview(session->role))
        return forbidden(QStringLiteral("only a specialist or coordinator chairs the session")).response();
    auto request = parseAdvance(context.body);
    if (!request)
        return request.error().response();
    HttpResponse response = idempotentWrite(context, [&] { return advance(context, *session, *request); });
    // The session's Janus room goes with it (docs/hub-api.md, Media): the
    // server destroys it after this answer is sent (RoomRequest.h).
    if (request->end && response.status == 200) {
        RoomRequest destroy;
        destroy.kind = RoomRequest::Kind::Destroy;
        destroy.sessionId = session->id;
        destroy.programmeId = session->programmeId;
        context.room = destroy;
    }
    return response;
}

} // namespace

void addAgendaRoutes(std::vector<Route>& routes)
{
    routes.push_back({"POST", QStringLiteral("/api/v1/sessions/{id}/agenda/advance"), Access::SignedIn,
                      BodyKind::JsonObject, advanceAgenda});
}

} // namespace spoke::hub::api
