#include "store/Cache.h"
#include "store/Migrations.h"

#include "support/TempDir.h"

#include <catch2/catch.hpp>

using namespace spoke::store;

TEST_CASE("A new cache file is created at the latest schema and marked as Spoke's", "[store][migrations]")
{
    spoke::test::TempDir dir;
    auto cache = Cache::open(dir / "cache.sqlite");
    CHECK(cache.db().queryInt("PRAGMA user_version") == latestSchemaVersion());
    CHECK(cache.db().queryInt("PRAGMA application_id") == kApplicationId);
    CHECK(cache.db().queryText("PRAGMA journal_mode") == "wal");
    CHECK(cache.db().queryInt("PRAGMA foreign_keys") == 1);
}

TEST_CASE("A version-1 file is migrated forward with its data kept and indexed", "[store][migrations]")
{
    spoke::test::TempDir dir;
    const auto file = dir / "old.sqlite";
    {
        // What an early Spoke wrote: schema version 1, no search index.
        auto db = Database::open(file);
        db.exec("PRAGMA application_id = " + std::to_string(kApplicationId));
        migrate(db, 1);
        REQUIRE(db.queryInt("PRAGMA user_version") == 1);
        db.exec("INSERT INTO programmes(code, name, hub) VALUES ('P', 'Programme', 'Hub');"
                "INSERT INTO sessions(programme_id, title, description, hub, scheduled_start_ms)"
                "  VALUES (1, 'Hepatitis C in primary care', 'genotype three and cirrhosis', 'Hub', 0);"
                "INSERT INTO cases(case_code, programme_id, title, created_ms, updated_ms)"
                "  VALUES ('C-1', 1, 'Amiodarone interaction', 0, 0);"
                "INSERT INTO case_revisions(case_id, revision, body_json, plain_text, saved_ms)"
                "  VALUES (1, 1, '{}', 'sofosbuvir with amiodarone causes bradycardia', 0);");
    }
    auto cache = Cache::open(file);
    CHECK(cache.db().queryInt("PRAGMA user_version") == latestSchemaVersion());
    CHECK(cache.sessions().session(1)->title == "Hepatitis C in primary care");

    const auto hits = cache.search("bradycardia");
    REQUIRE(hits.size() == 1);
    CHECK(hits[0].kind == "case");
    CHECK(hits[0].title == "Amiodarone interaction");
    CHECK(cache.search("cirrhosis").at(0).kind == "session");
}

TEST_CASE("Migrations are ordered and each names its step", "[store][migrations]")
{
    int previous = 0;
    for (const auto& step : allMigrations()) {
        CHECK(step.version == previous + 1);
        CHECK_FALSE(step.name.empty());
        previous = step.version;
    }
    CHECK(previous == latestSchemaVersion());
}
