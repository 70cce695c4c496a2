// The hub token lives in the OS keyring or, with none answering (tests,
// servers: no D-Bus session), in DATA_DIR/hub-token.json, 0600; never both.

#include "support/TempDir.h"
#include "sync/TokenStore.h"

#include <catch2/catch.hpp>

#include <QFile>

#include <sys/stat.h>

using namespace spoke::sync;
using spoke::test::TempDir;

namespace {

unsigned modeOf(const std::filesystem::path& file)
{
    struct stat info { };
    REQUIRE(::stat(file.c_str(), &info) == 0);
    return info.st_mode & 0777;
}

} // namespace

TEST_CASE("Without a keyring the token goes to a 0600 file that only its account reads", "[sync][token]")
{
    TempDir dir;
    TokenStore store({dir.path(), /*fileOnly=*/true, 1000});
    const auto saved = store.save("https://hub.example.org", "Amina@Clinic.example", "token-one");
    REQUIRE(saved.ok());
    CHECK(*saved == TokenStore::Backend::File);
    REQUIRE(std::filesystem::exists(store.fallbackFile()));
    CHECK(modeOf(store.fallbackFile()) == 0600);
    CHECK(store.load("https://hub.example.org", "amina@clinic.example") == QString("token-one"));
    CHECK_FALSE(store.load("https://hub.example.org", "someone@else.example").has_value());
    CHECK_FALSE(store.load("https://other.example.org", "amina@clinic.example").has_value());

    // Replaced whole (written aside and renamed), still 0600.
    REQUIRE(store.save("https://hub.example.org", "amina@clinic.example", "token-two").ok());
    CHECK(modeOf(store.fallbackFile()) == 0600);
    CHECK(store.load("https://hub.example.org", "amina@clinic.example") == QString("token-two"));
    const auto leftovers = std::distance(std::filesystem::directory_iterator(dir.path()), {});
    CHECK(leftovers == 1);

    store.remove("https://hub.example.org", "amina@clinic.example");
    CHECK_FALSE(std::filesystem::exists(store.fallbackFile()));
    CHECK_FALSE(store.load("https://hub.example.org", "amina@clinic.example").has_value());
}

TEST_CASE("With the keyring asked first, the token is in exactly one place", "[sync][token]")
{
    TempDir dir;
    TokenStore store({dir.path(), /*fileOnly=*/false, 3000});
    const auto saved = store.save("https://hub.example.org", "kiprop@hub.example", "secret-token");
    REQUIRE(saved.ok());
    // No D-Bus session here means the file; on a desktop it is the keyring and no file.
    CHECK(std::filesystem::exists(store.fallbackFile()) == (*saved == TokenStore::Backend::File));
    CHECK(store.load("https://hub.example.org", "kiprop@hub.example") == QString("secret-token"));
    store.remove("https://hub.example.org", "kiprop@hub.example");
    CHECK_FALSE(store.load("https://hub.example.org", "kiprop@hub.example").has_value());
    CHECK_FALSE(std::filesystem::exists(store.fallbackFile()));
}

TEST_CASE("A damaged token file reads as no token", "[sync][token]")
{
    TempDir dir;
    TokenStore store({dir.path(), true, 1000});
    QFile file(QString::fromStdString(store.fallbackFile().string()));
    REQUIRE(file.open(QIODevice::WriteOnly));
    file.write("{\"key\": \"https://hub.example.org a@b.c\", \"token\": ");
    file.close();
    CHECK_FALSE(store.load("https://hub.example.org", "a@b.c").has_value());
}
