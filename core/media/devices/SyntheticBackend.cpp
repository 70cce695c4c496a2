#include "media/devices/SyntheticBackend.h"

#include "media/MediaError.h"
#include "media/audio/ToneSource.h"
#include "media/devices/SyntheticSpeaker.h"
#include "media/video/TestPatternSource.h"
#include "media/video/TextPatternSource.h"

namespace spoke::media {

std::vector<DeviceInfo> SyntheticBackend::enumerate() const
{
    return {TestPatternSource::deviceInfo(), TextPatternSource::deviceInfo(), ToneSource::deviceInfo(),
            ToneSource::silenceDeviceInfo(), SyntheticSpeaker::deviceInfo()};
}

std::unique_ptr<VideoSource> SyntheticBackend::openVideo(const std::string&, const std::string& localId,
                                                         const VideoCaptureFormat& format) const
{
    if (localId == "text-pattern") {
        TextPatternSource::Config config;
        config.width = format.width;
        config.height = format.height;
        config.fps = format.fps;
        return std::make_unique<TextPatternSource>(config);
    }
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

std::unique_ptr<AudioSink> SyntheticBackend::openAudioOutput(const std::string&, const std::string& localId) const
{
    if (localId != "speaker")
        throw MediaError(MediaErrorKind::DeviceNotFound, "There is no synthetic speaker called \"" + localId + "\"");
    return std::make_unique<SyntheticSpeaker>();
}

} // namespace spoke::media
