#include "sync/CaseSubmission.h"

#include "cases/CaseError.h"
#include "cases/CaseWorkflow.h"
#include "store/Cache.h"
#include "store/StoreError.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

#include <algorithm>

namespace spoke::sync {

namespace {

constexpr const char* kDeidOverridesKey = "_deid_overrides";

SubmitFailure failure(SubmitFailure::Reason reason, std::int64_t caseId, const QString& detail = {})
{
    SubmitFailure f;
    f.reason = reason;
    f.localCaseId = caseId;
    f.detail = detail;
    return f;
}

// What lists show for a case: its presenting problem, as the hub titles it.
std::string titleOf(const cases::CaseDocument& document)
{
    QString title = document.json()
                        .value(QLatin1String("history"))
                        .toObject()
                        .value(QLatin1String("presenting_problem"))
                        .toString();
    if (title.isEmpty())
        title = document.caseId();
    return title.left(120).toStdString();
}

// The `_deid_overrides` annotation the hub checks (docs/hub-api.md, POST
// /api/v1/cases): one entry per finding of the sent document that a local
// override covers. The local log keeps a hash keyed with this install's
// secret (cases::CaseWorkflow::localOverrideHash), which the hub cannot
// recompute; the hub recomputes an unkeyed hash salted with the document's
// case_id (which can differ from the local case code once edited), so each
// entry is hashed again for the hub with that case_id. Neither the text,
// the reason, the person nor the key leaves the laptop.
QJsonArray overrideAnnotation(const cases::DeidGate& gate, const cases::CaseDocument& sent,
                              const std::vector<store::DeidOverride>& overrides, const std::string& localCode)
{
    QJsonArray entries;
    const std::string hubSalt = sent.caseId().toStdString();
    for (const cases::Finding& finding : gate.check(sent)) {
        const bool covered = std::any_of(overrides.begin(), overrides.end(), [&](const store::DeidOverride& o) {
            return cases::CaseWorkflow::matchOverride(o, localCode, finding) != cases::CaseWorkflow::OverrideMatch::No;
        });
        if (!covered)
            continue;
        entries.append(QJsonObject{
            {QStringLiteral("path"), finding.path},
            {QStringLiteral("start"), finding.start},
            {QStringLiteral("end"), finding.end},
            {QStringLiteral("category"), QString(QLatin1Char(finding.category))},
            {QStringLiteral("text_sha256"),
             QString::fromStdString(cases::CaseWorkflow::textHash(hubSalt, finding.text))},
        });
    }
    return entries;
}

// The document as the hub receives it: the saved revision with this
// laptop's overrides as the annotation (any earlier annotation, e.g. one
// pulled back with a returned case, is replaced: only local decisions count).
QJsonObject documentToSend(const cases::DeidGate& gate, const cases::CaseDocument& saved,
                           const std::vector<store::DeidOverride>& overrides, const std::string& localCode)
{
    QJsonObject json = saved.json();
    json.remove(QLatin1String(kDeidOverridesKey));
    const QJsonArray annotation = overrideAnnotation(gate, cases::CaseDocument(json), overrides, localCode);
    if (!annotation.isEmpty())
        json.insert(QLatin1String(kDeidOverridesKey), annotation);
    return json;
}

} // namespace

QString toString(SubmitFailure::Reason reason)
{
    using R = SubmitFailure::Reason;
    switch (reason) {
    case R::NoSuchCase: return QStringLiteral("no_such_case");
    case R::NotSignedIn: return QStringLiteral("not_signed_in");
    case R::NoHubProgramme: return QStringLiteral("no_hub_programme");
    case R::WrongStatus: return QStringLiteral("wrong_status");
    case R::UnresolvedFindings: return QStringLiteral("unresolved_findings");
    case R::InvalidForm: return QStringLiteral("invalid_form");
    case R::Unreadable: return QStringLiteral("unreadable");
    case R::LocalStore: return QStringLiteral("local_store");
    }
    return {};
}

std::string CaseSubmission::idempotencyKey(const std::string& caseCode, int revision)
{
    return "case:" + caseCode + ":rev" + std::to_string(revision);
}

Expected<QueuedSubmission, SubmitFailure> CaseSubmission::submit(std::int64_t caseId, std::int64_t nowMs)
{
    using R = SubmitFailure::Reason;
    try {
        auto hub = cache_.hub();
        const auto account = hub.activeAccount();
        if (!account)
            return failure(R::NotSignedIn, caseId);
        const auto record = cache_.cases().byId(caseId);
        if (!record)
            return failure(R::NoSuchCase, caseId);
        if (record->status != store::CaseStatus::Draft && record->status != store::CaseStatus::Ready)
            return failure(R::WrongStatus, caseId, QString::fromUtf8(store::toString(record->status).data()));
        const auto programme = hub.hubProgrammeOf(account->url, record->programmeId);
        if (!programme)
            return failure(R::NoHubProgramme, caseId);
        const auto revision = cache_.cases().latestRevision(caseId);
        if (!revision)
            return failure(R::Unreadable, caseId, QStringLiteral("no saved revision"));
        const auto document = cases::CaseDocument::fromJson(QByteArray::fromStdString(revision->bodyJson));

        SubmitFailure invalid = failure(R::InvalidForm, caseId);
        for (const cases::SchemaIssue& issue : schemas_.validate(document))
            if (issue.severity == cases::SchemaIssue::Severity::Error)
                invalid.problems.append(issue);
        if (!invalid.problems.isEmpty())
            return invalid;

        cases::CaseWorkflow workflow(cache_, gate_);
        const auto findings = workflow.unresolvedFindings(caseId);
        if (!findings.empty()) {
            SubmitFailure flagged = failure(R::UnresolvedFindings, caseId);
            flagged.findings = QList<cases::Finding>(findings.begin(), findings.end());
            return flagged;
        }

        const std::string key = idempotencyKey(record->caseCode, revision->revision);
        // A returned case goes back with a change (the answer to the hub's
        // question); the same revision again would only replay the hub's
        // earlier answer under the same key.
        if (const auto earlier = cache_.outbox().byKey(key); earlier && earlier->sentMs)
            return failure(R::WrongStatus, caseId, QStringLiteral("unchanged since it was last sent"));
        const QJsonObject payload{
            {QStringLiteral("case_local_id"), static_cast<qint64>(caseId)},
            {QStringLiteral("programme_hub_id"), static_cast<qint64>(programme->hubId)},
            {QStringLiteral("document"),
             documentToSend(gate_, document, cache_.cases().deidOverrides(caseId), record->caseCode)}};
        store::Transaction tx(cache_.db());
        if (record->status == store::CaseStatus::Draft)
            workflow.markReady(caseId, nowMs);
        cache_.cases().setStatus(caseId, store::CaseStatus::Submitted, nowMs);
        auto outbox = cache_.outbox();
        // A corrected resubmission replaces the refused one for good.
        if (const auto previous = hub.delivery(caseId); previous && previous->outboxKey != key)
            outbox.discardStopped(previous->outboxKey);
        const std::int64_t outboxId = outbox.enqueue(
            key, "case.submit", QJsonDocument(payload).toJson(QJsonDocument::Compact).toStdString(), nowMs);
        hub.markWaiting(caseId, account->url, key, nowMs);
        tx.commit();
        // markReady pruned the drafts inside tx; their pages leave the WAL now.
        cache_.scrubDeletedText();
        return QueuedSubmission{caseId, outboxId, key};
    } catch (const cases::CaseError& error) {
        const bool findings = error.kind() == cases::CaseErrorKind::UnresolvedFindings;
        return failure(findings ? R::UnresolvedFindings : R::Unreadable, caseId, QString::fromUtf8(error.what()));
    } catch (const store::StoreError& error) {
        return failure(R::LocalStore, caseId, QString::fromUtf8(error.what()));
    }
}

Expected<std::int64_t, ImportFailure> CaseSubmission::importDocument(const cases::CaseDocument& document,
                                                                     std::int64_t nowMs)
{
    using R = ImportFailure::Reason;
    try {
        const std::string code = document.caseId().toStdString();
        if (code.empty())
            return ImportFailure{R::Unreadable, QStringLiteral("the document has no case_id")};
        if (cache_.cases().byCode(code))
            return ImportFailure{R::AlreadyExists, document.caseId()};
        const auto programme = cache_.hub().programmeForKind(document.programme().toStdString());
        if (!programme)
            return ImportFailure{R::NoProgramme, document.programme()};
        store::Transaction tx(cache_.db());
        store::CaseRecord record;
        record.caseCode = code;
        record.programmeId = *programme;
        record.title = titleOf(document);
        record.createdMs = nowMs;
        record.updatedMs = nowMs;
        const std::int64_t caseId = cache_.cases().create(record);
        cases::CaseWorkflow(cache_, gate_).saveRevision(caseId, document, nowMs);
        tx.commit();
        return caseId;
    } catch (const store::StoreError& error) {
        return ImportFailure{R::LocalStore, QString::fromUtf8(error.what())};
    }
}

} // namespace spoke::sync
