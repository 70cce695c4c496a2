#include "rtc/AimdRateControl.h"

#include <algorithm>
#include <cmath>

namespace spoke::rtc {

namespace {
constexpr double kIncreasePerSecond = 1.05; // ETA
constexpr double kDecreaseFactor = 0.85; // ALPHA
constexpr double kPacketBits = 1200 * 8;
} // namespace

AimdRateControl::AimdRateControl(std::int64_t startBps, std::int64_t minBps, std::int64_t maxBps)
    : minBps_(minBps)
    , maxBps_(maxBps)
    , bitrateBps_(std::clamp(startBps, minBps, maxBps))
{
}

std::int64_t AimdRateControl::clamp(double bps) const
{
    return std::clamp(static_cast<std::int64_t>(bps), minBps_, maxBps_);
}

void AimdRateControl::cut(double factor)
{
    bitrateBps_ = clamp(static_cast<double>(bitrateBps_) * factor);
    state_ = State::Hold;
}

void AimdRateControl::update(BandwidthUsage usage, std::optional<std::int64_t> receivedBps, std::int64_t nowMs)
{
    const double dtS = lastUpdateMs_ ? std::min<double>(static_cast<double>(nowMs - *lastUpdateMs_) / 1000.0, 1.0) : 0;
    lastUpdateMs_ = nowMs;

    switch (usage) {
    case BandwidthUsage::Normal:
        if (state_ == State::Hold || state_ == State::Decrease)
            state_ = State::Increase;
        break;
    case BandwidthUsage::Overusing: state_ = State::Decrease; break;
    case BandwidthUsage::Underusing: state_ = State::Hold; break;
    }

    double next = static_cast<double>(bitrateBps_);
    if (state_ == State::Increase) {
        const double currentKbps = next / 1000.0;
        if (capacityKbps_) {
            const double sigma = std::sqrt(capacityVariance_ * *capacityKbps_);
            if (currentKbps > *capacityKbps_ + 3 * sigma)
                capacityKbps_.reset(); // the link got faster: back to searching
        }
        if (capacityKbps_) {
            // Near a capacity seen before: about one packet more per response time.
            const double responseS = static_cast<double>(rttMs_ + 100) / 1000.0;
            next += std::max(1000.0, kPacketBits / responseS) * dtS;
        } else {
            next *= std::pow(kIncreasePerSecond, dtS);
        }
        // Do not climb past what the link has shown it carries (but an
        // increase never turns into a decrease either).
        const double ceiling = receivedBps ? 1.5 * static_cast<double>(*receivedBps) + 10'000 : next;
        if (next > ceiling)
            next = std::max(ceiling, static_cast<double>(bitrateBps_));
    } else if (state_ == State::Decrease) {
        const bool due = !lastDecreaseMs_ || nowMs - *lastDecreaseMs_ >= rttMs_;
        if (due && receivedBps) {
            next = std::min(next, kDecreaseFactor * static_cast<double>(*receivedBps));
            const double kbps = static_cast<double>(*receivedBps) / 1000.0;
            if (capacityKbps_ && std::abs(kbps - *capacityKbps_) > 3 * std::sqrt(capacityVariance_ * *capacityKbps_))
                capacityKbps_.reset(); // a different link now
            const double mean = capacityKbps_ ? 0.95 * *capacityKbps_ + 0.05 * kbps : kbps;
            const double norm = std::max(mean, 1.0);
            capacityVariance_ =
                std::clamp(0.95 * capacityVariance_ + 0.05 * (mean - kbps) * (mean - kbps) / norm, 0.4, 2.5);
            capacityKbps_ = mean;
            lastDecreaseMs_ = nowMs;
        }
        state_ = State::Hold;
    }
    bitrateBps_ = clamp(next);
}

} // namespace spoke::rtc
