#include "rtc/DelayHistogram.h"

#include <algorithm>
#include <cmath>

namespace spoke::rtc {

DelayHistogram::DelayHistogram(int bucketMs, int bucketCount, double forgetFactor)
    : bucketMs_(bucketMs)
    , forgetFactor_(forgetFactor)
    , buckets_(static_cast<std::size_t>(bucketCount), 0.0)
{
}

void DelayHistogram::add(double delayMs)
{
    for (double& b : buckets_)
        b *= forgetFactor_;
    total_ *= forgetFactor_;
    const auto last = static_cast<double>(buckets_.size() - 1);
    const auto index = static_cast<std::size_t>(std::clamp(std::floor(delayMs / bucketMs_), 0.0, last));
    buckets_[index] += 1.0;
    total_ += 1.0;
}

std::int64_t DelayHistogram::quantileMs(double quantile) const
{
    if (total_ <= 0)
        return 0;
    const double wanted = quantile * total_;
    double sum = 0;
    for (std::size_t i = 0; i < buckets_.size(); ++i) {
        sum += buckets_[i];
        if (sum >= wanted - 1e-9)
            return static_cast<std::int64_t>(i + 1) * bucketMs_;
    }
    return static_cast<std::int64_t>(buckets_.size()) * bucketMs_;
}

} // namespace spoke::rtc
