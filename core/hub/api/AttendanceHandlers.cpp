// POST /api/v1/sessions/{id}/attendance (register, join or leave, attest the
// people in the room) and GET /api/v1/sessions/{id}/attendance.csv
// (docs/hub-api.md, Attendance).

#include "hub/api/HandlerSupport.h"

#include "hub/admin/AttendanceReport.h"
#include "hub/db/HubDatabase.h"

namespace spoke::hub::api {

namespace {

// A client clock further off than this is not trusted: the hub's receive
// time is used instead, and the row says so (docs/hub-api.md, Attendance).
constexpr qint64 kMaxClockSkewMs = qint64{5} * 60'000;
constexpr qsizetype kMaxAttestedPeople = 50;
constexpr qsizetype kMaxNameChars = 200;
constexpr qsizetype kMaxDeviceIdChars = 200;

std::optional<HubRow> attendanceRow(HubDatabase& db, qint64 sessionId, qint64 accountId)
{
    return db.queryOne(QStringLiteral("SELECT %1 FROM attendance a WHERE a.session_id = ? AND a.account_id = ?")
                           .arg(QLatin1String(kAttendanceColumns)),
                       {QVariant::fromValue(sessionId), QVariant::fromValue(accountId)});
}

QVariant bigint(qint64 value)
{
    return QVariant::fromValue(value);
}

WriteOutcome registerCaller(RequestContext& context, const SessionAccess& session)
{
    const qint64 accountId = context.principal->accountId;
    // Registering twice is one registration: the row already there is the
    // answer, and nothing changes.
    if (std::optional<HubRow> existing = attendanceRow(context.db, session.id, accountId))
        return {HttpResponse::json(200, QJsonObject{{QStringLiteral("attendance"), attendanceJson(*existing)}}), {}};
    const qint64 seq = context.db.bumpChangeSeq();
    context.db.exec(QStringLiteral("INSERT INTO attendance (session_id, account_id, registered_ms, seq) "
                                   "VALUES (?, ?, ?, ?)"),
                    {bigint(session.id), bigint(accountId), bigint(context.nowMs), bigint(seq)});
    const std::optional<HubRow> row = attendanceRow(context.db, session.id, accountId);
    return {HttpResponse::json(200, QJsonObject{{QStringLiteral("attendance"), attendanceJson(*row)}}),
            {{session.programmeId, seq, {}}}};
}

struct PresenceReport {
    bool join = false;
    qint64 clientMs = 0;
    QString deviceId;
};

Expected<PresenceReport> parsePresence(const QJsonObject& body)
{
    const QJsonValue event = body.value(QStringLiteral("event"));
    if (event != QJsonValue(QStringLiteral("join")) && event != QJsonValue(QStringLiteral("leave")))
        return badRequest(QStringLiteral("field \"event\" must be \"join\" or \"leave\""));
    FieldReader fields(body);
    const qint64 clientMs = fields.integer(QStringLiteral("at_ms"), 0, kMaxJsonInteger);
    const QString deviceId = fields.string(QStringLiteral("device_id"), kMaxDeviceIdChars).trimmed();
    if (!fields.ok())
        return fields.error();
    return PresenceReport{event.toString() == QLatin1String("join"), clientMs, deviceId};
}

WriteOutcome recordPresence(RequestContext& context, const SessionAccess& session, const PresenceReport& report)
{
    HubDatabase& db = context.db;
    const qint64 accountId = context.principal->accountId;
    const bool clamped = std::abs(report.clientMs - context.nowMs) > kMaxClockSkewMs;
    const qint64 atMs = clamped ? context.nowMs : report.clientMs;
    const qint64 id = db.insert(
        QStringLiteral("INSERT INTO attendance_events (session_id, account_id, kind, device_id, client_ms, "
                       "received_ms, at_ms, clamped) VALUES (?, ?, ?, ?, ?, ?, ?, ?)"),
        {bigint(session.id), bigint(accountId), report.join ? QStringLiteral("join") : QStringLiteral("leave"),
         report.deviceId, bigint(report.clientMs), bigint(context.nowMs), bigint(atMs), clamped ? 1 : 0});
    // The synced row keeps the first join and the last leave.
    const qint64 seq = db.bumpChangeSeq();
    if (!attendanceRow(db, session.id, accountId))
        db.exec(QStringLiteral("INSERT INTO attendance (session_id, account_id, registered_ms, seq) "
                               "VALUES (?, ?, ?, ?)"),
                {bigint(session.id), bigint(accountId), bigint(context.nowMs), bigint(seq)});
    db.exec(report.join
                ? QStringLiteral("UPDATE attendance SET joined_ms = CASE WHEN joined_ms IS NULL OR joined_ms "
                                 "> ? THEN ? ELSE joined_ms END, seq = ? WHERE session_id = ? AND account_id = ?")
                : QStringLiteral("UPDATE attendance SET left_ms = CASE WHEN left_ms IS NULL OR left_ms < ? "
                                 "THEN ? ELSE left_ms END, seq = ? WHERE session_id = ? AND account_id = ?"),
            {bigint(atMs), bigint(atMs), bigint(seq), bigint(session.id), bigint(accountId)});
    const QJsonObject event{
        {QStringLiteral("id"), double(id)},
        {QStringLiteral("event"), report.join ? QStringLiteral("join") : QStringLiteral("leave")},
        {QStringLiteral("device_id"), report.deviceId},
        {QStringLiteral("at_ms"), double(atMs)},
        {QStringLiteral("client_ms"), double(report.clientMs)},
        {QStringLiteral("received_ms"), double(context.nowMs)},
        {QStringLiteral("clamped"), clamped},
    };
    const std::optional<HubRow> row = attendanceRow(db, session.id, accountId);
    return {HttpResponse::json(201, QJsonObject{{QStringLiteral("attendance"), attendanceJson(*row)},
                                                {QStringLiteral("event"), event}}),
            {{session.programmeId, seq, {}}}};
}

Expected<QStringList> parseAttestation(const RequestContext& context)
{
    const QJsonValue present = context.body.value(QStringLiteral("present"));
    if (!present.isArray() || present.toArray().isEmpty() || present.toArray().size() > kMaxAttestedPeople)
        return badRequest(
            QStringLiteral("field \"present\" must be an array of 1 to %1 {\"name\"} objects").arg(kMaxAttestedPeople));
    QStringList names;
    for (qsizetype i = 0; i < present.toArray().size(); ++i) {
        const QJsonObject person = present.toArray().at(i).toObject();
        FieldReader fields(person);
        const QString name = fields.string(QStringLiteral("name"), kMaxNameChars).trimmed();
        if (!fields.ok())
            return badRequest(QStringLiteral("field \"present[%1].name\" must be a name of 1 to %2 characters")
                                  .arg(i)
                                  .arg(kMaxNameChars));
        if (!names.contains(name))
            names.append(name);
    }
    FieldReader fields(context.body);
    const qint64 attestedBy = fields.integer(QStringLiteral("attested_by"), 1, kMaxJsonInteger);
    if (!fields.ok())
        return fields.error();
    if (attestedBy != context.principal->accountId)
        return forbidden(QStringLiteral("field \"attested_by\" must be your own account: the caller attests"));
    return names;
}

WriteOutcome recordAttestation(RequestContext& context, const SessionAccess& session, const QStringList& names)
{
    HubDatabase& db = context.db;
    const QVariant attester = bigint(context.principal->accountId);
    for (const QString& name : names) {
        if (!db.queryOne(QStringLiteral("SELECT 1 FROM attested_presence WHERE session_id = ? AND attested_by = ? "
                                        "AND name = ?"),
                         {bigint(session.id), attester, name}))
            db.exec(QStringLiteral("INSERT INTO attested_presence (session_id, name, attested_by, attested_ms) "
                                   "VALUES (?, ?, ?, ?)"),
                    {bigint(session.id), name, attester, bigint(context.nowMs)});
    }
    const HubQueryResult rows =
        db.exec(QStringLiteral("SELECT name, attested_ms FROM attested_presence WHERE session_id = ? AND "
                               "attested_by = ? ORDER BY id"),
                {bigint(session.id), attester});
    QJsonArray attested;
    for (const HubRow& row : rows.rows)
        attested.append(QJsonObject{{QStringLiteral("name"), row.text(0)},
                                    {QStringLiteral("attested_by"), double(context.principal->accountId)},
                                    {QStringLiteral("attested_ms"), double(row.integer(1))}});
    return {HttpResponse::json(201, QJsonObject{{QStringLiteral("attested"), attested}}), {}};
}

// One route, three bodies: none or {} registers (what core/sync's
// attendance.register sends), "event" reports a join or leave, "present"
// attests the people in the room.
HttpResponse postAttendance(RequestContext& context)
{
    auto session = loadSession(context);
    if (!session)
        return session.error().response();
    if (!context.request.body.trimmed().isEmpty()) {
        auto body = parseJsonObject(context.request.body);
        if (!body)
            return body.error().response();
        context.body = std::move(*body);
    }
    const bool hasEvent = context.body.contains(QStringLiteral("event"));
    const bool hasPresent = context.body.contains(QStringLiteral("present"));
    if (hasEvent && hasPresent)
        return badRequest(QStringLiteral("give field \"event\" or field \"present\", not both")).response();
    if (hasEvent) {
        auto report = parsePresence(context.body);
        if (!report)
            return report.error().response();
        return idempotentWrite(context, [&] { return recordPresence(context, *session, *report); });
    }
    if (hasPresent) {
        auto names = parseAttestation(context);
        if (!names)
            return names.error().response();
        return idempotentWrite(context, [&] { return recordAttestation(context, *session, *names); });
    }
    return idempotentWrite(context, [&] { return registerCaller(context, *session); });
}

HttpResponse exportAttendance(RequestContext& context)
{
    auto session = loadSession(context);
    if (!session)
        return session.error().response();
    if (session->role != Role::Coordinator)
        return forbidden(QStringLiteral("only a coordinator exports attendance")).response();
    auto report = AttendanceReport::build(context.db, session->id, context.nowMs);
    if (!report)
        return notFound(report.error().message).response();
    HttpResponse response;
    response.contentType = "text/csv; charset=utf-8";
    response.body = AttendanceReport::csv(*report);
    response.headers.emplace_back("Content-Disposition", QByteArray("attachment; filename=\"session-")
                                                             + QByteArray::number(session->id) + "-attendance.csv\"");
    return response;
}

} // namespace

void addAttendanceRoutes(std::vector<Route>& routes)
{
    routes.push_back(
        {"POST", QStringLiteral("/api/v1/sessions/{id}/attendance"), Access::SignedIn, BodyKind::None, postAttendance});
    routes.push_back({"GET", QStringLiteral("/api/v1/sessions/{id}/attendance.csv"), Access::SignedIn, BodyKind::None,
                      exportAttendance});
}

} // namespace spoke::hub::api
