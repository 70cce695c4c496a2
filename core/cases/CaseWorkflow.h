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
struct DeidOverride;
} // namespace spoke::store

namespace spoke::cases {

// Ties the gate to the store's case workflow: a case is only marked ready
// when its newest revision fits its form schema and every finding is either
// fixed or explicitly overridden, and each override is logged (who, why,
// when, which span) with a keyed hash in place of the flagged text.
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
    // listing them otherwise). A ready case keeps only the revision that was
    // checked (pruneRedactedRevisions). Inside a caller's transaction, the
    // caller runs store::Cache::scrubDeletedText() after its commit.
    void markReady(std::int64_t caseId, std::int64_t nowMs);

    // Deletes every revision older than the newest, rewrites the case's
    // search row, and scrubs the freed text from the file and its WAL
    // (store::Cache::scrubDeletedText). An older revision either holds words
    // the newest one removed (a redacted name, a phone number) or is an
    // earlier part of it; which removals were redactions is the gate's guess,
    // the very thing that can miss, so all of them go. Returns how many went.
    int pruneRedactedRevisions(std::int64_t caseId);

    // SHA-256 (hex) of the flagged text salted with the case code: the hub
    // API's `_deid_overrides` text_sha256, which the hub recomputes
    // (docs/hub-api.md), so it stays an unkeyed hash the hub can repeat.
    static std::string textHash(const std::string& caseCode, const QString& text);

    // HMAC-SHA-256 (hex) of the case code and the flagged text, keyed with
    // the install's secret (security::InstallSecrets): what the local log
    // stores. Unlike textHash, it cannot be tested against a list of likely
    // names or numbers by someone who has the cache but not the keyring.
    static std::string localOverrideHash(const std::string& caseCode, const QString& text);

    // Whether the logged override `entry` covers `finding`. An entry logged
    // before the keyed hash (textHash of the case code) still matches, and
    // the caller may then rehash it (store::CaseStore::rehashDeidOverride).
    enum class OverrideMatch { No, Keyed, OldUnkeyed };
    static OverrideMatch matchOverride(const store::DeidOverride& entry, const std::string& caseCode,
                                       const Finding& finding);

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
