#include "store/CaseStore.h"

#include "store/Database.h"
#include "store/StoreError.h"

namespace spoke::store {

namespace {

constexpr std::string_view kCaseColumns =
    "SELECT id, case_code, programme_id, session_id, title, status, current_revision, created_ms, updated_ms "
    "FROM cases ";

CaseRecord readCase(const Statement& row)
{
    CaseRecord c;
    c.id = row.int64(0);
    c.caseCode = row.text(1);
    c.programmeId = row.int64(2);
    c.sessionId = row.optionalInt64(3);
    c.title = row.text(4);
    c.status = caseStatusFrom(row.text(5));
    c.currentRevision = static_cast<int>(row.int64(6));
    c.createdMs = row.int64(7);
    c.updatedMs = row.int64(8);
    return c;
}

CaseRevision readRevision(const Statement& row)
{
    return CaseRevision{row.int64(0), static_cast<int>(row.int64(1)), row.text(2), row.text(3), row.int64(4)};
}

} // namespace

std::int64_t CaseStore::create(const CaseRecord& c)
{
    db_.prepare("INSERT INTO cases(case_code, programme_id, session_id, title, status, created_ms, updated_ms) "
                "VALUES (?, ?, ?, ?, ?, ?, ?)")
        .bindAll(c.caseCode, c.programmeId, c.sessionId, c.title, toString(c.status), c.createdMs,
                 c.updatedMs ? c.updatedMs : c.createdMs)
        .run();
    return db_.lastInsertRowId();
}

std::optional<CaseRecord> CaseStore::byId(std::int64_t id)
{
    Statement stmt = db_.prepare(std::string(kCaseColumns) + "WHERE id = ?");
    stmt.bind(1, id);
    if (!stmt.step())
        return std::nullopt;
    return readCase(stmt);
}

std::optional<CaseRecord> CaseStore::byCode(std::string_view caseCode)
{
    Statement stmt = db_.prepare(std::string(kCaseColumns) + "WHERE case_code = ?");
    stmt.bind(1, caseCode);
    if (!stmt.step())
        return std::nullopt;
    return readCase(stmt);
}

std::vector<CaseRecord> CaseStore::list(std::optional<std::int64_t> sessionId, int limit)
{
    Statement stmt = db_.prepare(std::string(kCaseColumns)
                                 + "WHERE (?1 IS NULL OR session_id = ?1) ORDER BY updated_ms DESC, id DESC LIMIT ?2");
    stmt.bindAll(sessionId, limit);
    std::vector<CaseRecord> result;
    while (stmt.step())
        result.push_back(readCase(stmt));
    return result;
}

int CaseStore::saveRevision(std::int64_t caseId, std::string_view bodyJson, std::string_view plainText,
                            std::int64_t savedMs)
{
    Transaction tx(db_);
    Statement current = db_.prepare("SELECT current_revision FROM cases WHERE id = ?");
    current.bind(1, caseId);
    if (!current.step())
        throw StoreError(StoreErrorKind::Constraint, "No case with id " + std::to_string(caseId));
    const int revision = static_cast<int>(current.int64(0)) + 1;
    db_.prepare("INSERT INTO case_revisions(case_id, revision, body_json, plain_text, saved_ms) VALUES (?, ?, ?, ?, ?)")
        .bindAll(caseId, revision, bodyJson, plainText, savedMs)
        .run();
    db_.prepare("UPDATE cases SET current_revision = ?, updated_ms = ? WHERE id = ?")
        .bindAll(revision, savedMs, caseId)
        .run();
    tx.commit();
    return revision;
}

std::optional<CaseRevision> CaseStore::latestRevision(std::int64_t caseId)
{
    Statement stmt = db_.prepare("SELECT case_id, revision, body_json, plain_text, saved_ms FROM case_revisions "
                                 "WHERE case_id = ? ORDER BY revision DESC LIMIT 1");
    stmt.bind(1, caseId);
    if (!stmt.step())
        return std::nullopt;
    return readRevision(stmt);
}

std::vector<CaseRevision> CaseStore::revisions(std::int64_t caseId)
{
    Statement stmt = db_.prepare("SELECT case_id, revision, body_json, plain_text, saved_ms FROM case_revisions "
                                 "WHERE case_id = ? ORDER BY revision");
    stmt.bind(1, caseId);
    std::vector<CaseRevision> result;
    while (stmt.step())
        result.push_back(readRevision(stmt));
    return result;
}

int CaseStore::pruneRevisionsBefore(std::int64_t caseId, int keepRevision)
{
    Transaction tx(db_);
    db_.prepare("DELETE FROM case_revisions WHERE case_id = ? AND revision < ?").bindAll(caseId, keepRevision).run();
    const int pruned = db_.changes();
    // The search row is deleted and inserted again rather than updated: an
    // update leaves the old words' postings in FTS5 segments as deletions
    // that only a merge drops; the fresh row carries the kept text only.
    // Its rowid follows Migrations.cpp (case id * 8 + 2).
    db_.prepare("DELETE FROM search_index WHERE rowid = ? * 8 + 2").bind(1, caseId).run();
    db_.prepare("INSERT INTO search_index(rowid, kind, ref_id, title, body) "
                "SELECT c.id * 8 + 2, 'case', c.id, c.title, COALESCE(r.plain_text, '') FROM cases c "
                "LEFT JOIN case_revisions r ON r.case_id = c.id AND r.revision = ? WHERE c.id = ?")
        .bindAll(keepRevision, caseId)
        .run();
    tx.commit();
    return pruned;
}

bool CaseStore::isAllowedTransition(CaseStatus from, CaseStatus to)
{
    using S = CaseStatus;
    switch (from) {
    case S::Draft: return to == S::Ready;
    case S::Ready: return to == S::Draft || to == S::Submitted;
    // The hub may send a case back for changes before it is presented.
    case S::Submitted: return to == S::Draft || to == S::Presented;
    case S::Presented: return to == S::RecommendationsReceived;
    case S::RecommendationsReceived: return false;
    }
    return false;
}

void CaseStore::setStatus(std::int64_t caseId, CaseStatus next, std::int64_t nowMs)
{
    Transaction tx(db_);
    const auto record = byId(caseId);
    if (!record)
        throw StoreError(StoreErrorKind::Constraint, "No case with id " + std::to_string(caseId));
    if (!isAllowedTransition(record->status, next))
        throw StoreError(StoreErrorKind::Constraint, "A case cannot go from " + std::string(toString(record->status))
                                                         + " to " + std::string(toString(next)));
    db_.prepare("UPDATE cases SET status = ?, updated_ms = ? WHERE id = ?")
        .bindAll(toString(next), nowMs, caseId)
        .run();
    tx.commit();
}

std::int64_t CaseStore::addDeidOverride(const DeidOverride& o)
{
    db_.prepare("INSERT INTO deid_overrides(case_id, revision, field_path, start_char, end_char, category, "
                "text_sha256, reason, who, created_ms) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")
        .bindAll(o.caseId, o.revision, o.fieldPath, o.startChar, o.endChar, std::string(1, o.category), o.textSha256,
                 o.reason, o.who, o.createdMs)
        .run();
    return db_.lastInsertRowId();
}

std::vector<DeidOverride> CaseStore::deidOverrides(std::int64_t caseId)
{
    Statement stmt =
        db_.prepare("SELECT id, case_id, revision, field_path, start_char, end_char, category, text_sha256, "
                    "reason, who, created_ms FROM deid_overrides WHERE case_id = ? ORDER BY id");
    stmt.bind(1, caseId);
    std::vector<DeidOverride> result;
    while (stmt.step()) {
        const std::string category = stmt.text(6);
        result.push_back({stmt.int64(0), stmt.int64(1), static_cast<int>(stmt.int64(2)), stmt.text(3),
                          static_cast<int>(stmt.int64(4)), static_cast<int>(stmt.int64(5)),
                          category.empty() ? 'R' : category[0], stmt.text(7), stmt.text(8), stmt.text(9),
                          stmt.int64(10)});
    }
    return result;
}

void CaseStore::rehashDeidOverride(std::int64_t overrideId, std::string_view textSha256)
{
    db_.prepare("UPDATE deid_overrides SET text_sha256 = ? WHERE id = ?").bindAll(textSha256, overrideId).run();
}

std::int64_t CaseStore::addRecommendation(const Recommendation& r)
{
    db_.prepare("INSERT INTO recommendations(case_id, session_id, author, body, created_ms) VALUES (?, ?, ?, ?, ?)")
        .bindAll(r.caseId, r.sessionId, r.author, r.body, r.createdMs)
        .run();
    return db_.lastInsertRowId();
}

std::vector<Recommendation> CaseStore::recommendations(std::int64_t caseId)
{
    Statement stmt = db_.prepare("SELECT id, case_id, session_id, author, body, created_ms FROM recommendations "
                                 "WHERE case_id = ? ORDER BY created_ms, id");
    stmt.bind(1, caseId);
    std::vector<Recommendation> result;
    while (stmt.step())
        result.push_back(
            {stmt.int64(0), stmt.int64(1), stmt.optionalInt64(2), stmt.text(3), stmt.text(4), stmt.int64(5)});
    return result;
}

} // namespace spoke::store
