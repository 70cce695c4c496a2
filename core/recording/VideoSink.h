#pragma once

#include "media/VideoFrame.h"

#include <cstdint>

namespace spoke::recording {

// Where the player shows pictures. present() is called on the player's
// presentation thread at the moment the frame is due, never on the UI
// thread: a view-model implements it by wrapping the frame for
// QVideoSink::setVideoFrame, which is safe to call from any thread. The
// frame is a reference (no pixel copy) and may be kept.
class VideoSink {
public:
    virtual ~VideoSink() = default;
    virtual void present(const media::VideoFrame& frame, std::int64_t ptsMs) = 0;
};

} // namespace spoke::recording
