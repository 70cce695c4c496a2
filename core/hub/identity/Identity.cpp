#include "hub/identity/Identity.h"

#include "hub/db/HubDatabase.h"
#include "hub/identity/Passwords.h"
#include "hub/identity/Tokens.h"

namespace spoke::hub {
namespace {

using Code = IdentityError::Code;

IdentityError refusal(Code code, const QString& message)
{
    return IdentityError{code, message};
}

// Thrown inside a transaction to roll it back with an answer for the caller.
struct Refused {
    IdentityError error;
};

std::optional<IdentityError> checkEmail(const QString& email)
{
    const qsizetype at = email.indexOf(QLatin1Char('@'));
    const bool shaped = at > 0 && at == email.lastIndexOf(QLatin1Char('@')) && at < email.size() - 1;
    bool spaces = false;
    for (const QChar c : email)
        spaces = spaces || c.isSpace();
    if (!shaped || spaces)
        return refusal(Code::BadRequest, QStringLiteral("email must be an address like name@clinic.org."));
    if (email.size() > Identity::kMaxEmailLength)
        return refusal(Code::BadRequest,
                       QStringLiteral("email must be at most %1 characters long.").arg(Identity::kMaxEmailLength));
    return std::nullopt;
}

std::optional<IdentityError> checkPassword(const QString& password)
{
    const qsizetype characters = password.toUcs4().size();
    if (characters < Identity::kMinPasswordLength)
        return refusal(
            Code::BadRequest,
            QStringLiteral("password must be at least %1 characters long.").arg(Identity::kMinPasswordLength));
    if (characters > Identity::kMaxPasswordLength)
        return refusal(
            Code::BadRequest,
            QStringLiteral("password must be at most %1 characters long.").arg(Identity::kMaxPasswordLength));
    return std::nullopt;
}

std::optional<IdentityError> checkName(const QString& name)
{
    if (name.isEmpty())
        return refusal(Code::BadRequest, QStringLiteral("name must not be empty."));
    if (name.size() > Identity::kMaxNameLength)
        return refusal(Code::BadRequest,
                       QStringLiteral("name must be at most %1 characters long.").arg(Identity::kMaxNameLength));
    return std::nullopt;
}

QVariant bigint(std::int64_t value)
{
    return QVariant::fromValue<qint64>(value);
}

struct InviteRow {
    std::int64_t id = 0;
    std::int64_t programmeId = 0;
    QString role;
};

Expected<InviteRow, IdentityError> findRedeemableInvite(HubDatabase& db, const QString& code, std::int64_t nowMs)
{
    const std::optional<HubRow> row = db.queryOne(
        QStringLiteral("SELECT id, programme_id, role, expires_ms, redeemed_by FROM invites WHERE code_hash = ?"),
        {sha256Hex(Identity::normalizeInviteCode(code))});
    if (!row)
        return refusal(Code::NotFound, QStringLiteral("No invite has that code; check it against the invitation."));
    if (!row->isNull(4))
        return refusal(Code::Conflict, QStringLiteral("That invite has already been used."));
    if (row->integer(3) <= nowMs)
        return refusal(Code::Conflict,
                       QStringLiteral("That invite has expired; ask the programme's coordinator for a new one."));
    return InviteRow{row->integer(0), row->integer(1), row->text(2)};
}

} // namespace

std::optional<Role> Principal::roleIn(std::int64_t programmeId) const
{
    for (const Membership& membership : memberships) {
        if (membership.programmeId == programmeId)
            return membership.role;
    }
    return std::nullopt;
}

QString Identity::normalizeEmail(const QString& email)
{
    return email.trimmed().toLower();
}

QString Identity::normalizeInviteCode(const QString& code)
{
    QString normalized;
    normalized.reserve(code.size());
    for (const QChar c : code) {
        if (!c.isSpace() && c != QLatin1Char('-'))
            normalized.append(c.toUpper());
    }
    return normalized;
}

Expected<SignedIn, IdentityError> Identity::redeemInvite(const QString& code, const QString& email, const QString& name,
                                                         const QString& password, std::int64_t nowMs)
{
    const QString normalizedEmail = normalizeEmail(email);
    const QString trimmedName = name.trimmed();
    for (const std::optional<IdentityError>& problem :
         {checkEmail(normalizedEmail), checkName(trimmedName), checkPassword(password)}) {
        if (problem)
            return *problem;
    }
    Expected<InviteRow, IdentityError> invite = findRedeemableInvite(db_, code, nowMs);
    if (!invite)
        return invite.error();

    // Argon2 runs here, before the transaction, so it never holds the write lock.
    std::optional<HubRow> existing = db_.queryOne(
        QStringLiteral("SELECT id, display_name, password_hash FROM accounts WHERE email = ?"), {normalizedEmail});
    QString newHash;
    if (existing && !Passwords::verify(existing->text(2), password))
        return refusal(
            Code::Conflict,
            QStringLiteral("An account with that email already exists; use its password to join this programme."));
    if (!existing)
        newHash = Passwords::hash(password);

    try {
        return db_.transaction([&]() -> SignedIn {
            Account account{0, normalizedEmail, trimmedName};
            if (existing) {
                account.id = existing->integer(0);
                account.displayName = existing->text(1);
            } else {
                try {
                    account.id = db_.insert(QStringLiteral("INSERT INTO accounts (email, display_name, password_hash, "
                                                           "created_ms) VALUES (?, ?, ?, ?)"),
                                            {normalizedEmail, trimmedName, newHash, bigint(nowMs)});
                } catch (const HubDbError& error) {
                    if (!error.isUniqueViolation())
                        throw;
                    throw Refused{
                        refusal(Code::Conflict, QStringLiteral("An account with that email already exists."))};
                }
            }
            // Claims the invite only if no concurrent redeem did first.
            const HubQueryResult claimed = db_.exec(
                QStringLiteral(
                    "UPDATE invites SET redeemed_by = ?, redeemed_ms = ? WHERE id = ? AND redeemed_by IS NULL"),
                {bigint(account.id), bigint(nowMs), bigint(invite->id)});
            if (claimed.rowsAffected != 1)
                throw Refused{refusal(Code::Conflict, QStringLiteral("That invite has already been used."))};
            if (db_.queryOne(QStringLiteral("SELECT 1 FROM memberships WHERE account_id = ? AND programme_id = ?"),
                             {bigint(account.id), bigint(invite->programmeId)})) {
                throw Refused{
                    refusal(Code::Conflict, QStringLiteral("This account is already a member of that programme."))};
            }
            // The seq makes the next pull send the whole programme, even
            // when the client's cursor is past its rows.
            const std::int64_t seq = db_.bumpChangeSeq();
            db_.exec(QStringLiteral("INSERT INTO memberships (account_id, programme_id, role, created_ms, seq) "
                                    "VALUES (?, ?, ?, ?, ?)"),
                     {bigint(account.id), bigint(invite->programmeId), invite->role, bigint(nowMs), bigint(seq)});
            const IssuedToken token = Tokens(db_).issue(account.id, nowMs);
            return SignedIn{token.token, token.expiresMs, account};
        });
    } catch (const Refused& refused) {
        return refused.error;
    }
}

Expected<SignedIn, IdentityError> Identity::login(const QString& email, const QString& password, std::int64_t nowMs)
{
    const IdentityError wrong = refusal(Code::Unauthenticated, QStringLiteral("The email or password is wrong."));
    const QString normalizedEmail = normalizeEmail(email);
    if (password.size() > qsizetype{kMaxPasswordLength} * 2) // UTF-16 units; bounds Argon2's input
        return wrong;
    const std::optional<HubRow> account = db_.queryOne(
        QStringLiteral("SELECT id, display_name, password_hash FROM accounts WHERE email = ?"), {normalizedEmail});
    if (!account) {
        Passwords::spendVerification(password);
        return wrong;
    }
    if (!Passwords::verify(account->text(2), password))
        return wrong;
    const std::int64_t accountId = account->integer(0);
    const IssuedToken token = db_.transaction([&] { return Tokens(db_).issue(accountId, nowMs); });
    return SignedIn{token.token, token.expiresMs, Account{accountId, normalizedEmail, account->text(1)}};
}

Expected<std::int64_t, IdentityError> Identity::logout(const QString& tokenHash, std::int64_t nowMs)
{
    const bool revoked = db_.transaction([&] { return Tokens(db_).revoke(tokenHash, nowMs); });
    if (!revoked)
        return refusal(Code::Unauthenticated, QStringLiteral("That token is not signed in."));
    return nowMs;
}

std::optional<Principal> Identity::authenticate(const QString& bearerToken, std::int64_t nowMs)
{
    QString token = bearerToken.trimmed();
    if (token.startsWith(QLatin1String("Bearer "), Qt::CaseInsensitive))
        token = token.mid(7).trimmed();
    if (!Tokens::looksLikeToken(token))
        return std::nullopt;
    const QString tokenHash = sha256Hex(token);
    const std::optional<HubRow> account =
        db_.queryOne(QStringLiteral("SELECT a.id, a.email, a.display_name FROM tokens t "
                                    "JOIN accounts a ON a.id = t.account_id "
                                    "WHERE t.token_hash = ? AND t.revoked_ms IS NULL AND t.expires_ms > ?"),
                     {tokenHash, bigint(nowMs)});
    if (!account)
        return std::nullopt;
    Principal principal;
    principal.accountId = account->integer(0);
    principal.email = account->text(1);
    principal.displayName = account->text(2);
    principal.tokenHash = tokenHash;
    const HubQueryResult rows = db_.exec(QStringLiteral("SELECT m.programme_id, p.name, p.kind, m.role "
                                                        "FROM memberships m JOIN programmes p ON p.id = m.programme_id "
                                                        "WHERE m.account_id = ? ORDER BY m.programme_id"),
                                         {bigint(principal.accountId)});
    for (const HubRow& row : rows.rows) {
        const std::optional<ProgrammeKind> kind = programmeKindFromString(row.text(2));
        const std::optional<Role> role = roleFromString(row.text(3));
        if (!kind || !role) // the schema's CHECKs make this a bug, not input
            throw HubDbError(HubDbErrorCode::Query, QStringLiteral("a membership row names an unknown kind or role"));
        principal.memberships.push_back(Membership{row.integer(0), row.text(1), *kind, *role});
    }
    return principal;
}

} // namespace spoke::hub
