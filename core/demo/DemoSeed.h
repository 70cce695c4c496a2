#pragma once

#include <cstdint>

namespace spoke::store {
class Cache;
}

namespace spoke::demo {

struct SeedCounts {
    int programmes = 0;
    int sessions = 0;
    int cases = 0;
    int recommendations = 0;
    int chatMessages = 0;
    int recordings = 0;
    bool alreadySeeded = false;
};

// Writes the demo programme into the cache in one transaction, with session
// times relative to `nowMs`. Seeding twice is harmless: the second call finds
// the demo programmes and writes nothing.
SeedCounts seedDemoProgramme(store::Cache& cache, std::int64_t nowMs);

} // namespace spoke::demo
