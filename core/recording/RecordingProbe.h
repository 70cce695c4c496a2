#pragma once

#include "recording/Chapters.h"

#include <cstdint>
#include <filesystem>
#include <string>
#include <vector>

namespace spoke::recording {

struct TrackInfo {
    int index = 0;
    std::string kind; // "video", "audio", "subtitle", "data"
    std::string codec; // FFmpeg's short name: "vp8", "opus", "h264"
    int width = 0;
    int height = 0;
    double fps = 0;
    int sampleRateHz = 0;
    int channels = 0;
};

struct ProbeResult {
    std::filesystem::path file;
    std::string container; // FFmpeg's demuxer name, e.g. "matroska,webm"
    std::string title; // the container's title tag, if any
    std::int64_t sizeBytes = 0;
    // What the container states; 0 when it does not know (a recording cut
    // short by a crash has no Duration element).
    std::int64_t durationMs = 0;
    // How far packets could be read from the start, by actually reading them
    // (only with ProbeDepth::ReadAll; otherwise equals durationMs).
    std::int64_t playableMs = 0;
    std::int64_t packets = 0;
    bool readToEnd = true; // false if reading stopped at damage
    std::string problem; // why reading stopped early, for a person
    std::vector<TrackInfo> tracks;
    std::vector<ChapterMark> chapters;
    // The file had no chapter list (cut short by a crash) and the chapters
    // came from the journal the recorder kept beside it (ChapterJournal).
    bool chaptersFromJournal = false;

    bool hasVideo() const;
    bool hasAudio() const;
};

enum class ProbeDepth {
    Headers = 1, // container headers only: fast, for opening
    ReadAll, // read every packet to find how far the file really plays
};

// What a recording file holds and how much of it is readable. Any WebM, MKV
// or MP4 FFmpeg can open; damage and truncation are reported in the result,
// never thrown. Throws RecordingError only when the file cannot be opened at
// all (missing, unreadable, not media). Thread-safe: no shared state.
class RecordingProbe {
public:
    static ProbeResult probe(const std::filesystem::path& file, ProbeDepth depth = ProbeDepth::ReadAll);
};

} // namespace spoke::recording
