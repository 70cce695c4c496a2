// Any bytes, cut into RTP packets for the VP8 assembler: frames come out
// complete or are reported incomplete; memory stays bounded.
#include "rtc/Vp8FrameAssembler.h"

#include <cstdint>
#include <cstdlib>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size)
{
    using namespace spoke::rtc;
    Vp8FrameAssembler::Limits limits;
    limits.maxPendingFrames = 8;
    limits.maxPacketsPerFrame = 64;
    Vp8FrameAssembler assembler(limits);
    std::size_t i = 0;
    std::int64_t now = 0;
    // Each record: seq (2), timestamp low byte (1), marker/length (1), payload.
    while (i + 4 <= size) {
        RtpPacket p;
        p.sequenceNumber = static_cast<std::uint16_t>((data[i] << 8) | data[i + 1]);
        p.timestamp = data[i + 2];
        p.marker = (data[i + 3] & 0x80) != 0;
        const std::size_t length = data[i + 3] & 0x7F;
        i += 4;
        const std::size_t take = length < size - i ? length : size - i;
        p.payload.assign(data + i, data + i + take);
        i += take;
        auto result = assembler.insert(p, now += 1000);
        if (result.outcome == Vp8FrameAssembler::Outcome::Completed && !result.frame)
            std::abort();
        (void)assembler.missingSequenceNumbers();
        if (assembler.pendingFrames() > limits.maxPendingFrames)
            std::abort();
        if (now % 7000 == 0)
            (void)assembler.expire(now);
        (void)Vp8Descriptor::parse(p.payload);
    }
    return 0;
}
