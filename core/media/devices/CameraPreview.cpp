#include "media/devices/CameraPreview.h"

#include "media/MediaError.h"
#include "media/devices/DeviceRegistry.h"
#include "util/ThreadName.h"

namespace spoke::media {

CameraPreview::CameraPreview(std::shared_ptr<const DeviceRegistry> registry, Config config,
                             std::shared_ptr<VideoSink> sink, StatusFn onStatus)
    : registry_(std::move(registry))
    , config_(std::move(config))
    , sink_(std::move(sink))
    , onStatus_(std::move(onStatus))
{
    thread_ = std::thread([this] {
        util::setCurrentThreadName("preview");
        run();
    });
}

CameraPreview::~CameraPreview()
{
    stop();
}

void CameraPreview::stop()
{
    stopping_ = true;
    {
        std::lock_guard lock(sourceMutex_);
        if (source_)
            source_->interrupt();
    }
    if (thread_.joinable())
        thread_.join();
}

void CameraPreview::setSource(std::unique_ptr<VideoSource> source)
{
    std::lock_guard lock(sourceMutex_);
    source_ = std::move(source);
    // A stop asked while the device was opening must still end read().
    if (source_ && stopping_)
        source_->interrupt();
}

bool CameraPreview::openFallback(PreviewStatus status)
{
    setSource({});
    try {
        setSource(registry_->openVideo(config_.fallbackId, config_.format));
        status.showing = source_->device().name;
    } catch (const MediaError& error) {
        status.fallbackError = error.what();
    }
    if (onStatus_)
        onStatus_(status);
    return status.fallbackError.empty();
}

bool CameraPreview::openChosen()
{
    if (config_.cameraId.empty())
        return openFallback({.problem = PreviewProblem::NoCameraChosen});
    try {
        setSource(registry_->openVideo(config_.cameraId, config_.format));
    } catch (const MediaError& error) {
        return openFallback({.problem = PreviewProblem::OpenFailed, .problemDetail = error.what()});
    }
    if (onStatus_)
        onStatus_({.showing = source_->device().name});
    return true;
}

void CameraPreview::run()
{
    if (!openChosen())
        return;
    while (!stopping_) {
        VideoFrame frame;
        try {
            frame = source_->read();
        } catch (const MediaError& error) {
            if (!openFallback({.problem = PreviewProblem::CameraStopped, .problemDetail = error.what()}))
                return;
            continue;
        }
        if (frame.isNull())
            break; // interrupted
        if (sink_)
            sink_->onFrame(frame);
        ++frames_;
    }
}

} // namespace spoke::media
