#include "transport/PacketClassifier.h"

namespace spoke::transport {

namespace {
constexpr std::size_t kRtpHeaderBytes = 12;
constexpr std::size_t kRtcpHeaderBytes = 8; // header + sender SSRC
constexpr std::size_t kDtlsRecordHeaderBytes = 13;
constexpr std::size_t kStunHeaderBytes = 20;
} // namespace

std::string_view toString(PacketKind kind)
{
    switch (kind) {
    case PacketKind::Stun: return "stun";
    case PacketKind::Dtls: return "dtls";
    case PacketKind::Rtp: return "rtp";
    case PacketKind::Rtcp: return "rtcp";
    case PacketKind::Unknown: return "unknown";
    }
    return "unknown";
}

PacketKind classifyPacket(std::span<const std::uint8_t> datagram)
{
    if (datagram.empty())
        return PacketKind::Unknown;
    const std::uint8_t first = datagram[0];
    if (first <= 3)
        return datagram.size() >= kStunHeaderBytes ? PacketKind::Stun : PacketKind::Unknown;
    if (first >= 20 && first <= 63)
        return datagram.size() >= kDtlsRecordHeaderBytes ? PacketKind::Dtls : PacketKind::Unknown;
    if (first >= 128 && first <= 191) {
        if (datagram.size() < 2)
            return PacketKind::Unknown;
        // The whole second byte, marker bit included: RFC 5761 keeps RTP
        // payload types 64-95 free so that marker+PT never looks like 192-223.
        const std::uint8_t packetType = datagram[1];
        if (packetType >= 192 && packetType <= 223)
            return datagram.size() >= kRtcpHeaderBytes ? PacketKind::Rtcp : PacketKind::Unknown;
        return datagram.size() >= kRtpHeaderBytes ? PacketKind::Rtp : PacketKind::Unknown;
    }
    // 16-19 ZRTP and 64-79 TURN channel data are not used by Spoke.
    return PacketKind::Unknown;
}

} // namespace spoke::transport
