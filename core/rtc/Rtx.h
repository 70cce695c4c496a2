#pragma once

#include "rtc/RtpPacket.h"

namespace spoke::rtc {

// RFC 4588 retransmission payload format (session-multiplexed, a=ssrc-group:FID).
// The RTX packet carries the original sequence number (OSN) in the first two
// payload bytes, its own SSRC, payload type and sequence space, and the
// original timestamp, marker and header extensions.
RtpPacket wrapRtx(const RtpPacket& original, std::uint8_t rtxPayloadType, std::uint32_t rtxSsrc,
                  std::uint16_t rtxSequenceNumber);

// The original packet back; fails on an RTX packet with no OSN (a padding-only
// bandwidth probe, which callers should simply drop).
Expected<RtpPacket> unwrapRtx(const RtpPacket& rtx, std::uint8_t originalPayloadType, std::uint32_t originalSsrc);

} // namespace spoke::rtc
