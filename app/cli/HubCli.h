#pragma once

// What the hub commands of spoke-cli share: the cache, the token store and
// the account, opened once per command, and how hub errors are printed.

#include "CliContext.h"

#include "sync/HubAccounts.h"
#include "sync/SyncEngine.h"
#include "sync/TokenStore.h"

#include <QJsonObject>

namespace spoke::cli {

// Every hub request of the CLI gives up after this long.
inline constexpr int kHubTimeoutMs = 30'000;

class HubCli {
public:
    explicit HubCli(CliContext& context);

    store::Cache& cache() { return cache_; }
    sync::HubAccounts& accounts() { return accounts_; }

    // One delivery + pull pass with the active account; NotSignedIn without one.
    sync::HubExpected<sync::PassReport> syncPass();

private:
    store::Cache cache_;
    sync::TokenStore tokens_;
    sync::HubAccounts accounts_;
};

QJsonObject toJson(const sync::SyncError& error);
QJsonObject toJson(const sync::HubAccount& account);
QJsonObject toJson(const sync::HubCase& hubCase);
QJsonObject toJson(const sync::PassReport& report);

// Prints `{"error": {...}}` on stdout and the detail on stderr; returns kFailed.
int failWith(const sync::SyncError& error);

// The first line of a password or text file, without its line end; nullopt
// (and a message) when it cannot be read.
std::optional<QString> readSecretFile(const QString& path);
// A whole UTF-8 text file (recommendation text, a question).
std::optional<QString> readTextFile(const QString& path);

} // namespace spoke::cli
