#pragma once

#include "rtc/RtpPacket.h"

#include <array>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace spoke::rtc {

// The header extensions Spoke understands, by the URI negotiated in SDP
// (a=extmap). Janus enables mid, transport-cc and abs-send-time for video,
// mid and audio level for audio, and rid/repaired-rid for simulcast.
enum class RtpExtensionKind {
    Mid,
    AbsSendTime,
    TransportSequenceNumber,
    AudioLevel,
    RtpStreamId,
    RepairedRtpStreamId,
};
inline constexpr std::size_t kRtpExtensionKindCount = 6;

std::string_view extensionUri(RtpExtensionKind kind);
std::optional<RtpExtensionKind> extensionKindFromUri(std::string_view uri);

// RFC 6464 client-to-mixer audio level: level in -dBov (0 loudest, 127 silence).
struct AudioLevel {
    bool voiceActivity = false;
    std::uint8_t levelDbov = 127;
    bool operator==(const AudioLevel&) const = default;
};

// Which local id each extension got in this session's SDP, with typed reads
// and writes on packets. Ids are per-session, so the map travels with the
// negotiated SDP rather than being a global table.
class RtpExtensionMap {
public:
    void set(RtpExtensionKind kind, std::uint8_t id) { ids_[index(kind)] = id; }
    // Registers by URI; unknown URIs are ignored (returns false).
    bool setByUri(std::string_view uri, std::uint8_t id);
    std::optional<std::uint8_t> id(RtpExtensionKind kind) const { return ids_[index(kind)]; }

    // Reads return nullopt when the extension is not negotiated, absent from
    // the packet, or has the wrong size.
    std::optional<std::string> mid(const RtpPacket& p) const { return readString(p, RtpExtensionKind::Mid); }
    std::optional<std::string> rid(const RtpPacket& p) const { return readString(p, RtpExtensionKind::RtpStreamId); }
    std::optional<std::string> repairedRid(const RtpPacket& p) const
    {
        return readString(p, RtpExtensionKind::RepairedRtpStreamId);
    }
    // 24-bit 6.18 fixed-point seconds (draft abs-send-time).
    std::optional<std::uint32_t> absSendTime(const RtpPacket& p) const;
    std::optional<std::uint16_t> transportSequenceNumber(const RtpPacket& p) const;
    std::optional<AudioLevel> audioLevel(const RtpPacket& p) const;

    // Writes return false when the extension was not negotiated.
    bool setMid(RtpPacket& p, std::string_view mid) const { return writeString(p, RtpExtensionKind::Mid, mid); }
    bool setRid(RtpPacket& p, std::string_view rid) const { return writeString(p, RtpExtensionKind::RtpStreamId, rid); }
    bool setRepairedRid(RtpPacket& p, std::string_view rid) const
    {
        return writeString(p, RtpExtensionKind::RepairedRtpStreamId, rid);
    }
    bool setAbsSendTime(RtpPacket& p, std::uint32_t value24) const;
    bool setTransportSequenceNumber(RtpPacket& p, std::uint16_t seq) const;
    bool setAudioLevel(RtpPacket& p, AudioLevel level) const;

    // abs-send-time from a send time in microseconds (wraps every 64 s).
    static std::uint32_t absSendTimeFromMicros(std::int64_t sendTimeUs);

private:
    static std::size_t index(RtpExtensionKind kind) { return static_cast<std::size_t>(kind); }
    std::optional<std::string> readString(const RtpPacket& p, RtpExtensionKind kind) const;
    bool writeString(RtpPacket& p, RtpExtensionKind kind, std::string_view value) const;
    const RtpExtension* find(const RtpPacket& p, RtpExtensionKind kind) const;

    std::array<std::optional<std::uint8_t>, kRtpExtensionKindCount> ids_{};
};

} // namespace spoke::rtc
