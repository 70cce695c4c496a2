// A session's Janus room (docs/hub-api.md, Media): GET .../join (what a
// device needs to join: room, pin, its token and feed ids, ICE servers),
// the chair's POST .../moderate and .../remove, and GET .../participants.
// These handlers check the caller, the session and the body; the room work
// itself needs Janus, so it goes to the server as a RoomRequest and the
// answer comes from core/hub/janus/RoomService. Without Janus the answer is
// the 503 below.

#include "hub/api/HandlerSupport.h"

#include "hub/db/HubDatabase.h"

#include <QRegularExpression>

namespace spoke::hub::api {

namespace {

HttpResponse mediaUnavailable()
{
    return HttpResponse::error(503, QStringLiteral("media_unavailable"),
                               QStringLiteral("no media server is configured or answering; try again later"));
}

bool sessionOver(HubDatabase& db, qint64 sessionId)
{
    return db
        .queryOne(QStringLiteral("SELECT 1 FROM session_ends WHERE session_id = ?"), {QVariant::fromValue(sessionId)})
        .has_value();
}

// The session as a room route needs it: checked (400/404/403), not over
// (409), with its Janus room number and the caller's name.
Expected<RoomRequest> roomRequest(RequestContext& context, RoomRequest::Kind kind)
{
    auto session = loadSession(context);
    if (!session)
        return session.error();
    if (sessionOver(context.db, session->id))
        return conflict(QStringLiteral("session %1 is over").arg(session->id));
    const std::optional<HubRow> row =
        context.db.queryOne(QStringLiteral("SELECT COALESCE(s.room, s.id + 100000), u.display_name FROM sessions s, "
                                           "accounts u WHERE s.id = ? AND u.id = ?"),
                            {QVariant::fromValue(session->id), QVariant::fromValue(context.principal->accountId)});
    RoomRequest request;
    request.kind = kind;
    request.sessionId = session->id;
    request.programmeId = session->programmeId;
    request.janusRoom = row->integer(0);
    request.callerId = context.principal->accountId;
    request.callerName = row->text(1);
    request.callerRole = session->role;
    return request;
}

bool removedFrom(HubDatabase& db, qint64 sessionId, qint64 accountId)
{
    return db
        .queryOne(QStringLiteral("SELECT 1 FROM room_removals WHERE session_id = ? AND account_id = ?"),
                  {QVariant::fromValue(sessionId), QVariant::fromValue(accountId)})
        .has_value();
}

HttpResponse joinInfo(RequestContext& context)
{
    auto request = roomRequest(context, RoomRequest::Kind::Join);
    if (!request)
        return request.error().response();
    static const QRegularExpression kDevice(QStringLiteral("^[A-Za-z0-9._-]{1,64}$"));
    const QString device = context.request.query.value(QStringLiteral("device_id"));
    if (!kDevice.match(device).hasMatch())
        return badRequest(QStringLiteral("query parameter \"device_id\" must be 1-64 of A-Z a-z 0-9 . _ -")).response();
    if (removedFrom(context.db, request->sessionId, request->callerId))
        return forbidden(QStringLiteral("the chair removed you from this session")).response();
    request->deviceId = device;
    context.room = *request;
    return mediaUnavailable();
}

// The chair's routes: a specialist or coordinator of the session's
// programme, about another member of it.
Expected<RoomRequest> chairRequest(RequestContext& context, RoomRequest::Kind kind)
{
    auto request = roomRequest(context, kind);
    if (!request)
        return request.error();
    if (!canReview(request->callerRole))
        return forbidden(QStringLiteral("only a specialist or coordinator chairs the session"));
    FieldReader fields(context.body);
    request->targetAccountId = fields.integer(QStringLiteral("account_id"), 1, kMaxJsonInteger);
    if (!fields.ok())
        return fields.error();
    if (!context.db.queryOne(
            QStringLiteral("SELECT 1 FROM memberships WHERE account_id = ? AND programme_id = ?"),
            {QVariant::fromValue(request->targetAccountId), QVariant::fromValue(request->programmeId)}))
        return notFound(
            QStringLiteral("account %1 is not a member of this session's programme").arg(request->targetAccountId));
    return request;
}

HttpResponse moderate(RequestContext& context)
{
    auto request = chairRequest(context, RoomRequest::Kind::Moderate);
    if (!request)
        return request.error().response();
    const QJsonValue mute = context.body.value(QStringLiteral("mute_audio"));
    if (!mute.isBool())
        return badRequest(QStringLiteral("field \"mute_audio\" must be true or false")).response();
    request->muteAudio = mute.toBool();
    context.room = *request;
    return mediaUnavailable();
}

HttpResponse removeParticipant(RequestContext& context)
{
    auto request = chairRequest(context, RoomRequest::Kind::Remove);
    if (!request)
        return request.error().response();
    if (request->targetAccountId == request->callerId)
        return badRequest(QStringLiteral("the chair cannot remove themselves; leave the call instead")).response();
    context.room = *request;
    return mediaUnavailable();
}

HttpResponse participants(RequestContext& context)
{
    auto request = roomRequest(context, RoomRequest::Kind::Participants);
    if (!request)
        return request.error().response();
    context.room = *request;
    return mediaUnavailable();
}

} // namespace

void addRoomRoutes(std::vector<Route>& routes)
{
    routes.push_back({"GET", QStringLiteral("/api/v1/sessions/{id}/join"), Access::SignedIn, BodyKind::None, joinInfo});
    routes.push_back(
        {"POST", QStringLiteral("/api/v1/sessions/{id}/moderate"), Access::SignedIn, BodyKind::JsonObject, moderate});
    routes.push_back({"POST", QStringLiteral("/api/v1/sessions/{id}/remove"), Access::SignedIn, BodyKind::JsonObject,
                      removeParticipant});
    routes.push_back(
        {"GET", QStringLiteral("/api/v1/sessions/{id}/participants"), Access::SignedIn, BodyKind::None, participants});
}

} // namespace spoke::hub::api
