#pragma once

#include "transport/ImpairmentConfig.h"
#include "util/ThreadAffinity.h"

#include <cstdint>
#include <deque>
#include <map>
#include <optional>
#include <random>
#include <utility>
#include <vector>

namespace spoke::transport {

// One direction of an impaired link, as a pure function of packet arrival
// times (microseconds on any monotonic clock): push() takes a packet and
// decides whether it is lost; takeDue() hands back the survivors once their
// release time has come. The owner runs a timer for nextReleaseUs().
//
// Stages, in the order a packet meets them: scheduled outage (by arrival time
// since startUs), random or Gilbert–Elliott loss, the token-bucket rate cap
// with its drop-tail queue, then delay ± jitter. Every packet draws the same
// three random numbers whatever happens to it, so changing the delay does not
// change which packets are lost for a given seed.
//
// Not thread-safe: owned by the thread that drives it (MediaTransport's
// network thread), asserted.
class Impairment {
public:
    using Packet = std::vector<std::uint8_t>;

    struct Stats {
        std::uint64_t offered = 0;
        std::uint64_t delivered = 0; // handed out by takeDue()
        std::uint64_t droppedByLoss = 0;
        std::uint64_t droppedByOutage = 0;
        std::uint64_t droppedByQueue = 0; // rate-cap queue was full
    };

    Impairment(ImpairmentConfig config, std::int64_t startUs);

    // Returns false when the packet is dropped.
    bool push(Packet packet, std::int64_t nowUs);
    // Packets due at nowUs, in release order.
    std::vector<Packet> takeDue(std::int64_t nowUs);
    std::optional<std::int64_t> nextReleaseUs() const;
    std::size_t pendingPackets() const { return pending_.size(); }

    const Stats& stats() const { return stats_; }
    const ImpairmentConfig& config() const { return config_; }

private:
    double uniform(); // [0, 1), from the seeded generator only
    bool inOutage(std::int64_t nowUs) const;
    // Departure time from the rate cap, or nullopt when the queue is full.
    std::optional<std::int64_t> departureUs(std::size_t bytes, std::int64_t nowUs);

    ThreadAffinity affinity_;
    ImpairmentConfig config_;
    std::int64_t startUs_;
    std::mt19937_64 random_;
    bool badState_ = false;
    // Token bucket: tokens available at lastDepartureUs_.
    double tokens_ = 0;
    std::int64_t lastDepartureUs_ = 0;
    std::int64_t bucketBytes_ = 0;
    std::int64_t queueLimitBytes_ = 0;
    std::deque<std::pair<std::int64_t, std::size_t>> inQueue_; // (departure, bytes) not yet departed
    std::size_t queuedBytes_ = 0;
    std::int64_t lastReleaseUs_ = 0;
    std::uint64_t sequence_ = 0; // keeps equal release times in arrival order
    std::map<std::pair<std::int64_t, std::uint64_t>, Packet> pending_;
    Stats stats_;
};

} // namespace spoke::transport
