#pragma once

#include "recording/Chapters.h"
#include "recording/RecordingError.h"
#include "util/Expected.h"

#include <cstdint>
#include <filesystem>
#include <functional>
#include <string>
#include <vector>

namespace spoke::recording {

// The smaller copies of a recording the hub offers to clinics on thin links
// (issue 14; the catalogue names them "light" and "audio-slides").
enum class Rendition {
    // 360 lines high (never upscaled), width from the aspect ratio, VP8 at
    // most kLightVideoBitrateBps plus Opus voice: what a 3G link streams.
    Light = 1,
    // Opus voice only: the slides come from the deck and the turn timeline,
    // so a 90-minute session is about 11 MB.
    AudioSlides,
};

const char* toString(Rendition rendition); // "light", "audio-slides"

// Encoder targets. Video gets a little under the 250 kbit/s ceiling because
// libvpx's CBR overshoots by a few percent over a keyframe interval.
inline constexpr int kLightHeight = 360;
inline constexpr int kLightVideoBitrateBps = 225'000;
inline constexpr int kLightAudioBitrateBps = 32'000;
// About 16 kbit/s all in: 15 of Opus in 60 ms packets plus Matroska's ~6
// bytes a block (5 % at this rate; 15 % with 20 ms packets), which is what
// keeps 90 minutes near 11 MB.
inline constexpr int kAudioSlidesBitrateBps = 15'000;

struct RenditionResult {
    std::int64_t bytes = 0;
    std::int64_t durationMs = 0;
    // Every part's chapters on the output's timeline (closed).
    std::vector<ChapterMark> chapters;
    // Input parts that were cut short or damaged: converted up to their last
    // good packet. One line per part, for a person (a log, the admin CLI).
    std::vector<std::string> problems;
};

// Turns a recording made by Recorder (one or several WebM parts, VP8 or VP9
// and Opus, the last ones possibly cut short by a crash) into `rendition`,
// written to `out` as one WebM file with continuous timestamps: each part
// starts where the previous one played to. Chapters, from the file or from
// the journal a crash left beside it (ChapterJournal), are shifted by their
// part's start. A part is read up to its last good packet; a part that
// cannot be opened at all fails the conversion.
//
// `progress` is called on the calling thread with the share done (0..1,
// rising, by bytes read); returning false cancels, and the error is then
// RecordingErrorKind::Cancelled. The output is written beside `out` under a
// temporary name and renamed only when complete, so `out` either does not
// exist or is whole. Runs on the calling thread; nothing shared.
Expected<RenditionResult, RecordingError> makeRendition(const std::vector<std::filesystem::path>& parts,
                                                        Rendition rendition, const std::filesystem::path& out,
                                                        const std::function<bool(double fraction)>& progress = {});

} // namespace spoke::recording
