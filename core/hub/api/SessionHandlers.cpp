// GET /api/v1/sessions, POST /api/v1/sessions/{id}/attendance
// (docs/hub-api.md, Endpoints).

#include "hub/api/HandlerSupport.h"

#include "hub/db/HubDatabase.h"

namespace spoke::hub::api {

namespace {

// The programmes a request is about: the one in ?programme= (403 unless the
// caller is a member), or all of the caller's.
Expected<QVariantList> requestedProgrammes(const RequestContext& context)
{
    const Principal& caller = *context.principal;
    QVariantList ids;
    if (context.request.query.contains(QStringLiteral("programme"))) {
        auto id = parseId(context.request.query.value(QStringLiteral("programme")), QStringLiteral("programme"));
        if (!id)
            return id.error();
        if (!caller.roleIn(*id))
            return forbidden(QStringLiteral("you are not a member of programme %1").arg(*id));
        ids.append(QVariant::fromValue(*id));
        return ids;
    }
    for (const Membership& membership : caller.memberships)
        ids.append(QVariant::fromValue(membership.programmeId));
    return ids;
}

HttpResponse listSessions(RequestContext& context)
{
    auto programmes = requestedProgrammes(context);
    if (!programmes)
        return programmes.error().response();
    QJsonArray sessions;
    if (!programmes->isEmpty()) {
        const HubQueryResult result = context.db.exec(
            QStringLiteral("SELECT %1 FROM sessions s WHERE s.programme_id IN (%2) ORDER BY s.starts_ms, s.id")
                .arg(QLatin1String(kSessionColumns), placeholders(programmes->size())),
            *programmes);
        sessions = sessionsJson(context.db, result.rows);
    }
    return HttpResponse::json(200, QJsonObject{{QStringLiteral("sessions"), sessions}});
}

std::optional<HubRow> attendanceRow(HubDatabase& db, qint64 sessionId, qint64 accountId)
{
    return db.queryOne(QStringLiteral("SELECT %1 FROM attendance a WHERE a.session_id = ? AND a.account_id = ?")
                           .arg(QLatin1String(kAttendanceColumns)),
                       {QVariant::fromValue(sessionId), QVariant::fromValue(accountId)});
}

HttpResponse registerAttendance(RequestContext& context)
{
    auto sessionId = parseId(context.pathParams.value(QStringLiteral("id")), QStringLiteral("the session id"));
    if (!sessionId)
        return sessionId.error().response();
    const std::optional<HubRow> session = context.db.queryOne(
        QStringLiteral("SELECT programme_id FROM sessions WHERE id = ?"), {QVariant::fromValue(*sessionId)});
    if (!session)
        return notFound(QStringLiteral("there is no session %1").arg(*sessionId)).response();
    const qint64 programmeId = session->integer(0);
    if (!context.principal->roleIn(programmeId))
        return forbidden(QStringLiteral("you are not a member of this session's programme")).response();
    const qint64 accountId = context.principal->accountId;

    return idempotentWrite(context, [&]() -> WriteOutcome {
        // Registering twice is one registration: the row already there is
        // the answer, and nothing changes.
        if (std::optional<HubRow> existing = attendanceRow(context.db, *sessionId, accountId))
            return {HttpResponse::json(200, QJsonObject{{QStringLiteral("attendance"), attendanceJson(*existing)}}),
                    {}};
        const qint64 seq = context.db.bumpChangeSeq();
        context.db.exec(QStringLiteral("INSERT INTO attendance (session_id, account_id, registered_ms, seq) "
                                       "VALUES (?, ?, ?, ?)"),
                        {QVariant::fromValue(*sessionId), QVariant::fromValue(accountId),
                         QVariant::fromValue(context.nowMs), QVariant::fromValue(seq)});
        const std::optional<HubRow> row = attendanceRow(context.db, *sessionId, accountId);
        return {HttpResponse::json(200, QJsonObject{{QStringLiteral("attendance"), attendanceJson(*row)}}),
                {{programmeId, seq, {}}}};
    });
}

} // namespace

void addSessionRoutes(std::vector<Route>& routes)
{
    routes.push_back({"GET", QStringLiteral("/api/v1/sessions"), Access::SignedIn, BodyKind::None, listSessions});
    routes.push_back({"POST", QStringLiteral("/api/v1/sessions/{id}/attendance"), Access::SignedIn, BodyKind::None,
                      registerAttendance});
}

} // namespace spoke::hub::api
