#pragma once

#include "media/AvHandles.h"

#include <cstdint>

namespace spoke::media {

// One picture on its way through a pipeline. The pixels live in a
// ref-counted AVFrame: copying a VideoFrame adds a reference, never copies
// pixels, so a preview, a recorder and the encoder can share one capture.
// Buffers must be treated as read-only once shared; writers call
// makeWritable() first. Not thread-safe itself, but each copy may live on a
// different thread (FFmpeg's buffer refcounts are atomic).
class VideoFrame {
public:
    VideoFrame() = default;
    // Takes ownership of `frame`, which must hold allocated buffers.
    VideoFrame(AvFramePtr frame, std::int64_t captureTimeUs, std::int64_t sequence);

    // Allocates a new frame of the given format and size (32-byte aligned
    // planes), its pixels drawn from PicturePool::shared().
    static VideoFrame allocate(AVPixelFormat format, int width, int height, std::int64_t captureTimeUs = 0,
                               std::int64_t sequence = 0);

    VideoFrame(const VideoFrame& other);
    VideoFrame& operator=(const VideoFrame& other);
    VideoFrame(VideoFrame&&) noexcept = default;
    VideoFrame& operator=(VideoFrame&&) noexcept = default;
    ~VideoFrame() = default;

    bool isNull() const { return !frame_; }
    int width() const { return frame_ ? frame_->width : 0; }
    int height() const { return frame_ ? frame_->height : 0; }
    AVPixelFormat format() const { return frame_ ? static_cast<AVPixelFormat>(frame_->format) : AV_PIX_FMT_NONE; }

    const std::uint8_t* plane(int index) const { return frame_->data[index]; }
    std::uint8_t* mutablePlane(int index) { return frame_->data[index]; }
    int stride(int index) const { return frame_->linesize[index]; }

    AVFrame* av() const { return frame_.get(); }

    // Copies the pixels if another VideoFrame still shares them.
    void makeWritable();

    // MediaClock time at which the picture was captured (or generated).
    std::int64_t captureTimeUs() const { return captureTimeUs_; }
    // Counts frames delivered by one source, from 0; gaps mean drops.
    std::int64_t sequence() const { return sequence_; }
    void setCaptureTimeUs(std::int64_t us) { captureTimeUs_ = us; }
    void setSequence(std::int64_t sequence) { sequence_ = sequence; }

private:
    AvFramePtr frame_;
    std::int64_t captureTimeUs_ = 0;
    std::int64_t sequence_ = 0;
};

} // namespace spoke::media
