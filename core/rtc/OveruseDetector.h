#pragma once

#include <cstdint>
#include <deque>
#include <optional>

namespace spoke::rtc {

enum class BandwidthUsage { Normal, Overusing, Underusing };

// The delay-based signal of GCC (draft-ietf-rmcat-gcc-02 §5): packets are
// grouped into bursts sent within 5 ms; between consecutive groups the
// change in one-way delay (inter-arrival minus inter-departure) is summed,
// smoothed, and a least-squares slope over the last 20 groups says whether
// the bottleneck queue is growing. That trend, scaled as libwebrtc's
// TrendlineEstimator does, is compared with a threshold that adapts to it
// (starting at 12.5 ms), so the detector neither starves against
// loss-based TCP flows nor sleeps through a filling queue. A plain value
// inside the thread-owned SendBandwidthEstimator.
class OveruseDetector {
public:
    // One acknowledged packet, on the sender's and the receiver's clocks.
    void onPacket(std::int64_t sendTimeUs, std::int64_t arrivalTimeUs);
    BandwidthUsage state() const { return state_; }
    double trendMs() const { return trend_; }
    double thresholdMs() const { return threshold_; }

private:
    struct Group {
        std::int64_t firstSendUs = 0;
        std::int64_t lastSendUs = 0;
        std::int64_t lastArrivalUs = 0;
    };
    void onGroupDelta(double delayDeltaMs, double sendDeltaMs, std::int64_t arrivalUs);
    void detect(double sendDeltaMs, std::int64_t arrivalUs);

    std::optional<Group> current_;
    std::optional<Group> previous_;
    std::optional<std::int64_t> firstArrivalUs_;
    double accumulatedDelayMs_ = 0;
    double smoothedDelayMs_ = 0;
    std::deque<std::pair<double, double>> window_; // (arrival ms since first, smoothed delay ms)
    int deltaCount_ = 0;
    double trend_ = 0;
    double previousTrend_ = 0;
    double threshold_ = 12.5;
    std::optional<std::int64_t> lastThresholdUpdateUs_;
    double overuseTimeMs_ = -1;
    int overuseCount_ = 0;
    BandwidthUsage state_ = BandwidthUsage::Normal;
};

} // namespace spoke::rtc
