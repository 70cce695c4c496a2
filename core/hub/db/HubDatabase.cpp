#include "hub/db/HubDatabase.h"

#include "hub/db/HubMigrations.h"
#include "util/PrivateFiles.h"

#include <QDir>
#include <QFileInfo>
#include <QSqlDatabase>
#include <QSqlDriver>
#include <QSqlError>
#include <QSqlQuery>
#include <QSqlRecord>
#include <QUrl>
#include <QUrlQuery>

#include <algorithm>
#include <atomic>

namespace spoke::hub {
namespace {

// How long a SQLite writer waits for another writer (another hub process,
// or spoke-hub admin next to spoke-hub serve) before the request gets 503.
constexpr int kSqliteBusyTimeoutMs = 5000;
// libpq's connect timeout, so that a hub whose database is down answers 503
// in seconds rather than hanging on TCP.
constexpr int kPostgresConnectTimeoutS = 5;

QString newConnectionName()
{
    static std::atomic<int> next{0};
    return QStringLiteral("spoke-hub-%1").arg(next.fetch_add(1));
}

HubConstraint sqliteConstraint(int nativeCode, const QString& text)
{
    // Extended result codes when the driver reports them (sqlite3.h), else
    // SQLite's own message prefixes, which are stable across versions.
    switch (nativeCode) {
    case 2067: // SQLITE_CONSTRAINT_UNIQUE
    case 1555: // SQLITE_CONSTRAINT_PRIMARYKEY
        return HubConstraint::Unique;
    case 787: // SQLITE_CONSTRAINT_FOREIGNKEY
        return HubConstraint::ForeignKey;
    case 275: // SQLITE_CONSTRAINT_CHECK
        return HubConstraint::Check;
    case 1299: // SQLITE_CONSTRAINT_NOTNULL
        return HubConstraint::NotNull;
    default: break;
    }
    if (text.contains(QLatin1String("UNIQUE constraint failed")))
        return HubConstraint::Unique;
    if (text.contains(QLatin1String("FOREIGN KEY constraint failed")))
        return HubConstraint::ForeignKey;
    if (text.contains(QLatin1String("CHECK constraint failed")))
        return HubConstraint::Check;
    if (text.contains(QLatin1String("NOT NULL constraint failed")))
        return HubConstraint::NotNull;
    return HubConstraint::Other;
}

HubDbError classifySqlite(const QSqlError& error, const QString& context)
{
    const QString text = error.text();
    const QString message = context + QStringLiteral(": ") + text;
    bool numeric = false;
    const int nativeCode = error.nativeErrorCode().toInt(&numeric);
    const int primary = numeric ? (nativeCode & 0xff) : -1;
    if (primary == 19 || text.contains(QLatin1String("constraint failed")))
        return HubDbError(HubDbErrorCode::Constraint, message, sqliteConstraint(nativeCode, text));
    // BUSY and LOCKED outlasted the busy timeout; CANTOPEN, IOERR and FULL
    // are the disk's state, not the request's fault.
    if (primary == 5 || primary == 6 || primary == 14 || primary == 10 || primary == 13
        || error.type() == QSqlError::ConnectionError)
        return HubDbError(HubDbErrorCode::Unavailable, message);
    return HubDbError(HubDbErrorCode::Query, message);
}

HubDbError classifyPostgres(const QSqlError& error, const QString& context)
{
    const QString state = error.nativeErrorCode();
    const QString message = context + QStringLiteral(": ") + error.text();
    // SQLSTATE codes: PostgreSQL manual, appendix A.
    if (state == QLatin1String("23505"))
        return HubDbError(HubDbErrorCode::Constraint, message, HubConstraint::Unique);
    if (state == QLatin1String("23503"))
        return HubDbError(HubDbErrorCode::Constraint, message, HubConstraint::ForeignKey);
    if (state == QLatin1String("23514"))
        return HubDbError(HubDbErrorCode::Constraint, message, HubConstraint::Check);
    if (state == QLatin1String("23502"))
        return HubDbError(HubDbErrorCode::Constraint, message, HubConstraint::NotNull);
    if (state.startsWith(QLatin1String("23")))
        return HubDbError(HubDbErrorCode::Constraint, message, HubConstraint::Other);
    // No SQLSTATE means libpq failed before the server answered: the
    // connection is gone. Class 08 is connection trouble, 57P is a server
    // shutting down, 53 is out of resources, 40001/40P01 ask for a retry.
    if (state.isEmpty() || state.startsWith(QLatin1String("08")) || state.startsWith(QLatin1String("57P"))
        || state.startsWith(QLatin1String("53")) || state == QLatin1String("40001") || state == QLatin1String("40P01")
        || error.type() == QSqlError::ConnectionError)
        return HubDbError(HubDbErrorCode::Unavailable, message);
    return HubDbError(HubDbErrorCode::Query, message);
}

QSqlDatabase connectionFor(const QString& name)
{
    return QSqlDatabase::database(name, false);
}

} // namespace

const char* toString(HubDbErrorCode code)
{
    switch (code) {
    case HubDbErrorCode::Unavailable: return "unavailable";
    case HubDbErrorCode::Constraint: return "constraint";
    case HubDbErrorCode::Query: return "query";
    }
    return "query";
}

const char* toString(Dialect dialect)
{
    return dialect == Dialect::Sqlite ? "sqlite" : "postgresql";
}

HubDbError::HubDbError(HubDbErrorCode code, const QString& message, HubConstraint constraint)
    : std::runtime_error(message.toStdString())
    , code_(code)
    , constraint_(constraint)
{
}

HubDatabaseLocation HubDatabaseLocation::sqliteIn(const QString& dataDir)
{
    HubDatabaseLocation location;
    location.dialect = Dialect::Sqlite;
    location.sqliteFile = QDir(dataDir).filePath(QStringLiteral("spoke-hub.sqlite"));
    return location;
}

Expected<HubDatabaseLocation, QString> HubDatabaseLocation::fromUrl(const QString& text)
{
    const QUrl url(text, QUrl::StrictMode);
    if (!url.isValid())
        return QStringLiteral("The database URL is not a valid URL.");
    if (url.scheme() != QLatin1String("postgresql") && url.scheme() != QLatin1String("postgres"))
        return QStringLiteral("The database URL must start with postgresql:// (for SQLite, pass --data-dir).");
    HubDatabaseLocation location;
    location.dialect = Dialect::Postgresql;
    location.user = url.userName(QUrl::FullyDecoded);
    location.password = url.password(QUrl::FullyDecoded);
    location.host = url.host(QUrl::FullyDecoded);
    location.port = url.port(5432);
    location.databaseName = url.path(QUrl::FullyDecoded).mid(1);
    const QUrlQuery query(url);
    if (query.hasQueryItem(QStringLiteral("host")))
        location.host = query.queryItemValue(QStringLiteral("host"), QUrl::FullyDecoded);
    if (location.databaseName.isEmpty() || location.databaseName.contains(QLatin1Char('/')))
        return QStringLiteral("The database URL must name one database: postgresql://user@host/dbname.");
    if (location.user.isEmpty())
        return QStringLiteral("The database URL must name a user: postgresql://user@host/dbname.");
    if (location.host.isEmpty())
        return QStringLiteral("The database URL must name a host, or a socket directory as ?host=/dir.");
    return location;
}

QString HubDatabaseLocation::describe() const
{
    if (dialect == Dialect::Sqlite)
        return QStringLiteral("SQLite %1").arg(sqliteFile);
    return QStringLiteral("PostgreSQL %1@%2:%3/%4").arg(user, host).arg(port).arg(databaseName);
}

bool HubRow::isNull(int column) const
{
    return value(column).isNull();
}

const QVariant& HubRow::value(int column) const
{
    if (column < 0 || column >= size())
        throw HubDbError(HubDbErrorCode::Query, QStringLiteral("column %1 of a %2-column row").arg(column).arg(size()));
    return values_[column];
}

std::int64_t HubRow::integer(int column) const
{
    const std::optional<std::int64_t> number = optionalInteger(column);
    if (!number)
        throw HubDbError(HubDbErrorCode::Query, QStringLiteral("column %1 is NULL, expected an integer").arg(column));
    return *number;
}

std::optional<std::int64_t> HubRow::optionalInteger(int column) const
{
    const QVariant& cell = value(column);
    if (cell.isNull())
        return std::nullopt;
    bool ok = false;
    // PostgreSQL's driver may hand BIGINT aggregates back as text.
    const qlonglong number = cell.toLongLong(&ok);
    if (!ok)
        throw HubDbError(HubDbErrorCode::Query, QStringLiteral("column %1 is not an integer").arg(column));
    return number;
}

QString HubRow::text(int column) const
{
    const QVariant& cell = value(column);
    if (cell.isNull())
        throw HubDbError(HubDbErrorCode::Query, QStringLiteral("column %1 is NULL, expected text").arg(column));
    return cell.toString();
}

std::optional<QString> HubRow::optionalText(int column) const
{
    const QVariant& cell = value(column);
    if (cell.isNull())
        return std::nullopt;
    return cell.toString();
}

std::unique_ptr<HubDatabase> HubDatabase::open(const HubDatabaseLocation& location)
{
    std::unique_ptr<HubDatabase> db(new HubDatabase(location));
    db->connect();
    HubMigrations::migrate(*db);
    return db;
}

HubDatabase::HubDatabase(HubDatabaseLocation location)
    : location_(std::move(location))
    , connectionName_(newConnectionName())
{
}

HubDatabase::~HubDatabase()
{
    {
        QSqlDatabase connection = connectionFor(connectionName_);
        if (connection.isOpen() && inTransaction())
            rollbackQuietly();
        statements_.clear();
        failedInTransaction_.clear();
        connection.close();
    }
    QSqlDatabase::removeDatabase(connectionName_);
}

void HubDatabase::connect()
{
    affinity_.assertOwner();
    clearStatements(); // prepared on a connection that is gone
    const bool sqlite = location_.dialect == Dialect::Sqlite;
    const QString driver = sqlite ? QStringLiteral("QSQLITE") : QStringLiteral("QPSQL");
    if (!QSqlDatabase::isDriverAvailable(driver))
        throw HubDbError(HubDbErrorCode::Unavailable,
                         QStringLiteral("The Qt SQL driver %1 is not installed (Debian: libqt6sql6-%2).")
                             .arg(driver, sqlite ? QStringLiteral("sqlite") : QStringLiteral("psql")));
    // A reconnect reuses the registered connection: removing it while a
    // query of it is alive would invalidate that query.
    QSqlDatabase connection = QSqlDatabase::contains(connectionName_)
                                  ? connectionFor(connectionName_)
                                  : QSqlDatabase::addDatabase(driver, connectionName_);
    if (sqlite) {
        const QFileInfo file(location_.sqliteFile);
        // The data dir is the service account's only, repaired if it was
        // made looser (util/PrivateFiles.h).
        try {
            makePrivateTree(file.absolutePath().toStdString());
        } catch (const std::filesystem::filesystem_error& e) {
            throw HubDbError(HubDbErrorCode::Unavailable, QStringLiteral("Cannot create the data directory %1: %2")
                                                              .arg(file.absolutePath(), QString::fromUtf8(e.what())));
        }
        connection.setDatabaseName(location_.sqliteFile);
    } else {
        connection.setHostName(location_.host);
        connection.setPort(location_.port);
        connection.setUserName(location_.user);
        connection.setPassword(location_.password);
        connection.setDatabaseName(location_.databaseName);
        connection.setConnectOptions(QStringLiteral("connect_timeout=%1").arg(kPostgresConnectTimeoutS));
    }
    if (!connection.open()) {
        const QSqlError error = connection.lastError();
        throw HubDbError(HubDbErrorCode::Unavailable,
                         QStringLiteral("Cannot open %1: %2").arg(location_.describe(), error.text()));
    }
    if (!sqlite) {
        // Keeps NOTICEs (CREATE TABLE IF NOT EXISTS on a migrated database)
        // off the hub's stderr, which carries one JSON line per request.
        exec(QStringLiteral("SET client_min_messages TO WARNING"));
    }
    if (sqlite) {
        // WAL lets readers run beside the one writer; FULL syncs the WAL on
        // every commit, so an acknowledged write survives a power cut.
        exec(QStringLiteral("PRAGMA journal_mode = WAL"));
        exec(QStringLiteral("PRAGMA synchronous = FULL"));
        exec(QStringLiteral("PRAGMA foreign_keys = ON"));
        exec(QStringLiteral("PRAGMA busy_timeout = %1").arg(kSqliteBusyTimeoutMs));
    }
}

HubQueryResult HubDatabase::exec(const QString& sql, const QVariantList& params)
{
    affinity_.assertOwner();
    if (!connectionFor(connectionName_).isOpen()) {
        if (inTransaction())
            throw HubDbError(HubDbErrorCode::Unavailable, QStringLiteral("The database connection was lost."));
        connect();
    }
    // PostgreSQL cannot PREPARE transaction control or DDL, so statements
    // without parameters run directly. Statements with parameters are
    // prepared once per connection and kept: Qt's PostgreSQL driver sends a
    // PREPARE and, when the query is destroyed, a DEALLOCATE, so a fresh
    // prepare per call is three round trips where a kept one is one
    // (PostgreSQL's statement log shows it).
    std::unique_ptr<QSqlQuery> owned;
    if (params.isEmpty()) {
        owned = std::make_unique<QSqlQuery>(connectionFor(connectionName_));
        owned->setForwardOnly(true);
        if (!owned->exec(sql))
            throw failed(std::move(owned));
        QSqlQuery& query = *owned;
        return collect(std::move(owned), query);
    }
    auto cached = statements_.find(sql);
    if (cached == statements_.end()) {
        if (statements_.size() >= kMaxCachedStatements)
            clearStatements(); // SQL built with a varying number of `?`
        owned = std::make_unique<QSqlQuery>(connectionFor(connectionName_));
        owned->setForwardOnly(true);
        if (!owned->prepare(sql))
            throw failed(std::move(owned));
        cached = statements_.emplace(sql, std::move(owned)).first;
    }
    QSqlQuery& query = *cached->second;
    for (int i = 0; i < params.size(); ++i)
        query.bindValue(i, params[i]);
    if (!query.exec()) {
        owned = std::move(cached->second);
        statements_.erase(cached);
        throw failed(std::move(owned));
    }
    return collect(nullptr, query);
}

HubQueryResult HubDatabase::collect(std::unique_ptr<QSqlQuery> owned, QSqlQuery& query)
{
    HubQueryResult result;
    if (query.isSelect()) {
        const int columns = query.record().count();
        while (query.next()) {
            QVariantList values;
            values.reserve(columns);
            for (int column = 0; column < columns; ++column)
                values.append(query.value(column));
            result.rows.emplace_back(std::move(values));
        }
        if (query.lastError().isValid()) {
            if (!owned) {
                // A cached statement that failed midway is not reused.
                const auto cached = std::find_if(statements_.begin(), statements_.end(),
                                                 [&](const auto& entry) { return entry.second.get() == &query; });
                if (cached != statements_.end()) {
                    owned = std::move(cached->second);
                    statements_.erase(cached);
                }
            }
            throw failed(std::move(owned));
        }
    }
    result.rowsAffected = query.numRowsAffected();
    // Resets the statement: on SQLite an unfinished SELECT would hold its
    // read snapshot (and block COMMIT) until the next use.
    query.finish();
    return result;
}

HubDbError HubDatabase::failed(std::unique_ptr<QSqlQuery> query)
{
    const bool sqlite = location_.dialect == Dialect::Sqlite;
    const QSqlError error = query->lastError();
    HubDbError classified = sqlite ? classifySqlite(error, QStringLiteral("SQLite"))
                                   : classifyPostgres(error, QStringLiteral("PostgreSQL"));
    if (!sqlite && inTransaction())
        failedInTransaction_.push_back(std::move(query));
    else
        query.reset();
    // A lost PostgreSQL connection is reopened by the next call outside a
    // transaction (ping() or the next request); its statements went with it.
    if (classified.code() == HubDbErrorCode::Unavailable && !sqlite) {
        clearStatements();
        connectionFor(connectionName_).close();
    }
    return classified;
}

void HubDatabase::clearStatements()
{
    // Inside a transaction on PostgreSQL, a statement cannot be freed once
    // the transaction failed; park them until it ends.
    for (auto& entry : statements_) {
        if (inTransaction() && location_.dialect == Dialect::Postgresql)
            failedInTransaction_.push_back(std::move(entry.second));
    }
    statements_.clear();
}

std::optional<HubRow> HubDatabase::queryOne(const QString& sql, const QVariantList& params)
{
    HubQueryResult result = exec(sql, params);
    if (result.rows.empty())
        return std::nullopt;
    return std::move(result.rows.front());
}

std::int64_t HubDatabase::insert(const QString& sql, const QVariantList& params)
{
    const std::optional<HubRow> row = queryOne(sql + QStringLiteral(" RETURNING id"), params);
    if (!row)
        throw HubDbError(HubDbErrorCode::Query, QStringLiteral("INSERT … RETURNING id returned no row"));
    return row->integer(0);
}

void HubDatabase::begin(TransactionKind kind)
{
    affinity_.assertOwner();
    if (inTransaction())
        throw HubDbError(HubDbErrorCode::Query, QStringLiteral("transactions do not nest"));
    const bool sqlite = location_.dialect == Dialect::Sqlite;
    QString sql;
    if (kind == TransactionKind::Write)
        sql = sqlite ? QStringLiteral("BEGIN IMMEDIATE") : QStringLiteral("BEGIN");
    else
        sql = sqlite ? QStringLiteral("BEGIN") : QStringLiteral("BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY");
    exec(sql);
    transaction_ = kind;
}

void HubDatabase::commit()
{
    exec(QStringLiteral("COMMIT"));
    transaction_ = TransactionKind::None;
    failedInTransaction_.clear();
}

void HubDatabase::rollbackQuietly()
{
    transaction_ = TransactionKind::None;
    QSqlDatabase connection = connectionFor(connectionName_);
    if (!connection.isOpen()) {
        failedInTransaction_.clear();
        return; // the server ends a transaction whose connection is gone
    }
    {
        QSqlQuery query(connection);
        // Fails only when there is nothing to roll back (SQLite already undid
        // the transaction after a fatal error), which is the state we want.
        (void)query.exec(QStringLiteral("ROLLBACK"));
    }
    failedInTransaction_.clear();
}

std::int64_t HubDatabase::bumpChangeSeq()
{
    if (transaction_ != TransactionKind::Write)
        throw HubDbError(HubDbErrorCode::Query, QStringLiteral("bumpChangeSeq() outside a write transaction"));
    const std::optional<HubRow> row =
        queryOne(QStringLiteral("UPDATE counters SET value = value + 1 WHERE name = 'change_seq' RETURNING value"));
    if (!row)
        throw HubDbError(HubDbErrorCode::Query, QStringLiteral("the change_seq counter is missing"));
    return row->integer(0);
}

std::int64_t HubDatabase::currentChangeSeq()
{
    const std::optional<HubRow> row = queryOne(QStringLiteral("SELECT value FROM counters WHERE name = 'change_seq'"));
    return row ? row->integer(0) : 0;
}

bool HubDatabase::ping()
{
    try {
        return queryOne(QStringLiteral("SELECT 1")).has_value();
    } catch (const HubDbError&) {
        return false;
    }
}

} // namespace spoke::hub
