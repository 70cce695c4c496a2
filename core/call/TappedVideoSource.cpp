#include "call/TappedVideoSource.h"

namespace spoke::call {

TappedVideoSource::TappedVideoSource(std::unique_ptr<media::VideoSource> inner, std::shared_ptr<CallMediaTap> tap,
                                     std::shared_ptr<SendSwitches> switches)
    : inner_(std::move(inner))
    , tap_(std::move(tap))
    , switches_(std::move(switches))
{
}

media::VideoFrame TappedVideoSource::read()
{
    while (true) {
        media::VideoFrame frame = inner_->read();
        if (frame.isNull())
            return frame; // interrupted
        // Camera off: pictures are read (so the device keeps its pace) and
        // dropped here, before the encoder. Nothing is encoded meanwhile, so
        // the far end's decoder still holds the last reference and the next
        // picture decodes without a keyframe.
        if (switches_ && switches_->videoMuted)
            continue;
        if (tap_)
            tap_->localVideo(frame);
        return frame;
    }
}

} // namespace spoke::call
