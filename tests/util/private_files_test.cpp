#include "support/TempDir.h"
#include "util/DataDir.h"
#include "util/PrivateFiles.h"

#include <catch2/catch.hpp>

#include <fstream>

using spoke::test::TempDir;
namespace fs = std::filesystem;

namespace {

fs::perms modeOf(const fs::path& path)
{
    return fs::symlink_status(path).permissions() & fs::perms::mask;
}

void touch(const fs::path& path, fs::perms mode)
{
    std::ofstream(path) << "patient data";
    fs::permissions(path, mode);
}

constexpr fs::perms kOwnerRw = fs::perms::owner_read | fs::perms::owner_write;
constexpr fs::perms kOwnerAll = fs::perms::owner_all;

} // namespace

TEST_CASE("makePrivateTree removes group and other bits from every folder and file, and reports each",
          "[util][private]")
{
    const TempDir temp;
    const fs::path data = temp / "data";
    fs::create_directories(data / "recordings" / "2026");
    fs::permissions(data, fs::perms::owner_all | fs::perms::group_read | fs::perms::group_exec | fs::perms::others_read
                              | fs::perms::others_exec); // 0755
    fs::permissions(data / "recordings", fs::perms::all); // 0777
    touch(data / "spoke-cache.sqlite", kOwnerRw | fs::perms::group_read | fs::perms::others_read); // 0644
    touch(data / "spoke-cache.sqlite-wal", fs::perms::all); // 0777
    touch(data / "recordings" / "2026" / "a.webm", kOwnerRw); // already private
    // A link to a file outside: neither the link nor its target is changed.
    touch(temp / "outside.txt", kOwnerRw | fs::perms::others_read);
    fs::create_symlink(temp / "outside.txt", data / "link");

    const spoke::PrivateTreeRepair repair = spoke::makePrivateTree(data);

    CHECK(repair.problems.empty());
    CHECK(repair.repaired == 5); // data, recordings, 2026 (made 0755 by this umask), the cache, its -wal
    CHECK(modeOf(data) == kOwnerAll);
    CHECK(modeOf(data / "recordings") == kOwnerAll);
    CHECK(modeOf(data / "recordings" / "2026") == kOwnerAll);
    CHECK(modeOf(data / "spoke-cache.sqlite") == kOwnerRw);
    CHECK(modeOf(data / "spoke-cache.sqlite-wal") == kOwnerAll);
    CHECK(modeOf(data / "recordings" / "2026" / "a.webm") == kOwnerRw);
    CHECK(modeOf(temp / "outside.txt") == (kOwnerRw | fs::perms::others_read));

    // A second pass finds nothing to do.
    CHECK(spoke::makePrivateTree(data).repaired == 0);
}

TEST_CASE("A data dir is created private, and files made after restrictNewFilesToOwner are 0600", "[util][private]")
{
    const TempDir temp;
    spoke::restrictNewFilesToOwner();
    const fs::path data = spoke::resolveDataDir(temp / "new" / "spoke");
    CHECK(modeOf(data) == kOwnerAll);
    std::ofstream(data / "journal") << "x";
    CHECK(modeOf(data / "journal") == kOwnerRw);
    fs::create_directories(data / "attachments");
    CHECK(modeOf(data / "attachments") == kOwnerAll);
}
