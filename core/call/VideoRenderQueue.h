#pragma once

#include "media/VideoFrame.h"
#include "util/ThreadAffinity.h"

#include <cstdint>
#include <deque>
#include <optional>
#include <vector>

namespace spoke::call {

// Decoded pictures of one remote feed held until their render time, so that
// video waits for the audio it belongs with (lip sync: rtc::AvSync says how
// long). A picture is due at its decode time plus the sync delay in force
// when it was decoded. The delay a picture gets moves by at most
// kMaxStepMs from the previous picture's, and a picture is never due before
// the one ahead of it: a falling delay speeds pictures up a little instead
// of showing one out of order, a rising one slows them down a little
// instead of freezing the picture. Bounded: past maxFrames the oldest
// picture is dropped (counted), and a picture that is already more than
// maxLateMs overdue when a newer one is due too is skipped (counted) rather
// than flashed. A picture whose RTP timestamp goes back (the sender
// started over) resets the queue first. Owned by the feed's queue (receive::VideoReceiveStream; asserted).
class VideoRenderQueue {
public:
    struct Config {
        std::size_t maxFrames = 45; // 1.5 s at 30 fps: covers AvSync's largest delay
        std::int64_t maxDelayMs = 1000;
        std::int64_t maxLateMs = 100;
    };
    struct Entry {
        media::VideoFrame picture;
        std::uint32_t rtpTimestamp = 0;
        std::int64_t decodedMs = 0;
        std::int64_t dueMs = 0;
        std::optional<std::int64_t> captureMs; // steady clock, when the picture's stamp told it (for latency figures)
    };
    struct Counters {
        std::int64_t pushed = 0;
        std::int64_t released = 0;
        std::int64_t droppedOverflow = 0;
        std::int64_t droppedLate = 0;
        std::int64_t flushed = 0; // dropped by reset()
    };

    static constexpr std::int64_t kMaxStepMs = 20;

    VideoRenderQueue() : VideoRenderQueue(Config{}) { }
    explicit VideoRenderQueue(Config config) : config_(config) { }

    // A picture decoded at `decodedMs` that should wait `delayMs` (clamped to [0, maxDelayMs]).
    void push(media::VideoFrame picture, std::uint32_t rtpTimestamp, std::int64_t decodedMs, std::int64_t delayMs,
              std::optional<std::int64_t> captureMs = std::nullopt);
    // Pictures due at `nowMs`, oldest first.
    std::vector<Entry> popDue(std::int64_t nowMs);
    std::optional<std::int64_t> nextDueMs() const;
    // The stream started over (a new source, a re-subscription): what is
    // queued belongs to the old one and is dropped; delay pacing starts afresh.
    void reset();

    std::size_t size() const { return queue_.size(); }
    std::int64_t appliedDelayMs() const { return appliedDelayMs_.value_or(0); }
    const Counters& counters() const { return counters_; }

private:
    ThreadAffinity affinity_;
    Config config_;
    std::deque<Entry> queue_;
    std::optional<std::int64_t> appliedDelayMs_;
    std::optional<std::int64_t> lastDueMs_;
    std::optional<std::uint32_t> lastRtpTimestamp_;
    Counters counters_;
};

} // namespace spoke::call
