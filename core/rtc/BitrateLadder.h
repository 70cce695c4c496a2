#pragma once

#include <span>
#include <vector>

namespace spoke::rtc {

// The one table that decides what picture a bitrate buys. Below a rung's
// bitrate the encoder cannot hold quality at that size (it hits max-q and
// overshoots: docs/codec-anchors.md §"Bitrate floors"), so the size and
// frame rate drop instead. Heights are fixed; widths follow the source's
// aspect ratio.
struct LadderRung {
    int minBitrateBps;
    int height;
    int fps;
};

struct VideoLayerPlan {
    int width = 0;
    int height = 0;
    int fps = 0;
    int bitrateBps = 0; // 0 = layer paused: not enough bandwidth for it
};

class BitrateLadder {
public:
    static std::span<const LadderRung> rungs();

    // Size and frame rate for one stream at this bitrate, never larger than
    // the source nor faster than `maxFps`.
    static VideoLayerPlan planFor(int bitrateBps, int sourceWidth, int sourceHeight, int maxFps);

    // Up to 3 simulcast layers at full, 1/2 and 1/4 size (lowest first).
    // Bandwidth goes to the lowest layer first (someone on a thin link must
    // still see something), each lower layer up to a share by its pixel
    // rate; the top layer takes what is left. Layers that cannot reach their
    // minimum are paused (bitrateBps 0) and what they leave goes to the
    // highest layer still running. `topRunning`: the top layer runs now and
    // keeps running down to a lower minimum than it starts at, so an estimate
    // wobbling at the threshold does not restart it (a keyframe) every second.
    static std::vector<VideoLayerPlan> simulcast(int totalBitrateBps, int sourceWidth, int sourceHeight, int maxFps,
                                                 int layerCount, bool topRunning = false);
};

} // namespace spoke::rtc
