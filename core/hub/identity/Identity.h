#pragma once

#include "hub/identity/Roles.h"
#include "util/Expected.h"

#include <QString>

#include <cstdint>
#include <optional>
#include <vector>

namespace spoke::hub {

class HubDatabase;

// Why an identity call refused, as the API answers it: NotFound -> 404,
// Conflict -> 409, Unauthenticated -> 401, BadRequest -> 400. The message is
// one sentence that is safe to show the caller (no hashes, no other
// account's details).
struct IdentityError {
    enum class Code { NotFound, Conflict, Unauthenticated, BadRequest };
    Code code;
    QString message;
};

struct Account {
    std::int64_t id = 0;
    QString email;
    QString displayName;
};

// What redeem and login hand back: the bearer token (shown once) and whose it is.
struct SignedIn {
    QString token;
    std::int64_t expiresMs = 0;
    Account account;
};

struct Membership {
    std::int64_t programmeId = 0;
    QString programmeName;
    ProgrammeKind kind = ProgrammeKind::Generic;
    Role role = Role::Trainee;
};

// The signed-in caller of one request.
struct Principal {
    std::int64_t accountId = 0;
    QString email;
    QString displayName;
    QString tokenHash; // for logout
    std::vector<Membership> memberships; // ordered by programme id

    std::optional<Role> roleIn(std::int64_t programmeId) const;
};

// Accounts, invites and sign-in (docs/hub-api.md: /invites/redeem,
// /auth/login, /auth/logout). Clock-free: every call takes nowMs.
// Database failures throw HubDbError; everything the caller got wrong comes
// back as an IdentityError.
// Threading: the thread that owns the HubDatabase it is given (spoke-hub
// serve runs redeem and login on its sign-in workers, each with its own).
// Password hashing (Argon2id, 200-500 ms) runs outside any transaction, so it
// never holds the write lock.
class Identity {
public:
    static constexpr int kMinPasswordLength = 10; // characters (code points)
    static constexpr int kMaxPasswordLength = 1024;
    static constexpr int kMaxEmailLength = 254; // RFC 5321's path limit
    static constexpr int kMaxNameLength = 200;

    explicit Identity(HubDatabase& db) : db_(db) { }

    // Joins the invite's programme with the invite's role. A new email
    // creates the account; an existing account joins with its own password
    // (a wrong one is a Conflict: that email is taken). NotFound for an
    // unknown code; Conflict for a used or expired invite, or when the
    // account is already a member of that programme.
    Expected<SignedIn, IdentityError> redeemInvite(const QString& code, const QString& email, const QString& name,
                                                   const QString& password, std::int64_t nowMs);

    // Unauthenticated, with one message, for an unknown email and for a
    // wrong password alike; both cost one Argon2 verification.
    Expected<SignedIn, IdentityError> login(const QString& email, const QString& password, std::int64_t nowMs);

    // Revokes the token; Unauthenticated when it was not live. Returns the
    // revocation time.
    Expected<std::int64_t, IdentityError> logout(const QString& tokenHash, std::int64_t nowMs);

    // The caller behind an `Authorization: Bearer` token, or none for a
    // missing, malformed, unknown, expired or revoked one.
    std::optional<Principal> authenticate(const QString& bearerToken, std::int64_t nowMs);

    // Trimmed and lower-cased, as stored and compared.
    static QString normalizeEmail(const QString& email);
    // Upper-cased, without the spaces and dashes a person types or copies.
    static QString normalizeInviteCode(const QString& code);

private:
    HubDatabase& db_;
};

} // namespace spoke::hub
