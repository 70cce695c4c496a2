#pragma once

#include "rtc/RtpPacket.h"
#include "rtc/SequenceUnwrapper.h"
#include "util/ThreadAffinity.h"

#include <cstdint>
#include <map>
#include <optional>
#include <span>
#include <vector>

namespace spoke::rtc {

// Send side of NACK recovery for one SSRC: keeps what was sent for a while so
// a NACK can be answered. Bounded by count and by age (a packet older than
// about one second would arrive after the receiver's playout deadline and
// only waste a metered link). A packet is not sent again within one RTT of
// its last retransmission: the receiver re-NACKs before our answer can have
// arrived, and answering twice doubles the cost of every loss.
// Owned by the sending network thread.
class RetransmissionBuffer {
public:
    struct Config {
        std::size_t maxPackets = 1024;
        std::int64_t maxAgeMs = 1000;
        std::int64_t defaultRttMs = 100; // until setRttMs() has a measurement
    };
    struct NackAnswer {
        std::vector<RtpPacket> resend; // originals, in NACK order; wrap in RTX if negotiated
        std::size_t unknown = 0; // never sent, already evicted or too old
        std::size_t throttled = 0; // re-sent less than one RTT ago
    };

    RetransmissionBuffer() : RetransmissionBuffer(Config{}) { }
    explicit RetransmissionBuffer(Config config) : config_(config) { }

    void onPacketSent(const RtpPacket& packet, std::int64_t nowMs);
    NackAnswer onNack(std::span<const std::uint16_t> sequenceNumbers, std::int64_t nowMs);
    void setRttMs(std::int64_t rttMs) { rttMs_ = rttMs; }
    std::size_t size() const { return packets_.size(); }

private:
    struct Entry {
        RtpPacket packet;
        std::int64_t sentAtMs = 0;
        std::optional<std::int64_t> resentAtMs;
    };
    void evict(std::int64_t nowMs);

    ThreadAffinity affinity_;
    Config config_;
    std::optional<std::int64_t> rttMs_;
    SequenceUnwrapper unwrapper_;
    std::map<std::int64_t, Entry> packets_; // by unwrapped sequence number
};

} // namespace spoke::rtc
