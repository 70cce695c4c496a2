#pragma once

#include "util/Expected.h"
#include "util/ThreadAffinity.h"

#include <QString>
#include <QVariant>
#include <QVariantList>

#include <cstdint>
#include <memory>
#include <optional>
#include <stdexcept>
#include <type_traits>
#include <unordered_map>
#include <vector>

class QSqlQuery;

namespace spoke::hub {

// What a database failure means to a caller (docs/hub-api.md, Conventions):
// Unavailable -> 503 (cannot connect, connection lost, busy past the
// timeout), Constraint -> the row broke a rule (a UNIQUE violation is a 409),
// Query -> a bug or a bad statement (500).
enum class HubDbErrorCode { Unavailable, Constraint, Query };

// Which rule a Constraint error broke, so that a handler can tell "that email
// is taken" (Unique) from a row that points nowhere (ForeignKey).
enum class HubConstraint { None, Unique, ForeignKey, Check, NotNull, Other };

const char* toString(HubDbErrorCode code);

class HubDbError : public std::runtime_error {
public:
    HubDbError(HubDbErrorCode code, const QString& message, HubConstraint constraint = HubConstraint::None);

    HubDbErrorCode code() const { return code_; }
    HubConstraint constraint() const { return constraint_; }
    bool isUniqueViolation() const { return constraint_ == HubConstraint::Unique; }

private:
    HubDbErrorCode code_;
    HubConstraint constraint_;
};

enum class Dialect { Sqlite, Postgresql };
const char* toString(Dialect dialect); // "sqlite" | "postgresql", as /healthz says it

// Where the hub keeps its data: DATA_DIR/spoke-hub.sqlite, or a PostgreSQL
// server named by a URL postgresql://user[:pass]@[host][:port]/dbname
// with an optional ?host=/socket/dir for a unix socket.
struct HubDatabaseLocation {
    Dialect dialect = Dialect::Sqlite;
    QString sqliteFile; // Sqlite only
    QString host; // Postgresql: a host name or a unix socket directory
    int port = 5432;
    QString user;
    QString password;
    QString databaseName;

    static HubDatabaseLocation sqliteIn(const QString& dataDir);
    // Checks the URL's form only; connecting is open()'s job.
    static Expected<HubDatabaseLocation, QString> fromUrl(const QString& url);
    // For logs and error messages: never the password.
    QString describe() const;
};

// One row of a result. Columns are 0-based, in SELECT order. The typed
// readers throw HubDbError(Query) when a column is not what the code
// expects, which is a bug in the statement, not in the client's input.
class HubRow {
public:
    explicit HubRow(QVariantList values) : values_(std::move(values)) { }

    int size() const { return static_cast<int>(values_.size()); }
    bool isNull(int column) const;
    const QVariant& value(int column) const;
    std::int64_t integer(int column) const;
    std::optional<std::int64_t> optionalInteger(int column) const;
    QString text(int column) const;
    std::optional<QString> optionalText(int column) const;

private:
    QVariantList values_;
};

struct HubQueryResult {
    std::vector<HubRow> rows;
    std::int64_t rowsAffected = 0;
};

// One connection to the hub's database, SQLite or PostgreSQL through QtSql,
// with one SQL code path for both: statements use `?` placeholders, ids come
// back from `RETURNING id`, times are BIGINT milliseconds.
//
// Threading: owned by the thread that opened it (QtSql connections may not
// cross threads; asserted in debug builds). Another thread opens its own
// HubDatabase; SQLite in WAL mode and PostgreSQL both allow that.
// Every method throws HubDbError on failure.
class HubDatabase {
public:
    // Connects, sets SQLite's pragmas (WAL, synchronous=FULL, foreign_keys,
    // busy_timeout), and runs the migrations (HubMigrations.h). The data dir
    // is created if it is missing.
    static std::unique_ptr<HubDatabase> open(const HubDatabaseLocation& location);

    HubDatabase(const HubDatabase&) = delete;
    HubDatabase& operator=(const HubDatabase&) = delete;
    ~HubDatabase();

    Dialect dialect() const { return location_.dialect; }
    const HubDatabaseLocation& location() const { return location_; }

    // Runs one statement with positional `?` parameters. A null QVariant
    // binds NULL; integers bind as qint64, strings as text.
    HubQueryResult exec(const QString& sql, const QVariantList& params = {});
    // The first row, or none.
    std::optional<HubRow> queryOne(const QString& sql, const QVariantList& params = {});
    // An INSERT statement without a RETURNING clause; returns the new id.
    std::int64_t insert(const QString& sql, const QVariantList& params = {});

    // Runs fn in a write transaction (SQLite: BEGIN IMMEDIATE, so two
    // writers queue on the busy timeout instead of failing on lock upgrade).
    // Commits when fn returns, rolls back and rethrows when it throws.
    // Transactions do not nest.
    template <typename Fn> auto transaction(Fn&& fn) -> std::invoke_result_t<Fn&>
    {
        begin(TransactionKind::Write);
        return finish(fn);
    }
    // Runs fn in a read-only transaction that sees one snapshot throughout
    // (PostgreSQL: REPEATABLE READ), for reads that must agree with each
    // other, such as a sync pull and its cursor.
    template <typename Fn> auto snapshot(Fn&& fn) -> std::invoke_result_t<Fn&>
    {
        begin(TransactionKind::ReadSnapshot);
        return finish(fn);
    }
    bool inTransaction() const { return transaction_ != TransactionKind::None; }

    // Inside a write transaction only: increments counters.change_seq and
    // returns the new value, to be stored in the `seq` of every row the
    // transaction changes. The row lock it takes is held until commit, so
    // commits happen in seq order (docs/hub-api.md, Tables).
    std::int64_t bumpChangeSeq();
    // The last committed change_seq (0 on a fresh database).
    std::int64_t currentChangeSeq();

    // True when the database answers a trivial query (for /healthz). Never
    // throws; reconnects a PostgreSQL connection that was lost.
    bool ping();

private:
    enum class TransactionKind { None, Write, ReadSnapshot };

    explicit HubDatabase(HubDatabaseLocation location);
    void connect();
    void begin(TransactionKind kind);
    void commit();
    void rollbackQuietly();
    HubQueryResult collect(std::unique_ptr<QSqlQuery> owned, QSqlQuery& query);
    HubDbError failed(std::unique_ptr<QSqlQuery> query);
    void clearStatements();

    template <typename Fn> auto finish(Fn& fn) -> std::invoke_result_t<Fn&>
    {
        try {
            if constexpr (std::is_void_v<std::invoke_result_t<Fn&>>) {
                fn();
                commit();
            } else {
                auto result = fn();
                commit();
                return result;
            }
        } catch (...) {
            rollbackQuietly();
            throw;
        }
    }

    HubDatabaseLocation location_;
    QString connectionName_;
    TransactionKind transaction_ = TransactionKind::None;
    // PostgreSQL statements that failed inside a transaction. The driver
    // DEALLOCATEs a statement when its query is destroyed, which an aborted
    // transaction refuses; they are released once the transaction ends.
    std::vector<std::unique_ptr<QSqlQuery>> failedInTransaction_;
    // Prepared statements by SQL text, reused while the connection lasts.
    static constexpr std::size_t kMaxCachedStatements = 256;
    std::unordered_map<QString, std::unique_ptr<QSqlQuery>> statements_;
    ThreadAffinity affinity_;
};

} // namespace spoke::hub
