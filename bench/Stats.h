#pragma once

#include <vector>

namespace spoke::bench {

struct Summary {
    double median = 0;
    double p95 = 0;
    double max = 0;
    double mean = 0;
    int count = 0;
};

// Nearest-rank percentiles over a copy of the samples.
Summary summarize(std::vector<double> samples);

} // namespace spoke::bench
