#pragma once

#include <QString>

namespace spoke::hub::Passwords {

// Argon2id hashes in libsodium's self-describing string form
// ("$argon2id$v=19$m=...,t=...,p=1$salt$hash"), so that a later build may
// raise the cost and still verify old hashes.
// Threading: any thread; libsodium is initialised once, thread-safely.

// Throws std::runtime_error only when the machine cannot spare the memory.
QString hash(const QString& password);

// False for a wrong password and for a string that is not a hash.
bool verify(const QString& hash, const QString& password);

// Costs one verification against a fixed hash and returns nothing, so that a
// login for an unknown email takes as long as one with a wrong password.
void spendVerification(const QString& password);

} // namespace spoke::hub::Passwords
