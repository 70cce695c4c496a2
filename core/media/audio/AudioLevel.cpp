#include "media/audio/AudioLevel.h"

#include <algorithm>
#include <cmath>
#include <cstdlib>

namespace spoke::media {

namespace {

double toDbfs(double amplitude)
{
    if (amplitude <= 0)
        return AudioLevel::kFloorDbfs;
    return std::max(AudioLevel::kFloorDbfs, 20.0 * std::log10(amplitude / 32768.0));
}

} // namespace

void AudioLevelMeter::add(std::span<const std::int16_t> samples)
{
    for (const std::int16_t sample : samples) {
        sumSquares_ += static_cast<double>(sample) * sample;
        peak_ = std::max(peak_, std::abs(static_cast<std::int32_t>(sample)));
    }
    count_ += static_cast<std::int64_t>(samples.size());
}

AudioLevel AudioLevelMeter::take()
{
    AudioLevel level;
    if (count_ > 0) {
        level.rmsDbfs = toDbfs(std::sqrt(sumSquares_ / static_cast<double>(count_)));
        level.peakDbfs = toDbfs(peak_);
    }
    *this = AudioLevelMeter{};
    return level;
}

AudioLevel AudioLevelMeter::measure(std::span<const std::int16_t> samples)
{
    AudioLevelMeter meter;
    meter.add(samples);
    return meter.take();
}

} // namespace spoke::media
