#pragma once

#include <QString>

#include <cstdint>
#include <optional>

namespace spoke::hub {

class HubDatabase;

// Bearer tokens (docs/hub-api.md, Conventions): 32 random bytes, base64url
// without padding; the database keeps only their SHA-256 in hex, so a copy
// of the database does not let anyone sign in.
inline constexpr std::int64_t kTokenLifetimeMs = 30LL * 24 * 60 * 60 * 1000;

struct IssuedToken {
    QString token; // shown to the client once, never stored
    QString tokenHash;
    std::int64_t expiresMs = 0;
};

// Lower-case hex SHA-256 of the UTF-8 text; also used for invite codes.
QString sha256Hex(const QString& text);

// Threading: the thread that owns the HubDatabase it is given.
class Tokens {
public:
    explicit Tokens(HubDatabase& db) : db_(db) { }

    // Inserts a new token for the account; callers usually do this inside
    // their own transaction.
    IssuedToken issue(std::int64_t accountId, std::int64_t nowMs);
    // Revokes a live token; false when it was unknown, expired or revoked.
    bool revoke(const QString& tokenHash, std::int64_t nowMs);
    // The account a live token belongs to. A malformed token costs no query.
    std::optional<std::int64_t> authenticate(const QString& token, std::int64_t nowMs);

    // Whether text has the shape of a token (43 base64url characters).
    static bool looksLikeToken(const QString& text);

private:
    HubDatabase& db_;
};

} // namespace spoke::hub
