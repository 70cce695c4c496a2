// The live-session routes against a real database, without a network: each
// scenario on its own SQLite file, and all of them on one throwaway
// PostgreSQL (tag [postgres]).

#include "api_live_scenarios.h"

#include "support/PostgresServer.h"
#include "support/TempDir.h"

using namespace spoke::test;

namespace {

void onSqlite(void (*scenario)(ApiHub&))
{
    TempDir dir;
    ApiHub hub(spoke::hub::HubDatabaseLocation::sqliteIn(QString::fromStdString(dir.path().string())));
    scenario(hub);
}

} // namespace

TEST_CASE("live: the chair advances the agenda one item at a time, on SQLite", "[hub][api][live]")
{
    onSqlite(live::agenda);
}

TEST_CASE("live: chat is stored with the session, replayed after an id, and idempotent, on SQLite", "[hub][api][live]")
{
    onSqlite(live::chat);
}

TEST_CASE("live: raised hands in the order raised, and the chair lowers anyone's, on SQLite", "[hub][api][live]")
{
    onSqlite(live::hands);
}

TEST_CASE("live: every live-session scenario on PostgreSQL", "[hub][api][live][postgres]")
{
    auto postgres = PostgresServer::start("spoke_hub_live_test");
    if (!postgres) {
        WARN("PostgreSQL is not installed: " << PostgresServer::unavailableReason().value_or("?"));
        return;
    }
    auto location = spoke::hub::HubDatabaseLocation::fromUrl(postgres->url());
    REQUIRE(location.ok());
    ApiHub hub(*location);
    live::all(hub);
}
