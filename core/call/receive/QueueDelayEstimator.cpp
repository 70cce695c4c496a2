#include "call/receive/QueueDelayEstimator.h"

namespace spoke::call::receive {

void QueueDelayEstimator::onFrame(std::uint32_t rtpTimestamp, std::int64_t arrivalUs)
{
    // Frames come out of order after a retransmission: a signed 32-bit step
    // unwraps both ways.
    if (lastTimestamp_)
        unwrappedTimestamp_ += static_cast<std::int32_t>(rtpTimestamp - *lastTimestamp_);
    lastTimestamp_ = rtpTimestamp;
    const std::int64_t arrivalMs = arrivalUs / 1000;
    const double delayMs =
        static_cast<double>(arrivalUs) / 1000.0 - static_cast<double>(unwrappedTimestamp_) * 1000.0 / kVideoClockHz;

    // A monotonic deque: an entry with a larger delay than a newer one can
    // never be the minimum again.
    while (!window_.empty() && window_.back().relativeDelayMs >= delayMs)
        window_.pop_back();
    window_.push_back({arrivalMs, delayMs});
    while (window_.front().arrivalMs < arrivalMs - kBaseWindowMs)
        window_.pop_front();

    const double aboveBaseMs = delayMs - window_.front().relativeDelayMs;
    smoothedMs_ = (1 - kSmoothing) * smoothedMs_ + kSmoothing * aboveBaseMs;
}

} // namespace spoke::call::receive
