#pragma once

#include <cstdint>
#include <span>

namespace spoke::media {

// Loudness of a stretch of audio in dB relative to full scale: 0 dBFS is
// the loudest a 16-bit sample can be, a full-scale sine has an RMS of about
// -3 dBFS, and silence reads as kFloorDbfs rather than minus infinity.
struct AudioLevel {
    static constexpr double kFloorDbfs = -96.0; // one 16-bit step
    double rmsDbfs = kFloorDbfs;
    double peakDbfs = kFloorDbfs;
};

// Sums samples until take() reports their level and starts over: a meter
// adds every 20 ms frame and takes a reading at its display rate. A plain
// value: whoever holds it owns it.
class AudioLevelMeter {
public:
    void add(std::span<const std::int16_t> samples);
    // The level of everything added since the last take(); the floor if
    // nothing was.
    AudioLevel take();
    std::int64_t pendingSamples() const { return count_; }

    static AudioLevel measure(std::span<const std::int16_t> samples);

private:
    double sumSquares_ = 0;
    std::int32_t peak_ = 0;
    std::int64_t count_ = 0;
};

} // namespace spoke::media
