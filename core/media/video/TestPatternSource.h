#pragma once

#include "media/AvHandles.h"
#include "media/devices/VideoSource.h"
#include "util/ThreadAffinity.h"

#include <atomic>
#include <condition_variable>
#include <cstdint>
#include <mutex>
#include <vector>

namespace spoke::media {

// The synthetic camera: a scrolling texture with a moving box (so the encoder
// has real work to do) and a FrameStamp carrying the sequence number and the
// capture time in the top rows, which any receiver can read back to count
// lost, repeated or reordered frames and to measure latency.
//
// `paced` sources deliver frames at the frame rate like a camera; unpaced
// ones as fast as they are read (benchmarks, tests). A camera-like pixel
// format (YUYV 4:2:2) can be requested so the conversion stage does the work
// a real webcam would cost; the stamp is drawn before that conversion.
//
// Owned by the thread that first calls read() (asserted from then on);
// interrupt() is thread-safe.
class TestPatternSource final : public VideoSource {
public:
    struct Config {
        int width = 640;
        int height = 360;
        int fps = 30;
        bool paced = true;
        AVPixelFormat pixelFormat = AV_PIX_FMT_YUV420P; // or AV_PIX_FMT_YUYV422
    };

    explicit TestPatternSource(Config config);
    ~TestPatternSource() override;

    static DeviceInfo deviceInfo();

    const DeviceInfo& device() const override { return info_; }
    VideoFrame read() override;
    void interrupt() override;

    // The picture for a sequence number without pacing or stamping time:
    // the same bytes every call, so benchmarks can compare against it.
    VideoFrame render(std::int64_t sequence, std::int64_t captureTimeUs) const;

private:
    void buildTexture();
    bool waitUntilUs(std::int64_t dueUs);

    Config config_;
    DeviceInfo info_;
    std::vector<std::uint8_t> textureY_;
    std::vector<std::uint8_t> textureU_;
    std::vector<std::uint8_t> textureV_;
    int textureWidth_ = 0;
    SwsContextPtr toOutput_; // I420 -> camera format, only if one was asked for
    ThreadAffinity affinity_;
    bool bound_ = false;
    std::int64_t sequence_ = 0;
    std::int64_t startUs_ = -1;
    std::mutex mutex_;
    std::condition_variable wake_;
    std::atomic<bool> interrupted_{false};
};

} // namespace spoke::media
