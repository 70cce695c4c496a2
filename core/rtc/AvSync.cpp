#include "rtc/AvSync.h"

#include "rtc/NtpTime.h"

#include <algorithm>
#include <cmath>

namespace spoke::rtc {

namespace {
constexpr double kOffsetSmoothing = 0.1; // per measurement: a few seconds of video frames
// A measured rate this far from nominal is a clock step or a reset, not drift.
constexpr double kMaxPlausibleDriftPpm = 2000;
} // namespace

std::optional<std::int64_t> AvSync::Clock::captureUs(std::uint32_t rtpTimestamp) const
{
    if (!ntpUs)
        return std::nullopt;
    const double rate = measuredRateHz.value_or(static_cast<double>(clockRateHz));
    const auto ticks = static_cast<std::int32_t>(rtpTimestamp - rtp);
    return *ntpUs + static_cast<std::int64_t>(std::llround(static_cast<double>(ticks) * 1e6 / rate));
}

void AvSync::onSenderReport(Stream stream, std::uint64_t ntpTime, std::uint32_t rtpTimestamp)
{
    affinity_.assertOwner();
    Clock& c = stream == Stream::Audio ? audio_ : video_;
    const std::int64_t us = ntp::toUnixMicros(ntpTime);
    if (!c.firstNtpUs) {
        c.firstNtpUs = us;
        c.rtpSinceFirst = 0;
    } else {
        c.rtpSinceFirst += static_cast<std::int32_t>(rtpTimestamp - c.rtp);
        const std::int64_t elapsedUs = us - *c.firstNtpUs;
        if (elapsedUs >= 1'000'000) {
            const double rate = static_cast<double>(c.rtpSinceFirst) * 1e6 / static_cast<double>(elapsedUs);
            const double ppm = (rate / c.clockRateHz - 1) * 1e6;
            if (std::abs(ppm) <= kMaxPlausibleDriftPpm) {
                c.measuredRateHz = rate;
            } else { // start measuring again from here
                c.firstNtpUs = us;
                c.rtpSinceFirst = 0;
                c.measuredRateHz.reset();
            }
        }
    }
    c.ntpUs = us;
    c.rtp = rtpTimestamp;
}

void AvSync::onAudioPlayout(std::uint32_t rtpTimestamp, std::int64_t localMs)
{
    affinity_.assertOwner();
    if (const auto capture = audio_.captureUs(rtpTimestamp)) {
        audioDelayUs_ = localMs * 1000 - *capture;
        update();
    }
}

void AvSync::onVideoRender(std::uint32_t rtpTimestamp, std::int64_t localMs)
{
    affinity_.assertOwner();
    if (const auto capture = video_.captureUs(rtpTimestamp)) {
        videoDelayUs_ = localMs * 1000 - *capture;
        update();
    }
}

void AvSync::update()
{
    if (!audioDelayUs_ || !videoDelayUs_)
        return;
    const double offset = static_cast<double>(*audioDelayUs_ - *videoDelayUs_) / 1000.0;
    offsetMs_ = offsetMs_ ? (1 - kOffsetSmoothing) * *offsetMs_ + kOffsetSmoothing * offset : offset;
    const auto wanted = std::clamp<std::int64_t>(std::llround(*offsetMs_), 0, kMaxVideoDelayMs);
    videoDelayMs_ += std::clamp(wanted - videoDelayMs_, -kMaxStepMs, kMaxStepMs);
}

std::int64_t AvSync::audioDelayNeededMs() const
{
    affinity_.assertOwner();
    return offsetMs_ && *offsetMs_ < 0 ? std::llround(-*offsetMs_) : 0;
}

std::optional<std::int64_t> AvSync::captureUnixUs(Stream stream, std::uint32_t rtpTimestamp) const
{
    affinity_.assertOwner();
    return (stream == Stream::Audio ? audio_ : video_).captureUs(rtpTimestamp);
}

std::optional<double> AvSync::driftPpm(Stream stream) const
{
    affinity_.assertOwner();
    const Clock& c = stream == Stream::Audio ? audio_ : video_;
    if (!c.measuredRateHz)
        return std::nullopt;
    return (*c.measuredRateHz / c.clockRateHz - 1) * 1e6;
}

} // namespace spoke::rtc
