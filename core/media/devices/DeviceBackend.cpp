#include "media/devices/DeviceBackend.h"

#include "media/MediaError.h"

namespace spoke::media {

std::unique_ptr<AudioSink> DeviceBackend::openAudioOutput(const std::string& backend, const std::string& localId) const
{
    throw MediaError(MediaErrorKind::DeviceNotFound,
                     "\"" + backend + ":" + localId + "\" is not a speaker: " + backend + " devices do not play sound");
}

} // namespace spoke::media
