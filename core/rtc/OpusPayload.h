#pragma once

#include "rtc/RtcError.h"

#include <cstdint>
#include <span>

namespace spoke::rtc {

// What the TOC byte (RFC 6716 3.1) of an Opus packet says. RFC 7587 puts
// exactly one Opus packet in each RTP payload, and the RTP timestamp always
// runs at 48 kHz whatever the coded bandwidth, so the duration read here is
// what the sender adds to the timestamp for the next packet.
struct OpusPacketInfo {
    enum class Mode { Silk, Hybrid, Celt };
    enum class Bandwidth { Narrow, Medium, Wide, SuperWide, Full };

    Mode mode = Mode::Celt;
    Bandwidth bandwidth = Bandwidth::Full;
    bool stereo = false;
    int frameCount = 1;
    std::int32_t frameDurationUs = 20'000;
    std::int32_t durationUs() const { return frameCount * frameDurationUs; }
    std::uint32_t rtpTimestampIncrement() const { return static_cast<std::uint32_t>(durationUs() * 48 / 1000); }

    // Fails on an empty payload, a code-3 packet without its frame count
    // byte, zero frames, or more than 120 ms of audio (RFC 6716 3.2.5).
    static Expected<OpusPacketInfo> parse(std::span<const std::uint8_t> payload);
};

} // namespace spoke::rtc
