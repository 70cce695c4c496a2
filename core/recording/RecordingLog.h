#pragma once

#include "recording/RecordingProbe.h"

#include <cstdint>
#include <filesystem>
#include <optional>
#include <string>

namespace spoke::store {
class RecordingStore;
}

namespace spoke::recording {

// The cache side of a recording in progress: the recording row exists from
// the first second, each chapter and bookmark becomes a row the moment it is
// made (so a crash keeps them even though the file's own chapter list is
// only written on a clean stop), and finish() fills in duration, size and
// hash. recoverInterrupted() completes rows a crash left open. Runs on the
// thread that owns the cache.
class RecordingLog {
public:
    RecordingLog(store::RecordingStore& recordings, const std::filesystem::path& file, const std::string& title,
                 std::optional<std::int64_t> sessionId = std::nullopt);

    std::int64_t recordingId() const { return recordingId_; }

    std::int64_t chapter(std::int64_t startMs, const std::string& title);
    std::int64_t bookmark(std::int64_t positionMs, const std::string& note);
    // Closes the last chapter and records what the finished file holds.
    void finish(const ProbeResult& probe, const std::string& sha256);

    // For each local recording whose row was never finished: probe its
    // file, set duration, size and hash, close its chapters. Returns how
    // many rows were completed. Missing files are left alone.
    static int recoverInterrupted(store::RecordingStore& recordings);

private:
    store::RecordingStore& recordings_;
    std::int64_t recordingId_ = 0;
    std::optional<std::int64_t> openChapter_;
    std::int64_t openChapterStartMs_ = 0;
};

} // namespace spoke::recording
