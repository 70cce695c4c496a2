#include "media/devices/DeviceRegistry.h"

#include "media/MediaError.h"
#include "media/devices/FfmpegBackend.h"
#include "media/devices/SyntheticBackend.h"

namespace spoke::media {

DeviceRegistry::DeviceRegistry()
{
    backends_.push_back(std::make_unique<SyntheticBackend>());
    backends_.push_back(std::make_unique<FfmpegBackend>());
}

DeviceRegistry::DeviceRegistry(std::vector<std::unique_ptr<DeviceBackend>> backends)
    : backends_(std::move(backends)) { }

std::vector<DeviceInfo> DeviceRegistry::enumerate() const
{
    std::vector<DeviceInfo> all;
    for (const auto& backend : backends_)
        for (auto& device : backend->enumerate())
            all.push_back(std::move(device));
    return all;
}

const DeviceBackend& DeviceRegistry::backendFor(const std::string& id, std::string& backend, std::string& localId) const
{
    const auto colon = id.find(':');
    if (colon == std::string::npos || colon == 0)
        throw MediaError(MediaErrorKind::DeviceNotFound,
                         "\"" + id + "\" is not a device id (expected <backend>:<device>, e.g. v4l2:/dev/video0)");
    backend = id.substr(0, colon);
    localId = id.substr(colon + 1);
    for (const auto& candidate : backends_)
        if (candidate->owns(backend))
            return *candidate;
    throw MediaError(MediaErrorKind::DeviceNotFound, "No device backend \"" + backend + "\" on this system");
}

std::unique_ptr<VideoSource> DeviceRegistry::openVideo(const std::string& id, const VideoCaptureFormat& format) const
{
    std::string backend;
    std::string localId;
    return backendFor(id, backend, localId).openVideo(backend, localId, format);
}

std::unique_ptr<AudioSource> DeviceRegistry::openAudio(const std::string& id) const
{
    std::string backend;
    std::string localId;
    return backendFor(id, backend, localId).openAudio(backend, localId);
}

std::unique_ptr<AudioSink> DeviceRegistry::openAudioOutput(const std::string& id) const
{
    std::string backend;
    std::string localId;
    return backendFor(id, backend, localId).openAudioOutput(backend, localId);
}

std::string DeviceRegistry::firstReal(DeviceKind kind) const
{
    for (const auto& device : enumerate()) {
        if (device.kind == kind && device.id.rfind("synthetic:", 0) != 0)
            return device.id;
    }
    return {};
}

DeviceRegistry::OpenedVideo DeviceRegistry::openVideoOrFallback(const std::string& id, const VideoCaptureFormat& format,
                                                                const std::string& fallbackId) const
{
    try {
        return {openVideo(id, format), {}};
    } catch (const MediaError& error) {
        return {openVideo(fallbackId, format), error.what()};
    }
}

} // namespace spoke::media
