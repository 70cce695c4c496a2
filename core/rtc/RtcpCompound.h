#pragma once

#include "rtc/RtcError.h"
#include "rtc/RtcpPackets.h"

#include <span>
#include <vector>

namespace spoke::rtc {

// Parses a compound RTCP packet (RFC 3550 6.1; reduced-size RTCP per RFC
// 5506 is accepted too). A packet whose length fields do not add up, or a
// known type with a truncated body, makes the whole datagram an error: its
// other parts cannot be trusted either.
Expected<std::vector<RtcpPacket>> parseRtcpCompound(std::span<const std::uint8_t> bytes);

// Serialises the packets back to back. The caller decides the order
// (RFC 3550 wants SR/RR first in a compound packet; feedback-only packets
// may stand alone under RFC 5506).
std::vector<std::uint8_t> buildRtcpCompound(const std::vector<RtcpPacket>& packets);

} // namespace spoke::rtc
