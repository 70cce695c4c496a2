#include "rtc/RtpExtensionMap.h"

namespace spoke::rtc {

namespace {
constexpr std::array<std::string_view, kRtpExtensionKindCount> kUris = {
    "urn:ietf:params:rtp-hdrext:sdes:mid",
    "http://www.webrtc.org/experiments/rtp-hdrext/abs-send-time",
    "http://www.ietf.org/id/draft-holmer-rmcat-transport-wide-cc-extensions-01",
    "urn:ietf:params:rtp-hdrext:ssrc-audio-level",
    "urn:ietf:params:rtp-hdrext:sdes:rtp-stream-id",
    "urn:ietf:params:rtp-hdrext:sdes:repaired-rtp-stream-id",
};
} // namespace

std::string_view extensionUri(RtpExtensionKind kind)
{
    return kUris[static_cast<std::size_t>(kind)];
}

std::optional<RtpExtensionKind> extensionKindFromUri(std::string_view uri)
{
    for (std::size_t i = 0; i < kUris.size(); ++i)
        if (kUris[i] == uri)
            return static_cast<RtpExtensionKind>(i);
    return std::nullopt;
}

bool RtpExtensionMap::setByUri(std::string_view uri, std::uint8_t id)
{
    const auto kind = extensionKindFromUri(uri);
    if (!kind)
        return false;
    set(*kind, id);
    return true;
}

const RtpExtension* RtpExtensionMap::find(const RtpPacket& p, RtpExtensionKind kind) const
{
    const auto id = ids_[index(kind)];
    return id ? p.extension(*id) : nullptr;
}

std::optional<std::string> RtpExtensionMap::readString(const RtpPacket& p, RtpExtensionKind kind) const
{
    const auto* e = find(p, kind);
    if (!e || e->data.empty())
        return std::nullopt;
    return std::string(e->data.begin(), e->data.end());
}

bool RtpExtensionMap::writeString(RtpPacket& p, RtpExtensionKind kind, std::string_view value) const
{
    const auto id = ids_[index(kind)];
    // RFC 7941: SDES items in header extensions are 1-255 bytes (16 in the one-byte form).
    if (!id || value.empty() || value.size() > 255)
        return false;
    p.setExtension(*id, std::vector<std::uint8_t>(value.begin(), value.end()));
    return true;
}

std::optional<std::uint32_t> RtpExtensionMap::absSendTime(const RtpPacket& p) const
{
    const auto* e = find(p, RtpExtensionKind::AbsSendTime);
    if (!e || e->data.size() != 3)
        return std::nullopt;
    return (std::uint32_t{e->data[0]} << 16) | (std::uint32_t{e->data[1]} << 8) | e->data[2];
}

std::optional<std::uint16_t> RtpExtensionMap::transportSequenceNumber(const RtpPacket& p) const
{
    const auto* e = find(p, RtpExtensionKind::TransportSequenceNumber);
    if (!e || e->data.size() != 2)
        return std::nullopt;
    return static_cast<std::uint16_t>((e->data[0] << 8) | e->data[1]);
}

std::optional<AudioLevel> RtpExtensionMap::audioLevel(const RtpPacket& p) const
{
    const auto* e = find(p, RtpExtensionKind::AudioLevel);
    if (!e || e->data.empty()) // some senders pad the one-byte value to 4 bytes
        return std::nullopt;
    return AudioLevel{(e->data[0] & 0x80) != 0, static_cast<std::uint8_t>(e->data[0] & 0x7F)};
}

bool RtpExtensionMap::setAbsSendTime(RtpPacket& p, std::uint32_t value24) const
{
    const auto id = ids_[index(RtpExtensionKind::AbsSendTime)];
    if (!id)
        return false;
    p.setExtension(*id, {static_cast<std::uint8_t>(value24 >> 16), static_cast<std::uint8_t>(value24 >> 8),
                         static_cast<std::uint8_t>(value24)});
    return true;
}

bool RtpExtensionMap::setTransportSequenceNumber(RtpPacket& p, std::uint16_t seq) const
{
    const auto id = ids_[index(RtpExtensionKind::TransportSequenceNumber)];
    if (!id)
        return false;
    p.setExtension(*id, {static_cast<std::uint8_t>(seq >> 8), static_cast<std::uint8_t>(seq)});
    return true;
}

bool RtpExtensionMap::setAudioLevel(RtpPacket& p, AudioLevel level) const
{
    const auto id = ids_[index(RtpExtensionKind::AudioLevel)];
    if (!id)
        return false;
    p.setExtension(*id, {static_cast<std::uint8_t>((level.voiceActivity ? 0x80 : 0) | (level.levelDbov & 0x7F))});
    return true;
}

std::uint32_t RtpExtensionMap::absSendTimeFromMicros(std::int64_t sendTimeUs)
{
    // 6.18 fixed point: seconds << 18, keep the low 24 bits.
    const auto units = (static_cast<std::uint64_t>(sendTimeUs) << 18) / 1'000'000u;
    return static_cast<std::uint32_t>(units & 0xFFFFFF);
}

} // namespace spoke::rtc
