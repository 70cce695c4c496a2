#pragma once

#include "recording/Chapters.h"

#include <cstdint>
#include <filesystem>
#include <string>
#include <vector>

namespace spoke::recording {

// A small text file beside a recording ("<file>.chapters") that gets each
// chapter mark the moment it is made, synced to disk. Matroska keeps its
// chapter list in the header area, which only a clean stop can write; a
// recording killed mid-way therefore has no chapters in the file itself,
// and this journal is how probing and importing a crash-cut file still find
// them. A clean stop writes the chapters into the file and removes the
// journal. One line per chapter: "<startMs>\t<title>\n". Owned by the thread
// that writes the recording (the mux thread); read() is thread-safe.
class ChapterJournal {
public:
    static std::filesystem::path pathFor(const std::filesystem::path& recording);

    explicit ChapterJournal(const std::filesystem::path& recording);
    ~ChapterJournal();
    ChapterJournal(const ChapterJournal&) = delete;
    ChapterJournal& operator=(const ChapterJournal&) = delete;

    // Appends and syncs. Returns false if the disk refused: the chapter is
    // then only in memory (and in the cache), which is no reason to stop
    // recording.
    bool append(std::int64_t startMs, const std::string& title);

    // The chapters are in the finished file now; the journal goes.
    void remove();

    // The journal beside `recording`, if any, sorted and left open (no end).
    // Malformed lines are skipped and the file is read only up to a bound,
    // since it may be a damaged leftover.
    static std::vector<ChapterMark> read(const std::filesystem::path& recording);

private:
    std::filesystem::path path_;
    int fd_ = -1; // opened on the first append, so chapterless recordings leave no file
};

} // namespace spoke::recording
