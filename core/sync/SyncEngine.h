#pragma once

#include "sync/OutboxDelivery.h"
#include "sync/Puller.h"

#include <optional>

namespace spoke::store {
class Cache;
}

namespace spoke::sync {

struct PassReport {
    DeliveryReport delivery;
    std::optional<PullReport> pull; // absent when the pull did not run or failed
    SyncError error; // None after a clean pass
    bool reachedHub = false;
    int pending = 0; // outbox entries not yet accepted, after the pass
    int stopped = 0; // of those, refused by the hub
    std::int64_t cursor = 0;
    std::optional<std::int64_t> lastSuccessMs;
};

// One sync pass (docs/hub-api.md "Client rules"): deliver the outbox, then
// pull, so the pull already sees what this laptop just sent. The outcome is
// recorded on the account row (last success, last error) for the outbox
// label. Lives on the thread that owns the Cache and the HubClient.
class SyncEngine {
public:
    SyncEngine(store::Cache& cache, HubClient& client, std::string hubUrl)
        : cache_(cache)
        , client_(client)
        , hubUrl_(std::move(hubUrl))
    {
    }

    // `clock` stamps what the cache records; `ignoreBackoff` when the user asked.
    PassReport runPass(bool ignoreBackoff, std::int64_t (*clock)() = &store::currentTimeMs);

private:
    store::Cache& cache_;
    HubClient& client_;
    std::string hubUrl_;
};

// Counts and times of the outbox and the active account, without a pass.
PassReport currentSyncFigures(store::Cache& cache);

} // namespace spoke::sync
