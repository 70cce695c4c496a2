#pragma once

#include "sync/SyncError.h"
#include "util/Expected.h"

#include <QString>

#include <filesystem>
#include <optional>
#include <utility>

namespace spoke::sync {

// Keeps the hub's bearer token: in the OS keyring (QtKeychain, service
// "spoke-hub", key = hub URL + " " + email) when one answers, otherwise in
// `DATA_DIR/hub-token.json`, written 0600 and atomically. A token is stored
// in one place only: writing it to one removes it from the other.
// Keyring jobs run on the application's main thread (QtKeychain is not
// thread-safe) and are waited for with a timeout. Use a TokenStore from one
// thread at a time (the sync thread, or the CLI's main thread); from another
// thread than the main one, the main thread's event loop must be running.
class TokenStore {
public:
    enum class Backend { Keyring, File };

    struct Options {
        std::filesystem::path dataDir;
        // Tests and servers: never ask a keyring (there is no D-Bus session).
        bool fileOnly = false;
        int keyringTimeoutMs = 5000;
    };

    explicit TokenStore(Options options);

    Expected<Backend, SyncError> save(const QString& hubUrl, const QString& email, const QString& token);
    // nullopt when no token is stored for this account.
    std::optional<QString> load(const QString& hubUrl, const QString& email);
    // Removes the token from both places (sign-out).
    void remove(const QString& hubUrl, const QString& email);

    std::filesystem::path fallbackFile() const { return options_.dataDir / "hub-token.json"; }

private:
    enum class KeyringAnswer { Done, NotFound, Unavailable };
    KeyringAnswer keyringWrite(const QString& key, const QString& token);
    KeyringAnswer keyringRead(const QString& key, QString& token);
    void keyringDelete(const QString& key);

    Options options_;
    // The token last saved or found, so the keyring (a D-Bus round trip) is
    // asked once per process rather than on every account refresh. Another
    // process signing out is noticed at the hub's next 401.
    std::optional<std::pair<QString, QString>> remembered_;
};

} // namespace spoke::sync
