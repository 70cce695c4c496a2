#pragma once

#include "rtc/TransportFeedback.h"

#include <cstdint>
#include <string>
#include <variant>
#include <vector>

namespace spoke::rtc {

// RTCP packet types (RFC 3550, RFC 4585) and feedback message types.
namespace rtcp {
inline constexpr std::uint8_t kSenderReport = 200;
inline constexpr std::uint8_t kReceiverReport = 201;
inline constexpr std::uint8_t kSdes = 202;
inline constexpr std::uint8_t kBye = 203;
inline constexpr std::uint8_t kRtpFeedback = 205; // RTPFB
inline constexpr std::uint8_t kPayloadFeedback = 206; // PSFB
inline constexpr std::uint8_t kFmtNack = 1; // RTPFB
inline constexpr std::uint8_t kFmtTransportCc = 15; // RTPFB
inline constexpr std::uint8_t kFmtPli = 1; // PSFB
inline constexpr std::uint8_t kFmtFir = 4; // PSFB
inline constexpr std::uint8_t kFmtAfb = 15; // PSFB application layer feedback (REMB)
} // namespace rtcp

// RFC 3550 6.4.1 reception report block.
struct ReportBlock {
    std::uint32_t ssrc = 0;
    std::uint8_t fractionLost = 0; // fixed point /256 since the previous report
    std::int32_t cumulativeLost = 0; // 24-bit signed on the wire (duplicates can make it negative)
    std::uint32_t extendedHighestSequence = 0;
    std::uint32_t jitter = 0; // RTP timestamp units
    std::uint32_t lastSenderReport = 0; // LSR: middle 32 bits of the NTP time of the last SR
    std::uint32_t delaySinceLastSenderReport = 0; // DLSR, 1/65536 s
    bool operator==(const ReportBlock&) const = default;
};

struct SenderReport {
    std::uint32_t ssrc = 0;
    std::uint64_t ntpTime = 0; // 32.32 fixed point seconds since 1900
    std::uint32_t rtpTimestamp = 0;
    std::uint32_t packetCount = 0;
    std::uint32_t octetCount = 0;
    std::vector<ReportBlock> reports;
    bool operator==(const SenderReport&) const = default;
};

struct ReceiverReport {
    std::uint32_t ssrc = 0;
    std::vector<ReportBlock> reports;
    bool operator==(const ReceiverReport&) const = default;
};

// Only CNAME is kept: it is the one SDES item WebRTC peers send or read.
struct SdesChunk {
    std::uint32_t ssrc = 0;
    std::string cname;
    bool operator==(const SdesChunk&) const = default;
};
struct Sdes {
    std::vector<SdesChunk> chunks;
    bool operator==(const Sdes&) const = default;
};

struct Bye {
    std::vector<std::uint32_t> ssrcs;
    std::string reason;
    bool operator==(const Bye&) const = default;
};

// RFC 4585 generic NACK, expanded to the list of lost sequence numbers;
// building packs them back into PID/BLP pairs.
struct Nack {
    std::uint32_t senderSsrc = 0;
    std::uint32_t mediaSsrc = 0;
    std::vector<std::uint16_t> sequenceNumbers;
    bool operator==(const Nack&) const = default;
};

struct Pli {
    std::uint32_t senderSsrc = 0;
    std::uint32_t mediaSsrc = 0;
    bool operator==(const Pli&) const = default;
};

// RFC 5104 full intra request.
struct FirEntry {
    std::uint32_t ssrc = 0;
    std::uint8_t sequenceNumber = 0;
    bool operator==(const FirEntry&) const = default;
};
struct Fir {
    std::uint32_t senderSsrc = 0;
    std::vector<FirEntry> entries;
    bool operator==(const Fir&) const = default;
};

// draft-alvestrand-rmcat-remb. From Janus this is the room's bitrate cap,
// not a bandwidth estimate.
struct Remb {
    std::uint32_t senderSsrc = 0;
    std::uint64_t bitrateBps = 0; // exponent/mantissa on the wire: building rounds down
    std::vector<std::uint32_t> ssrcs;
    bool operator==(const Remb&) const = default;
};

// Anything else (APP, XR, other feedback formats), kept so it can be logged or forwarded.
struct UnknownRtcp {
    std::uint8_t packetType = 0;
    std::uint8_t countOrFormat = 0;
    std::vector<std::uint8_t> body; // after the 4-byte header, padding removed
    bool operator==(const UnknownRtcp&) const = default;
};

using RtcpPacket =
    std::variant<SenderReport, ReceiverReport, Sdes, Bye, Nack, Pli, Fir, Remb, TransportFeedback, UnknownRtcp>;

} // namespace spoke::rtc
