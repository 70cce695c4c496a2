#pragma once

#include "media/devices/VideoSource.h"

#include <QCoreApplication>
#include <QString>

#include <atomic>
#include <functional>
#include <memory>
#include <mutex>
#include <string>
#include <thread>

namespace spoke::media {
class DeviceRegistry;
}

namespace spoke::ui {

class VideoView;

// The Settings page's camera preview: opens the chosen camera on its own
// thread (opening a camera can take a second) and hands every picture to a
// VideoView, which converts it on that same thread. A camera that is missing,
// refuses the format or stops mid-stream is reported through `onMessage`
// (called on the preview thread) and replaced by the test pattern, so the
// preview never freezes or takes the app down. Construct and destroy on one
// thread; the destructor stops and joins, and `view` must outlive it.
class CameraPreview {
    Q_DECLARE_TR_FUNCTIONS(CameraPreview)
public:
    using MessageFn = std::function<void(const QString& message, const QString& showing)>;

    CameraPreview(std::shared_ptr<const media::DeviceRegistry> registry, std::string cameraId, VideoView* view,
                  MessageFn onMessage);
    ~CameraPreview();
    CameraPreview(const CameraPreview&) = delete;
    CameraPreview& operator=(const CameraPreview&) = delete;

    int framesPresented() const { return frames_.load(); }

    static constexpr media::VideoCaptureFormat kFormat{640, 360, 15};

private:
    void run();
    bool openFallback(const QString& why);
    void setSource(std::unique_ptr<media::VideoSource> source);

    std::shared_ptr<const media::DeviceRegistry> registry_;
    std::string cameraId_;
    VideoView* view_;
    MessageFn onMessage_;
    std::atomic<bool> stopping_{false};
    std::atomic<int> frames_{0};
    std::mutex sourceMutex_; // guards source_ against interrupt() from the owner
    std::unique_ptr<media::VideoSource> source_;
    std::thread thread_;
};

} // namespace spoke::ui
