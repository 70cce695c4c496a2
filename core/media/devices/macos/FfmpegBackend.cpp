// macOS devices through libavdevice's avfoundation: cameras, screens
// ("Capture screen N") and microphones by index; speakers through Qt
// Multimedia (QtAudioSink), as on Windows.
// Untested on a real Mac (core/media/README.md, "Platforms"); the pure parts
// it calls are tested on Linux (tests/media/platform_devices_test.cpp).
#include "media/devices/FfmpegBackend.h"

#include "media/MediaError.h"
#include "media/devices/FfmpegAudioSource.h"
#include "media/devices/FfmpegDeviceLog.h"
#include "media/devices/FfmpegDevices.h"
#include "media/devices/FfmpegVideoSource.h"
#include "media/devices/QtAudioSink.h"
#include "media/devices/macos/AvfoundationDevices.h"

extern "C" {
#include <libavdevice/avdevice.h>
}

#include <optional>

namespace spoke::media {

namespace {

// "video:N" or "audio:N" -> N; nullopt for anything else.
std::optional<int> indexOf(const std::string& localId, const char* side)
{
    const std::string prefix = side;
    if (localId.rfind(prefix, 0) != 0 || localId.size() == prefix.size() || localId.size() > prefix.size() + 4
        || localId.find_first_not_of("0123456789", prefix.size()) != std::string::npos)
        return std::nullopt;
    return std::stoi(localId.substr(prefix.size()));
}

} // namespace

bool FfmpegBackend::owns(const std::string& backend) const
{
    return backend == "avfoundation" || backend == "qtaudio" || backend == "file";
}

std::vector<DeviceInfo> FfmpegBackend::enumerate() const
{
    registerFfmpegDevices();
    // avfoundation has no get_device_list: its list is what it logs.
    std::vector<DeviceInfo> devices =
        macos::avfoundationDeviceInfos(macos::parseAvfoundationDeviceList(listDevicesLog("avfoundation")));
    for (DeviceInfo& speaker : QtAudioSink::speakers())
        devices.push_back(std::move(speaker));
    return devices;
}

std::unique_ptr<VideoSource> FfmpegBackend::openVideo(const std::string& backend, const std::string& localId,
                                                      const VideoCaptureFormat& format) const
{
    registerFfmpegDevices();
    DeviceInfo info{backend + ":" + localId, localId, backend, DeviceKind::Camera, false, false};
    if (backend == "avfoundation") {
        const auto index = indexOf(localId, "video:");
        if (!index)
            throw MediaError(MediaErrorKind::DeviceNotFound, "No avfoundation camera or screen \"" + localId + "\"");
        // The list says which indices are screens; ask it rather than guess.
        bool screen = false;
        for (const auto& d : macos::parseAvfoundationDeviceList(listDevicesLog("avfoundation")))
            screen = screen || (d.kind == DeviceKind::Screen && d.index == *index);
        info.kind = screen ? DeviceKind::Screen : DeviceKind::Camera;
        return std::make_unique<FfmpegVideoSource>(info, "avfoundation", macos::avfoundationUrl(index, std::nullopt),
                                                   format, false, macos::avfoundationVideoOptions(format, screen));
    }
    if (backend == "file")
        return openFileVideo(info, localId, format);
    throw MediaError(MediaErrorKind::DeviceNotFound, backend + " devices do not deliver video");
}

std::unique_ptr<AudioSource> FfmpegBackend::openAudio(const std::string& backend, const std::string& localId) const
{
    registerFfmpegDevices();
    DeviceInfo info{backend + ":" + localId, localId, backend, DeviceKind::Microphone, false, false};
    if (backend == "avfoundation") {
        const auto index = indexOf(localId, "audio:");
        if (!index)
            throw MediaError(MediaErrorKind::DeviceNotFound, "No avfoundation microphone \"" + localId + "\"");
        return std::make_unique<FfmpegAudioSource>(info, "avfoundation", macos::avfoundationUrl(std::nullopt, index));
    }
    if (backend == "file")
        return openFileAudio(info, localId);
    throw MediaError(MediaErrorKind::DeviceNotFound, backend + " devices do not deliver audio");
}

std::unique_ptr<AudioSink> FfmpegBackend::openAudioOutput(const std::string& backend, const std::string& localId) const
{
    if (backend == "qtaudio")
        return std::make_unique<QtAudioSink>(
            DeviceInfo{backend + ":" + localId, localId, backend, DeviceKind::Speaker, false, false}, localId);
    throw MediaError(MediaErrorKind::DeviceNotFound, backend + " devices do not play sound");
}

} // namespace spoke::media
