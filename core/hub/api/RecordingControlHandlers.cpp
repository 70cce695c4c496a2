// POST/GET /api/v1/sessions/{id}/recording (docs/hub-api.md, Recording):
// the chair switches the hub's recording of the session on and off; every
// member can see whether it records and which parts were written. The
// handler records the chair's wish and announces it with a
// {"event":"recording"} (or refuses it when the hub cannot record it now);
// the recorder child is started and stopped by the server's
// RecorderSupervisor (core/hub/recorder), which watches for it.

#include "hub/api/HandlerSupport.h"
#include "hub/api/RecordingState.h"

#include "hub/db/HubDatabase.h"

namespace spoke::hub::api {

QJsonObject sessionRecordingJson(HubDatabase& db, qint64 sessionId)
{
    const QVariant id = QVariant::fromValue(sessionId);
    const std::optional<HubRow> state = db.queryOne(
        QStringLiteral("SELECT active, started_ms FROM session_recording_state WHERE session_id = ?"), {id});
    QJsonArray parts;
    const HubQueryResult rows =
        db.exec(QStringLiteral("SELECT part, file, started_ms, ended_ms, exit_status FROM session_recordings "
                               "WHERE session_id = ? ORDER BY part"),
                {id});
    for (const HubRow& row : rows.rows) {
        parts.append(
            QJsonObject{{QStringLiteral("part"), double(row.integer(0))},
                        {QStringLiteral("file"), row.text(1)},
                        {QStringLiteral("started_ms"), double(row.integer(2))},
                        {QStringLiteral("ended_ms"), row.isNull(3) ? QJsonValue() : QJsonValue(double(row.integer(3)))},
                        {QStringLiteral("exit_status"), row.isNull(4) ? QJsonValue() : QJsonValue(row.text(4))}});
    }
    return QJsonObject{{QStringLiteral("session_id"), double(sessionId)},
                       {QStringLiteral("active"), state && state->integer(0) == 1},
                       {QStringLiteral("started_ms"), state ? QJsonValue(double(state->integer(1))) : QJsonValue()},
                       {QStringLiteral("parts"), parts}};
}

QJsonObject recordingEvent(HubDatabase& db, qint64 sessionId)
{
    return QJsonObject{{QStringLiteral("event"), QStringLiteral("recording")},
                       {QStringLiteral("session_id"), double(sessionId)},
                       {QStringLiteral("recording"), sessionRecordingJson(db, sessionId)}};
}

namespace {

// Switching on must start a recorder now, or say why it cannot: a hub
// without one (serve with no --janus or no data dir) would otherwise
// answer "active" and record nothing. The recorder joins the session's
// room and never makes one, as there is nobody to record before the first
// join (docs/hub-api.md, Recording).
std::optional<HttpResponse> cannotRecord(const RequestContext& context, const SessionAccess& session)
{
    if (!context.recorderAvailable)
        return HttpResponse::error(503, QStringLiteral("recording_unavailable"),
                                   QStringLiteral("this hub does not record sessions: it runs without a media server "
                                                  "(--janus) or a data directory"));
    if (!context.db.queryOne(
            QStringLiteral("SELECT 1 FROM session_rooms WHERE session_id = ? AND destroyed_ms IS NULL"),
            {QVariant::fromValue(session.id)}))
        return HttpResponse::error(
            409, QStringLiteral("no_room"),
            QStringLiteral("nobody has joined the call of session %1 yet; start recording once the call has begun")
                .arg(session.id));
    return std::nullopt;
}

WriteOutcome switchRecording(RequestContext& context, const SessionAccess& session, bool on)
{
    HubDatabase& db = context.db;
    const QVariant sessionId = QVariant::fromValue(session.id);
    const QVariant now = QVariant::fromValue(context.nowMs);
    if (on && db.queryOne(QStringLiteral("SELECT 1 FROM session_ends WHERE session_id = ?"), {sessionId}))
        return {conflict(QStringLiteral("session %1 is over").arg(session.id)).response(), {}};
    const std::optional<HubRow> state =
        db.queryOne(QStringLiteral("SELECT active FROM session_recording_state WHERE session_id = ?"), {sessionId});
    const bool wasOn = state && state->integer(0) == 1;
    if (on && !wasOn) {
        if (std::optional<HttpResponse> refused = cannotRecord(context, session))
            return {*refused, {}};
        // Each switch-on is a new start; the parts keep their own times.
        db.exec(QStringLiteral("INSERT INTO session_recording_state (session_id, active, started_ms, started_by) "
                               "VALUES (?, 1, ?, ?) ON CONFLICT (session_id) DO UPDATE SET active = 1, "
                               "started_ms = excluded.started_ms, started_by = excluded.started_by, stopped_ms = NULL"),
                {sessionId, now, QVariant::fromValue(context.principal->accountId)});
    } else if (!on && wasOn) {
        db.exec(QStringLiteral("UPDATE session_recording_state SET active = 0, stopped_ms = ? WHERE session_id = ?"),
                {now, sessionId});
    }
    const QJsonObject json = sessionRecordingJson(db, session.id);
    std::vector<ProgrammeChange> changes;
    // Only a real switch is announced: a repeated request changes nothing,
    // and the supervisor must not start a second recorder for it.
    if (on != wasOn)
        changes.push_back({session.programmeId, 0, recordingEvent(db, session.id)});
    return {HttpResponse::json(200, QJsonObject{{QStringLiteral("recording"), json}}), std::move(changes)};
}

HttpResponse postRecording(RequestContext& context)
{
    auto session = loadSession(context);
    if (!session)
        return session.error().response();
    if (!canReview(session->role))
        return forbidden(QStringLiteral("only a specialist or coordinator starts and stops the recording")).response();
    const QJsonValue recording = context.body.value(QStringLiteral("recording"));
    if (!recording.isBool())
        return badRequest(QStringLiteral("field \"recording\" must be true or false")).response();
    return idempotentWrite(context, [&] { return switchRecording(context, *session, recording.toBool()); });
}

HttpResponse getRecording(RequestContext& context)
{
    auto session = loadSession(context);
    if (!session)
        return session.error().response();
    return HttpResponse::json(
        200, QJsonObject{{QStringLiteral("recording"), sessionRecordingJson(context.db, session->id)}});
}

} // namespace

void addRecordingControlRoutes(std::vector<Route>& routes)
{
    routes.push_back({"POST", QStringLiteral("/api/v1/sessions/{id}/recording"), Access::SignedIn, BodyKind::JsonObject,
                      postRecording});
    routes.push_back(
        {"GET", QStringLiteral("/api/v1/sessions/{id}/recording"), Access::SignedIn, BodyKind::None, getRecording});
}

} // namespace spoke::hub::api
