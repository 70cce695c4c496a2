// GET /api/v1/sessions/{id}/certificates?min_minutes=N and
// GET /api/v1/sessions/{id}/certificates/{certificate_id}.pdf?min_minutes=N
// (docs/hub-api.md, Certificates): a coordinator's CME certificates, one per
// attendee at or over the threshold.

#include "hub/api/HandlerSupport.h"

#include "hub/admin/Certificates.h"

#include <QJsonArray>

#include <algorithm>

namespace spoke::hub::api {

namespace {

// A week: no session runs longer, and a longer number is a typo.
constexpr qint64 kMaxMinMinutes = 7 * 24 * 60;

Expected<qint64> minMinutes(const RequestContext& context)
{
    const QString text = context.request.query.value(QStringLiteral("min_minutes"));
    const bool digitsOnly = !text.isEmpty() && text.size() <= 5
                            && std::all_of(text.begin(), text.end(), [](QChar c) { return c >= u'0' && c <= u'9'; });
    if (!digitsOnly || text.toLongLong() > kMaxMinMinutes)
        return badRequest(
            QStringLiteral("query \"min_minutes\" must be a whole number of minutes from 0 to %1").arg(kMaxMinMinutes));
    return text.toLongLong();
}

// The session's certificates at the query's threshold, after the checks
// every route of a session makes (400, 404, 403) and the coordinator's.
Expected<Certificates::Batch> loadBatch(RequestContext& context)
{
    auto session = loadSession(context);
    if (!session)
        return session.error();
    if (session->role != Role::Coordinator)
        return forbidden(QStringLiteral("only a coordinator exports attendance certificates"));
    auto threshold = minMinutes(context);
    if (!threshold)
        return threshold.error();
    auto batch = Certificates::eligible(context.db, session->id, *threshold, context.nowMs);
    if (!batch)
        return notFound(batch.error().message);
    return *batch;
}

HttpResponse listCertificates(RequestContext& context)
{
    auto batch = loadBatch(context);
    if (!batch)
        return batch.error().response();
    QJsonArray certificates;
    for (const Certificate& certificate : batch->certificates)
        certificates.append(Certificates::json(certificate, Certificates::fileName(certificate)));
    return HttpResponse::json(200, QJsonObject{{QStringLiteral("session_id"), double(batch->session.sessionId)},
                                               {QStringLiteral("certificates"), certificates}});
}

HttpResponse certificatePdf(RequestContext& context)
{
    auto batch = loadBatch(context);
    if (!batch)
        return batch.error().response();
    const QString wanted = context.pathParams.value(QStringLiteral("certificate_id"));
    const auto found =
        std::find_if(batch->certificates.begin(), batch->certificates.end(),
                     [&](const Certificate& certificate) { return certificate.certificateId == wanted; });
    // An attendee under the threshold has no certificate at it: the same
    // answer as an id that was never issued.
    if (found == batch->certificates.end())
        return notFound(QStringLiteral("no certificate with that id at this threshold")).response();
    auto pdf = Certificates::render(batch->session, *found, context.nowMs);
    if (!pdf)
        return HttpResponse::error(503, QStringLiteral("unavailable"),
                                   QStringLiteral("the certificate could not be drawn: %1").arg(pdf.error()));
    HttpResponse response;
    response.contentType = "application/pdf";
    response.body = std::move(*pdf);
    // The id is [A-Z0-9-] only (Certificates::certificateId), never the name.
    response.headers.emplace_back("Content-Disposition", QByteArray("attachment; filename=\"")
                                                             + Certificates::fileName(*found).toLatin1() + '"');
    return response;
}

} // namespace

void addCertificateRoutes(std::vector<Route>& routes)
{
    routes.push_back({"GET", QStringLiteral("/api/v1/sessions/{id}/certificates"), Access::SignedIn, BodyKind::None,
                      listCertificates});
    routes.push_back({"GET", QStringLiteral("/api/v1/sessions/{id}/certificates/{certificate_id}.pdf"),
                      Access::SignedIn, BodyKind::None, certificatePdf});
}

} // namespace spoke::hub::api
