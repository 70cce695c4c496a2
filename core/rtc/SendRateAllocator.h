#pragma once

#include "rtc/BitrateLadder.h"
#include "util/ThreadAffinity.h"

#include <cstdint>
#include <vector>

namespace spoke::rtc {

// How one publisher's estimate is spent. Audio first: a clinician who can
// be heard but not seen can still present a case; the reverse is useless.
struct SendAllocation {
    int audioBitrateBps = 0; // Opus payload rate
    int videoBitrateBps = 0; // all simulcast layers together; 0 = video paused
    bool videoPaused = false;
    std::vector<rtc::VideoLayerPlan> layers; // lowest first, from rtc::BitrateLadder
};

// Splits the bandwidth estimate between Opus and the VP8 simulcast layers.
// Audio takes 32 kbit/s (fullband speech, RFC 7587 §3.1.1) when the
// estimate is comfortable, 24 then 16 kbit/s (wideband floor) as it
// shrinks, plus its IP/UDP/RTP/SRTP headers (20 kbit/s at 50 packets/s).
// Video gets what is left minus its own header share; below 30 kbit/s (the
// libwebrtc floor, 180p at 7 fps on the ladder) it pauses, and resumes only
// at 30 kbit/s + max(10 %, 20 kbit/s) so a wobbling estimate does not
// toggle it (libwebrtc's call/bitrate_allocator.cc rule, see
// docs/codec-anchors.md §"Allocator pause rule").
// Layer sizes and rates come from the one ladder table (rtc::BitrateLadder).
// Owned by the network thread that runs the estimator (asserted).
class SendRateAllocator {
public:
    struct Config {
        int sourceWidth = 1280;
        int sourceHeight = 720;
        int maxFps = 30;
        int layerCount = 3;
        bool audio = true; // false: a video-only sender (a screen share) spends nothing on Opus
    };
    static constexpr int kAudioHeaderBps = 20'000; // 50 × (20 IP + 8 UDP + 12 RTP + 10 SRTP tag) bytes × 8
    static constexpr double kVideoHeaderShare = 0.05; // ~60 header bytes per ~1200-byte packet
    static constexpr int kVideoPauseBelowBps = 30'000;
    static constexpr int kVideoResumeAtBps = kVideoPauseBelowBps + 20'000; // max(10 %, 20 kbit/s)

    SendRateAllocator() : SendRateAllocator(Config{}) { }
    explicit SendRateAllocator(Config config) : config_(config) { }

    SendAllocation allocate(std::int64_t estimateBps);
    bool videoPaused() const { return videoPaused_; }

    static int audioBitrateFor(std::int64_t estimateBps);

private:
    ThreadAffinity affinity_;
    Config config_;
    bool videoPaused_ = false;
};

} // namespace spoke::rtc
