#pragma once

#include <cstdint>
#include <optional>

namespace spoke::rtc {

// GCC's loss-based controller (draft-ietf-rmcat-gcc-02 §6), fed by the
// fraction lost in RTCP receiver reports (smoothed over ~2 s, see the .cpp):
// under 2 % the rate grows 5 % a
// second, 2-10 % it holds (random loss on a mobile link is not congestion),
// over 10 % it becomes rate × (1 − 0.5 · loss), at most once per RTT + 300
// ms so that one loss burst reported twice is not punished twice. Growth is
// bounded by 1.5 × the received rate, like the delay-based part. A plain
// value inside the thread-owned SendBandwidthEstimator.
class LossBasedControl {
public:
    LossBasedControl(std::int64_t startBps, std::int64_t minBps, std::int64_t maxBps);

    void onReport(double fractionLost, std::optional<std::int64_t> receivedBps, std::int64_t nowMs);
    void setRttMs(std::int64_t rttMs) { rttMs_ = rttMs; }
    std::int64_t bitrateBps() const { return bitrateBps_; }
    double lastFractionLost() const { return lastFraction_; }
    std::optional<double> smoothedFractionLost() const { return smoothed_; }

private:
    std::int64_t minBps_;
    std::int64_t maxBps_;
    std::int64_t bitrateBps_;
    std::int64_t rttMs_ = 100;
    double lastFraction_ = 0;
    std::optional<double> smoothed_;
    std::optional<std::int64_t> lastReportMs_;
    std::optional<std::int64_t> lastDecreaseMs_;
};

} // namespace spoke::rtc
