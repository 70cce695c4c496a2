#pragma once

#include "media/VideoFrame.h"
#include "media/video/EncodedFrame.h"
#include "util/ThreadAffinity.h"

#include <cstdint>
#include <memory>
#include <optional>
#include <span>
#include <string>

namespace spoke::media {

// libvpx VP8 or VP9 decoder. Input comes from the network, so a damaged or
// hostile frame is counted and reported, never thrown: decode() answers
// nothing and lastError() says why; the caller asks for a keyframe. Output
// pictures are I420 in their own ref-counted buffers (libvpx reuses its
// own). Owned by the decode thread (asserted).
class VpxDecoder {
public:
    explicit VpxDecoder(VideoCodec codec, int threads = 1);
    ~VpxDecoder();
    VpxDecoder(const VpxDecoder&) = delete;
    VpxDecoder& operator=(const VpxDecoder&) = delete;

    // `captureTimeUs` and `sequence` are carried over to the picture.
    std::optional<VideoFrame> decode(std::span<const std::uint8_t> frame, std::int64_t captureTimeUs = 0,
                                     std::int64_t sequence = 0);

    VideoCodec codec() const { return codec_; }
    std::uint64_t errorCount() const { return errors_; }
    const std::string& lastError() const { return lastError_; }

private:
    struct Codec;
    ThreadAffinity affinity_;
    VideoCodec codec_;
    std::unique_ptr<Codec> context_;
    std::uint64_t errors_ = 0;
    std::string lastError_;
};

} // namespace spoke::media
