#pragma once

#include "media/devices/CameraPreview.h"

#include <QCoreApplication>
#include <QString>

#include <functional>
#include <memory>
#include <string>

namespace spoke::media {
class DeviceRegistry;
}

namespace spoke::ui {

class VideoView;

// The Settings page's side of the camera preview: runs a
// media::CameraPreview (the capture engine, core/media/devices) into a
// VideoView's sink, and words its typed status reports for the page. Holds
// no state of its own beyond that.
//
// Threading: construct and destroy on the UI thread; the destructor stops
// and joins the capture thread. `onMessage` is called on the capture thread
// (the owner posts it on). The view may go first: pictures go through
// VideoView::sink(), which drops them once the view is gone.
class CameraPreview {
    Q_DECLARE_TR_FUNCTIONS(CameraPreview)
public:
    // `message` says what went wrong (empty when the chosen camera shows);
    // `showing` names the device the preview shows.
    using MessageFn = std::function<void(const QString& message, const QString& showing)>;

    CameraPreview(std::shared_ptr<const media::DeviceRegistry> registry, std::string cameraId, VideoView* view,
                  MessageFn onMessage);

    std::int64_t framesPresented() const { return engine_.framesDelivered(); }

    // The sentence for a status report, in the user's language.
    static QString describe(const media::PreviewStatus& status);

    static constexpr media::VideoCaptureFormat kFormat{640, 360, 15};

private:
    media::CameraPreview engine_;
};

} // namespace spoke::ui
