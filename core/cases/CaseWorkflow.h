#pragma once

#include "cases/CaseDocument.h"
#include "cases/DeidGate.h"
#include "cases/Finding.h"
#include "cases/SchemaRegistry.h"
#include "util/ThreadAffinity.h"

#include <cstdint>
#include <string>
#include <vector>

namespace spoke::store {
class Cache;
}

namespace spoke::cases {

// Ties the gate to the store's case workflow: a case is only marked ready
// when its newest revision fits its form schema and every finding is either
// fixed or explicitly overridden, and each override is logged (who, why,
// when, which span) with a salted hash in place of the flagged text.
// Overrides follow the text, not the revision: an unchanged false positive
// stays resolved after edits elsewhere, and a changed one is checked again.
//
// Keys the form does not define (kept from an import) block Mark ready until
// they are removed or checked clean. "Checked clean" is mechanical, not a
// person's word: the gate's scan of the key names and every value below
// them, with the stricter unknown-field rule (DeidGate::checkUnknownFields),
// finds nothing. A finding there cannot be overridden, because the editor
// does not show those fields, so nobody can judge it in context: the field
// has to go (core/cases/README.md).
// Not thread-safe: it lives on the thread that owns the Cache.
class CaseWorkflow {
public:
    CaseWorkflow(store::Cache& cache, const DeidGate& gate, const SchemaRegistry& schemas = SchemaRegistry::builtIn())
        : cache_(cache)
        , gate_(gate)
        , schemas_(schemas)
    {
    }

    // Stores a revision of the document with the canonical search text.
    int saveRevision(std::int64_t caseId, const CaseDocument& document, std::int64_t nowMs);

    // Findings of the newest revision that no override covers.
    std::vector<Finding> unresolvedFindings(std::int64_t caseId);

    // Logs that `finding` (one of unresolvedFindings) is a false positive.
    // Throws CaseError(BadOverride) without a reason or a person, if the
    // reason itself holds an identifier (it is stored and sent to the hub),
    // if the finding lies in a field the form does not define, or if the
    // finding is not one the gate currently reports.
    void overrideFinding(std::int64_t caseId, const Finding& finding, const std::string& reason, const std::string& who,
                         std::int64_t nowMs);

    // draft -> ready, only for a document that fits its form schema
    // (CaseError(InvalidForm) otherwise, whoever calls: the editor, the CLI
    // or a sync) and has no unresolved findings (CaseError(UnresolvedFindings)
    // listing them otherwise).
    void markReady(std::int64_t caseId, std::int64_t nowMs);

    // SHA-256 (hex) of the flagged text salted with the case code, so the
    // log cannot be matched against other cases or a list of numbers.
    static std::string textHash(const std::string& caseCode, const QString& text);

private:
    CaseDocument latestDocument(std::int64_t caseId, std::string& caseCode, int& revision);
    void requireValidForm(std::int64_t caseId);
    void requireCleanReason(std::int64_t caseId, const std::string& reason);
    std::string unknownFieldsNote(std::int64_t caseId, const std::vector<Finding>& open);

    store::Cache& cache_;
    const DeidGate& gate_;
    const SchemaRegistry& schemas_;
    ThreadAffinity affinity_;
};

} // namespace spoke::cases
