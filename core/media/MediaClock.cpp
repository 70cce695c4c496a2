#include "media/MediaClock.h"

#include <chrono>

namespace spoke::media {

std::int64_t MediaClock::nowUs()
{
    // Starting at the first use keeps the values small enough for the 32-bit
    // millisecond field of the video stamp for 49 days of uptime.
    static const auto epoch = std::chrono::steady_clock::now();
    return std::chrono::duration_cast<std::chrono::microseconds>(std::chrono::steady_clock::now() - epoch).count();
}

} // namespace spoke::media
