// POST /api/v1/sessions/{id}/case-view (docs/hub-api.md, Live session): the
// case panel follows its presenter. Whoever presents a case (the chair, or
// the clinician who submitted it) posts the form section they are looking
// at; the hub stores it and sends a `case_view` event of about 150 bytes, so
// everyone's panel shows that case and scrolls to that section. Sections,
// never scroll pixels: each client lays the form out at its own width. The
// rows are also the case part of a recording's timeline (caseViewsJson).

#include "hub/api/CaseViews.h"
#include "hub/api/HandlerSupport.h"

#include "hub/db/HubDatabase.h"

#include <QJsonDocument>

#include <algorithm>
#include <set>

namespace spoke::hub::api {

namespace {

// A form section's key ("history", "investigations", ...): short, and
// plain enough to log and to use as an anchor name.
constexpr qsizetype kMaxSectionChars = 64;

constexpr const char* kViewColumns = "v.id, v.session_id, v.case_id, v.section, v.at_ms, v.by_account, u.display_name";

QJsonObject viewJson(const HubRow& row)
{
    return QJsonObject{
        {QStringLiteral("id"), double(row.integer(0))},
        {QStringLiteral("session_id"), double(row.integer(1))},
        {QStringLiteral("case_id"), double(row.integer(2))},
        {QStringLiteral("section"), row.text(3)},
        {QStringLiteral("at_ms"), double(row.integer(4))},
        {QStringLiteral("by"),
         QJsonObject{{QStringLiteral("id"), double(row.integer(5))}, {QStringLiteral("name"), row.text(6)}}},
    };
}

struct ViewRequest {
    qint64 caseId = 0;
    QString section;
};

bool isSectionKey(const QString& key)
{
    return !key.isEmpty() && key.size() <= kMaxSectionChars && std::all_of(key.begin(), key.end(), [](QChar c) {
        return (c >= u'a' && c <= u'z') || (c >= u'A' && c <= u'Z') || (c >= u'0' && c <= u'9') || c == u'_'
               || c == u'-' || c == u'.';
    });
}

Expected<ViewRequest> parseView(const QJsonObject& body)
{
    FieldReader fields(body);
    ViewRequest view;
    view.caseId = fields.integer(QStringLiteral("case_id"), 1, kMaxJsonInteger);
    view.section = fields.string(QStringLiteral("section"), kMaxSectionChars);
    if (!fields.ok())
        return fields.error();
    if (!isSectionKey(view.section))
        return badRequest(QStringLiteral("field \"section\" must be a form section's key (1 to %1 letters, digits, "
                                         "'_', '-' or '.')")
                              .arg(kMaxSectionChars));
    return view;
}

// The presenter of a case is the clinician who submitted it; the chair is
// a specialist or coordinator of the programme (as for the agenda). Both may
// lead the panel; anyone else only follows.
std::optional<ApiError> checkPresenter(RequestContext& context, const SessionAccess& session, qint64 caseId)
{
    const std::optional<HubRow> owner =
        context.db.queryOne(QStringLiteral("SELECT submitter_id FROM cases WHERE id = ? AND programme_id = ?"),
                            {QVariant::fromValue(caseId), QVariant::fromValue(session.programmeId)});
    if (!owner)
        return notFound(QStringLiteral("the session's programme has no case %1").arg(caseId));
    if (canReview(session.role) || owner->integer(0) == context.principal->accountId)
        return std::nullopt;
    return forbidden(QStringLiteral("only the chair or the case's presenter leads the case panel"));
}

WriteOutcome storeView(RequestContext& context, const SessionAccess& session, const ViewRequest& view)
{
    HubDatabase& db = context.db;
    const qint64 id = db.insert(
        QStringLiteral(
            "INSERT INTO case_views (session_id, case_id, section, by_account, at_ms) VALUES (?, ?, ?, ?, ?)"),
        {QVariant::fromValue(session.id), QVariant::fromValue(view.caseId), view.section,
         QVariant::fromValue(context.principal->accountId), QVariant::fromValue(context.nowMs)});
    const std::optional<HubRow> row =
        db.queryOne(QStringLiteral("SELECT %1 FROM case_views v JOIN accounts u ON u.id = v.by_account WHERE v.id = ?")
                        .arg(QLatin1String(kViewColumns)),
                    {QVariant::fromValue(id)});
    const QJsonObject stored = viewJson(*row);
    QJsonObject event = stored;
    event.insert(QStringLiteral("event"), QStringLiteral("case_view"));
    // Like page turns, not part of sync: cursor 0.
    return {HttpResponse::json(201, QJsonObject{{QStringLiteral("view"), stored}}), {{session.programmeId, 0, event}}};
}

HttpResponse postCaseView(RequestContext& context)
{
    auto session = loadSession(context);
    if (!session)
        return session.error().response();
    auto view = parseView(context.body);
    if (!view)
        return view.error().response();
    if (std::optional<ApiError> refused = checkPresenter(context, *session, view->caseId))
        return refused->response();
    return idempotentWrite(context, [&] { return storeView(context, *session, *view); });
}

} // namespace

qint64 TimelineWindow::offset(qint64 atMs) const
{
    const Part* current = nullptr;
    for (const Part& part : parts)
        if (part.sessionStartMs <= atMs)
            current = &part;
    if (!current)
        return atMs - startMs;
    return current->fileStartMs + std::min(atMs - current->sessionStartMs, current->durationMs);
}

qint64 TimelineWindow::endMs() const
{
    if (parts.empty())
        return startMs + durationMs;
    return parts.back().sessionStartMs + parts.back().durationMs;
}

QJsonArray heldStatesJson(const std::vector<HubRow>& rows, int atColumn, const TimelineWindow& window,
                          const std::function<QJsonObject(const HubRow& row, qint64 offsetMs)>& entry)
{
    QJsonArray entries;
    std::optional<QJsonObject> showing;
    for (const HubRow& row : rows) {
        const qint64 atMs = row.integer(atColumn);
        const QJsonObject item = entry(row, std::max<qint64>(0, window.offset(atMs)));
        if (atMs < window.startMs) {
            showing = item;
            continue;
        }
        if (showing) {
            entries.append(*showing);
            showing.reset();
        }
        entries.append(item);
    }
    if (showing)
        entries.append(*showing);
    return entries;
}

QJsonArray caseViewsJson(HubDatabase& db, qint64 sessionId, const TimelineWindow& window)
{
    const HubQueryResult rows =
        db.exec(QStringLiteral("SELECT case_id, section, at_ms FROM case_views WHERE session_id = ? AND at_ms <= ? "
                               "ORDER BY at_ms, id"),
                {QVariant::fromValue(sessionId), QVariant::fromValue(window.endMs())});
    return heldStatesJson(rows.rows, 2, window, [](const HubRow& row, qint64 offsetMs) {
        return QJsonObject{{QStringLiteral("case_id"), double(row.integer(0))},
                           {QStringLiteral("section"), row.text(1)},
                           {QStringLiteral("offset_ms"), double(offsetMs)}};
    });
}

QJsonArray caseDocumentsJson(HubDatabase& db, const QJsonArray& views)
{
    std::set<qint64> shown;
    for (const QJsonValue& view : views)
        shown.insert(view.toObject().value(QStringLiteral("case_id")).toInteger());
    QJsonArray documents;
    for (const qint64 caseId : shown) {
        const std::optional<HubRow> row =
            db.queryOne(QStringLiteral("SELECT case_code, title, body_json FROM cases WHERE id = ?"),
                        {QVariant::fromValue(caseId)});
        if (!row)
            continue;
        // The stored body is the submission the hub's gate passed: the
        // de-identified document, exactly as GET /cases/{id} answers it.
        documents.append(
            QJsonObject{{QStringLiteral("case_id"), double(caseId)},
                        {QStringLiteral("code"), row->text(0)},
                        {QStringLiteral("title"), row->text(1)},
                        {QStringLiteral("document"), QJsonDocument::fromJson(row->text(2).toUtf8()).object()}});
    }
    return documents;
}

void addCaseViewRoutes(std::vector<Route>& routes)
{
    routes.push_back({"POST", QStringLiteral("/api/v1/sessions/{id}/case-view"), Access::SignedIn, BodyKind::JsonObject,
                      postCaseView});
}

} // namespace spoke::hub::api
