#pragma once

#include "rtc/SequenceUnwrapper.h"
#include "util/ThreadAffinity.h"

#include <cstdint>
#include <map>
#include <optional>
#include <vector>

namespace spoke::rtc {

// Receive side of NACK recovery for one SSRC. Tracks which sequence numbers
// have not arrived, asks for each again (RFC 4585 generic NACK) once it is
// clearly missing rather than merely reordered, at most once per RTT and a
// bounded number of times, and gives up at a deadline. Giving up on video
// means the frame cannot be decoded, so a keyframe request (PLI) is raised;
// a keyframe arriving clears both the request and every older gap, since the
// decoder no longer needs them. Owned by the receiving network thread.
class NackGenerator {
public:
    struct Config {
        int maxRetries = 10;
        std::int64_t deadlineMs = 1000; // from detection; later data would miss playout anyway
        std::int64_t reorderWindowMs = 10; // a gap younger than this may still fill by itself
        std::size_t maxMissing = 500; // a bigger hole is a reset: ask for a keyframe instead
        std::int64_t defaultRttMs = 100;
        bool requestKeyframes = true; // video; false for audio (Opus PLC/FEC covers it)
        std::int64_t minKeyframeRequestIntervalMs = 500;
    };
    enum class Arrival { New, Reordered, Recovered, Duplicate };
    struct Counters {
        std::int64_t nacked = 0; // sequence numbers put in NACKs (each retry counts)
        std::int64_t recovered = 0; // arrived after being NACKed
        std::int64_t abandoned = 0;
    };

    NackGenerator() : NackGenerator(Config{}) { }
    explicit NackGenerator(Config config) : config_(config) { }

    // `keyframeStart`: this packet begins a keyframe (first packet, S=1 and P=0).
    Arrival onPacket(std::uint16_t sequenceNumber, std::int64_t nowMs, bool keyframeStart = false);
    // The sequence numbers to put in a NACK now; also abandons expired ones.
    std::vector<std::uint16_t> nacksToSend(std::int64_t nowMs);
    // When nacksToSend next has something to do (a gap's reorder window
    // ending, a retry's round trip over, a deadline), so the receive side
    // can sleep until then instead of checking on a fixed tick; nothing
    // when no packet is missing.
    std::optional<std::int64_t> nextDueMs() const;
    // True when a PLI should be sent now (rate-limited while one is pending).
    bool takeKeyframeRequest(std::int64_t nowMs);

    void setRttMs(std::int64_t rttMs) { rttMs_ = rttMs; }
    std::size_t missingCount() const { return missing_.size(); }
    bool keyframeRequestPending() const { return keyframeNeeded_; }
    const Counters& counters() const { return counters_; }

private:
    struct Missing {
        std::int64_t detectedMs = 0;
        std::optional<std::int64_t> lastNackMs;
        int retries = 0;
    };
    void needKeyframe();

    ThreadAffinity affinity_;
    Config config_;
    std::optional<std::int64_t> rttMs_;
    SequenceUnwrapper unwrapper_;
    std::optional<std::int64_t> newest_;
    std::map<std::int64_t, Missing> missing_;
    bool keyframeNeeded_ = false;
    std::optional<std::int64_t> lastKeyframeRequestMs_;
    Counters counters_;
};

} // namespace spoke::rtc
