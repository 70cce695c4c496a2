#pragma once

#include "hub/db/HubDatabase.h"
#include "util/Expected.h"

#include <QString>

#include <cstdint>

namespace spoke::hub {

struct BackupResult {
    QString file;
    std::int64_t bytes = 0;
};

struct BackupError {
    QString message; // one sentence for the operator
};

// Copies of the hub's SQLite database, through SQLite's C API rather than
// QtSql, because only the online backup API (sqlite3_backup_*) copies a live
// WAL database consistently while spoke-hub serve keeps writing.
// PostgreSQL deployments use pg_dump/pg_restore instead; both calls refuse
// them with a message that says so.
//
// Threading: plain functions; each call opens and closes its own
// connections, so any thread may call them.
namespace HubBackup {

// Writes a consistent copy of the live database to `file` (replacing it).
Expected<BackupResult, BackupError> backup(const HubDatabaseLocation& location, const QString& file);

// Replaces the data dir's database with `file`, after checking that `file` is
// a hub database of a schema version this build knows. The copy is written
// next to the database, synced and renamed over it, so a crash leaves either
// the old or the new database. Refuses while the database is open elsewhere
// (a running spoke-hub serve): stop the server first.
Expected<BackupResult, BackupError> restore(const HubDatabaseLocation& location, const QString& file);

} // namespace HubBackup
} // namespace spoke::hub
