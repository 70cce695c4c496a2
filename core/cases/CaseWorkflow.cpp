#include "cases/CaseWorkflow.h"

#include "cases/CaseError.h"
#include "security/InstallSecrets.h"
#include "store/Cache.h"

#include <QCryptographicHash>
#include <QMessageAuthenticationCode>

#include <algorithm>

namespace spoke::cases {

namespace {

bool underAny(const QString& path, const QStringList& ancestors)
{
    // A finding in a key ("x.y#key") lies in the member it names.
    const QString member = path.endsWith(QLatin1String("#key")) ? path.chopped(4) : path;
    return std::any_of(ancestors.begin(), ancestors.end(), [&](const QString& a) { return isAtOrBelow(member, a); });
}

} // namespace

std::string CaseWorkflow::textHash(const std::string& caseCode, const QString& text)
{
    QCryptographicHash hash(QCryptographicHash::Sha256);
    hash.addData(QByteArray::fromStdString(caseCode));
    hash.addData(QByteArrayView("\x1f", 1));
    hash.addData(text.toUtf8());
    return hash.result().toHex().toStdString();
}

std::string CaseWorkflow::localOverrideHash(const std::string& caseCode, const QString& text)
{
    QMessageAuthenticationCode mac(QCryptographicHash::Sha256, security::InstallSecrets::overrideKey());
    mac.addData(QByteArray::fromStdString(caseCode));
    mac.addData("\x1f", 1);
    mac.addData(text.toUtf8());
    return mac.result().toHex().toStdString();
}

CaseWorkflow::OverrideMatch CaseWorkflow::matchOverride(const store::DeidOverride& entry, const std::string& caseCode,
                                                        const Finding& finding)
{
    if (entry.fieldPath != finding.path.toStdString() || entry.category != finding.category)
        return OverrideMatch::No;
    if (entry.textSha256 == localOverrideHash(caseCode, finding.text))
        return OverrideMatch::Keyed;
    if (entry.textSha256 == textHash(caseCode, finding.text))
        return OverrideMatch::OldUnkeyed;
    return OverrideMatch::No;
}

int CaseWorkflow::saveRevision(std::int64_t caseId, const CaseDocument& document, std::int64_t nowMs)
{
    affinity_.assertOwner();
    return cache_.cases().saveRevision(caseId, document.toJson().toStdString(), document.plainText(), nowMs);
}

CaseDocument CaseWorkflow::latestDocument(std::int64_t caseId, std::string& caseCode, int& revision)
{
    auto cases = cache_.cases();
    const auto record = cases.byId(caseId);
    if (!record)
        throw CaseError(CaseErrorKind::NotACase, "No case with id " + std::to_string(caseId));
    const auto latest = cases.latestRevision(caseId);
    if (!latest)
        throw CaseError(CaseErrorKind::NotACase, "Case " + record->caseCode + " has no saved content yet");
    caseCode = record->caseCode;
    revision = latest->revision;
    return CaseDocument::fromJson(QByteArray::fromStdString(latest->bodyJson));
}

std::vector<Finding> CaseWorkflow::unresolvedFindings(std::int64_t caseId)
{
    affinity_.assertOwner();
    std::string caseCode;
    int revision = 0;
    const CaseDocument document = latestDocument(caseId, caseCode, revision);
    auto cases = cache_.cases();
    const auto overrides = cases.deidOverrides(caseId);
    const QStringList unknown = schemas_.unknownKeys(document);
    std::vector<Finding> found = gate_.check(document);
    for (Finding& f : gate_.checkUnknownFields(document, unknown))
        found.push_back(std::move(f));
    const std::vector<store::DeidOverride> noOverrides;
    std::vector<Finding> open;
    for (Finding& f : found) {
        // A finding under an unknown key is never resolved by an override:
        // only removing the key (or its identifier) clears it.
        bool overridden = false;
        for (const store::DeidOverride& o : underAny(f.path, unknown) ? noOverrides : overrides) {
            const OverrideMatch match = matchOverride(o, caseCode, f);
            // An entry from before the keyed hash is rehashed now that its
            // text is known, so the guessable hash leaves the log.
            if (match == OverrideMatch::OldUnkeyed)
                cases.rehashDeidOverride(o.id, localOverrideHash(caseCode, f.text));
            overridden = overridden || match != OverrideMatch::No;
        }
        if (!overridden)
            open.push_back(std::move(f));
    }
    return open;
}

void CaseWorkflow::requireCleanReason(std::int64_t caseId, const std::string& reason)
{
    std::string caseCode;
    int revision = 0;
    const CaseDocument document = latestDocument(caseId, caseCode, revision);
    const auto found =
        gate_.checkText(QStringLiteral("override.reason"), QString::fromStdString(reason), document.country());
    if (found.empty())
        return;
    // The message names the kind of identifier, not the text: it may be
    // logged or shown on a shared screen.
    throw CaseError(CaseErrorKind::BadOverride,
                    "The override reason itself looks like it holds an identifier ("
                        + categoryName(found.front().category).toLower().toStdString() + ": "
                        + found.front().reason.toStdString()
                        + "); the reason is stored and sent to the hub, so say why without naming the person, "
                          "place or number");
}

void CaseWorkflow::overrideFinding(std::int64_t caseId, const Finding& finding, const std::string& reason,
                                   const std::string& who, std::int64_t nowMs)
{
    affinity_.assertOwner();
    auto blank = [](const std::string& s) { return s.find_first_not_of(" \t\r\n") == std::string::npos; };
    if (blank(reason))
        throw CaseError(CaseErrorKind::BadOverride, "An override needs a reason: say why this is not an identifier");
    if (blank(who))
        throw CaseError(CaseErrorKind::BadOverride, "An override needs the name of the person who decides");
    requireCleanReason(caseId, reason);
    {
        std::string caseCode;
        int revision = 0;
        const CaseDocument document = latestDocument(caseId, caseCode, revision);
        if (underAny(finding.path, schemas_.unknownKeys(document)))
            throw CaseError(CaseErrorKind::BadOverride,
                            "Field " + finding.path.toStdString()
                                + " is not part of the case form, so its findings cannot be overridden; remove the "
                                  "field (or the identifier in it) instead");
    }
    const auto open = unresolvedFindings(caseId);
    const bool current = std::any_of(open.begin(), open.end(), [&](const Finding& f) {
        return f.path == finding.path && f.start == finding.start && f.end == finding.end
               && f.category == finding.category;
    });
    if (!current)
        throw CaseError(CaseErrorKind::BadOverride, "There is no open finding at " + finding.path.toStdString() + " "
                                                        + std::to_string(finding.start) + "-"
                                                        + std::to_string(finding.end) + " to override");
    std::string caseCode;
    int revision = 0;
    latestDocument(caseId, caseCode, revision);
    cache_.cases().addDeidOverride({0, caseId, revision, finding.path.toStdString(), finding.start, finding.end,
                                    finding.category, localOverrideHash(caseCode, finding.text), reason, who, nowMs});
}

void CaseWorkflow::requireValidForm(std::int64_t caseId)
{
    std::string caseCode;
    int revision = 0;
    const CaseDocument document = latestDocument(caseId, caseCode, revision);
    std::vector<SchemaIssue> errors;
    for (SchemaIssue& issue : schemas_.validate(document))
        if (issue.severity == SchemaIssue::Severity::Error)
            errors.push_back(std::move(issue));
    if (errors.empty())
        return;
    std::string message = "The case cannot be marked ready: " + std::to_string(errors.size())
                          + " field(s) do not fit the " + document.programme().toStdString() + " form";
    for (std::size_t i = 0; i < errors.size() && i < 3; ++i)
        message += (i == 0 ? " (" : "; ") + errors[i].path.toStdString() + " " + errors[i].message.toStdString();
    message += ")";
    throw CaseError(CaseErrorKind::InvalidForm, message);
}

std::string CaseWorkflow::unknownFieldsNote(std::int64_t caseId, const std::vector<Finding>& open)
{
    std::string caseCode;
    int revision = 0;
    const QStringList unknown = schemas_.unknownKeys(latestDocument(caseId, caseCode, revision));
    QStringList blocking;
    for (const QString& field : unknown)
        if (std::any_of(open.begin(), open.end(), [&](const Finding& f) { return underAny(f.path, {field}); }))
            blocking.append(field);
    if (blocking.isEmpty())
        return {};
    return ". Not part of the case form, and so not open to an override: "
           + blocking.join(QStringLiteral(", ")).toStdString() + "; remove these fields";
}

void CaseWorkflow::markReady(std::int64_t caseId, std::int64_t nowMs)
{
    affinity_.assertOwner();
    // Step: the form. Checked here, not only by the editor, so that no path
    // (CLI, sync, a future tool) marks a malformed document ready.
    requireValidForm(caseId);

    // Step: the gate, including fields the form does not define.
    const auto open = unresolvedFindings(caseId);
    if (!open.empty()) {
        std::string message = "The case cannot be marked ready: " + std::to_string(open.size())
                              + " possible identifier(s) need fixing or an override";
        for (std::size_t i = 0; i < open.size() && i < 3; ++i)
            message += (i == 0 ? " (" : "; ") + open[i].path.toStdString() + ": " + open[i].reason.toStdString();
        message += ")";
        message += unknownFieldsNote(caseId, open);
        throw CaseError(CaseErrorKind::UnresolvedFindings, message);
    }
    {
        // Ready and pruned together: a ready case never keeps its drafts.
        store::Transaction readyAndPruned(cache_.db());
        cache_.cases().setStatus(caseId, store::CaseStatus::Ready, nowMs);
        pruneRedactedRevisions(caseId);
        readyAndPruned.commit();
    }
    cache_.scrubDeletedText();
}

int CaseWorkflow::pruneRedactedRevisions(std::int64_t caseId)
{
    affinity_.assertOwner();
    const auto latest = cache_.cases().latestRevision(caseId);
    if (!latest)
        return 0;
    const int pruned = cache_.cases().pruneRevisionsBefore(caseId, latest->revision);
    // Inside a caller's transaction (markReady) the scrub waits for its commit.
    if (!cache_.db().inTransaction())
        cache_.scrubDeletedText();
    return pruned;
}

} // namespace spoke::cases
