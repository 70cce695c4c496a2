#pragma once

#include "media/VideoFrame.h"
#include "media/devices/DeviceInfo.h"

namespace spoke::media {

// What the user asks a camera or screen for. Devices deliver the nearest they
// can; the pipeline converts to what the encoder needs.
struct VideoCaptureFormat {
    int width = 640;
    int height = 360;
    int fps = 30;
};

// A camera, a screen grab or a synthetic source. Owned and read by one
// capture thread (read() blocks until the next picture); only interrupt() may
// be called from another thread.
class VideoSource {
public:
    virtual ~VideoSource() = default;

    virtual const DeviceInfo& device() const = 0;

    // The next picture, with its MediaClock capture time and a sequence
    // number counting from 0. Throws MediaError(DeviceLost) when the device
    // stops delivering. Returns a null frame once interrupted.
    virtual VideoFrame read() = 0;

    // Makes a blocked or future read() return a null frame promptly.
    // Thread-safe.
    virtual void interrupt() = 0;
};

} // namespace spoke::media
