#pragma once

#include <cstdint>
#include <vector>

namespace spoke::media {

enum class VideoCodec {
    Vp8,
    Vp9,
};

const char* toString(VideoCodec codec);

// One compressed picture as a packetiser or recorder wants it: the bytes, the
// capture time of the picture it came from (MediaClock microseconds; the RTP
// timestamp is derived from it), whether it can be decoded on its own, and
// which simulcast layer it belongs to (0 = lowest resolution).
struct EncodedFrame {
    std::vector<std::uint8_t> data;
    VideoCodec codec = VideoCodec::Vp8;
    std::int64_t captureTimeUs = 0;
    std::int64_t sequence = 0; // the source frame's sequence number
    int width = 0;
    int height = 0;
    int layerIndex = 0;
    bool keyframe = false;
};

} // namespace spoke::media
