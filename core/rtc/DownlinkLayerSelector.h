#pragma once

#include "util/ThreadAffinity.h"

#include <array>
#include <cstdint>
#include <optional>

namespace spoke::rtc {

// What one subscriber measured about a remote video over the last interval
// (about a second): bits received, the fraction of packets lost before
// NACK repair, and freezes from the VideoFrameBuffer.
struct DownlinkSample {
    std::int64_t nowMs = 0;
    std::int64_t receivedBps = 0;
    double lossFraction = 0;
    std::int64_t freezes = 0; // new since the previous sample
    // How much later than at the calmest moment seen media now arrives
    // (one-way delay above its minimum), when the receiver can tell: a
    // bottleneck's queue filling shows here before anything is lost.
    std::optional<double> queueDelayMs;
};

// Chooses the simulcast substream (0 = lowest) to ask Janus for with a
// subscriber `configure`, or no video at all (kVideoOff: `"send": false`
// for the video mid, docs/janus.md §"Subscriber REMB"). Janus ignores a
// subscriber's REMB (same section), so this is the only downlink adaptation
// there is.
// Down at once on a freeze, heavy loss (> 10 %) or a standing queue
// (> 200 ms of added delay), or after two intervals of moderate loss
// (> 3 %) with the rate short of the layer's; the rate the link managed
// then is remembered as a ceiling. Up only after a calm spell (8 s, doubled
// after every up-switch that failed within 10 s, up to 64 s) and only if
// the next layer fits under the ceiling, which is forgotten after 30 s so
// a link that got better is eventually tried (that memory doubles with
// each failed try too, up to 5 min: a steady cap costs one probe in
// minutes, not one every 30 s). Layer rates default to the
// BitrateLadder's plan for a 720p source at 2.5 Mbit/s.
// Video off, to keep the audio whole: when a congested link (loss or
// queue) delivers less than the lowest layer plus the audio need, straight
// from any layer; or when the lowest layer stays congested with a full link
// (a standing queue, or less than it and the audio arriving) for two
// intervals. Random loss on a link with room to spare never stops video. Back to the lowest layer like any step up
// (calm spell, the ceiling with headroom), except that the first ceiling is kept a minute: each probe of a link that
// cannot carry video costs its audio a few seconds of loss, so a clinic on a fixed thin link is probed rarely. Owned by
// the thread that runs the subscriber's receive side (asserted).
class DownlinkLayerSelector {
public:
    struct Config {
        std::array<std::int64_t, 3> substreamBitrateBps = defaultSubstreamBitrates();
        int initialSubstream =
            0; // start low: a keyframe of the top layer on a thin link is a 3 s freeze (kVideoOff: none)
        std::int64_t calmBeforeUpMs = 8'000;
        std::int64_t maxCalmBeforeUpMs = 64'000;
        std::int64_t failedProbeWindowMs = 10'000;
        std::int64_t ceilingMemoryMs = 30'000;
        std::int64_t maxCeilingMemoryMs = 300'000;
        double heavyLoss = 0.10;
        double moderateLoss = 0.03;
        double headroom = 1.2; // next layer must fit under the ceiling with this margin
        double queueDelayLimitMs = 200; // a standing queue this deep is congestion too
        // What the feed's audio takes on the wire: Opus at its comfortable
        // 32 kbit/s plus 20 kbit/s of packet headers (rtc::SendRateAllocator).
        std::int64_t audioBps = 32'000 + 20'000;
        bool allowVideoOff = true;
        int congestedAtLowestBeforeOff = 2;
        std::int64_t videoOffCeilingMemoryMs = 60'000;
    };

    static constexpr int kVideoOff = -1;

    static std::array<std::int64_t, 3> defaultSubstreamBitrates();

    DownlinkLayerSelector() : DownlinkLayerSelector(Config{}) { }
    explicit DownlinkLayerSelector(Config config);

    // Returns the substream to request when it changes (kVideoOff: stop
    // receiving the video; from there, 0: receive it again).
    std::optional<int> onSample(const DownlinkSample& sample);
    int substream() const { return substream_; } // kVideoOff while video is off
    bool videoOff() const { return substream_ == kVideoOff; }
    int switches() const { return switches_; }
    std::optional<std::int64_t> ceilingBps() const { return ceilingBps_; }

private:
    bool isCongested(const DownlinkSample& s);
    bool cannotCarryLowest(const DownlinkSample& s) const;
    std::optional<int> stepDown(const DownlinkSample& s, int to);
    std::optional<int> maybeStepUp(const DownlinkSample& s);
    std::int64_t rateOf(int substream) const;

    ThreadAffinity affinity_;
    Config config_;
    int substream_;
    int switches_ = 0;
    int moderateStreak_ = 0;
    int lowestCongestedStreak_ = 0;
    std::optional<std::int64_t> calmSinceMs_;
    std::int64_t calmNeededMs_;
    std::optional<std::int64_t> lastUpMs_;
    std::optional<std::int64_t> ceilingBps_;
    std::int64_t ceilingSetMs_ = 0;
    std::int64_t ceilingMemoryMs_;
};

} // namespace spoke::rtc
