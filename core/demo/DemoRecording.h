#pragma once

#include <cstdint>
#include <filesystem>
#include <string>
#include <vector>

namespace spoke::slides {
class Deck;
}

namespace spoke::demo {

struct DemoRecordingPlan {
    std::string title;
    std::int64_t durationMs = 0;
    struct Turn {
        std::int64_t atMs = 0;
        int page = 0;
    };
    std::vector<Turn> turns; // by time; page 0 before the first
    struct Mark {
        std::int64_t atMs = 0;
        std::string title;
    };
    std::vector<Mark> chapters; // by time
};

struct DemoRecordingFiles {
    std::filesystem::path full; // VP8 + Opus
    std::filesystem::path audioSlides; // Opus only: the audio+slides rendition
    std::int64_t durationMs = 0;
};

// Makes the demo's short recording faster than real time with the
// recorder's own parts: the slide page shown at each moment (rendered by
// core/slides) with the synthetic camera (media::TestPatternSource) inset
// in a corner, through media::VpxEncoder, and the synthetic voice
// (media::ToneMarker) through media::OpusVoiceEncoder, into
// recording::WebmWriter with the chapters. The same Opus packets also go
// into an audio-only file beside it, the audio+slides rendition a clinic on
// a thin link downloads (core/recording/README.md). Throws
// recording::RecordingError or std::runtime_error on failure.
DemoRecordingFiles writeDemoRecording(const DemoRecordingPlan& plan, const slides::Deck& deck,
                                      const std::filesystem::path& fullFile,
                                      const std::filesystem::path& audioSlidesFile);

} // namespace spoke::demo
