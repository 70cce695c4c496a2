#include "rtc/BitrateLadder.h"

#include <algorithm>
#include <array>

namespace spoke::rtc {

namespace {

// kbit/s floors from docs/codec-anchors.md §"Bitrate floors": ~150 kbit/s is the
// 180p floor, 300-500 kbit/s buys 360p, >= 1 Mbit/s 720p. Linphone's and
// libwebrtc's ladders have the same shape.
constexpr std::array kRungs{
    LadderRung{0, 180, 7},          LadderRung{90'000, 180, 15},     LadderRung{150'000, 180, 30},
    LadderRung{250'000, 270, 30},   LadderRung{350'000, 360, 30},    LadderRung{700'000, 540, 30},
    LadderRung{1'000'000, 720, 30}, LadderRung{2'200'000, 1080, 30},
};

// A lower simulcast layer's share, by its pixel rate: 0.09 bit per pixel
// is 155 kbit/s at 320x180x30 (just above the 150 kbit/s 180p floor, where
// the stamp and the picture hold) and 39 kbit/s at 160x90, so a 640x360
// source's three layers fit the 512 kbit/s a VideoRoom typically allows.
constexpr double kLowerLayerBitsPerPixel = 0.09;
constexpr int kLowerLayerMinTargetBps = 30'000;
// The top layer runs from this fraction of its rung's floor: a 360p top
// layer at 230 kbit/s is still sharper than the 180p layer below it, and
// pausing it would leave every receiver with the middle layer.
constexpr double kTopLayerFloorFraction = 0.65;
constexpr double kTopLayerKeepFraction = 0.5; // hysteresis: a running top layer stops only below this

int layerTargetBps(const VideoLayerPlan& layer)
{
    const double bps = kLowerLayerBitsPerPixel * layer.width * layer.height * layer.fps;
    return std::max(kLowerLayerMinTargetBps, static_cast<int>(bps));
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
    plan.width =
        plan.height == (sourceHeight & ~1) ? (sourceWidth & ~1) : evenWidth(plan.height, sourceWidth, sourceHeight);
    plan.fps = std::min(chosen->fps, maxFps);
    plan.bitrateBps = bitrateBps;
    return plan;
}

std::vector<VideoLayerPlan> BitrateLadder::simulcast(int totalBitrateBps, int sourceWidth, int sourceHeight, int maxFps,
                                                     int layerCount, bool topRunning)
{
    layerCount = std::clamp(layerCount, 1, 3);
    if (layerCount == 1)
        return {planFor(totalBitrateBps, sourceWidth, sourceHeight, maxFps)};

    std::vector<VideoLayerPlan> layers(static_cast<std::size_t>(layerCount));
    int remaining = totalBitrateBps;
    int highestActive = 0;
    for (int i = 0; i < layerCount; ++i) {
        const int shift = layerCount - 1 - i;
        auto& layer = layers[static_cast<std::size_t>(i)];
        layer.width = (sourceWidth >> shift) & ~1;
        layer.height = (sourceHeight >> shift) & ~1;
        layer.fps = maxFps;
        const bool top = i == layerCount - 1;
        const int floor = minBpsForHeight(layer.height);
        const double topFraction = topRunning ? kTopLayerKeepFraction : kTopLayerFloorFraction;
        const int minimum = i == 0 ? 0 : top ? static_cast<int>(floor * topFraction) : floor;
        const int wanted = top ? remaining : std::min(remaining, layerTargetBps(layer));
        if (remaining <= 0 || wanted < minimum) {
            layer.bitrateBps = 0;
            continue;
        }
        layer.bitrateBps = wanted;
        remaining -= wanted;
        highestActive = i;
    }
    // What a paused top layer could not use sharpens the highest one running,
    // up to 30 % over its share: beyond that its receivers would need a link
    // as wide as the next layer's without getting its picture.
    auto& highest = layers[static_cast<std::size_t>(highestActive)];
    const int room = highestActive == layerCount - 1 ? remaining : layerTargetBps(highest) * 3 / 10;
    highest.bitrateBps += std::clamp(remaining, 0, std::max(0, room));
    // The lowest layer always runs; on a very thin link it also drops its
    // frame rate like a single stream would, judged per pixel so a layer
    // smaller than 180p at its full share keeps the source's frame rate.
    auto& lowest = layers.front();
    const double pixelsOf180p = 320.0 * 180.0;
    const double area = static_cast<double>(lowest.width) * lowest.height;
    const int equivalentBps =
        area < pixelsOf180p ? static_cast<int>(lowest.bitrateBps * pixelsOf180p / area) : lowest.bitrateBps;
    lowest.fps = std::min(maxFps, planFor(equivalentBps, sourceWidth, sourceHeight, maxFps).fps);
    return layers;
}

} // namespace spoke::rtc
