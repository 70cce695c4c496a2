#pragma once

#include "rtc/BitrateLadder.h"
#include "rtc/SendBandwidthEstimator.h"
#include "rtc/SendRateAllocator.h"
#include "rtc/TransportFeedback.h"

#include <cstdint>
#include <optional>
#include <vector>

namespace spoke::call::send {

// The publisher's rate: Janus' transport-cc feedback (delay) and RR loss
// drive rtc::SendBandwidthEstimator (GCC, draft-ietf-rmcat-gcc-02), capped
// by the REMB Janus sends (the room's cap, janus_videoroom.c's
// `bitrate`); rtc::SendRateAllocator spends the estimate on Opus first,
// then the simulcast layers lowest first, pausing what does not fit. The
// encoder's share is further scaled by its measured overshoot
// (nextEncoderScale), and video is paced at 1.5x its share (VideoPacer).
//
// Clock-free: update() takes `nowMs` and says what to apply, and
// nextUpdateMs() when to call it again (every 100 ms, the estimator's timer,
// SendBandwidthEstimator::process). Owned by the publisher's send queue
// (its rtc parts assert their thread).
class RateController {
public:
    static constexpr int kAudioMaxBitrateBps = 32'000; // fullband speech, RFC 7587 §3.1.1
    static constexpr std::int64_t kUpdateIntervalMs = 100;
    static constexpr std::int64_t kOvershootWindowMs = 1000;
    static constexpr std::int64_t kMinPacingBps = 100'000; // a keyframe still drains while the estimate is low

    struct Config {
        int width = 640;
        int height = 360;
        int fps = 30;
        int layerCount = 1;
        int maxVideoBitrateBps = 800'000;
        // A screen share: no Opus to budget for, and no overshoot
        // correction, since its keyframes (a page of text, 30-50 KB) are
        // most of a second's bytes by nature, not an encoder overshooting,
        // and libvpx's own buffer model already pays them back by dropping
        // pictures (media::screenContentProfile).
        bool audio = true;
        bool correctOvershoot = true;
    };
    // What update() decided: apply the optional parts to the encoders (they
    // are set only when they changed enough to be worth a re-plan), the
    // pacing rate to the pacer.
    struct Decision {
        std::optional<int> encoderBps;
        std::optional<int> audioBps;
        std::int64_t pacingBps = 0;
    };
    // The state after the last update(), for the stats and the RTP sender.
    struct State {
        std::int64_t estimateBps = 0;
        int targetVideoBps = 0; // what the encoder is asked for (0 while paused)
        int audioBps = 0;
        bool videoPaused = false;
        std::vector<int> layerBitrateBps; // the plan, lowest first (0 = layer stopped)
        std::vector<int> activeLayers; // the plan's running layers (none while paused)
        std::vector<int> runningLayers; // what the encoder runs: frames of other layers are discarded
        double encoderScale = 1.0;
    };

    explicit RateController(Config config);

    void onPacketSent(std::uint16_t transportSequence, std::size_t wireBytes, std::int64_t sendTimeUs);
    void onTransportFeedback(const rtc::TransportFeedback& feedback, std::int64_t nowMs);
    void onReceiverReport(std::uint8_t fractionLost, std::int64_t nowMs);
    void onRemb(std::int64_t bitrateBps);
    void setRttMs(std::int64_t rttMs);

    // Runs the estimator's timer and re-allocates. `videoWireBytes`: every
    // video byte handed to the transport so far, with its overheads (the
    // RTP sender's counter): once a second it sets the overshoot scale.
    Decision update(std::int64_t nowMs, std::uint64_t videoWireBytes);
    std::int64_t nextUpdateMs() const { return lastUpdateMs_ ? *lastUpdateMs_ + kUpdateIntervalMs : 0; }

    const State& state() const { return state_; }
    const rtc::SendBandwidthEstimator& estimator() const { return estimator_; }

private:
    void measureOvershoot(std::int64_t nowMs, std::uint64_t videoWireBytes, const rtc::SendAllocation& allocation);

    Config config_;
    rtc::SendBandwidthEstimator estimator_;
    rtc::SendRateAllocator allocator_;
    State state_;
    int appliedVideoBps_ = 0;
    int appliedAudioBps_ = 0;
    std::optional<std::int64_t> lastUpdateMs_;
    std::optional<std::int64_t> overshootSinceMs_;
    std::uint64_t overshootSinceBytes_ = 0;
};

// libvpx overshoots small layers and keyframes, and every packet carries
// ~60 bytes of headers (a third of a 160x90 frame): what leaves can be 20-40 %
// above the plan. Once a second the encoder's share is scaled by what the
// wire really carried, down at once, back up slowly (5 % a second), so the
// sender's rate, not only its plan, stays under the estimate.
double nextEncoderScale(double scale, double sentBps, double budgetBps);

// The indices of the layers a plan runs (bitrate above zero), lowest first.
std::vector<int> runningLayersOf(const std::vector<rtc::VideoLayerPlan>& plan);

} // namespace spoke::call::send
