#include "hub/identity/Tokens.h"

#include "hub/db/HubDatabase.h"

#include <sodium.h>

#include <QByteArray>
#include <QCryptographicHash>

#include <array>

namespace spoke::hub {
namespace {

constexpr int kTokenBytes = 32;
constexpr int kTokenChars = 43; // ceil(32 * 8 / 6), base64url without padding

} // namespace

QString sha256Hex(const QString& text)
{
    return QString::fromLatin1(QCryptographicHash::hash(text.toUtf8(), QCryptographicHash::Sha256).toHex());
}

bool Tokens::looksLikeToken(const QString& text)
{
    if (text.size() != kTokenChars)
        return false;
    for (const QChar c : text) {
        const char16_t u = c.unicode();
        const bool ok =
            (u >= u'A' && u <= u'Z') || (u >= u'a' && u <= u'z') || (u >= u'0' && u <= u'9') || u == u'-' || u == u'_';
        if (!ok)
            return false;
    }
    return true;
}

IssuedToken Tokens::issue(std::int64_t accountId, std::int64_t nowMs)
{
    if (sodium_init() < 0)
        throw HubDbError(HubDbErrorCode::Unavailable, QStringLiteral("no system random source for a token"));
    std::array<unsigned char, kTokenBytes> bytes{};
    randombytes_buf(bytes.data(), bytes.size());
    IssuedToken issued;
    issued.token = QString::fromLatin1(QByteArray(reinterpret_cast<const char*>(bytes.data()), kTokenBytes)
                                           .toBase64(QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals));
    sodium_memzero(bytes.data(), bytes.size());
    issued.tokenHash = sha256Hex(issued.token);
    issued.expiresMs = nowMs + kTokenLifetimeMs;
    db_.exec(QStringLiteral("INSERT INTO tokens (token_hash, account_id, created_ms, expires_ms) VALUES (?, ?, ?, ?)"),
             {issued.tokenHash, QVariant::fromValue<qint64>(accountId), QVariant::fromValue<qint64>(nowMs),
              QVariant::fromValue<qint64>(issued.expiresMs)});
    return issued;
}

bool Tokens::revoke(const QString& tokenHash, std::int64_t nowMs)
{
    const HubQueryResult result =
        db_.exec(QStringLiteral("UPDATE tokens SET revoked_ms = ? "
                                "WHERE token_hash = ? AND revoked_ms IS NULL AND expires_ms > ?"),
                 {QVariant::fromValue<qint64>(nowMs), tokenHash, QVariant::fromValue<qint64>(nowMs)});
    return result.rowsAffected > 0;
}

std::optional<std::int64_t> Tokens::authenticate(const QString& token, std::int64_t nowMs)
{
    if (!looksLikeToken(token))
        return std::nullopt;
    const std::optional<HubRow> row =
        db_.queryOne(QStringLiteral("SELECT account_id FROM tokens "
                                    "WHERE token_hash = ? AND revoked_ms IS NULL AND expires_ms > ?"),
                     {sha256Hex(token), QVariant::fromValue<qint64>(nowMs)});
    if (!row)
        return std::nullopt;
    return row->integer(0);
}

} // namespace spoke::hub
