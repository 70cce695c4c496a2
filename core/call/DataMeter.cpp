#include "call/DataMeter.h"

#include <algorithm>

namespace spoke::call {

void DataMeter::onTotals(std::int64_t nowMs, std::uint64_t sentBytes, std::uint64_t receivedBytes)
{
    if (!samples_.empty()) {
        if (nowMs < samples_.back().nowMs)
            return; // out of order: the newest total stands
        sentBytes = std::max(sentBytes, samples_.back().sentBytes);
        receivedBytes = std::max(receivedBytes, samples_.back().receivedBytes);
    }
    samples_.push_back({nowMs, sentBytes, receivedBytes});
    // Keep one total at least a window old as the rate's base, and none older.
    while (samples_.size() > 2 && samples_[1].nowMs <= nowMs - windowMs_)
        samples_.pop_front();
}

std::int64_t DataMeter::rateBps(std::uint64_t Sample::*field) const
{
    if (samples_.size() < 2)
        return 0;
    const Sample& first = samples_.front();
    const Sample& last = samples_.back();
    const std::int64_t spanMs = last.nowMs - first.nowMs;
    if (spanMs < 1'000)
        return 0; // too short to say anything steady
    return static_cast<std::int64_t>((last.*field - first.*field) * 8 * 1000 / static_cast<std::uint64_t>(spanMs));
}

std::int64_t DataMeter::sendBps() const
{
    return rateBps(&Sample::sentBytes);
}

std::int64_t DataMeter::receiveBps() const
{
    return rateBps(&Sample::receivedBytes);
}

} // namespace spoke::call
