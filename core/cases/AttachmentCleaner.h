#pragma once

#include <QString>

#include <filesystem>

namespace spoke::cases {

// Makes an attachment safe to send, or refuses it with the reason. Photos
// (PNG, JPEG) are decoded and re-encoded from pixels with FFmpeg, so nothing
// of the original container survives: no EXIF (GPS, timestamps, camera
// serial, owner), no XMP, no ICC profile, no text chunks. DICOM, audio, PDF
// and anything else are refused: this build has no cleaner for their headers
// or content, and an attachment the gate cannot clean does not leave the laptop.
// Stateless; safe to call from any thread.
class AttachmentCleaner {
public:
    static constexpr std::int64_t kMaxInputBytes = 40LL * 1024 * 1024;
    static constexpr int kMaxPixels = 40'000'000;

    enum class Kind { Png, Jpeg };
    struct Result {
        Kind kind = Kind::Png;
        int width = 0;
        int height = 0;
        std::int64_t bytesWritten = 0;
    };

    // Writes the cleaned image to `output` (same format as the input).
    // Throws CaseError(AttachmentRefused) with a reason a clinician can act on.
    static Result cleanImage(const std::filesystem::path& input, const std::filesystem::path& output);
};

} // namespace spoke::cases
