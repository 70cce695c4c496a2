#pragma once

#include "util/ThreadAffinity.h"

#include <cstdint>
#include <filesystem>
#include <optional>
#include <string>
#include <string_view>

struct sqlite3;
struct sqlite3_stmt;

namespace spoke::store {

class Statement;

// One SQLite connection. Owned by one thread (asserted in debug builds);
// other threads open their own connection, which WAL mode allows.
class Database {
public:
    enum class Access { ReadWrite, ReadOnly };

    // Opens without changing the file: no pragma that writes is issued here.
    static Database open(const std::filesystem::path& file, Access access = Access::ReadWrite);
    static Database openInMemory();
    // Opens an SQLite `file:` URI (https://sqlite.org/uri.html), e.g. through
    // another VFS (store/crypt); `file` is the path it names, for messages.
    // Also lets the connection's ATTACH and VACUUM INTO take URIs.
    static Database openUri(const std::string& uri, const std::filesystem::path& file,
                            Access access = Access::ReadWrite);

    Database(Database&& other) noexcept;
    Database& operator=(Database&& other) noexcept;
    Database(const Database&) = delete;
    Database& operator=(const Database&) = delete;
    ~Database();

    // Runs one or more statements that return no rows.
    void exec(std::string_view sql);
    Statement prepare(std::string_view sql);

    // Convenience for single-value pragmas and counts.
    std::int64_t queryInt(std::string_view sql);
    std::string queryText(std::string_view sql);

    std::int64_t lastInsertRowId() const;
    int changes() const;
    // True between BEGIN and COMMIT/ROLLBACK (a Transaction is open).
    bool inTransaction() const;
    const std::filesystem::path& path() const { return path_; }

    sqlite3* handle() const { return db_; }
    void assertOwner() const { affinity_.assertOwner(); }
    // For a connection opened on one thread and handed to a worker before use.
    void rebindToCurrentThread() { affinity_.rebindToCurrentThread(); }

    [[noreturn]] void raise(int rc, std::string_view context) const;

private:
    Database(sqlite3* db, std::filesystem::path path);
    static Database openWith(const char* name, const std::filesystem::path& file, int flags);

    sqlite3* db_ = nullptr;
    std::filesystem::path path_;
    ThreadAffinity affinity_;
};

// A prepared statement. Parameters are 1-based as in SQLite; columns 0-based.
class Statement {
public:
    Statement(Statement&& other) noexcept;
    Statement& operator=(Statement&& other) noexcept;
    Statement(const Statement&) = delete;
    Statement& operator=(const Statement&) = delete;
    ~Statement();

    Statement& bind(int index, std::int64_t value);
    Statement& bind(int index, int value) { return bind(index, static_cast<std::int64_t>(value)); }
    Statement& bind(int index, double value);
    Statement& bind(int index, std::string_view text);
    Statement& bind(int index, const std::string& text) { return bind(index, std::string_view(text)); }
    Statement& bind(int index, const char* text) { return bind(index, std::string_view(text)); }
    Statement& bind(int index, std::nullptr_t);
    template <class T> Statement& bind(int index, const std::optional<T>& value)
    {
        return value ? bind(index, *value) : bind(index, nullptr);
    }

    // Binds every argument in order, starting at parameter 1.
    template <class... Args> Statement& bindAll(const Args&... args)
    {
        int index = 0;
        (bind(++index, args), ...);
        return *this;
    }

    // Advances; true while a row is available.
    bool step();
    // Runs a statement that returns no rows.
    void run();
    void reset();

    bool isNull(int column) const;
    std::int64_t int64(int column) const;
    double real(int column) const;
    std::string text(int column) const;
    std::optional<std::int64_t> optionalInt64(int column) const;
    std::optional<std::string> optionalText(int column) const;

private:
    friend class Database;
    Statement(const Database& db, sqlite3_stmt* stmt) : db_(&db), stmt_(stmt) { }

    const Database* db_ = nullptr;
    sqlite3_stmt* stmt_ = nullptr;
};

// BEGIN IMMEDIATE on construction, ROLLBACK on destruction unless committed.
// Immediate, so that two writers fail early instead of deadlocking on upgrade.
// Inside an open transaction it becomes a savepoint, so store methods that
// need atomicity compose with a caller's larger transaction.
class Transaction {
public:
    explicit Transaction(Database& db);
    Transaction(const Transaction&) = delete;
    Transaction& operator=(const Transaction&) = delete;
    ~Transaction();

    void commit();

private:
    Database& db_;
    bool nested_;
    bool open_ = true;
};

} // namespace spoke::store
