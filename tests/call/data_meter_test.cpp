// The data meter (call::DataMeter) with scripted totals and a fake clock.
#include "call/DataMeter.h"

#include <catch2/catch.hpp>

using spoke::call::DataMeter;

TEST_CASE("data meter: totals and the rate over the last 5 s", "[call][meter]")
{
    DataMeter meter;
    CHECK(meter.bytesSent() == 0);
    CHECK(meter.receiveBps() == 0);
    // 10 s at 8 kB/s down and 2 kB/s up, read every 250 ms, then 5 s at 1 kB/s down.
    for (std::int64_t ms = 0; ms <= 10'000; ms += 250) {
        const auto reads = static_cast<std::uint64_t>(ms / 250);
        meter.onTotals(ms, reads * 500, reads * 2'000);
    }
    const std::uint64_t sent = 20'000;
    std::uint64_t received = 80'000;
    CHECK(meter.bytesReceived() == 80'000);
    CHECK(meter.bytesSent() == 20'000);
    CHECK(meter.receiveBps() == 64'000);
    CHECK(meter.sendBps() == 16'000);
    for (std::int64_t ms = 10'250; ms <= 15'000; ms += 250) {
        received += 250;
        meter.onTotals(ms, sent, received);
    }
    CHECK(meter.receiveBps() == 8'000); // the old rate has left the window
    CHECK(meter.sendBps() == 0);
    CHECK(meter.bytesReceived() == 85'000);
}

TEST_CASE("data meter: no rate from under a second, and totals never go back", "[call][meter]")
{
    DataMeter meter;
    meter.onTotals(0, 0, 0);
    meter.onTotals(500, 100, 1'000);
    CHECK(meter.receiveBps() == 0);
    meter.onTotals(1'000, 50, 500); // a lower reading: the totals stand
    CHECK(meter.bytesSent() == 100);
    CHECK(meter.bytesReceived() == 1'000);
    CHECK(meter.receiveBps() == 8'000);
    meter.onTotals(900, 1'000'000, 1'000'000); // out of order: ignored
    CHECK(meter.bytesSent() == 100);
}
