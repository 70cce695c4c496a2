#pragma once

#include "media/AvHandles.h"

#include <filesystem>
#include <string>

namespace spoke::media {

// Opening a file someone else made (an imported recording, a photo) with
// FFmpeg's defaults lets it pick any of hundreds of demuxers and follow any
// protocol a playlist or reference inside the file names (http, concat,
// subfile, …). Spoke reads its own kinds of file only, from disk only.
enum class LocalInputKind {
    Recording, // Matroska/WebM or ISO BMFF (MP4/MOV), the containers Spoke plays and imports
    PngPhoto,
    JpegPhoto,
};

struct LocalInputResult {
    AvInputContextPtr context; // null on failure
    int error = 0; // FFmpeg's code when the open failed
    std::string refusal; // set when Spoke refused the file before FFmpeg read it
};

// Checks the first bytes name the kind's container (so a file is never
// handed to a demuxer that guessed), then opens it through the `file`
// protocol only, with the kind's demuxers only (format_whitelist and
// protocol_whitelist, which FFmpeg also applies to anything the file opens
// in turn). Photos are opened with their pipe demuxer, named, not probed.
LocalInputResult openLocalInput(const std::filesystem::path& file, LocalInputKind kind);

// The first bytes of `file` name a container of this kind: the EBML magic
// (Matroska, WebM) or an ISO BMFF box type at offset 4 for a recording, the
// PNG signature, or a JPEG start-of-image marker. Empty when they do; else
// why not, in words.
std::string containerMismatch(const std::filesystem::path& file, LocalInputKind kind);

} // namespace spoke::media
