#include "media/devices/FfmpegDevices.h"

#include "media/MediaError.h"
#include "media/devices/FfmpegAudioSource.h"
#include "media/devices/FfmpegVideoSource.h"

extern "C" {
#include <libavdevice/avdevice.h>
}

#include <filesystem>
#include <mutex>

namespace spoke::media {

namespace {

void requireFile(const std::string& path)
{
    if (!std::filesystem::exists(path))
        throw MediaError(MediaErrorKind::DeviceNotFound, "No such file: " + path);
}

} // namespace

void registerFfmpegDevices()
{
    static std::once_flag once;
    std::call_once(once, [] { avdevice_register_all(); });
}

std::unique_ptr<VideoSource> openFileVideo(const DeviceInfo& info, const std::string& path,
                                           const VideoCaptureFormat& format)
{
    requireFile(path);
    return std::make_unique<FfmpegVideoSource>(info, "", path, format, false);
}

std::unique_ptr<AudioSource> openFileAudio(const DeviceInfo& info, const std::string& path)
{
    requireFile(path);
    return std::make_unique<FfmpegAudioSource>(info, "", path);
}

} // namespace spoke::media
