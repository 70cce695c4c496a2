#pragma once

#include "util/Expected.h"

#include <QString>

#include <cstdint>
#include <filesystem>

namespace spoke::hub::recordings {

// The file work of the catalogue (RecordingCatalogue.h), kept apart from
// its SQL. Every error is a sentence naming the file.

struct FiledPart {
    std::int64_t bytes = 0;
    QString sha256; // lower-case hex
    std::int64_t durationMs = 0;
};

// Puts `source` at `target` so that `target` either does not exist or holds
// all of it on the disk: written to `target`.part, fsynced, renamed, and the
// dir fsynced (a rename is durable only once its dir is). With `move`, a
// rename when both are on one file system (a copy and an unlink otherwise).
Expected<bool, QString> placeFile(const std::filesystem::path& source, const std::filesystem::path& target, bool move);

// Size, SHA-256 and duration of a stored file. The duration is what the
// container states, or, for a file cut short without one, how far its
// packets read (core/recording's RecordingProbe).
Expected<FiledPart, QString> describeFile(const std::filesystem::path& file);

// fsync of a directory, so that renames inside it survive a crash.
bool syncDirectory(const std::filesystem::path& dir);

} // namespace spoke::hub::recordings
