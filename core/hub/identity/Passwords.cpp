#include "hub/identity/Passwords.h"

#include <sodium.h>

#include <QByteArray>

#include <stdexcept>

namespace spoke::hub::Passwords {
namespace {

void initialiseSodium()
{
    // A function-local static runs sodium_init() exactly once, thread-safely;
    // it fails only when the system has no random source.
    static const int result = sodium_init();
    if (result < 0)
        throw std::runtime_error("libsodium could not initialise (no system random source)");
}

// libsodium's INTERACTIVE limits: 2 passes over 64 MiB, measured at 200-290 ms
// per hash or verify on this project's two-core build machine while it was
// also compiling (about half that idle). Slow enough that a stolen database
// costs an attacker that much per guess per core; fast enough that a room of
// clinicians signing in as a session starts does not queue for long. Memory,
// not CPU, is the binding limit: MODERATE (256 MiB) would let four concurrent
// logins exhaust a small VM. The hash string records the costs, so raising
// them later still verifies old hashes.
constexpr unsigned long long kOpsLimit = crypto_pwhash_OPSLIMIT_INTERACTIVE;
constexpr size_t kMemLimit = crypto_pwhash_MEMLIMIT_INTERACTIVE;

} // namespace

QString hash(const QString& password)
{
    initialiseSodium();
    const QByteArray utf8 = password.toUtf8();
    char out[crypto_pwhash_STRBYTES];
    if (crypto_pwhash_str_alg(out, utf8.constData(), static_cast<unsigned long long>(utf8.size()), kOpsLimit, kMemLimit,
                              crypto_pwhash_ALG_ARGON2ID13)
        != 0)
        throw std::runtime_error("out of memory while hashing a password");
    return QString::fromLatin1(out);
}

bool verify(const QString& hash, const QString& password)
{
    initialiseSodium();
    const QByteArray stored = hash.toLatin1();
    if (stored.isEmpty() || stored.size() >= crypto_pwhash_STRBYTES)
        return false;
    const QByteArray utf8 = password.toUtf8();
    return crypto_pwhash_str_verify(stored.constData(), utf8.constData(), static_cast<unsigned long long>(utf8.size()))
           == 0;
}

void spendVerification(const QString& password)
{
    // Hashed once per process with the same costs as real accounts, so the
    // verification below takes as long as a real one.
    static const QString decoy = hash(QStringLiteral("spoke-hub timing decoy"));
    (void)verify(decoy, password);
}

} // namespace spoke::hub::Passwords
