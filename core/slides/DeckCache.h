#pragma once

#include "slides/DeckError.h"

#include <cstdint>
#include <filesystem>
#include <optional>
#include <string>
#include <vector>

namespace spoke::slides {

// Decks kept on disk by SHA-256, so a clinic downloads a deck once however
// often it is shown (core/slides/README.md). Files are `<sha256>.pdf` in one
// folder; the file's modification time is its last use, and when the folder
// grows over its cap the least recently used decks go first.
//
// Every load re-hashes the file: a deck cut short by a crash or damaged on
// disk is deleted and reported as corrupt, so the caller refetches it and
// never shows it. Writes go to a temporary file that is fsynced and renamed
// into place, so a crash leaves the old state or the new, never half a deck.
//
// Clock-free: callers pass `nowMs` (Unix ms, util::unixNowMs()) as the time
// of use. Threading: file I/O, so owned by one worker thread, never the UI
// thread; two DeckCaches must not share a folder.
class DeckCache {
public:
    DeckCache(std::filesystem::path folder, std::int64_t capBytes);

    // The folder decks live in under the app's data dir.
    static std::filesystem::path folderIn(const std::filesystem::path& dataDir);
    static bool isSha256Hex(const std::string& text);

    struct Loaded {
        std::optional<std::vector<char>> bytes; // set on a hit
        bool wasCorrupt = false; // a file was there but its hash was wrong; it is gone now
    };
    // The deck's bytes if cached and intact; marks it used at nowMs.
    Loaded load(const std::string& sha256, std::int64_t nowMs);
    bool contains(const std::string& sha256) const;

    // Keeps downloaded bytes, which must hash to `expectedSha256` (the
    // identity the hub named); a mismatch is a bad download (Corrupt) and
    // nothing is written. Then evicts the least recently used other decks
    // until the folder fits the cap. Returns the stored file's path.
    Expected<std::filesystem::path> store(const std::vector<char>& bytes, const std::string& expectedSha256,
                                          std::int64_t nowMs);

    // Bytes of all cached decks.
    std::int64_t totalBytes() const;
    std::int64_t capBytes() const { return capBytes_; }
    std::filesystem::path pathFor(const std::string& sha256) const;

private:
    Expected<std::filesystem::path> writeAtomically(const std::vector<char>& bytes, const std::string& sha256);
    void evictToFit(const std::string& keepSha256);

    std::filesystem::path folder_;
    std::int64_t capBytes_;
};

} // namespace spoke::slides
