#pragma once

#include "media/VideoFrame.h"
#include "media/video/EncodedFrame.h"
#include "media/video/VideoConverter.h"
#include "media/video/VpxEncoder.h"
#include "rtc/BitrateLadder.h"
#include "util/ThreadAffinity.h"

#include <memory>
#include <vector>

namespace spoke::media {

struct SimulcastConfig {
    VideoCodec codec = VideoCodec::Vp8;
    int sourceWidth = 1280;
    int sourceHeight = 720;
    int maxFps = 30;
    int layerCount = 1; // 1..3
    int totalBitrateBps = 1'000'000;
    int threads = 1;
    bool allowFrameDrop = true;
    // The screen-content profile (screenContentProfile in VpxEncoder.h):
    // one layer at the source's size whatever the bitrate, at maxFps.
    bool screenContent = false;
    // Send a smaller picture when encoding does not keep up on this machine
    // (VideoSendPipeline's EncodeLoadMonitor decides).
    bool adaptToCpu = true;
};

// What the send pipeline encodes with: one VpxEncoder per simulcast layer,
// each fed a scaled copy of the picture. The BitrateLadder decides each
// layer's size, frame rate and share of the bitrate, and every change of the
// total bitrate re-plans the layers in place: sizes and rates change without
// restarting anything; a paused layer resumes with a keyframe. With one
// layer the ladder picks the size and rate from the bitrate alone.
// Owned by the encode thread (asserted).
class SimulcastEncoder {
public:
    explicit SimulcastEncoder(const SimulcastConfig& config);
    ~SimulcastEncoder();

    // Any pixel format swscale reads; converted per layer.
    std::vector<EncodedFrame> encode(const VideoFrame& picture);

    void setTotalBitrateBps(int bitrateBps);
    void requestKeyframe(); // every layer
    void requestKeyframe(int layerIndex);

    // The machine cannot keep up: plan every layer as if the source were
    // one step smaller (heights 1080, 720, 540, 360, 270, 180), or one step
    // back up. False when there is no further step.
    bool scaleDownForCpu();
    bool scaleUpForCpu();
    int cpuScaleSteps() const { return cpuSteps_; }

    const std::vector<rtc::VideoLayerPlan>& plan() const { return plans_; }
    std::uint64_t droppedFrames() const; // by rate control, all layers

    void moveToCurrentThread();

private:
    struct Layer;
    void replan();
    void applyPlan();

    ThreadAffinity affinity_;
    SimulcastConfig config_;
    std::vector<rtc::VideoLayerPlan> plans_;
    std::vector<std::unique_ptr<Layer>> layers_;
    int cpuSteps_ = 0;
};

} // namespace spoke::media
