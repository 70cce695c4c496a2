#include "media/devices/FfmpegBackend.h"

#include "media/MediaError.h"
#include "media/devices/FfmpegAudioSink.h"
#include "media/devices/FfmpegAudioSource.h"
#include "media/devices/FfmpegDevices.h"
#include "media/devices/FfmpegVideoSource.h"

extern "C" {
#include <libavdevice/avdevice.h>
}

#include <cstdlib>
#include <filesystem>

namespace spoke::media {

namespace {

struct DeviceListDeleter {
    void operator()(AVDeviceInfoList* list) const { avdevice_free_list_devices(&list); }
};

// FFmpeg's own list for one device kind; empty when it cannot tell.
void collect(std::vector<DeviceInfo>& out, const char* ffmpegName, const char* backend, DeviceKind kind, bool output)
{
    AVDeviceInfoList* raw = nullptr;
    int rc = -1;
    if (output) {
        if (const AVOutputFormat* format = av_guess_format(ffmpegName, nullptr, nullptr))
            rc = avdevice_list_output_sinks(format, nullptr, nullptr, &raw);
    } else if (const AVInputFormat* format = av_find_input_format(ffmpegName)) {
        rc = avdevice_list_input_sources(format, nullptr, nullptr, &raw);
    }
    std::unique_ptr<AVDeviceInfoList, DeviceListDeleter> list(raw);
    if (rc < 0 || !list)
        return;
    for (int i = 0; i < list->nb_devices; ++i) {
        const AVDeviceInfo* device = list->devices[i];
        DeviceInfo info;
        info.backend = backend;
        info.id = std::string(backend) + ":" + device->device_name;
        info.name = device->device_description ? device->device_description : device->device_name;
        info.kind = kind;
        info.isDefault = i == list->default_device;
        out.push_back(std::move(info));
    }
}

} // namespace

bool FfmpegBackend::owns(const std::string& backend) const
{
    return backend == "v4l2" || backend == "x11grab" || backend == "alsa" || backend == "pulse" || backend == "file";
}

std::vector<DeviceInfo> FfmpegBackend::enumerate() const
{
    registerFfmpegDevices();
    std::vector<DeviceInfo> devices;
    collect(devices, "video4linux2", "v4l2", DeviceKind::Camera, false);
    collect(devices, "pulse", "pulse", DeviceKind::Microphone, false);
    collect(devices, "alsa", "alsa", DeviceKind::Microphone, false);
    collect(devices, "pulse", "pulse", DeviceKind::Speaker, true);
    collect(devices, "alsa", "alsa", DeviceKind::Speaker, true);
    if (const char* display = std::getenv("DISPLAY"); display && *display)
        devices.push_back(DeviceInfo{std::string("x11grab:") + display, std::string("Screen ") + display, "x11grab",
                                     DeviceKind::Screen, false, true});
    return devices;
}

std::unique_ptr<VideoSource> FfmpegBackend::openVideo(const std::string& backend, const std::string& localId,
                                                      const VideoCaptureFormat& format) const
{
    registerFfmpegDevices();
    DeviceInfo info{backend + ":" + localId, localId, backend, DeviceKind::Camera, false, false};
    if (backend == "v4l2") {
        // Say plainly that the camera is missing rather than relay the
        // driver's errno text.
        if (!std::filesystem::exists(localId))
            throw MediaError(MediaErrorKind::DeviceNotFound,
                             "No camera at " + localId + ": it was unplugged or never existed");
        return std::make_unique<FfmpegVideoSource>(info, "video4linux2", localId, format);
    }
    if (backend == "x11grab") {
        // The whole screen (or window) at the rate asked: x11grab's
        // video_size would crop it, and the encoder scales it anyway.
        info.kind = DeviceKind::Screen;
        std::map<std::string, std::string> options{{"framerate", std::to_string(format.fps)}};
        std::string display = localId;
        // "window:ID": one top-level window by its X id (x11grab's window_id,
        // FFmpeg 5.1), grabbed on $DISPLAY; it follows the window when moved.
        if (localId.rfind("window:", 0) == 0) {
            options["window_id"] = localId.substr(7);
            const char* env = std::getenv("DISPLAY");
            display = env && *env ? env : ":0";
        }
        return std::make_unique<FfmpegVideoSource>(info, "x11grab", display, format, false, options);
    }
    if (backend == "file")
        return openFileVideo(info, localId, format);
    throw MediaError(MediaErrorKind::DeviceNotFound, backend + " devices do not deliver video");
}

std::unique_ptr<AudioSource> FfmpegBackend::openAudio(const std::string& backend, const std::string& localId) const
{
    registerFfmpegDevices();
    DeviceInfo info{backend + ":" + localId, localId, backend, DeviceKind::Microphone, false, false};
    if (backend == "alsa" || backend == "pulse")
        return std::make_unique<FfmpegAudioSource>(info, backend, localId);
    if (backend == "file")
        return openFileAudio(info, localId);
    throw MediaError(MediaErrorKind::DeviceNotFound, backend + " devices do not deliver audio");
}

std::unique_ptr<AudioSink> FfmpegBackend::openAudioOutput(const std::string& backend, const std::string& localId) const
{
    registerFfmpegDevices();
    DeviceInfo info{backend + ":" + localId, localId, backend, DeviceKind::Speaker, false, false};
    if (backend == "alsa" || backend == "pulse")
        return std::make_unique<FfmpegAudioSink>(info, backend, localId);
    throw MediaError(MediaErrorKind::DeviceNotFound, backend + " devices do not play sound");
}

} // namespace spoke::media
