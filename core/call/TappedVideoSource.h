#pragma once

#include "call/CallMediaTap.h"
#include "media/devices/VideoSource.h"

#include <memory>

namespace spoke::call {

// Wraps the picture source a Publisher sends: every picture goes to the tap
// as well (the self-view, CallMediaTap::localVideo), and while the camera is
// switched off read() keeps reading and dropping pictures, so nothing is
// encoded or sent until it is switched on again. The tap gets the frame as a
// reference to the same buffers the encoder reads; nothing is converted on
// the capture thread (the view converts on its render thread, VideoSink.h).
// Same threading contract as any VideoSource: read() on the capture thread,
// interrupt() from any thread ends a read promptly.
class TappedVideoSource final : public media::VideoSource {
public:
    TappedVideoSource(std::unique_ptr<media::VideoSource> inner, std::shared_ptr<CallMediaTap> tap,
                      std::shared_ptr<SendSwitches> switches);

    const media::DeviceInfo& device() const override { return inner_->device(); }
    media::VideoFrame read() override;
    void interrupt() override { inner_->interrupt(); }

private:
    std::unique_ptr<media::VideoSource> inner_;
    std::shared_ptr<CallMediaTap> tap_;
    std::shared_ptr<SendSwitches> switches_;
};

} // namespace spoke::call
