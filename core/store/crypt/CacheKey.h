#pragma once

#include <array>
#include <cstddef>
#include <optional>
#include <string_view>

namespace spoke::store::crypt {

// The 256-bit key that seals one cache (docs/architecture.md, "Encryption at
// rest"). Kept by core/security in the OS keyring; wiped from memory when the
// last copy goes.
class CacheKey {
public:
    static constexpr std::size_t kBytes = 32;

    // Nullopt unless `bytes` is exactly kBytes long.
    static std::optional<CacheKey> fromBytes(std::string_view bytes);

    CacheKey(const CacheKey& other) = default;
    CacheKey& operator=(const CacheKey& other) = default;
    ~CacheKey();

    const unsigned char* data() const { return bytes_.data(); }

private:
    CacheKey() = default;
    std::array<unsigned char, kBytes> bytes_{};
};

} // namespace spoke::store::crypt
