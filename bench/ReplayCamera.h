#pragma once

#include "media/VideoFrame.h"
#include "media/devices/VideoSource.h"

#include <atomic>
#include <condition_variable>
#include <cstdint>
#include <filesystem>
#include <mutex>
#include <vector>

namespace spoke::bench {

// Reads up to `maxFrames` pictures of a Y4M (or any FFmpeg-readable) file
// into memory as I420 at the given size. Throws media::MediaError.
std::vector<media::VideoFrame> loadVideoFile(const std::filesystem::path& path, int width, int height, int maxFrames);

// A camera that plays pictures held in memory, looping, at `fps` in real
// time, in the pixel format it was given (a webcam hands over YUYV that
// DMA already put in memory, so handing out a reference costs what a
// webcam costs the CPU: almost nothing). Lets the live benchmark run the
// send path on the very content another tool is measured on. Read on one
// capture thread; interrupt() from any.
class ReplayCamera final : public media::VideoSource {
public:
    ReplayCamera(std::vector<media::VideoFrame> pictures, int fps);

    const media::DeviceInfo& device() const override { return info_; }
    media::VideoFrame read() override;
    void interrupt() override;

private:
    std::vector<media::VideoFrame> pictures_;
    int fps_;
    media::DeviceInfo info_;
    std::int64_t startUs_ = -1;
    std::int64_t sequence_ = 0;
    std::mutex mutex_;
    std::condition_variable wake_;
    std::atomic<bool> interrupted_{false};
};

} // namespace spoke::bench
