#include "HubTestDatabases.h"

#include <QElapsedTimer>
#include <QSet>

#include <fstream>
#include <functional>
#include <thread>

using namespace spoke::hub;
using spoke::test::HubTestDatabase;

namespace {

QVariant bigint(std::int64_t value)
{
    return QVariant::fromValue<qint64>(value);
}

std::int64_t addAccount(HubDatabase& db, const QString& email)
{
    return db.insert(QStringLiteral("INSERT INTO accounts (email, display_name, password_hash, created_ms) "
                                    "VALUES (?, 'Someone', 'x', 0)"),
                     {email});
}

std::int64_t addProgramme(HubDatabase& db)
{
    return db.insert(QStringLiteral("INSERT INTO programmes (name, kind, created_ms) VALUES ('P', 'hiv', 0)"));
}

HubDbError errorOf(const std::function<void()>& action)
{
    try {
        action();
    } catch (const HubDbError& error) {
        return error;
    }
    FAIL("no HubDbError was thrown");
    return HubDbError(HubDbErrorCode::Query, QString());
}

} // namespace

HUB_TEST_ON_BOTH_DATABASES(classifiesErrors,
                           "hub database: constraint errors say which rule broke; other errors are "
                           "query errors",
                           "[hub][store]")
{
    auto db = database.open();
    const std::int64_t account = addAccount(*db, QStringLiteral("ana@clinic.org"));

    const HubDbError unique = errorOf([&] { addAccount(*db, QStringLiteral("ana@clinic.org")); });
    CHECK(unique.code() == HubDbErrorCode::Constraint);
    CHECK(unique.isUniqueViolation());

    const HubDbError foreign = errorOf([&] {
        db->exec(QStringLiteral("INSERT INTO memberships (account_id, programme_id, role, created_ms) VALUES (?, 999, "
                                "'clinician', 0)"),
                 {bigint(account)});
    });
    CHECK(foreign.code() == HubDbErrorCode::Constraint);
    CHECK(foreign.constraint() == HubConstraint::ForeignKey);

    const HubDbError check = errorOf(
        [&] { db->exec(QStringLiteral("INSERT INTO programmes (name, kind, created_ms) VALUES ('P', 'flu', 0)")); });
    CHECK(check.code() == HubDbErrorCode::Constraint);
    CHECK(check.constraint() == HubConstraint::Check);

    const HubDbError notNull = errorOf(
        [&] { db->exec(QStringLiteral("INSERT INTO programmes (name, kind, created_ms) VALUES (NULL, 'tb', 0)")); });
    CHECK(notNull.code() == HubDbErrorCode::Constraint);
    CHECK(notNull.constraint() == HubConstraint::NotNull);

    const HubDbError primaryKey = errorOf([&] {
        const std::int64_t programme = addProgramme(*db);
        for (int i = 0; i < 2; ++i)
            db->exec(
                QStringLiteral("INSERT INTO memberships (account_id, programme_id, role, created_ms) VALUES (?, ?, "
                               "'clinician', 0)"),
                {bigint(account), bigint(programme)});
    });
    CHECK(primaryKey.isUniqueViolation());

    const HubDbError syntax = errorOf([&] { db->exec(QStringLiteral("SELEKT 1")); });
    CHECK(syntax.code() == HubDbErrorCode::Query);
    CHECK(syntax.constraint() == HubConstraint::None);

    // The connection is still usable after every one of those.
    CHECK(db->ping());
}

HUB_TEST_ON_BOTH_DATABASES(transactionsCommitOrRollBack,
                           "hub database: a transaction commits when its function "
                           "returns and rolls back when it throws",
                           "[hub][store]")
{
    auto db = database.open();
    const std::int64_t id = db->transaction([&] { return addAccount(*db, QStringLiteral("kept@clinic.org")); });
    CHECK(id > 0);
    CHECK_THROWS_AS(db->transaction([&] {
        addAccount(*db, QStringLiteral("dropped@clinic.org"));
        db->bumpChangeSeq();
        addAccount(*db, QStringLiteral("kept@clinic.org")); // UNIQUE violation
    }),
                    HubDbError);
    CHECK_FALSE(db->inTransaction());
    CHECK(db->queryOne(QStringLiteral("SELECT COUNT(*) FROM accounts"))->integer(0) == 1);
    CHECK(db->currentChangeSeq() == 0);

    CHECK_THROWS_AS(db->transaction([&] { db->transaction([] {}); }), HubDbError); // no nesting
    CHECK_THROWS_AS(db->bumpChangeSeq(), HubDbError); // outside a transaction
    CHECK(db->snapshot([&] { return db->queryOne(QStringLiteral("SELECT COUNT(*) FROM accounts"))->integer(0); }) == 1);
}

HUB_TEST_ON_BOTH_DATABASES(changeSeqIsMonotonic,
                           "hub database: change_seq grows by one per write transaction, also "
                           "with two writers at once",
                           "[hub][store]")
{
    auto db = database.open();
    const std::int64_t programme = addProgramme(*db);
    std::int64_t last = 0;
    for (int i = 0; i < 5; ++i) {
        const std::int64_t seq = db->transaction([&] { return db->bumpChangeSeq(); });
        CHECK(seq == last + 1);
        last = seq;
    }
    CHECK(db->currentChangeSeq() == last);

    // Two connections writing at once: each commit takes the next number,
    // none is lost or given twice.
    constexpr std::int64_t kPerWriter = 40;
    const auto writer = [&] {
        auto own = database.open();
        for (std::int64_t i = 0; i < kPerWriter; ++i) {
            own->transaction([&] {
                const std::int64_t seq = own->bumpChangeSeq();
                own->exec(
                    QStringLiteral("INSERT INTO sessions (programme_id, title, starts_ms, minutes, seq, created_ms) "
                                   "VALUES (?, 'S', 0, 60, ?, 0)"),
                    {bigint(programme), bigint(seq)});
            });
        }
    };
    std::thread first(writer);
    std::thread second(writer);
    first.join();
    second.join();
    const HubQueryResult seqs = db->exec(QStringLiteral("SELECT seq FROM sessions ORDER BY seq"));
    REQUIRE(static_cast<std::int64_t>(seqs.rows.size()) == 2 * kPerWriter);
    for (std::size_t i = 0; i < seqs.rows.size(); ++i)
        CHECK(seqs.rows[i].integer(0) == last + 1 + static_cast<std::int64_t>(i));
    CHECK(db->currentChangeSeq() == last + 2 * kPerWriter);
}

TEST_CASE("hub database: a PostgreSQL that is not there is Unavailable, not a crash", "[hub][store]")
{
    spoke::test::TempDir empty;
    const auto location = HubDatabaseLocation::fromUrl(QStringLiteral("postgresql://postgres@localhost/none?host=%1")
                                                           .arg(QString::fromStdString(empty.path().string())));
    REQUIRE(location.ok());
    try {
        HubDatabase::open(*location);
        FAIL("opened a database that does not exist");
    } catch (const HubDbError& error) {
        CHECK(error.code() == HubDbErrorCode::Unavailable);
    }
}

TEST_CASE("hub database: a SQLite data dir that cannot be created is Unavailable", "[hub][store]")
{
    spoke::test::TempDir dir;
    std::ofstream(dir / "file") << "a file where the data dir should be";
    try {
        HubDatabase::open(HubDatabaseLocation::sqliteIn(QString::fromStdString((dir / "file" / "data").string())));
        FAIL("opened a database under a file");
    } catch (const HubDbError& error) {
        CHECK(error.code() == HubDbErrorCode::Unavailable);
    }
}

TEST_CASE("hub database: database URLs", "[hub][store]")
{
    const auto full = HubDatabaseLocation::fromUrl(QStringLiteral("postgresql://hub:s%40cret@db.internal:6543/spoke"));
    REQUIRE(full.ok());
    CHECK(full->dialect == Dialect::Postgresql);
    CHECK(full->user == QStringLiteral("hub"));
    CHECK(full->password == QStringLiteral("s@cret"));
    CHECK(full->host == QStringLiteral("db.internal"));
    CHECK(full->port == 6543);
    CHECK(full->databaseName == QStringLiteral("spoke"));
    CHECK_FALSE(full->describe().contains(QStringLiteral("cret")));

    const auto socket =
        HubDatabaseLocation::fromUrl(QStringLiteral("postgres://hub@localhost/spoke?host=/run/postgresql"));
    REQUIRE(socket.ok());
    CHECK(socket->host == QStringLiteral("/run/postgresql"));
    CHECK(socket->port == 5432);

    CHECK_FALSE(HubDatabaseLocation::fromUrl(QStringLiteral("mysql://hub@localhost/spoke")).ok());
    CHECK_FALSE(HubDatabaseLocation::fromUrl(QStringLiteral("postgresql://hub@localhost/")).ok());
    CHECK_FALSE(HubDatabaseLocation::fromUrl(QStringLiteral("postgresql://localhost/spoke")).ok());
    CHECK_FALSE(HubDatabaseLocation::fromUrl(QStringLiteral("not a url at all")).ok());

    const HubDatabaseLocation sqlite = HubDatabaseLocation::sqliteIn(QStringLiteral("/var/lib/spoke-hub"));
    CHECK(sqlite.sqliteFile == QStringLiteral("/var/lib/spoke-hub/spoke-hub.sqlite"));
}

TEST_CASE("hub database: a lost PostgreSQL is Unavailable, and the connection comes back with the server",
          "[hub][store][postgres]")
{
    const auto database = HubTestDatabase::postgres();
    if (!database)
        return;
    auto db = database->open();
    addProgramme(*db);
    CHECK(db->ping());

    database->server()->stop();
    CHECK_FALSE(db->ping());
    const HubDbError lost = errorOf([&] { addProgramme(*db); });
    CHECK(lost.code() == HubDbErrorCode::Unavailable);
    const HubDbError inTransaction = errorOf([&] { db->transaction([&] { addProgramme(*db); }); });
    CHECK(inTransaction.code() == HubDbErrorCode::Unavailable);
    CHECK_FALSE(db->inTransaction());

    database->server()->restart();
    CHECK(db->ping());
    addProgramme(*db);
    CHECK(db->queryOne(QStringLiteral("SELECT COUNT(*) FROM programmes"))->integer(0) == 2);
}

// Not run by default (hidden tag): the cost of one small statement and of one
// write transaction on each database, for docs and for tuning.
HUB_TEST_ON_BOTH_DATABASES(statementCost, "hub database: cost of a statement and of a write transaction",
                           "[.][hub][bench]")
{
    auto db = database.open();
    const std::int64_t programme = addProgramme(*db);
    constexpr int kRounds = 500;
    QElapsedTimer timer;
    timer.start();
    for (int i = 0; i < kRounds; ++i)
        db->queryOne(QStringLiteral("SELECT name FROM programmes WHERE id = ?"), {bigint(programme)});
    const double selectUs = static_cast<double>(timer.nsecsElapsed()) / 1000.0 / kRounds;
    timer.restart();
    for (int i = 0; i < kRounds; ++i) {
        db->transaction([&] {
            const std::int64_t seq = db->bumpChangeSeq();
            db->exec(QStringLiteral("INSERT INTO sessions (programme_id, title, starts_ms, minutes, seq, created_ms) "
                                    "VALUES (?, 'S', 0, 60, ?, 0)"),
                     {bigint(programme), bigint(seq)});
        });
    }
    const double writeUs = static_cast<double>(timer.nsecsElapsed()) / 1000.0 / kRounds;
    WARN(toString(db->dialect()) << ": SELECT by id " << selectUs << " us, write transaction (BEGIN, bump, INSERT, "
                                 << "COMMIT) " << writeUs << " us");
}
