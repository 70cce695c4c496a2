#include "rtc/SendRateAllocator.h"

#include <algorithm>

namespace spoke::rtc {

int SendRateAllocator::audioBitrateFor(std::int64_t estimateBps)
{
    // Steps rather than a slope: Opus switches bandwidth mode at these
    // rates, and an encoder retuned on every estimate wobble sounds worse.
    if (estimateBps >= 200'000)
        return 32'000;
    if (estimateBps >= 100'000)
        return 24'000;
    return 16'000;
}

SendAllocation SendRateAllocator::allocate(std::int64_t estimateBps)
{
    affinity_.assertOwner();
    SendAllocation out;
    out.audioBitrateBps = config_.audio ? audioBitrateFor(estimateBps) : 0;
    const std::int64_t left = estimateBps - (config_.audio ? out.audioBitrateBps + kAudioHeaderBps : 0);
    const int videoBps = static_cast<int>(std::max<std::int64_t>(0, left) * (1 - kVideoHeaderShare));
    videoPaused_ = videoPaused_ ? videoBps < kVideoResumeAtBps : videoBps < kVideoPauseBelowBps;
    out.videoPaused = videoPaused_;
    if (videoPaused_)
        return out;
    out.videoBitrateBps = videoBps;
    out.layers = rtc::BitrateLadder::simulcast(videoBps, config_.sourceWidth, config_.sourceHeight, config_.maxFps,
                                               config_.layerCount);
    return out;
}

} // namespace spoke::rtc
