#pragma once

#include "util/Expected.h"

#include <QByteArray>
#include <QString>

#include <cstdint>
#include <string>

namespace spoke::security {

// scrypt's cost (RFC 7914 §2: N, the CPU/memory cost, a power of two; r, the
// block size; p, the parallelism). Stored with every hash so that a later
// Spoke can raise them: a PIN checked under weaker ones is hashed again with
// the current ones (AppLock::verify).
struct ScryptParams {
    std::uint64_t n = 0;
    std::uint32_t r = 0;
    std::uint32_t p = 0;

    // N = 2^15, r = 8, p = 1: 32 MiB and a fraction of a second on one core
    // (docs/benchmarks.md, "App lock"), in the range RFC 7914 §2 gives for
    // interactive logins and OWASP's floor for scrypt. Each guess at a
    // copied app-lock file costs an attacker the same.
    static ScryptParams current() { return {std::uint64_t{1} << 15, 8, 1}; }
    // Bytes scrypt needs for these (128·N·r, RFC 7914 §5), for OpenSSL's maxmem.
    std::uint64_t memoryBytes() const { return 128 * n * r; }
    // Readable from a file only if N is a power of two ≥ 2 and the memory
    // stays under 256 MiB: a hostile file cannot make the app allocate more.
    bool plausible() const;
    bool weakerThan(const ScryptParams& other) const;
    bool operator==(const ScryptParams&) const = default;
};

// A PIN as the app lock keeps it: scrypt(PIN, salt), never the PIN.
struct PinHash {
    ScryptParams params;
    QByteArray salt; // 16 random bytes
    QByteArray hash; // 32 bytes
};

struct PinHashError {
    std::string detail; // OpenSSL's own words
};

constexpr int kPinSaltBytes = 16;
constexpr int kPinHashBytes = 32;

// Hashes `pin` under a fresh random salt (OpenSSL's RAND_bytes).
Expected<PinHash, PinHashError> hashPin(const QString& pin, ScryptParams params);

// Whether `pin` hashes to `stored.hash` under its salt and parameters. The
// comparison takes the same time wherever the first differing byte is
// (CRYPTO_memcmp), so timing says nothing about how close a guess was.
Expected<bool, PinHashError> pinMatches(const PinHash& stored, const QString& pin);

} // namespace spoke::security
