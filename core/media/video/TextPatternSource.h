#pragma once

#include "media/devices/VideoSource.h"
#include "util/ThreadAffinity.h"

#include <atomic>
#include <condition_variable>
#include <cstdint>
#include <mutex>
#include <vector>

namespace spoke::media {

// The synthetic screen: a page of dark text on white (what a shared
// document, chart or slide looks like to an encoder) whose TextStamp live
// lines change every frame, with a FrameStamp in the top rows for frame
// numbers and latency as on the synthetic camera. A receiver reads the text
// back (TextStamp::read) to tell whether the share was readable.
//
// Paced like a screen grab at the configured rate (5 fps for a share);
// unpaced sources deliver as fast as they are read (benchmarks, tests).
// Owned by the thread that first calls read(); interrupt() is thread-safe.
class TextPatternSource final : public VideoSource {
public:
    struct Config {
        int width = 1280;
        int height = 720;
        int fps = 5;
        bool paced = true;
    };

    explicit TextPatternSource(Config config);

    static DeviceInfo deviceInfo();

    const DeviceInfo& device() const override { return info_; }
    VideoFrame read() override;
    void interrupt() override;

    // The picture for a frame number: the same bytes every call.
    VideoFrame render(std::int64_t sequence, std::int64_t captureTimeUs) const;

private:
    bool waitUntilUs(std::int64_t dueUs);

    Config config_;
    DeviceInfo info_;
    std::vector<std::uint8_t> page_; // luma of the static page, width x height
    ThreadAffinity affinity_;
    bool bound_ = false;
    std::int64_t sequence_ = 0;
    std::int64_t startUs_ = -1;
    std::mutex mutex_;
    std::condition_variable wake_;
    std::atomic<bool> interrupted_{false};
};

} // namespace spoke::media
