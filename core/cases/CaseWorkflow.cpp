#include "cases/CaseWorkflow.h"

#include "cases/CaseError.h"
#include "security/InstallSecrets.h"
#include "store/Cache.h"

#include <QCryptographicHash>
#include <QMessageAuthenticationCode>

#include <algorithm>

namespace spoke::cases {

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
    std::vector<Finding> open;
    for (Finding& f : gate_.check(document)) {
        bool overridden = false;
        for (const store::DeidOverride& o : overrides) {
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

void CaseWorkflow::overrideFinding(std::int64_t caseId, const Finding& finding, const std::string& reason,
                                   const std::string& who, std::int64_t nowMs)
{
    affinity_.assertOwner();
    auto blank = [](const std::string& s) { return s.find_first_not_of(" \t\r\n") == std::string::npos; };
    if (blank(reason))
        throw CaseError(CaseErrorKind::BadOverride, "An override needs a reason: say why this is not an identifier");
    if (blank(who))
        throw CaseError(CaseErrorKind::BadOverride, "An override needs the name of the person who decides");
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

void CaseWorkflow::markReady(std::int64_t caseId, std::int64_t nowMs)
{
    affinity_.assertOwner();
    const auto open = unresolvedFindings(caseId);
    if (!open.empty()) {
        std::string message = "The case cannot be marked ready: " + std::to_string(open.size())
                              + " possible identifier(s) need fixing or an override";
        for (std::size_t i = 0; i < open.size() && i < 3; ++i)
            message += (i == 0 ? " (" : "; ") + open[i].path.toStdString() + ": " + open[i].reason.toStdString();
        message += ")";
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
