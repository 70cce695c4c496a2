#pragma once

#include "media/VideoFrame.h"
#include "media/video/EncodedFrame.h"
#include "media/video/TestPatternSource.h"
#include "media/video/VpxDecoder.h"
#include "media/video/VpxEncoder.h"

#include <vector>

namespace spoke::media::test {

// Unpaced test-pattern frames with capture times 1/fps apart, so rate
// control sees a real frame rate without the test waiting for it.
inline std::vector<VideoFrame> patternFrames(int width, int height, int fps, int count)
{
    TestPatternSource source({width, height, fps, false, AV_PIX_FMT_YUV420P});
    std::vector<VideoFrame> frames;
    for (int i = 0; i < count; ++i)
        frames.push_back(source.render(i, static_cast<std::int64_t>(i) * 1'000'000 / fps + 1'000'000));
    return frames;
}

inline VpxEncoderConfig encoderConfig(VideoCodec codec, int width, int height, int bitrateBps, int fps = 30)
{
    VpxEncoderConfig config;
    config.codec = codec;
    config.width = width;
    config.height = height;
    config.fps = fps;
    config.bitrateBps = bitrateBps;
    return config;
}

} // namespace spoke::media::test
