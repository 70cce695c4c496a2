#include "store/Cache.h"
#include "store/Database.h"
#include "support/TempDir.h"

#include <catch2/catch.hpp>

#include <fstream>
#include <iterator>
#include <string>

using spoke::store::Cache;
using spoke::store::Database;
using spoke::test::TempDir;

namespace {

const std::string kName = "Ndapewa Shikongo-Haufiku";

std::string bytesOf(const std::filesystem::path& file)
{
    std::ifstream in(file, std::ios::binary);
    return {std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
}

// Writes drafts naming a patient, checkpoints them into the file, deletes
// them and checkpoints again: what a redacted draft's revisions go through.
void writeAndDelete(Database& db)
{
    db.exec("PRAGMA journal_mode = WAL");
    db.exec("CREATE TABLE scratch (t TEXT)");
    for (int i = 0; i < 50; ++i)
        db.prepare("INSERT INTO scratch VALUES (?)").bindAll(kName + " draft " + std::to_string(i)).run();
    db.exec("PRAGMA wal_checkpoint(TRUNCATE)");
    db.exec("DELETE FROM scratch");
    db.exec("PRAGMA wal_checkpoint(TRUNCATE)");
}

} // namespace

TEST_CASE("A deleted row's text does not stay readable in the cache file (secure_delete)", "[store][private]")
{
    const TempDir temp;
    // The control: with secure_delete off (SQLite's default where it is not
    // compiled in, as on Windows and macOS builds), the text stays in a
    // free page. This is what the cache must not do.
    {
        Database plain = Database::open(temp / "plain.sqlite");
        plain.exec("PRAGMA secure_delete = OFF");
        writeAndDelete(plain);
    }
    REQUIRE(bytesOf(temp / "plain.sqlite").find(kName) != std::string::npos);

    const auto file = temp / "spoke-cache.sqlite";
    {
        Cache cache = Cache::open(file);
        CHECK(cache.db().queryInt("PRAGMA secure_delete") == 1);
        writeAndDelete(cache.db());
    }
    CHECK(bytesOf(file).find(kName) == std::string::npos);
    CHECK(bytesOf(file.string() + "-wal").find(kName) == std::string::npos);
}
