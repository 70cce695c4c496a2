#pragma once

#include "hub/identity/Roles.h"
#include "util/Expected.h"

#include <QString>

#include <cstdint>
#include <vector>

namespace spoke::hub {

class HubDatabase;

// An administrative call that was refused: the argument it names is wrong
// (BadArgument) or the programme it names does not exist (NotFound).
struct AdminError {
    enum class Code { BadArgument, NotFound };
    Code code;
    QString argument; // e.g. "name", "programme", "minutes"
    QString message; // one sentence naming the argument
};

struct InviteCreated {
    std::int64_t inviteId = 0;
    QString code; // printed once; the hub keeps only its SHA-256
    std::int64_t expiresMs = 0;
};

// One planned item of a session's agenda (docs/hub-api.md, Agenda).
struct AgendaItemSpec {
    QString title;
    int plannedMinutes = 0;
};

struct SessionCreated {
    std::int64_t sessionId = 0;
    std::int64_t room = 0; // Janus VideoRoom number: id + kRoomOffset
    std::int64_t seq = 0;
};

// What a hub operator does before anyone can sign in (spoke-hub admin):
// programmes, invitations and the session schedule. Each call is one
// transaction. Clock-free: every call takes nowMs.
// Threading: the thread that owns the HubDatabase it is given.
class Admin {
public:
    static constexpr std::int64_t kInviteLifetimeMs = 14LL * 24 * 60 * 60 * 1000;
    static constexpr std::int64_t kRoomOffset = 100000;
    static constexpr int kMaxNameLength = 200;
    static constexpr int kMaxSessionMinutes = 24 * 60;
    static constexpr int kMaxAgendaItems = 20;
    static constexpr int kMaxAgendaItemMinutes = 240;

    explicit Admin(HubDatabase& db) : db_(db) { }

    Expected<std::int64_t, AdminError> addProgramme(const QString& name, ProgrammeKind kind, std::int64_t nowMs);
    Expected<InviteCreated, AdminError> inviteMember(std::int64_t programmeId, Role role, std::int64_t nowMs);
    Expected<SessionCreated, AdminError> addSession(std::int64_t programmeId, const QString& title,
                                                    std::int64_t startsMs, int minutes, std::int64_t nowMs,
                                                    const std::vector<AgendaItemSpec>& agenda = {});

    // "Didactic:15,Case 1:20,Case 2:20": items split at commas, each title
    // from its minutes at the item's last colon. A refusal (argument
    // "agenda") names the item by number and text, and what is wrong with it.
    static Expected<std::vector<AgendaItemSpec>, AdminError> parseAgenda(const QString& text);

    // 16 random bytes in RFC 4648 base32, grouped by four with dashes for
    // reading aloud; Identity::normalizeInviteCode undoes the grouping.
    static QString newInviteCode();

private:
    HubDatabase& db_;
};

} // namespace spoke::hub
