#pragma once

#include <filesystem>
#include <string>
#include <vector>

namespace spoke {

// A clinic laptop is shared and gets stolen: what Spoke keeps (the cache and
// its -wal/-shm, attachments, recordings, journals, downloads, the hub's
// database and decks) is readable by its owner only. Two halves:
// new files are born private (the process umask), and a data dir made by
// an older Spoke or copied in with looser modes is repaired when opened.

// umask 077 for the whole process: every file and folder created from now on
// is 0600/0700 whatever code creates it (SQLite, FFmpeg, Qt). Call first
// thing in main(), before any thread starts. No-op where there is no umask.
void restrictNewFilesToOwner();

struct PrivateTreeRepair {
    int repaired = 0; // files and folders whose group/other bits were removed
    std::vector<std::string> problems; // paths that could not be checked or changed, with why
};

// Creates `dir` (0700) if missing, then walks it without following symlinks
// and removes group and other permission bits from every folder and regular
// file (so 0644 → 0600, 0755 → 0700). Never throws for one bad entry: it
// goes on and lists it in `problems`; throws std::filesystem_error only when
// `dir` itself cannot be created.
PrivateTreeRepair makePrivateTree(const std::filesystem::path& dir);

} // namespace spoke
