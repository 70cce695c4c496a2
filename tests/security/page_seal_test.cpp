#include "SealedTestSupport.h"
#include "store/crypt/PageSeal.h"

#include <catch2/catch.hpp>

#include <algorithm>
#include <cstring>
#include <vector>

using namespace spoke::store::crypt;

namespace {

constexpr int kPageSize = 4096;

std::vector<unsigned char> samplePage(std::uint32_t pageNumber)
{
    std::vector<unsigned char> page(kPageSize, 0);
    for (int i = 0; i < kPageSize - kReserveBytes; ++i)
        page[static_cast<std::size_t>(i)] = static_cast<unsigned char>(i * 7 + pageNumber);
    if (pageNumber == 1)
        std::memcpy(page.data(), "SQLite format 3", 16);
    return page;
}

std::vector<unsigned char> sealed(PageCipher& cipher, const std::vector<unsigned char>& plain, std::uint32_t pageNumber,
                                  FileKind kind = FileKind::Database)
{
    std::vector<unsigned char> out(plain.size());
    REQUIRE(cipher.seal(plain.data(), out.data(), kPageSize, pageNumber, kind));
    return out;
}

} // namespace

TEST_CASE("A sealed page opens to what was sealed and nothing readable is left in it", "[security][seal]")
{
    const auto key = spoke::test::randomCacheKey();
    PageCipher cipher(key);
    for (const std::uint32_t pageNumber : {1u, 2u, 977u}) {
        const auto plain = samplePage(pageNumber);
        auto page = sealed(cipher, plain, pageNumber);
        // Only page 1's 16-byte header is readable, and it says the page size.
        CHECK(std::memcmp(page.data() + 16, plain.data() + 16, 64) != 0);
        if (pageNumber == 1)
            CHECK(sealedPageSize(page.data()) == kPageSize);
        else
            CHECK_FALSE(sealedPageSize(page.data()).has_value());
        REQUIRE(cipher.open(page.data(), kPageSize, pageNumber, FileKind::Database) == OpenResult::Ok);
        CHECK(page == plain);
    }
}

TEST_CASE("Sealing the same page twice gives different bytes (fresh nonce)", "[security][seal]")
{
    PageCipher cipher(spoke::test::randomCacheKey());
    const auto plain = samplePage(3);
    CHECK(sealed(cipher, plain, 3) != sealed(cipher, plain, 3));
}

TEST_CASE("A changed byte or a moved page does not open", "[security][seal]")
{
    PageCipher cipher(spoke::test::randomCacheKey());
    const auto plain = samplePage(5);
    const auto good = sealed(cipher, plain, 5);
    for (const std::size_t at : {std::size_t{0}, std::size_t{2000}, std::size_t{kPageSize - kReserveBytes},
                                 std::size_t{kPageSize - kReserveBytes + kNonceBytes}}) {
        auto page = good;
        page[at] ^= 0x01;
        CHECK(cipher.open(page.data(), kPageSize, 5, FileKind::Database) == OpenResult::Forged);
        CHECK(std::all_of(page.begin(), page.end(), [](unsigned char b) { return b == 0; }));
    }
    auto moved = good;
    CHECK(cipher.open(moved.data(), kPageSize, 6, FileKind::Database) == OpenResult::Forged);
    auto fromWal = good;
    CHECK(cipher.open(fromWal.data(), kPageSize, 5, FileKind::Wal) == OpenResult::Forged);
}

TEST_CASE("A page sealed with another key is told apart as such", "[security][seal]")
{
    PageCipher mine(spoke::test::randomCacheKey());
    PageCipher theirs(spoke::test::randomCacheKey());
    auto page = sealed(theirs, samplePage(2), 2);
    CHECK(mine.open(page.data(), kPageSize, 2, FileKind::Database) == OpenResult::WrongKey);
}

TEST_CASE("Page 1 without SQLite's magic is not sealed", "[security][seal]")
{
    PageCipher cipher(spoke::test::randomCacheKey());
    auto plain = samplePage(1);
    plain[0] = 'X';
    std::vector<unsigned char> out(kPageSize);
    CHECK_FALSE(cipher.seal(plain.data(), out.data(), kPageSize, 1, FileKind::Database));
}
