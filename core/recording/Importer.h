#pragma once

#include "recording/RecordingProbe.h"
#include "store/Records.h"

#include <cstdint>
#include <filesystem>
#include <optional>
#include <string>

namespace spoke::store {
class RecordingStore;
}

namespace spoke::recording {

struct ImportOptions {
    std::optional<std::int64_t> sessionId;
    std::string title; // empty: the file's title tag, else its name
    store::RecordingSource source = store::RecordingSource::Imported;
};

struct ImportResult {
    std::int64_t recordingId = 0;
    std::filesystem::path storedFile; // inside <data dir>/recordings/
    std::string sha256;
    bool alreadyInLibrary = false; // the same bytes were imported before
    bool linked = false; // hard-linked rather than copied
    ProbeResult probe;
};

// Brings a recording made elsewhere (WebM, MKV or MP4, e.g. a hub's
// post-processed file) into the library: probes it, hard-links or copies it
// into <data dir>/recordings/, hashes it and writes the recording row with
// its duration and chapters. The same bytes imported twice give the same
// row. Throws RecordingError for files that are not a readable recording.
// Runs on the thread that owns the cache.
class Importer {
public:
    Importer(store::RecordingStore& recordings, std::filesystem::path dataDir);

    ImportResult importFile(const std::filesystem::path& file, const ImportOptions& options = {});

    static std::string sha256Of(const std::filesystem::path& file); // lowercase hex

private:
    store::RecordingStore& recordings_;
    std::filesystem::path dataDir_;
};

} // namespace spoke::recording
