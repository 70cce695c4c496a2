#pragma once

#include "media/VideoFrame.h"

#include <atomic>
#include <memory>

namespace spoke::media {

// A one-picture mailbox between a producer and whoever draws: put() replaces
// the waiting picture, take() empties the box. Only the newest picture is
// worth drawing, so a producer never queues behind a slow display and a
// consumer converts one picture per draw however many arrived.
//
// Threading: lock-free; put() and take() from any threads (one atomic
// pointer exchange each). A replaced picture is released on the thread that
// replaced it, which only drops a buffer reference.
class FrameMailbox {
public:
    FrameMailbox() = default;
    ~FrameMailbox() { delete slot_.exchange(nullptr); }
    FrameMailbox(const FrameMailbox&) = delete;
    FrameMailbox& operator=(const FrameMailbox&) = delete;

    // Returns true if the box was empty: the consumer may need waking.
    bool put(const VideoFrame& frame)
    {
        std::unique_ptr<VideoFrame> previous(slot_.exchange(new VideoFrame(frame), std::memory_order_acq_rel));
        return !previous;
    }

    // The newest picture, or null when nothing arrived since the last take().
    std::unique_ptr<VideoFrame> take()
    {
        return std::unique_ptr<VideoFrame>(slot_.exchange(nullptr, std::memory_order_acq_rel));
    }

private:
    std::atomic<VideoFrame*> slot_{nullptr};
};

} // namespace spoke::media
