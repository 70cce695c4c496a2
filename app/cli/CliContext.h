#pragma once

#include "store/Cache.h"

#include <QJsonDocument>
#include <QStringList>

#include <filesystem>
#include <optional>

namespace spoke::cli {

// Exit codes shared by every command.
enum ExitCode : int {
    kOk = 0,
    kFailed = 1, // the command could not do its job (cache unreadable, disk full…)
    kBadInput = 2, // wrong usage, unreadable or invalid input
    kFindings = 3, // a check ran and found something (cases check)
};

// What every command gets: the data dir the user chose and the output streams.
class CliContext {
public:
    explicit CliContext(std::optional<std::filesystem::path> dataDirOverride)
        : dataDirOverride_(std::move(dataDirOverride))
    {
    }

    std::filesystem::path dataDir() const;
    // Opens (and if needed creates and migrates) the cache; throws StoreError.
    store::Cache openCache() const;

    static void printJson(const QJsonDocument& doc);
    static void printJsonLine(const QJsonObject& object);
    static void printError(const QString& message);

private:
    std::optional<std::filesystem::path> dataDirOverride_;
};

} // namespace spoke::cli
