#pragma once

#include <map>
#include <string>

#include "media/devices/FfmpegInput.h"
#include "media/devices/VideoSource.h"
#include "util/ThreadAffinity.h"

#include <memory>

namespace spoke::media {

// A camera, screen or video file read through FFmpeg. Pictures come out in
// the device's own pixel format (YUYV, MJPEG decoded to YUVJ, BGRA for
// screens); the pipeline's converter takes them from there. Owned by the
// thread that first calls read() (asserted); interrupt() is thread-safe.
class FfmpegVideoSource final : public VideoSource {
public:
    // Throws MediaError(DeviceNotFound / FormatRefused) with a message that
    // names the device.
    FfmpegVideoSource(DeviceInfo info, const std::string& formatName, const std::string& url,
                      const VideoCaptureFormat& format, bool applyFormat = true,
                      std::map<std::string, std::string> options = {});

    const DeviceInfo& device() const override { return info_; }
    VideoFrame read() override;
    void interrupt() override { input_->interrupt(); }

    // A file source at its end (read() then returns null frames).
    bool ended() const { return input_->ended(); }

private:
    DeviceInfo info_;
    std::unique_ptr<FfmpegInput> input_;
    ThreadAffinity affinity_;
    bool bound_ = false;
    std::int64_t sequence_ = 0;
};

} // namespace spoke::media
