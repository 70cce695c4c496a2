#pragma once

#include <array>
#include <cstdint>
#include <vector>

namespace spoke::call {

// The few figures a report prints of a distribution.
struct MsSummary {
    std::uint64_t count = 0;
    double min = 0;
    double max = 0;
    double mean = 0;
    double p05 = 0;
    double p50 = 0;
    double p95 = 0;
    double p99 = 0;
};

// A whole call's worth of one millisecond figure (a latency, a skew) in a
// fixed 12 KB, however long the call: 1 ms buckets within a second of zero,
// 10 ms buckets out to -2 s and +10 s, and everything beyond counted in the
// end buckets (min and max stay exact). Percentiles are nearest rank, to the
// bucket's lower edge, so they are exact for whole-millisecond figures within
// a second. A plain value, owned by one thread.
class MsDistribution {
public:
    void add(double ms);
    std::uint64_t count() const { return count_; }
    // Nearest rank over everything added; 0 when empty.
    double percentile(double fraction) const;
    MsSummary summary() const;

private:
    static constexpr int kFineFromMs = -1000;
    static constexpr int kFineToMs = 1000; // 1 ms buckets in [-1000, 1000)
    static constexpr int kCoarseMs = 10;
    static constexpr int kLowestMs = -2000; // 10 ms buckets in [-2000, -1000) and [1000, 10000)
    static constexpr int kHighestMs = 10000;
    static constexpr std::size_t kLowBuckets = (kFineFromMs - kLowestMs) / kCoarseMs;
    static constexpr std::size_t kFineBuckets = kFineToMs - kFineFromMs;
    static constexpr std::size_t kHighBuckets = (kHighestMs - kFineToMs) / kCoarseMs;
    static constexpr std::size_t kBuckets = kLowBuckets + kFineBuckets + kHighBuckets;

    static std::size_t bucketOf(double ms);
    static double lowerEdgeMs(std::size_t bucket);

    std::array<std::uint32_t, kBuckets> buckets_{};
    std::uint64_t count_ = 0;
    double sum_ = 0;
    double min_ = 0;
    double max_ = 0;
};

// Percentile by nearest rank on a copy of a list a test or bench collected;
// 0 for an empty list.
double percentile(std::vector<double> values, double fraction);

} // namespace spoke::call
