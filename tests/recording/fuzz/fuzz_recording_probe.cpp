// RecordingProbe on arbitrary bytes: imported recordings come from outside
// (a hub's files, a USB stick). Damage must come back as a result or a
// RecordingError, never a crash.

#include "recording/RecordingError.h"
#include "recording/RecordingProbe.h"

extern "C" {
#include <libavutil/log.h>
}

#include <unistd.h>

#include <cstddef>
#include <cstdint>
#include <fstream>
#include <string>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size)
{
    static const std::string path = "/tmp/spoke-fuzz-probe-" + std::to_string(::getpid()) + ".webm";
    av_log_set_level(AV_LOG_QUIET);
    {
        std::ofstream out(path, std::ios::binary | std::ios::trunc);
        out.write(reinterpret_cast<const char*>(data), static_cast<std::streamsize>(size));
    }
    try {
        const auto result = spoke::recording::RecordingProbe::probe(path, spoke::recording::ProbeDepth::ReadAll);
        if (result.playableMs < 0 || result.sizeBytes != static_cast<std::int64_t>(size))
            __builtin_trap();
    } catch (const spoke::recording::RecordingError&) { // NOLINT(bugprone-empty-catch): refusing is a fine answer
    }
    return 0;
}
