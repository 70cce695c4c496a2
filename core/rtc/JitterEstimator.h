#pragma once

#include <cstdint>
#include <optional>

namespace spoke::rtc {

// RFC 3550 6.4.1 / A.8 interarrival jitter: a running estimate (gain 1/16)
// of the variation in transit time, in RTP timestamp units. A plain value
// with no thread checks of its own: it lives inside a thread-owned owner
// (StreamStatistics) and is only touched through it.
class JitterEstimator {
public:
    explicit JitterEstimator(std::uint32_t clockRateHz) : clockRateHz_(clockRateHz) { }

    void onPacket(std::uint32_t rtpTimestamp, std::int64_t arrivalTimeUs);
    std::uint32_t jitter() const { return static_cast<std::uint32_t>(scaledJitter_ >> 4); }
    std::uint32_t clockRateHz() const { return clockRateHz_; }

private:
    std::uint32_t clockRateHz_;
    std::optional<std::int64_t> lastTransit_;
    std::int64_t scaledJitter_ = 0; // jitter * 16, as in A.8, to keep precision in integers
};

} // namespace spoke::rtc
