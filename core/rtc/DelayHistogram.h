#pragma once

#include <cstdint>
#include <vector>

namespace spoke::rtc {

// NetEq's relative-delay histogram (libwebrtc delay_manager.h): buckets of
// `bucketMs`, every new sample first scales all buckets by the forget
// factor (0.983 ≈ the last ~60 packets, 1.2 s of 20 ms audio, carry most
// weight), so a burst of jitter raises the quantile at once and a calm link
// lowers it over a few seconds. A plain value inside the thread-owned
// AudioJitterBuffer.
class DelayHistogram {
public:
    DelayHistogram(int bucketMs, int bucketCount, double forgetFactor);

    void add(double delayMs);
    // Smallest delay with at least `quantile` of the weight at or below it
    // (upper edge of that bucket); 0 before any sample.
    std::int64_t quantileMs(double quantile) const;

private:
    int bucketMs_;
    double forgetFactor_;
    std::vector<double> buckets_;
    double total_ = 0;
};

} // namespace spoke::rtc
