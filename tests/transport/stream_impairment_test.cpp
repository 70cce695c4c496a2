// The TCP view of an impaired link (StreamImpairment), in virtual time: the
// rate and delay on a byte stream, loss as retransmission delay with every
// byte delivered in order, and connections sharing the bottleneck fairly.

#include "transport/StreamImpairment.h"

#include <catch2/catch.hpp>

#include <map>
#include <numeric>

using namespace spoke::transport;

namespace {

constexpr std::int64_t kMs = 1000; // virtual time is in microseconds

ImpairmentConfig parsed(const char* text)
{
    auto config = ImpairmentConfig::parse(text);
    REQUIRE(config.ok());
    return *config;
}

std::vector<std::uint8_t> counting(std::size_t bytes, std::uint8_t first = 0)
{
    std::vector<std::uint8_t> data(bytes);
    std::iota(data.begin(), data.end(), first);
    return data;
}

// Runs the link to the end in 1 ms steps; per connection, the bytes received
// and the time its last byte came.
struct Received {
    std::vector<std::uint8_t> bytes;
    std::int64_t lastUs = 0;
};
std::map<std::uint64_t, Received> drain(StreamImpairment& link, std::int64_t fromUs, std::int64_t untilUs)
{
    std::map<std::uint64_t, Received> received;
    for (std::int64_t nowUs = fromUs; nowUs <= untilUs; nowUs += kMs) {
        for (auto& chunk : link.takeDue(nowUs)) {
            auto& r = received[chunk.connection];
            r.bytes.insert(r.bytes.end(), chunk.bytes.begin(), chunk.bytes.end());
            r.lastUs = nowUs;
        }
    }
    return received;
}

} // namespace

TEST_CASE("stream impairment: a byte stream takes the rate plus the one-way delay, in order", "[impairment]")
{
    // 8000 bytes at 8000 B/s (64 kbit/s) with 100 ms delay: the last byte
    // leaves the queue at 1 s and arrives 100 ms later.
    StreamImpairment link(parsed("rate=64kbit,delay=100ms"), 0);
    const auto data = counting(8000);
    link.write(1, data.data(), data.size());
    const auto received = drain(link, 0, 3000 * kMs);
    REQUIRE(received.count(1) == 1);
    CHECK(received.at(1).bytes == data);
    CHECK(received.at(1).lastUs == 1100 * kMs);
    CHECK(link.stats().bytesDelivered == 8000);
    CHECK(link.stats().retransmissions == 0);
    CHECK(link.pendingBytes(1) == 0);
    CHECK_FALSE(link.nextEventUs().has_value());
}

TEST_CASE("stream impairment: without a rate cap bytes arrive after the delay alone", "[impairment]")
{
    StreamImpairment link(parsed("delay=100ms"), 0);
    const auto data = counting(100'000);
    link.write(7, data.data(), data.size());
    CHECK(link.takeDue(0).empty()); // enters the link now
    CHECK(link.takeDue(99 * kMs).empty());
    CHECK(link.nextEventUs() == 100 * kMs);
    const auto due = link.takeDue(100 * kMs);
    REQUIRE(due.size() == 1); // consecutive segments of one connection in one chunk
    CHECK(due[0].bytes == data);
}

TEST_CASE("stream impairment: loss delays the stream by retransmissions but loses no byte", "[impairment]")
{
    // 3 % loss: about 3 of 100 segments are sent again (each costing the
    // link its bytes once more), and each adds a retransmission timeout
    // (200 ms round trip + 200 ms floor) to the bytes behind it.
    StreamImpairment lossy(parsed("rate=64kbit,delay=100ms,loss=3%,seed=5"), 0);
    StreamImpairment clean(parsed("rate=64kbit,delay=100ms"), 0);
    const auto data = counting(146'000); // 100 full segments
    lossy.write(1, data.data(), data.size());
    clean.write(1, data.data(), data.size());
    const auto got = drain(lossy, 0, 60'000 * kMs);
    const auto reference = drain(clean, 0, 60'000 * kMs);
    REQUIRE(got.count(1) == 1);
    CHECK(got.at(1).bytes == data);
    const auto& stats = lossy.stats();
    INFO("retransmissions " << stats.retransmissions);
    CHECK(stats.retransmissions >= 1);
    CHECK(stats.retransmissions <= 9);
    CHECK(stats.retransmittedBytes == stats.retransmissions * StreamImpairment::kSegmentBytes);
    // Every resend took its bytes' time on the link again, and the last
    // byte came later than without loss.
    const std::int64_t resendUs = std::int64_t(stats.retransmittedBytes) * 1'000'000 / 8000;
    CHECK(got.at(1).lastUs >= reference.at(1).lastUs + resendUs);
}

TEST_CASE("stream impairment: a small message overtakes a bulk download on another connection", "[impairment]")
{
    // A 100 kB deck (12.5 s at 64 kbit/s) and, 3 s later, a 200-byte event
    // on the event socket: the event waits for the link's queue (half a
    // second at the rate) and its own turn, not for the rest of the deck.
    StreamImpairment link(parsed("rate=64kbit,delay=100ms"), 0);
    const auto deck = counting(100'000);
    link.write(1, deck.data(), deck.size());
    drain(link, 0, 3000 * kMs - kMs);
    const auto event = counting(200, 9);
    link.write(2, event.data(), event.size());
    const auto received = drain(link, 3000 * kMs, 20'000 * kMs);
    REQUIRE(received.count(2) == 1);
    CHECK(received.at(2).bytes == event);
    const std::int64_t eventDelayUs = received.at(2).lastUs - 3000 * kMs;
    INFO("event delay " << eventDelayUs / kMs << " ms");
    CHECK(eventDelayUs >= 100 * kMs);
    CHECK(eventDelayUs <= 1000 * kMs);
    // The deck still came whole, after the event.
    CHECK(received.at(1).lastUs > received.at(2).lastUs);
    CHECK(link.stats().bytesDelivered == deck.size() + event.size());
}

TEST_CASE("stream impairment: a forgotten connection's bytes are dropped and the others go on", "[impairment]")
{
    StreamImpairment link(parsed("rate=64kbit,delay=50ms"), 0);
    const auto a = counting(20'000);
    const auto b = counting(3000, 1);
    link.write(1, a.data(), a.size());
    link.write(2, b.data(), b.size());
    CHECK(link.pendingBytes(1) == 20'000);
    link.takeDue(0);
    link.forget(1);
    CHECK(link.pendingBytes(1) == 0);
    const auto received = drain(link, kMs, 5000 * kMs);
    CHECK(received.count(1) == 0);
    REQUIRE(received.count(2) == 1);
    CHECK(received.at(2).bytes == b);
}
