#include "media/devices/SyntheticBackend.h"

#include "media/MediaError.h"
#include "media/audio/ToneSource.h"
#include "media/video/TestPatternSource.h"

namespace spoke::media {

std::vector<DeviceInfo> SyntheticBackend::enumerate() const
{
    return {TestPatternSource::deviceInfo(), ToneSource::deviceInfo(), ToneSource::silenceDeviceInfo()};
}

std::unique_ptr<VideoSource> SyntheticBackend::openVideo(const std::string&, const std::string& localId,
                                                         const VideoCaptureFormat& format) const
{
    if (localId != "test-pattern")
        throw MediaError(MediaErrorKind::DeviceNotFound, "There is no synthetic camera called \"" + localId + "\"");
    TestPatternSource::Config config;
    config.width = format.width;
    config.height = format.height;
    config.fps = format.fps;
    return std::make_unique<TestPatternSource>(config);
}

std::unique_ptr<AudioSource> SyntheticBackend::openAudio(const std::string&, const std::string& localId) const
{
    if (localId != "tone" && localId != "silence")
        throw MediaError(MediaErrorKind::DeviceNotFound, "There is no synthetic microphone called \"" + localId + "\"");
    ToneSource::Config config;
    config.silent = localId == "silence";
    return std::make_unique<ToneSource>(config);
}

} // namespace spoke::media
