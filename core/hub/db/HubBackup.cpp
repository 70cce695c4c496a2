#include "hub/db/HubBackup.h"

#include "hub/db/HubMigrations.h"

#include <sqlite3.h>

#include <QByteArray>
#include <QDir>
#include <QFile>
#include <QFileInfo>

#include <fcntl.h>
#include <memory>
#include <unistd.h>

namespace spoke::hub::HubBackup {
namespace {

struct CloseSqlite {
    void operator()(sqlite3* db) const { sqlite3_close_v2(db); }
};
using SqliteHandle = std::unique_ptr<sqlite3, CloseSqlite>;

BackupError failure(const QString& message)
{
    return BackupError{message};
}

QString sqliteMessage(sqlite3* db, int rc)
{
    return QString::fromUtf8(db ? sqlite3_errmsg(db) : sqlite3_errstr(rc));
}

Expected<SqliteHandle, BackupError> openFile(const QString& path, int flags)
{
    sqlite3* raw = nullptr;
    const int rc = sqlite3_open_v2(QFile::encodeName(path).constData(), &raw, flags, nullptr);
    SqliteHandle db(raw);
    if (rc != SQLITE_OK)
        return failure(QStringLiteral("Cannot open %1: %2.").arg(path, sqliteMessage(raw, rc)));
    // A writer in spoke-hub serve holds the lock for one request at most.
    sqlite3_busy_timeout(db.get(), 5000);
    return db;
}

// Copies all of `from` into `to` in one step: one read transaction on the
// source, so the copy is one consistent snapshot, and in WAL mode the live
// hub keeps writing meanwhile.
std::optional<BackupError> copyDatabase(sqlite3* from, sqlite3* to, const QString& what)
{
    sqlite3_backup* backup = sqlite3_backup_init(to, "main", from, "main");
    if (!backup)
        return failure(QStringLiteral("Cannot start copying %1: %2.").arg(what, sqliteMessage(to, SQLITE_ERROR)));
    int rc = SQLITE_OK;
    do {
        rc = sqlite3_backup_step(backup, -1);
        if (rc == SQLITE_BUSY || rc == SQLITE_LOCKED)
            sqlite3_sleep(50);
    } while (rc == SQLITE_OK || rc == SQLITE_BUSY || rc == SQLITE_LOCKED);
    sqlite3_backup_finish(backup);
    if (rc != SQLITE_DONE)
        return failure(QStringLiteral("Copying %1 failed: %2.").arg(what, QString::fromUtf8(sqlite3_errstr(rc))));
    return std::nullopt;
}

bool syncPath(const QString& path, bool directory)
{
    const int fd = ::open(QFile::encodeName(path).constData(), directory ? (O_RDONLY | O_DIRECTORY) : O_RDWR);
    if (fd < 0)
        return false;
    const bool ok = ::fsync(fd) == 0;
    ::close(fd);
    return ok;
}

// Makes `temp` durable and moves it to `target` atomically: after a crash
// the target is either the old file or the complete new one.
std::optional<BackupError> publish(const QString& temp, const QString& target)
{
    if (!syncPath(temp, false))
        return failure(QStringLiteral("Cannot sync %1 to disk.").arg(temp));
    if (::rename(QFile::encodeName(temp).constData(), QFile::encodeName(target).constData()) != 0)
        return failure(QStringLiteral("Cannot move %1 to %2.").arg(temp, target));
    syncPath(QFileInfo(target).absolutePath(), true);
    return std::nullopt;
}

std::optional<qint64> queryInt(sqlite3* db, const char* sql)
{
    sqlite3_stmt* statement = nullptr;
    if (sqlite3_prepare_v2(db, sql, -1, &statement, nullptr) != SQLITE_OK)
        return std::nullopt;
    std::optional<qint64> value;
    if (sqlite3_step(statement) == SQLITE_ROW && sqlite3_column_type(statement, 0) != SQLITE_NULL)
        value = sqlite3_column_int64(statement, 0);
    sqlite3_finalize(statement);
    return value;
}

// Whether `file` is a hub database this build can serve.
std::optional<BackupError> checkHubDatabase(sqlite3* db, const QString& file)
{
    const std::optional<qint64> tables =
        queryInt(db, "SELECT COUNT(*) FROM sqlite_master WHERE type = 'table' AND "
                     "name IN ('schema_migrations', 'accounts', 'programmes', 'counters')");
    if (!tables)
        return failure(QStringLiteral("%1 is not a SQLite database.").arg(file));
    if (*tables != 4)
        return failure(QStringLiteral("%1 is a SQLite database but not a spoke-hub database.").arg(file));
    const qint64 version = queryInt(db, "SELECT MAX(version) FROM schema_migrations").value_or(0);
    if (version < 1 || version > HubMigrations::latestVersion())
        return failure(QStringLiteral("%1 is at hub schema version %2; this spoke-hub knows versions 1 to %3.")
                           .arg(file)
                           .arg(version)
                           .arg(HubMigrations::latestVersion()));
    const std::optional<qint64> intact = queryInt(db, "SELECT quick_check = 'ok' FROM pragma_quick_check");
    if (!intact || *intact != 1)
        return failure(QStringLiteral("%1 is damaged (SQLite's quick_check fails).").arg(file));
    return std::nullopt;
}

// Takes SQLite's exclusive lock on the live database, which fails while any
// other connection has it open (every WAL connection holds a shared lock),
// and folds its WAL back into the file so that nothing of it is left beside
// the file that replaces it.
std::optional<BackupError> checkNotInUse(const QString& live)
{
    Expected<SqliteHandle, BackupError> db = openFile(live, SQLITE_OPEN_READWRITE);
    if (!db)
        return db.error();
    sqlite3_busy_timeout(db->get(), 0);
    char* error = nullptr;
    const int rc = sqlite3_exec(
        db->get(), "PRAGMA locking_mode = EXCLUSIVE; BEGIN EXCLUSIVE; COMMIT; PRAGMA wal_checkpoint(TRUNCATE);",
        nullptr, nullptr, &error);
    sqlite3_free(error);
    if (rc == SQLITE_BUSY || rc == SQLITE_LOCKED)
        return failure(QStringLiteral("%1 is in use; stop spoke-hub serve before restoring.").arg(live));
    if (rc != SQLITE_OK)
        return failure(QStringLiteral("Cannot lock %1: %2.").arg(live, QString::fromUtf8(sqlite3_errstr(rc))));
    return std::nullopt;
}

qint64 sizeOf(const QString& file)
{
    return QFileInfo(file).size();
}

std::optional<BackupError> refusePostgres(const HubDatabaseLocation& location, const char* tool)
{
    if (location.dialect != Dialect::Postgresql)
        return std::nullopt;
    return failure(QStringLiteral("The hub's database is PostgreSQL (%1); use %2 for it.")
                       .arg(location.describe(), QString::fromLatin1(tool)));
}

} // namespace

Expected<BackupResult, BackupError> backup(const HubDatabaseLocation& location, const QString& file)
{
    if (std::optional<BackupError> refused = refusePostgres(location, "pg_dump"))
        return *refused;
    if (!QFileInfo::exists(location.sqliteFile))
        return failure(QStringLiteral("There is no hub database at %1.").arg(location.sqliteFile));
    Expected<SqliteHandle, BackupError> source = openFile(location.sqliteFile, SQLITE_OPEN_READONLY);
    if (!source)
        return source.error();
    const QString temp = file + QStringLiteral(".partial");
    QFile::remove(temp);
    {
        Expected<SqliteHandle, BackupError> target = openFile(temp, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE);
        if (!target)
            return target.error();
        if (std::optional<BackupError> failed = copyDatabase(source->get(), target->get(), location.sqliteFile)) {
            target->reset();
            QFile::remove(temp);
            return *failed;
        }
    }
    if (std::optional<BackupError> failed = publish(temp, file)) {
        QFile::remove(temp);
        return *failed;
    }
    return BackupResult{QFileInfo(file).absoluteFilePath(), sizeOf(file)};
}

Expected<BackupResult, BackupError> restore(const HubDatabaseLocation& location, const QString& file)
{
    if (std::optional<BackupError> refused = refusePostgres(location, "pg_restore"))
        return *refused;
    if (!QFileInfo(file).isFile() || !QFileInfo(file).isReadable())
        return failure(QStringLiteral("Cannot read %1.").arg(file));
    Expected<SqliteHandle, BackupError> source = openFile(file, SQLITE_OPEN_READONLY);
    if (!source)
        return source.error();
    if (std::optional<BackupError> foreign = checkHubDatabase(source->get(), file))
        return *foreign;

    const QString live = location.sqliteFile;
    if (!QDir().mkpath(QFileInfo(live).absolutePath()))
        return failure(QStringLiteral("Cannot create the data directory %1.").arg(QFileInfo(live).absolutePath()));
    if (QFileInfo::exists(live)) {
        if (std::optional<BackupError> busy = checkNotInUse(live))
            return *busy;
    }
    const QString temp = live + QStringLiteral(".restoring");
    QFile::remove(temp);
    {
        Expected<SqliteHandle, BackupError> target = openFile(temp, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE);
        if (!target)
            return target.error();
        if (std::optional<BackupError> failed = copyDatabase(source->get(), target->get(), file)) {
            target->reset();
            QFile::remove(temp);
            return *failed;
        }
    }
    if (std::optional<BackupError> failed = publish(temp, live)) {
        QFile::remove(temp);
        return *failed;
    }
    // The old database's WAL was checkpointed and truncated above; an empty
    // one left beside the new file would only be discarded, but remove it.
    QFile::remove(live + QStringLiteral("-wal"));
    QFile::remove(live + QStringLiteral("-shm"));
    return BackupResult{QFileInfo(live).absoluteFilePath(), sizeOf(live)};
}

} // namespace spoke::hub::HubBackup
