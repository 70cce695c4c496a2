#include "recording/Chapters.h"

#include <algorithm>

namespace spoke::recording {

std::vector<ChapterMark> closeChapters(std::vector<ChapterMark> chapters, std::int64_t endMs)
{
    std::stable_sort(chapters.begin(), chapters.end(),
                     [](const ChapterMark& a, const ChapterMark& b) { return a.startMs < b.startMs; });
    for (std::size_t i = 0; i < chapters.size(); ++i) {
        const std::int64_t next = i + 1 < chapters.size() ? chapters[i + 1].startMs : endMs;
        if (!chapters[i].endMs || *chapters[i].endMs > next)
            chapters[i].endMs = std::max(next, chapters[i].startMs);
    }
    return chapters;
}

std::optional<std::size_t> chapterAt(const std::vector<ChapterMark>& chapters, std::int64_t positionMs)
{
    std::optional<std::size_t> found;
    for (std::size_t i = 0; i < chapters.size(); ++i) {
        if (chapters[i].startMs <= positionMs)
            found = i;
    }
    return found;
}

} // namespace spoke::recording
