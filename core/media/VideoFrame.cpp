#include "media/VideoFrame.h"

#include "media/MediaError.h"
#include "media/PicturePool.h"

#include <string>

namespace spoke::media {

VideoFrame::VideoFrame(AvFramePtr frame, std::int64_t captureTimeUs, std::int64_t sequence)
    : frame_(std::move(frame))
    , captureTimeUs_(captureTimeUs)
    , sequence_(sequence)
{
}

VideoFrame VideoFrame::allocate(AVPixelFormat format, int width, int height, std::int64_t captureTimeUs,
                                std::int64_t sequence)
{
    if (width <= 0 || height <= 0)
        throw MediaError(MediaErrorKind::InvalidArgument, "A video frame needs a positive size, not "
                                                              + std::to_string(width) + "x" + std::to_string(height));
    AvFramePtr frame = PicturePool::shared().take(format, width, height);
    if (!frame)
        throw MediaError(MediaErrorKind::InvalidArgument, "Could not allocate a " + std::to_string(width) + "x"
                                                              + std::to_string(height) + " frame of pixel format "
                                                              + std::to_string(static_cast<int>(format)));
    return VideoFrame(std::move(frame), captureTimeUs, sequence);
}

VideoFrame::VideoFrame(const VideoFrame& other) : captureTimeUs_(other.captureTimeUs_), sequence_(other.sequence_)
{
    if (other.frame_)
        frame_.reset(av_frame_clone(other.frame_.get()));
}

VideoFrame& VideoFrame::operator=(const VideoFrame& other)
{
    if (this != &other) {
        VideoFrame copy(other);
        *this = std::move(copy);
    }
    return *this;
}

void VideoFrame::makeWritable()
{
    if (frame_ && av_frame_make_writable(frame_.get()) < 0)
        throw std::bad_alloc();
}

} // namespace spoke::media
