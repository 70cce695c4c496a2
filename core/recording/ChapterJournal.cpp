#include "recording/ChapterJournal.h"

#include <fcntl.h>
#include <unistd.h>

#include <algorithm>
#include <charconv>
#include <fstream>

namespace spoke::recording {

namespace {

constexpr std::size_t kMaxJournalBytes = 1 << 20; // thousands of chapters; anything bigger is not ours
constexpr std::size_t kMaxTitleBytes = 500;

// A title must stay on its line: tabs and line breaks become spaces.
std::string oneLine(const std::string& title)
{
    std::string line = title.substr(0, kMaxTitleBytes);
    std::replace_if(line.begin(), line.end(), [](char c) { return c == '\n' || c == '\r' || c == '\t'; }, ' ');
    return line;
}

} // namespace

std::filesystem::path ChapterJournal::pathFor(const std::filesystem::path& recording)
{
    std::filesystem::path journal = recording;
    journal += ".chapters";
    return journal;
}

ChapterJournal::ChapterJournal(const std::filesystem::path& recording) : path_(pathFor(recording)) { }

ChapterJournal::~ChapterJournal()
{
    if (fd_ >= 0)
        ::close(fd_);
}

bool ChapterJournal::append(std::int64_t startMs, const std::string& title)
{
    if (fd_ < 0) {
        fd_ = ::open(path_.c_str(), O_WRONLY | O_CREAT | O_TRUNC | O_APPEND | O_CLOEXEC, 0644);
        if (fd_ < 0)
            return false;
    }
    const std::string line = std::to_string(std::max<std::int64_t>(0, startMs)) + '\t' + oneLine(title) + '\n';
    // One write() per line, so a kill leaves whole lines or a torn last one
    // that read() skips.
    const ssize_t written = ::write(fd_, line.data(), line.size());
    if (written != static_cast<ssize_t>(line.size()))
        return false;
    return ::fdatasync(fd_) == 0;
}

void ChapterJournal::remove()
{
    if (fd_ >= 0) {
        ::close(fd_);
        fd_ = -1;
    }
    std::error_code ignored;
    std::filesystem::remove(path_, ignored);
}

std::vector<ChapterMark> ChapterJournal::read(const std::filesystem::path& recording)
{
    std::vector<ChapterMark> chapters;
    std::ifstream in(pathFor(recording), std::ios::binary);
    if (!in)
        return chapters;
    std::string text(kMaxJournalBytes, '\0');
    in.read(text.data(), static_cast<std::streamsize>(text.size()));
    text.resize(static_cast<std::size_t>(in.gcount()));

    std::size_t lineStart = 0;
    while (lineStart < text.size()) {
        const std::size_t lineEnd = text.find('\n', lineStart);
        if (lineEnd == std::string::npos)
            break; // a torn last line: the kill came mid-write
        const std::string_view line(text.data() + lineStart, lineEnd - lineStart);
        lineStart = lineEnd + 1;
        const std::size_t tab = line.find('\t');
        if (tab == std::string_view::npos || tab == 0)
            continue;
        std::int64_t startMs = 0;
        const auto [end, error] = std::from_chars(line.data(), line.data() + tab, startMs);
        if (error != std::errc() || end != line.data() + tab || startMs < 0)
            continue;
        chapters.push_back({startMs, std::nullopt, std::string(line.substr(tab + 1, kMaxTitleBytes))});
    }
    std::stable_sort(chapters.begin(), chapters.end(),
                     [](const ChapterMark& a, const ChapterMark& b) { return a.startMs < b.startMs; });
    return chapters;
}

} // namespace spoke::recording
