#include "store/CacheEncryption.h"

#include "security/InstallSecrets.h"
#include "security/KeyStore.h"
#include "store/StoreError.h"
#include "store/crypt/PageSeal.h"
#include "store/crypt/SealedVfs.h"

#include <sqlite3.h>

#include <fcntl.h>
#include <unistd.h>

#include <string_view>
#include <vector>

namespace spoke::store {

namespace {

namespace fs = std::filesystem;
using Kind = EncryptionError::Kind;
using crypt::FileInspection;

void removeWithCompanions(const fs::path& file)
{
    std::error_code ignored;
    for (const char* suffix : {"", "-journal", "-wal", "-shm"})
        fs::remove(file.string() + suffix, ignored);
}

void fsyncPath(const fs::path& path, int flags)
{
    const int fd = ::open(path.c_str(), flags | O_CLOEXEC);
    if (fd < 0)
        throw StoreError(StoreErrorKind::Io, "Cannot open " + path.string() + " to flush it");
    const int rc = ::fsync(fd);
    ::close(fd);
    if (rc != 0)
        throw StoreError(StoreErrorKind::Io, "Cannot flush " + path.string() + " to disk");
}

// From the first read to the rename, no other connection may read or write
// the original: in WAL mode SQLite takes the file's exclusive lock when a
// connection in exclusive locking mode opens the WAL, and fails with
// SQLITE_BUSY if anyone else has the file open (https://sqlite.org/pragma.html#pragma_locking_mode).
void holdAlone(Database& source)
{
    source.exec("PRAGMA locking_mode = EXCLUSIVE");
    source.exec("PRAGMA temp_store = MEMORY");
    source.exec("BEGIN IMMEDIATE");
    source.exec("COMMIT");
}

void copyInto(Database& source, const fs::path& temp, const crypt::CacheKey& key, bool seal)
{
    std::string uri;
    std::optional<crypt::KeySlot> slot;
    if (seal) {
        // VACUUM INTO gives its output the reserve the source asks for
        // (SQLite's vacuum.c), which is where each page's seal goes.
        int reserve = crypt::kReserveBytes;
        sqlite3_file_control(source.handle(), "main", SQLITE_FCNTL_RESERVE_BYTES, &reserve);
        slot.emplace(key);
        const auto pageSize = static_cast<int>(source.queryInt("PRAGMA page_size"));
        uri = crypt::fileUri(temp, crypt::sealedVfsName(), slot->id(), pageSize);
    } else {
        uri = crypt::fileUri(temp, crypt::plainVfsName(), std::nullopt);
    }
    source.prepare("VACUUM INTO ?").bind(1, uri).run();
}

std::vector<std::string> tableNames(Database& db)
{
    std::vector<std::string> names;
    auto stmt = db.prepare("SELECT name FROM sqlite_schema WHERE type = 'table' AND sql NOT LIKE 'CREATE VIRTUAL%' "
                           "ORDER BY name");
    while (stmt.step())
        names.push_back(stmt.text(0));
    return names;
}

std::string quoted(const std::string& name)
{
    std::string out = "\"";
    for (const char c : name)
        out += c == '"' ? std::string("\"\"") : std::string(1, c);
    return out + "\"";
}

// The copy must read back whole (quick_check reads, so authenticates, every
// page) and hold what the original holds.
void verifyCopy(Database& source, const fs::path& temp, const crypt::CacheKey& key, bool seal)
{
    const auto expected = seal ? FileInspection::State::Sealed : FileInspection::State::Plain;
    if (crypt::inspectFile(temp).state != expected)
        throw StoreError(StoreErrorKind::Io, "The new copy of the cache is not in the expected form");
    Database copy = seal ? CacheEncryption::openSealed(temp, key, Database::Access::ReadOnly)
                         : Database::open(temp, Database::Access::ReadOnly);
    const std::string check = copy.queryText("PRAGMA quick_check");
    if (check != "ok")
        throw StoreError(StoreErrorKind::Corrupt, "The new copy of the cache failed SQLite's check: " + check);
    for (const char* pragma : {"PRAGMA user_version", "PRAGMA application_id"})
        if (copy.queryInt(pragma) != source.queryInt(pragma))
            throw StoreError(StoreErrorKind::Corrupt, std::string("The new copy differs in ") + pragma);
    const auto tables = tableNames(source);
    if (tableNames(copy) != tables)
        throw StoreError(StoreErrorKind::Corrupt, "The new copy of the cache does not have the same tables");
    for (const auto& table : tables) {
        const std::string count = "SELECT count(*) FROM " + quoted(table);
        if (copy.queryInt(count) != source.queryInt(count))
            throw StoreError(StoreErrorKind::Corrupt, "The new copy of the cache lost rows of " + table);
    }
}

// The original leaves WAL mode first (its WAL checkpointed and deleted while
// we still hold the lock), so no old -wal or -shm is left for the new file
// to pick up; then the rename, atomic on one file system.
void replace(Database& source, const fs::path& file, const fs::path& temp)
{
    fsyncPath(temp, O_RDONLY);
    source.exec("PRAGMA journal_mode = DELETE");
    std::error_code ignored;
    fs::remove(file.string() + "-shm", ignored);
    fs::rename(temp, file);
    fsyncPath(file.parent_path().empty() ? fs::path(".") : file.parent_path(), O_RDONLY | O_DIRECTORY);
}

std::optional<EncryptionError> precondition(const fs::path& file, bool seal, const crypt::CacheKey& key)
{
    const auto inspection = crypt::inspectFile(file);
    using State = FileInspection::State;
    switch (inspection.state) {
    case State::Missing:
    case State::Empty: return EncryptionError{Kind::NoCache, "There is no cache at " + file.string() + " yet."};
    case State::Other: return EncryptionError{Kind::NotACache, file.string() + " is not a Spoke cache."};
    case State::Plain:
        if (!seal)
            return EncryptionError{Kind::NotEncrypted, "The cache " + file.string() + " is not encrypted."};
        return std::nullopt;
    case State::Sealed:
        if (seal)
            return EncryptionError{Kind::AlreadyEncrypted, "The cache " + file.string() + " is already encrypted."};
        if (inspection.keyId != crypt::keyIdOf(key))
            return EncryptionError{Kind::WrongKey,
                                   "The cache " + file.string() + " is encrypted with another key than this one."};
        return std::nullopt;
    }
    return std::nullopt;
}

Expected<EncryptionDone, EncryptionError> convert(const fs::path& file, const crypt::CacheKey& key, bool seal,
                                                  const EncryptionProgress& progress)
{
    if (auto refused = precondition(file, seal, key))
        return *refused;
    const fs::path temp = file.string() + (seal ? ".encrypting" : ".decrypting");
    removeWithCompanions(temp);
    const auto stage = [&](EncryptionStage s) {
        if (progress)
            progress(s);
    };
    try {
        Database source = seal ? Database::openUri(crypt::fileUri(file, crypt::plainVfsName(), std::nullopt), file)
                               : CacheEncryption::openSealed(file, key);
        holdAlone(source);
        stage(EncryptionStage::Copying);
        copyInto(source, temp, key, seal);
        stage(EncryptionStage::Checking);
        verifyCopy(source, temp, key, seal);
        stage(EncryptionStage::Replacing);
        replace(source, file, temp);
    } catch (const StoreError& error) {
        removeWithCompanions(temp);
        if (error.kind() == StoreErrorKind::Busy)
            return EncryptionError{Kind::InUse, "The cache " + file.string()
                                                    + " is open elsewhere (the app, a sync): close it first. "
                                                      "Nothing was changed."};
        return EncryptionError{Kind::Failed, std::string(error.what()) + ". The cache was not changed."};
    } catch (const std::exception& error) {
        removeWithCompanions(temp);
        return EncryptionError{Kind::Failed, std::string(error.what()) + ". The cache was not changed."};
    }
    std::error_code ignored;
    return EncryptionDone{static_cast<std::int64_t>(fs::file_size(file, ignored))};
}

std::optional<crypt::CacheKey> asCacheKey(const QByteArray& bytes)
{
    return crypt::CacheKey::fromBytes(std::string_view(bytes.constData(), static_cast<std::size_t>(bytes.size())));
}

EncryptionError keyringError(const security::KeyStoreError& error)
{
    if (error.kind == security::KeyStoreError::Kind::Unavailable)
        return {Kind::NoKeyring,
                "No OS keyring answers (" + error.detail
                    + "). Encryption at rest needs one: a key stored beside the cache would protect nothing."};
    return {Kind::Keyring,
            "The OS keyring cannot keep the cache's key (" + error.detail
                + "). Encryption at rest needs it: a key stored beside the cache would protect nothing."};
}

} // namespace

bool CacheEncryption::isEncrypted(const fs::path& file)
{
    return crypt::inspectFile(file).state == FileInspection::State::Sealed;
}

bool CacheEncryption::isSealedWith(const fs::path& file, const crypt::CacheKey& key)
{
    const auto inspection = crypt::inspectFile(file);
    return inspection.state == FileInspection::State::Sealed && inspection.keyId == crypt::keyIdOf(key);
}

Expected<EncryptionDone, EncryptionError> CacheEncryption::enable(const fs::path& file, const crypt::CacheKey& key,
                                                                  const EncryptionProgress& progress)
{
    return convert(file, key, true, progress);
}

Expected<EncryptionDone, EncryptionError> CacheEncryption::disable(const fs::path& file, const crypt::CacheKey& key,
                                                                   const EncryptionProgress& progress)
{
    return convert(file, key, false, progress);
}

Expected<EncryptionDone, EncryptionError> CacheEncryption::enableWithKeyring(const fs::path& file,
                                                                             security::KeyStore& keyring,
                                                                             const EncryptionProgress& progress)
{
    using security::InstallSecrets;
    // Asked first, so a keyring that does not answer is told apart from one
    // that cannot store.
    if (const auto answer = keyring.read(InstallSecrets::kCacheKeyName); !answer)
        return keyringError(answer.error());
    const auto secret = security::loadOrCreateSecret(keyring, InstallSecrets::kCacheKeyName, crypt::CacheKey::kBytes);
    if (!secret)
        return keyringError(secret.error());
    const auto key = asCacheKey(*secret);
    if (!key)
        return EncryptionError{Kind::Keyring, "The cache key in the OS keyring is not a 256-bit key."};
    auto done = enable(file, *key, progress);
    if (done)
        InstallSecrets::useCacheKey(*secret);
    return done;
}

Expected<EncryptionDone, EncryptionError> CacheEncryption::disableWithKeyring(const fs::path& file,
                                                                              security::KeyStore& keyring,
                                                                              const EncryptionProgress& progress)
{
    using security::InstallSecrets;
    if (!isEncrypted(file))
        return EncryptionError{Kind::NotEncrypted, "The cache " + file.string() + " is not encrypted."};
    const auto answer = keyring.read(InstallSecrets::kCacheKeyName);
    if (!answer)
        return keyringError(answer.error());
    const auto key = *answer ? asCacheKey(**answer) : std::nullopt;
    if (!key)
        return EncryptionError{Kind::WrongKey, "The OS keyring does not hold this cache's key, so it cannot be "
                                               "decrypted."};
    auto done = disable(file, *key, progress);
    if (done) {
        // The key protects nothing any more; a failure to remove it is harmless.
        keyring.remove(InstallSecrets::kCacheKeyName);
        InstallSecrets::useCacheKey(std::nullopt);
    }
    return done;
}

Database CacheEncryption::openSealed(const fs::path& file, const crypt::CacheKey& key, Database::Access access)
{
    // SQLite's default page size, for a new file (an existing one says its own).
    constexpr int kNewPageSize = 4096;
    Database db = [&] {
        const crypt::KeySlot slot(key);
        return Database::openUri(crypt::fileUri(file, crypt::sealedVfsName(), slot.id(), kNewPageSize), file, access);
    }();
    // A new file must leave room for the seal in every page; an existing one
    // already does (and SQLite keeps its own reserve then).
    int reserve = crypt::kReserveBytes;
    sqlite3_file_control(db.handle(), "main", SQLITE_FCNTL_RESERVE_BYTES, &reserve);
    db.exec("PRAGMA page_size = " + std::to_string(kNewPageSize));
    db.exec("PRAGMA temp_store = MEMORY");
    return db;
}

} // namespace spoke::store
