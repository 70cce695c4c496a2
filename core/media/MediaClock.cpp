#include "media/MediaClock.h"

#include "util/Clock.h"

namespace spoke::media {

std::int64_t MediaClock::epochSteadyUs()
{
    static const std::int64_t epochUs = util::steadyNowUs();
    return epochUs;
}

std::int64_t MediaClock::nowUs()
{
    const std::int64_t epochUs = epochSteadyUs(); // first, so the first reading is 0, not negative
    return util::steadyNowUs() - epochUs;
}

} // namespace spoke::media
