// The router against a real database, without a network: every status code
// of docs/hub-api.md, the gate, idempotency, roles, lifecycle and sync.
// SQLite per scenario; PostgreSQL (tag [postgres]) runs them all on one
// throwaway server.

#include "api_scenarios.h"

#include "support/PostgresServer.h"
#include "support/RequireAll.h"
#include "support/TempDir.h"

using namespace spoke::test;

namespace {

spoke::hub::HubDatabaseLocation sqliteIn(const TempDir& dir)
{
    return spoke::hub::HubDatabaseLocation::sqliteIn(QString::fromStdString(dir.path().string()));
}

} // namespace

TEST_CASE("router: 400, 404, 405 and 413 on SQLite", "[hub][api]")
{
    TempDir dir;
    ApiHub hub(sqliteIn(dir));
    scenarios::statusCodes(hub);
}

TEST_CASE("router: no, unknown, expired and revoked tokens get 401 on SQLite", "[hub][api]")
{
    TempDir dir;
    ApiHub hub(sqliteIn(dir));
    scenarios::tokens(hub);
}

TEST_CASE("router: a case with a name and a phone number gets 422 and nothing is stored, on SQLite", "[hub][api]")
{
    TempDir dir;
    ApiHub hub(sqliteIn(dir));
    scenarios::gateRefusesIdentifiers(hub);
}

TEST_CASE("router: an Idempotency-Key replays the stored answer on SQLite", "[hub][api]")
{
    TempDir dir;
    ApiHub hub(sqliteIn(dir));
    scenarios::idempotentSubmission(hub);
}

TEST_CASE("router: who sees which case (403 for another programme, roles) on SQLite", "[hub][api]")
{
    TempDir dir;
    ApiHub hub(sqliteIn(dir));
    scenarios::visibility(hub);
}

TEST_CASE("router: submitted, returned, resubmitted, scheduled, presented, recommended on SQLite", "[hub][api]")
{
    TempDir dir;
    ApiHub hub(sqliteIn(dir));
    scenarios::lifecycle(hub);
}

TEST_CASE("router: sync returns what changed after the cursor on SQLite", "[hub][api]")
{
    TempDir dir;
    ApiHub hub(sqliteIn(dir));
    scenarios::syncCursor(hub);
}

TEST_CASE("router: joining a second programme brings its sessions and cases to a synced client on SQLite", "[hub][api]")
{
    TempDir dir;
    ApiHub hub(sqliteIn(dir));
    scenarios::joinSecondProgramme(hub);
}

TEST_CASE("router: every scenario on PostgreSQL", "[hub][api][postgres]")
{
    auto postgres = PostgresServer::start("spoke_hub_api_test");
    if (!postgres) {
        SPOKE_SKIP_OR_FAIL(PostgresServer::unavailableReason().value_or("PostgreSQL is unavailable"));
        return;
    }
    auto location = spoke::hub::HubDatabaseLocation::fromUrl(postgres->url());
    REQUIRE(location.ok());
    ApiHub hub(*location);
    scenarios::all(hub);

    // The database goes away: 503 `unavailable`, never 500.
    const QString token =
        hub.member(hub.addProgramme(QStringLiteral("Outage")), spoke::hub::Role::Clinician, QStringLiteral("Outage"));
    postgres.reset();
    auto me = hub.call("GET", QStringLiteral("/api/v1/me"), token);
    CHECK(me.response.status == 503);
    CHECK(errorCode(me.response) == QLatin1String("unavailable"));
    CHECK(hub.call("GET", QStringLiteral("/healthz")).response.status == 503);
    auto submitted =
        hub.call("POST", QStringLiteral("/api/v1/cases"), token, cleanCase(QStringLiteral("ECHO-TB-X999")));
    CHECK(submitted.response.status == 503);
}

TEST_CASE("router: only redeem and login are sent to the sign-in workers", "[hub][api]")
{
    TempDir dir;
    ApiHub hub(sqliteIn(dir));
    const auto routeOf = [&](const QByteArray& method, const QString& path) {
        spoke::hub::api::HttpRequest request;
        request.method = method;
        request.path = path;
        return hub.router().passwordRoute(request);
    };
    CHECK(routeOf("POST", QStringLiteral("/api/v1/auth/login")) == QStringLiteral("/api/v1/auth/login"));
    CHECK(routeOf("POST", QStringLiteral("/api/v1/invites/redeem")) == QStringLiteral("/api/v1/invites/redeem"));
    CHECK_FALSE(routeOf("GET", QStringLiteral("/api/v1/auth/login"))); // 405 is the event loop's
    CHECK_FALSE(routeOf("POST", QStringLiteral("/api/v1/auth/logout")));
    CHECK_FALSE(routeOf("GET", QStringLiteral("/api/v1/sync")));
    CHECK_FALSE(routeOf("GET", QStringLiteral("/healthz")));
    CHECK_FALSE(routeOf("POST", QStringLiteral("/api/v1/nowhere")));
}

TEST_CASE("router: a request path matches its pattern segment by segment", "[hub][api]")
{
    using spoke::hub::api::matchPattern;
    auto params = matchPattern(QStringLiteral("/api/v1/cases/{id}/return"), QStringLiteral("/api/v1/cases/12/return"));
    REQUIRE(params.has_value());
    CHECK(params->value(QStringLiteral("id")) == QLatin1String("12"));
    CHECK_FALSE(matchPattern(QStringLiteral("/api/v1/cases/{id}"), QStringLiteral("/api/v1/cases/")).has_value());
    CHECK_FALSE(matchPattern(QStringLiteral("/api/v1/cases/{id}"), QStringLiteral("/api/v1/cases/1/2")).has_value());
    CHECK_FALSE(matchPattern(QStringLiteral("/api/v1/me"), QStringLiteral("/api/v1/me/")).has_value());
}
