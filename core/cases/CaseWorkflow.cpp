#include "cases/CaseWorkflow.h"

#include "cases/CaseError.h"
#include "store/Cache.h"

#include <QCryptographicHash>

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
    const auto overrides = cache_.cases().deidOverrides(caseId);
    std::vector<Finding> open;
    for (Finding& f : gate_.check(document)) {
        const std::string hash = textHash(caseCode, f.text);
        const bool overridden = std::any_of(overrides.begin(), overrides.end(), [&](const store::DeidOverride& o) {
            return o.fieldPath == f.path.toStdString() && o.category == f.category && o.textSha256 == hash;
        });
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
        return f.path == finding.path && f.start == finding.start && f.end == finding.end && f.category == finding.category;
    });
    if (!current)
        throw CaseError(CaseErrorKind::BadOverride, "There is no open finding at " + finding.path.toStdString() + " "
                                                        + std::to_string(finding.start) + "-" + std::to_string(finding.end)
                                                        + " to override");
    std::string caseCode;
    int revision = 0;
    latestDocument(caseId, caseCode, revision);
    cache_.cases().addDeidOverride({0, caseId, revision, finding.path.toStdString(), finding.start, finding.end,
                                    finding.category, textHash(caseCode, finding.text), reason, who, nowMs});
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
    cache_.cases().setStatus(caseId, store::CaseStatus::Ready, nowMs);
}

} // namespace spoke::cases
