#include "rtc/DownlinkLayerSelector.h"

#include "rtc/BitrateLadder.h"

#include <algorithm>

namespace spoke::rtc {

std::array<std::int64_t, 3> DownlinkLayerSelector::defaultSubstreamBitrates()
{
    const auto plan = rtc::BitrateLadder::simulcast(2'500'000, 1280, 720, 30, 3);
    std::array<std::int64_t, 3> out{};
    for (std::size_t i = 0; i < out.size() && i < plan.size(); ++i)
        out[i] = plan[i].bitrateBps;
    return out;
}

DownlinkLayerSelector::DownlinkLayerSelector(Config config)
    : config_(config)
    , substream_(std::clamp(config.initialSubstream, kVideoOff, 2))
    , calmNeededMs_(config.calmBeforeUpMs)
    , ceilingMemoryMs_(config.ceilingMemoryMs)
{
}

std::int64_t DownlinkLayerSelector::rateOf(int substream) const
{
    return substream == kVideoOff ? 0 : config_.substreamBitrateBps[static_cast<std::size_t>(substream)];
}

bool DownlinkLayerSelector::isCongested(const DownlinkSample& s)
{
    // With video off the audio is all there is to judge the link by.
    const auto needBps = substream_ == kVideoOff ? config_.audioBps : rateOf(substream_);
    const bool shortOfLayer = static_cast<double>(s.receivedBps) < 0.9 * static_cast<double>(needBps);
    moderateStreak_ = s.lossFraction > config_.moderateLoss && shortOfLayer ? moderateStreak_ + 1 : 0;
    const bool queued = s.queueDelayMs && *s.queueDelayMs > config_.queueDelayLimitMs;
    return s.freezes > 0 || s.lossFraction > config_.heavyLoss || moderateStreak_ >= 2 || queued;
}

// Loss or a queue (not a freeze alone: a still picture sends little) while
// the link delivers less than the lowest layer and the audio together.
bool DownlinkLayerSelector::cannotCarryLowest(const DownlinkSample& s) const
{
    const bool lossOrQueue =
        s.lossFraction > config_.moderateLoss || (s.queueDelayMs && *s.queueDelayMs > config_.queueDelayLimitMs);
    const auto needBps = static_cast<double>(rateOf(0) + config_.audioBps);
    return lossOrQueue && static_cast<double>(s.receivedBps) < 0.9 * needBps;
}

std::optional<int> DownlinkLayerSelector::onSample(const DownlinkSample& s)
{
    affinity_.assertOwner();
    if (ceilingBps_ && s.nowMs - ceilingSetMs_ >= ceilingMemoryMs_)
        ceilingBps_.reset();

    if (!isCongested(s)) {
        lowestCongestedStreak_ = 0;
        return maybeStepUp(s);
    }
    calmSinceMs_.reset();
    if (substream_ == kVideoOff)
        return std::nullopt; // only the audio is left, and the sender's side and NACK must cope
    if (config_.allowVideoOff && cannotCarryLowest(s))
        return stepDown(s, kVideoOff);
    if (substream_ > 0)
        return stepDown(s, substream_ - 1);
    // At the lowest layer only signs of a full link count towards off: a
    // standing queue, or a rate short of the lowest layer and the audio.
    // Loss on a link with room to spare (a lossy radio) is not helped by
    // receiving less, and NACK repairs it.
    const bool full = (s.queueDelayMs && *s.queueDelayMs > config_.queueDelayLimitMs)
                      || static_cast<double>(s.receivedBps) < static_cast<double>(rateOf(0) + config_.audioBps);
    lowestCongestedStreak_ = full ? lowestCongestedStreak_ + 1 : 0;
    if (config_.allowVideoOff && lowestCongestedStreak_ >= config_.congestedAtLowestBeforeOff)
        return stepDown(s, kVideoOff);
    return std::nullopt;
}

std::optional<int> DownlinkLayerSelector::stepDown(const DownlinkSample& s, int to)
{
    if (lastUpMs_ && s.nowMs - *lastUpMs_ < config_.failedProbeWindowMs) {
        calmNeededMs_ = std::min(calmNeededMs_ * 2, config_.maxCalmBeforeUpMs);
        ceilingMemoryMs_ = std::min(ceilingMemoryMs_ * 2, config_.maxCeilingMemoryMs);
    }
    if (to == kVideoOff)
        ceilingMemoryMs_ = std::max(ceilingMemoryMs_, config_.videoOffCeilingMemoryMs);
    ceilingBps_ = std::min(s.receivedBps, ceilingBps_.value_or(s.receivedBps));
    ceilingSetMs_ = s.nowMs;
    substream_ = to;
    ++switches_;
    moderateStreak_ = 0;
    lowestCongestedStreak_ = 0;
    lastUpMs_.reset();
    return substream_;
}

std::optional<int> DownlinkLayerSelector::maybeStepUp(const DownlinkSample& s)
{
    if (!calmSinceMs_)
        calmSinceMs_ = s.nowMs;
    if (lastUpMs_ && s.nowMs - *lastUpMs_ >= config_.failedProbeWindowMs) {
        lastUpMs_.reset(); // that step up held: probing need not stay cautious
        calmNeededMs_ = config_.calmBeforeUpMs;
        ceilingMemoryMs_ = config_.ceilingMemoryMs;
    }
    if (substream_ == 2 || s.nowMs - *calmSinceMs_ < calmNeededMs_)
        return std::nullopt;
    const auto nextBps = rateOf(substream_ + 1);
    if (nextBps <= 0)
        return std::nullopt; // the publisher does not send that layer
    // Back from video off, the lowest layer has to fit beside the audio.
    const auto neededBps = substream_ == kVideoOff ? nextBps + config_.audioBps : nextBps;
    if (ceilingBps_ && static_cast<double>(neededBps) * config_.headroom > static_cast<double>(*ceilingBps_))
        return std::nullopt;
    ++substream_;
    ++switches_;
    lastUpMs_ = s.nowMs;
    calmSinceMs_ = s.nowMs; // the next step up needs its own calm spell
    return substream_;
}

} // namespace spoke::rtc
