#include "security/InstallSecrets.h"
#include "security/KeyStore.h"
#include "support/TempDir.h"

#include <catch2/catch.hpp>

#include <sys/stat.h>

using namespace spoke::security;
using spoke::test::TempDir;

namespace {

// A keyring that never answers (a headless machine, no Secret Service).
class AbsentKeyring final : public KeyStore {
public:
    spoke::Expected<std::optional<QByteArray>, KeyStoreError> read(const QString&) override { return absent(); }
    std::optional<KeyStoreError> write(const QString&, const QByteArray&) override { return absent(); }
    std::optional<KeyStoreError> remove(const QString&) override { return absent(); }
    QString describe() const override { return QStringLiteral("absent"); }

private:
    static KeyStoreError absent() { return {KeyStoreError::Kind::Unavailable, "no keyring"}; }
};

} // namespace

TEST_CASE("A secret is made once and read back the same", "[security]")
{
    MemoryKeyStore store;
    const auto first = loadOrCreateSecret(store, QStringLiteral("k"), 32);
    REQUIRE(first);
    CHECK(first->size() == 32);
    const auto again = loadOrCreateSecret(store, QStringLiteral("k"), 32);
    REQUIRE(again);
    CHECK(*again == *first);
    const auto other = loadOrCreateSecret(store, QStringLiteral("other"), 32);
    REQUIRE(other);
    CHECK(*other != *first);
}

TEST_CASE("The file fallback keeps a secret 0600 and survives a new process's store", "[security][private]")
{
    const TempDir dir;
    QByteArray made;
    {
        FileKeyStore store(dir.path());
        const auto secret = loadOrCreateSecret(store, QStringLiteral("deid-override-hmac"));
        REQUIRE(secret);
        made = *secret;
    }
    FileKeyStore reopened(dir.path());
    const auto file = reopened.fileFor(QStringLiteral("deid-override-hmac"));
    struct stat info { };
    REQUIRE(::stat(file.c_str(), &info) == 0);
    CHECK((info.st_mode & 0777) == 0600);
    const auto read = reopened.read(QStringLiteral("deid-override-hmac"));
    REQUIRE(read);
    REQUIRE(read->has_value());
    CHECK(**read == made);
    REQUIRE_FALSE(reopened.remove(QStringLiteral("deid-override-hmac")));
    CHECK_FALSE(reopened.read(QStringLiteral("deid-override-hmac"))->has_value());
}

TEST_CASE("The install's override key comes from the keyring, else the fallback, and stays put", "[security]")
{
    const QString name = InstallSecrets::kOverrideKeyName;
    SECTION("a keyring that answers holds it")
    {
        MemoryKeyStore keyring;
        MemoryKeyStore fallback;
        const auto holder = InstallSecrets::load(keyring, &fallback);
        REQUIRE(holder);
        CHECK(*holder == &keyring);
        CHECK(InstallSecrets::overrideKey() == keyring.read(name)->value());
        CHECK_FALSE(fallback.read(name)->has_value());
    }
    SECTION("no keyring: the fallback holds it, and a later keyring does not replace it")
    {
        AbsentKeyring absent;
        MemoryKeyStore fallback;
        const auto holder = InstallSecrets::load(absent, &fallback);
        REQUIRE(holder);
        CHECK(*holder == &fallback);
        const QByteArray kept = InstallSecrets::overrideKey();
        CHECK(kept == fallback.read(name)->value());

        MemoryKeyStore keyringNow; // the keyring answers on a later start
        REQUIRE(InstallSecrets::load(keyringNow, &fallback));
        CHECK(InstallSecrets::overrideKey() == kept);
    }
    SECTION("no keyring and no fallback: an error, and a key for this process only")
    {
        AbsentKeyring absent;
        const auto holder = InstallSecrets::load(absent, nullptr);
        REQUIRE_FALSE(holder);
        CHECK(holder.error().kind == KeyStoreError::Kind::Unavailable);
        CHECK(InstallSecrets::overrideKey().size() == 32);
    }
}
