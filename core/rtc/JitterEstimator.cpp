#include "rtc/JitterEstimator.h"

namespace spoke::rtc {

void JitterEstimator::onPacket(std::uint32_t rtpTimestamp, std::int64_t arrivalTimeUs)
{
    // Arrival in timestamp units, truncated to 32 bits like the RTP clock,
    // so the transit difference below stays right across the RTP wrap.
    const auto arrival =
        static_cast<std::uint32_t>(static_cast<std::uint64_t>(arrivalTimeUs) * clockRateHz_ / 1'000'000);
    const auto transit = static_cast<std::int64_t>(static_cast<std::int32_t>(arrival - rtpTimestamp));
    if (lastTransit_) {
        std::int64_t d = transit - *lastTransit_;
        if (d < 0)
            d = -d;
        scaledJitter_ += d - ((scaledJitter_ + 8) >> 4);
    }
    lastTransit_ = transit;
}

} // namespace spoke::rtc
