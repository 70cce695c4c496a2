#pragma once

#include "media/devices/DeviceBackend.h"

namespace spoke::media {

// The platform's devices through libavdevice, plus "file:" for recorded
// media; one implementation per platform folder, chosen by CMake
// (core/media/README.md, "Platforms"). Linux (linux/): cameras (v4l2), the
// X11 screen (x11grab; one entry per $DISPLAY), microphones and speakers
// (ALSA, PulseAudio). Windows (windows/): dshow, gdigrab, Qt speakers.
// macOS (macos/): avfoundation, Qt speakers. Enumeration asks each FFmpeg
// device for its list; a device that cannot answer (no PulseAudio server, no
// X display) simply lists nothing. Stateless, thread-safe.
class FfmpegBackend final : public DeviceBackend {
public:
    bool owns(const std::string& backend) const override;
    std::vector<DeviceInfo> enumerate() const override;
    std::unique_ptr<VideoSource> openVideo(const std::string& backend, const std::string& localId,
                                           const VideoCaptureFormat& format) const override;
    std::unique_ptr<AudioSource> openAudio(const std::string& backend, const std::string& localId) const override;
    std::unique_ptr<AudioSink> openAudioOutput(const std::string& backend, const std::string& localId) const override;
};

} // namespace spoke::media
