#pragma once

#include "security/KeyStore.h"

#include <optional>

namespace spoke::security {

// The secrets of one install (one data dir), read once per process and then
// held in memory for every thread.
//
// The override key keys the HMAC that the local de-identification override
// log stores instead of the flagged text (cases::CaseWorkflow): with a key
// the cache does not hold, a stolen cache cannot be tested against a list
// of likely names or numbers. Before load() (tests, tools that never read
// the log) the process uses a random key of its own: overrides are then not
// recognised in a later process, so findings reopen; nothing leaks.
class InstallSecrets {
public:
    static inline const QString kOverrideKeyName = QStringLiteral("deid-override-hmac");

    // Reads the override key from `keyring`, else from `fallback` (may be
    // null), making and storing one where none is kept: in the keyring when
    // it answers, else in the fallback. Call once at start-up on the main
    // thread, before any cache work (the keyring answers on the main thread
    // only). Returns the store that holds the key, or why none does.
    static Expected<KeyStore*, KeyStoreError> load(KeyStore& keyring, KeyStore* fallback);

    // Uses `key` from now on (tests).
    static void use(QByteArray key);

    static QByteArray overrideKey();

    // The key that seals this profile's cache when encryption at rest is on
    // (docs/architecture.md, "Encryption at rest"; store::CacheEncryption).
    // Kept in the OS keyring only, never in a file beside the cache: read at
    // start-up by loadInstallSecrets when the keyring holds one, else
    // nullopt, and the cache then stays plain (or, if sealed, says it cannot
    // be opened without its key).
    static inline const QString kCacheKeyName = QStringLiteral("cache-key");
    static void useCacheKey(std::optional<QByteArray> key);
    static std::optional<QByteArray> cacheKey();
};

} // namespace spoke::security
