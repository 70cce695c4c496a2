#include "rtc/OveruseDetector.h"

#include <algorithm>
#include <cmath>

namespace spoke::rtc {

namespace {
constexpr std::int64_t kBurstUs = 5'000; // GCC's burst_time
constexpr std::size_t kWindowSize = 20;
constexpr double kSmoothing = 0.9;
constexpr double kTrendGain = 4.0;
constexpr int kMaxDeltaCountForGain = 60;
constexpr double kOveruseTimeMs = 10;
// Threshold adaptation (libwebrtc's k_up/k_down for the trendline scale;
// the draft's K_u/K_d are the same idea for its Kalman filter's scale).
constexpr double kThresholdUp = 0.0087;
constexpr double kThresholdDown = 0.039;
constexpr double kMaxThresholdJumpMs = 15;
constexpr double kMinThresholdMs = 6;
constexpr double kMaxThresholdMs = 600;

std::optional<double> slope(const std::deque<std::pair<double, double>>& points)
{
    double sumX = 0, sumY = 0;
    for (const auto& [x, y] : points) {
        sumX += x;
        sumY += y;
    }
    const double n = static_cast<double>(points.size());
    const double meanX = sumX / n, meanY = sumY / n;
    double num = 0, den = 0;
    for (const auto& [x, y] : points) {
        num += (x - meanX) * (y - meanY);
        den += (x - meanX) * (x - meanX);
    }
    if (den == 0)
        return std::nullopt;
    return num / den;
}
} // namespace

void OveruseDetector::onPacket(std::int64_t sendTimeUs, std::int64_t arrivalTimeUs)
{
    if (!current_) {
        current_ = Group{sendTimeUs, sendTimeUs, arrivalTimeUs};
        return;
    }
    if (sendTimeUs < current_->firstSendUs)
        return; // reordered from an older group: its delta is already counted
    if (sendTimeUs - current_->firstSendUs <= kBurstUs) {
        current_->lastSendUs = std::max(current_->lastSendUs, sendTimeUs);
        current_->lastArrivalUs = std::max(current_->lastArrivalUs, arrivalTimeUs);
        return;
    }
    if (previous_) {
        const double sendDeltaMs = static_cast<double>(current_->lastSendUs - previous_->lastSendUs) / 1000.0;
        const double arrivalDeltaMs = static_cast<double>(current_->lastArrivalUs - previous_->lastArrivalUs) / 1000.0;
        onGroupDelta(arrivalDeltaMs - sendDeltaMs, sendDeltaMs, current_->lastArrivalUs);
    }
    previous_ = current_;
    current_ = Group{sendTimeUs, sendTimeUs, arrivalTimeUs};
}

void OveruseDetector::onGroupDelta(double delayDeltaMs, double sendDeltaMs, std::int64_t arrivalUs)
{
    if (!firstArrivalUs_)
        firstArrivalUs_ = arrivalUs;
    deltaCount_ = std::min(deltaCount_ + 1, 1000);
    accumulatedDelayMs_ += delayDeltaMs;
    smoothedDelayMs_ = kSmoothing * smoothedDelayMs_ + (1 - kSmoothing) * accumulatedDelayMs_;
    window_.emplace_back(static_cast<double>(arrivalUs - *firstArrivalUs_) / 1000.0, smoothedDelayMs_);
    if (window_.size() > kWindowSize)
        window_.pop_front();
    if (window_.size() == kWindowSize)
        if (const auto s = slope(window_))
            trend_ = *s;
    detect(sendDeltaMs, arrivalUs);
}

void OveruseDetector::detect(double sendDeltaMs, std::int64_t arrivalUs)
{
    if (deltaCount_ < 2) {
        state_ = BandwidthUsage::Normal;
        return;
    }
    const double modified = std::min(deltaCount_, kMaxDeltaCountForGain) * trend_ * kTrendGain;
    if (modified > threshold_) {
        overuseTimeMs_ = overuseTimeMs_ < 0 ? sendDeltaMs / 2 : overuseTimeMs_ + sendDeltaMs;
        ++overuseCount_;
        if (overuseTimeMs_ > kOveruseTimeMs && overuseCount_ > 1 && trend_ >= previousTrend_) {
            overuseTimeMs_ = 0;
            overuseCount_ = 0;
            state_ = BandwidthUsage::Overusing;
        }
    } else if (modified < -threshold_) {
        overuseTimeMs_ = -1;
        overuseCount_ = 0;
        state_ = BandwidthUsage::Underusing;
    } else {
        overuseTimeMs_ = -1;
        overuseCount_ = 0;
        state_ = BandwidthUsage::Normal;
    }
    previousTrend_ = trend_;

    // Adapt the threshold towards |modified| (slowly up, faster down), but
    // not on a single spike far above it (a route change, not congestion).
    if (!lastThresholdUpdateUs_)
        lastThresholdUpdateUs_ = arrivalUs;
    if (std::abs(modified) <= threshold_ + kMaxThresholdJumpMs) {
        const double k = std::abs(modified) < threshold_ ? kThresholdDown : kThresholdUp;
        const double dtMs = std::min<double>(static_cast<double>(arrivalUs - *lastThresholdUpdateUs_) / 1000.0, 100);
        threshold_ =
            std::clamp(threshold_ + k * (std::abs(modified) - threshold_) * dtMs, kMinThresholdMs, kMaxThresholdMs);
    }
    lastThresholdUpdateUs_ = arrivalUs;
}

} // namespace spoke::rtc
