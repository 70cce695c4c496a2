#pragma once

#include "rtc/RtcpPackets.h"

#include <cstdint>
#include <span>
#include <vector>

namespace spoke::call::send {

class RateController;
class RtpSender;

// What Janus tells a publisher over RTCP, turned into action: a PLI asks
// for a keyframe of the layer it names (RFC 4585 §6.3.1), a FIR (RFC 5104
// §4.3.1), or a PLI for an SSRC we do not know, of every layer, each at most
// once per 300 ms per layer (a burst of PLIs from several subscribers costs
// one keyframe); a NACK (RFC 4585 §6.2.1) is answered from the layer's
// retransmission buffer; REMB (the room's cap), transport-cc feedback and
// the loss in receiver reports go to the rate control, and each report
// block's LSR/DLSR gives the round trip (RFC 3550 §6.4.1) that paces
// retransmissions and the estimator.
//
// Clock-free: onRtcp takes `nowUs` and the arrival time as compact NTP
// (the middle 32 bits, what DLSR is measured against). Owned by the
// publisher's send queue, like the sender and rate control it drives.
class SendFeedback {
public:
    static constexpr std::int64_t kKeyframeMinIntervalMs = 300;

    struct Counters {
        std::uint64_t keyframesForced = 0; // per layer asked
        std::uint64_t transportFeedbacks = 0;
        std::int64_t rembBps = 0; // the last cap Janus sent (0 = none yet)
        std::int64_t rttMs = 0; // the last measured, 0 = none yet
    };

    // `video`: whether this publisher sends video at all (no keyframes to force otherwise).
    SendFeedback(RtpSender& sender, RateController& rate, bool video);

    // Handles one compound packet; returns the layers whose encoder must
    // give a keyframe now (bit i: layer i).
    std::uint32_t onRtcp(std::span<const rtc::RtcpPacket> packets, std::int64_t nowUs, std::uint32_t arrivalNtpCompact);

    const Counters& counters() const { return counters_; }

private:
    std::uint32_t keyframeRequest(std::uint32_t mediaSsrc, std::int64_t nowMs);
    void onReceiverReport(const rtc::ReceiverReport& rr, std::int64_t nowMs, std::uint32_t arrivalNtpCompact);

    RtpSender& sender_;
    RateController& rate_;
    bool video_;
    std::vector<std::int64_t> lastKeyframeMs_; // per layer
    Counters counters_;
};

} // namespace spoke::call::send
