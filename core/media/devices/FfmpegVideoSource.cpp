#include "media/devices/FfmpegVideoSource.h"

#include "media/MediaClock.h"

#include <string>

namespace spoke::media {

FfmpegVideoSource::FfmpegVideoSource(DeviceInfo info, const std::string& formatName, const std::string& url,
                                     const VideoCaptureFormat& format, bool applyFormat,
                                     std::map<std::string, std::string> options)
    : info_(std::move(info))
{
    if (applyFormat) {
        options["video_size"] = std::to_string(format.width) + "x" + std::to_string(format.height);
        options["framerate"] = std::to_string(format.fps);
    }
    // Two seconds without a picture means the camera is gone (USB unplugged,
    // driver wedged); a live call must not wait longer than that to say so.
    input_ =
        std::make_unique<FfmpegInput>(formatName, url, AVMEDIA_TYPE_VIDEO, options, std::chrono::milliseconds(2000));
}

VideoFrame FfmpegVideoSource::read()
{
    if (!bound_) {
        affinity_.rebindToCurrentThread();
        bound_ = true;
    }
    affinity_.assertOwner();
    AvFramePtr frame = input_->read();
    if (!frame)
        return {};
    return VideoFrame(std::move(frame), MediaClock::nowUs(), sequence_++);
}

} // namespace spoke::media
