#include "hub/api/HandlerSupport.h"

#include "hub/db/HubDatabase.h"

#include <QJsonDocument>

#include <algorithm>
#include <map>

namespace spoke::hub::api {

namespace {

QJsonValue optionalInteger(const std::optional<std::int64_t>& value)
{
    return value ? QJsonValue(double(*value)) : QJsonValue(QJsonValue::Null);
}

QJsonObject sessionJson(const HubRow& row)
{
    return QJsonObject{
        {QStringLiteral("id"), double(row.integer(0))},
        {QStringLiteral("programme_id"), double(row.integer(1))},
        {QStringLiteral("title"), row.text(2)},
        {QStringLiteral("starts_ms"), double(row.integer(3))},
        {QStringLiteral("minutes"), double(row.integer(4))},
        {QStringLiteral("room"), double(row.integer(5))},
    };
}

// The agenda rows of these sessions, by session; the items of one session in
// position order.
std::map<qint64, std::vector<HubRow>> agendaRows(HubDatabase& db, const QVariantList& sessionIds)
{
    const HubQueryResult result = db.exec(
        QStringLiteral("SELECT i.session_id, i.id, i.position, i.title, i.planned_minutes, i.started_ms, "
                       "i.started_by, u.display_name FROM agenda_items i LEFT JOIN accounts u ON u.id = i.started_by "
                       "WHERE i.session_id IN (%1) ORDER BY i.session_id, i.position")
            .arg(placeholders(sessionIds.size())),
        sessionIds);
    std::map<qint64, std::vector<HubRow>> bySession;
    for (const HubRow& row : result.rows)
        bySession[row.integer(0)].push_back(row);
    return bySession;
}

// docs/hub-api.md, Agenda: each started item is a chapter of the session
// record, running until the next item started or the session ended.
void addAgenda(QJsonObject& session, const std::vector<HubRow>& items, std::optional<std::int64_t> endedMs)
{
    QJsonArray agenda;
    QJsonValue current(QJsonValue::Null);
    for (std::size_t i = 0; i < items.size(); ++i) {
        const HubRow& item = items[i];
        const std::optional<std::int64_t> startedMs = item.optionalInteger(5);
        std::optional<std::int64_t> chapterEndMs;
        if (startedMs)
            chapterEndMs =
                i + 1 < items.size() && items[i + 1].optionalInteger(5) ? items[i + 1].optionalInteger(5) : endedMs;
        if (startedMs && !endedMs)
            current = double(item.integer(1));
        agenda.append(QJsonObject{
            {QStringLiteral("id"), double(item.integer(1))},
            {QStringLiteral("position"), double(item.integer(2))},
            {QStringLiteral("title"), item.text(3)},
            {QStringLiteral("planned_minutes"), double(item.integer(4))},
            {QStringLiteral("started_ms"), optionalInteger(startedMs)},
            {QStringLiteral("ended_ms"), optionalInteger(chapterEndMs)},
            {QStringLiteral("started_by"), startedMs
                                               ? QJsonValue(QJsonObject{{QStringLiteral("id"), double(item.integer(6))},
                                                                        {QStringLiteral("name"), item.text(7)}})
                                               : QJsonValue(QJsonValue::Null)},
        });
    }
    session.insert(QStringLiteral("agenda"), agenda);
    session.insert(QStringLiteral("current_item_id"), current);
    session.insert(QStringLiteral("ended_ms"), optionalInteger(endedMs));
}

bool isValidIdempotencyKey(const QByteArray& key)
{
    return !key.isEmpty() && key.size() <= 200
           && std::all_of(key.begin(), key.end(), [](char c) { return c >= 0x20 && c <= 0x7e; });
}

} // namespace

HttpResponse identityErrorResponse(const IdentityError& error)
{
    switch (error.code) {
    case IdentityError::Code::NotFound: return notFound(error.message).response();
    case IdentityError::Code::Conflict: return conflict(error.message).response();
    case IdentityError::Code::Unauthenticated: return unauthenticated(error.message);
    case IdentityError::Code::BadRequest: return badRequest(error.message).response();
    }
    return badRequest(error.message).response();
}

HttpResponse unauthenticated(const QString& message)
{
    return HttpResponse::error(401, QStringLiteral("unauthenticated"), message);
}

QJsonObject caseJson(const HubRow& row, qint64 callerId)
{
    const std::optional<QString> question = row.optionalText(7);
    return QJsonObject{
        {QStringLiteral("id"), double(row.integer(0))},
        {QStringLiteral("programme_id"), double(row.integer(1))},
        {QStringLiteral("case_code"), row.text(3)},
        {QStringLiteral("title"), row.text(4)},
        {QStringLiteral("status"), row.text(5)},
        {QStringLiteral("session_id"), optionalInteger(row.optionalInteger(6))},
        {QStringLiteral("question"), question ? QJsonValue(*question) : QJsonValue(QJsonValue::Null)},
        {QStringLiteral("submitted_ms"), double(row.integer(8))},
        {QStringLiteral("updated_ms"), double(row.integer(9))},
        {QStringLiteral("mine"), row.integer(2) == callerId},
    };
}

QJsonObject caseById(HubDatabase& db, qint64 caseId, qint64 callerId)
{
    const std::optional<HubRow> row =
        db.queryOne(QStringLiteral("SELECT %1 FROM cases c WHERE c.id = ?").arg(QLatin1String(kCaseColumns)),
                    {QVariant::fromValue(caseId)});
    return row ? caseJson(*row, callerId) : QJsonObject{};
}

QJsonArray sessionsJson(HubDatabase& db, const std::vector<HubRow>& rows)
{
    QJsonArray sessions;
    if (rows.empty())
        return sessions;
    QVariantList ids;
    for (const HubRow& row : rows)
        ids.append(QVariant::fromValue(qint64(row.integer(0))));
    std::map<qint64, std::vector<HubRow>> agendas = agendaRows(db, ids);
    std::map<qint64, qint64> ends;
    for (const HubRow& row :
         db.exec(QStringLiteral("SELECT session_id, ended_ms FROM session_ends WHERE session_id IN (%1)")
                     .arg(placeholders(ids.size())),
                 ids)
             .rows)
        ends.emplace(row.integer(0), row.integer(1));
    for (const HubRow& row : rows) {
        QJsonObject session = sessionJson(row);
        const auto end = ends.find(row.integer(0));
        addAgenda(session, agendas[row.integer(0)],
                  end == ends.end() ? std::nullopt : std::optional<std::int64_t>(end->second));
        sessions.append(session);
    }
    return sessions;
}

QJsonObject sessionById(HubDatabase& db, qint64 sessionId)
{
    const HubQueryResult result =
        db.exec(QStringLiteral("SELECT %1 FROM sessions s WHERE s.id = ?").arg(QLatin1String(kSessionColumns)),
                {QVariant::fromValue(sessionId)});
    const QJsonArray sessions = sessionsJson(db, result.rows);
    return sessions.isEmpty() ? QJsonObject{} : sessions.first().toObject();
}

Expected<SessionAccess> loadSession(RequestContext& context)
{
    auto id = parseId(context.pathParams.value(QStringLiteral("id")), QStringLiteral("the session id"));
    if (!id)
        return id.error();
    const std::optional<HubRow> row = context.db.queryOne(
        QStringLiteral("SELECT programme_id FROM sessions WHERE id = ?"), {QVariant::fromValue(*id)});
    if (!row)
        return notFound(QStringLiteral("there is no session %1").arg(*id));
    const std::optional<Role> role = context.principal->roleIn(row->integer(0));
    if (!role)
        return forbidden(QStringLiteral("you are not a member of this session's programme"));
    return SessionAccess{*id, row->integer(0), *role};
}

QJsonObject attendanceJson(const HubRow& row)
{
    return QJsonObject{
        {QStringLiteral("session_id"), double(row.integer(0))},
        {QStringLiteral("account_id"), double(row.integer(1))},
        {QStringLiteral("registered_ms"), double(row.integer(2))},
        {QStringLiteral("joined_ms"), optionalInteger(row.optionalInteger(3))},
        {QStringLiteral("left_ms"), optionalInteger(row.optionalInteger(4))},
    };
}

QJsonObject recommendationJson(const HubRow& row)
{
    return QJsonObject{
        {QStringLiteral("id"), double(row.integer(0))},
        {QStringLiteral("case_id"), double(row.integer(1))},
        {QStringLiteral("author"),
         QJsonObject{{QStringLiteral("id"), double(row.integer(2))}, {QStringLiteral("name"), row.text(3)}}},
        {QStringLiteral("items"), QJsonDocument::fromJson(row.text(4).toUtf8()).array()},
        {QStringLiteral("text"), row.text(5)},
        {QStringLiteral("created_ms"), double(row.integer(6))},
    };
}

QJsonObject accountJson(qint64 id, const QString& email, const QString& name)
{
    return QJsonObject{
        {QStringLiteral("id"), double(id)}, {QStringLiteral("email"), email}, {QStringLiteral("name"), name}};
}

QJsonObject programmeJson(const Membership& membership)
{
    return QJsonObject{
        {QStringLiteral("id"), double(membership.programmeId)},
        {QStringLiteral("name"), membership.programmeName},
        {QStringLiteral("kind"), QString::fromLatin1(toString(membership.kind))},
    };
}

QString placeholders(qsizetype n)
{
    QStringList marks;
    marks.reserve(n);
    for (qsizetype i = 0; i < n; ++i)
        marks.append(QStringLiteral("?"));
    return marks.join(QStringLiteral(", "));
}

Expected<Role> requireRole(const Principal& principal, qint64 programmeId, std::initializer_list<Role> allowed,
                           const QString& action)
{
    const std::optional<Role> role = principal.roleIn(programmeId);
    if (!role)
        return forbidden(QStringLiteral("you are not a member of programme %1").arg(programmeId));
    if (std::find(allowed.begin(), allowed.end(), *role) == allowed.end())
        return forbidden(QStringLiteral("a %1 may not %2").arg(QString::fromLatin1(toString(*role)), action));
    return *role;
}

Expected<CaseAccess> loadCase(RequestContext& context, const QString& idText)
{
    auto id = parseId(idText, QStringLiteral("the case id"));
    if (!id)
        return id.error();
    const std::optional<HubRow> row = context.db.queryOne(
        QStringLiteral("SELECT id, programme_id, submitter_id, status, session_id FROM cases WHERE id = ?"),
        {QVariant::fromValue(*id)});
    if (!row)
        return notFound(QStringLiteral("there is no case %1").arg(*id));
    return CaseAccess{row->integer(0), row->integer(1), row->integer(2), row->text(3), row->optionalInteger(4)};
}

std::optional<ApiError> checkCaseVisible(RequestContext& context, const CaseAccess& access)
{
    const Principal& caller = *context.principal;
    const std::optional<Role> role = caller.roleIn(access.programmeId);
    if (!role)
        return forbidden(QStringLiteral("you are not a member of this case's programme"));
    if (canReview(*role))
        return std::nullopt;
    if (*role == Role::Clinician) {
        if (access.submitterId == caller.accountId)
            return std::nullopt;
        if (access.sessionId
            && context.db.queryOne(QStringLiteral("SELECT 1 FROM attendance WHERE session_id = ? AND account_id = ?"),
                                   {QVariant::fromValue(*access.sessionId), QVariant::fromValue(caller.accountId)}))
            return std::nullopt;
    }
    // A case shown in a session's case panel is read by everyone registered
    // for that session, trainees too (docs/hub-api.md, Roles).
    if (context.db.queryOne(
            QStringLiteral("SELECT 1 FROM case_views v JOIN attendance a ON a.session_id = v.session_id "
                           "WHERE v.case_id = ? AND a.account_id = ? LIMIT 1"),
            {QVariant::fromValue(access.id), QVariant::fromValue(caller.accountId)}))
        return std::nullopt;
    return forbidden(QStringLiteral("this case is not yours and not scheduled or shown in a session you attend"));
}

HttpResponse idempotentWrite(RequestContext& context, const std::function<WriteOutcome()>& write)
{
    const bool hasKey = context.request.headers.contains("idempotency-key");
    const QByteArray key = context.request.header("idempotency-key");
    if (hasKey && !isValidIdempotencyKey(key))
        return badRequest(QStringLiteral("the Idempotency-Key header must be 1 to 200 printable ASCII characters"))
            .response();
    const QVariant accountId = QVariant::fromValue(context.principal->accountId);
    // A second attempt only follows a UNIQUE violation: a concurrent twin of
    // this request (another hub instance) committed first, and the retry
    // finds its stored answer or its row.
    for (int attempt = 0;; ++attempt) {
        try {
            WriteOutcome outcome = context.db.transaction([&]() -> WriteOutcome {
                if (hasKey) {
                    const std::optional<HubRow> stored = context.db.queryOne(
                        QStringLiteral("SELECT status, body FROM idempotency WHERE account_id = ? AND key = ?"),
                        {accountId, QString::fromLatin1(key)});
                    if (stored) {
                        HttpResponse replay;
                        replay.status = int(stored->integer(0));
                        replay.body = stored->text(1).toUtf8();
                        replay.headers.emplace_back("Idempotent-Replayed", "true");
                        return {replay, {}};
                    }
                }
                WriteOutcome fresh = write();
                if (hasKey && fresh.response.status >= 200 && fresh.response.status < 300)
                    context.db.exec(
                        QStringLiteral("INSERT INTO idempotency (account_id, key, status, body, created_ms) "
                                       "VALUES (?, ?, ?, ?, ?)"),
                        {accountId, QString::fromLatin1(key), fresh.response.status,
                         QString::fromUtf8(fresh.response.body), QVariant::fromValue(context.nowMs)});
                return fresh;
            });
            context.changes.insert(context.changes.end(), outcome.changes.begin(), outcome.changes.end());
            return outcome.response;
        } catch (const HubDbError& error) {
            if (attempt > 0 || !error.isUniqueViolation())
                throw;
        }
    }
}

} // namespace spoke::hub::api
