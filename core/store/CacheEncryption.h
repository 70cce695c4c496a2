#pragma once

#include "store/Database.h"
#include "store/crypt/CacheKey.h"
#include "util/Expected.h"

#include <cstdint>
#include <filesystem>
#include <functional>
#include <string>

namespace spoke::security {
class KeyStore;
}

namespace spoke::store {

struct EncryptionError {
    enum class Kind {
        NoCache, // there is no cache file yet
        NotACache, // neither a plain nor a sealed SQLite file
        AlreadyEncrypted,
        NotEncrypted,
        WrongKey, // sealed with another key, or the keyring holds none
        InUse, // another connection (the app, a sync) has it open
        NoKeyring, // no OS keyring answers: encryption cannot be turned on
        Keyring, // the keyring answered with an error
        Failed, // the copy, its check or the swap failed; the old file is as it was
    };
    Kind kind = Kind::Failed;
    std::string message; // for the person: CLI stderr, the Settings page
};

enum class EncryptionStage { Copying, Checking, Replacing };
using EncryptionProgress = std::function<void(EncryptionStage)>;

struct EncryptionDone {
    std::int64_t fileBytes = 0;
};

// Turning encryption at rest on and off for one cache file
// (docs/architecture.md, "Encryption at rest"). Both ways are one
// `VACUUM INTO` a new file beside the cache (through the sealing VFS, or out
// of it), a check of the copy (SQLite's quick_check, which reads and so
// authenticates every page, then the same schema version and row counts as
// the original), and a rename over the original only then: any failure
// before the rename leaves the original as it was and removes the copy.
//
// The cache must not be open elsewhere: the original is held with an
// exclusive lock from the first read to the rename (InUse otherwise), so no
// write can land in a file about to be replaced. The app's CacheWorker
// closes its connection first and opens the result after.
class CacheEncryption {
public:
    // From the file's first bytes: a sealed cache (no key needed to tell).
    static bool isEncrypted(const std::filesystem::path& file);
    static bool isSealedWith(const std::filesystem::path& file, const crypt::CacheKey& key);

    static Expected<EncryptionDone, EncryptionError>
    enable(const std::filesystem::path& file, const crypt::CacheKey& key, const EncryptionProgress& progress = {});
    static Expected<EncryptionDone, EncryptionError>
    disable(const std::filesystem::path& file, const crypt::CacheKey& key, const EncryptionProgress& progress = {});

    // The same, with the key kept in `keyring` under
    // security::InstallSecrets::kCacheKeyName: enabling makes the key first
    // and refuses (NoKeyring) when the keyring does not answer, since a key
    // stored beside the cache would protect nothing; disabling removes the
    // key once the cache is plain. Both update the key this process holds
    // (InstallSecrets::useCacheKey), which Cache::open uses. Pass the OS
    // keyring (security::KeyringKeyStore), never a file store.
    static Expected<EncryptionDone, EncryptionError> enableWithKeyring(const std::filesystem::path& file,
                                                                       security::KeyStore& keyring,
                                                                       const EncryptionProgress& progress = {});
    static Expected<EncryptionDone, EncryptionError> disableWithKeyring(const std::filesystem::path& file,
                                                                        security::KeyStore& keyring,
                                                                        const EncryptionProgress& progress = {});

    // A connection to a sealed (or new) file through the sealing VFS, with
    // SQLite's temp files kept in memory (the VFS refuses them) and the page
    // reserve a new file needs. Throws StoreError.
    static Database openSealed(const std::filesystem::path& file, const crypt::CacheKey& key,
                               Database::Access access = Database::Access::ReadWrite);
};

} // namespace spoke::store
