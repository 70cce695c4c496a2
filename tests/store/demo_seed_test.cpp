#include "demo/DemoSeed.h"
#include "store/Cache.h"

#include <catch2/catch.hpp>

using namespace spoke;

TEST_CASE("The demo programme fills an empty cache once", "[store][demo]")
{
    auto cache = store::Cache::openInMemory();
    REQUIRE(cache.isEmpty());
    const std::int64_t now = 1'790'000'000'000;
    const auto counts = demo::seedDemoProgramme(cache, now);
    CHECK_FALSE(counts.alreadySeeded);
    CHECK(counts.programmes == 2);
    CHECK(counts.sessions >= 5);
    CHECK(counts.cases >= 3);
    CHECK(counts.recommendations >= 3);
    CHECK(counts.chatMessages >= 5);
    CHECK_FALSE(cache.isEmpty());

    CHECK_FALSE(cache.sessions().list(store::SessionStore::When::Upcoming, now).empty());
    CHECK(cache.sessions().list(store::SessionStore::When::Past, now).size() >= 3);

    const auto again = demo::seedDemoProgramme(cache, now);
    CHECK(again.alreadySeeded);
    CHECK(cache.sessions().list(store::SessionStore::When::All, now).size()
          == static_cast<std::size_t>(counts.sessions));
}

TEST_CASE("The demo programme is searchable", "[store][demo]")
{
    auto cache = store::Cache::openInMemory();
    demo::seedDemoProgramme(cache, 1'790'000'000'000);
    const auto hits = cache.search("viral");
    REQUIRE(hits.size() >= 3);
    bool sawRecommendation = false;
    for (const auto& hit : hits) {
        CHECK_FALSE(hit.snippet.empty());
        sawRecommendation = sawRecommendation || hit.kind == "recommendation";
    }
    CHECK(sawRecommendation);
}
