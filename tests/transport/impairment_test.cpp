// The seeded impairment layer, driven with virtual time: exact release times,
// exact outage windows, loss rates within binomial tolerance.

#include "transport/Impairment.h"

#include <catch2/catch.hpp>

#include <cmath>

using namespace spoke::transport;

namespace {

constexpr std::int64_t kMs = 1000; // virtual time is in microseconds

ImpairmentConfig parsed(const char* text)
{
    auto config = ImpairmentConfig::parse(text);
    INFO(text << ": " << (config.ok() ? "" : config.error().message));
    REQUIRE(config.ok());
    return *config;
}

Impairment::Packet packet(std::uint32_t index, std::size_t bytes = 100)
{
    Impairment::Packet p(bytes, 0);
    for (int i = 0; i < 4; ++i)
        p[static_cast<std::size_t>(i)] = static_cast<std::uint8_t>(index >> (8 * i));
    return p;
}

std::uint32_t indexOf(const Impairment::Packet& p)
{
    return p[0] | (p[1] << 8) | (p[2] << 16) | (static_cast<std::uint32_t>(p[3]) << 24);
}

struct Release {
    std::uint32_t index;
    std::int64_t atUs;
    bool operator==(const Release&) const = default;
};

// Pushes packets at the given times and steps virtual time through every
// release instant; returns what came out, when.
std::vector<Release> drive(Impairment& impairment, const std::vector<std::int64_t>& arrivalsUs, std::size_t bytes = 100)
{
    std::vector<Release> out;
    std::size_t next = 0;
    while (next < arrivalsUs.size() || impairment.nextReleaseUs()) {
        const std::int64_t arrival = next < arrivalsUs.size() ? arrivalsUs[next] : INT64_MAX;
        const std::int64_t release = impairment.nextReleaseUs().value_or(INT64_MAX);
        if (release <= arrival) {
            for (auto& p : impairment.takeDue(release))
                out.push_back({indexOf(p), release});
        } else {
            impairment.push(packet(static_cast<std::uint32_t>(next), bytes), arrival);
            ++next;
        }
    }
    return out;
}

std::vector<std::int64_t> every(std::int64_t intervalUs, int count, std::int64_t startUs = 0)
{
    std::vector<std::int64_t> times;
    for (int i = 0; i < count; ++i)
        times.push_back(startUs + i * intervalUs);
    return times;
}

} // namespace

TEST_CASE("impairment: config strings parse, print and refuse nonsense", "[impairment]")
{
    const auto config = parsed("loss=10%,delay=100ms,jitter=20ms,rate=300kbit,outage=5s+2s,seed=7");
    CHECK(config.lossPercent == 10);
    CHECK(config.delayMs == 100);
    CHECK(config.jitterMs == 20);
    CHECK(config.rateBytesPerSecond == 37500);
    REQUIRE(config.outages.size() == 1);
    CHECK(config.outages[0] == ImpairmentConfig::Outage{5000, 2000});
    CHECK(config.seed == 7);
    CHECK_FALSE(config.allowReordering);
    CHECK(config.enabled());
    CHECK(parsed(config.toString().c_str()) == config);

    const auto bursty =
        parsed("burst=2%:25%:80%, reorder, rate=40kB, queue=16kB, bucket=3000B, outage=1s+500ms, outage=3s+1s");
    REQUIRE(bursty.burst);
    CHECK(bursty.burst->goodToBadPercent == 2);
    CHECK(bursty.burst->badToGoodPercent == 25);
    CHECK(bursty.burst->badLossPercent == 80);
    CHECK(bursty.allowReordering);
    CHECK(bursty.rateBytesPerSecond == 40000);
    CHECK(bursty.queueLimitBytes == 16000);
    CHECK(bursty.burstBytes == 3000);
    CHECK(bursty.outages.size() == 2);
    CHECK(parsed(bursty.toString().c_str()) == bursty);

    CHECK_FALSE(parsed("").enabled());
    CHECK_FALSE(parsed("off").enabled());
    CHECK(parsed("off").toString() == "off");

    for (const char* bad : {"loss=110%", "loss=-1%", "loss", "delay=fast", "rate=300", "rate=0kbit", "outage=5s",
                            "burst=5%", "burst=5%:0%", "colour=blue", "seed=x", "loss=5%,,delay=1ms", "reorder=1"}) {
        const auto refused = ImpairmentConfig::parse(bad);
        INFO(bad);
        REQUIRE_FALSE(refused.ok());
        CHECK(refused.error().kind == TransportErrorKind::Config);
        CHECK_THAT(refused.error().message, Catch::Contains("impairment item"));
    }
}

TEST_CASE("impairment: random loss is within tolerance and replays exactly for a seed", "[impairment]")
{
    const int n = 20000;
    Impairment first(parsed("loss=10%,seed=7"), 0);
    Impairment second(parsed("loss=10%,seed=7"), 0);
    Impairment other(parsed("loss=10%,seed=8"), 0);
    const auto a = drive(first, every(1 * kMs, n));
    const auto b = drive(second, every(1 * kMs, n));
    const auto c = drive(other, every(1 * kMs, n));
    const double sigma = std::sqrt(n * 0.1 * 0.9); // binomial: 42 packets
    CHECK(std::abs(static_cast<double>(first.stats().droppedByLoss) - n * 0.1) < 4 * sigma);
    CHECK(first.stats().droppedByLoss + a.size() == static_cast<std::size_t>(n));
    CHECK(a == b); // same seed, same packets lost, same release times
    CHECK(a != c);
    // With no delay configured survivors leave at their arrival instant, in order.
    for (const auto& r : a)
        CHECK(r.atUs == static_cast<std::int64_t>(r.index) * kMs);
}

TEST_CASE("impairment: Gilbert-Elliott losses come in bursts of the configured mean length", "[impairment]")
{
    const int n = 50000;
    Impairment impairment(parsed("burst=2%:25%,seed=3"), 0);
    const auto out = drive(impairment, every(1 * kMs, n));
    std::vector<bool> delivered(n, false);
    for (const auto& r : out)
        delivered[r.index] = true;
    int bursts = 0;
    int lost = 0;
    for (int i = 0; i < n; ++i) {
        if (!delivered[i]) {
            ++lost;
            if (i == 0 || delivered[i - 1])
                ++bursts;
        }
    }
    // Stationary loss p/(p+r) = 7.4 %; mean burst 1/r = 4 packets.
    CHECK(std::abs(lost / double(n) - 0.02 / 0.27) < 0.012);
    CHECK(std::abs(lost / double(bursts) - 4.0) < 0.5);
    // Same average loss without bursts would give bursts of ~1.08.
}

TEST_CASE("impairment: fixed delay releases each packet exactly that much later", "[impairment]")
{
    Impairment impairment(parsed("delay=100ms"), 0);
    REQUIRE(impairment.push(packet(1), 5 * kMs));
    CHECK(impairment.takeDue(104'999).empty());
    REQUIRE(impairment.nextReleaseUs() == 105 * kMs);
    const auto due = impairment.takeDue(105 * kMs);
    REQUIRE(due.size() == 1);
    CHECK(indexOf(due[0]) == 1);
    CHECK_FALSE(impairment.nextReleaseUs());
}

TEST_CASE("impairment: jitter spreads delays without reordering unless asked", "[impairment]")
{
    SECTION("in order")
    {
        Impairment impairment(parsed("delay=100ms,jitter=20ms,seed=11"), 0);
        const auto out = drive(impairment, every(20 * kMs, 2000));
        REQUIRE(out.size() == 2000);
        double sum = 0, sumSquares = 0;
        for (std::size_t i = 0; i < out.size(); ++i) {
            CHECK(out[i].index == i); // order kept
            const double delayMs = double(out[i].atUs - std::int64_t(out[i].index) * 20 * kMs) / kMs;
            CHECK(delayMs >= 80);
            CHECK(delayMs <= 140); // at most the previous packet's +20 ms, minus 20 ms spacing, later
            sum += delayMs;
            sumSquares += delayMs * delayMs;
        }
        const double mean = sum / out.size();
        const double deviation = std::sqrt(sumSquares / out.size() - mean * mean);
        CHECK(mean > 100);
        CHECK(mean < 106); // holding back behind a late packet adds a little
        CHECK(deviation > 8); // uniform ±20 ms has σ = 11.5 ms
    }
    SECTION("reordering allowed")
    {
        Impairment impairment(parsed("delay=100ms,jitter=20ms,reorder,seed=11"), 0);
        const auto out = drive(impairment, every(2 * kMs, 2000));
        REQUIRE(out.size() == 2000);
        int overtaken = 0;
        for (std::size_t i = 1; i < out.size(); ++i)
            overtaken += out[i].index < out[i - 1].index;
        CHECK(overtaken > 100);
        for (const auto& r : out) {
            const std::int64_t delay = r.atUs - std::int64_t(r.index) * 2 * kMs;
            CHECK(delay >= 80 * kMs);
            CHECK(delay <= 120 * kMs);
        }
    }
}

TEST_CASE("impairment: the token bucket paces at the rate and its queue drops when full", "[impairment]")
{
    SECTION("exact departures of a burst")
    {
        // 80 kbit/s = 10 000 B/s: a 1000-byte packet every 100 ms once the
        // 1500-byte bucket is spent.
        Impairment impairment(parsed("rate=80kbit,queue=64kB"), 0);
        const auto out = drive(impairment, std::vector<std::int64_t>(10, 0), 1000);
        REQUIRE(out.size() == 10);
        CHECK(out[0].atUs == 0);
        CHECK(out[1].atUs == 50 * kMs); // 500 B left in the bucket, 500 B more to wait for
        for (std::size_t i = 2; i < out.size(); ++i)
            CHECK(out[i].atUs == out[i - 1].atUs + 100 * kMs);
    }
    SECTION("drop-tail queue")
    {
        Impairment impairment(parsed("rate=80kbit,queue=5000B"), 0);
        const auto out = drive(impairment, std::vector<std::int64_t>(10, 0), 1000);
        CHECK(out.size() == 6); // one on the wire, five waiting
        CHECK(impairment.stats().droppedByQueue == 4);
    }
    SECTION("sustained overload delivers the capped rate")
    {
        // Offered 120 kB/s into a 300 kbit/s (37.5 kB/s) cap for 5 s.
        Impairment impairment(parsed("rate=300kbit"), 0);
        const auto out = drive(impairment, every(10 * kMs, 500), 1200);
        const std::int64_t lastUs = out.back().atUs;
        const double bytesPerSecond = (out.size() - 1) * 1200.0 / (double(lastUs) / 1e6);
        CHECK(std::abs(bytesPerSecond - 37500) < 37500 * 0.03);
        CHECK(impairment.stats().droppedByQueue > 300);
        // Queue bound: nothing waits longer than the 500 ms the default queue holds.
        for (const auto& r : out)
            CHECK(r.atUs - std::int64_t(r.index) * 10 * kMs <= 530 * kMs);
    }
}

TEST_CASE("impairment: a scheduled outage drops exactly the packets inside it", "[impairment]")
{
    Impairment impairment(parsed("outage=1s+500ms,outage=1800ms+100ms"), 0);
    const auto out = drive(impairment, every(10 * kMs, 200));
    std::vector<bool> delivered(200, false);
    for (const auto& r : out)
        delivered[r.index] = true;
    for (int i = 0; i < 200; ++i) {
        const int atMs = i * 10;
        const bool inside = (atMs >= 1000 && atMs < 1500) || (atMs >= 1800 && atMs < 1900);
        INFO("packet at " << atMs << " ms");
        CHECK(delivered[i] == !inside);
    }
    CHECK(impairment.stats().droppedByOutage == 60);
}

TEST_CASE("impairment: everything combined is reproducible packet for packet", "[impairment]")
{
    const char* text = "loss=3%,burst=1%:30%,delay=80ms,jitter=15ms,rate=500kbit,outage=2s+300ms,seed=42";
    Impairment first(parsed(text), 1000);
    Impairment second(parsed(text), 1000);
    const auto arrivals = every(5 * kMs, 1000, 1000);
    const auto a = drive(first, arrivals, 700);
    const auto b = drive(second, arrivals, 700);
    CHECK(a == b);
    CHECK(first.stats().droppedByOutage == 60);
    CHECK(first.stats().droppedByLoss > 0);
    CHECK(a.size() + first.stats().droppedByLoss + first.stats().droppedByOutage + first.stats().droppedByQueue
          == 1000);
}
