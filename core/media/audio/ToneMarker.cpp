#include "media/audio/ToneMarker.h"

#include <algorithm>
#include <array>
#include <cmath>

namespace spoke::media {

namespace {

constexpr double kRateHz = 48000.0;
// 200 Hz apart and analysed over 10 ms (100 Hz bins): every tone sits on its
// own bin, so the groups do not leak into each other.
constexpr std::array<double, 8> kLowHz{600, 800, 1000, 1200, 1400, 1600, 1800, 2000};
constexpr std::array<double, 8> kHighHz{2400, 2600, 2800, 3000, 3200, 3400, 3600, 3800};
constexpr int kRampSamples = 96; // 2 ms
constexpr int kWindowStart = 240; // analyse the middle 10 ms of a block
constexpr int kWindowSamples = 480;
constexpr double kMinShare = 0.6; // the winning tone's share of its group's energy

double goertzelEnergy(std::span<const std::int16_t> window, double hz)
{
    const double coefficient = 2.0 * std::cos(2.0 * M_PI * hz / kRateHz);
    double s1 = 0;
    double s2 = 0;
    for (const std::int16_t sample : window) {
        const double s0 = sample + coefficient * s1 - s2;
        s2 = s1;
        s1 = s0;
    }
    return s1 * s1 + s2 * s2 - coefficient * s1 * s2;
}

// Index of the dominant tone of a group and its share of the group's energy.
std::pair<int, double> strongest(std::span<const std::int16_t> window, const std::array<double, 8>& group)
{
    double total = 0;
    double best = -1;
    int bestIndex = 0;
    for (std::size_t i = 0; i < group.size(); ++i) {
        const double energy = goertzelEnergy(window, group[i]);
        total += energy;
        if (energy > best) {
            best = energy;
            bestIndex = static_cast<int>(i);
        }
    }
    // A floor keeps silence and dither from decoding as a code: a tone at
    // 1 % of full scale over 480 samples gives ~1.3e10.
    if (best < 1e9)
        return {bestIndex, 0.0};
    return {bestIndex, total > 0 ? best / total : 0.0};
}

} // namespace

void ToneMarker::synthesize(std::int64_t sequence, std::span<std::int16_t> block, double amplitude)
{
    const int code = static_cast<int>(((sequence % kModulus) + kModulus) % kModulus);
    const double low = kLowHz[static_cast<std::size_t>(code & 7)];
    const double high = kHighHz[static_cast<std::size_t>(code >> 3)];
    const int n = static_cast<int>(block.size());
    for (int i = 0; i < n; ++i) {
        double gain = 1.0;
        if (i < kRampSamples)
            gain = 0.5 - 0.5 * std::cos(M_PI * i / kRampSamples);
        else if (i >= n - kRampSamples)
            gain = 0.5 - 0.5 * std::cos(M_PI * (n - 1 - i) / kRampSamples);
        const double t = i / kRateHz;
        const double value =
            amplitude * gain * (std::sin(2 * M_PI * low * t) + std::sin(2 * M_PI * high * t)) * 32767.0;
        block[static_cast<std::size_t>(i)] = static_cast<std::int16_t>(std::clamp(value, -32768.0, 32767.0));
    }
}

std::optional<int> ToneMarker::detect(std::span<const std::int16_t> block)
{
    if (block.size() < static_cast<std::size_t>(kBlockSamples))
        return std::nullopt;
    const auto window = block.subspan(kWindowStart, kWindowSamples);
    const auto [low, lowShare] = strongest(window, kLowHz);
    const auto [high, highShare] = strongest(window, kHighHz);
    if (lowShare < kMinShare || highShare < kMinShare)
        return std::nullopt;
    return low | (high << 3);
}

int ToneMarker::findBlockOffset(std::span<const std::int16_t> samples)
{
    // Checks up to 25 blocks at each candidate offset, 0.5 ms apart: the
    // analysis window tolerates a few ms of misalignment. The blocks checked
    // start where the sound does, so a long silence before it (a speaker that
    // played while the call was still connecting) cannot hide every marker.
    const auto firstSound = static_cast<std::size_t>(
        std::find_if(samples.begin(), samples.end(), [](std::int16_t x) { return x != 0; }) - samples.begin());
    const std::size_t base = firstSound / kBlockSamples * kBlockSamples;
    int bestOffset = 0;
    int bestCount = -1;
    for (int offset = 0; offset < kBlockSamples; offset += 24) {
        int count = 0;
        for (std::size_t start = base + static_cast<std::size_t>(offset), blocks = 0;
             start + kBlockSamples <= samples.size() && blocks < 25; start += kBlockSamples, ++blocks)
            if (detect(samples.subspan(start, kBlockSamples)))
                ++count;
        if (count > bestCount) {
            bestCount = count;
            bestOffset = offset;
        }
    }
    return bestOffset;
}

std::vector<std::optional<int>> ToneMarker::detectAll(std::span<const std::int16_t> samples, int offset)
{
    std::vector<std::optional<int>> codes;
    for (std::size_t start = static_cast<std::size_t>(std::max(offset, 0)); start + kBlockSamples <= samples.size();
         start += kBlockSamples)
        codes.push_back(detect(samples.subspan(start, kBlockSamples)));
    return codes;
}

} // namespace spoke::media
