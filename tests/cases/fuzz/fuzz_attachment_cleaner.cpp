// AttachmentCleaner on arbitrary bytes: a photo comes from a phone, a chat
// or a USB stick. It must either write a re-encoded image or refuse with
// CaseError(AttachmentRefused / Unreadable), never crash or read out of bounds.

#include "cases/AttachmentCleaner.h"
#include "cases/CaseError.h"

extern "C" {
#include <libavutil/log.h>
}

#include <unistd.h>

#include <cstddef>
#include <cstdint>
#include <filesystem>
#include <fstream>
#include <string>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size)
{
    // The cleaner trusts the magic bytes, not the name, so one name serves.
    static const std::string stem = "/tmp/spoke-fuzz-cleaner-" + std::to_string(::getpid());
    av_log_set_level(AV_LOG_QUIET);
    const std::filesystem::path input = stem + "-in.img";
    const std::filesystem::path output = stem + "-out.img";
    {
        std::ofstream out(input, std::ios::binary | std::ios::trunc);
        out.write(reinterpret_cast<const char*>(data), static_cast<std::streamsize>(size));
    }
    try {
        const auto result = spoke::cases::AttachmentCleaner::cleanImage(input, output);
        if (result.width <= 0 || result.height <= 0 || result.bytesWritten <= 0)
            __builtin_trap();
    } catch (const spoke::cases::CaseError&) { // NOLINT(bugprone-empty-catch): refusing is a fine answer
    }
    std::error_code ignored;
    std::filesystem::remove(output, ignored);
    return 0;
}
