#pragma once

#include <stdexcept>
#include <string>

namespace spoke::recording {

// What went wrong, in terms a caller can act on. Messages name the file and
// are written for the person reading the CLI's stderr or the app's banner.
enum class RecordingErrorKind {
    CannotOpen = 1, // missing file, permissions, a directory in the way
    NotMedia, // the bytes are not a container FFmpeg understands
    Unsupported, // a container or codec we do not record or play
    DiskFull, // not enough free space to start or to go on
    Io, // a write or read failed mid-way
    Codec, // a decoder, encoder or filter refused its input
    InvalidArgument, // a caller bug or a bad option
    Cancelled, // the caller asked to stop (a long conversion's progress callback)
};

const char* toString(RecordingErrorKind kind);

class RecordingError : public std::runtime_error {
public:
    RecordingError(RecordingErrorKind kind, const std::string& message) : std::runtime_error(message), kind_(kind) { }

    RecordingErrorKind kind() const { return kind_; }

private:
    RecordingErrorKind kind_;
};

// FFmpeg's words for an AVERROR code.
std::string avErrorText(int averror);

} // namespace spoke::recording
