// Any bytes as what arrives from the network for core/media: VP8 frames for
// the video decoder, Opus packets (plain and as FEC donors) for the voice
// decoder, and a small decoded picture for FrameStamp::read. Decoders answer
// nothing or concealment for bad input; none may crash, hang or leak.
//
// Input: byte 0 picks the target; for the decoders the rest is a sequence of
// [length: 2 bytes big-endian][payload] records; for the stamp reader byte 1
// picks the width and the rest is luma, row after row.
#include "media/audio/OpusVoiceDecoder.h"
#include "media/video/FrameStamp.h"
#include "media/video/VpxDecoder.h"

#include <cstdint>
#include <cstdlib>
#include <span>
#include <vector>

namespace {

std::vector<std::span<const std::uint8_t>> records(const std::uint8_t* data, std::size_t size)
{
    std::vector<std::span<const std::uint8_t>> out;
    std::size_t i = 0;
    while (i + 2 <= size && out.size() < 64) {
        const std::size_t length = (static_cast<std::size_t>(data[i]) << 8) | data[i + 1];
        i += 2;
        const std::size_t take = length < size - i ? length : size - i;
        out.emplace_back(data + i, take);
        i += take;
    }
    return out;
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size)
{
    using namespace spoke::media;
    if (size < 2)
        return 0;
    switch (data[0] % 3) {
    case 0: {
        VpxDecoder decoder(VideoCodec::Vp8);
        std::int64_t sequence = 0;
        for (const auto frame : records(data + 1, size - 1)) {
            const auto picture = decoder.decode(frame, sequence * 33'000, sequence);
            if (picture && (picture->isNull() || picture->width() <= 0 || picture->height() <= 0))
                std::abort();
            if (picture)
                (void)FrameStamp::read(*picture);
            ++sequence;
        }
        break;
    }
    case 1: {
        OpusVoiceDecoder decoder;
        const auto packets = records(data + 1, size - 1);
        for (std::size_t i = 0; i < packets.size(); ++i) {
            // Every third packet "lost": recovered from the next one's FEC or
            // concealed, as the jitter buffer would.
            AudioFrame frame;
            if (i % 3 == 2)
                frame = i + 1 < packets.size() ? decoder.recoverFromNext(packets[i + 1]) : decoder.conceal();
            else
                frame = decoder.decode(packets[i]);
            if (frame.isNull() || frame.sampleCount() != AudioFrame::kSamplesPer20Ms)
                std::abort();
        }
        break;
    }
    default: {
        const int width = 160 + 8 * (data[1] % 32);
        const std::size_t rows = (size - 2) / static_cast<std::size_t>(width);
        if (rows == 0)
            return 0;
        // A copy, so a read past the luma is caught by ASan.
        std::vector<std::uint8_t> luma(data + 2, data + 2 + rows * static_cast<std::size_t>(width));
        const auto reading = FrameStamp::read(luma.data(), width, width, static_cast<int>(rows));
        if (!reading.value && reading.whyNot.empty())
            std::abort();
        break;
    }
    }
    return 0;
}
