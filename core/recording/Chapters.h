#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace spoke::recording {

// One chapter of a recording: the didactic part, a case presentation.
// Times are milliseconds from the start of the recording.
struct ChapterMark {
    std::int64_t startMs = 0;
    std::optional<std::int64_t> endMs; // open until the next chapter or the end
    std::string title;
};

// Closes open chapters: each ends where the next starts, the last at
// `endMs`. Sorted by start.
std::vector<ChapterMark> closeChapters(std::vector<ChapterMark> chapters, std::int64_t endMs);

// The chapter playing at `positionMs` (index), if any.
std::optional<std::size_t> chapterAt(const std::vector<ChapterMark>& chapters, std::int64_t positionMs);

} // namespace spoke::recording
