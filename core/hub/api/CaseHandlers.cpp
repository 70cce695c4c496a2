// POST /api/v1/cases, GET /api/v1/cases/{id} (docs/hub-api.md, Endpoints and
// Case lifecycle). A case is stored only after the hub's own run of the
// de-identification gate and the form schema found nothing: the hub never
// trusts the client's gate. A finding the presenter declared a false positive
// (the `_deid_overrides` annotation, hub/api/DeidOverrides.h) is resolved
// only when the hub's own hash of the flagged text matches. Neither the
// findings' text nor the case's text goes into an answer or a log.

#include "hub/api/DeidOverrides.h"
#include "hub/api/HandlerSupport.h"

#include "cases/CaseDocument.h"
#include "cases/CaseError.h"
#include "cases/DeidGate.h"
#include "cases/SchemaRegistry.h"
#include "hub/db/HubDatabase.h"

#include <QJsonDocument>

namespace spoke::hub::api {

namespace {

constexpr qsizetype kMaxTitleChars = 120;
constexpr qsizetype kMaxCaseCodeChars = 200;

Expected<cases::CaseDocument> parseCase(const QByteArray& body)
{
    try {
        return cases::CaseDocument::fromJson(body);
    } catch (const cases::CaseError& error) {
        if (error.kind() == cases::CaseErrorKind::NotJson)
            return ApiError{400, QStringLiteral("bad_json"), QString::fromUtf8(error.what())};
        return ApiError{422, QStringLiteral("invalid_case"), QString::fromUtf8(error.what())};
    }
}

// The programme a submission goes to: ?programme=ID, or the caller's one
// programme of the document's kind.
Expected<qint64> targetProgramme(const RequestContext& context, const QString& documentKind)
{
    const Principal& caller = *context.principal;
    if (context.request.query.contains(QStringLiteral("programme"))) {
        auto id = parseId(context.request.query.value(QStringLiteral("programme")), QStringLiteral("programme"));
        if (!id)
            return id.error();
        for (const Membership& membership : caller.memberships)
            if (membership.programmeId == *id && QLatin1String(toString(membership.kind)) != documentKind
                && membership.kind != ProgrammeKind::Generic)
                return badRequest(QStringLiteral("the case is a %1 case but programme %2 is not a %1 programme")
                                      .arg(documentKind)
                                      .arg(*id));
        return *id;
    }
    std::optional<qint64> found;
    for (const Membership& membership : caller.memberships) {
        if (QLatin1String(toString(membership.kind)) != documentKind)
            continue;
        if (found)
            return badRequest(
                QStringLiteral("you belong to several %1 programmes; say which with ?programme=ID").arg(documentKind));
        found = membership.programmeId;
    }
    if (!found)
        return badRequest(QStringLiteral("you belong to no %1 programme").arg(documentKind));
    return *found;
}

// 422 `findings` with where each suspected identifier is and why, never what
// it is: the answer may be logged or shown by a proxy. The gate reads the
// document without the annotation (its hashes are not case text); only
// findings no override resolves are listed. A malformed annotation is 400.
std::optional<HttpResponse> gateRefusal(const cases::CaseDocument& document)
{
    auto overrides = parseDeidOverrides(document.json());
    if (!overrides)
        return overrides.error().response();
    const std::vector<cases::Finding> findings = unresolvedFindings(
        cases::DeidGate::builtIn().check(withoutDeidOverrides(document)), *overrides, document.caseId());
    if (findings.empty())
        return std::nullopt;
    QJsonArray list;
    for (const cases::Finding& finding : findings)
        list.append(QJsonObject{
            {QStringLiteral("path"), finding.path},
            {QStringLiteral("start"), finding.start},
            {QStringLiteral("end"), finding.end},
            {QStringLiteral("category"), QString(QLatin1Char(finding.category))},
            {QStringLiteral("reason"), finding.reason},
        });
    return HttpResponse::error(
        422, QStringLiteral("findings"),
        QStringLiteral("the hub's de-identification gate found %1 possible identifier(s); nothing was stored")
            .arg(findings.size()),
        QJsonObject{{QStringLiteral("findings"), list}});
}

std::optional<HttpResponse> schemaRefusal(const cases::CaseDocument& document)
{
    QJsonArray problems;
    for (const cases::SchemaIssue& issue : cases::SchemaRegistry::builtIn().validate(document))
        if (issue.severity == cases::SchemaIssue::Severity::Error)
            problems.append(
                QJsonObject{{QStringLiteral("path"), issue.path}, {QStringLiteral("message"), issue.message}});
    if (problems.isEmpty())
        return std::nullopt;
    return HttpResponse::error(422, QStringLiteral("invalid_case"),
                               QStringLiteral("the case does not fit its programme's form; nothing was stored"),
                               QJsonObject{{QStringLiteral("problems"), problems}});
}

QString caseTitle(const cases::CaseDocument& document)
{
    const QJsonValue problem =
        document.json().value(QStringLiteral("history")).toObject().value(QStringLiteral("presenting_problem"));
    return problem.toString().trimmed().left(kMaxTitleChars);
}

struct Submission {
    qint64 programmeId = 0;
    QString caseCode;
    QString title;
    QString bodyJson;
};

WriteOutcome storeSubmission(RequestContext& context, const Submission& submission)
{
    HubDatabase& db = context.db;
    const qint64 callerId = context.principal->accountId;
    const std::optional<HubRow> existing = db.queryOne(
        QStringLiteral("SELECT id, status FROM cases WHERE programme_id = ? AND submitter_id = ? AND case_code = ?"),
        {QVariant::fromValue(submission.programmeId), QVariant::fromValue(callerId), submission.caseCode});
    if (existing && existing->text(1) != QLatin1String("returned"))
        return {conflict(QStringLiteral("you already submitted case %1 and it is %2, not returned")
                             .arg(submission.caseCode, existing->text(1)))
                    .response(),
                {}};
    const qint64 seq = db.bumpChangeSeq();
    qint64 caseId = 0;
    if (existing) {
        caseId = existing->integer(0);
        db.exec(QStringLiteral("UPDATE cases SET title = ?, body_json = ?, status = 'submitted', session_id = NULL, "
                               "question = NULL, updated_ms = ?, seq = ? WHERE id = ?"),
                {submission.title, submission.bodyJson, QVariant::fromValue(context.nowMs), QVariant::fromValue(seq),
                 QVariant::fromValue(caseId)});
    } else {
        caseId = db.insert(
            QStringLiteral("INSERT INTO cases (programme_id, submitter_id, case_code, title, body_json, status, "
                           "session_id, question, submitted_ms, updated_ms, seq) "
                           "VALUES (?, ?, ?, ?, ?, 'submitted', NULL, NULL, ?, ?, ?)"),
            {QVariant::fromValue(submission.programmeId), QVariant::fromValue(callerId), submission.caseCode,
             submission.title, submission.bodyJson, QVariant::fromValue(context.nowMs),
             QVariant::fromValue(context.nowMs), QVariant::fromValue(seq)});
    }
    return {HttpResponse::json(201, QJsonObject{{QStringLiteral("case"), caseById(db, caseId, callerId)}}),
            {{submission.programmeId, seq, {}}}};
}

HttpResponse submitCase(RequestContext& context)
{
    auto document = parseCase(context.request.body);
    if (!document)
        return document.error().response();
    auto programmeId = targetProgramme(context, document->programme());
    if (!programmeId)
        return programmeId.error().response();
    auto role = requireRole(*context.principal, *programmeId, {Role::Clinician, Role::Coordinator},
                            QStringLiteral("submit cases"));
    if (!role)
        return role.error().response();
    if (std::optional<HttpResponse> refusal = gateRefusal(*document))
        return *refusal;
    if (std::optional<HttpResponse> refusal = schemaRefusal(*document))
        return *refusal;
    const QString caseCode = document->caseId();
    if (caseCode.isEmpty() || caseCode.size() > kMaxCaseCodeChars)
        return ApiError{422, QStringLiteral("invalid_case"), QStringLiteral("the case needs a case_id")}.response();

    const Submission submission{*programmeId, caseCode, caseTitle(*document), QString::fromUtf8(document->toJson())};
    return idempotentWrite(context, [&] { return storeSubmission(context, submission); });
}

HttpResponse getCase(RequestContext& context)
{
    auto access = loadCase(context, context.pathParams.value(QStringLiteral("id")));
    if (!access)
        return access.error().response();
    if (std::optional<ApiError> refusal = checkCaseVisible(context, *access))
        return refusal->response();
    return context.db.snapshot([&] {
        const std::optional<HubRow> row = context.db.queryOne(
            QStringLiteral("SELECT %1, c.body_json FROM cases c WHERE c.id = ?").arg(QLatin1String(kCaseColumns)),
            {QVariant::fromValue(access->id)});
        if (!row)
            return notFound(QStringLiteral("there is no case %1").arg(access->id)).response();
        QJsonObject object = caseJson(*row, context.principal->accountId);
        const QJsonObject body = QJsonDocument::fromJson(row->text(10).toUtf8()).object();
        object.insert(QStringLiteral("body"), body);
        // How many findings the presenter declared non-identifying: the
        // reviewer's cue to read those fields (entries in body._deid_overrides).
        object.insert(QStringLiteral("deid_overrides"), body.value(kDeidOverridesKey).toArray().size());
        QJsonArray recommendations;
        const HubQueryResult result =
            context.db.exec(QStringLiteral("SELECT %1 FROM recommendations r JOIN accounts u ON u.id = r.author_id "
                                           "WHERE r.case_id = ? ORDER BY r.created_ms, r.id")
                                .arg(QLatin1String(kRecommendationColumns)),
                            {QVariant::fromValue(access->id)});
        for (const HubRow& recommendation : result.rows)
            recommendations.append(recommendationJson(recommendation));
        object.insert(QStringLiteral("recommendations"), recommendations);
        return HttpResponse::json(200, QJsonObject{{QStringLiteral("case"), object}});
    });
}

} // namespace

void prepareCaseChecks()
{
    // A made-up document with a date and a phone number reaches the lazily
    // built parts too (libphonenumber's metadata, the date patterns).
    const cases::CaseDocument sample(QJsonObject{
        {QStringLiteral("schema_version"), QStringLiteral("echo-case/1.0")},
        {QStringLiteral("programme"), QStringLiteral("tb")},
        {QStringLiteral("narrative"), QStringLiteral("Seen on 3 May 2026; call +254 712 000 000.")},
    });
    (void)cases::DeidGate::builtIn().check(sample);
    (void)cases::SchemaRegistry::builtIn().validate(sample);
}

void addCaseRoutes(std::vector<Route>& routes)
{
    // The body is parsed by CaseDocument (its own limits and errors), not
    // by the router.
    routes.push_back({"POST", QStringLiteral("/api/v1/cases"), Access::SignedIn, BodyKind::None, submitCase});
    routes.push_back({"GET", QStringLiteral("/api/v1/cases/{id}"), Access::SignedIn, BodyKind::None, getCase});
}

} // namespace spoke::hub::api
