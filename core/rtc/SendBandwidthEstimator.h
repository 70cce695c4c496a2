#pragma once

#include "rtc/AimdRateControl.h"
#include "rtc/LossBasedControl.h"
#include "rtc/OveruseDetector.h"
#include "rtc/SequenceUnwrapper.h"
#include "rtc/TransportFeedback.h"
#include "util/ThreadAffinity.h"

#include <cstdint>
#include <deque>
#include <map>
#include <optional>

namespace spoke::rtc {

// The publisher's bandwidth estimate (GCC, draft-ietf-rmcat-gcc-02): the
// delay-based part runs on Janus' transport-wide CC feedback (every 200 ms),
// the loss-based part on the fraction lost in its receiver reports, and the
// result is min(delay, loss), capped by REMB, which from Janus is the
// room's configured bitrate, not a measurement (docs/janus.md §"RTCP"). When
// feedback stops (an outage, or the uplink is so full that RTCP is lost
// too) the delay-based estimate halves, once per silence: whatever link
// comes back is probed up again instead of being flooded at the old rate.
// Owned by the network thread that sends media and reads RTCP (asserted).
class SendBandwidthEstimator {
public:
    struct Config {
        std::int64_t startBps = 300'000; // libwebrtc's start rate
        std::int64_t minBps = 32'000; // Opus voice and its headers still fit
        std::int64_t maxBps = 4'000'000;
        std::int64_t feedbackTimeoutMs = 1000; // five missed TWCC periods
        std::int64_t receivedRateWindowMs = 500;
    };
    struct Counters {
        std::int64_t packetsAcknowledged = 0;
        std::int64_t packetsReportedLost = 0; // "not received" in TWCC feedback
        std::int64_t feedbackTimeouts = 0;
    };

    SendBandwidthEstimator() : SendBandwidthEstimator(Config{}) { }
    explicit SendBandwidthEstimator(Config config);

    void onPacketSent(std::uint16_t transportSequenceNumber, std::size_t sizeBytes, std::int64_t sendTimeUs);
    void onTransportFeedback(const TransportFeedback& feedback, std::int64_t nowMs);
    // `fractionLost` as in the report block (x/256).
    void onReceiverReport(std::uint8_t fractionLost, std::int64_t nowMs);
    void onRemb(std::int64_t bitrateBps);
    void setRttMs(std::int64_t rttMs);
    // Timeouts; call on a timer (every 100-200 ms).
    void process(std::int64_t nowMs);

    std::int64_t targetBitrateBps() const;
    std::int64_t delayBasedBps() const { return delay_.bitrateBps(); }
    std::int64_t lossBasedBps() const { return loss_.bitrateBps(); }
    std::optional<std::int64_t> rembBps() const { return rembBps_; }
    std::optional<std::int64_t> receivedBps() const;
    BandwidthUsage usage() const { return detector_.state(); }
    const Counters& counters() const { return counters_; }

private:
    struct Sent {
        std::int64_t sendTimeUs = 0;
        std::size_t sizeBytes = 0;
    };

    ThreadAffinity affinity_;
    Config config_;
    OveruseDetector detector_;
    AimdRateControl delay_;
    LossBasedControl loss_;
    std::optional<std::int64_t> rembBps_;
    SequenceUnwrapper sentUnwrapper_;
    std::map<std::int64_t, Sent> sent_; // by unwrapped transport-wide sequence number
    std::deque<std::pair<std::int64_t, std::size_t>> acked_; // (arrival µs, bytes), for the received rate
    std::optional<std::int64_t> lastFeedbackMs_;
    std::optional<std::int64_t> lastTimeoutCutMs_;
    Counters counters_;
};

} // namespace spoke::rtc
