// Player open/seek/decode on arbitrary bytes: a recording imported from a
// hub or a USB stick is played by the same engine as our own. Damage must
// come back as a RecordingError or as stats().problem, never a crash, a hang
// or a leak. The player runs silently on the steady clock (no audio output)
// at 2x, and each input gets a bounded slice of wall time.

#include "recording/Player.h"
#include "recording/RecordingError.h"

extern "C" {
#include <libavutil/log.h>
}

#include <unistd.h>

#include <chrono>
#include <cstddef>
#include <cstdint>
#include <fstream>
#include <string>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size)
{
    static const std::string path = "/tmp/spoke-fuzz-player-" + std::to_string(::getpid()) + ".webm";
    av_log_set_level(AV_LOG_QUIET);
    {
        std::ofstream out(path, std::ios::binary | std::ios::trunc);
        out.write(reinterpret_cast<const char*>(data), static_cast<std::streamsize>(size));
    }
    using namespace std::chrono_literals;
    try {
        spoke::recording::PlayerConfig config;
        config.speed = 2.0;
        spoke::recording::Player player(path, config);
        player.waitForPicture(50ms);
        // A seek into the middle, one past the end and one before the start:
        // each restarts decoding at a keyframe the file may not have.
        const std::int64_t durationMs = player.info().playableMs;
        if (durationMs < 0)
            __builtin_trap();
        player.seek(durationMs / 2);
        player.play();
        player.waitUntilFinished(60ms);
        player.seek(durationMs + 1000);
        player.seek(-1000);
        player.nextChapter();
        player.waitUntilFinished(40ms);
        player.pause();
        if (player.stats().framesPresented > player.stats().framesDecoded)
            __builtin_trap();
    } catch (const spoke::recording::RecordingError&) { // NOLINT(bugprone-empty-catch): refusing is a fine answer
    }
    return 0;
}
