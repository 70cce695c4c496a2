#include "sync/DownloadPacing.h"

#include <algorithm>
#include <limits>

namespace spoke::sync {

TokenBucket::TokenBucket(std::int64_t bytesPerSecond, std::int64_t burstBytes)
    : bytesPerSecond_(bytesPerSecond)
    , burstBytes_(std::max<std::int64_t>(1, burstBytes))
{
}

void TokenBucket::refill(std::int64_t nowMs)
{
    if (!started_) {
        started_ = true;
        lastMs_ = nowMs;
        tokens_ = static_cast<double>(burstBytes_);
        return;
    }
    if (nowMs <= lastMs_)
        return;
    tokens_ = std::min(static_cast<double>(burstBytes_),
                       tokens_ + static_cast<double>(nowMs - lastMs_) * static_cast<double>(bytesPerSecond_) / 1000.0);
    lastMs_ = nowMs;
}

std::int64_t TokenBucket::available(std::int64_t nowMs)
{
    if (!capped())
        return std::numeric_limits<std::int32_t>::max();
    refill(nowMs);
    return static_cast<std::int64_t>(tokens_);
}

void TokenBucket::take(std::int64_t bytes)
{
    if (capped())
        tokens_ -= static_cast<double>(bytes);
}

std::int64_t TokenBucket::msUntil(std::int64_t bytes, std::int64_t nowMs)
{
    if (!capped())
        return 0;
    refill(nowMs);
    const double wanted = static_cast<double>(std::min(bytes, burstBytes_));
    if (tokens_ >= wanted)
        return 0;
    const double ms = (wanted - tokens_) * 1000.0 / static_cast<double>(bytesPerSecond_);
    return std::max<std::int64_t>(1, static_cast<std::int64_t>(ms) + 1);
}

RateMeter::RateMeter(std::int64_t windowMs)
    : windowMs_(std::clamp<std::int64_t>(windowMs, kSlotMs, kSlotMs * (static_cast<std::int64_t>(kSlots) - 1)))
{
}

void RateMeter::reset()
{
    slots_.fill(0);
    currentSlot_ = -1;
    firstMs_ = -1;
}

void RateMeter::advance(std::int64_t nowMs)
{
    const std::int64_t slot = nowMs / kSlotMs;
    if (currentSlot_ < 0) {
        currentSlot_ = slot;
        return;
    }
    // Slots skipped since the last call had no bytes.
    const std::int64_t steps = std::min<std::int64_t>(slot - currentSlot_, static_cast<std::int64_t>(kSlots));
    for (std::int64_t i = 1; i <= steps; ++i)
        slots_[static_cast<std::size_t>((currentSlot_ + i) % static_cast<std::int64_t>(kSlots))] = 0;
    currentSlot_ = std::max(currentSlot_, slot);
}

void RateMeter::add(std::int64_t bytes, std::int64_t nowMs)
{
    if (firstMs_ < 0)
        firstMs_ = nowMs;
    advance(nowMs);
    slots_[static_cast<std::size_t>(currentSlot_ % static_cast<std::int64_t>(kSlots))] += bytes;
}

std::int64_t RateMeter::bytesPerSecond(std::int64_t nowMs)
{
    if (firstMs_ < 0)
        return 0;
    advance(nowMs);
    const std::int64_t windowSlots = windowMs_ / kSlotMs;
    std::int64_t bytes = 0;
    for (std::int64_t i = 0; i < windowSlots; ++i)
        bytes += slots_[static_cast<std::size_t>((currentSlot_ - i + static_cast<std::int64_t>(kSlots))
                                                 % static_cast<std::int64_t>(kSlots))];
    // The window covers the current, partly elapsed slot; a download younger
    // than the window is measured over its own age.
    const std::int64_t spanMs = std::clamp<std::int64_t>(nowMs - firstMs_, kSlotMs, windowSlots * kSlotMs);
    return bytes * 1000 / spanMs;
}

} // namespace spoke::sync
