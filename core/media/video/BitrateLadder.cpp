#include "media/video/BitrateLadder.h"

#include <algorithm>
#include <array>

namespace spoke::media {

namespace {

// kbit/s floors from notes/perf-anchors.md (§1a', §4a): ~150 kbit/s is the
// 180p floor, 300-500 kbit/s buys 360p, >= 1 Mbit/s 720p. Linphone's and
// libwebrtc's ladders have the same shape.
constexpr std::array kRungs{
    LadderRung{0, 180, 7},
    LadderRung{90'000, 180, 15},
    LadderRung{150'000, 180, 30},
    LadderRung{250'000, 270, 30},
    LadderRung{350'000, 360, 30},
    LadderRung{700'000, 540, 30},
    LadderRung{1'000'000, 720, 30},
    LadderRung{2'200'000, 1080, 30},
};

// A rung's own share when it is a lower simulcast layer: the middle of its
// range, so the layer looks decent rather than bare.
int layerTargetBps(int height)
{
    for (std::size_t i = 0; i < kRungs.size(); ++i) {
        if (kRungs[i].height >= height && kRungs[i].fps >= 30) {
            const int next = i + 1 < kRungs.size() ? kRungs[i + 1].minBitrateBps : kRungs[i].minBitrateBps * 2;
            return (kRungs[i].minBitrateBps + next) / 2;
        }
    }
    return kRungs.back().minBitrateBps;
}

int minBpsForHeight(int height)
{
    for (const auto& rung : kRungs)
        if (rung.height >= height)
            return rung.minBitrateBps;
    return kRungs.back().minBitrateBps;
}

int evenWidth(int height, int sourceWidth, int sourceHeight)
{
    const int w = static_cast<int>(static_cast<long long>(height) * sourceWidth / sourceHeight);
    return std::max(2, w & ~1);
}

} // namespace

std::span<const LadderRung> BitrateLadder::rungs()
{
    return kRungs;
}

VideoLayerPlan BitrateLadder::planFor(int bitrateBps, int sourceWidth, int sourceHeight, int maxFps)
{
    const LadderRung* chosen = &kRungs.front();
    for (const auto& rung : kRungs)
        if (bitrateBps >= rung.minBitrateBps)
            chosen = &rung;
    VideoLayerPlan plan;
    plan.height = std::min(chosen->height, sourceHeight) & ~1;
    plan.width = plan.height == (sourceHeight & ~1) ? (sourceWidth & ~1) : evenWidth(plan.height, sourceWidth, sourceHeight);
    plan.fps = std::min(chosen->fps, maxFps);
    plan.bitrateBps = bitrateBps;
    return plan;
}

std::vector<VideoLayerPlan> BitrateLadder::simulcast(int totalBitrateBps, int sourceWidth, int sourceHeight, int maxFps,
                                                     int layerCount)
{
    layerCount = std::clamp(layerCount, 1, 3);
    if (layerCount == 1)
        return {planFor(totalBitrateBps, sourceWidth, sourceHeight, maxFps)};

    std::vector<VideoLayerPlan> layers(static_cast<std::size_t>(layerCount));
    int remaining = totalBitrateBps;
    for (int i = 0; i < layerCount; ++i) {
        const int shift = layerCount - 1 - i;
        auto& layer = layers[static_cast<std::size_t>(i)];
        layer.width = (sourceWidth >> shift) & ~1;
        layer.height = (sourceHeight >> shift) & ~1;
        layer.fps = maxFps;
        const bool top = i == layerCount - 1;
        const int minimum = i == 0 ? 0 : minBpsForHeight(layer.height);
        const int wanted = top ? remaining : std::min(remaining, layerTargetBps(layer.height));
        if (remaining <= 0 || wanted < minimum) {
            layer.bitrateBps = 0;
            continue;
        }
        layer.bitrateBps = wanted;
        remaining -= wanted;
    }
    // The lowest layer always runs; on a very thin link it also drops its
    // frame rate like a single stream would.
    auto& lowest = layers.front();
    lowest.fps = std::min(maxFps, planFor(lowest.bitrateBps, sourceWidth, sourceHeight, maxFps).fps);
    return layers;
}

} // namespace spoke::media
