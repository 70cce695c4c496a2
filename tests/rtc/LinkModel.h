#pragma once

// A seeded one-way network path for the receive-side and bandwidth tests:
// a bottleneck of a given capacity with a drop-tail queue (how a mobile
// uplink really loses packets when overfilled), propagation delay, random
// jitter and loss, and total outages. The kernel here has no netem
// (DESIGN.md), and the estimators are pure logic driven by timestamps, so
// the link is simulated in the same deterministic time.
#include <cstdint>
#include <optional>
#include <random>
#include <utility>
#include <vector>

namespace spoke::rtc::test {

class LinkModel {
public:
    struct Config {
        std::int64_t capacityBps = 1'000'000;
        std::int64_t propagationUs = 40'000;
        std::int64_t jitterUs = 0; // uniform 0..jitterUs added after the queue
        double lossRate = 0; // random, independent of the queue
        std::int64_t queueLimitUs = 300'000; // a deeper standing queue is dropped at the tail
        std::uint32_t seed = 1;
    };

    explicit LinkModel(Config config) : config_(config), rng_(config.seed) { }

    void setCapacityBps(std::int64_t bps) { config_.capacityBps = bps; }
    void setLossRate(double rate) { config_.lossRate = rate; }
    void addOutage(std::int64_t fromUs, std::int64_t toUs) { outages_.emplace_back(fromUs, toUs); }
    bool inOutage(std::int64_t us) const
    {
        for (const auto& [from, to] : outages_)
            if (us >= from && us < to)
                return true;
        return false;
    }

    // When the packet arrives, or nothing when it is lost.
    std::optional<std::int64_t> send(std::size_t bytes, std::int64_t sendUs)
    {
        const bool randomLoss = std::uniform_real_distribution<double>(0, 1)(rng_) < config_.lossRate;
        const std::int64_t jitter =
            config_.jitterUs > 0 ? std::uniform_int_distribution<std::int64_t>(0, config_.jitterUs)(rng_) : 0;
        if (inOutage(sendUs))
            return std::nullopt;
        const std::int64_t start = std::max(sendUs, queueFreeUs_);
        if (start - sendUs > config_.queueLimitUs)
            return std::nullopt; // tail drop
        queueFreeUs_ = start + static_cast<std::int64_t>(bytes) * 8 * 1'000'000 / config_.capacityBps;
        if (randomLoss)
            return std::nullopt;
        return queueFreeUs_ + config_.propagationUs + jitter;
    }

private:
    Config config_;
    std::mt19937 rng_;
    std::int64_t queueFreeUs_ = 0;
    std::vector<std::pair<std::int64_t, std::int64_t>> outages_;
};

} // namespace spoke::rtc::test
