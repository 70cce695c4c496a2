#pragma once

#include "media/VideoFrame.h"

#include <atomic>
#include <memory>
#include <thread>

namespace spoke::media {

// Where pictures go to be shown: a call tile, the player's picture, the
// camera preview, or a counter in spoke-cli and the tests. The one contract
// for every producer (a call's capture and receive threads, the player's
// presentation thread, the preview's capture thread).
//
// Threading: onFrame() is called on the producer's thread and must return
// quickly: it may keep the frame (copying a VideoFrame adds a reference to
// the AVFrame's buffers, no pixels are copied), hand it to another thread
// and ask for an update, but it must not convert, draw, or wait for a lock
// that a render or UI thread holds while drawing, so a slow window never
// delays a capture or the 20 ms audio tick on the same thread. The frame's
// pixels are read-only (VideoFrame.h). Frames carry their time in
// captureTimeUs(): the capture time in a call or preview, the presentation
// time within the file in the player.
class VideoSink {
public:
    virtual ~VideoSink() = default;
    virtual void onFrame(const VideoFrame& frame) = 0;
};

// A VideoSink that forwards to another until detach(): what a producer holds
// (by shared_ptr) when the real sink may go away first, such as a call tile
// the user scrolls out or a view QML destroys while a picture is in flight.
//
// Threading: onFrame() from any thread, lock-free (it counts itself in and
// out around the forward). detach() from the target's owner, usually in the
// target's destructor: once it returns the target is never called again; it
// waits only for a forward already under way, which by the contract above
// is quick.
class VideoSinkGate final : public VideoSink {
public:
    explicit VideoSinkGate(VideoSink* target) : target_(target) { }

    void onFrame(const VideoFrame& frame) override
    {
        // Both sides use sequentially consistent operations: if this load
        // still sees the target, detach()'s load of inFlight_ comes later in
        // the single total order and sees this call counted in.
        inFlight_.fetch_add(1);
        if (VideoSink* target = target_.load())
            target->onFrame(frame);
        inFlight_.fetch_sub(1);
    }

    void detach()
    {
        target_.store(nullptr);
        while (inFlight_.load() != 0)
            std::this_thread::yield();
    }

private:
    std::atomic<VideoSink*> target_;
    std::atomic<int> inFlight_{0};
};

} // namespace spoke::media
