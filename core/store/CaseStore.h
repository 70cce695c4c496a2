#pragma once

#include "store/Records.h"

#include <vector>

namespace spoke::store {

class Database;

// A logged decision that a de-identification finding is a false positive.
// `textSha256` is a keyed hash of the flagged text (cases::CaseWorkflow), never
// the text; 64 hex digits.
struct DeidOverride {
    std::int64_t id = 0;
    std::int64_t caseId = 0;
    int revision = 0;
    std::string fieldPath;
    int startChar = 0;
    int endChar = 0;
    char category = 'R';
    std::string textSha256;
    std::string reason;
    std::string who;
    std::int64_t createdMs = 0;
};

// Cases, their revision history and the hub's recommendations. The content of
// a case (echo-case/1.0 JSON) is opaque here; core/cases owns its meaning.
class CaseStore {
public:
    explicit CaseStore(Database& db) : db_(db) { }

    std::int64_t create(const CaseRecord& record);
    std::optional<CaseRecord> byId(std::int64_t id);
    std::optional<CaseRecord> byCode(std::string_view caseCode);
    // All cases, or those of one session; newest change first.
    std::vector<CaseRecord> list(std::optional<std::int64_t> sessionId = std::nullopt, int limit = 500);

    // Appends a revision and makes it current, atomically. Returns its number.
    int saveRevision(std::int64_t caseId, std::string_view bodyJson, std::string_view plainText, std::int64_t savedMs);
    std::optional<CaseRevision> latestRevision(std::int64_t caseId);
    std::vector<CaseRevision> revisions(std::int64_t caseId);
    // Deletes every revision of the case older than `keepRevision` and writes
    // the case's search row afresh from the kept one. Returns how many
    // revisions went. The words of the deleted revisions may still sit in old
    // FTS segments and free pages until Cache::scrubDeletedText().
    int pruneRevisionsBefore(std::int64_t caseId, int keepRevision);

    // Throws StoreError(Constraint) for a move the workflow does not allow.
    void setStatus(std::int64_t caseId, CaseStatus next, std::int64_t nowMs);
    static bool isAllowedTransition(CaseStatus from, CaseStatus to);

    // Throws StoreError(Constraint) without a reason or author.
    std::int64_t addDeidOverride(const DeidOverride& entry);
    std::vector<DeidOverride> deidOverrides(std::int64_t caseId);
    // Replaces an entry's hash (an old-scheme hash upgraded once its text is known).
    void rehashDeidOverride(std::int64_t overrideId, std::string_view textSha256);

    std::int64_t addRecommendation(const Recommendation& recommendation);
    std::vector<Recommendation> recommendations(std::int64_t caseId);

private:
    Database& db_;
};

} // namespace spoke::store
