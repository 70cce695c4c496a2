#include "security/LockTiming.h"

#include <algorithm>

namespace spoke::security {

std::int64_t PinBackOff::waitAfter(int failures)
{
    if (failures < kFreeAttempts)
        return 0;
    // 30 s, 1 min, 2 min … doubling from the kFreeAttempts-th, capped; the
    // shift is bounded so that a large count from a file cannot overflow.
    const int doublings = std::min(failures - kFreeAttempts, 20);
    return std::min(kFirstWaitMs << doublings, kMaxWaitMs);
}

std::int64_t PinBackOff::waitMs(std::int64_t nowMs)
{
    const std::int64_t wait = waitAfter(failures_);
    if (wait == 0)
        return 0;
    if (nowMs < lastFailureMs_)
        lastFailureMs_ = nowMs;
    return std::max<std::int64_t>(0, lastFailureMs_ + wait - nowMs);
}

void PinBackOff::recordFailure(std::int64_t nowMs)
{
    if (failures_ < 1'000'000)
        ++failures_;
    lastFailureMs_ = nowMs;
}

bool IdleLockPolicy::isDue(std::int64_t nowMs) const
{
    return msUntilDue(nowMs) == 0;
}

std::int64_t IdleLockPolicy::msUntilDue(std::int64_t nowMs) const
{
    if (lockAfterMinutes_ <= 0)
        return -1;
    const std::int64_t afterMs = std::int64_t{lockAfterMinutes_} * 60'000;
    const std::int64_t idleMs = std::max<std::int64_t>(0, nowMs - lastActivityMs_);
    return std::max<std::int64_t>(0, afterMs - idleMs);
}

} // namespace spoke::security
