#pragma once

#include <stdexcept>
#include <string>

namespace spoke::store {

// What went wrong, in terms a caller can act on. The message is written for
// the person who will read it (CLI stderr, the app's error page).
enum class StoreErrorKind {
    CannotOpen, // path missing, permissions, a directory in the way
    NotADatabase, // the file is not SQLite at all
    ForeignDatabase, // SQLite, but not a Spoke cache
    NewerSchema, // written by a newer Spoke; we must not touch it
    Corrupt, // SQLite reports damage
    Constraint, // a row broke a UNIQUE/FOREIGN KEY/CHECK rule
    Busy, // another process holds the write lock past the timeout
    DiskFull,
    ReadOnly,
    Io,
    Query, // anything else: a bug or a bad statement
};

const char* toString(StoreErrorKind kind);

class StoreError : public std::runtime_error {
public:
    StoreError(StoreErrorKind kind, const std::string& message, int sqliteCode = 0)
        : std::runtime_error(message)
        , kind_(kind)
        , sqliteCode_(sqliteCode)
    {
    }

    StoreErrorKind kind() const { return kind_; }
    int sqliteCode() const { return sqliteCode_; }

private:
    StoreErrorKind kind_;
    int sqliteCode_;
};

} // namespace spoke::store
