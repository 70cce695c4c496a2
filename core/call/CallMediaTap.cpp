#include "call/CallMediaTap.h"

#include <cmath>

namespace spoke::call {

double rmsLevel(const media::AudioFrame& frame)
{
    const auto samples = frame.samples();
    if (samples.empty())
        return 0.0;
    double sum = 0.0;
    for (const std::int16_t s : samples)
        sum += static_cast<double>(s) * s;
    return std::sqrt(sum / static_cast<double>(samples.size())) / 32768.0;
}

} // namespace spoke::call
