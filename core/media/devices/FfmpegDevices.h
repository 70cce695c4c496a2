#pragma once

// What every platform's FfmpegBackend (devices/<platform>/FfmpegBackend.cpp)
// shares: libavdevice's registration, and the "file" backend, which opens a
// media file the same way on every platform (README.md, "Platforms").

#include "media/devices/AudioSource.h"
#include "media/devices/DeviceInfo.h"
#include "media/devices/VideoSource.h"

#include <memory>
#include <string>

namespace spoke::media {

// libavdevice's devices registered, once per process; safe from any thread.
void registerFfmpegDevices();

// A media file played as a camera or a microphone. Throws
// MediaError(DeviceNotFound) when there is no file at `path`.
std::unique_ptr<VideoSource> openFileVideo(const DeviceInfo& info, const std::string& path,
                                           const VideoCaptureFormat& format);
std::unique_ptr<AudioSource> openFileAudio(const DeviceInfo& info, const std::string& path);

} // namespace spoke::media
