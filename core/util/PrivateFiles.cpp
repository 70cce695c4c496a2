#include "util/PrivateFiles.h"

#ifndef _WIN32
#include <sys/stat.h>
#endif

#include <system_error>

namespace spoke {

namespace fs = std::filesystem;

namespace {

constexpr fs::perms kGroupAndOthers = fs::perms::group_all | fs::perms::others_all;

// True when the entry's mode was loosened and is now repaired.
bool removeGroupAndOthers(const fs::path& path, fs::file_status status, PrivateTreeRepair& repair)
{
    if ((status.permissions() & kGroupAndOthers) == fs::perms::none)
        return false;
    std::error_code error;
    fs::permissions(path, kGroupAndOthers, fs::perm_options::remove | fs::perm_options::nofollow, error);
    if (error) {
        repair.problems.push_back(path.string() + ": " + error.message());
        return false;
    }
    return true;
}

} // namespace

void restrictNewFilesToOwner()
{
#ifndef _WIN32
    ::umask(S_IRWXG | S_IRWXO);
#endif
}

PrivateTreeRepair makePrivateTree(const fs::path& dir)
{
    PrivateTreeRepair repair;
    fs::create_directories(dir);
    std::error_code error;
    if (removeGroupAndOthers(dir, fs::symlink_status(dir), repair))
        ++repair.repaired;
    fs::recursive_directory_iterator it(dir, fs::directory_options::skip_permission_denied, error);
    if (error) {
        repair.problems.push_back(dir.string() + ": " + error.message());
        return repair;
    }
    for (const fs::recursive_directory_iterator end; it != end; it.increment(error)) {
        if (error) {
            repair.problems.push_back(dir.string() + ": " + error.message());
            break;
        }
        // Symlinks are left alone: the walk does not follow them (the
        // iterator's default), and their target is not ours to change.
        const fs::file_status status = it->symlink_status(error);
        if (error) {
            repair.problems.push_back(it->path().string() + ": " + error.message());
            error.clear();
            continue;
        }
        if ((fs::is_directory(status) || fs::is_regular_file(status))
            && removeGroupAndOthers(it->path(), status, repair))
            ++repair.repaired;
    }
    return repair;
}

} // namespace spoke
