// The review side of the case lifecycle (docs/hub-api.md, Case lifecycle):
// GET /api/v1/review/queue and POST /api/v1/cases/{id}/recommendations,
// /return, /schedule, /presented. Each write is one transaction that bumps
// the change counter and stamps the case (and the recommendation) with it.

#include "hub/api/HandlerSupport.h"

#include "hub/db/HubDatabase.h"

#include <QJsonDocument>

namespace spoke::hub::api {

namespace {

constexpr qsizetype kMaxRecommendationItems = 100;
constexpr qsizetype kMaxItemChars = 10'000;
constexpr qsizetype kMaxTextChars = 100'000;
constexpr qsizetype kMaxQuestionChars = 10'000;

HttpResponse reviewQueue(RequestContext& context)
{
    const Principal& caller = *context.principal;
    QVariantList programmes;
    if (context.request.query.contains(QStringLiteral("programme"))) {
        auto id = parseId(context.request.query.value(QStringLiteral("programme")), QStringLiteral("programme"));
        if (!id)
            return id.error().response();
        auto role = requireRole(caller, *id, {Role::Specialist, Role::Coordinator}, QStringLiteral("review cases"));
        if (!role)
            return role.error().response();
        programmes.append(QVariant::fromValue(*id));
    } else {
        for (const Membership& membership : caller.memberships)
            if (canReview(membership.role))
                programmes.append(QVariant::fromValue(membership.programmeId));
        if (programmes.isEmpty())
            return forbidden(QStringLiteral("you review cases in none of your programmes")).response();
    }
    const HubQueryResult result = context.db.exec(
        QStringLiteral("SELECT %1 FROM cases c WHERE c.programme_id IN (%2) "
                       "AND c.status IN ('submitted', 'scheduled', 'presented') ORDER BY c.submitted_ms, c.id")
            .arg(QLatin1String(kCaseColumns), placeholders(programmes.size())),
        programmes);
    QJsonArray cases;
    for (const HubRow& row : result.rows)
        cases.append(caseJson(row, caller.accountId));
    return HttpResponse::json(200, QJsonObject{{QStringLiteral("cases"), cases}});
}

// The case of a review action, checked: it exists (404), the caller has one
// of `roles` in its programme (403), and its status is one of `from` (409).
Expected<CaseAccess> caseForAction(RequestContext& context, std::initializer_list<Role> roles, const QString& action,
                                   const QStringList& from)
{
    auto access = loadCase(context, context.pathParams.value(QStringLiteral("id")));
    if (!access)
        return access.error();
    auto role = requireRole(*context.principal, access->programmeId, roles, action);
    if (!role)
        return role.error();
    if (!from.contains(access->status))
        return conflict(QStringLiteral("cannot %1 a case that is %2").arg(action, access->status));
    return access;
}

// Sets a case's status (and the given extra columns) in the current
// transaction, stamped with a fresh change sequence.
qint64 moveCase(RequestContext& context, const CaseAccess& access, const QString& status, const QString& extraSet = {},
                const QVariantList& extraParams = {})
{
    const qint64 seq = context.db.bumpChangeSeq();
    QVariantList params{status};
    params.append(extraParams);
    params.append({QVariant::fromValue(context.nowMs), QVariant::fromValue(seq), QVariant::fromValue(access.id)});
    context.db.exec(QStringLiteral("UPDATE cases SET status = ?%1, updated_ms = ?, seq = ? WHERE id = ?")
                        .arg(extraSet.isEmpty() ? QString() : QStringLiteral(", ") + extraSet),
                    params);
    return seq;
}

HttpResponse caseAnswer(RequestContext& context, const CaseAccess& access, int status = 200)
{
    return HttpResponse::json(
        status, QJsonObject{{QStringLiteral("case"), caseById(context.db, access.id, context.principal->accountId)}});
}

// Writing a recommendation is allowed from every status but `returned`.
QStringList reviewableStatuses()
{
    return {QStringLiteral("submitted"), QStringLiteral("scheduled"), QStringLiteral("presented"),
            QStringLiteral("recommendations_sent")};
}

HttpResponse recommend(RequestContext& context)
{
    FieldReader fields(context.body);
    const QStringList items = fields.optionalStringList(QStringLiteral("items"), kMaxRecommendationItems, kMaxItemChars)
                                  .value_or(QStringList{});
    const QString text = fields.optionalString(QStringLiteral("text"), kMaxTextChars).value_or(QString());
    if (!fields.ok())
        return fields.error().response();
    QStringList kept;
    for (const QString& item : items)
        if (!item.trimmed().isEmpty())
            kept.append(item.trimmed());
    // Empty, not null: a null QString would bind SQL NULL.
    const QString trimmedText = text.trimmed().isEmpty() ? QStringLiteral("") : text.trimmed();
    if (kept.isEmpty() && trimmedText.isEmpty())
        return badRequest(QStringLiteral("a recommendation needs at least one item or some text")).response();

    return idempotentWrite(context, [&]() -> WriteOutcome {
        auto access = caseForAction(context, {Role::Specialist, Role::Coordinator},
                                    QStringLiteral("write recommendations for"), reviewableStatuses());
        if (!access)
            return {access.error().response(), {}};
        const qint64 seq = moveCase(context, *access, QStringLiteral("recommendations_sent"));
        const qint64 id = context.db.insert(
            QStringLiteral("INSERT INTO recommendations (case_id, author_id, items_json, text, created_ms, seq) "
                           "VALUES (?, ?, ?, ?, ?, ?)"),
            {QVariant::fromValue(access->id), QVariant::fromValue(context.principal->accountId),
             QString::fromUtf8(QJsonDocument(QJsonArray::fromStringList(kept)).toJson(QJsonDocument::Compact)),
             trimmedText, QVariant::fromValue(context.nowMs), QVariant::fromValue(seq)});
        const std::optional<HubRow> row = context.db.queryOne(
            QStringLiteral("SELECT %1 FROM recommendations r JOIN accounts u ON u.id = r.author_id WHERE r.id = ?")
                .arg(QLatin1String(kRecommendationColumns)),
            {QVariant::fromValue(id)});
        return {HttpResponse::json(
                    201,
                    QJsonObject{
                        {QStringLiteral("recommendation"), recommendationJson(*row)},
                        {QStringLiteral("case"), caseById(context.db, access->id, context.principal->accountId)},
                    }),
                {{access->programmeId, seq, {}}}};
    });
}

HttpResponse returnCase(RequestContext& context)
{
    FieldReader fields(context.body);
    const QString question = fields.string(QStringLiteral("question"), kMaxQuestionChars);
    if (!fields.ok())
        return fields.error().response();
    return idempotentWrite(context, [&]() -> WriteOutcome {
        auto access =
            caseForAction(context, {Role::Specialist, Role::Coordinator}, QStringLiteral("return"),
                          {QStringLiteral("submitted"), QStringLiteral("scheduled"), QStringLiteral("presented")});
        if (!access)
            return {access.error().response(), {}};
        const qint64 seq = moveCase(context, *access, QStringLiteral("returned"), QStringLiteral("question = ?"),
                                    {question.trimmed()});
        return {caseAnswer(context, *access), {{access->programmeId, seq, {}}}};
    });
}

HttpResponse scheduleCase(RequestContext& context)
{
    FieldReader fields(context.body);
    const qint64 sessionId = fields.integer(QStringLiteral("session_id"), 1, kMaxJsonInteger);
    if (!fields.ok())
        return fields.error().response();
    return idempotentWrite(context, [&]() -> WriteOutcome {
        auto access = caseForAction(context, {Role::Coordinator}, QStringLiteral("schedule"),
                                    {QStringLiteral("submitted"), QStringLiteral("scheduled")});
        if (!access)
            return {access.error().response(), {}};
        const std::optional<HubRow> session =
            context.db.queryOne(QStringLiteral("SELECT 1 FROM sessions WHERE id = ? AND programme_id = ?"),
                                {QVariant::fromValue(sessionId), QVariant::fromValue(access->programmeId)});
        if (!session)
            return {
                badRequest(QStringLiteral("field \"session_id\" names no session of this case's programme")).response(),
                {}};
        const qint64 seq = moveCase(context, *access, QStringLiteral("scheduled"), QStringLiteral("session_id = ?"),
                                    {QVariant::fromValue(sessionId)});
        return {caseAnswer(context, *access), {{access->programmeId, seq, {}}}};
    });
}

HttpResponse markPresented(RequestContext& context)
{
    return idempotentWrite(context, [&]() -> WriteOutcome {
        auto access = caseForAction(context, {Role::Coordinator, Role::Specialist}, QStringLiteral("mark presented"),
                                    {QStringLiteral("submitted"), QStringLiteral("scheduled")});
        if (!access)
            return {access.error().response(), {}};
        const qint64 seq = moveCase(context, *access, QStringLiteral("presented"));
        return {caseAnswer(context, *access), {{access->programmeId, seq, {}}}};
    });
}

} // namespace

void addReviewRoutes(std::vector<Route>& routes)
{
    routes.push_back({"GET", QStringLiteral("/api/v1/review/queue"), Access::SignedIn, BodyKind::None, reviewQueue});
    routes.push_back({"POST", QStringLiteral("/api/v1/cases/{id}/recommendations"), Access::SignedIn,
                      BodyKind::JsonObject, recommend});
    routes.push_back(
        {"POST", QStringLiteral("/api/v1/cases/{id}/return"), Access::SignedIn, BodyKind::JsonObject, returnCase});
    routes.push_back(
        {"POST", QStringLiteral("/api/v1/cases/{id}/schedule"), Access::SignedIn, BodyKind::JsonObject, scheduleCase});
    routes.push_back(
        {"POST", QStringLiteral("/api/v1/cases/{id}/presented"), Access::SignedIn, BodyKind::None, markPresented});
}

} // namespace spoke::hub::api
