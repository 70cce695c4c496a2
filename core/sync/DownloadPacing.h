#pragma once

// Clock-free pacing for a download: the speed cap and the rate shown with
// the progress. Both take the time as a parameter (like core/rtc's stages),
// so tests drive them with a fake clock.

#include <array>
#include <cstdint>

namespace spoke::sync {

// A token bucket (RFC 2697 §1 describes the idea): `bytesPerSecond` tokens
// arrive each second, at most `burstBytes` are kept. A download reads from
// the network only what the bucket holds, so a capped download never goes
// faster than the cap for longer than one burst, and TCP's flow control
// slows the sender once the socket buffers are full.
class TokenBucket {
public:
    // bytesPerSecond <= 0: no cap (available() is always large).
    TokenBucket(std::int64_t bytesPerSecond, std::int64_t burstBytes);

    bool capped() const { return bytesPerSecond_ > 0; }
    // Bytes that may be taken now (refills first). The first call fills the
    // bucket to one burst.
    std::int64_t available(std::int64_t nowMs);
    void take(std::int64_t bytes);
    // How long until `bytes` (at most one burst) are available; 0 if now.
    std::int64_t msUntil(std::int64_t bytes, std::int64_t nowMs);

private:
    void refill(std::int64_t nowMs);

    std::int64_t bytesPerSecond_;
    std::int64_t burstBytes_;
    double tokens_ = 0;
    std::int64_t lastMs_ = 0;
    bool started_ = false;
};

// The rate over the last `windowMs`, from byte counts added as they arrive;
// a fixed ring of one slot per 100 ms, so memory stays flat however long
// the download runs.
class RateMeter {
public:
    static constexpr std::int64_t kSlotMs = 100;
    static constexpr std::size_t kSlots = 30; // up to 3 s of history

    explicit RateMeter(std::int64_t windowMs = 2000);

    void add(std::int64_t bytes, std::int64_t nowMs);
    std::int64_t bytesPerSecond(std::int64_t nowMs);
    void reset();

private:
    void advance(std::int64_t nowMs);

    std::int64_t windowMs_;
    std::array<std::int64_t, kSlots> slots_{};
    std::int64_t currentSlot_ = -1; // nowMs / kSlotMs of slots_[currentSlot_ % kSlots]
    std::int64_t firstMs_ = -1;
};

} // namespace spoke::sync
