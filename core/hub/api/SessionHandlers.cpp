// GET /api/v1/sessions (docs/hub-api.md, Endpoints); a session's attendance
// is AttendanceHandlers', its live parts AgendaHandlers' and ChatHandlers'.

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

} // namespace

void addSessionRoutes(std::vector<Route>& routes)
{
    routes.push_back({"GET", QStringLiteral("/api/v1/sessions"), Access::SignedIn, BodyKind::None, listSessions});
}

} // namespace spoke::hub::api
