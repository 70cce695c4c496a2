// Two connections opening the same fresh cache at once (the app's cache and
// sync threads, or the app and a spoke-cli run) both end up with the latest
// schema; the second waits for the first's migration instead of repeating it.

#include "store/Cache.h"
#include "store/Migrations.h"

#include "support/TempDir.h"

#include <catch2/catch.hpp>

#include <atomic>
#include <string>
#include <thread>
#include <vector>

using namespace spoke::store;

TEST_CASE("Connections that open a fresh cache at the same time migrate it once", "[store][migrations]")
{
    for (int round = 0; round < 10; ++round) {
        spoke::test::TempDir dir;
        const auto file = dir / "fresh.sqlite";
        std::atomic<int> failures = 0;
        std::string firstError;
        std::vector<std::thread> openers;
        for (int i = 0; i < 3; ++i) {
            openers.emplace_back([&] {
                try {
                    auto cache = Cache::open(file);
                    if (cache.db().queryInt("PRAGMA user_version") != latestSchemaVersion())
                        ++failures;
                } catch (const std::exception& error) {
                    if (failures++ == 0)
                        firstError = error.what();
                }
            });
        }
        for (auto& opener : openers)
            opener.join();
        INFO(firstError);
        REQUIRE(failures == 0);
    }
}
