#pragma once

#include "rtc/RtcError.h"

#include <cstdint>
#include <optional>
#include <span>
#include <vector>

namespace spoke::rtc {

// One RFC 8285 header extension element: local id and raw value.
struct RtpExtension {
    std::uint8_t id = 0;
    std::vector<std::uint8_t> data;
    bool operator==(const RtpExtension&) const = default;
};

// An RTP packet (RFC 3550) as a value: parsed from, or serialised to, the
// bytes on the wire (after SRTP decryption / before encryption). Header
// extensions use the RFC 8285 one-byte (0xBEDE) or two-byte (0x100x) forms;
// any other profile is kept opaque so a packet can be forwarded unchanged.
struct RtpPacket {
    static constexpr std::uint16_t kOneByteProfile = 0xBEDE;
    static constexpr std::uint16_t kTwoByteProfile = 0x1000;
    static constexpr std::size_t kFixedHeaderBytes = 12;

    bool marker = false;
    std::uint8_t payloadType = 0;
    std::uint16_t sequenceNumber = 0;
    std::uint32_t timestamp = 0;
    std::uint32_t ssrc = 0;
    std::vector<std::uint32_t> csrcs;

    // RFC 8285 elements, in wire order.
    std::vector<RtpExtension> extensions;
    // Parsed packets remember the form they came in; serialize() switches to
    // the two-byte form by itself when an element needs it (id > 14, empty or
    // longer than 16 bytes).
    bool twoByteExtensions = false;
    // A non-RFC 8285 extension block, kept verbatim (profile + 32-bit words).
    std::optional<std::uint16_t> opaqueExtensionProfile;
    std::vector<std::uint8_t> opaqueExtensionData;

    std::vector<std::uint8_t> payload;
    // Padding bytes at the end (RFC 3550 P bit), including the count byte.
    std::uint8_t paddingBytes = 0;

    static Expected<RtpPacket> parse(std::span<const std::uint8_t> bytes);
    std::vector<std::uint8_t> serialize() const;
    std::size_t headerBytes() const;

    const RtpExtension* extension(std::uint8_t id) const;
    void setExtension(std::uint8_t id, std::vector<std::uint8_t> data);
    void removeExtension(std::uint8_t id);

    bool operator==(const RtpPacket&) const = default;
};

// RFC 5761 section 4 demultiplexing on one rtcp-mux port: RTCP packet types
// 192-223 collide with RTP payload types 64-95, which WebRTC never assigns.
bool looksLikeRtcp(std::span<const std::uint8_t> bytes);

} // namespace spoke::rtc
