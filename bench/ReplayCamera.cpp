#include "bench/ReplayCamera.h"

#include "media/MediaClock.h"
#include "media/MediaError.h"
#include "media/devices/FfmpegVideoSource.h"
#include "media/video/VideoConverter.h"

#include <chrono>

namespace spoke::bench {

using namespace spoke::media;

std::vector<VideoFrame> loadVideoFile(const std::filesystem::path& path, int width, int height, int maxFrames)
{
    FfmpegVideoSource file(DeviceInfo{"file:" + path.string(), "bench input", "file", DeviceKind::Camera, false, false},
                           "", path.string(), VideoCaptureFormat{}, false);
    VideoConverter toI420(AV_PIX_FMT_YUV420P, width, height);
    std::vector<VideoFrame> pictures;
    while (static_cast<int>(pictures.size()) < maxFrames) {
        VideoFrame picture = file.read();
        if (picture.isNull())
            break;
        pictures.push_back(toI420.convert(picture));
    }
    if (pictures.empty())
        throw MediaError(MediaErrorKind::FormatRefused, "No pictures could be read from " + path.string());
    return pictures;
}

ReplayCamera::ReplayCamera(std::vector<VideoFrame> pictures, int fps)
    : pictures_(std::move(pictures))
    , fps_(fps)
    , info_{"bench:replay", "Replayed pictures", "bench", DeviceKind::Camera, false, false}
{
    if (pictures_.empty() || fps_ <= 0)
        throw MediaError(MediaErrorKind::InvalidArgument, "A replay camera needs pictures and a frame rate");
}

VideoFrame ReplayCamera::read()
{
    if (interrupted_.load())
        return {};
    if (startUs_ < 0)
        startUs_ = MediaClock::nowUs();
    const std::int64_t dueUs = startUs_ + sequence_ * 1'000'000 / fps_;
    {
        std::unique_lock lock(mutex_);
        const auto due = std::chrono::steady_clock::now() + std::chrono::microseconds(dueUs - MediaClock::nowUs());
        wake_.wait_until(lock, due, [this] { return interrupted_.load(); });
    }
    if (interrupted_.load())
        return {};
    VideoFrame picture = pictures_[static_cast<std::size_t>(sequence_) % pictures_.size()];
    picture.setCaptureTimeUs(MediaClock::nowUs());
    picture.setSequence(sequence_++);
    return picture;
}

void ReplayCamera::interrupt()
{
    {
        std::lock_guard lock(mutex_);
        interrupted_ = true;
    }
    wake_.notify_all();
}

} // namespace spoke::bench
