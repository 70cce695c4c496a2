// GET /api/v1/sync?since=CURSOR (docs/hub-api.md, Endpoints): every row the
// caller may see whose `seq` is after the cursor, read in one snapshot with
// the cursor it answers, so that the client's next pull starts exactly where
// this one ended. A programme the caller joined (or changed role in) after
// the cursor is "fresh": its whole visible state is sent, whatever the rows'
// seq, because a client whose cursor is past those rows has never had them.

#include "hub/api/HandlerSupport.h"

#include "hub/db/HubDatabase.h"

namespace spoke::hub::api {

namespace {

// "column IN (?, ...)" with its values appended to params, or a condition
// that is never true for an empty list.
QString inList(const QString& column, const QVariantList& ids, QVariantList& params)
{
    if (ids.isEmpty())
        return QStringLiteral("1 = 0");
    params.append(ids);
    return QStringLiteral("%1 IN (%2)").arg(column, placeholders(ids.size()));
}

Expected<qint64> parseCursor(const RequestContext& context)
{
    const QString text = context.request.query.value(QStringLiteral("since"), QStringLiteral("0"));
    if (text == QLatin1String("0"))
        return qint64(0);
    return parseId(text, QStringLiteral("since"));
}

struct Audience {
    qint64 accountId = 0;
    QVariantList memberOf;
    QVariantList reviews; // specialist or coordinator
    QVariantList clinicianIn;
    QVariantList fresh; // memberships whose seq is in (since, cursor]: sent whole
};

// The caller's memberships as of the pull's snapshot, not as of the token
// check before it: a programme joined in between is then either wholly in
// this answer (its membership seq is at most the cursor) or in the next.
// `programmes` gets the answer's programme objects.
Audience audienceAt(HubDatabase& db, qint64 accountId, qint64 since, qint64 cursor, QJsonArray& programmes)
{
    Audience audience;
    audience.accountId = accountId;
    const HubQueryResult rows = db.exec(QStringLiteral("SELECT m.programme_id, p.name, p.kind, m.role, m.seq "
                                                       "FROM memberships m JOIN programmes p ON p.id = m.programme_id "
                                                       "WHERE m.account_id = ? ORDER BY m.programme_id"),
                                        {QVariant::fromValue(accountId)});
    for (const HubRow& row : rows.rows) {
        const std::optional<ProgrammeKind> kind = programmeKindFromString(row.text(2));
        const std::optional<Role> role = roleFromString(row.text(3));
        if (!kind || !role) // the schema's CHECKs make this a bug, not input
            throw HubDbError(HubDbErrorCode::Query, QStringLiteral("a membership row names an unknown kind or role"));
        const Membership membership{row.integer(0), row.text(1), *kind, *role};
        QJsonObject programme = programmeJson(membership);
        programme.insert(QStringLiteral("role"), QString::fromLatin1(toString(membership.role)));
        programmes.append(programme);

        const QVariant id = QVariant::fromValue(membership.programmeId);
        audience.memberOf.append(id);
        if (canReview(membership.role))
            audience.reviews.append(id);
        else if (membership.role == Role::Clinician)
            audience.clinicianIn.append(id);
        const qint64 seq = row.integer(4);
        if (seq > since && seq <= cursor)
            audience.fresh.append(id);
    }
    return audience;
}

// The cases the caller may see (docs/hub-api.md, Roles).
QString visibleCasesWhere(const Audience& audience, QVariantList& params)
{
    const QVariant me = QVariant::fromValue(audience.accountId);
    // Two statements: the order of the placeholders is the order of params.
    const QString reviewed = inList(QStringLiteral("c.programme_id"), audience.reviews, params);
    const QString ownOrAttended = inList(QStringLiteral("c.programme_id"), audience.clinicianIn, params);
    params.append({me, me});
    return QStringLiteral("((%1) OR ((%2) AND (c.submitter_id = ? OR c.session_id IN "
                          "(SELECT session_id FROM attendance WHERE account_id = ?))))")
        .arg(reviewed, ownOrAttended);
}

// Of those, the ones to send: changed in (since, cursor], or scheduled in a
// session the caller registered for in that range (the case itself did not
// change, but it became visible), or in a fresh programme.
QString changedSince(const QString& seqColumn, const Audience& audience, qint64 since, qint64 cursor,
                     QVariantList& params)
{
    params.append({QVariant::fromValue(cursor), QVariant::fromValue(since), QVariant::fromValue(audience.accountId),
                   QVariant::fromValue(since), QVariant::fromValue(cursor)});
    const QString fresh = inList(QStringLiteral("c.programme_id"), audience.fresh, params);
    return QStringLiteral("%1 <= ? AND (%1 > ? OR c.session_id IN (SELECT session_id FROM attendance "
                          "WHERE account_id = ? AND seq > ? AND seq <= ?) OR (%2))")
        .arg(seqColumn, fresh);
}

QJsonArray syncCases(HubDatabase& db, const Audience& audience, qint64 since, qint64 cursor)
{
    QVariantList params;
    const QString visible = visibleCasesWhere(audience, params);
    const QString changed = changedSince(QStringLiteral("c.seq"), audience, since, cursor, params);
    const HubQueryResult result = db.exec(QStringLiteral("SELECT %1 FROM cases c WHERE %2 AND %3 ORDER BY c.seq, c.id")
                                              .arg(QLatin1String(kCaseColumns), visible, changed),
                                          params);
    QJsonArray cases;
    for (const HubRow& row : result.rows)
        cases.append(caseJson(row, audience.accountId));
    return cases;
}

QJsonArray syncRecommendations(HubDatabase& db, const Audience& audience, qint64 since, qint64 cursor)
{
    QVariantList params;
    const QString visible = visibleCasesWhere(audience, params);
    const QString changed = changedSince(QStringLiteral("r.seq"), audience, since, cursor, params);
    const HubQueryResult result =
        db.exec(QStringLiteral("SELECT %1 FROM recommendations r JOIN cases c ON c.id = r.case_id "
                               "JOIN accounts u ON u.id = r.author_id WHERE %2 AND %3 ORDER BY r.seq, r.id")
                    .arg(QLatin1String(kRecommendationColumns), visible, changed),
                params);
    QJsonArray recommendations;
    for (const HubRow& row : result.rows)
        recommendations.append(recommendationJson(row));
    return recommendations;
}

QJsonArray syncSessions(HubDatabase& db, const Audience& audience, qint64 since, qint64 cursor)
{
    QVariantList params;
    const QString programmes = inList(QStringLiteral("s.programme_id"), audience.memberOf, params);
    params.append({QVariant::fromValue(cursor), QVariant::fromValue(since)});
    const QString fresh = inList(QStringLiteral("s.programme_id"), audience.fresh, params);
    const HubQueryResult result =
        db.exec(QStringLiteral("SELECT %1 FROM sessions s WHERE %2 AND s.seq <= ? AND (s.seq > ? OR (%3)) "
                               "ORDER BY s.seq, s.id")
                    .arg(QLatin1String(kSessionColumns), programmes, fresh),
                params);
    return sessionsJson(db, result.rows);
}

QJsonArray syncAttendance(HubDatabase& db, const Audience& audience, qint64 since, qint64 cursor)
{
    QVariantList params{QVariant::fromValue(audience.accountId), QVariant::fromValue(cursor),
                        QVariant::fromValue(since)};
    const QString fresh = inList(QStringLiteral("s.programme_id"), audience.fresh, params);
    const HubQueryResult result =
        db.exec(QStringLiteral("SELECT %1 FROM attendance a WHERE a.account_id = ? AND a.seq <= ? AND (a.seq > ? OR "
                               "a.session_id IN (SELECT s.id FROM sessions s WHERE %2)) ORDER BY a.seq")
                    .arg(QLatin1String(kAttendanceColumns), fresh),
                params);
    QJsonArray attendance;
    for (const HubRow& row : result.rows)
        attendance.append(attendanceJson(row));
    return attendance;
}

HttpResponse sync(RequestContext& context)
{
    auto since = parseCursor(context);
    if (!since)
        return since.error().response();
    const qint64 accountId = context.principal->accountId;
    return context.db.snapshot([&] {
        HubDatabase& db = context.db;
        const qint64 cursor = db.currentChangeSeq();
        // A cursor from the future (another hub's database, a restored
        // backup) is answered from 0 so the client catches up, not stalls.
        const qint64 from = *since > cursor ? 0 : *since;
        QJsonArray programmes;
        const Audience audience = audienceAt(db, accountId, from, cursor, programmes);
        return HttpResponse::json(
            200, QJsonObject{
                     {QStringLiteral("cursor"), double(cursor)},
                     {QStringLiteral("programmes"), programmes},
                     {QStringLiteral("sessions"), syncSessions(db, audience, from, cursor)},
                     {QStringLiteral("cases"), syncCases(db, audience, from, cursor)},
                     {QStringLiteral("recommendations"), syncRecommendations(db, audience, from, cursor)},
                     {QStringLiteral("attendance"), syncAttendance(db, audience, from, cursor)},
                 });
    });
}

} // namespace

void addSyncRoutes(std::vector<Route>& routes)
{
    routes.push_back({"GET", QStringLiteral("/api/v1/sync"), Access::SignedIn, BodyKind::None, sync});
}

} // namespace spoke::hub::api
