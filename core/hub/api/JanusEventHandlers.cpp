// Attendance checked against Janus (docs/hub-api.md, Attendance check):
// POST /api/v1/janus/events takes what Janus' HTTP event handler
// (libjanus_sampleevh) posts, and GET /api/v1/sessions/{id}/attendance/check
// compares each account's client-reported joins and leaves with Janus'.
// Parsing, storing and comparing live in core/hub/janus (JanusEvents,
// JanusEventStore, JanusEventCheck); this file checks the callers and words
// the answer.

#include "hub/api/HandlerSupport.h"

#include "hub/db/HubDatabase.h"
#include "hub/janus/JanusEventCheck.h"
#include "hub/janus/JanusEventStore.h"
#include "hub/janus/JanusEvents.h"

#include <QCryptographicHash>
#include <QRegularExpression>

namespace spoke::hub::api {

namespace {

using namespace spoke::hub::janus;

// The user name Janus' event handler sends (backend_user in
// janus.eventhandler.sampleevh.jcfg; tests/janus/janus-netns --events).
constexpr QByteArrayView kJanusUser = "janus";
// Janus groups at most 100 events per POST (janus_sampleevh.c), a few
// hundred bytes each without JSEP or media stats; 1 MiB is far above that.
constexpr qsizetype kMaxEventsBodyBytes = qsizetype(1) * 1024 * 1024;
constexpr qint64 kDefaultToleranceMs = 5'000;
constexpr qint64 kMaxToleranceMs = 600'000;

// Equal in time independent of where they differ: both sides are hashed
// first, so the comparison does not even depend on their lengths.
bool sameSecret(const QByteArray& given, const QByteArray& expected)
{
    const QByteArray a = QCryptographicHash::hash(given, QCryptographicHash::Sha256);
    const QByteArray b = QCryptographicHash::hash(expected, QCryptographicHash::Sha256);
    unsigned char difference = 0;
    for (qsizetype i = 0; i < a.size(); ++i)
        difference |= static_cast<unsigned char>(a[i] ^ b[i]);
    return difference == 0;
}

// HTTP Basic (RFC 7617) "janus" and the configured secret.
bool janusAuthenticated(const RequestContext& context)
{
    const QByteArray header = context.request.header("authorization").trimmed();
    static const QByteArray kScheme = "basic ";
    if (header.size() <= kScheme.size() || header.left(kScheme.size()).toLower() != kScheme)
        return false;
    const auto decoded =
        QByteArray::fromBase64Encoding(header.mid(kScheme.size()).trimmed(), QByteArray::AbortOnBase64DecodingErrors);
    if (!decoded)
        return false;
    const QByteArray& credentials = decoded.decoded;
    const qsizetype colon = credentials.indexOf(':');
    if (colon < 0)
        return false;
    const bool userMatches = QByteArrayView(credentials).first(colon) == kJanusUser;
    const bool secretMatches = sameSecret(credentials.mid(colon + 1), context.janusEventsSecret);
    return userMatches && secretMatches;
}

HttpResponse postJanusEvents(RequestContext& context)
{
    // Not configured: the route is as good as absent (docs/hub-api.md).
    if (context.janusEventsSecret.isEmpty())
        return notFound(QStringLiteral("Janus events are not taken by this hub (spoke-hub serve "
                                       "--janus-events-secret-file enables them)"))
            .response();
    if (!janusAuthenticated(context)) {
        HttpResponse refused = HttpResponse::error(401, QStringLiteral("unauthenticated"),
                                                   QStringLiteral("Janus' event handler signs in with HTTP Basic "
                                                                  "\"janus\" and the hub's Janus events secret"));
        refused.headers.emplace_back("WWW-Authenticate", "Basic realm=\"spoke-hub janus events\"");
        return refused;
    }
    auto parsed = parseJanusEvents(context.request.body);
    if (!parsed)
        return badRequest(parsed.error()).response();
    context.db.transaction([&] { return storeJanusEvents(context.db, parsed->presence, context.nowMs); });
    return HttpResponse::noContent();
}

Expected<qint64> parseTolerance(const QMap<QString, QString>& query)
{
    if (!query.contains(QStringLiteral("tolerance_ms")))
        return kDefaultToleranceMs;
    static const QRegularExpression kDigits(QStringLiteral("^(0|[1-9][0-9]{0,5})$"));
    const QString text = query.value(QStringLiteral("tolerance_ms"));
    if (!kDigits.match(text).hasMatch() || text.toLongLong() > kMaxToleranceMs)
        return badRequest(QStringLiteral("query parameter \"tolerance_ms\" must be a whole number of "
                                         "milliseconds from 0 to %1")
                              .arg(kMaxToleranceMs));
    return text.toLongLong();
}

// "12 s", or "0.4 s" under ten seconds, where a tenth still tells something.
QString seconds(qint64 ms)
{
    if (ms < 10'000)
        return QStringLiteral("%1 s").arg(double(ms) / 1000.0, 0, 'f', 1);
    return QStringLiteral("%1 s").arg((ms + 500) / 1000);
}

QString wording(const CheckProblem& problem)
{
    switch (problem.kind) {
    case CheckProblemKind::NoClientJoin: return QStringLiteral("the client reported no join");
    case CheckProblemKind::NoJanusJoin: return QStringLiteral("Janus saw no join");
    case CheckProblemKind::JoinedApart: return QStringLiteral("joined %1 apart").arg(seconds(problem.apartMs));
    case CheckProblemKind::NoClientLeave: return QStringLiteral("the client reported no leave");
    case CheckProblemKind::NoJanusLeave: return QStringLiteral("Janus saw no leave");
    case CheckProblemKind::LeftApart: return QStringLiteral("left %1 apart").arg(seconds(problem.apartMs));
    }
    return {};
}

QJsonValue optionalMs(const std::optional<qint64>& ms)
{
    return ms ? QJsonValue(double(*ms)) : QJsonValue(QJsonValue::Null);
}

QJsonObject accountCheckJson(qint64 accountId, const AccountMarks& marks, qint64 toleranceMs)
{
    const AttendanceComparison check = compareAttendance(summarise(marks.client), summarise(marks.janus), toleranceMs);
    QStringList problems;
    for (const CheckProblem& problem : check.problems)
        problems.append(wording(problem));
    return QJsonObject{
        {QStringLiteral("account_id"), double(accountId)},
        {QStringLiteral("name"), marks.name},
        {QStringLiteral("client_joined_ms"), optionalMs(check.client.joinedMs)},
        {QStringLiteral("client_left_ms"), optionalMs(check.client.leftMs)},
        {QStringLiteral("janus_joined_ms"), optionalMs(check.janus.joinedMs)},
        {QStringLiteral("janus_left_ms"), optionalMs(check.janus.leftMs)},
        {QStringLiteral("agrees"), check.agrees},
        {QStringLiteral("problem"),
         problems.isEmpty() ? QJsonValue(QJsonValue::Null) : QJsonValue(problems.join(QStringLiteral("; ")))},
    };
}

HttpResponse checkAttendance(RequestContext& context)
{
    auto session = loadSession(context);
    if (!session)
        return session.error().response();
    if (!canReview(session->role))
        return forbidden(QStringLiteral("only a specialist or coordinator checks attendance")).response();
    auto tolerance = parseTolerance(context.request.query);
    if (!tolerance)
        return tolerance.error().response();
    const QMap<qint64, AccountMarks> accounts =
        context.db.snapshot([&] { return loadAttendanceMarks(context.db, session->id); });
    QJsonArray rows;
    for (auto it = accounts.cbegin(); it != accounts.cend(); ++it)
        rows.append(accountCheckJson(it.key(), it.value(), *tolerance));
    return HttpResponse::json(200, QJsonObject{{QStringLiteral("session_id"), double(session->id)},
                                               {QStringLiteral("tolerance_ms"), double(*tolerance)},
                                               {QStringLiteral("accounts"), rows}});
}

} // namespace

void addJanusEventRoutes(std::vector<Route>& routes)
{
    Route events{"POST", QStringLiteral("/api/v1/janus/events"), Access::Anyone, BodyKind::None, postJanusEvents};
    events.maxBodyBytes = kMaxEventsBodyBytes;
    routes.push_back(std::move(events));
    routes.push_back({"GET", QStringLiteral("/api/v1/sessions/{id}/attendance/check"), Access::SignedIn, BodyKind::None,
                      checkAttendance});
}

} // namespace spoke::hub::api
