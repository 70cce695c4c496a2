#pragma once

#include "media/devices/AudioSink.h"
#include "media/devices/AudioSource.h"
#include "media/devices/DeviceInfo.h"
#include "media/devices/VideoSource.h"

#include <memory>
#include <string>
#include <vector>

namespace spoke::media {

// One way of reaching devices. Linux has the FFmpeg backend (v4l2, x11grab,
// ALSA, PulseAudio) and every platform has the synthetic one; Windows
// (dshow/gdigrab), macOS (avfoundation) and PipeWire portals slot in as
// further backends without touching the registry or the pipelines.
// Implementations are thread-safe for enumerate(); open*() returns a source
// that belongs to whoever reads it.
class DeviceBackend {
public:
    virtual ~DeviceBackend() = default;

    // The prefix of this backend's device ids ("synthetic", "v4l2", …); a
    // backend may own several.
    virtual bool owns(const std::string& backend) const = 0;
    virtual std::vector<DeviceInfo> enumerate() const = 0;

    // `localId` is the id without "<backend>:". Throw MediaError.
    virtual std::unique_ptr<VideoSource> openVideo(const std::string& backend, const std::string& localId,
                                                   const VideoCaptureFormat& format) const = 0;
    virtual std::unique_ptr<AudioSource> openAudio(const std::string& backend, const std::string& localId) const = 0;
    // A speaker. Backends without sound output keep this default.
    virtual std::unique_ptr<AudioSink> openAudioOutput(const std::string& backend, const std::string& localId) const;
};

} // namespace spoke::media
