#pragma once

#include "util/ThreadAffinity.h"

#include <cstdint>
#include <optional>

namespace spoke::rtc {

// Lip sync for one remote participant. Audio and video carry unrelated RTP
// clocks; each stream's RTCP sender reports pin an RTP timestamp to the
// sender's NTP wall clock, so any RTP timestamp maps to the moment it was
// captured. Comparing capture time with local playout for both streams
// gives each one's end-to-end delay (both include the same unknown clock
// offset between the machines, which cancels), and the difference is how
// long video must wait to match audio, or, when video is the slower one,
// how much delay the audio jitter buffer would have to add. Two SRs of one
// stream also give its RTP clock's real rate: the drift, in ppm, against
// the sender's wall clock, used for the mapping. Owned by the receive
// thread of that participant (asserted).
class AvSync {
public:
    enum class Stream { Audio, Video };

    void onSenderReport(Stream stream, std::uint64_t ntpTime, std::uint32_t rtpTimestamp);
    // When a 20 ms audio frame is played / a video frame would be rendered
    // without any sync delay (apply videoDelayMs() after this call, not
    // before, or the correction measures itself).
    void onAudioPlayout(std::uint32_t rtpTimestamp, std::int64_t localMs);
    void onVideoRender(std::uint32_t rtpTimestamp, std::int64_t localMs);

    // Audio's end-to-end delay minus video's, smoothed; positive when video is ahead.
    std::optional<double> offsetMs() const { return offsetMs_; }
    // Extra delay for video rendering, moved towards the offset by at most
    // kMaxStepMs per update so a correction is never a visible jump.
    std::int64_t videoDelayMs() const { return videoDelayMs_; }
    // When audio is ahead of video: delay the audio would need (a hint for
    // the audio jitter buffer's minimum delay).
    std::int64_t audioDelayNeededMs() const;
    std::optional<double> driftPpm(Stream stream) const;
    // When the media with this RTP timestamp was captured, on the sender's
    // wall clock (Unix microseconds, from its SRs); nothing before the first SR.
    std::optional<std::int64_t> captureUnixUs(Stream stream, std::uint32_t rtpTimestamp) const;

    static constexpr std::int64_t kMaxStepMs = 20;
    static constexpr std::int64_t kMaxVideoDelayMs = 1000;

private:
    struct Clock {
        explicit Clock(std::uint32_t rateHz) : clockRateHz(rateHz) { }
        std::uint32_t clockRateHz;
        std::optional<std::int64_t> ntpUs; // latest SR
        std::uint32_t rtp = 0;
        std::optional<std::int64_t> firstNtpUs; // first SR, for the rate
        std::int64_t rtpSinceFirst = 0; // unwrapped
        std::optional<double> measuredRateHz;
        std::optional<std::int64_t> captureUs(std::uint32_t rtpTimestamp) const;
    };
    void update();

    ThreadAffinity affinity_;
    Clock audio_ = Clock(48'000);
    Clock video_ = Clock(90'000);
    std::optional<std::int64_t> audioDelayUs_;
    std::optional<std::int64_t> videoDelayUs_;
    std::optional<double> offsetMs_;
    std::int64_t videoDelayMs_ = 0;
};

} // namespace spoke::rtc
