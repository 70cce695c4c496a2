#pragma once

#include "store/Records.h"

#include <optional>
#include <string>
#include <vector>

namespace spoke::store {

class Database;

// The hub account this laptop uses. The token is not here: it lives in the
// OS keyring or a 0600 file (core/sync TokenStore).
struct HubAccountRow {
    std::string url;
    std::string email;
    std::string name;
    std::int64_t accountId = 0;
    std::int64_t cursor = 0; // the hub's change cursor pulled up to
    std::optional<std::int64_t> lastSyncMs; // end of the last pass that reached the hub
    std::string lastError; // kind of the last pass's error ("" after a clean pass)
    std::string lastDetail;
};

// Rows as the hub sends them (docs/hub-api.md "Objects"); statuses and roles
// in their wire spelling.
struct HubProgrammeRow {
    std::int64_t hubId = 0;
    std::string name;
    std::string kind;
    std::string role; // this account's role; "" when the row did not say
};

struct HubSessionRow {
    std::int64_t hubId = 0;
    std::int64_t programmeHubId = 0;
    std::string title;
    std::int64_t startsMs = 0;
    int minutes = 90;
    std::int64_t room = 0;
};

struct HubCaseRow {
    std::int64_t hubId = 0;
    std::int64_t programmeHubId = 0;
    std::string caseCode;
    std::string title;
    std::string status;
    std::optional<std::int64_t> sessionHubId;
    std::string question;
    std::int64_t submittedMs = 0;
    std::int64_t updatedMs = 0;
    bool mine = false;
};

struct HubRecommendationRow {
    std::int64_t hubId = 0;
    std::int64_t caseHubId = 0;
    std::string authorName;
    std::vector<std::string> items;
    std::string text;
    std::int64_t createdMs = 0;
};

struct HubAttendanceRow {
    std::int64_t sessionHubId = 0;
    std::int64_t accountId = 0;
    std::int64_t registeredMs = 0;
    std::optional<std::int64_t> joinedMs;
    std::optional<std::int64_t> leftMs;
};

// One answer of `GET /api/v1/sync`.
struct PulledRows {
    std::int64_t cursor = 0;
    std::vector<HubProgrammeRow> programmes;
    std::vector<HubSessionRow> sessions;
    std::vector<HubCaseRow> cases;
    std::vector<HubRecommendationRow> recommendations;
    std::vector<HubAttendanceRow> attendance;
};

struct PullApplied {
    int rowsChanged = 0; // rows inserted or changed in the cache
    int programmesChanged = 0; // of those, programmes (the account's roles may have changed)
    std::vector<std::int64_t> casesWithNewRecommendations; // local case ids, once each
};

// A local case's journey to the hub.
struct CaseDelivery {
    enum class State { Waiting, Sent, Refused };
    std::int64_t caseId = 0;
    State state = State::Waiting;
    std::string outboxKey;
    std::optional<std::int64_t> hubCaseId;
    std::optional<std::string> hubStatus;
    std::string question;
    int errorStatus = 0;
    std::string errorCode;
    std::string errorDetail;
    std::string findingsJson; // the hub's 422 findings (never flagged text)
};

// The hub's side of the cache: the account, the mapping from hub ids to local
// rows, and the rules for applying what a pull brings (docs/hub-api.md
// "Client rules"): the hub owns lifecycle status, schedule and
// recommendations, except that a pulled status never overwrites a local
// submission still waiting in the outbox.
// Not thread-safe: used on the thread that owns the Database (the sync
// thread in the app, the main thread in spoke-cli).
class HubStore {
public:
    explicit HubStore(Database& db) : db_(db) { }

    std::optional<HubAccountRow> activeAccount();
    // Inserts or updates the account for row.url and makes it the active one;
    // the cursor is kept for the same account and starts again for another.
    void saveAccount(const HubAccountRow& row);
    void recordPass(const std::string& url, std::optional<std::int64_t> successMs, const std::string& error,
                    const std::string& detail);

    // Programmes and this account's roles, from `/me` or a pull.
    // Returns how many rows it inserted or changed.
    int upsertProgrammes(const std::string& url, const std::vector<HubProgrammeRow>& programmes);
    std::vector<HubProgrammeRow> programmes(const std::string& url);
    std::optional<std::int64_t> localProgramme(const std::string& url, std::int64_t hubId);
    std::optional<HubProgrammeRow> hubProgrammeOf(const std::string& url, std::int64_t localProgrammeId);
    // A local programme for a case of `kind` (hiv, tb...): one synced from the
    // active hub first, else a local (demo) programme whose code names the kind.
    std::optional<std::int64_t> programmeForKind(const std::string& kind);
    std::optional<std::int64_t> hubSessionOf(const std::string& url, std::int64_t localSessionId);

    // Applies one pull and moves the cursor, in one transaction.
    PullApplied applyPull(const std::string& url, const PulledRows& rows, std::int64_t nowMs);

    // Submission bookkeeping; each is meant to run in the caller's transaction
    // together with the outbox change it belongs to.
    void markWaiting(std::int64_t caseId, const std::string& url, const std::string& outboxKey, std::int64_t nowMs);
    void markDelivered(std::int64_t caseId, const std::string& url, const HubCaseRow& hubCase, std::int64_t nowMs);
    // Also makes the case a draft again: the clinician must change it.
    void markRefused(std::int64_t caseId, int httpStatus, const std::string& code, const std::string& detail,
                     const std::string& findingsJson, std::int64_t nowMs);
    std::optional<CaseDelivery> delivery(std::int64_t caseId);
    std::vector<CaseDelivery> deliveries();
    std::optional<std::int64_t> localCaseOfHub(const std::string& url, std::int64_t hubCaseId);

    // Applies the hub's status to a local case: submitted/scheduled ->
    // submitted, presented -> presented, recommendations_sent ->
    // recommendations_received, returned -> draft (editable again).
    void applyHubStatus(std::int64_t caseId, const std::string& hubStatus, std::optional<std::int64_t> localSessionId,
                        std::int64_t nowMs);

private:
    std::int64_t upsertSession(const std::string& url, const HubSessionRow& row);
    bool upsertCase(const std::string& url, const HubCaseRow& row, std::int64_t nowMs);
    std::optional<std::int64_t> upsertRecommendation(const std::string& url, const HubRecommendationRow& row);

    Database& db_;
};

// "hiv", "tb"... for a local case status that follows a hub status.
CaseStatus localStatusForHub(const std::string& hubStatus);

} // namespace spoke::store
