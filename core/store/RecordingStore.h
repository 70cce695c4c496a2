#pragma once

#include "store/Records.h"

#include <vector>

namespace spoke::store {

class Database;

// The library of recordings, their chapters, and the bookmarks and notes
// people make while watching.
class RecordingStore {
public:
    explicit RecordingStore(Database& db) : db_(db) { }

    std::int64_t add(const Recording& recording);
    std::optional<Recording> byId(std::int64_t id);
    std::vector<Recording> list(int limit = 500);
    std::vector<Recording> forSession(std::int64_t sessionId);
    void setDuration(std::int64_t id, std::int64_t durationMs);

    std::int64_t addChapter(const Chapter& chapter);
    std::vector<Chapter> chapters(std::int64_t recordingId);

    std::int64_t addBookmark(const Bookmark& bookmark);
    std::vector<Bookmark> bookmarks(std::int64_t recordingId);
    void removeBookmark(std::int64_t id);

    // Filled in when a recording closes (or is found after a crash).
    void setFileFacts(std::int64_t id, std::int64_t durationMs, std::int64_t sizeBytes, const std::string& sha256);
    void setChapterEnd(std::int64_t chapterId, std::int64_t endMs);

    // Where replay was left off; nothing if never played or played to the end.
    void setResumePosition(std::int64_t recordingId, std::int64_t positionMs, std::int64_t nowMs);
    std::optional<std::int64_t> resumePosition(std::int64_t recordingId);
    void clearResumePosition(std::int64_t recordingId);

private:
    Database& db_;
};

} // namespace spoke::store
