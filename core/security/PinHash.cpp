#include "security/PinHash.h"

#include <openssl/crypto.h>
#include <openssl/err.h>
#include <openssl/evp.h>
#include <openssl/rand.h>

namespace spoke::security {

namespace {

constexpr std::uint64_t kMaxScryptMemoryBytes = std::uint64_t{256} << 20;

std::string takeOpenSslError(const char* what)
{
    const unsigned long code = ERR_get_error();
    ERR_clear_error();
    char text[256] = {};
    if (code != 0)
        ERR_error_string_n(code, text, sizeof text);
    return std::string(what) + (code != 0 ? std::string(": ") + text : std::string());
}

Expected<QByteArray, PinHashError> derive(const QString& pin, const QByteArray& salt, const ScryptParams& params)
{
    if (!params.plausible())
        return PinHashError{"scrypt parameters out of range"};
    const QByteArray secret = pin.toUtf8();
    QByteArray out(kPinHashBytes, '\0');
    // maxmem a little above what N and r need: OpenSSL's default (32 MiB)
    // refuses N = 2^15, r = 8 by a few kilobytes of bookkeeping.
    const int ok =
        EVP_PBE_scrypt(secret.constData(), static_cast<std::size_t>(secret.size()),
                       reinterpret_cast<const unsigned char*>(salt.constData()), static_cast<std::size_t>(salt.size()),
                       params.n, params.r, params.p, params.memoryBytes() + (std::uint64_t{1} << 20),
                       reinterpret_cast<unsigned char*>(out.data()), static_cast<std::size_t>(out.size()));
    if (ok != 1)
        return PinHashError{takeOpenSslError("scrypt failed")};
    return out;
}

} // namespace

bool ScryptParams::plausible() const
{
    const bool powerOfTwo = n >= 2 && (n & (n - 1)) == 0;
    return powerOfTwo && r >= 1 && r <= 64 && p >= 1 && p <= 16 && n <= (std::uint64_t{1} << 24)
           && memoryBytes() <= kMaxScryptMemoryBytes;
}

bool ScryptParams::weakerThan(const ScryptParams& other) const
{
    return memoryBytes() * p < other.memoryBytes() * other.p;
}

Expected<PinHash, PinHashError> hashPin(const QString& pin, ScryptParams params)
{
    PinHash made;
    made.params = params;
    made.salt = QByteArray(kPinSaltBytes, '\0');
    if (RAND_bytes(reinterpret_cast<unsigned char*>(made.salt.data()), kPinSaltBytes) != 1)
        return PinHashError{takeOpenSslError("no random salt")};
    auto hash = derive(pin, made.salt, params);
    if (!hash)
        return hash.error();
    made.hash = *hash;
    return made;
}

Expected<bool, PinHashError> pinMatches(const PinHash& stored, const QString& pin)
{
    if (stored.hash.size() != kPinHashBytes)
        return PinHashError{"the stored hash has the wrong length"};
    auto hash = derive(pin, stored.salt, stored.params);
    if (!hash)
        return hash.error();
    return CRYPTO_memcmp(hash->constData(), stored.hash.constData(), kPinHashBytes) == 0;
}

} // namespace spoke::security
