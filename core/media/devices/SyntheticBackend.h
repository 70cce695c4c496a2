#pragma once

#include "media/devices/DeviceBackend.h"

namespace spoke::media {

// The stamped test pattern, the marked tone and the silent speaker, listed
// next to real devices so the UI, the CLI and tests can pick them like any
// camera, microphone or speaker. Stateless, thread-safe.
class SyntheticBackend final : public DeviceBackend {
public:
    bool owns(const std::string& backend) const override { return backend == "synthetic"; }
    std::vector<DeviceInfo> enumerate() const override;
    std::unique_ptr<VideoSource> openVideo(const std::string& backend, const std::string& localId,
                                           const VideoCaptureFormat& format) const override;
    std::unique_ptr<AudioSource> openAudio(const std::string& backend, const std::string& localId) const override;
    std::unique_ptr<AudioSink> openAudioOutput(const std::string& backend, const std::string& localId) const override;
};

} // namespace spoke::media
