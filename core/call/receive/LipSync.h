#pragma once

#include "rtc/AvSync.h"

#include <cstdint>
#include <optional>

namespace spoke::call::receive {

// One feed's lip sync. rtc::AvSync measures, from Janus' sender reports,
// how much later the sound is heard than its picture would be shown. When
// video is ahead, the pictures wait (the delay goes to the render queue with
// each decoded picture, VideoRenderQueue paces the change). When video is
// the slower stream, the sound is held back in the jitter buffer instead:
// once a second by at most kAudioStepMs, left alone within the dead band
// (the smoothed offset wanders that much), never above kMaxAudioDelayMs
// (past it, waiting for the picture costs the conversation more than the
// sync buys: ITU-T G.114 puts the comfortable mouth-to-ear bound at 150 ms
// one way). Stepwise, because the offset measured includes what was added so far.
//
// Disabled (RemoteFeedConfig::avSyncEnabled off), it still measures, and
// applies nothing.
//
// Clock-free: every call takes the time. Owned by the feed's queue.
class LipSync {
public:
    static constexpr std::int64_t kAudioStepIntervalMs = 1000;
    static constexpr std::int64_t kAudioStepMs = 40;
    static constexpr double kAudioDeadbandMs = 20;
    static constexpr std::int64_t kMaxAudioDelayMs = 300;

    explicit LipSync(bool enabled) : enabled_(enabled) { }

    void onSenderReport(rtc::AvSync::Stream stream, std::uint64_t ntpTime, std::uint32_t rtpTimestamp);
    // A picture decoded at `nowMs` that would show now: the delay it should
    // wait in the render queue (0 when disabled).
    std::int64_t onPictureDecoded(std::uint32_t rtpTimestamp, std::int64_t nowMs);
    // Sound with this RTP timestamp (as sent) heard at `heardMs`: its
    // capture-to-heard delay, once an SR pins the audio clock. The sender's
    // wall clock is this machine's (the call tests run every client here);
    // `unixMinusSteadyMs` converts.
    std::optional<double> onAudioHeard(std::uint32_t rtpTimestamp, std::int64_t heardMs,
                                       std::int64_t unixMinusSteadyMs);
    // Once a second: the audio delay's next step. Returns the new extra
    // audio delay when a step was taken (to apply to the jitter buffer).
    std::optional<std::int64_t> updateAudioDelay(std::int64_t nowMs);
    std::int64_t nextWakeMs() const;

    std::int64_t audioDelayMs() const { return audioDelayMs_; }
    std::optional<double> offsetMs() const { return sync_.offsetMs(); }
    std::int64_t wantedVideoDelayMs() const { return sync_.videoDelayMs(); }
    bool enabled() const { return enabled_; }

    // The step rule alone: the audio delay after one step from `currentMs`,
    // given the smoothed offset (negative: video slower) and what AvSync
    // says the audio would need.
    static std::int64_t stepAudioDelayMs(std::int64_t currentMs, double offsetMs, std::int64_t neededMs);

private:
    bool enabled_;
    rtc::AvSync sync_;
    std::int64_t audioDelayMs_ = 0;
    std::optional<std::int64_t> lastStepMs_;
};

} // namespace spoke::call::receive
