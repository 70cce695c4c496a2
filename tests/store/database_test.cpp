#include "store/Database.h"
#include "store/StoreError.h"

#include <catch2/catch.hpp>

using namespace spoke::store;

TEST_CASE("Database binds, steps and reads typed columns", "[store][database]")
{
    auto db = Database::openInMemory();
    db.exec("CREATE TABLE t (i INTEGER, r REAL, s TEXT, n TEXT)");
    db.prepare("INSERT INTO t VALUES (?, ?, ?, ?)").bindAll(std::int64_t{42}, 2.5, "héllo", nullptr).run();
    auto stmt = db.prepare("SELECT i, r, s, n FROM t");
    REQUIRE(stmt.step());
    CHECK(stmt.int64(0) == 42);
    CHECK(stmt.real(1) == 2.5);
    CHECK(stmt.text(2) == "héllo");
    CHECK(stmt.isNull(3));
    CHECK_FALSE(stmt.optionalText(3).has_value());
    CHECK_FALSE(stmt.step());
}

TEST_CASE("Database errors are typed and name the problem", "[store][database]")
{
    auto db = Database::openInMemory();
    db.exec("CREATE TABLE t (k TEXT UNIQUE)");
    db.prepare("INSERT INTO t VALUES ('a')").run();
    try {
        db.prepare("INSERT INTO t VALUES ('a')").run();
        FAIL("a duplicate key must throw");
    } catch (const StoreError& error) {
        CHECK(error.kind() == StoreErrorKind::Constraint);
        CHECK(std::string(error.what()).find("UNIQUE") != std::string::npos);
    }
    CHECK_THROWS_AS(db.prepare("SELEKT 1"), StoreError);
}

TEST_CASE("Transaction rolls back unless committed, and nests as a savepoint", "[store][database]")
{
    auto db = Database::openInMemory();
    db.exec("CREATE TABLE t (v INTEGER)");
    {
        Transaction tx(db);
        db.prepare("INSERT INTO t VALUES (1)").run();
    }
    CHECK(db.queryInt("SELECT count(*) FROM t") == 0);

    {
        Transaction outer(db);
        db.prepare("INSERT INTO t VALUES (1)").run();
        {
            Transaction inner(db);
            db.prepare("INSERT INTO t VALUES (2)").run();
        } // inner rolled back alone
        outer.commit();
    }
    CHECK(db.queryInt("SELECT count(*) FROM t") == 1);
    CHECK(db.queryInt("SELECT v FROM t") == 1);
}
