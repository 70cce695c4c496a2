#pragma once

#include <cstdint>
#include <deque>

namespace spoke::call {

// What a call has cost on the wire: the bytes sent and received so far,
// and the rate over the last few seconds (a clinic on a metered link reads
// "MB used this session" and "kbit/s now" from it). Clock-free: the owner
// hands it running totals with the time they were read, as often as it
// likes; totals only grow (a total read lower than before is taken as
// unchanged). The rate is the change from the newest total at least
// `windowMs` old (or the oldest kept) to the newest.
// Not thread-safe: one owner (CallSession, on its signalling thread).
class DataMeter {
public:
    explicit DataMeter(std::int64_t windowMs = 5'000) : windowMs_(windowMs) { }

    void onTotals(std::int64_t nowMs, std::uint64_t sentBytes, std::uint64_t receivedBytes);

    std::uint64_t bytesSent() const { return samples_.empty() ? 0 : samples_.back().sentBytes; }
    std::uint64_t bytesReceived() const { return samples_.empty() ? 0 : samples_.back().receivedBytes; }
    // Over the window; 0 until two totals at least 1 s apart are known.
    std::int64_t sendBps() const;
    std::int64_t receiveBps() const;

private:
    struct Sample {
        std::int64_t nowMs = 0;
        std::uint64_t sentBytes = 0;
        std::uint64_t receivedBytes = 0;
    };
    std::int64_t rateBps(std::uint64_t Sample::*field) const;

    std::int64_t windowMs_;
    std::deque<Sample> samples_;
};

} // namespace spoke::call
