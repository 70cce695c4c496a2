#include "bench/Stats.h"

#include <algorithm>
#include <cmath>
#include <numeric>

namespace spoke::bench {

Summary summarize(std::vector<double> samples)
{
    Summary s;
    if (samples.empty())
        return s;
    std::sort(samples.begin(), samples.end());
    const auto rank = [&](double p) {
        const auto index = static_cast<std::size_t>(std::ceil(p * static_cast<double>(samples.size()))) - 1;
        return samples[std::min(index, samples.size() - 1)];
    };
    s.count = static_cast<int>(samples.size());
    s.median = rank(0.5);
    s.p95 = rank(0.95);
    s.max = samples.back();
    s.mean = std::accumulate(samples.begin(), samples.end(), 0.0) / static_cast<double>(samples.size());
    return s;
}

} // namespace spoke::bench
