#pragma once

#include "rtc/Vp8Descriptor.h"

#include <cstdint>
#include <span>
#include <vector>

namespace spoke::rtc {

// Splits one encoded VP8 frame into RTP payloads (RFC 7741), each a
// descriptor followed by a slice of the frame, none longer than
// maxPayloadBytes. Sizes are balanced (they differ by at most one byte) so
// that no tiny trailing packet wastes a header on a metered link. The caller
// wraps them in RTP packets with one timestamp and sets the marker on the
// last one.
class Vp8Packetizer {
public:
    explicit Vp8Packetizer(std::size_t maxPayloadBytes) : maxPayloadBytes_(maxPayloadBytes) { }

    // `frameDescriptor` gives picture id, TL0PICIDX, TID/Y, KEYIDX and N for
    // the frame; S and PID are set here (S on the first payload, PID 0: the
    // frame is sent as one partition stream, which every receiver accepts).
    // Empty when the frame is empty or the MTU cannot hold descriptor + 1 byte.
    std::vector<std::vector<std::uint8_t>> packetize(std::span<const std::uint8_t> frame,
                                                     const Vp8Descriptor& frameDescriptor) const;

private:
    std::size_t maxPayloadBytes_;
};

} // namespace spoke::rtc
