#include "SealedTestSupport.h"
#include "security/InstallSecrets.h"
#include "security/KeyStore.h"
#include "store/CacheEncryption.h"
#include "store/StoreError.h"
#include "support/TempDir.h"

#include <catch2/catch.hpp>

#include <stdexcept>

using namespace spoke::store;
using spoke::test::TempDir;

namespace {

namespace fs = std::filesystem;

// A headless machine: no Secret Service answers.
class NoKeyring final : public spoke::security::KeyStore {
public:
    spoke::Expected<std::optional<QByteArray>, spoke::security::KeyStoreError> read(const QString&) override
    {
        return unavailable();
    }
    std::optional<spoke::security::KeyStoreError> write(const QString&, const QByteArray&) override
    {
        return unavailable();
    }
    std::optional<spoke::security::KeyStoreError> remove(const QString&) override { return unavailable(); }
    QString describe() const override { return QStringLiteral("no keyring"); }

private:
    static spoke::security::KeyStoreError unavailable()
    {
        return {spoke::security::KeyStoreError::Kind::Unavailable, "org.freedesktop.secrets was not provided"};
    }
};

std::size_t hits(Cache& cache, const std::string& query)
{
    SearchOptions options;
    options.limit = 1000;
    return cache.search(query, options).size();
}

fs::path seededPlainCache(const TempDir& temp, int cases = 30)
{
    const auto file = temp / "spoke-cache.sqlite";
    Cache cache = Cache::open(file);
    for (int i = 0; i < cases; ++i)
        spoke::test::seedCase(cache, "ENC-" + std::to_string(i));
    return file;
}

std::vector<std::string> filesIn(const fs::path& dir)
{
    std::vector<std::string> names;
    for (const auto& entry : fs::directory_iterator(dir))
        names.push_back(entry.path().filename().string());
    std::sort(names.begin(), names.end());
    return names;
}

// Restores the process's held cache key whatever a test did with it.
struct HeldKeyReset {
    ~HeldKeyReset() { spoke::security::InstallSecrets::useCacheKey(std::nullopt); }
};

} // namespace

TEST_CASE("Enabling encryption seals an existing cache and disabling makes it plain again", "[security][encryption]")
{
    const TempDir temp;
    const auto file = seededPlainCache(temp);
    CHECK(spoke::test::wordsFoundIn(file) == spoke::test::seededCaseWords());
    const auto key = spoke::test::randomCacheKey();

    std::vector<EncryptionStage> stages;
    const auto done = CacheEncryption::enable(file, key, [&](EncryptionStage s) { stages.push_back(s); });
    REQUIRE(done.ok());
    CHECK(done->fileBytes == static_cast<std::int64_t>(fs::file_size(file)));
    CHECK(stages == std::vector{EncryptionStage::Copying, EncryptionStage::Checking, EncryptionStage::Replacing});
    CHECK(CacheEncryption::isEncrypted(file));
    CHECK(spoke::test::wordsFoundIn(file).empty());
    CHECK(filesIn(temp.path()) == std::vector<std::string>{"spoke-cache.sqlite"});
    {
        Cache cache = Cache::open(file, key);
        CHECK(cache.db().queryInt("SELECT count(*) FROM cases") == 30);
        CHECK(hits(cache, "cryptococcal") == 30);
        spoke::test::seedCase(cache, "AFTER");
        CHECK(spoke::test::wordsFoundIn(file.string() + "-wal").empty());
    }
    CHECK(CacheEncryption::enable(file, key).error().kind == EncryptionError::Kind::AlreadyEncrypted);
    CHECK(CacheEncryption::disable(file, spoke::test::randomCacheKey()).error().kind
          == EncryptionError::Kind::WrongKey);

    REQUIRE(CacheEncryption::disable(file, key).ok());
    CHECK_FALSE(CacheEncryption::isEncrypted(file));
    Cache cache = Cache::open(file);
    CHECK(cache.db().queryInt("SELECT count(*) FROM cases") == 31);
    CHECK(hits(cache, "Okahandja") == 31);
    CHECK(cache.db().queryText("PRAGMA journal_mode") == "wal");
}

TEST_CASE("A failure before the rename leaves the plain cache as it was", "[security][encryption]")
{
    const TempDir temp;
    const auto file = seededPlainCache(temp);
    const auto before = spoke::test::rawBytes(file);
    const auto done = CacheEncryption::enable(file, spoke::test::randomCacheKey(), [](EncryptionStage s) {
        if (s == EncryptionStage::Replacing)
            throw std::runtime_error("injected failure before the rename");
    });
    REQUIRE_FALSE(done.ok());
    CHECK(done.error().kind == EncryptionError::Kind::Failed);
    CHECK_THAT(done.error().message, Catch::Contains("injected failure") && Catch::Contains("not changed"));
    CHECK_FALSE(CacheEncryption::isEncrypted(file));
    CHECK(spoke::test::rawBytes(file) == before);
    CHECK(filesIn(temp.path()) == std::vector<std::string>{"spoke-cache.sqlite"});
    Cache cache = Cache::open(file);
    CHECK(cache.db().queryInt("SELECT count(*) FROM cases") == 30);
    CHECK(hits(cache, "bedaquiline") == 30);
}

TEST_CASE("Encryption is not switched while another connection has the cache open", "[security][encryption]")
{
    const TempDir temp;
    const auto file = seededPlainCache(temp);
    Cache other = Cache::open(file);
    const auto done = CacheEncryption::enable(file, spoke::test::randomCacheKey());
    REQUIRE_FALSE(done.ok());
    CHECK(done.error().kind == EncryptionError::Kind::InUse);
    CHECK_FALSE(CacheEncryption::isEncrypted(file));
    CHECK(other.db().queryInt("SELECT count(*) FROM cases") == 30);
}

TEST_CASE("Encryption cannot be enabled without an OS keyring", "[security][encryption]")
{
    const TempDir temp;
    const auto file = seededPlainCache(temp);
    const auto before = spoke::test::rawBytes(file);
    NoKeyring keyring;
    const auto done = CacheEncryption::enableWithKeyring(file, keyring);
    REQUIRE_FALSE(done.ok());
    CHECK(done.error().kind == EncryptionError::Kind::NoKeyring);
    CHECK_THAT(done.error().message, Catch::Contains("needs one"));
    CHECK(spoke::test::rawBytes(file) == before);
}

TEST_CASE("With a keyring the key is made and held so the cache opens as usual", "[security][encryption]")
{
    const HeldKeyReset reset;
    const TempDir temp;
    const auto file = seededPlainCache(temp);
    spoke::security::MemoryKeyStore keyring;
    REQUIRE(CacheEncryption::enableWithKeyring(file, keyring).ok());
    const auto stored = keyring.read(spoke::security::InstallSecrets::kCacheKeyName);
    REQUIRE(stored.ok());
    REQUIRE(stored->has_value());
    CHECK((*stored)->size() == 32);
    CHECK(spoke::security::InstallSecrets::cacheKey() == *stored);
    CHECK(CacheEncryption::isEncrypted(file));
    {
        Cache cache = Cache::open(file); // with the held key
        CHECK(cache.db().queryInt("SELECT count(*) FROM cases") == 30);
    }
    // A cache made anew in a profile that holds a key is sealed from the start.
    const auto fresh = temp / "fresh.sqlite";
    {
        Cache cache = Cache::open(fresh);
        spoke::test::seedCase(cache);
    }
    CHECK(CacheEncryption::isEncrypted(fresh));

    REQUIRE(CacheEncryption::disableWithKeyring(file, keyring).ok());
    CHECK_FALSE(CacheEncryption::isEncrypted(file));
    CHECK_FALSE(keyring.read(spoke::security::InstallSecrets::kCacheKeyName)->has_value());
    CHECK_FALSE(spoke::security::InstallSecrets::cacheKey().has_value());
    Cache cache = Cache::open(file);
    CHECK(cache.db().queryInt("SELECT count(*) FROM cases") == 30);
}

// SQLite spills pages of a transaction to the file before page 1 once its
// page cache (2 MiB by default) fills: the sealed copy must take them.
TEST_CASE("A cache larger than SQLite's page cache is encrypted and decrypted whole", "[security][encryption]")
{
    const TempDir temp;
    const auto file = seededPlainCache(temp, 1500);
    {
        // A second revision of each case with 3 KB of distinct words.
        Cache cache = Cache::open(file);
        Transaction tx(cache.db());
        for (std::int64_t id = 1; id <= 1500; ++id) {
            std::string text = spoke::test::seededCaseText();
            for (int w = 0; w < 400; ++w)
                text += " w" + std::to_string(id * 400 + w);
            cache.cases().saveRevision(id, "{}", text, 1'700'000'000'001);
        }
        tx.commit();
    }
    REQUIRE(fs::file_size(file) > 4 * 1024 * 1024);
    const auto key = spoke::test::randomCacheKey();
    REQUIRE(CacheEncryption::enable(file, key).ok());
    CHECK(spoke::test::wordsFoundIn(file).empty());
    {
        Cache cache = Cache::open(file, key);
        CHECK(cache.db().queryInt("SELECT count(*) FROM cases") == 1500);
        CHECK(hits(cache, "Tsumeb") == 1000); // the search's limit here
    }
    REQUIRE(CacheEncryption::disable(file, key).ok());
    Cache cache = Cache::open(file);
    CHECK(cache.db().queryInt("SELECT count(*) FROM case_revisions") == 3000);
}
