// Bounded call statistics: MsDistribution's percentiles against the exact
// nearest-rank figure, and the optional per-sample recorder.
#include "call/StatsDistribution.h"
#include "call/StatsRecorder.h"

#include <catch2/catch.hpp>

#include <random>
#include <thread>

using namespace spoke::call;

TEST_CASE("stats distribution: whole-millisecond figures within a second match the exact percentiles", "[call]")
{
    std::mt19937 random(7);
    std::uniform_int_distribution<int> ms(-400, 900);
    MsDistribution distribution;
    std::vector<double> all;
    for (int i = 0; i < 20'000; ++i) {
        const double value = ms(random);
        distribution.add(value);
        all.push_back(value);
    }
    for (const double fraction : {0.01, 0.05, 0.5, 0.95, 0.99, 1.0})
        CHECK(distribution.percentile(fraction) == percentile(all, fraction));
    const auto summary = distribution.summary();
    CHECK(summary.count == 20'000);
    CHECK(summary.min == -400);
    CHECK(summary.max == 900);
    CHECK(summary.p50 == percentile(all, 0.5));
}

TEST_CASE("stats distribution: far figures land in 10 ms buckets, extremes stay exact, memory does not grow", "[call]")
{
    MsDistribution distribution;
    distribution.add(1234.5);
    distribution.add(-1555);
    distribution.add(25'000); // beyond the last bucket
    distribution.add(std::numeric_limits<double>::quiet_NaN()); // ignored
    CHECK(distribution.count() == 3);
    CHECK(distribution.percentile(0.0) == -1555); // the bucket's edge, -1560, clamped to the exact minimum
    CHECK(distribution.percentile(0.5) == 1230);
    CHECK(distribution.percentile(1.0) == 9990); // the last bucket's edge; max() says how far it went
    CHECK(distribution.summary().max == 25'000);

    const auto before = sizeof(MsDistribution);
    for (int i = 0; i < 90 * 60 * 50; ++i) // 90 minutes of 20 ms audio
        distribution.add(i % 400);
    CHECK(sizeof(MsDistribution) == before);
    CHECK(sizeof(MsDistribution) < 16 * 1024);
    CHECK(MsDistribution{}.summary().count == 0);
    CHECK(MsDistribution{}.percentile(0.5) == 0);
}

TEST_CASE("stats recorder: series are kept per name and feed, in order, from several threads", "[call]")
{
    MemoryStatsRecorder recorder;
    std::thread other([&] {
        for (int i = 0; i < 100; ++i)
            recorder.record("downlink", 42, i * 1000, {300'000, 1, 0});
    });
    for (int i = 0; i < 100; ++i)
        recorder.record("send_bitrate_bps", StatsRecorder::kLocal, i * 1000, {500'000 + i});
    other.join();
    const auto sent = recorder.points("send_bitrate_bps", StatsRecorder::kLocal);
    REQUIRE(sent.size() == 100);
    CHECK(sent[3] == std::vector<std::int64_t>{3000, 500'003});
    CHECK(recorder.points("downlink", 42).size() == 100);
    CHECK(recorder.points("downlink", 7).empty());
    const auto json = recorder.toJson("downlink", 42);
    REQUIRE(json.size() == 100);
    CHECK(json.at(1).toArray().at(0).toInteger() == 1000);
    CHECK(json.at(1).toArray().size() == 4);
}
