#include "recording/RecordingError.h"

extern "C" {
#include <libavutil/error.h>
}

namespace spoke::recording {

const char* toString(RecordingErrorKind kind)
{
    switch (kind) {
    case RecordingErrorKind::CannotOpen: return "cannot open";
    case RecordingErrorKind::NotMedia: return "not a media file";
    case RecordingErrorKind::Unsupported: return "unsupported";
    case RecordingErrorKind::DiskFull: return "disk full";
    case RecordingErrorKind::Io: return "input/output error";
    case RecordingErrorKind::Codec: return "codec error";
    case RecordingErrorKind::InvalidArgument: return "invalid argument";
    case RecordingErrorKind::Cancelled: return "cancelled";
    }
    return "unknown";
}

std::string avErrorText(int averror)
{
    char text[AV_ERROR_MAX_STRING_SIZE] = {};
    av_strerror(averror, text, sizeof text);
    return text;
}

} // namespace spoke::recording
