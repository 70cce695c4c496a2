#pragma once

#include "store/crypt/CacheKey.h"

#include <array>
#include <cstdint>
#include <optional>

struct evp_cipher_ctx_st;

namespace spoke::store::crypt {

// How one page of a sealed cache is laid out (docs/architecture.md,
// "Encryption at rest"). SQLite leaves the last kReserveBytes of every page
// unused (the database header's "reserved space", set with
// SQLITE_FCNTL_RESERVE_BYTES, as SQLite's ext/misc/cksumvfs.c does); a sealed
// page keeps there its nonce, its AES-256-GCM tag and the key's id:
//
//   [ ciphertext ........................ | nonce 12 | tag 16 | key id 4 ]
//
// Page 1 keeps its first 16 bytes readable: SQLite's "SQLite format 3" magic
// is replaced by kSealedMagic and the page size, so a reader can tell a sealed
// file and its page size before it has a key; the rest of page 1 is sealed.
inline constexpr int kNonceBytes = 12;
inline constexpr int kTagBytes = 16;
inline constexpr int kKeyIdBytes = 4;
inline constexpr int kReserveBytes = kNonceBytes + kTagBytes + kKeyIdBytes;
inline constexpr int kHeaderBytes = 16;
inline constexpr std::array<unsigned char, 12> kSealedMagic{'S', 'p', 'o', 'k', 'e', 'S', 'e', 'a', 'l', 'e', 'd', '1'};

// The same page image is sealed differently in each file it is written to,
// so a page of the WAL or a journal cannot be put in the database in its place.
enum class FileKind : std::uint8_t { Database = 'D', Wal = 'W', Journal = 'J' };

using KeyId = std::array<unsigned char, kKeyIdBytes>;

// First 4 bytes of SHA-256("spoke sealed cache key id" || key): stored in
// every page, so a wrong key is told apart from a changed page.
KeyId keyIdOf(const CacheKey& key);

// Page 1's first 16 bytes on disk for a page size; and the page size read
// back from them (nullopt: not a sealed file).
std::array<unsigned char, kHeaderBytes> sealedHeader(int pageSize);
std::optional<int> sealedPageSize(const unsigned char* first16);

enum class OpenResult { Ok, WrongKey, Forged };

// Seals and opens whole pages with one key. One instance per file handle:
// it keeps OpenSSL contexts and is not shared between threads.
class PageCipher {
public:
    explicit PageCipher(const CacheKey& key);
    ~PageCipher();
    PageCipher(const PageCipher&) = delete;
    PageCipher& operator=(const PageCipher&) = delete;

    // Writes the sealed form of `plain` (pageSize bytes, its reserved bytes
    // ignored) to `sealed`, with a fresh random nonce. False when the page
    // cannot be sealed (page 1 without SQLite's magic, an OpenSSL failure);
    // then nothing must be written.
    bool seal(const unsigned char* plain, unsigned char* sealed, int pageSize, std::uint32_t pageNumber, FileKind kind);

    // Opens a sealed page in place. On Ok the page is what SQLite wrote, with
    // its reserved bytes zero; otherwise it is all zero (never half-opened text).
    OpenResult open(unsigned char* page, int pageSize, std::uint32_t pageNumber, FileKind kind);

    const KeyId& keyId() const { return keyId_; }

private:
    evp_cipher_ctx_st* encrypt_ = nullptr;
    evp_cipher_ctx_st* decrypt_ = nullptr;
    KeyId keyId_{};
};

} // namespace spoke::store::crypt
