#pragma once

#include "media/VideoFrame.h"
#include "media/video/EncodedFrame.h"
#include "util/ThreadAffinity.h"

#include <cstdint>
#include <memory>
#include <vector>

namespace spoke::media {

// libvpx real-time settings, the way libwebrtc runs VP8 on desktop
// (docs/codec-anchors.md §"VP8 real-time settings"): CBR, no lag frames,
// error-resilient, fixed speed -6 for VP8 and 8 for VP9. Used directly
// rather than through libavcodec so a keyframe can be forced on exactly the
// next frame.
struct VpxEncoderConfig {
    VideoCodec codec = VideoCodec::Vp8;
    int width = 640;
    int height = 360;
    int fps = 30;
    int bitrateBps = 500'000;
    int threads = 1; // one per stream below 720p: more only adds overhead there
    int cpuUsed = 0; // 0 = the codec's real-time default (VP8 -6, VP9 8)
    bool allowFrameDrop = true; // rate control may skip a frame instead of overshooting
    bool screenContent = false; // VP9/VP8 screen tuning for slides and shared windows
    int maxKeyframeIntervalFrames = 3000; // keyframes come from PLI, not from a short GOP
    // VP8 skips coding a macroblock whose prediction error (sum of squares
    // over its 256 pixels) is below this: 1000 is an RMS error under 2
    // levels, invisible, and a camera picture is mostly such blocks (the
    // wall behind the clinician): 25-40 % less CPU on such pictures for the
    // same PSNR (docs/benchmarks.md). 1 codes everything (libwebrtc's choice).
    int staticThresholdSse = 1000;
    // Rate control's room: how large a keyframe may be against an average
    // frame, the coarsest quantiser, and the buffer level (percent) below
    // which it drops a picture rather than overshoot (0: never drops).
    int maxIntraBitratePct = 300;
    int maxQuantizer = 56;
    int dropFrameThresholdPct = 30;
};

// The screen-content profile on top of `base` (size, rate, codec kept): VP8's
// screen-content mode (VP8E_SET_SCREEN_CONTENT_MODE) or VP9's screen tuning,
// and quality over motion: a few frames a second (the sender captures at
// the rate it is given), a finer quantiser ceiling, and pictures dropped
// rather than blurred when a change is larger than the budget. A keyframe
// may take several frames' budget: text must arrive sharp the first time,
// and at 5 fps a frame's budget is small. See core/media/README.md for the
// figures behind each value.
VpxEncoderConfig screenContentProfile(VpxEncoderConfig base);

// One libvpx encoder. Bitrate, frame rate and resolution change on the fly
// (libvpx reconfigures in place; a larger picture forces a keyframe).
// Input must be I420 at the configured size. Owned by one thread, the encode
// thread (asserted).
class VpxEncoder {
public:
    explicit VpxEncoder(const VpxEncoderConfig& config);
    ~VpxEncoder();
    VpxEncoder(const VpxEncoder&) = delete;
    VpxEncoder& operator=(const VpxEncoder&) = delete;

    // Encodes one picture. Returns no frame when rate control dropped it.
    // Throws MediaError(InvalidArgument) for a wrong size or format,
    // MediaError(Codec) if libvpx fails.
    std::vector<EncodedFrame> encode(const VideoFrame& i420, int layerIndex = 0);

    // The next encode() produces a keyframe (a receiver lost sync, a PLI).
    void requestKeyframe() { keyframeRequested_ = true; }

    void setBitrateBps(int bitrateBps);
    void setFrameRate(int fps);
    void setResolution(int width, int height);

    const VpxEncoderConfig& config() const { return config_; }
    std::uint64_t droppedFrames() const { return droppedFrames_; }

    // Rebinds the owner thread: for encoders built on one thread and run on another.
    void moveToCurrentThread() { affinity_.rebindToCurrentThread(); }

private:
    struct Codec;
    void applyConfig();

    ThreadAffinity affinity_;
    VpxEncoderConfig config_;
    std::unique_ptr<Codec> codec_;
    bool keyframeRequested_ = false;
    std::uint64_t droppedFrames_ = 0;
    std::int64_t lastPts_ = -1;
};

} // namespace spoke::media
