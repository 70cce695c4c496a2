#pragma once

// What the handler files share: the JSON shapes of docs/hub-api.md
// "Objects", role checks, and writes under an Idempotency-Key.

#include "hub/api/Json.h"
#include "hub/api/Router.h"
#include "hub/identity/Identity.h"

#include <QJsonArray>
#include <QJsonObject>

#include <functional>
#include <initializer_list>
#include <optional>

namespace spoke::hub {
class HubDatabase;
class HubRow;
} // namespace spoke::hub

namespace spoke::hub::api {

HttpResponse identityErrorResponse(const IdentityError& error);
HttpResponse unauthenticated(const QString& message);

// The columns caseJson reads, in order; `c` is the cases table's alias.
inline constexpr const char* kCaseColumns =
    "c.id, c.programme_id, c.submitter_id, c.case_code, c.title, c.status, c.session_id, c.question, "
    "c.submitted_ms, c.updated_ms";
QJsonObject caseJson(const HubRow& row, qint64 callerId);
// One case without its body, read again (after a write, for the answer).
QJsonObject caseById(HubDatabase& db, qint64 caseId, qint64 callerId);

inline constexpr const char* kSessionColumns = "s.id, s.programme_id, s.title, s.starts_ms, s.minutes, s.room";
// Sessions with their agendas (one more query for all of them).
QJsonArray sessionsJson(HubDatabase& db, const std::vector<HubRow>& rows);
// One session with its agenda; empty if there is none.
QJsonObject sessionById(HubDatabase& db, qint64 sessionId);

// A session behind a path id, as the live-session routes check it: 400 for
// a malformed id, 404 if there is none, 403 unless the caller is a member of
// its programme (docs/hub-api.md, Roles: every member sees its sessions).
struct SessionAccess {
    qint64 id = 0;
    qint64 programmeId = 0;
    Role role = Role::Trainee; // the caller's role in the programme
};
Expected<SessionAccess> loadSession(RequestContext& context);

inline constexpr const char* kAttendanceColumns = "a.session_id, a.account_id, a.registered_ms, a.joined_ms, a.left_ms";
QJsonObject attendanceJson(const HubRow& row);

// Needs `JOIN accounts u ON u.id = r.author_id`.
inline constexpr const char* kRecommendationColumns =
    "r.id, r.case_id, r.author_id, u.display_name, r.items_json, r.text, r.created_ms";
QJsonObject recommendationJson(const HubRow& row);

QJsonObject accountJson(qint64 id, const QString& email, const QString& name);
QJsonObject programmeJson(const Membership& membership);

// "?, ?, ?" for n values (n > 0).
QString placeholders(qsizetype n);

// The caller's role in a programme if it is one of `allowed`; 403 otherwise
// (also when the caller is not a member at all).
Expected<Role> requireRole(const Principal& principal, qint64 programmeId, std::initializer_list<Role> allowed,
                           const QString& action);

// A case row as the access rules need it.
struct CaseAccess {
    qint64 id = 0;
    qint64 programmeId = 0;
    qint64 submitterId = 0;
    QString status;
    std::optional<qint64> sessionId;
};
// The case behind a path id: 404 if there is none.
Expected<CaseAccess> loadCase(RequestContext& context, const QString& idText);
// docs/hub-api.md "Roles": reviewers see every case of their programme; a
// clinician sees their own cases and those scheduled in sessions they are
// registered for; 403 for everyone else.
std::optional<ApiError> checkCaseVisible(RequestContext& context, const CaseAccess& access);

// The result of one write transaction: the answer and the programmes whose
// members should pull.
struct WriteOutcome {
    HttpResponse response;
    std::vector<ProgrammeChange> changes;
};

// Runs `write` in one database transaction. With an Idempotency-Key header
// (1-200 printable ASCII characters; 400 otherwise), a key this account has
// used before answers its stored status and body without calling `write`;
// otherwise a 2xx answer is stored with the key in the same transaction
// (docs/hub-api.md, Conventions). Changes reach context.changes only after
// the commit.
HttpResponse idempotentWrite(RequestContext& context, const std::function<WriteOutcome()>& write);

} // namespace spoke::hub::api
