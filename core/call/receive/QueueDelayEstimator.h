#pragma once

#include <cstdint>
#include <deque>
#include <optional>

namespace spoke::call::receive {

// Queueing delay on the path from one video stream's RTP timestamps and
// arrival times, so it works with any camera (no stamp in the picture): the
// relative one-way delay of each frame, its first packet's arrival minus
// its RTP time, is constant on a clean link whatever the two clocks' offset,
// and grows by exactly what waits in a queue. Its minimum over the last
// kBaseWindowMs is the uncongested path; the figure is each frame's delay
// above that, smoothed. This is the delay-based half of Google congestion
// control (draft-ietf-rmcat-gcc-02 section 5.3, inter-group delay
// variation) reduced to a level instead of a trend: the layer choice asks
// "is a queue standing", not "is it growing".
//
// The window bounds two errors: a queue standing longer than it reads as
// the path (the layer choice acts well within it), and a step in the
// sender's timestamps (a re-subscription, Janus switching substreams) reads
// as queueing until it has slid past.
//
// Clock-free (arrival times are passed in); a plain value owned by one thread.
class QueueDelayEstimator {
public:
    static constexpr std::int64_t kBaseWindowMs = 10'000;
    static constexpr double kSmoothing = 0.1; // per frame: a few frames' worth
    static constexpr std::uint32_t kVideoClockHz = 90'000;

    // A frame's RTP timestamp and its first packet's arrival.
    void onFrame(std::uint32_t rtpTimestamp, std::int64_t arrivalUs);
    double queueDelayMs() const { return smoothedMs_; }
    bool hasEstimate() const { return !window_.empty(); }
    // Entries held for the window's minimum (bounded: a monotonic deque).
    std::size_t heldEntries() const { return window_.size(); }

private:
    struct Entry {
        std::int64_t arrivalMs;
        double relativeDelayMs;
    };

    std::optional<std::uint32_t> lastTimestamp_;
    std::int64_t unwrappedTimestamp_ = 0;
    std::deque<Entry> window_; // rising delays: the front is the window's minimum
    double smoothedMs_ = 0;
};

} // namespace spoke::call::receive
