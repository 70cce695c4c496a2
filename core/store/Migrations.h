#pragma once

#include <span>
#include <string_view>

namespace spoke::store {

class Database;

// Marks a file as a Spoke cache ('SPKE'), so a foreign SQLite file is never
// mistaken for ours and migrated.
inline constexpr int kApplicationId = 0x53504B45;

struct Migration {
    int version; // the user_version after this step
    std::string_view name;
    std::string_view sql;
};

std::span<const Migration> allMigrations();
int latestSchemaVersion();

// Applies every migration above the file's user_version and up to `target`,
// each in its own transaction, so a crash leaves the file at a whole version.
void migrate(Database& db, int target = latestSchemaVersion());

} // namespace spoke::store
