#pragma once

#include "transport/ImpairmentConfig.h"

#include <cstdint>
#include <deque>
#include <map>
#include <optional>
#include <random>
#include <vector>

namespace spoke::transport {

// One direction of an impaired link as TCP connections see it: the byte
// streams of several connections (a client's HTTPS requests and its event
// WebSocket to the hub) share one bottleneck with the rate, delay and loss of
// an ImpairmentConfig, like the UDP datagrams that Impairment shapes. Pure
// function of the bytes written and the times asked (microseconds, any
// monotonic clock), so a test drives it without a network.
//
// How the stream differs from a datagram link, and how each is modelled:
// - TCP never loses data: a segment (up to kSegmentBytes) that the link's
//   seeded `lossPercent` loses costs a retransmission, sent once more through
//   the rate cap a retransmission timeout later: the round trip (twice
//   `delayMs`) plus the 200 ms floor Linux puts under RTO (TCP_RTO_MIN in
//   include/net/tcp.h), doubling when the copy is lost again (RFC 6298 §5.5).
//   Each connection's bytes come out in order, so later segments of that
//   connection wait behind the lost one (head-of-line blocking).
// - TCP never overruns the bottleneck's queue: senders keep it full instead.
//   A connection's bytes wait in its own backlog until the link's queue
//   (`queueLimitBytes`, by default half a second at the rate, as Impairment)
//   has room, and the connections with a backlog take turns a segment at a
//   time. A few hundred bytes of a page-turn event thus wait for the queue
//   ahead of them, not behind the whole of a deck being downloaded, as TCP's
//   fair sharing of a bottleneck gives them.
// - The handshake's round trip is the caller's (HubLinkRelay delays its
//   connect); ACKs in the reverse direction are not modelled, nor are
//   `burst`, `jitter` and `outages`.
// Not thread-safe: one owner (the relay's thread).
class StreamImpairment {
public:
    using Bytes = std::vector<std::uint8_t>;
    // Largest segment: Ethernet's 1500-byte MTU less IPv4 and TCP headers.
    static constexpr std::size_t kSegmentBytes = 1460;

    struct Chunk {
        std::uint64_t connection = 0;
        Bytes bytes;
    };
    struct Stats {
        std::uint64_t bytesDelivered = 0; // payload handed out by takeDue()
        std::uint64_t segments = 0;
        std::uint64_t retransmissions = 0; // segment copies sent again after a loss
        std::uint64_t retransmittedBytes = 0;
    };

    StreamImpairment(ImpairmentConfig config, std::int64_t startUs);

    // Appends to `connection`'s backlog; it enters the link in takeDue().
    void write(std::uint64_t connection, const std::uint8_t* data, std::size_t size);
    // Admits backlog into the link's queue while it has room at nowUs, then
    // hands out what has crossed the link by nowUs, each connection's bytes
    // in order.
    std::vector<Chunk> takeDue(std::int64_t nowUs);
    // When takeDue() next has something to do (a release, or room in the
    // queue for a waiting backlog); nullopt when nothing waits.
    std::optional<std::int64_t> nextEventUs() const;

    // Bytes of `connection` not yet handed out (backlog and in flight).
    std::size_t pendingBytes(std::uint64_t connection) const;
    std::size_t backlogBytes(std::uint64_t connection) const;
    // Drops everything of `connection` (its socket is gone).
    void forget(std::uint64_t connection);

    const Stats& stats() const { return stats_; }
    const ImpairmentConfig& config() const { return config_; }

private:
    struct Queued {
        std::int64_t departUs = 0; // leaves the queue (serialised onto the link)
        std::size_t bytes = 0;
    };
    double uniform(); // [0, 1), from the seeded generator only
    void admit(std::int64_t nowUs);
    std::size_t queuedBytesAt(std::int64_t nowUs) const;
    std::int64_t serialise(std::size_t bytes, std::int64_t fromUs);
    std::optional<std::uint64_t> nextBacklog() const;

    ImpairmentConfig config_;
    std::mt19937_64 random_;
    std::int64_t queueLimitBytes_ = 0;
    std::int64_t lastDepartureUs_ = 0; // the link is busy until then
    std::map<std::uint64_t, std::deque<std::uint8_t>> backlog_;
    std::optional<std::uint64_t> lastServed_; // round-robin position
    std::deque<Queued> queue_; // admitted, in departure order
    std::map<std::uint64_t, std::int64_t> lastReleaseUs_; // per connection: in order
    std::map<std::pair<std::int64_t, std::uint64_t>, Chunk> inFlight_; // (release, sequence)
    std::map<std::uint64_t, std::size_t> inFlightBytes_;
    std::uint64_t sequence_ = 0;
    Stats stats_;
};

} // namespace spoke::transport
