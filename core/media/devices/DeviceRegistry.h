#pragma once

#include "media/devices/DeviceBackend.h"

#include <memory>
#include <string>
#include <vector>

namespace spoke::media {

// Every camera, screen, microphone and speaker Spoke can use, from every
// backend, and the one place that opens a device by its saved id. Built once
// (usually by the app), then read-only: thread-safe.
class DeviceRegistry {
public:
    // The platform's backends: synthetic plus FFmpeg on Linux.
    DeviceRegistry();
    explicit DeviceRegistry(std::vector<std::unique_ptr<DeviceBackend>> backends);

    std::vector<DeviceInfo> enumerate() const;

    // Throws MediaError(DeviceNotFound) for an id no backend owns, and
    // whatever the backend throws when the device refuses.
    std::unique_ptr<VideoSource> openVideo(const std::string& id, const VideoCaptureFormat& format) const;
    std::unique_ptr<AudioSource> openAudio(const std::string& id) const;

private:
    const DeviceBackend& backendFor(const std::string& id, std::string& backend, std::string& localId) const;

    std::vector<std::unique_ptr<DeviceBackend>> backends_;
};

} // namespace spoke::media
