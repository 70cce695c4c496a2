#pragma once

#include "media/AvHandles.h"
#include "media/VideoFrame.h"
#include "util/ThreadAffinity.h"

namespace spoke::media {

// Converts and scales pictures to one output format and size with swscale,
// keeping the context between frames (it is rebuilt only when the input
// changes). A frame already in the right format and size passes through
// without a copy. Owned by one thread (asserted): the encode thread.
class VideoConverter {
public:
    VideoConverter(AVPixelFormat outputFormat, int outputWidth, int outputHeight);

    void setOutputSize(int width, int height);
    int outputWidth() const { return outWidth_; }
    int outputHeight() const { return outHeight_; }

    // Keeps the capture time and sequence. Throws MediaError(InvalidArgument)
    // for a format swscale cannot read.
    VideoFrame convert(const VideoFrame& input);

private:
    ThreadAffinity affinity_;
    AVPixelFormat outFormat_;
    int outWidth_;
    int outHeight_;
    SwsContextPtr context_;
    AVPixelFormat inFormat_ = AV_PIX_FMT_NONE;
    int inWidth_ = 0;
    int inHeight_ = 0;
};

} // namespace spoke::media
