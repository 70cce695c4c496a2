#pragma once

#include <cstdint>

namespace spoke::media {

// The one clock that audio and video capture times are read from, so that a
// receiver can line the two up and measure glass-to-glass latency with the
// stamps the test sources carry. It is the engine's steady clock
// (util::steadyNowUs), counted from the first use in this process: that
// keeps the values small enough for the 32-bit millisecond field of the video
// stamp for 49 days of uptime. Thread-safe.
class MediaClock {
public:
    static std::int64_t nowUs();
    static std::int64_t nowMs() { return nowUs() / 1000; }
    // Where this process's media time 0 sits on the steady clock (what a
    // publisher announces, so receivers on this machine can turn stamp times
    // into steady time).
    static std::int64_t epochSteadyUs();
    static std::int64_t epochSteadyMs() { return epochSteadyUs() / 1000; }
};

} // namespace spoke::media
