// What operators and tools ask for, besides the API proper: GET /healthz,
// GET /metrics, GET /api/v1/openapi.json, and GET /api/v1/events without a
// WebSocket upgrade (docs/hub-api.md, Endpoints).

#include "hub/api/HandlerSupport.h"
#include "hub/api/Metrics.h"
#include "hub/api/OpenApi.h"

#include "hub/db/HubDatabase.h"

namespace spoke::hub::api {

namespace {

HttpResponse health(RequestContext& context)
{
    const QString database = QString::fromLatin1(toString(context.db.dialect()));
    if (!context.db.ping())
        return HttpResponse::json(503, QJsonObject{{QStringLiteral("status"), QStringLiteral("unavailable")},
                                                   {QStringLiteral("database"), database}});
    return HttpResponse::json(
        200, QJsonObject{{QStringLiteral("status"), QStringLiteral("ok")}, {QStringLiteral("database"), database}});
}

HttpResponse metrics(RequestContext& context)
{
    QMap<QString, qint64> casesByStatus;
    for (const char* status : {"submitted", "scheduled", "presented", "recommendations_sent", "returned"})
        casesByStatus.insert(QString::fromLatin1(status), 0);
    try {
        const HubQueryResult result =
            context.db.exec(QStringLiteral("SELECT status, COUNT(*) FROM cases GROUP BY status"));
        for (const HubRow& row : result.rows)
            casesByStatus.insert(row.text(0), row.integer(1));
    } catch (const HubDbError& error) {
        // The request counters still tell an operator what is happening;
        // an outage shows as the missing case gauge and in /healthz.
        qWarning("spoke-hub: /metrics without case counts: %s", error.what());
        casesByStatus.clear();
    }
    HttpResponse response;
    response.contentType = "text/plain; version=0.0.4; charset=utf-8";
    response.body = context.metrics.render(casesByStatus);
    return response;
}

HttpResponse openApi(RequestContext&)
{
    HttpResponse response;
    response.body = openApiDocument();
    return response;
}

HttpResponse eventsWithoutUpgrade(RequestContext&)
{
    return badRequest(QStringLiteral("this is a WebSocket endpoint: connect with an Upgrade: websocket request"))
        .response();
}

} // namespace

void addOperationsRoutes(std::vector<Route>& routes)
{
    routes.push_back({"GET", QStringLiteral("/healthz"), Access::Anyone, BodyKind::None, health});
    routes.push_back({"GET", QStringLiteral("/metrics"), Access::Anyone, BodyKind::None, metrics});
    routes.push_back({"GET", QStringLiteral("/api/v1/openapi.json"), Access::Anyone, BodyKind::None, openApi});
    routes.push_back({"GET", QStringLiteral("/api/v1/events"), Access::Anyone, BodyKind::None, eventsWithoutUpgrade});
}

} // namespace spoke::hub::api
