#pragma once

#include "transport/TransportError.h"

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace spoke::transport {

// How one direction of a link misbehaves. The kernel on the project's test
// machines has no netem, so loss, delay, jitter, rate caps and outages are
// made in the transport's own send/receive path (DESIGN.md "Network tests").
// Everything is seeded: the same config and the same packet times give the
// same drops and the same release times, run after run.
struct ImpairmentConfig {
    // Two-state Gilbert–Elliott burst loss: per packet, the chain moves
    // good→bad with goodToBadPercent and bad→good with badToGoodPercent; a
    // packet is lost with lossPercent in the good state and badLossPercent in
    // the bad one. Mean burst length is 100 / badToGoodPercent packets.
    struct Burst {
        double goodToBadPercent = 0;
        double badToGoodPercent = 100;
        double badLossPercent = 100;
        bool operator==(const Burst&) const = default;
    };
    // Everything sent in [startMs, startMs + durationMs) after the impairment
    // started is dropped (a tunnel, a cell hand-over, a power cut at the mast).
    struct Outage {
        std::int64_t startMs = 0;
        std::int64_t durationMs = 0;
        bool operator==(const Outage&) const = default;
    };

    double lossPercent = 0; // independent random loss (good state when bursty)
    std::optional<Burst> burst;
    std::int64_t delayMs = 0; // fixed one-way delay
    std::int64_t jitterMs = 0; // uniform in [-jitter, +jitter] around delayMs, never below 0
    bool allowReordering = false; // off: jitter never lets a packet overtake an earlier one
    std::int64_t rateBytesPerSecond = 0; // token-bucket cap; 0 = none
    std::int64_t burstBytes = 0; // bucket depth; 0 = one full-size packet (1500)
    std::int64_t queueLimitBytes = 0; // drop-tail queue before the cap; 0 = 500 ms worth at the rate
    std::vector<Outage> outages;
    std::uint64_t seed = 1;
    // Steady-clock microseconds the outages count from, instead of the
    // transport's own start. A call sets its start here so that one outage
    // is one network drop for every PeerConnection of the client, including
    // those opened after it began (a re-subscribe gets no outage of its own).
    // Not part of the text form.
    std::optional<std::int64_t> outageClockStartUs;

    bool operator==(const ImpairmentConfig&) const = default;

    // True when any impairment is configured; a disabled config costs nothing.
    bool enabled() const;

    // "loss=10%,delay=100ms,jitter=20ms,rate=300kbit,outage=5s+2s,seed=7".
    // Keys: loss (%), burst=P%:R%[:H%] (Gilbert–Elliott good→bad, bad→good,
    // loss in bad), delay, jitter (ms, s, us), reorder (no value),
    // rate (bit, kbit, mbit per second, or B, kB, MB per second), bucket and
    // queue (B, kB), outage=START+DURATION (repeatable), seed. An empty
    // string or "off" is the disabled config. Errors name the bad item.
    static Expected<ImpairmentConfig> parse(std::string_view text);
    std::string toString() const;
};

} // namespace spoke::transport
