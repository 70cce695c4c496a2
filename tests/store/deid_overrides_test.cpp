#include "store/Cache.h"
#include "store/Migrations.h"
#include "store/StoreError.h"

#include "support/TempDir.h"

#include <catch2/catch.hpp>

using namespace spoke::store;

TEST_CASE("Migration 3 adds the de-identification override log to an older file", "[store][migrations]")
{
    spoke::test::TempDir dir;
    const auto file = dir / "v2.sqlite";
    {
        auto db = Database::open(file);
        db.exec("PRAGMA application_id = " + std::to_string(kApplicationId));
        migrate(db, 2);
        db.exec("INSERT INTO programmes(code, name, hub) VALUES ('P', 'Programme', 'Hub');"
                "INSERT INTO cases(case_code, programme_id, title, created_ms, updated_ms) VALUES ('C-1', 1, 'Case', "
                "0, 0);");
    }
    auto cache = Cache::open(file);
    CHECK(cache.db().queryInt("PRAGMA user_version") >= 3);
    auto cases = cache.cases();
    const std::string hash(64, 'b');
    const auto id = cases.addDeidOverride({0, 1, 2, "history.social_history", 10, 24, 'D', hash,
                                           "a lab reference line, not a phone", "coordinator", 5000});
    CHECK(id > 0);
    const auto log = cases.deidOverrides(1);
    REQUIRE(log.size() == 1);
    CHECK(log[0].fieldPath == "history.social_history");
    CHECK(log[0].startChar == 10);
    CHECK(log[0].endChar == 24);
    CHECK(log[0].category == 'D');
    CHECK(log[0].textSha256 == hash);
    CHECK(log[0].who == "coordinator");
    CHECK(cases.deidOverrides(2).empty());
    // Deleting the case deletes its log with it.
    cache.db().exec("DELETE FROM cases WHERE id = 1");
    CHECK(cases.deidOverrides(1).empty());
    // An empty span is no finding.
    CHECK_THROWS_AS(cases.addDeidOverride({0, 1, 1, "narrative", 5, 5, 'A', hash, "why", "who", 1}), StoreError);
}
