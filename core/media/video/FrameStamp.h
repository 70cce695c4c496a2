#pragma once

#include <cstdint>
#include <optional>
#include <string>

namespace spoke::media {

class VideoFrame;

// A machine-readable stamp in the top rows of a picture: the frame's sequence
// number and capture time (MediaClock milliseconds, 32 bits: wraps after 49
// days), guarded by a CRC-16. It is drawn as 3 rows of 40 large black/white
// luma cells, each row starting with a white and ending with a black
// reference cell, so the reader can set its threshold from the picture
// itself. Cells are width/40 pixels, a multiple of 4, so they line up with
// VP8's 4x4 transforms and survive heavy quantisation (150 kbit/s at
// 320x180), and the layout scales with the picture: a simulcast layer at half
// size carries the same stamp at half size.
struct FrameStampValue {
    std::uint32_t sequence = 0;
    std::uint32_t captureTimeMs = 0;
    bool operator==(const FrameStampValue&) const = default;
};

struct FrameStampReading {
    std::optional<FrameStampValue> value;
    std::string whyNot; // set when value is empty: written for a person
};

class FrameStamp {
public:
    static constexpr int kColumns = 40;
    static constexpr int kRows = 3;

    // Cell edge in pixels for a picture of this width, or 0 if it is too
    // small to carry a stamp (narrower than 160 pixels).
    static int cellPx(int width);
    // Height in pixels the stamp covers at this width.
    static int heightPx(int width) { return cellPx(width) * kRows; }

    // Writes into the luma (and neutralises the chroma) of an 8-bit planar
    // YUV frame (I420, I422, I444). Throws MediaError if the frame is too
    // small or not planar YUV. The frame must be writable.
    static void write(VideoFrame& frame, FrameStampValue value);

    // Reads a stamp from a decoded 8-bit planar YUV frame. Never throws on
    // bad pictures: says why it could not read instead (no stamp, too little
    // contrast, checksum mismatch).
    static FrameStampReading read(const VideoFrame& frame);
    static FrameStampReading read(const std::uint8_t* luma, int stride, int width, int height);
};

} // namespace spoke::media
