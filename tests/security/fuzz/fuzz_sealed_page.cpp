// A sealed cache page comes from the disk of a laptop that may have been
// tampered with: opening any bytes must either give back what was sealed or
// fail with the page zeroed, never something in between.
#include "store/crypt/PageSeal.h"

#include <algorithm>
#include <cstdint>
#include <cstdlib>
#include <cstring>
#include <vector>

using namespace spoke::store::crypt;

namespace {

constexpr int kPageSize = 4096;

const CacheKey& fuzzKey()
{
    static const CacheKey key = *CacheKey::fromBytes(std::string_view("0123456789abcdef0123456789abcdef", 32));
    return key;
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size)
{
    static PageCipher cipher(fuzzKey());
    if (size < 2)
        return 0;
    const std::uint32_t pageNumber = 1u + data[0] % 8u;
    const FileKind kind =
        data[1] % 3 == 0 ? FileKind::Database : (data[1] % 3 == 1 ? FileKind::Wal : FileKind::Journal);
    std::vector<unsigned char> page(kPageSize, 0);
    std::memcpy(page.data(), data + 2, std::min<std::size_t>(size - 2, kPageSize));

    // Arbitrary bytes never open (forging a GCM tag is not something a fuzzer does).
    std::vector<unsigned char> opened = page;
    if (cipher.open(opened.data(), kPageSize, pageNumber, kind) == OpenResult::Ok)
        std::abort();
    if (std::any_of(opened.begin(), opened.end(), [](unsigned char b) { return b != 0; }))
        std::abort();

    // The same bytes as a page's content seal and open back unchanged.
    std::vector<unsigned char> plain = page;
    if (pageNumber == 1)
        std::memcpy(plain.data(), "SQLite format 3", 16);
    std::fill(plain.end() - kReserveBytes, plain.end(), 0);
    std::vector<unsigned char> sealed(kPageSize);
    if (!cipher.seal(plain.data(), sealed.data(), kPageSize, pageNumber, kind))
        std::abort();
    if (cipher.open(sealed.data(), kPageSize, pageNumber, kind) != OpenResult::Ok || sealed != plain)
        std::abort();
    return 0;
}
