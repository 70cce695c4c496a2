#pragma once

#include <cstdint>
#include <span>
#include <string_view>

namespace spoke::transport {

// What a datagram on the one BUNDLEd, rtcp-muxed ICE socket carries, told
// apart by its first byte as RFC 7983 §7 prescribes, and RTCP from RTP by the
// second byte (RFC 5761 §4: RTCP packet types 192-223 are never used as RTP
// payload types). STUN never reaches us (libnice consumes it), but is named
// so that a stray one is counted, not mistaken for media.
enum class PacketKind { Stun, Dtls, Rtp, Rtcp, Unknown };

std::string_view toString(PacketKind kind);

// Pure and total: any byte string gets a kind; too short to be what its first
// byte claims is Unknown.
PacketKind classifyPacket(std::span<const std::uint8_t> datagram);

} // namespace spoke::transport
