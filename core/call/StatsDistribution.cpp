#include "call/StatsDistribution.h"

#include <algorithm>
#include <cmath>

namespace spoke::call {

std::size_t MsDistribution::bucketOf(double ms)
{
    const double clamped = std::clamp(ms, double{kLowestMs}, double{kHighestMs} - 1);
    if (clamped < kFineFromMs)
        return static_cast<std::size_t>((clamped - kLowestMs) / kCoarseMs);
    if (clamped < kFineToMs)
        return kLowBuckets + static_cast<std::size_t>(std::floor(clamped) - kFineFromMs);
    return kLowBuckets + kFineBuckets + static_cast<std::size_t>((clamped - kFineToMs) / kCoarseMs);
}

double MsDistribution::lowerEdgeMs(std::size_t bucket)
{
    if (bucket < kLowBuckets)
        return kLowestMs + static_cast<double>(bucket) * kCoarseMs;
    if (bucket < kLowBuckets + kFineBuckets)
        return kFineFromMs + static_cast<double>(bucket - kLowBuckets);
    return kFineToMs + static_cast<double>(bucket - kLowBuckets - kFineBuckets) * kCoarseMs;
}

void MsDistribution::add(double ms)
{
    if (!std::isfinite(ms))
        return;
    ++buckets_[bucketOf(ms)];
    min_ = count_ == 0 ? ms : std::min(min_, ms);
    max_ = count_ == 0 ? ms : std::max(max_, ms);
    sum_ += ms;
    ++count_;
}

double MsDistribution::percentile(double fraction) const
{
    if (count_ == 0)
        return 0.0;
    const auto rank = std::clamp<std::uint64_t>(
        static_cast<std::uint64_t>(std::ceil(fraction * static_cast<double>(count_))), 1, count_);
    std::uint64_t seen = 0;
    for (std::size_t i = 0; i < kBuckets; ++i) {
        seen += buckets_[i];
        if (seen >= rank)
            return std::clamp(lowerEdgeMs(i), min_, max_);
    }
    return max_;
}

MsSummary MsDistribution::summary() const
{
    if (count_ == 0)
        return {};
    return MsSummary{count_,
                     min_,
                     max_,
                     sum_ / static_cast<double>(count_),
                     percentile(0.05),
                     percentile(0.50),
                     percentile(0.95),
                     percentile(0.99)};
}

double percentile(std::vector<double> values, double fraction)
{
    if (values.empty())
        return 0.0;
    std::sort(values.begin(), values.end());
    const auto rank = static_cast<std::size_t>(std::ceil(fraction * static_cast<double>(values.size())));
    return values[std::clamp<std::size_t>(rank, 1, values.size()) - 1];
}

} // namespace spoke::call
