// Windows devices through libavdevice: DirectShow cameras and microphones
// (dshow), the desktop or one window (gdigrab), speakers through Qt
// Multimedia (FFmpeg has no Windows audio output device). Untested on real
// Windows (core/media/README.md, "Platforms"); the pure parts it calls are
// tested on Linux (tests/media/platform_devices_test.cpp).
#include "media/devices/FfmpegBackend.h"

#include "media/MediaError.h"
#include "media/devices/FfmpegAudioSource.h"
#include "media/devices/FfmpegDeviceLog.h"
#include "media/devices/FfmpegDevices.h"
#include "media/devices/FfmpegVideoSource.h"
#include "media/devices/QtAudioSink.h"
#include "media/devices/windows/DshowDevices.h"

extern "C" {
#include <libavdevice/avdevice.h>
}

namespace spoke::media {

namespace {

// FFmpeg >= 5.0 lists dshow devices itself; older builds only log them.
std::vector<windows::DshowDevice> dshowDevices()
{
    std::vector<windows::DshowDevice> devices;
    AVDeviceInfoList* list = nullptr;
    const AVInputFormat* format = av_find_input_format("dshow");
    if (format && avdevice_list_input_sources(format, nullptr, nullptr, &list) >= 0 && list) {
        for (int i = 0; i < list->nb_devices; ++i) {
            const AVDeviceInfo* d = list->devices[i];
            bool audio = false;
            for (int t = 0; t < d->nb_media_types; ++t)
                audio = audio || d->media_types[t] == AVMEDIA_TYPE_AUDIO;
            // device_name is the unique "@device_…" name, description the friendly one.
            devices.push_back({audio ? DeviceKind::Microphone : DeviceKind::Camera,
                               d->device_description ? d->device_description : d->device_name, d->device_name});
        }
        avdevice_free_list_devices(&list);
        return devices;
    }
    return windows::parseDshowDeviceList(listDevicesLog("dshow"));
}

} // namespace

bool FfmpegBackend::owns(const std::string& backend) const
{
    return backend == "dshow" || backend == "gdigrab" || backend == "qtaudio" || backend == "file";
}

std::vector<DeviceInfo> FfmpegBackend::enumerate() const
{
    registerFfmpegDevices();
    std::vector<DeviceInfo> devices = windows::dshowDeviceInfos(dshowDevices());
    for (DeviceInfo& speaker : QtAudioSink::speakers())
        devices.push_back(std::move(speaker));
    return devices;
}

std::unique_ptr<VideoSource> FfmpegBackend::openVideo(const std::string& backend, const std::string& localId,
                                                      const VideoCaptureFormat& format) const
{
    registerFfmpegDevices();
    DeviceInfo info{backend + ":" + localId, localId, backend, DeviceKind::Camera, false, false};
    if (backend == "dshow") {
        auto url = windows::dshowUrl(DeviceKind::Camera, localId);
        if (!url)
            throw MediaError(MediaErrorKind::DeviceNotFound, url.error().message);
        return std::make_unique<FfmpegVideoSource>(info, "dshow", url.value(), format, false,
                                                   windows::dshowVideoOptions(format));
    }
    if (backend == "gdigrab") {
        auto url = windows::gdigrabUrl(localId);
        if (!url)
            throw MediaError(MediaErrorKind::DeviceNotFound, url.error().message);
        info.kind = DeviceKind::Screen;
        return std::make_unique<FfmpegVideoSource>(info, "gdigrab", url.value(), format, false,
                                                   windows::gdigrabOptions(format.fps));
    }
    if (backend == "file")
        return openFileVideo(info, localId, format);
    throw MediaError(MediaErrorKind::DeviceNotFound, backend + " devices do not deliver video");
}

std::unique_ptr<AudioSource> FfmpegBackend::openAudio(const std::string& backend, const std::string& localId) const
{
    registerFfmpegDevices();
    DeviceInfo info{backend + ":" + localId, localId, backend, DeviceKind::Microphone, false, false};
    if (backend == "dshow") {
        auto url = windows::dshowUrl(DeviceKind::Microphone, localId);
        if (!url)
            throw MediaError(MediaErrorKind::DeviceNotFound, url.error().message);
        return std::make_unique<FfmpegAudioSource>(info, "dshow", url.value(), windows::dshowAudioOptions());
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
