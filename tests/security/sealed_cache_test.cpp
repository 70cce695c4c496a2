#include "SealedTestSupport.h"
#include "store/CacheEncryption.h"
#include "store/StoreError.h"
#include "store/crypt/SealedVfs.h"
#include "support/TempDir.h"

#include <catch2/catch.hpp>

#include <csignal>
#include <cstdio>
#include <set>
#include <sys/wait.h>
#include <unistd.h>

using namespace spoke::store;
using spoke::test::TempDir;

namespace {

void flipByte(const std::filesystem::path& file, std::int64_t offset)
{
    std::fstream io(file, std::ios::in | std::ios::out | std::ios::binary);
    io.seekg(offset);
    char byte = 0;
    io.get(byte);
    io.seekp(offset);
    io.put(static_cast<char>(byte ^ 0x20));
}

std::int64_t countCases(Cache& cache)
{
    return cache.db().queryInt("SELECT count(*) FROM cases");
}

} // namespace

TEST_CASE("A sealed cache round-trips a case and finds it with FTS5 MATCH", "[security][sealed]")
{
    const TempDir temp;
    const auto file = temp / "spoke-cache.sqlite";
    const auto key = spoke::test::randomCacheKey();
    {
        Cache cache = Cache::open(file, key);
        spoke::test::seedCase(cache);
    }
    CHECK(CacheEncryption::isEncrypted(file));
    CHECK(CacheEncryption::isSealedWith(file, key));
    Cache cache = Cache::open(file, key);
    CHECK(cache.db().queryText("PRAGMA integrity_check") == "ok");
    CHECK(cache.db().queryText("PRAGMA journal_mode") == "wal");
    const auto hits = cache.search("hepatosplenomegaly");
    REQUIRE(hits.size() == 1);
    CHECK(hits[0].kind == "case");
    CHECK(cache.search("Okahandja bedaquiline").size() == 1);
    CHECK(cache.search("nosuchword").empty());
}

TEST_CASE("Without the key the sealed cache and its WAL reveal none of a case's words", "[security][sealed]")
{
    const TempDir temp;
    const auto file = temp / "spoke-cache.sqlite";
    const auto key = spoke::test::randomCacheKey();
    Cache cache = Cache::open(file, key);
    for (int i = 0; i < 20; ++i)
        spoke::test::seedCase(cache, "SEAL-" + std::to_string(i));
    // While open: the new pages are in the WAL, not yet in the file.
    REQUIRE(std::filesystem::file_size(file.string() + "-wal") > 0);
    CHECK(spoke::test::wordsFoundIn(file.string() + "-wal").empty());
    CHECK(spoke::test::wordsFoundIn(file).empty());
    cache.db().exec("PRAGMA wal_checkpoint(PASSIVE)");
    CHECK(spoke::test::wordsFoundIn(file).empty());
    CHECK(spoke::test::wordsFoundIn(file.string() + "-wal").empty());
    // The control: the same case in a plain cache is readable in its bytes.
    const auto plainFile = temp / "plain.sqlite";
    {
        Cache plain = Cache::open(plainFile);
        spoke::test::seedCase(plain);
        plain.db().exec("PRAGMA wal_checkpoint(TRUNCATE)");
    }
    CHECK(spoke::test::wordsFoundIn(plainFile).size() == spoke::test::seededCaseWords().size());
}

TEST_CASE("A sealed cache keeps WAL writes through a checkpoint and a reopen", "[security][sealed]")
{
    const TempDir temp;
    const auto file = temp / "spoke-cache.sqlite";
    const auto key = spoke::test::randomCacheKey();
    {
        Cache cache = Cache::open(file, key);
        for (int i = 0; i < 200; ++i)
            spoke::test::seedCase(cache, "WAL-" + std::to_string(i));
        CHECK(cache.db().queryInt("PRAGMA wal_checkpoint(TRUNCATE)") == 0);
        CHECK(std::filesystem::file_size(file.string() + "-wal") == 0);
        for (int i = 200; i < 260; ++i)
            spoke::test::seedCase(cache, "WAL-" + std::to_string(i));
        // A second connection reads the frames the first one wrote.
        Cache reader = Cache::open(file, key);
        CHECK(countCases(reader) == 260);
    }
    Cache cache = Cache::open(file, key);
    CHECK(countCases(cache) == 260);
    CHECK(cache.db().queryText("PRAGMA integrity_check") == "ok");
    // VACUUM rebuilds every page (its temp database kept in memory).
    cache.db().exec("DELETE FROM case_revisions WHERE case_id % 2 = 0");
    cache.db().exec("VACUUM");
    CHECK(cache.db().queryText("PRAGMA integrity_check") == "ok");
    SearchOptions many;
    many.limit = 1000;
    CHECK(cache.search("linezolid", many).size() == 260);
}

TEST_CASE("A changed byte in a sealed page is an I/O error and never wrong data", "[security][sealed]")
{
    const TempDir temp;
    const auto file = temp / "spoke-cache.sqlite";
    const auto key = spoke::test::randomCacheKey();
    {
        Cache cache = Cache::open(file, key);
        for (int i = 0; i < 50; ++i)
            spoke::test::seedCase(cache, "FLIP-" + std::to_string(i));
    }
    const auto pageSize = crypt::inspectFile(file).pageSize;
    REQUIRE(pageSize == 4096);
    const auto pages = static_cast<std::int64_t>(std::filesystem::file_size(file)) / pageSize;
    REQUIRE(pages > 4);
    // One changed byte in every page but the first, in its sealed content.
    for (std::int64_t page = 1; page < pages; ++page)
        flipByte(file, page * pageSize + 100);

    // Cache::open reads every page (quick_check) and refuses the file.
    try {
        Cache::open(file, key);
        FAIL("a changed page was opened");
    } catch (const StoreError& error) {
        CHECK(error.kind() == StoreErrorKind::Corrupt);
        CHECK_THAT(error.what(), Catch::Contains("changed on disk"));
    }
    // Straight through the VFS: reading that page fails with SQLITE_IOERR_DATA.
    Database db = CacheEncryption::openSealed(file, key, Database::Access::ReadOnly);
    try {
        db.queryText("PRAGMA quick_check");
        FAIL("a changed page was read");
    } catch (const StoreError& error) {
        CHECK(error.kind() == StoreErrorKind::Io);
        CHECK(error.sqliteCode() == (10 | (32 << 8))); // SQLITE_IOERR_DATA
    }
}

TEST_CASE("A sealed cache opened with the wrong key or none says so", "[security][sealed]")
{
    const TempDir temp;
    const auto file = temp / "spoke-cache.sqlite";
    {
        Cache cache = Cache::open(file, spoke::test::randomCacheKey());
        spoke::test::seedCase(cache);
    }
    const auto before = spoke::test::rawBytes(file);
    try {
        Cache::open(file, spoke::test::randomCacheKey());
        FAIL("opened with another key");
    } catch (const StoreError& error) {
        CHECK_THAT(error.what(), Catch::Contains("another key"));
    }
    try {
        Cache::open(file); // this process holds no cache key
        FAIL("opened without a key");
    } catch (const StoreError& error) {
        CHECK_THAT(error.what(), Catch::Contains("its key is not available"));
    }
    // At the VFS, the wrong key is an I/O error on the first read of page 1.
    CHECK_THROWS_AS(CacheEncryption::openSealed(file, spoke::test::randomCacheKey(), Database::Access::ReadOnly)
                        .queryInt("SELECT count(*) FROM sqlite_schema"),
                    StoreError);
    CHECK(spoke::test::rawBytes(file) == before);
    // A plain file is never opened through the seal.
    const auto plainFile = temp / "plain.sqlite";
    {
        Cache plain = Cache::open(plainFile);
    }
    CHECK_THROWS_AS(Cache::open(plainFile, spoke::test::randomCacheKey()), StoreError);
}

// The child writes one case per committed transaction and reports each
// case's id on a pipe only after COMMIT returned; the parent kills it with
// SIGKILL mid-stream. Every reported case must be in the reopened cache.
TEST_CASE("A sealed cache survives its writer being killed mid-write", "[security][sealed][crash]")
{
    const TempDir temp;
    const auto file = temp / "spoke-cache.sqlite";
    const auto key = spoke::test::randomCacheKey();
    {
        Cache cache = Cache::open(file, key);
    }
    std::set<std::int64_t> promised;
    for (int round = 0; round < 3; ++round) {
        int fds[2];
        REQUIRE(::pipe(fds) == 0);
        const pid_t child = ::fork();
        REQUIRE(child >= 0);
        if (child == 0) {
            ::close(fds[0]);
            try {
                Cache cache = Cache::open(file, key);
                for (int i = 0;; ++i) {
                    const auto id =
                        spoke::test::seedCase(cache, "CRASH-" + std::to_string(round) + "-" + std::to_string(i));
                    const std::string line = std::to_string(id) + "\n";
                    if (::write(fds[1], line.data(), line.size()) < 0)
                        ::_exit(3);
                }
            } catch (...) {
                ::_exit(4);
            }
        }
        ::close(fds[1]);
        FILE* in = ::fdopen(fds[0], "r");
        long long id = 0;
        int seen = 0;
        const int killAfter = 20 + round * 25;
        while (seen < killAfter && std::fscanf(in, "%lld", &id) == 1) {
            promised.insert(id);
            ++seen;
        }
        ::kill(child, SIGKILL);
        int status = 0;
        ::waitpid(child, &status, 0);
        CHECK(WIFSIGNALED(status));
        while (std::fscanf(in, "%lld", &id) == 1)
            promised.insert(id);
        std::fclose(in);
        REQUIRE(seen == killAfter);
    }
    Cache cache = Cache::open(file, key);
    CHECK(cache.db().queryText("PRAGMA integrity_check") == "ok");
    std::set<std::int64_t> stored;
    auto stmt = cache.db().prepare("SELECT id FROM cases");
    while (stmt.step())
        stored.insert(stmt.int64(0));
    for (const auto id : promised)
        CHECK(stored.count(id) == 1);
    CHECK(promised.size() >= 20 + 45 + 70);
}
