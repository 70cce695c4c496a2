#include "rtc/LossBasedControl.h"

#include <algorithm>
#include <cmath>

namespace spoke::rtc {

namespace {
constexpr double kLowLoss = 0.02;
constexpr double kHighLoss = 0.10;
constexpr double kIncreasePerSecond = 1.05;
constexpr double kSmoothingS = 2.0;
} // namespace

LossBasedControl::LossBasedControl(std::int64_t startBps, std::int64_t minBps, std::int64_t maxBps)
    : minBps_(minBps)
    , maxBps_(maxBps)
    , bitrateBps_(std::clamp(startBps, minBps, maxBps))
{
}

void LossBasedControl::onReport(double fractionLost, std::optional<std::int64_t> receivedBps, std::int64_t nowMs)
{
    const double dtS =
        lastReportMs_ ? std::min<double>(static_cast<double>(nowMs - *lastReportMs_) / 1000.0, 1.0) : 1.0;
    lastReportMs_ = nowMs;
    // One RR covers ~1 s: a few dozen packets on a thin link, so 10 % loss
    // reads anywhere from 4 to 16 %. Judge a smoothed value (τ ≈ 2 s)
    // rather than let the noise pick between hold and decrease.
    lastFraction_ = fractionLost;
    const double weight = dtS / (dtS + kSmoothingS);
    smoothed_ = smoothed_ ? *smoothed_ + weight * (fractionLost - *smoothed_) : fractionLost;
    fractionLost = *smoothed_;
    double next = static_cast<double>(bitrateBps_);
    if (fractionLost < kLowLoss) {
        next *= std::pow(kIncreasePerSecond, dtS);
        if (receivedBps)
            next = std::max(std::min(next, 1.5 * static_cast<double>(*receivedBps) + 10'000),
                            static_cast<double>(bitrateBps_));
    } else if (fractionLost > kHighLoss) {
        if (!lastDecreaseMs_ || nowMs - *lastDecreaseMs_ >= rttMs_ + 300) {
            next *= 1 - 0.5 * fractionLost;
            lastDecreaseMs_ = nowMs;
        }
    }
    bitrateBps_ = std::clamp(static_cast<std::int64_t>(next), minBps_, maxBps_);
}

} // namespace spoke::rtc
