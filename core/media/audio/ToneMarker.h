#pragma once

#include <cstdint>
#include <optional>
#include <span>
#include <vector>

namespace spoke::media {

// The audio counterpart of FrameStamp. Every 20 ms block of the synthetic
// microphone carries two simultaneous tones, one from a low and one from a
// high group of eight frequencies, which together encode the block's
// sequence number modulo 64. Pure tones in the speech band survive Opus at
// any voice bitrate, and a detector can tell a concealed (PLC) or missing
// block from a received one, so a receiver counts lost, repeated and
// reordered audio the way it does video.
class ToneMarker {
public:
    static constexpr int kModulus = 64;
    static constexpr int kBlockSamples = 960; // 20 ms at 48 kHz

    // Writes block `sequence`'s marker into `block` (kBlockSamples samples),
    // with short ramps so block edges do not click.
    static void synthesize(std::int64_t sequence, std::span<std::int16_t> block, double amplitude = 0.25);

    // The code (sequence mod 64) in one block, or nothing if the block does
    // not clearly carry one (silence, noise, concealment, a boundary).
    static std::optional<int> detect(std::span<const std::int16_t> block);

    // Where blocks start in a decoded stream whose delay is unknown (codec
    // look-ahead, resampling): the offset in [0, kBlockSamples) at which
    // the most blocks decode cleanly, judged on the blocks after any leading
    // silence.
    static int findBlockOffset(std::span<const std::int16_t> samples);

    // Codes of every whole block from `offset` on.
    static std::vector<std::optional<int>> detectAll(std::span<const std::int16_t> samples, int offset);
};

} // namespace spoke::media
