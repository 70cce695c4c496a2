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
    , substream_(std::clamp(config.initialSubstream, 0, 2))
    , calmNeededMs_(config.calmBeforeUpMs)
    , ceilingMemoryMs_(config.ceilingMemoryMs)
{
}

std::optional<int> DownlinkLayerSelector::onSample(const DownlinkSample& s)
{
    affinity_.assertOwner();
    if (ceilingBps_ && s.nowMs - ceilingSetMs_ >= ceilingMemoryMs_)
        ceilingBps_.reset();

    const auto layerBps = config_.substreamBitrateBps[static_cast<std::size_t>(substream_)];
    const bool shortOfLayer = static_cast<double>(s.receivedBps) < 0.9 * static_cast<double>(layerBps);
    moderateStreak_ = s.lossFraction > config_.moderateLoss && shortOfLayer ? moderateStreak_ + 1 : 0;
    const bool queued = s.queueDelayMs && *s.queueDelayMs > config_.queueDelayLimitMs;
    const bool congested = s.freezes > 0 || s.lossFraction > config_.heavyLoss || moderateStreak_ >= 2 || queued;

    if (congested) {
        calmSinceMs_.reset();
        if (substream_ == 0)
            return std::nullopt; // nothing lower; the sender's side and NACK must cope
        if (lastUpMs_ && s.nowMs - *lastUpMs_ < config_.failedProbeWindowMs) {
            calmNeededMs_ = std::min(calmNeededMs_ * 2, config_.maxCalmBeforeUpMs);
            ceilingMemoryMs_ = std::min(ceilingMemoryMs_ * 2, config_.maxCeilingMemoryMs);
        }
        ceilingBps_ = std::min(s.receivedBps, ceilingBps_.value_or(s.receivedBps));
        ceilingSetMs_ = s.nowMs;
        --substream_;
        ++switches_;
        moderateStreak_ = 0;
        lastUpMs_.reset();
        return substream_;
    }

    if (!calmSinceMs_)
        calmSinceMs_ = s.nowMs;
    if (lastUpMs_ && s.nowMs - *lastUpMs_ >= config_.failedProbeWindowMs) {
        lastUpMs_.reset(); // that step up held: probing need not stay cautious
        calmNeededMs_ = config_.calmBeforeUpMs;
        ceilingMemoryMs_ = config_.ceilingMemoryMs;
    }
    if (substream_ == 2 || s.nowMs - *calmSinceMs_ < calmNeededMs_)
        return std::nullopt;
    const auto nextBps = config_.substreamBitrateBps[static_cast<std::size_t>(substream_ + 1)];
    if (nextBps <= 0)
        return std::nullopt; // the publisher does not send that layer
    if (ceilingBps_ && static_cast<double>(nextBps) * config_.headroom > static_cast<double>(*ceilingBps_))
        return std::nullopt;
    ++substream_;
    ++switches_;
    lastUpMs_ = s.nowMs;
    calmSinceMs_ = s.nowMs; // the next step up needs its own calm spell
    return substream_;
}

} // namespace spoke::rtc
