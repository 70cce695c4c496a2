// ChapterJournal::read on arbitrary bytes: the journal beside a recording
// can come from elsewhere with it (a USB stick, a half-written leftover).
// Whatever it holds comes back as sorted, non-negative, one-line chapters.

#include "recording/ChapterJournal.h"

#include <unistd.h>

#include <cstddef>
#include <cstdint>
#include <fstream>
#include <string>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size)
{
    static const std::string recording = "/tmp/spoke-fuzz-journal-" + std::to_string(::getpid()) + ".webm";
    {
        std::ofstream out(spoke::recording::ChapterJournal::pathFor(recording), std::ios::binary | std::ios::trunc);
        out.write(reinterpret_cast<const char*>(data), static_cast<std::streamsize>(size));
    }
    const auto chapters = spoke::recording::ChapterJournal::read(recording);
    std::int64_t previous = 0;
    for (const auto& chapter : chapters) {
        if (chapter.startMs < previous || chapter.title.find('\n') != std::string::npos || chapter.title.size() > 500
            || chapter.endMs)
            __builtin_trap();
        previous = chapter.startMs;
    }
    return 0;
}
