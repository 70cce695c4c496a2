#pragma once

#include "rtc/OveruseDetector.h"

#include <cstdint>
#include <optional>

namespace spoke::rtc {

// GCC's delay-based rate controller (draft-ietf-rmcat-gcc-02 §5.5): Increase
// while the detector says normal (×1.05 per second, additive once close to
// a capacity seen before), Decrease to 0.85 × the measured received rate on
// overuse, Hold on underuse (the queue is draining; let it). Never more
// than 1.5 × the received rate, so an idle sender does not talk itself into
// a capacity it never tried. A plain value inside the thread-owned
// SendBandwidthEstimator.
class AimdRateControl {
public:
    AimdRateControl(std::int64_t startBps, std::int64_t minBps, std::int64_t maxBps);

    void update(BandwidthUsage usage, std::optional<std::int64_t> receivedBps, std::int64_t nowMs);
    // Feedback stopped (outage): cut once per call, the caller rate-limits.
    void cut(double factor);
    void setRttMs(std::int64_t rttMs) { rttMs_ = rttMs; }
    std::int64_t bitrateBps() const { return bitrateBps_; }

private:
    enum class State { Hold, Increase, Decrease };
    std::int64_t clamp(double bps) const;

    std::int64_t minBps_;
    std::int64_t maxBps_;
    std::int64_t bitrateBps_;
    std::int64_t rttMs_ = 100;
    State state_ = State::Increase;
    std::optional<std::int64_t> lastUpdateMs_;
    std::optional<std::int64_t> lastDecreaseMs_;
    // Received rate at recent decreases (kbit/s): mean and variance, as in
    // libwebrtc's link capacity estimate.
    std::optional<double> capacityKbps_;
    double capacityVariance_ = 0.4;
};

} // namespace spoke::rtc
