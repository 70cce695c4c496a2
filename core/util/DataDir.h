#pragma once

#include <filesystem>
#include <optional>

namespace spoke {

// Where Spoke keeps its cache and recordings. The platform convention
// (QStandardPaths::AppLocalDataLocation) unless the user passed --data-dir.
std::filesystem::path resolveDataDir(const std::optional<std::filesystem::path>& override);

// The SQLite cache file inside a data dir.
std::filesystem::path cacheFileIn(const std::filesystem::path& dataDir);

} // namespace spoke
