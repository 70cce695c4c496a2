#pragma once

#include "bench/Stats.h"

#include <filesystem>

namespace spoke::bench {

struct PlaybackBenchConfig {
    std::filesystem::path workDir; // the generated files are kept here and reused
    int minutes = 120;
    int seeks = 40;
    int opens = 7;
};

struct PlaybackBenchResult {
    std::filesystem::path longFile;
    double generateSeconds = 0; // 0 when the cached file was reused
    Summary firstFrameMs; // open → first picture shown (paused)
    Summary seekMs; // seek to a random position → its picture shown (paused)
    // The same on the one-minute segment the long file is made of: what the
    // long file costs on top of the work every open and seek does anyway.
    Summary referenceFirstFrameMs;
    Summary referenceSeekMs;
};

// Time to first frame and seek latency on a long recording (two hours by
// default: 640x360 VP8 with a keyframe every 2 s and Opus, made by the
// ffmpeg CLI from a one-minute testsrc2/sine segment looped by stream copy).
// Throws std::runtime_error if ffmpeg is missing or fails.
PlaybackBenchResult runPlaybackBench(const PlaybackBenchConfig& config);

} // namespace spoke::bench
