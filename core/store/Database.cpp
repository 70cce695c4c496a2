#include "store/Database.h"

#include "store/StoreError.h"

#include <sqlite3.h>

#include <utility>

namespace spoke::store {

const char* toString(StoreErrorKind kind)
{
    switch (kind) {
    case StoreErrorKind::CannotOpen: return "cannot-open";
    case StoreErrorKind::NotADatabase: return "not-a-database";
    case StoreErrorKind::ForeignDatabase: return "foreign-database";
    case StoreErrorKind::NewerSchema: return "newer-schema";
    case StoreErrorKind::Corrupt: return "corrupt";
    case StoreErrorKind::Constraint: return "constraint";
    case StoreErrorKind::Busy: return "busy";
    case StoreErrorKind::DiskFull: return "disk-full";
    case StoreErrorKind::ReadOnly: return "read-only";
    case StoreErrorKind::Io: return "io";
    case StoreErrorKind::Query: return "query";
    }
    return "unknown";
}

namespace {

StoreErrorKind kindForCode(int rc)
{
    switch (rc & 0xff) {
    case SQLITE_CANTOPEN:
    case SQLITE_PERM:
    case SQLITE_AUTH: return StoreErrorKind::CannotOpen;
    case SQLITE_NOTADB: return StoreErrorKind::NotADatabase;
    case SQLITE_CORRUPT: return StoreErrorKind::Corrupt;
    case SQLITE_CONSTRAINT: return StoreErrorKind::Constraint;
    case SQLITE_BUSY:
    case SQLITE_LOCKED: return StoreErrorKind::Busy;
    case SQLITE_FULL: return StoreErrorKind::DiskFull;
    case SQLITE_READONLY: return StoreErrorKind::ReadOnly;
    case SQLITE_IOERR: return StoreErrorKind::Io;
    default: return StoreErrorKind::Query;
    }
}

} // namespace

Database::Database(sqlite3* db, std::filesystem::path path) : db_(db), path_(std::move(path)) { }

Database Database::open(const std::filesystem::path& file, Access access)
{
    const int flags = access == Access::ReadOnly ? SQLITE_OPEN_READONLY : SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE;
    return openWith(file.c_str(), file, flags);
}

Database Database::openUri(const std::string& uri, const std::filesystem::path& file, Access access)
{
    const int flags = access == Access::ReadOnly ? SQLITE_OPEN_READONLY : SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE;
    return openWith(uri.c_str(), file, flags | SQLITE_OPEN_URI);
}

Database Database::openWith(const char* name, const std::filesystem::path& file, int flags)
{
    sqlite3* db = nullptr;
    const int rc = sqlite3_open_v2(name, &db, flags | SQLITE_OPEN_NOMUTEX, nullptr);
    if (rc != SQLITE_OK) {
        std::string message = "Cannot open " + file.string() + ": " + (db ? sqlite3_errmsg(db) : sqlite3_errstr(rc));
        sqlite3_close_v2(db);
        throw StoreError(kindForCode(rc), message, rc);
    }
    sqlite3_extended_result_codes(db, 1);
    // Another process (spoke-cli while the app runs) may hold the write lock briefly.
    sqlite3_busy_timeout(db, 5000);
    return Database(db, file);
}

Database Database::openInMemory()
{
    return open(":memory:");
}

Database::Database(Database&& other) noexcept
    : db_(std::exchange(other.db_, nullptr))
    , path_(std::move(other.path_))
    , affinity_(other.affinity_)
{
}

Database& Database::operator=(Database&& other) noexcept
{
    if (this != &other) {
        sqlite3_close_v2(db_);
        db_ = std::exchange(other.db_, nullptr);
        path_ = std::move(other.path_);
        affinity_ = other.affinity_;
    }
    return *this;
}

Database::~Database()
{
    // close_v2 defers the close until the last statement is finalized, so a
    // statement outliving its connection by mistake cannot crash.
    sqlite3_close_v2(db_);
}

void Database::raise(int rc, std::string_view context) const
{
    std::string message(context);
    message += ": ";
    message += db_ ? sqlite3_errmsg(db_) : sqlite3_errstr(rc);
    if ((rc & 0xff) == SQLITE_FULL)
        message += " (the disk is full; nothing was written)";
    if (rc == SQLITE_IOERR_DATA) // only the sealing VFS answers this (store/crypt/SealedVfs.h)
        message += " (a page of the encrypted cache did not open: it was changed on disk, or the key is not its own)";
    throw StoreError(kindForCode(rc), message, rc);
}

void Database::exec(std::string_view sql)
{
    assertOwner();
    const std::string owned(sql);
    char* error = nullptr;
    const int rc = sqlite3_exec(db_, owned.c_str(), nullptr, nullptr, &error);
    if (rc != SQLITE_OK) {
        sqlite3_free(error);
        raise(rc, "SQL failed");
    }
}

Statement Database::prepare(std::string_view sql)
{
    assertOwner();
    sqlite3_stmt* stmt = nullptr;
    const int rc = sqlite3_prepare_v2(db_, sql.data(), static_cast<int>(sql.size()), &stmt, nullptr);
    if (rc != SQLITE_OK)
        raise(rc, "Cannot prepare statement");
    return Statement(*this, stmt);
}

std::int64_t Database::queryInt(std::string_view sql)
{
    Statement stmt = prepare(sql);
    return stmt.step() ? stmt.int64(0) : 0;
}

std::string Database::queryText(std::string_view sql)
{
    Statement stmt = prepare(sql);
    return stmt.step() ? stmt.text(0) : std::string();
}

std::int64_t Database::lastInsertRowId() const
{
    return sqlite3_last_insert_rowid(db_);
}

int Database::changes() const
{
    return sqlite3_changes(db_);
}

bool Database::inTransaction() const
{
    return sqlite3_get_autocommit(db_) == 0;
}

// ---- Statement ------------------------------------------------------------

Statement::Statement(Statement&& other) noexcept : db_(other.db_), stmt_(std::exchange(other.stmt_, nullptr)) { }

Statement& Statement::operator=(Statement&& other) noexcept
{
    if (this != &other) {
        sqlite3_finalize(stmt_);
        db_ = other.db_;
        stmt_ = std::exchange(other.stmt_, nullptr);
    }
    return *this;
}

Statement::~Statement()
{
    sqlite3_finalize(stmt_);
}

#define SPOKE_CHECK_BIND(call)                                                                                         \
    do {                                                                                                               \
        const int rc_ = (call);                                                                                        \
        if (rc_ != SQLITE_OK)                                                                                          \
            db_->raise(rc_, "Cannot bind parameter");                                                                  \
    } while (false)

Statement& Statement::bind(int index, std::int64_t value)
{
    SPOKE_CHECK_BIND(sqlite3_bind_int64(stmt_, index, value));
    return *this;
}

Statement& Statement::bind(int index, double value)
{
    SPOKE_CHECK_BIND(sqlite3_bind_double(stmt_, index, value));
    return *this;
}

Statement& Statement::bind(int index, std::string_view text)
{
    SPOKE_CHECK_BIND(sqlite3_bind_text64(stmt_, index, text.data(), text.size(), SQLITE_TRANSIENT, SQLITE_UTF8));
    return *this;
}

Statement& Statement::bind(int index, std::nullptr_t)
{
    SPOKE_CHECK_BIND(sqlite3_bind_null(stmt_, index));
    return *this;
}

#undef SPOKE_CHECK_BIND

bool Statement::step()
{
    db_->assertOwner();
    const int rc = sqlite3_step(stmt_);
    if (rc == SQLITE_ROW)
        return true;
    if (rc == SQLITE_DONE)
        return false;
    db_->raise(rc, "Statement failed");
}

void Statement::run()
{
    while (step()) { }
}

void Statement::reset()
{
    sqlite3_reset(stmt_);
    sqlite3_clear_bindings(stmt_);
}

bool Statement::isNull(int column) const
{
    return sqlite3_column_type(stmt_, column) == SQLITE_NULL;
}

std::int64_t Statement::int64(int column) const
{
    return sqlite3_column_int64(stmt_, column);
}

double Statement::real(int column) const
{
    return sqlite3_column_double(stmt_, column);
}

std::string Statement::text(int column) const
{
    const auto* data = reinterpret_cast<const char*>(sqlite3_column_text(stmt_, column));
    const int size = sqlite3_column_bytes(stmt_, column);
    return data ? std::string(data, static_cast<std::size_t>(size)) : std::string();
}

std::optional<std::int64_t> Statement::optionalInt64(int column) const
{
    if (isNull(column))
        return std::nullopt;
    return int64(column);
}

std::optional<std::string> Statement::optionalText(int column) const
{
    if (isNull(column))
        return std::nullopt;
    return text(column);
}

// ---- Transaction ------------------------------------------------------------

Transaction::Transaction(Database& db) : db_(db), nested_(sqlite3_get_autocommit(db.handle()) == 0)
{
    db_.exec(nested_ ? "SAVEPOINT spoke_nested" : "BEGIN IMMEDIATE");
}

Transaction::~Transaction()
{
    if (!open_)
        return;
    const char* undo = nested_ ? "ROLLBACK TO spoke_nested; RELEASE spoke_nested" : "ROLLBACK";
    sqlite3_exec(db_.handle(), undo, nullptr, nullptr, nullptr);
}

void Transaction::commit()
{
    db_.exec(nested_ ? "RELEASE spoke_nested" : "COMMIT");
    open_ = false;
}

} // namespace spoke::store
