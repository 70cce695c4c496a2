#include "store/Cache.h"
#include "store/Migrations.h"
#include "store/StoreError.h"

#include "support/TempDir.h"

#include <catch2/catch.hpp>

#include <fstream>
#include <iterator>

using namespace spoke::store;
namespace fs = std::filesystem;

namespace {

std::string readAll(const fs::path& file)
{
    std::ifstream in(file, std::ios::binary);
    return {std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
}

void writeAll(const fs::path& file, const std::string& bytes)
{
    std::ofstream(file, std::ios::binary) << bytes;
}

// Opens the file, expects a refusal of `kind`, and checks that nothing was
// written and that an identical copy was kept aside.
void expectRefused(const fs::path& file, StoreErrorKind kind)
{
    const std::string before = readAll(file);
    try {
        Cache::open(file);
        FAIL("opening must fail");
    } catch (const StoreError& error) {
        CHECK(error.kind() == kind);
        const std::string message = error.what();
        CHECK(message.find(file.string()) != std::string::npos);
        CHECK(message.find("was not changed") != std::string::npos);
    }
    CHECK(readAll(file) == before);
    int copies = 0;
    for (const auto& entry : fs::directory_iterator(file.parent_path())) {
        const std::string name = entry.path().filename().string();
        const bool companion = name.ends_with("-wal") || name.ends_with("-shm") || name.ends_with("-journal");
        if (name.rfind(file.filename().string() + ".unreadable-", 0) == 0 && !companion) {
            CHECK(readAll(entry.path()) == before);
            ++copies;
        }
    }
    CHECK(copies == 1);
}

} // namespace

TEST_CASE("A file that is not SQLite is refused, kept and copied aside", "[store][damaged]")
{
    spoke::test::TempDir dir;
    const auto file = dir / "cache.sqlite";
    writeAll(file, "This is somebody's thesis, not a database.\n" + std::string(5000, '\x7f'));
    expectRefused(file, StoreErrorKind::NotADatabase);
}

TEST_CASE("Another program's SQLite database is refused", "[store][damaged]")
{
    spoke::test::TempDir dir;
    const auto file = dir / "cache.sqlite";
    {
        auto db = Database::open(file);
        db.exec("CREATE TABLE accounts (id INTEGER PRIMARY KEY, owner TEXT); INSERT INTO accounts VALUES (1, 'x')");
    }
    expectRefused(file, StoreErrorKind::ForeignDatabase);
}

TEST_CASE("A cache written by a newer Spoke is refused", "[store][damaged]")
{
    spoke::test::TempDir dir;
    const auto file = dir / "cache.sqlite";
    {
        auto cache = Cache::open(file);
        cache.db().exec("PRAGMA user_version = " + std::to_string(latestSchemaVersion() + 1));
        cache.db().exec("PRAGMA wal_checkpoint(TRUNCATE)");
    }
    expectRefused(file, StoreErrorKind::NewerSchema);
}

TEST_CASE("A cache with damaged pages is refused", "[store][damaged]")
{
    spoke::test::TempDir dir;
    const auto file = dir / "cache.sqlite";
    {
        auto cache = Cache::open(file);
        for (int i = 0; i < 200; ++i)
            cache.sessions().addParticipant({0, std::string(300, 'p'), "", "", ""});
        cache.db().exec("PRAGMA wal_checkpoint(TRUNCATE); PRAGMA journal_mode = DELETE");
    }
    std::string bytes = readAll(file);
    REQUIRE(bytes.size() > 8 * 4096);
    // Scribble over the middle of the file, past the header and schema pages.
    for (std::size_t i = 3 * 4096; i < 7 * 4096; ++i)
        bytes[i] = static_cast<char>(i * 31);
    writeAll(file, bytes);
    expectRefused(file, StoreErrorKind::Corrupt);
}

TEST_CASE("A missing directory gives a clear error instead of a crash", "[store][damaged]")
{
    spoke::test::TempDir dir;
    CHECK_THROWS_AS(Cache::open(dir / "no" / "such" / "dir" / "cache.sqlite"), StoreError);
}
