#include "hub/api/Router.h"
#include "hub/api/CaseViews.h"

#include "hub/api/FileRanges.h"
#include "hub/api/Json.h"
#include "hub/db/HubDatabase.h"
#include "hub/identity/Identity.h"

#include <QDebug>

namespace spoke::hub::api {

namespace {

QStringList segments(const QString& path)
{
    return path.split(u'/');
}

HttpResponse errorForDatabase(const HubDbError& error, const QString& route)
{
    if (error.code() == HubDbErrorCode::Unavailable) {
        qWarning("spoke-hub: %s: database unavailable: %s", qPrintable(route), error.what());
        return HttpResponse::error(503, QStringLiteral("unavailable"),
                                   QStringLiteral("the hub's database cannot be reached; try again later"));
    }
    // Handlers check what a client can get wrong before writing; a UNIQUE
    // violation that still happens is a concurrent twin of this request
    // (another hub instance, the same case submitted twice at once).
    if (error.isUniqueViolation())
        return conflict(QStringLiteral("the same change was made at the same time; fetch and try again")).response();
    qWarning("spoke-hub: %s: database error (%s): %s", qPrintable(route), toString(error.code()), error.what());
    return HttpResponse::error(500, QStringLiteral("internal"), QStringLiteral("the hub failed; this is a bug"));
}

} // namespace

std::optional<QMap<QString, QString>> matchPattern(const QString& pattern, const QString& path)
{
    const QStringList want = segments(pattern);
    const QStringList have = segments(path);
    if (want.size() != have.size())
        return std::nullopt;
    QMap<QString, QString> params;
    for (qsizetype i = 0; i < want.size(); ++i) {
        const QString& part = want[i];
        // "{name}" or "{name}.ext": a placeholder, and any literal suffix the
        // segment must end with ("{certificate_id}.pdf").
        const qsizetype close = part.indexOf(u'}');
        if (part.startsWith(u'{') && close > 0) {
            const QString suffix = part.mid(close + 1);
            if (have[i].size() <= suffix.size() || !have[i].endsWith(suffix))
                return std::nullopt;
            params.insert(part.mid(1, close - 1), have[i].chopped(suffix.size()));
        } else if (part != have[i]) {
            return std::nullopt;
        }
    }
    return params;
}

Router::Router(HubDatabase& db, Identity& identity, Metrics& metrics) : db_(db), identity_(identity), metrics_(metrics)
{
    addOperationsRoutes(routes_);
    addAuthRoutes(routes_);
    addSessionRoutes(routes_);
    addAgendaRoutes(routes_);
    addChatRoutes(routes_);
    addAttendanceRoutes(routes_);
    addCertificateRoutes(routes_);
    addCaseRoutes(routes_);
    addReviewRoutes(routes_);
    addSyncRoutes(routes_);
    addRoomRoutes(routes_);
    addJanusEventRoutes(routes_);
    addRecordingControlRoutes(routes_);
    addLiveMediaRoutes(routes_);
    addCaseViewRoutes(routes_);
    addRecordingRoutes(routes_);
}

RouteOutcome Router::handle(const HttpRequest& request, qint64 nowMs)
{
    RouteOutcome outcome;
    outcome.route = QStringLiteral("unmatched");
    const Route* matched = nullptr;
    QMap<QString, QString> params;
    QByteArrayList allowed;
    for (const Route& route : routes_) {
        auto found = matchPattern(route.pattern, request.path);
        if (!found)
            continue;
        if (allowed.isEmpty())
            outcome.route = route.pattern;
        allowed.append(route.method);
        if (route.method == request.method && !matched) {
            matched = &route;
            params = std::move(*found);
        }
    }
    if (!matched) {
        if (allowed.isEmpty()) {
            outcome.response = notFound(QStringLiteral("there is no such resource")).response();
        } else {
            outcome.response = HttpResponse::error(405, QStringLiteral("method_not_allowed"),
                                                   QStringLiteral("this resource does not answer that method"));
            outcome.response.headers.emplace_back("Allow", allowed.join(", "));
        }
        return outcome;
    }

    outcome.route = matched->pattern;
    RequestContext context{request,
                           nowMs,
                           db_,
                           identity_,
                           metrics_,
                           std::move(params),
                           nullptr,
                           {},
                           {},
                           {},
                           deckDirectory_,
                           recordingDirectory_,
                           janusEventsSecret_,
                           recorderAvailable_};
    outcome.response = dispatch(*matched, context, outcome.accountId);
    if (!accelRedirectPrefix_.isEmpty())
        outcome.response = accelRedirect(std::move(outcome.response), accelRedirectPrefix_);
    outcome.changes = std::move(context.changes);
    outcome.room = std::move(context.room);
    return outcome;
}

std::optional<QString> Router::passwordRoute(const HttpRequest& request) const
{
    for (const Route& route : routes_) {
        if (route.method == request.method && matchPattern(route.pattern, request.path))
            return route.work == Work::PasswordHashing ? std::optional(route.pattern) : std::nullopt;
    }
    return std::nullopt;
}

HttpResponse Router::dispatch(const Route& route, RequestContext& context, std::optional<qint64>& accountId)
{
    if (context.request.body.size() > route.maxBodyBytes)
        return HttpResponse::error(413, QStringLiteral("too_large"),
                                   QStringLiteral("the body is larger than %1 MiB").arg(route.maxBodyBytes >> 20));
    try {
        std::optional<Principal> principal;
        if (route.access == Access::SignedIn) {
            principal = authenticate(context.request, context.nowMs);
            if (!principal)
                return HttpResponse::error(401, QStringLiteral("unauthenticated"),
                                           QStringLiteral("sign in: the bearer token is missing, unknown, expired "
                                                          "or revoked"));
            context.principal = &*principal;
            accountId = principal->accountId;
        }
        if (route.body == BodyKind::JsonObject) {
            auto body = parseJsonObject(context.request.body);
            if (!body)
                return body.error().response();
            context.body = std::move(*body);
        }
        HttpResponse response = route.handler(context);
        context.principal = nullptr;
        return response;
    } catch (const HubDbError& error) {
        context.principal = nullptr;
        context.changes.clear();
        context.room.reset();
        return errorForDatabase(error, route.pattern);
    } catch (const std::exception& error) {
        context.principal = nullptr;
        context.changes.clear();
        context.room.reset();
        qWarning("spoke-hub: %s: unexpected failure: %s", qPrintable(route.pattern), error.what());
    } catch (...) {
        context.principal = nullptr;
        context.changes.clear();
        context.room.reset();
        qWarning("spoke-hub: %s: unexpected failure", qPrintable(route.pattern));
    }
    return HttpResponse::error(500, QStringLiteral("internal"), QStringLiteral("the hub failed; this is a bug"));
}

std::optional<Principal> Router::authenticate(const HttpRequest& request, qint64 nowMs)
{
    const QByteArray header = request.header("authorization");
    static const QByteArray kScheme = "bearer ";
    if (header.size() <= kScheme.size() || header.left(kScheme.size()).toLower() != kScheme)
        return std::nullopt;
    const QString token = QString::fromLatin1(header.mid(kScheme.size()).trimmed());
    return identity_.authenticate(token, nowMs);
}

} // namespace spoke::hub::api
