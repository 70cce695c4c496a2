#pragma once

#include <filesystem>
#include <optional>

namespace spoke {

// Where Spoke keeps its cache and recordings. The platform convention
// (QStandardPaths::AppLocalDataLocation) unless the user passed --data-dir.
// Created if missing and made private (makePrivateTree: 0700 folders, 0600
// files) each time it is resolved.
std::filesystem::path resolveDataDir(const std::optional<std::filesystem::path>& override);

// The SQLite cache file inside a data dir.
std::filesystem::path cacheFileIn(const std::filesystem::path& dataDir);

} // namespace spoke
