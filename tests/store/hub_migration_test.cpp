// Migration 5 (hub accounts and mappings) on a file written before it, and
// the outbox's stopped entries it brings.

#include "store/Cache.h"
#include "store/Migrations.h"

#include "support/TempDir.h"

#include <catch2/catch.hpp>

using namespace spoke::store;

TEST_CASE("A version-4 cache gains the hub tables with its outbox still pending", "[store][migrations][hub]")
{
    spoke::test::TempDir dir;
    const auto file = dir / "v4.sqlite";
    {
        auto db = Database::open(file);
        db.exec("PRAGMA application_id = " + std::to_string(kApplicationId));
        migrate(db, 4);
        db.exec("INSERT INTO programmes(code, name, hub) VALUES ('HIV-NA', 'HIV ECHO', 'Windhoek');"
                "INSERT INTO cases(case_code, programme_id, title, created_ms, updated_ms)"
                "  VALUES ('C-1', 1, 'Viraemia', 0, 0);"
                "INSERT INTO outbox(idempotency_key, kind, payload_json, next_try_ms, created_ms)"
                "  VALUES ('case:C-1:rev1', 'case.submit', '{}', 0, 0);");
    }
    auto cache = Cache::open(file);
    CHECK(cache.db().queryInt("PRAGMA user_version") == latestSchemaVersion());
    for (const char* table : {"hub_accounts", "hub_programmes", "hub_sessions", "hub_cases", "case_delivery",
                              "hub_recommendations", "hub_attendance"})
        CHECK(cache.db().queryInt(std::string("SELECT count(*) FROM sqlite_master WHERE name = '") + table + "'") == 1);
    CHECK(cache.outbox().pendingCount() == 1);
    CHECK(cache.outbox().stoppedCount() == 0);
    CHECK(cache.outbox().due(1).size() == 1);
    CHECK_FALSE(cache.hub().activeAccount().has_value());
    // The demo's programmes are found by the kind their code names.
    CHECK(cache.hub().programmeForKind("hiv") == 1);
}

TEST_CASE("A stopped outbox entry is never due, counts as pending, and a replacement discards it",
          "[store][outbox][hub]")
{
    auto cache = Cache::openInMemory();
    auto outbox = cache.outbox();
    const auto id = outbox.enqueue("case:C-1:rev1", "case.submit", "{}", 0);
    outbox.markStopped(id, 422, "findings", 10);
    CHECK(outbox.due(1'000'000).empty());
    CHECK(outbox.pendingCount() == 1);
    CHECK(outbox.stoppedCount() == 1);
    CHECK(outbox.byKey("case:C-1:rev1")->lastError == "findings");

    outbox.enqueue("case:C-1:rev2", "case.submit", "{}", 20);
    outbox.discardStopped("case:C-1:rev1");
    CHECK_FALSE(outbox.byKey("case:C-1:rev1").has_value());
    CHECK(outbox.pendingCount() == 1);
    CHECK(outbox.due(1'000'000).size() == 1);

    // A sent entry is never stopped afterwards.
    const auto sent = outbox.byKey("case:C-1:rev2")->id;
    outbox.markSent(sent, 30);
    outbox.markStopped(sent, 400, "late", 40);
    CHECK(outbox.stoppedCount() == 0);
    CHECK(outbox.pendingCount() == 0);
}
