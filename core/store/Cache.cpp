#include "store/Cache.h"

#include "security/InstallSecrets.h"
#include "store/CacheEncryption.h"
#include "store/Migrations.h"
#include "store/StoreError.h"

#include <chrono>
#include <cstring>
#include <ctime>
#include <fstream>
#include <thread>

namespace spoke::store {

namespace {

namespace fs = std::filesystem;

bool hasSqliteHeader(const fs::path& file)
{
    static constexpr char kMagic[] = "SQLite format 3";
    char header[sizeof kMagic] = {};
    std::ifstream in(file, std::ios::binary);
    in.read(header, sizeof header);
    return in.gcount() == sizeof header && std::memcmp(header, kMagic, sizeof kMagic) == 0;
}

std::string timestampForFileName()
{
    const std::time_t now = std::chrono::system_clock::to_time_t(std::chrono::system_clock::now());
    std::tm utc{};
    gmtime_r(&now, &utc);
    char buffer[32];
    std::strftime(buffer, sizeof buffer, "%Y%m%d-%H%M%S", &utc);
    return buffer;
}

[[noreturn]] void refuse(const fs::path& file, StoreErrorKind kind, const std::string& why)
{
    std::string message = "The cache file " + file.string() + " " + why + ". It was not changed.";
    try {
        const fs::path copy = keepCopyAside(file);
        message += " A copy of its bytes was kept at " + copy.string() + ".";
    } catch (const std::exception& error) {
        message += std::string(" (Could not keep a copy aside: ") + error.what() + ")";
    }
    message += " Move it away or choose another --data-dir to start with an empty cache.";
    throw StoreError(kind, message);
}

std::optional<crypt::CacheKey> heldCacheKey()
{
    const auto held = security::InstallSecrets::cacheKey();
    if (!held)
        return std::nullopt;
    return crypt::CacheKey::fromBytes(std::string_view(held->constData(), static_cast<std::size_t>(held->size())));
}

} // namespace

fs::path keepCopyAside(const fs::path& file)
{
    const std::string stem = file.string() + ".unreadable-" + timestampForFileName();
    fs::path target = stem;
    for (int n = 2; fs::exists(target); ++n)
        target = stem + "-" + std::to_string(n);
    fs::copy_file(file, target);
    for (const char* suffix : {"-wal", "-journal"}) {
        const fs::path companion = file.string() + suffix;
        if (fs::exists(companion))
            fs::copy_file(companion, target.string() + suffix);
    }
    return target;
}

void Cache::configure(Database& db)
{
    // WAL keeps readers (search, UI lists) off the writer's back; FULL sync
    // makes every commit survive a power cut, at ~0.14 ms per commit here.
    // Switching a fresh file to WAL needs it to itself, and SQLite answers a
    // connection that opens it at that moment with SQLITE_BUSY at once, not
    // through the busy timeout (it cannot wait on that lock without risking
    // a deadlock): try again for up to a second.
    for (int attempt = 0;; ++attempt) {
        try {
            db.exec("PRAGMA journal_mode = WAL");
            break;
        } catch (const StoreError& error) {
            if (error.kind() != StoreErrorKind::Busy || attempt >= 100)
                throw;
            std::this_thread::sleep_for(std::chrono::milliseconds(10));
        }
    }
    db.exec("PRAGMA synchronous = FULL");
    db.exec("PRAGMA foreign_keys = ON");
    // A deleted row (a redacted draft's revision, an FTS segment) is
    // overwritten with zeros, not left readable in a free page of a stolen
    // laptop's cache. It costs writes, which a clinic's cache makes few of.
    db.exec("PRAGMA secure_delete = ON");
}

Cache Cache::open(const fs::path& file)
{
    const bool existed = fs::exists(file) && fs::file_size(file) > 0;
    if (existed && !hasSqliteHeader(file)) {
        if (!CacheEncryption::isEncrypted(file))
            refuse(file, StoreErrorKind::NotADatabase, "is not an SQLite database, so it is not a Spoke cache");
        const auto key = heldCacheKey();
        if (!key)
            throw StoreError(StoreErrorKind::CannotOpen,
                             "The cache file " + file.string()
                                 + " is encrypted, and its key is not available: it is kept in this profile's OS "
                                   "keyring, which did not answer or does not hold it. It was not changed.");
        return open(file, *key);
    }
    if (!existed)
        if (const auto key = heldCacheKey())
            return open(file, *key);
    return checkAndMigrate(Database::open(file), existed);
}

Cache Cache::open(const fs::path& file, const crypt::CacheKey& key)
{
    const bool existed = fs::exists(file) && fs::file_size(file) > 0;
    if (existed && !CacheEncryption::isEncrypted(file))
        throw StoreError(StoreErrorKind::CannotOpen,
                         "The cache file " + file.string() + " is not encrypted; it was not changed.");
    if (existed && !CacheEncryption::isSealedWith(file, key))
        throw StoreError(StoreErrorKind::CannotOpen,
                         "The cache file " + file.string()
                             + " is encrypted with another key than this profile's. It was not changed.");
    return checkAndMigrate(CacheEncryption::openSealed(file, key), existed);
}

Cache Cache::checkAndMigrate(Database db, bool existed)
{
    const fs::path file = db.path();
    if (existed) {
        std::string check;
        try {
            check = db.queryText("PRAGMA quick_check");
        } catch (const StoreError& error) {
            refuse(file, error.kind() == StoreErrorKind::Busy ? StoreErrorKind::Busy : StoreErrorKind::Corrupt,
                   std::string("cannot be read (") + error.what() + ")");
        }
        if (check != "ok")
            refuse(file, StoreErrorKind::Corrupt, "is damaged (SQLite integrity check: " + check + ")");

        const auto applicationId = db.queryInt("PRAGMA application_id");
        const auto tableCount = db.queryInt("SELECT count(*) FROM sqlite_schema");
        if (applicationId != kApplicationId && !(applicationId == 0 && tableCount == 0))
            refuse(file, StoreErrorKind::ForeignDatabase, "is an SQLite database of another program");
        if (db.queryInt("PRAGMA user_version") > latestSchemaVersion())
            refuse(file, StoreErrorKind::NewerSchema, "was written by a newer version of Spoke");
    }

    configure(db);
    db.exec("PRAGMA application_id = " + std::to_string(kApplicationId));
    migrate(db);
    return Cache(std::move(db));
}

Cache Cache::openInMemory()
{
    Database db = Database::openInMemory();
    db.exec("PRAGMA foreign_keys = ON");
    db.exec("PRAGMA application_id = " + std::to_string(kApplicationId));
    migrate(db);
    return Cache(std::move(db));
}

bool Cache::scrubDeletedText()
{
    db_.exec("INSERT INTO search_index(search_index) VALUES ('optimize')");
    // SQLite refuses a checkpoint on a connection inside a transaction
    // (SQLITE_LOCKED); the caller's commit comes first.
    if (db_.inTransaction())
        return false;
    // Row: busy (1 if a reader kept the checkpoint from finishing), WAL
    // frames, frames checkpointed. An in-memory cache has no WAL (busy 0).
    Statement checkpoint = db_.prepare("PRAGMA wal_checkpoint(TRUNCATE)");
    return !checkpoint.step() || checkpoint.int64(0) == 0;
}

bool Cache::isEmpty()
{
    return db_.queryInt("SELECT count(*) FROM programmes") == 0;
}

} // namespace spoke::store
