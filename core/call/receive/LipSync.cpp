#include "call/receive/LipSync.h"

#include <algorithm>
#include <cmath>
#include <limits>

namespace spoke::call::receive {

void LipSync::onSenderReport(rtc::AvSync::Stream stream, std::uint64_t ntpTime, std::uint32_t rtpTimestamp)
{
    sync_.onSenderReport(stream, ntpTime, rtpTimestamp);
}

std::int64_t LipSync::onPictureDecoded(std::uint32_t rtpTimestamp, std::int64_t nowMs)
{
    // AvSync measures the picture as it would show undelayed; the delay it
    // asks for is applied after (its contract).
    sync_.onVideoRender(rtpTimestamp, nowMs);
    return enabled_ ? sync_.videoDelayMs() : 0;
}

std::optional<double> LipSync::onAudioHeard(std::uint32_t rtpTimestamp, std::int64_t heardMs,
                                            std::int64_t unixMinusSteadyMs)
{
    sync_.onAudioPlayout(rtpTimestamp, heardMs);
    // Capture time from the SRs: Janus rewrites a subscriber's RTP
    // timestamps (they start where the subscription did), and its SRs follow.
    const auto captureUs = sync_.captureUnixUs(rtc::AvSync::Stream::Audio, rtpTimestamp);
    if (!captureUs)
        return std::nullopt;
    const std::int64_t captureUnixMs = *captureUs / 1000; // whole ms, as the rest of the figure
    return static_cast<double>(heardMs - (captureUnixMs - unixMinusSteadyMs));
}

std::int64_t LipSync::stepAudioDelayMs(std::int64_t currentMs, double offsetMs, std::int64_t neededMs)
{
    if (offsetMs < -kAudioDeadbandMs)
        return std::min(currentMs + std::min(kAudioStepMs, neededMs), kMaxAudioDelayMs);
    if (offsetMs > kAudioDeadbandMs)
        return std::max<std::int64_t>(0, currentMs - std::min<std::int64_t>(kAudioStepMs, std::llround(offsetMs)));
    return currentMs;
}

std::optional<std::int64_t> LipSync::updateAudioDelay(std::int64_t nowMs)
{
    if (!lastStepMs_)
        lastStepMs_ = nowMs;
    if (!enabled_ || nowMs - *lastStepMs_ < kAudioStepIntervalMs)
        return std::nullopt;
    lastStepMs_ = nowMs;
    const auto offset = sync_.offsetMs();
    if (!offset)
        return std::nullopt;
    audioDelayMs_ = stepAudioDelayMs(audioDelayMs_, *offset, sync_.audioDelayNeededMs());
    return audioDelayMs_;
}

std::int64_t LipSync::nextWakeMs() const
{
    // Disabled, not started or nothing measured yet (no SRs): nothing here
    // is due. updateAudioDelay() runs on every process() anyway, and the
    // first offset comes with a packet.
    if (!enabled_ || !lastStepMs_ || !sync_.offsetMs())
        return std::numeric_limits<std::int64_t>::max();
    return *lastStepMs_ + kAudioStepIntervalMs;
}

} // namespace spoke::call::receive
