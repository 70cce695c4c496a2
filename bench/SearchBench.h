#pragma once

#include "bench/Stats.h"

#include <filesystem>
#include <map>
#include <string>

namespace spoke::bench {

struct SearchBenchConfig {
    int sessions = 10'000;
    int cases = 50'000;
    int queries = 200;
    unsigned seed = 42;
    std::filesystem::path workDir; // the generated cache goes here
    // Also time the same queries on a sealed copy of the cache (encryption
    // at rest, store/CacheEncryption.h), interleaved with the plain ones.
    bool compareEncrypted = false;
};

struct SearchBenchResult {
    double buildSeconds = 0;
    std::int64_t fileBytes = 0;
    Summary overallMs; // store::search, as the app runs it
    Summary referenceMs; // bare FTS5 MATCH count(*) for the same queries
    std::map<std::string, Summary> byClassMs;
    // compareEncrypted only: the sealed copy's search times and its size.
    Summary encryptedMs;
    double encryptSeconds = 0; // enabling it: VACUUM INTO the sealed copy, check, rename
};

// Generates a cache of the given size with clinical-sounding text (a Zipf
// vocabulary) and times a mixed set of searches on it.
SearchBenchResult runSearchBench(const SearchBenchConfig& config);

} // namespace spoke::bench
