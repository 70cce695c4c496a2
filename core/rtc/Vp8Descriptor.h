#pragma once

#include "rtc/RtcError.h"

#include <cstdint>
#include <optional>
#include <span>
#include <vector>

namespace spoke::rtc {

// The RFC 7741 section 4.2 VP8 payload descriptor at the start of every VP8
// RTP payload. Optional fields are present on the wire exactly when set here.
// Janus reads picture id and TL0PICIDX/TID to switch simulcast and temporal
// layers, and rewrites the picture id when it does.
struct Vp8Descriptor {
    bool nonReference = false; // N
    bool startOfPartition = false; // S
    std::uint8_t partitionIndex = 0; // PID, 0-7
    std::optional<std::uint16_t> pictureId; // 7 or 15 bits
    bool longPictureId = true; // M bit: 15-bit picture id
    std::optional<std::uint8_t> tl0PicIdx;
    std::optional<std::uint8_t> temporalId; // TID, 0-3
    bool layerSync = false; // Y (sent only with a temporalId or keyIndex)
    std::optional<std::uint8_t> keyIndex; // KEYIDX, 0-31

    static constexpr std::size_t kMaxSize = 6;

    // Parses the descriptor and reports how many bytes it took.
    struct Parsed;
    static Expected<Parsed> parse(std::span<const std::uint8_t> payload);
    void write(std::vector<std::uint8_t>& out) const;
    std::size_t size() const;

    bool operator==(const Vp8Descriptor&) const = default;
};

struct Vp8Descriptor::Parsed {
    Vp8Descriptor descriptor;
    std::size_t headerBytes = 0;
};

// The start of a VP8 frame (RFC 6386 9.1), read from the first payload bytes
// after the descriptor of the packet that begins partition 0.
struct Vp8FrameHeader {
    bool keyframe = false;
    bool showFrame = true;
    std::uint8_t version = 0;
    std::uint32_t firstPartitionBytes = 0;
    std::uint16_t width = 0; // keyframes only
    std::uint16_t height = 0; // keyframes only

    static Expected<Vp8FrameHeader> parse(std::span<const std::uint8_t> frameStart);
};

} // namespace spoke::rtc
