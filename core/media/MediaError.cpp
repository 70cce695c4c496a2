#include "media/MediaError.h"

extern "C" {
#include <libavutil/error.h>
}

namespace spoke::media {

const char* toString(MediaErrorKind kind)
{
    switch (kind) {
    case MediaErrorKind::DeviceNotFound: return "device-not-found";
    case MediaErrorKind::FormatRefused: return "format-refused";
    case MediaErrorKind::DeviceLost: return "device-lost";
    case MediaErrorKind::Codec: return "codec";
    case MediaErrorKind::InvalidArgument: return "invalid-argument";
    }
    return "unknown";
}

std::string avErrorText(int averror)
{
    char text[AV_ERROR_MAX_STRING_SIZE] = {};
    av_strerror(averror, text, sizeof text);
    return text;
}

} // namespace spoke::media
