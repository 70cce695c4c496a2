#include "viewmodels/CameraPreview.h"

#include "media/MediaError.h"
#include "media/devices/DeviceRegistry.h"
#include "viewmodels/MediaPreferences.h"
#include "viewmodels/VideoView.h"

namespace spoke::ui {

CameraPreview::CameraPreview(std::shared_ptr<const media::DeviceRegistry> registry, std::string cameraId,
                             VideoView* view, MessageFn onMessage)
    : registry_(std::move(registry))
    , cameraId_(std::move(cameraId))
    , view_(view)
    , onMessage_(std::move(onMessage))
{
    thread_ = std::thread([this] { run(); });
}

CameraPreview::~CameraPreview()
{
    stopping_ = true;
    {
        std::lock_guard lock(sourceMutex_);
        if (source_)
            source_->interrupt();
    }
    thread_.join();
}

void CameraPreview::setSource(std::unique_ptr<media::VideoSource> source)
{
    std::lock_guard lock(sourceMutex_);
    source_ = std::move(source);
    // A stop asked while the device was opening must still end read().
    if (source_ && stopping_)
        source_->interrupt();
}

bool CameraPreview::openFallback(const QString& why)
{
    setSource({});
    try {
        setSource(registry_->openVideo(MediaPreferences::kTestPatternId, kFormat));
    } catch (const media::MediaError& error) {
        onMessage_(why + QLatin1Char(' ')
                       + tr("The test pattern could not start either: %1").arg(QString::fromUtf8(error.what())),
                   {});
        return false;
    }
    onMessage_(why + QLatin1Char(' ') + tr("Showing the test pattern instead."),
               QString::fromStdString(source_->device().name));
    return true;
}

void CameraPreview::run()
{
    if (cameraId_.empty()) {
        if (!openFallback(tr("No camera was found.")))
            return;
    } else {
        try {
            setSource(registry_->openVideo(cameraId_, kFormat));
            onMessage_({}, QString::fromStdString(source_->device().name));
        } catch (const media::MediaError& error) {
            if (!openFallback(tr("The camera could not be opened: %1.").arg(QString::fromUtf8(error.what()))))
                return;
        }
    }
    while (!stopping_) {
        media::VideoFrame frame;
        try {
            frame = source_->read();
        } catch (const media::MediaError& error) {
            if (!openFallback(tr("The camera stopped: %1.").arg(QString::fromUtf8(error.what()))))
                return;
            continue;
        }
        if (frame.isNull())
            break; // interrupted
        view_->present(frame);
        ++frames_;
    }
}

} // namespace spoke::ui
