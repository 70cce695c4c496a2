#pragma once

#include "hub/db/HubDatabase.h"
#include "support/PostgresServer.h"
#include "support/RequireAll.h"
#include "support/TempDir.h"

#include <catch2/catch.hpp>

#include <QDateTime>

#include <memory>

namespace spoke::test {

// Where one run of a hub test keeps its data: a fresh SQLite data dir, or a
// fresh database on a throwaway PostgreSQL that lives as long as this.
class HubTestDatabase {
public:
    static std::unique_ptr<HubTestDatabase> sqlite()
    {
        std::unique_ptr<HubTestDatabase> db(new HubTestDatabase());
        db->dataDir_ = std::make_unique<TempDir>();
        db->location_ = hub::HubDatabaseLocation::sqliteIn(QString::fromStdString(db->dataDir_->path().string()));
        return db;
    }

    // None (after a loud WARN) when PostgreSQL is not installed.
    static std::unique_ptr<HubTestDatabase> postgres()
    {
        std::unique_ptr<PostgresServer> server = PostgresServer::start();
        if (!server) {
            SPOKE_SKIP_OR_FAIL(PostgresServer::unavailableReason().value_or("PostgreSQL is unavailable"));
            return nullptr;
        }
        std::unique_ptr<HubTestDatabase> db(new HubTestDatabase());
        const auto location = hub::HubDatabaseLocation::fromUrl(server->url());
        REQUIRE(location.ok());
        db->location_ = *location;
        db->server_ = std::move(server);
        return db;
    }

    const hub::HubDatabaseLocation& location() const { return location_; }
    std::unique_ptr<hub::HubDatabase> open() const { return hub::HubDatabase::open(location_); }
    PostgresServer* server() const { return server_.get(); }
    // The SQLite data dir (empty for PostgreSQL).
    std::filesystem::path dataDir() const { return dataDir_ ? dataDir_->path() : std::filesystem::path(); }

private:
    HubTestDatabase() = default;

    hub::HubDatabaseLocation location_;
    std::unique_ptr<TempDir> dataDir_;
    std::unique_ptr<PostgresServer> server_;
};

// A fixed "now" for clock-free calls: 2026-12-07T12:00:00Z.
inline constexpr std::int64_t kTestNowMs = 1796644800000LL;

} // namespace spoke::test

// Defines one test body and runs it as two test cases, one on SQLite and one
// on PostgreSQL (tagged [postgres]), so both databases pass the same checks.
#define HUB_TEST_ON_BOTH_DATABASES(function, name, tags)                                                               \
    static void function(const spoke::test::HubTestDatabase& database);                                                \
    TEST_CASE(name " (SQLite)", tags)                                                                                  \
    {                                                                                                                  \
        function(*spoke::test::HubTestDatabase::sqlite());                                                             \
    }                                                                                                                  \
    TEST_CASE(name " (PostgreSQL)", tags "[postgres]")                                                                 \
    {                                                                                                                  \
        if (const auto database = spoke::test::HubTestDatabase::postgres())                                            \
            function(*database);                                                                                       \
    }                                                                                                                  \
    static void function(const spoke::test::HubTestDatabase& database)
