#pragma once

#include <stdexcept>
#include <string>

namespace spoke::media {

// What went wrong with a device or codec, in terms a caller can act on: a
// missing device means "pick another", a refused format means "ask for a
// different size or rate", a lost device means "fall back and tell the user".
enum class MediaErrorKind {
    DeviceNotFound, // the path or name does not exist (unplugged, typo, no X display)
    FormatRefused, // the device exists but will not deliver what we asked for
    DeviceLost, // the device stopped delivering mid-stream
    Codec, // an encoder or decoder refused its settings or its input
    InvalidArgument, // a caller bug: bad size, bad rate, wrong frame format
};

const char* toString(MediaErrorKind kind);

class MediaError : public std::runtime_error {
public:
    MediaError(MediaErrorKind kind, const std::string& message) : std::runtime_error(message), kind_(kind) {}

    MediaErrorKind kind() const { return kind_; }

private:
    MediaErrorKind kind_;
};

// FFmpeg's text for an AVERROR code, for building messages.
std::string avErrorText(int averror);

} // namespace spoke::media
