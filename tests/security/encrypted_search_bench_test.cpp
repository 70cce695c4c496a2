#include "bench/SearchBench.h"
#include "support/TempDir.h"

#include <catch2/catch.hpp>

// Issue 15: with encryption on, search's median stays within 1.5x of the
// plain cache's, measured in the same run. A smaller cache than
// docs/benchmarks.md's (which the CLI measures at full size), so it runs in
// CI; the queries alternate between the copies, so load hits both alike.
TEST_CASE("Search on an encrypted cache stays within 1.5x of the plain median", "[security][bench]")
{
    const spoke::test::TempDir temp;
    spoke::bench::SearchBenchConfig config;
    config.sessions = 300;
    config.cases = 2000;
    config.queries = 120;
    config.workDir = temp.path();
    config.compareEncrypted = true;
    const auto result = spoke::bench::runSearchBench(config);
    REQUIRE(result.overallMs.count == 120);
    REQUIRE(result.encryptedMs.count == 120);
    REQUIRE(result.overallMs.median > 0);
    const double ratio = result.encryptedMs.median / result.overallMs.median;
    INFO("plain median " << result.overallMs.median << " ms, encrypted " << result.encryptedMs.median << " ms");
    CHECK(ratio < 1.5);
}
