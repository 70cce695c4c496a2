#include "media/video/EncodeLoadMonitor.h"

#include <algorithm>
#include <cmath>

namespace spoke::media {

namespace {

// A step up undone within this long was a mistake: the next one waits longer.
constexpr std::int64_t kOscillationWindowUs = 30'000'000;
// About one second of pictures at 30 fps.
constexpr double kSmoothing = 1.0 / 30;

} // namespace

EncodeLoadMonitor::EncodeLoadMonitor(const Config& config)
    : config_(config)
    , rampUpDelayUs_(config.initialRampUpDelayUs)
{
}

void EncodeLoadMonitor::restart(std::int64_t nowUs)
{
    smoothedEncodeUs_ = 0;
    smoothedIntervalUs_ = 0;
    usage_ = 0;
    overusedChecks_ = 0;
    nextCheckUs_ = nowUs + config_.checkIntervalUs;
    calmSinceUs_ = -1;
}

EncodeLoadMonitor::Advice EncodeLoadMonitor::onFrameEncoded(std::int64_t captureTimeUs, std::int64_t encodeWallUs,
                                                            bool scaledDown)
{
    affinity_.assertOwner();
    if (lastCaptureUs_ < 0 || captureTimeUs <= lastCaptureUs_) {
        // First picture, or a source that restarted its clock.
        lastCaptureUs_ = captureTimeUs;
        restart(captureTimeUs);
        return Advice::Keep;
    }
    const double intervalUs = static_cast<double>(captureTimeUs - lastCaptureUs_);
    lastCaptureUs_ = captureTimeUs;
    const auto encodeUs = static_cast<double>(std::max<std::int64_t>(0, encodeWallUs));
    if (smoothedIntervalUs_ == 0) {
        smoothedIntervalUs_ = intervalUs;
        smoothedEncodeUs_ = encodeUs;
    } else {
        smoothedIntervalUs_ += kSmoothing * (intervalUs - smoothedIntervalUs_);
        smoothedEncodeUs_ += kSmoothing * (encodeUs - smoothedEncodeUs_);
    }
    usage_ = smoothedEncodeUs_ / smoothedIntervalUs_;

    if (scaledDown && usage_ < config_.underuseShare) {
        if (calmSinceUs_ < 0)
            calmSinceUs_ = captureTimeUs;
    } else {
        calmSinceUs_ = -1;
    }
    if (captureTimeUs < nextCheckUs_)
        return Advice::Keep;
    nextCheckUs_ = captureTimeUs + config_.checkIntervalUs;

    overusedChecks_ = usage_ > config_.overuseShare ? overusedChecks_ + 1 : 0;
    if (overusedChecks_ >= config_.overusedChecksToAct) {
        if (lastStepWasUp_ && captureTimeUs - lastStepUpUs_ < kOscillationWindowUs)
            rampUpDelayUs_ = std::min(rampUpDelayUs_ * 2, config_.maxRampUpDelayUs);
        lastStepWasUp_ = false;
        restart(captureTimeUs);
        return Advice::ScaleDown;
    }
    if (calmSinceUs_ >= 0 && captureTimeUs - calmSinceUs_ >= rampUpDelayUs_) {
        lastStepWasUp_ = true;
        lastStepUpUs_ = captureTimeUs;
        restart(captureTimeUs);
        return Advice::ScaleUp;
    }
    return Advice::Keep;
}

} // namespace spoke::media
