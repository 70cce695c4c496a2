#pragma once

#include "rtc/RtcError.h"
#include "util/ThreadAffinity.h"

#include <cstdint>
#include <optional>
#include <span>
#include <vector>

namespace spoke::rtc {

class ByteWriter;

// Transport-wide congestion control feedback (RTPFB fmt 15,
// draft-holmer-rmcat-transport-wide-cc-extensions-01): for a run of
// transport-wide sequence numbers, whether each arrived and when, as deltas
// of 250 µs from a 64 ms reference clock. Janus sends one every 200 ms to a
// publisher that negotiated the extension; it is the input of the sender's
// bandwidth estimator.
struct TransportFeedback {
    static constexpr std::int64_t kDeltaTickUs = 250;
    static constexpr std::int64_t kReferenceTickUs = 64'000;

    struct PacketStatus {
        bool received = false;
        // Arrival minus the previous received packet's arrival (or the
        // reference time for the first), in 250 µs ticks. 0..255 travels as
        // a one-byte "small" delta, anything else as a two-byte signed one.
        std::int16_t deltaTicks = 0;
        bool operator==(const PacketStatus&) const = default;
    };

    std::uint32_t senderSsrc = 0;
    std::uint32_t mediaSsrc = 0;
    std::uint16_t baseSequenceNumber = 0;
    std::int32_t referenceTime = 0; // 24-bit signed, in 64 ms ticks
    std::uint8_t feedbackPacketCount = 0;
    std::vector<PacketStatus> packets; // packets[i] is baseSequenceNumber + i

    // Parses the FCI (everything after the two SSRCs).
    static Expected<TransportFeedback> parseFci(std::uint32_t senderSsrc, std::uint32_t mediaSsrc,
                                                std::span<const std::uint8_t> fci);
    // Writes the FCI including padding to a 32-bit boundary.
    void writeFci(ByteWriter& w) const;

    struct Arrival {
        std::uint16_t sequenceNumber = 0;
        std::int64_t arrivalTimeUs = 0; // on the receiver's clock, relative to an arbitrary epoch
        bool operator==(const Arrival&) const = default;
    };
    std::vector<Arrival> arrivals() const;

    bool operator==(const TransportFeedback&) const = default;
};

// Collects arrivals into one feedback packet. Sequence numbers must increase
// (modulo 2^16); a packet that does not fit (goes backwards, too far ahead,
// or its delta exceeds ±8.2 s) is refused and the caller starts a new one.
// Owned by the receiving network thread that stamps the arrivals.
class TransportFeedbackBuilder {
public:
    TransportFeedbackBuilder(std::uint32_t senderSsrc, std::uint32_t mediaSsrc, std::uint8_t feedbackPacketCount);

    bool addReceivedPacket(std::uint16_t sequenceNumber, std::int64_t arrivalTimeUs);
    bool empty() const { return !lastSequence_; }
    const TransportFeedback& feedback() const { return feedback_; }

private:
    ThreadAffinity affinity_;
    TransportFeedback feedback_;
    std::optional<std::int64_t> lastSequence_; // unwrapped
    std::int64_t cursorUs_ = 0; // arrival time the next delta is measured from
};

} // namespace spoke::rtc
