#pragma once

#include "recording/Chapters.h"

#include <filesystem>
#include <vector>

namespace spoke::bench {

struct SyntheticRecordingConfig {
    std::filesystem::path file;
    double seconds = 20;
    int width = 1280;
    int height = 720;
    int fps = 30;
    int videoBitrateBps = 1'500'000; // RecorderConfig's default
    std::vector<recording::ChapterMark> chapters; // starts only
};

// Writes the file Recorder would write from the synthetic camera and
// microphone (TestPatternSource, ToneSource) with Recorder's encoder
// settings (VpxEncoder and OpusVoiceEncoder through WebmWriter), but as fast
// as the encoders go instead of in real time: renditions tests and the
// benchmark need minutes of input without waiting minutes for it.
void writeSyntheticRecording(const SyntheticRecordingConfig& config);

struct RenditionsBenchConfig {
    std::filesystem::path workDir; // the generated input is kept here and reused
    double seconds = 120;
};

struct RenditionTiming {
    double wallSeconds = 0;
    double cpuSeconds = 0; // user + system of this process while converting
    std::int64_t bytes = 0;
    // Conversion time over the recording's length: 0.05 means 90 minutes
    // convert in 4.5 minutes.
    double wallToRealTime = 0;
};

struct RenditionsBenchResult {
    std::filesystem::path input;
    std::int64_t inputBytes = 0;
    double generateSeconds = 0; // 0 when the cached input was reused
    RenditionTiming light;
    RenditionTiming audioSlides;
};

// Converts a 720p synthetic recording (writeSyntheticRecording) to both
// renditions and times each. Throws std::runtime_error on failure.
RenditionsBenchResult runRenditionsBench(const RenditionsBenchConfig& config);

} // namespace spoke::bench
