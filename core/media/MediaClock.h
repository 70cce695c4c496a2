#pragma once

#include <cstdint>

namespace spoke::media {

// The one clock that audio and video capture times are read from, so that a
// receiver can line the two up and measure glass-to-glass latency with the
// stamps the test sources carry. Monotonic (never jumps with wall-clock
// changes), microseconds since the first call in this process. Thread-safe.
class MediaClock {
public:
    static std::int64_t nowUs();
    static std::int64_t nowMs() { return nowUs() / 1000; }
};

} // namespace spoke::media
