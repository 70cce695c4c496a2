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

    // The first device of `kind` that is not synthetic ("the camera" when a
    // user or a script names no particular one); empty when there is none.
    std::string firstReal(DeviceKind kind) const;

    // Throws MediaError(DeviceNotFound) for an id no backend owns, and
    // whatever the backend throws when the device refuses.
    std::unique_ptr<VideoSource> openVideo(const std::string& id, const VideoCaptureFormat& format) const;
    std::unique_ptr<AudioSource> openAudio(const std::string& id) const;
    std::unique_ptr<AudioSink> openAudioOutput(const std::string& id) const;

    // What the call setup uses: the chosen device, or if it is missing or
    // refuses the format, the fallback (normally the test pattern) with the
    // reason in `error`, so the user sees why and the call still starts.
    // Throws only if the fallback fails too.
    struct OpenedVideo {
        std::unique_ptr<VideoSource> source;
        std::string error; // empty if the chosen device opened
    };
    OpenedVideo openVideoOrFallback(const std::string& id, const VideoCaptureFormat& format,
                                    const std::string& fallbackId = "synthetic:test-pattern") const;

private:
    const DeviceBackend& backendFor(const std::string& id, std::string& backend, std::string& localId) const;

    std::vector<std::unique_ptr<DeviceBackend>> backends_;
};

} // namespace spoke::media
