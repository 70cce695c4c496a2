#pragma once

#include "bench/Stats.h"

namespace spoke::bench {

struct DeidBenchConfig {
    int iterations = 500;
};

struct DeidBenchResult {
    Summary checkMs;     // DeidGate::check on one full case
    Summary referenceMs; // parsing the same case from JSON and joining its text: a linear pass
    int findingsPerCase = 0;
    int textChars = 0;
};

// Times the de-identification gate on a full, realistic case (every section
// filled, a long narrative, a handful of identifiers), warmed up first.
DeidBenchResult runDeidBench(const DeidBenchConfig& config);

} // namespace spoke::bench
