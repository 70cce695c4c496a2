#pragma once

#include <cstdint>

namespace spoke::security {

// The app lock's two clocks, clock-free: the caller passes the time
// (milliseconds since the epoch, the wall clock, so that a suspended laptop's
// hours count as idle and a restart keeps a wait), as core/rtc's stages do.

// Wrong PINs back off: the first kFreeAttempts - 1 cost nothing, the
// kFreeAttempts-th starts a wait of kFirstWaitMs, each one after doubles
// it, up to kMaxWaitMs. No permanent lock-out: the owner of the PIN must
// always get back in, and at one guess an hour a 4-digit PIN that the rules
// let through (PinRules.h) takes more than a year to guess.
class PinBackOff {
public:
    static constexpr int kFreeAttempts = 5;
    static constexpr std::int64_t kFirstWaitMs = 30'000;
    static constexpr std::int64_t kMaxWaitMs = 3'600'000;

    PinBackOff() = default;
    PinBackOff(int failures, std::int64_t lastFailureMs) : failures_(failures), lastFailureMs_(lastFailureMs) { }

    // The wait that `failures` wrong PINs in a row earn.
    static std::int64_t waitAfter(int failures);

    // How long until the next PIN may be tried (0: now). A clock set back
    // since the last failure restarts the wait from `nowMs`, so the wait is
    // never longer than the one the failures earned.
    std::int64_t waitMs(std::int64_t nowMs);
    // Wrong PINs left before a wait starts (0 once waits have started).
    int triesBeforeWait() const { return failures_ >= kFreeAttempts ? 0 : kFreeAttempts - failures_; }
    void recordFailure(std::int64_t nowMs);
    void reset() { *this = PinBackOff(); }

    int failures() const { return failures_; }
    std::int64_t lastFailureMs() const { return lastFailureMs_; }

private:
    int failures_ = 0;
    std::int64_t lastFailureMs_ = 0;
};

// "Lock after N idle minutes": due once N minutes pass with no input.
// 0 minutes is off.
class IdleLockPolicy {
public:
    void setLockAfterMinutes(int minutes) { lockAfterMinutes_ = minutes < 0 ? 0 : minutes; }
    int lockAfterMinutes() const { return lockAfterMinutes_; }
    void noteActivity(std::int64_t nowMs) { lastActivityMs_ = nowMs; }
    std::int64_t lastActivityMs() const { return lastActivityMs_; }
    bool isDue(std::int64_t nowMs) const;
    // Milliseconds until isDue (0 when it is), -1 when off. A clock set back
    // before the last input counts from that input, never longer.
    std::int64_t msUntilDue(std::int64_t nowMs) const;

private:
    int lockAfterMinutes_ = 0;
    std::int64_t lastActivityMs_ = 0;
};

} // namespace spoke::security
