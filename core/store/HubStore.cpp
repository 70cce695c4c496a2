#include "store/HubStore.h"

#include "store/Database.h"
#include "store/StoreError.h"

#include <algorithm>

namespace spoke::store {

namespace {

CaseDelivery::State deliveryStateFrom(const std::string& text)
{
    if (text == "sent")
        return CaseDelivery::State::Sent;
    if (text == "refused")
        return CaseDelivery::State::Refused;
    return CaseDelivery::State::Waiting;
}

// A recommendation as one searchable text: numbered items, then the prose.
std::string recommendationBody(const HubRecommendationRow& row)
{
    std::string body;
    for (std::size_t i = 0; i < row.items.size(); ++i)
        body += std::to_string(i + 1) + ". " + row.items[i] + "\n";
    if (!row.text.empty())
        body += (body.empty() ? "" : "\n") + row.text;
    return body;
}

std::string itemsJson(const std::vector<std::string>& items)
{
    // Kept only for display; a JSON array of strings with the minimum escaping.
    std::string out = "[";
    for (std::size_t i = 0; i < items.size(); ++i) {
        out += i ? ",\"" : "\"";
        for (const char c : items[i]) {
            if (c == '"' || c == '\\')
                out += '\\';
            if (static_cast<unsigned char>(c) < 0x20) {
                char escaped[8];
                std::snprintf(escaped, sizeof escaped, "\\u%04x", c);
                out += escaped;
                continue;
            }
            out += c;
        }
        out += '"';
    }
    return out + "]";
}

constexpr std::string_view kDeliveryColumns =
    "SELECT d.case_id, d.state, d.outbox_key, h.hub_id, h.status, h.question, d.error_status, d.error_code, "
    "d.error_detail, d.findings FROM case_delivery d LEFT JOIN hub_cases h ON h.local_case_id = d.case_id ";

CaseDelivery readDelivery(const Statement& row)
{
    CaseDelivery d;
    d.caseId = row.int64(0);
    d.state = deliveryStateFrom(row.text(1));
    d.outboxKey = row.text(2);
    d.hubCaseId = row.optionalInt64(3);
    d.hubStatus = row.optionalText(4);
    d.question = row.text(5);
    d.errorStatus = static_cast<int>(row.int64(6));
    d.errorCode = row.text(7);
    d.errorDetail = row.text(8);
    d.findingsJson = row.text(9);
    return d;
}

} // namespace

CaseStatus localStatusForHub(const std::string& hubStatus)
{
    if (hubStatus == "presented")
        return CaseStatus::Presented;
    if (hubStatus == "recommendations_sent")
        return CaseStatus::RecommendationsReceived;
    if (hubStatus == "returned")
        return CaseStatus::Draft;
    return CaseStatus::Submitted;
}

std::optional<HubAccountRow> HubStore::activeAccount()
{
    Statement stmt = db_.prepare("SELECT url, email, name, account_id, cursor, last_sync_ms, last_error, last_detail "
                                 "FROM hub_accounts WHERE active = 1");
    if (!stmt.step())
        return std::nullopt;
    return HubAccountRow{stmt.text(0),  stmt.text(1),          stmt.text(2), stmt.int64(3),
                         stmt.int64(4), stmt.optionalInt64(5), stmt.text(6), stmt.text(7)};
}

void HubStore::saveAccount(const HubAccountRow& row)
{
    Transaction tx(db_);
    db_.prepare("UPDATE hub_accounts SET active = 0 WHERE active = 1 AND url <> ?").bind(1, row.url).run();
    db_.prepare("INSERT INTO hub_accounts(url, email, name, account_id, active) VALUES (?, ?, ?, ?, 1) "
                "ON CONFLICT(url) DO UPDATE SET cursor = CASE WHEN hub_accounts.account_id = excluded.account_id "
                "THEN hub_accounts.cursor ELSE 0 END, email = excluded.email, name = excluded.name, "
                "account_id = excluded.account_id, active = 1")
        .bindAll(row.url, row.email, row.name, row.accountId)
        .run();
    tx.commit();
}

void HubStore::recordPass(const std::string& url, std::optional<std::int64_t> successMs, const std::string& error,
                          const std::string& detail)
{
    db_.prepare("UPDATE hub_accounts SET last_sync_ms = COALESCE(?, last_sync_ms), last_error = ?, last_detail = ? "
                "WHERE url = ?")
        .bindAll(successMs, error, detail, url)
        .run();
}

int HubStore::upsertProgrammes(const std::string& url, const std::vector<HubProgrammeRow>& programmes)
{
    Transaction tx(db_);
    int changed = 0;
    for (const HubProgrammeRow& p : programmes) {
        if (const auto local = localProgramme(url, p.hubId)) {
            db_.prepare("UPDATE programmes SET name = ? WHERE id = ? AND name <> ?")
                .bindAll(p.name, *local, p.name)
                .run();
            changed += db_.changes();
            db_.prepare("UPDATE hub_programmes SET kind = ?1, role = CASE WHEN ?2 = '' THEN role ELSE ?2 END "
                        "WHERE hub_url = ?3 AND hub_id = ?4 AND (kind <> ?1 OR (?2 <> '' AND role <> ?2))")
                .bindAll(p.kind, p.role, url, p.hubId)
                .run();
            changed += db_.changes();
            continue;
        }
        // The code only has to be unique in this cache; it names the hub and its id.
        const std::string code = "hub:" + url + "#" + std::to_string(p.hubId);
        db_.prepare("INSERT INTO programmes(code, name, hub) VALUES (?, ?, ?)").bindAll(code, p.name, url).run();
        db_.prepare("INSERT INTO hub_programmes(hub_url, hub_id, programme_id, kind, role) VALUES (?, ?, ?, ?, ?)")
            .bindAll(url, p.hubId, db_.lastInsertRowId(), p.kind, p.role)
            .run();
        ++changed;
    }
    tx.commit();
    return changed;
}

std::vector<HubProgrammeRow> HubStore::programmes(const std::string& url)
{
    Statement stmt = db_.prepare("SELECT hp.hub_id, p.name, hp.kind, hp.role FROM hub_programmes hp "
                                 "JOIN programmes p ON p.id = hp.programme_id WHERE hp.hub_url = ? ORDER BY hp.hub_id");
    stmt.bind(1, url);
    std::vector<HubProgrammeRow> result;
    while (stmt.step())
        result.push_back({stmt.int64(0), stmt.text(1), stmt.text(2), stmt.text(3)});
    return result;
}

std::optional<std::int64_t> HubStore::localProgramme(const std::string& url, std::int64_t hubId)
{
    Statement stmt = db_.prepare("SELECT programme_id FROM hub_programmes WHERE hub_url = ? AND hub_id = ?");
    stmt.bindAll(url, hubId);
    return stmt.step() ? std::optional(stmt.int64(0)) : std::nullopt;
}

std::optional<HubProgrammeRow> HubStore::hubProgrammeOf(const std::string& url, std::int64_t localProgrammeId)
{
    Statement stmt = db_.prepare("SELECT hp.hub_id, p.name, hp.kind, hp.role FROM hub_programmes hp "
                                 "JOIN programmes p ON p.id = hp.programme_id WHERE hp.hub_url = ? AND p.id = ?");
    stmt.bindAll(url, localProgrammeId);
    if (!stmt.step())
        return std::nullopt;
    return HubProgrammeRow{stmt.int64(0), stmt.text(1), stmt.text(2), stmt.text(3)};
}

std::optional<std::int64_t> HubStore::programmeForKind(const std::string& kind)
{
    // Prefer a programme where this account may submit cases.
    Statement hub = db_.prepare(
        "SELECT hp.programme_id FROM hub_programmes hp JOIN hub_accounts a ON a.url = hp.hub_url AND a.active = 1 "
        "WHERE hp.kind = ? ORDER BY hp.role IN ('clinician', 'coordinator') DESC, hp.hub_id LIMIT 1");
    hub.bind(1, kind);
    if (hub.step())
        return hub.int64(0);
    Statement local = db_.prepare("SELECT id FROM programmes WHERE id NOT IN (SELECT programme_id FROM hub_programmes) "
                                  "AND ? <> '' AND instr(lower(code), ?) > 0 ORDER BY id LIMIT 1");
    local.bindAll(kind, kind);
    return local.step() ? std::optional(local.int64(0)) : std::nullopt;
}

std::optional<std::int64_t> HubStore::hubSessionOf(const std::string& url, std::int64_t localSessionId)
{
    Statement stmt = db_.prepare("SELECT hub_id FROM hub_sessions WHERE hub_url = ? AND session_id = ?");
    stmt.bindAll(url, localSessionId);
    return stmt.step() ? std::optional(stmt.int64(0)) : std::nullopt;
}

std::int64_t HubStore::upsertSession(const std::string& url, const HubSessionRow& row)
{
    const auto programme = localProgramme(url, row.programmeHubId);
    if (!programme)
        return 0; // a programme this account no longer sees
    Statement existing = db_.prepare("SELECT session_id FROM hub_sessions WHERE hub_url = ? AND hub_id = ?");
    existing.bindAll(url, row.hubId);
    const int minutes = std::max(1, row.minutes);
    if (existing.step()) {
        const std::int64_t id = existing.int64(0);
        db_.prepare(
               "UPDATE sessions SET programme_id = ?, title = ?, scheduled_start_ms = ?, duration_min = ?, room = ? "
               "WHERE id = ?")
            .bindAll(*programme, row.title, row.startsMs, minutes, row.room, id)
            .run();
        return id;
    }
    db_.prepare("INSERT INTO sessions(programme_id, title, hub, room, scheduled_start_ms, duration_min) "
                "VALUES (?, ?, ?, ?, ?, ?)")
        .bindAll(*programme, row.title, url, row.room, row.startsMs, minutes)
        .run();
    const std::int64_t id = db_.lastInsertRowId();
    db_.prepare("INSERT INTO hub_sessions(hub_url, hub_id, session_id) VALUES (?, ?, ?)")
        .bindAll(url, row.hubId, id)
        .run();
    return id;
}

bool HubStore::upsertCase(const std::string& url, const HubCaseRow& row, std::int64_t nowMs)
{
    db_.prepare("INSERT INTO hub_cases(hub_url, hub_id, programme_hub_id, case_code, title, status, session_hub_id, "
                "question, submitted_ms, updated_ms, mine) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) "
                "ON CONFLICT(hub_url, hub_id) DO UPDATE SET programme_hub_id = excluded.programme_hub_id, "
                "case_code = excluded.case_code, title = excluded.title, status = excluded.status, "
                "session_hub_id = excluded.session_hub_id, question = excluded.question, "
                "submitted_ms = excluded.submitted_ms, updated_ms = excluded.updated_ms, mine = excluded.mine")
        .bindAll(url, row.hubId, row.programmeHubId, row.caseCode, row.title, row.status, row.sessionHubId,
                 row.question, row.submittedMs, row.updatedMs, row.mine ? 1 : 0)
        .run();
    // A case of mine is the local case with the same code that was sent to this hub.
    Statement link =
        db_.prepare("SELECT h.local_case_id, d.case_id, d.state FROM hub_cases h "
                    "LEFT JOIN case_delivery d ON d.hub_url = h.hub_url AND d.case_id = COALESCE(h.local_case_id, "
                    "(SELECT c.id FROM cases c WHERE c.case_code = h.case_code AND h.mine = 1)) "
                    "WHERE h.hub_url = ? AND h.hub_id = ?");
    link.bindAll(url, row.hubId);
    if (!link.step() || link.isNull(1))
        return false;
    const std::int64_t caseId = link.int64(1);
    if (link.isNull(0)) {
        db_.prepare("UPDATE hub_cases SET local_case_id = NULL WHERE local_case_id = ?").bind(1, caseId).run();
        db_.prepare("UPDATE hub_cases SET local_case_id = ? WHERE hub_url = ? AND hub_id = ?")
            .bindAll(caseId, url, row.hubId)
            .run();
    }
    // docs/hub-api.md "Conflicts": a submission still in the outbox wins.
    if (link.text(2) == "waiting")
        return false;
    std::optional<std::int64_t> session;
    if (row.sessionHubId) {
        Statement s = db_.prepare("SELECT session_id FROM hub_sessions WHERE hub_url = ? AND hub_id = ?");
        s.bindAll(url, *row.sessionHubId);
        if (s.step())
            session = s.int64(0);
    }
    applyHubStatus(caseId, row.status, session, nowMs);
    return true;
}

std::optional<std::int64_t> HubStore::upsertRecommendation(const std::string& url, const HubRecommendationRow& row)
{
    Statement known = db_.prepare("SELECT 1 FROM hub_recommendations WHERE hub_url = ? AND hub_id = ?");
    known.bindAll(url, row.hubId);
    if (known.step())
        return std::nullopt; // recommendations are never edited on the hub
    const auto localCase = localCaseOfHub(url, row.caseHubId);
    std::optional<std::int64_t> localRecommendation;
    if (localCase) {
        db_.prepare("INSERT INTO recommendations(case_id, session_id, author, body, created_ms) "
                    "VALUES (?, (SELECT session_id FROM cases WHERE id = ?), ?, ?, ?)")
            .bindAll(*localCase, *localCase, row.authorName, recommendationBody(row), row.createdMs)
            .run();
        localRecommendation = db_.lastInsertRowId();
    }
    db_.prepare("INSERT INTO hub_recommendations(hub_url, hub_id, case_hub_id, recommendation_id, author_name, "
                "items_json, text, created_ms) VALUES (?, ?, ?, ?, ?, ?, ?, ?)")
        .bindAll(url, row.hubId, row.caseHubId, localRecommendation, row.authorName, itemsJson(row.items), row.text,
                 row.createdMs)
        .run();
    return localCase;
}

PullApplied HubStore::applyPull(const std::string& url, const PulledRows& rows, std::int64_t nowMs)
{
    Transaction tx(db_);
    PullApplied applied;
    applied.programmesChanged = upsertProgrammes(url, rows.programmes);
    applied.rowsChanged += applied.programmesChanged;
    for (const HubSessionRow& s : rows.sessions)
        applied.rowsChanged += upsertSession(url, s) != 0 ? 1 : 0;
    for (const HubCaseRow& c : rows.cases) {
        upsertCase(url, c, nowMs);
        ++applied.rowsChanged;
    }
    for (const HubRecommendationRow& r : rows.recommendations) {
        const auto localCase = upsertRecommendation(url, r);
        if (!localCase)
            continue;
        ++applied.rowsChanged;
        auto& list = applied.casesWithNewRecommendations;
        if (std::find(list.begin(), list.end(), *localCase) == list.end())
            list.push_back(*localCase);
    }
    for (const HubAttendanceRow& a : rows.attendance) {
        db_.prepare(
               "INSERT INTO hub_attendance(hub_url, session_hub_id, account_id, registered_ms, joined_ms, left_ms) "
               "VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT(hub_url, session_hub_id, account_id) DO UPDATE SET "
               "registered_ms = excluded.registered_ms, joined_ms = excluded.joined_ms, left_ms = excluded.left_ms")
            .bindAll(url, a.sessionHubId, a.accountId, a.registeredMs, a.joinedMs, a.leftMs)
            .run();
        ++applied.rowsChanged;
    }
    // The cursor moves with the rows it brought, never back.
    db_.prepare("UPDATE hub_accounts SET cursor = max(cursor, ?) WHERE url = ?").bindAll(rows.cursor, url).run();
    tx.commit();
    return applied;
}

void HubStore::markWaiting(std::int64_t caseId, const std::string& url, const std::string& outboxKey,
                           std::int64_t nowMs)
{
    db_.prepare(
           "INSERT INTO case_delivery(case_id, hub_url, state, outbox_key, updated_ms) VALUES (?, ?, 'waiting', ?, ?) "
           "ON CONFLICT(case_id) DO UPDATE SET hub_url = excluded.hub_url, state = 'waiting', "
           "outbox_key = excluded.outbox_key, error_status = 0, error_code = '', error_detail = '', "
           "findings = '[]', updated_ms = excluded.updated_ms")
        .bindAll(caseId, url, outboxKey, nowMs)
        .run();
}

void HubStore::markDelivered(std::int64_t caseId, const std::string& url, const HubCaseRow& hubCase, std::int64_t nowMs)
{
    Transaction tx(db_);
    db_.prepare("UPDATE case_delivery SET state = 'sent', error_status = 0, error_code = '', error_detail = '', "
                "findings = '[]', updated_ms = ? WHERE case_id = ?")
        .bindAll(nowMs, caseId)
        .run();
    db_.prepare(
           "UPDATE hub_cases SET local_case_id = NULL WHERE local_case_id = ? AND NOT (hub_url = ? AND hub_id = ?)")
        .bindAll(caseId, url, hubCase.hubId)
        .run();
    HubCaseRow mine = hubCase;
    mine.mine = true;
    upsertCase(url, mine, nowMs);
    db_.prepare("UPDATE hub_cases SET local_case_id = ? WHERE hub_url = ? AND hub_id = ?")
        .bindAll(caseId, url, hubCase.hubId)
        .run();
    tx.commit();
}

void HubStore::markRefused(std::int64_t caseId, int httpStatus, const std::string& code, const std::string& detail,
                           const std::string& findingsJson, std::int64_t nowMs)
{
    db_.prepare("UPDATE case_delivery SET state = 'refused', error_status = ?, error_code = ?, error_detail = ?, "
                "findings = ?, updated_ms = ? WHERE case_id = ?")
        .bindAll(httpStatus, code, detail, findingsJson, nowMs, caseId)
        .run();
    // The hub will not take this text: it is the clinician's to fix again.
    db_.prepare("UPDATE cases SET status = 'draft', updated_ms = ? WHERE id = ?").bindAll(nowMs, caseId).run();
}

std::optional<CaseDelivery> HubStore::delivery(std::int64_t caseId)
{
    Statement stmt = db_.prepare(std::string(kDeliveryColumns) + "WHERE d.case_id = ?");
    stmt.bind(1, caseId);
    if (!stmt.step())
        return std::nullopt;
    return readDelivery(stmt);
}

std::vector<CaseDelivery> HubStore::deliveries()
{
    Statement stmt = db_.prepare(std::string(kDeliveryColumns) + "ORDER BY d.case_id");
    std::vector<CaseDelivery> result;
    while (stmt.step())
        result.push_back(readDelivery(stmt));
    return result;
}

std::optional<std::int64_t> HubStore::localCaseOfHub(const std::string& url, std::int64_t hubCaseId)
{
    Statement stmt = db_.prepare("SELECT local_case_id FROM hub_cases WHERE hub_url = ? AND hub_id = ? "
                                 "AND local_case_id IS NOT NULL");
    stmt.bindAll(url, hubCaseId);
    return stmt.step() ? std::optional(stmt.int64(0)) : std::nullopt;
}

void HubStore::applyHubStatus(std::int64_t caseId, const std::string& hubStatus,
                              std::optional<std::int64_t> localSessionId, std::int64_t nowMs)
{
    // The hub owns the lifecycle, so this is not a workflow move that
    // CaseStore::setStatus would judge; it mirrors what the hub decided.
    db_.prepare("UPDATE cases SET status = ?, session_id = COALESCE(?, session_id), updated_ms = ? "
                "WHERE id = ? AND (status <> ? OR session_id IS NOT COALESCE(?, session_id))")
        .bindAll(toString(localStatusForHub(hubStatus)), localSessionId, nowMs, caseId,
                 toString(localStatusForHub(hubStatus)), localSessionId)
        .run();
}

} // namespace spoke::store
