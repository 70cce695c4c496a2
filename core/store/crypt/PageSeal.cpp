#include "store/crypt/PageSeal.h"

#include <openssl/crypto.h>
#include <openssl/evp.h>
#include <openssl/rand.h>

#include <cstring>
#include <stdexcept>

namespace spoke::store::crypt {

namespace {

constexpr unsigned char kSqliteMagic[kHeaderBytes] = "SQLite format 3";
constexpr char kKeyIdLabel[] = "spoke sealed cache key id";

// Additional authenticated data: what the page is (file kind, page number)
// and, for page 1, its readable header, so none of them can be changed or
// swapped without the page failing to open.
struct Aad {
    unsigned char bytes[1 + 4 + kHeaderBytes];
    int size = 5;
};

Aad aadFor(FileKind kind, std::uint32_t pageNumber, const unsigned char* header)
{
    Aad aad{};
    aad.bytes[0] = static_cast<unsigned char>(kind);
    aad.bytes[1] = static_cast<unsigned char>(pageNumber >> 24);
    aad.bytes[2] = static_cast<unsigned char>(pageNumber >> 16);
    aad.bytes[3] = static_cast<unsigned char>(pageNumber >> 8);
    aad.bytes[4] = static_cast<unsigned char>(pageNumber);
    if (pageNumber == 1) {
        std::memcpy(aad.bytes + 5, header, kHeaderBytes);
        aad.size += kHeaderBytes;
    }
    return aad;
}

bool validPageSize(int pageSize)
{
    return pageSize >= 512 && pageSize <= 65536 && (pageSize & (pageSize - 1)) == 0;
}

} // namespace

std::optional<CacheKey> CacheKey::fromBytes(std::string_view bytes)
{
    if (bytes.size() != kBytes)
        return std::nullopt;
    CacheKey key;
    std::memcpy(key.bytes_.data(), bytes.data(), kBytes);
    return key;
}

CacheKey::~CacheKey()
{
    OPENSSL_cleanse(bytes_.data(), bytes_.size());
}

KeyId keyIdOf(const CacheKey& key)
{
    unsigned char input[sizeof kKeyIdLabel + CacheKey::kBytes];
    std::memcpy(input, kKeyIdLabel, sizeof kKeyIdLabel);
    std::memcpy(input + sizeof kKeyIdLabel, key.data(), CacheKey::kBytes);
    unsigned char digest[EVP_MAX_MD_SIZE];
    unsigned int digestSize = 0;
    const bool ok = EVP_Digest(input, sizeof input, digest, &digestSize, EVP_sha256(), nullptr) == 1;
    OPENSSL_cleanse(input, sizeof input);
    if (!ok)
        throw std::runtime_error("SHA-256 is not available from OpenSSL");
    KeyId id{};
    std::memcpy(id.data(), digest, id.size());
    return id;
}

std::array<unsigned char, kHeaderBytes> sealedHeader(int pageSize)
{
    std::array<unsigned char, kHeaderBytes> header{};
    std::memcpy(header.data(), kSealedMagic.data(), kSealedMagic.size());
    header[12] = static_cast<unsigned char>(kReserveBytes);
    // As SQLite's header stores it (offset 16): big-endian, 1 meaning 65536.
    const int stored = pageSize == 65536 ? 1 : pageSize;
    header[14] = static_cast<unsigned char>(stored >> 8);
    header[15] = static_cast<unsigned char>(stored);
    return header;
}

std::optional<int> sealedPageSize(const unsigned char* first16)
{
    if (std::memcmp(first16, kSealedMagic.data(), kSealedMagic.size()) != 0 || first16[12] != kReserveBytes
        || first16[13] != 0)
        return std::nullopt;
    int pageSize = (first16[14] << 8) | first16[15];
    if (pageSize == 1)
        pageSize = 65536;
    if (!validPageSize(pageSize))
        return std::nullopt;
    return pageSize;
}

PageCipher::PageCipher(const CacheKey& key)
    : encrypt_(EVP_CIPHER_CTX_new())
    , decrypt_(EVP_CIPHER_CTX_new())
    , keyId_(keyIdOf(key))
{
    // The key is set once per context; each page then sets only its nonce.
    if (!encrypt_ || !decrypt_ || EVP_EncryptInit_ex(encrypt_, EVP_aes_256_gcm(), nullptr, key.data(), nullptr) != 1
        || EVP_DecryptInit_ex(decrypt_, EVP_aes_256_gcm(), nullptr, key.data(), nullptr) != 1) {
        EVP_CIPHER_CTX_free(encrypt_);
        EVP_CIPHER_CTX_free(decrypt_);
        throw std::runtime_error("AES-256-GCM is not available from OpenSSL");
    }
}

PageCipher::~PageCipher()
{
    EVP_CIPHER_CTX_free(encrypt_);
    EVP_CIPHER_CTX_free(decrypt_);
}

bool PageCipher::seal(const unsigned char* plain, unsigned char* sealed, int pageSize, std::uint32_t pageNumber,
                      FileKind kind)
{
    if (!validPageSize(pageSize) || pageNumber == 0)
        return false;
    int start = 0;
    if (pageNumber == 1) {
        if (std::memcmp(plain, kSqliteMagic, kHeaderBytes) != 0)
            return false;
        const auto header = sealedHeader(pageSize);
        std::memcpy(sealed, header.data(), kHeaderBytes);
        start = kHeaderBytes;
    }
    const int end = pageSize - kReserveBytes;
    unsigned char* nonce = sealed + end;
    unsigned char* tag = nonce + kNonceBytes;
    // A fresh random 96-bit nonce per write (NIST SP 800-38D, 8.2.2): a page
    // is rewritten many times in three files, and a counter would have to
    // survive crashes to never repeat; 2^32 random nonces per key keep the
    // chance of a repeat below 2^-32, far beyond a cache's page writes.
    if (RAND_bytes(nonce, kNonceBytes) != 1)
        return false;
    const Aad aad = aadFor(kind, pageNumber, sealed);
    int outLength = 0;
    const bool ok = EVP_EncryptInit_ex(encrypt_, nullptr, nullptr, nullptr, nonce) == 1
                    && EVP_EncryptUpdate(encrypt_, nullptr, &outLength, aad.bytes, aad.size) == 1
                    && EVP_EncryptUpdate(encrypt_, sealed + start, &outLength, plain + start, end - start) == 1
                    && EVP_EncryptFinal_ex(encrypt_, sealed + end, &outLength) == 1
                    && EVP_CIPHER_CTX_ctrl(encrypt_, EVP_CTRL_GCM_GET_TAG, kTagBytes, tag) == 1;
    std::memcpy(tag + kTagBytes, keyId_.data(), kKeyIdBytes);
    return ok;
}

OpenResult PageCipher::open(unsigned char* page, int pageSize, std::uint32_t pageNumber, FileKind kind)
{
    if (!validPageSize(pageSize) || pageNumber == 0) {
        std::memset(page, 0, static_cast<std::size_t>(std::max(pageSize, 0)));
        return OpenResult::Forged;
    }
    const int end = pageSize - kReserveBytes;
    unsigned char* nonce = page + end;
    unsigned char* tag = nonce + kNonceBytes;
    if (std::memcmp(tag + kTagBytes, keyId_.data(), kKeyIdBytes) != 0) {
        std::memset(page, 0, static_cast<std::size_t>(pageSize));
        return OpenResult::WrongKey;
    }
    const int start = pageNumber == 1 ? kHeaderBytes : 0;
    if (pageNumber == 1 && sealedPageSize(page) != pageSize) {
        std::memset(page, 0, static_cast<std::size_t>(pageSize));
        return OpenResult::Forged;
    }
    const Aad aad = aadFor(kind, pageNumber, page);
    int outLength = 0;
    unsigned char scratch[16];
    const bool ok = EVP_DecryptInit_ex(decrypt_, nullptr, nullptr, nullptr, nonce) == 1
                    && EVP_DecryptUpdate(decrypt_, nullptr, &outLength, aad.bytes, aad.size) == 1
                    && EVP_DecryptUpdate(decrypt_, page + start, &outLength, page + start, end - start) == 1
                    && EVP_CIPHER_CTX_ctrl(decrypt_, EVP_CTRL_GCM_SET_TAG, kTagBytes, tag) == 1
                    && EVP_DecryptFinal_ex(decrypt_, scratch, &outLength) == 1;
    if (!ok) {
        std::memset(page, 0, static_cast<std::size_t>(pageSize));
        return OpenResult::Forged;
    }
    if (pageNumber == 1)
        std::memcpy(page, kSqliteMagic, kHeaderBytes);
    // SQLite checksums WAL frames over the whole page, reserved bytes too; it
    // must read back exactly what it wrote, and its own page images always
    // hold zeros there (new pages are zeroed, old ones were read through here).
    std::memset(page + end, 0, kReserveBytes);
    return OpenResult::Ok;
}

} // namespace spoke::store::crypt
