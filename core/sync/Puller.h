#pragma once

#include "store/HubStore.h"
#include "sync/HubClient.h"

#include <string>

namespace spoke::store {
class Cache;
}

namespace spoke::sync {

struct PullReport {
    std::int64_t cursor = 0; // after this pull
    int rowsChanged = 0;
    int programmes = 0; // programmes new or changed, so the caller can refresh roles
    std::vector<std::int64_t> casesWithNewRecommendations; // local case ids
};

// Brings what changed on the hub since the cache's cursor (`GET /sync`,
// docs/hub-api.md) and applies it with HubStore::applyPull, which saves the
// new cursor in the same transaction as the rows: a crash after the answer
// arrived just pulls the same rows again.
// Lives on the thread that owns the Cache and the HubClient.
class Puller {
public:
    Puller(store::Cache& cache, HubClient& client, std::string hubUrl)
        : cache_(cache)
        , client_(client)
        , hubUrl_(std::move(hubUrl))
    {
    }

    HubExpected<PullReport> pull(std::int64_t nowMs);

private:
    store::Cache& cache_;
    HubClient& client_;
    std::string hubUrl_;
};

} // namespace spoke::sync
