#include "util/DataDir.h"

#include "util/PrivateFiles.h"

#include <QStandardPaths>
#include <QString>

namespace spoke {

std::filesystem::path resolveDataDir(const std::optional<std::filesystem::path>& override)
{
    std::filesystem::path dir;
    if (override) {
        dir = *override;
    } else {
        dir = QStandardPaths::writableLocation(QStandardPaths::AppLocalDataLocation).toStdString();
        if (dir.empty())
            dir = std::filesystem::current_path() / "spoke-data";
    }
    // Created 0700, and a dir with looser modes (an older Spoke, a copy) is
    // repaired each time it is opened: see PrivateFiles.h.
    makePrivateTree(dir);
    return std::filesystem::absolute(dir);
}

std::filesystem::path cacheFileIn(const std::filesystem::path& dataDir)
{
    return dataDir / "spoke-cache.sqlite";
}

} // namespace spoke
