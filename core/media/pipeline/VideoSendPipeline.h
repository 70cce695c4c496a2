#pragma once

#include "media/BoundedQueue.h"
#include "media/VideoFrame.h"
#include "media/devices/VideoSource.h"
#include "media/video/EncodeLoadMonitor.h"
#include "media/video/EncodedFrame.h"
#include "media/video/SimulcastEncoder.h"

#include <atomic>
#include <chrono>
#include <cstdint>
#include <functional>
#include <memory>
#include <mutex>
#include <string>
#include <thread>

namespace spoke::media {

struct VideoSendStats {
    std::uint64_t framesCaptured = 0;
    // Pictures that never left the pipeline, by cause; each counted once.
    std::uint64_t sourceSkipped = 0; // gaps in the source's frame numbers (camera off drops them before us)
    std::uint64_t captureQueueDropped = 0; // the encoder fell behind the camera
    std::uint64_t framesEncoded = 0; // pictures that produced at least one layer
    std::uint64_t encoderDropped = 0; // rate control (CPU or bitrate) skipped a picture on every layer
    std::uint64_t encodeErrors = 0; // the encoder refused a picture
    std::uint64_t outputDropped = 0; // encoded frames (per layer) nobody took in time
    std::uint64_t bytesOut = 0;
    std::uint64_t sourceErrors = 0;
    // CPU time of each pipeline thread (not the time it waited): the
    // capture thread's reading of the device, the encode thread's
    // conversion, scaling and encoding.
    std::int64_t captureCpuUs = 0;
    std::int64_t encodeCpuUs = 0;
    // The encoder not keeping up on this machine: share of the frame
    // interval spent encoding (smoothed), and how many size steps below
    // the source the layers are planned for it (EncodeLoadMonitor).
    double encodeUsage = 0;
    int cpuScaleSteps = 0;
    std::uint64_t cpuAdaptations = 0; // steps taken, down and up
    bool usingFallback = false;
    std::string lastError; // for a person: which device failed and how
};

// capture → convert/scale → VP8/VP9 (simulcast) encode, on two threads of
// its own joined by a bounded queue of two pictures (the camera never waits
// for the encoder; late pictures are dropped and counted). Encoded frames
// come out of output(), another bounded queue, for the RTP sender or a
// recorder; setOutputReady() tells the consumer when a picture's frames are
// there, so it need not poll. If the device fails mid-stream (unplugged, driver error, reads
// time out) the pipeline records the error, switches to the fallback
// source (normally the test pattern, so the far end sees "camera lost"
// rather than a frozen picture) and keeps running; it never hangs: stop()
// interrupts the source and joins both threads.
//
// Control methods (setTotalBitrateBps, requestKeyframe) are thread-safe and
// take effect on the next picture; start/stop and setOutputReady belong to
// the creating thread. The output-ready callback runs on the encode thread
// and must only hand off (post to the consumer's queue).
class VideoSendPipeline {
public:
    using SourceFactory = std::function<std::unique_ptr<VideoSource>()>;

    struct Config {
        SimulcastConfig encoder;
        std::size_t captureQueueCapacity = 2;
        std::size_t outputQueueCapacity = 60;
    };

    VideoSendPipeline(std::unique_ptr<VideoSource> source, SourceFactory fallback, const Config& config);
    ~VideoSendPipeline();
    VideoSendPipeline(const VideoSendPipeline&) = delete;
    VideoSendPipeline& operator=(const VideoSendPipeline&) = delete;

    void start();
    void stop(); // idempotent

    BoundedQueue<EncodedFrame>& output() { return output_; }
    // Called on the encode thread after each picture's frames are in
    // output(). Set before start().
    void setOutputReady(std::function<void()> ready);

    void setTotalBitrateBps(int bitrateBps) { pendingBitrateBps_ = bitrateBps; }
    void requestKeyframe() { keyframeRequested_ = true; }
    // One simulcast layer only (a receiver of that layer lost its picture);
    // the other layers keep their cheaper delta frames.
    void requestKeyframe(int layerIndex)
    {
        if (layerIndex >= 0 && layerIndex < 32)
            keyframeLayers_.fetch_or(1u << layerIndex);
    }

    VideoSendStats stats() const;

private:
    void captureLoop();
    void encodeLoop();
    void adaptToLoad(EncodeLoadMonitor& load, std::int64_t captureTimeUs,
                     std::chrono::steady_clock::duration encodeTime);
    void recordError(const std::string& message);

    ThreadAffinity affinity_;
    Config config_;
    SourceFactory fallback_;
    std::unique_ptr<SimulcastEncoder> encoder_;
    BoundedQueue<VideoFrame> captured_;
    BoundedQueue<EncodedFrame> output_;

    mutable std::mutex sourceMutex_; // guards source_ swaps against stop()'s interrupt
    std::unique_ptr<VideoSource> source_;

    std::thread captureThread_;
    std::thread encodeThread_;
    std::atomic<bool> stopping_{false};
    std::atomic<bool> started_{false};
    std::atomic<int> pendingBitrateBps_{0};
    std::atomic<bool> keyframeRequested_{false};
    std::atomic<std::uint32_t> keyframeLayers_{0}; // bit i: layer i wants a keyframe

    std::function<void()> outputReady_;
    std::atomic<std::uint64_t> framesCaptured_{0};
    std::atomic<std::uint64_t> sourceSkipped_{0};
    std::atomic<std::uint64_t> encodeErrors_{0};
    std::atomic<std::uint64_t> framesEncoded_{0};
    std::atomic<std::uint64_t> encoderDropped_{0};
    std::atomic<std::uint64_t> bytesOut_{0};
    std::atomic<std::uint64_t> sourceErrors_{0};
    std::atomic<std::int64_t> captureCpuUs_{0};
    std::atomic<std::int64_t> encodeCpuUs_{0};
    std::atomic<double> encodeUsage_{0};
    std::atomic<int> cpuScaleSteps_{0};
    std::atomic<std::uint64_t> cpuAdaptations_{0};
    std::atomic<bool> usingFallback_{false};
    mutable std::mutex errorMutex_;
    std::string lastError_;
};

} // namespace spoke::media
