#pragma once

#include "store/CaseStore.h"
#include "store/Database.h"
#include "store/HubStore.h"
#include "store/Outbox.h"
#include "store/RecordingStore.h"
#include "store/Search.h"
#include "store/SessionStore.h"
#include "store/crypt/CacheKey.h"

#include <filesystem>

namespace spoke::store {

// The local cache of past and coming sessions: one SQLite file, opened,
// checked and migrated here. A file that is damaged, foreign or from a newer
// Spoke is never written to; its bytes are copied aside first and the
// StoreError says where.
class Cache {
public:
    // A plain file opens as it always has. A file sealed by encryption at
    // rest (store/CacheEncryption.h) opens with the profile's key held by
    // security::InstallSecrets; without it, a StoreError says so. A new file
    // is made sealed when the profile holds a key, so a cache made again
    // after it was removed keeps the protection the user chose.
    static Cache open(const std::filesystem::path& file);
    // Opens (or makes) a sealed file with `key`; a plain file is refused.
    static Cache open(const std::filesystem::path& file, const crypt::CacheKey& key);
    static Cache openInMemory();

    Database& db() { return db_; }

    SessionStore sessions() { return SessionStore(db_); }
    CaseStore cases() { return CaseStore(db_); }
    RecordingStore recordings() { return RecordingStore(db_); }
    Outbox outbox() { return Outbox(db_); }
    HubStore hub() { return HubStore(db_); }
    std::vector<SearchHit> search(std::string_view text, const SearchOptions& options = {})
    {
        return store::search(db_, text, options);
    }

    bool isEmpty();

    // Makes deleted text unreadable in the file, not only unreachable: merges
    // the full-text index into one segment (FTS5 'optimize', which drops the
    // postings of deleted rows; secure_delete zeroes the pages they leave),
    // then copies the WAL into the file and truncates it, so the old page
    // images in the -wal go too. Costs a rewrite of the index; call it after
    // deleting text that must not survive (CaseWorkflow::markReady), outside
    // a transaction (inside one, only the merge runs: call it again after the
    // commit). Returns false if the WAL was not truncated: inside a
    // transaction, or another connection's read kept it (its frames are then
    // overwritten later, not now).
    bool scrubDeletedText();

private:
    explicit Cache(Database db) : db_(std::move(db)) { }
    static void configure(Database& db);
    static Cache checkAndMigrate(Database db, bool existed);

    Database db_;
};

// Copies a file (and its -wal/-journal companions) to `<file>.unreadable-<time>`
// without touching the original. Returns the copy's path.
std::filesystem::path keepCopyAside(const std::filesystem::path& file);

} // namespace spoke::store
