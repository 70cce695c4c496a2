#pragma once

#include "media/VideoSink.h"
#include "media/devices/VideoSource.h"

#include <atomic>
#include <cstdint>
#include <functional>
#include <memory>
#include <mutex>
#include <string>
#include <thread>

namespace spoke::media {

class DeviceRegistry;

// Why a preview is not showing the chosen camera. Typed, so the UI words it
// in the user's language (core builds no sentences).
enum class PreviewProblem {
    None, // the chosen camera is showing
    NoCameraChosen, // no camera id (none was found on this computer)
    OpenFailed, // the camera is missing or refused the format
    CameraStopped, // it delivered, then stopped (unplugged, driver error)
};

// What the preview is doing now; reported each time that changes.
struct PreviewStatus {
    PreviewProblem problem = PreviewProblem::None;
    std::string problemDetail{}; // the device's own error text (OpenFailed, CameraStopped)
    std::string showing{}; // name of the device delivering now; empty when nothing shows
    std::string fallbackError{}; // the fallback failed too: why (then `showing` is empty)
};

// A camera preview engine (Settings → Audio & video, `spoke-cli`): opens the
// chosen camera and delivers every picture to a VideoSink. A camera that is
// missing, refuses the format or stops mid-stream is reported and replaced by
// the fallback (the test pattern), so the preview never freezes or takes the
// app down.
//
// Threading: one capture thread of its own, started by the constructor
// (opening a camera can take a second). The sink and `onStatus` are called on
// that thread; the sink is held by shared_ptr, so it lives as long as the
// thread may call it. Construct, stop() and destroy on one thread; stop()
// interrupts the device and joins, and the destructor stops.
class CameraPreview {
public:
    using StatusFn = std::function<void(const PreviewStatus& status)>;

    struct Config {
        std::string cameraId{}; // empty: no camera, show the fallback
        VideoCaptureFormat format{640, 360, 15};
        std::string fallbackId = "synthetic:test-pattern";
    };

    CameraPreview(std::shared_ptr<const DeviceRegistry> registry, Config config, std::shared_ptr<VideoSink> sink,
                  StatusFn onStatus);
    ~CameraPreview();
    CameraPreview(const CameraPreview&) = delete;
    CameraPreview& operator=(const CameraPreview&) = delete;

    // Ends the capture thread; no picture or status is delivered afterwards.
    void stop();

    // Pictures handed to the sink so far. Thread-safe.
    std::int64_t framesDelivered() const { return frames_.load(); }

private:
    void run();
    bool openChosen();
    bool openFallback(PreviewStatus status);
    void setSource(std::unique_ptr<VideoSource> source);

    const std::shared_ptr<const DeviceRegistry> registry_;
    const Config config_;
    const std::shared_ptr<VideoSink> sink_;
    const StatusFn onStatus_;
    std::atomic<bool> stopping_{false};
    std::atomic<std::int64_t> frames_{0};
    std::mutex sourceMutex_; // guards source_ against interrupt() from the owner
    std::unique_ptr<VideoSource> source_;
    std::thread thread_;
};

} // namespace spoke::media
