#include "TestPdf.h"
#include "slides/Deck.h"
#include "slides/DeckCache.h"
#include "support/TempDir.h"

#include <catch2/catch.hpp>

#include <fstream>

using namespace spoke::slides;
using spoke::slides::test::makePdf;
using spoke::slides::test::PdfOptions;

namespace {

std::string shaOf(const std::vector<char>& bytes)
{
    return sha256Hex(bytes.data(), bytes.size());
}

// Decks of about the same size that differ in bytes (page size).
std::vector<char> deckNumber(int n)
{
    return makePdf(3, PdfOptions{700.0 + n, 500, false});
}

} // namespace

TEST_CASE("a stored deck loads back byte for byte under its SHA-256", "[slides][cache]")
{
    spoke::test::TempDir dir;
    DeckCache cache(DeckCache::folderIn(dir.path()), 1 << 20);
    const auto bytes = deckNumber(1);
    const std::string sha = shaOf(bytes);
    CHECK_FALSE(cache.contains(sha));
    CHECK_FALSE(cache.load(sha, 1000).bytes);

    auto stored = cache.store(bytes, sha, 1000);
    REQUIRE(stored.ok());
    CHECK(*stored == dir / "slides" / (sha + ".pdf"));
    CHECK(cache.contains(sha));
    const auto loaded = cache.load(sha, 2000);
    REQUIRE(loaded.bytes);
    CHECK(*loaded.bytes == bytes);
    CHECK_FALSE(loaded.wasCorrupt);
    CHECK(cache.totalBytes() == static_cast<std::int64_t>(bytes.size()));
    CHECK(Deck::fromBytes(*loaded.bytes)->pageCount() == 3);
}

TEST_CASE("a download that does not match the SHA-256 the hub named is not kept", "[slides][cache]")
{
    spoke::test::TempDir dir;
    DeckCache cache(dir / "decks", 1 << 20);
    const auto bytes = deckNumber(1);
    const std::string otherSha = shaOf(deckNumber(2));
    auto stored = cache.store(bytes, otherSha, 1000);
    REQUIRE_FALSE(stored.ok());
    CHECK(stored.error().kind == DeckErrorKind::Corrupt);
    CHECK_FALSE(cache.contains(otherSha));
    CHECK(cache.totalBytes() == 0);
    // Only a hash may name a file: nothing outside the folder is reachable.
    CHECK(cache.store(bytes, "../../etc/passwd", 1000).error().kind == DeckErrorKind::BadArgument);
    CHECK_FALSE(cache.load("../" + shaOf(bytes), 1000).bytes);
}

TEST_CASE("a cached deck damaged or cut short on disk is dropped and reported, never returned", "[slides][cache]")
{
    spoke::test::TempDir dir;
    DeckCache cache(dir / "decks", 1 << 20);
    const auto bytes = deckNumber(1);
    const std::string sha = shaOf(bytes);

    SECTION("one byte changed")
    {
        REQUIRE(cache.store(bytes, sha, 1000).ok());
        std::fstream file(cache.pathFor(sha), std::ios::in | std::ios::out | std::ios::binary);
        file.seekp(static_cast<std::streamoff>(bytes.size() / 2));
        file.put('#');
    }
    SECTION("truncated")
    {
        REQUIRE(cache.store(bytes, sha, 1000).ok());
        std::filesystem::resize_file(cache.pathFor(sha), bytes.size() - 10);
    }
    const auto loaded = cache.load(sha, 2000);
    CHECK_FALSE(loaded.bytes);
    CHECK(loaded.wasCorrupt);
    CHECK_FALSE(std::filesystem::exists(cache.pathFor(sha)));
    // The refetched deck is kept again.
    REQUIRE(cache.store(bytes, sha, 3000).ok());
    CHECK(cache.load(sha, 4000).bytes == bytes);
}

TEST_CASE("over its cap the cache evicts the least recently used decks first", "[slides][cache]")
{
    spoke::test::TempDir dir;
    const auto a = deckNumber(1);
    const auto b = deckNumber(2);
    const auto c = deckNumber(3);
    // Room for two of the three.
    const auto cap = static_cast<std::int64_t>(a.size() + b.size() + c.size() / 2);
    DeckCache cache(dir / "decks", cap);
    const std::int64_t t0 = 1'790'000'000'000; // Unix ms
    REQUIRE(cache.store(a, shaOf(a), t0).ok());
    REQUIRE(cache.store(b, shaOf(b), t0 + 1000).ok());
    REQUIRE(cache.load(shaOf(a), t0 + 2000).bytes); // a is now the more recently used
    REQUIRE(cache.store(c, shaOf(c), t0 + 3000).ok());

    CHECK(cache.contains(shaOf(a)));
    CHECK_FALSE(cache.contains(shaOf(b)));
    CHECK(cache.contains(shaOf(c)));
    CHECK(cache.totalBytes() <= cap);

    // A deck larger than the whole cache is refused rather than evicting everything.
    DeckCache tiny(dir / "tiny", 100);
    CHECK(tiny.store(a, shaOf(a), t0).error().kind == DeckErrorKind::TooLarge);
}

TEST_CASE("a half-written deck left by a crash is cleared when the cache opens", "[slides][cache]")
{
    spoke::test::TempDir dir;
    std::filesystem::create_directories(dir / "decks");
    const std::string sha = shaOf(deckNumber(1));
    std::ofstream(dir / "decks" / (sha + ".part")) << "%PDF-1.4 half";
    DeckCache cache(dir / "decks", 1 << 20);
    CHECK_FALSE(std::filesystem::exists(dir / "decks" / (sha + ".part")));
    CHECK_FALSE(cache.contains(sha));
}
