#include "transport/Impairment.h"

#include <algorithm>
#include <cmath>

namespace spoke::transport {

namespace {
constexpr std::int64_t kFullPacketBytes = 1500;
constexpr std::int64_t kMinQueueBytes = 3000;
constexpr double kMicrosPerSecond = 1e6;
} // namespace

Impairment::Impairment(ImpairmentConfig config, std::int64_t startUs)
    : config_(std::move(config))
    , startUs_(startUs)
    , random_(config_.seed)
    , lastDepartureUs_(startUs)
    , lastReleaseUs_(startUs)
{
    if (config_.rateBytesPerSecond > 0) {
        bucketBytes_ = config_.burstBytes > 0 ? config_.burstBytes : kFullPacketBytes;
        // A queue of half a second at the capped rate: the buffer of a
        // typical mobile base station, enough to show bufferbloat.
        queueLimitBytes_ = config_.queueLimitBytes > 0 ? config_.queueLimitBytes
                                                       : std::max(kMinQueueBytes, config_.rateBytesPerSecond / 2);
        tokens_ = static_cast<double>(bucketBytes_);
    }
}

double Impairment::uniform()
{
    // 53 random bits → [0, 1), identical on every standard library (unlike
    // std::uniform_real_distribution), so seeds replay everywhere.
    return static_cast<double>(random_() >> 11) * 0x1.0p-53;
}

bool Impairment::inOutage(std::int64_t nowUs) const
{
    const std::int64_t sinceStartMs = (nowUs - startUs_) / 1000;
    return std::any_of(config_.outages.begin(), config_.outages.end(), [&](const ImpairmentConfig::Outage& o) {
        return sinceStartMs >= o.startMs && sinceStartMs < o.startMs + o.durationMs;
    });
}

std::optional<std::int64_t> Impairment::departureUs(std::size_t bytes, std::int64_t nowUs)
{
    if (config_.rateBytesPerSecond <= 0)
        return nowUs;
    while (!inQueue_.empty() && inQueue_.front().first <= nowUs) {
        queuedBytes_ -= inQueue_.front().second;
        inQueue_.pop_front();
    }
    if (static_cast<std::int64_t>(queuedBytes_ + bytes) > queueLimitBytes_)
        return std::nullopt;
    const double rate = static_cast<double>(config_.rateBytesPerSecond);
    const double size = static_cast<double>(bytes);
    // A packet larger than the bucket still passes, at the bucket's refill pace.
    const double depth = std::max(static_cast<double>(bucketBytes_), size);
    const std::int64_t startUs = std::max(nowUs, lastDepartureUs_);
    double tokens =
        std::min(depth, tokens_ + static_cast<double>(startUs - lastDepartureUs_) * rate / kMicrosPerSecond);
    std::int64_t departUs = startUs;
    if (tokens < size) {
        departUs += static_cast<std::int64_t>(std::ceil((size - tokens) * kMicrosPerSecond / rate));
        tokens = size;
    }
    tokens_ = tokens - size;
    lastDepartureUs_ = departUs;
    inQueue_.emplace_back(departUs, bytes);
    queuedBytes_ += bytes;
    return departUs;
}

bool Impairment::push(Packet packet, std::int64_t nowUs)
{
    affinity_.assertOwner();
    ++stats_.offered;
    const double lossDraw = uniform();
    const double stateDraw = uniform();
    const double jitterDraw = uniform();

    double lossPercent = config_.lossPercent;
    if (config_.burst) {
        const auto& burst = *config_.burst;
        badState_ = badState_ ? stateDraw >= burst.badToGoodPercent / 100 : stateDraw < burst.goodToBadPercent / 100;
        if (badState_)
            lossPercent = burst.badLossPercent;
    }
    if (inOutage(nowUs)) {
        ++stats_.droppedByOutage;
        return false;
    }
    if (lossDraw < lossPercent / 100) {
        ++stats_.droppedByLoss;
        return false;
    }
    const auto departUs = departureUs(packet.size(), nowUs);
    if (!departUs) {
        ++stats_.droppedByQueue;
        return false;
    }
    const std::int64_t jitterUs =
        static_cast<std::int64_t>(std::llround((2 * jitterDraw - 1) * static_cast<double>(config_.jitterMs) * 1000));
    std::int64_t releaseUs = std::max(*departUs, *departUs + config_.delayMs * 1000 + jitterUs);
    if (!config_.allowReordering)
        releaseUs = std::max(releaseUs, lastReleaseUs_);
    lastReleaseUs_ = std::max(lastReleaseUs_, releaseUs);
    pending_.emplace(std::make_pair(releaseUs, sequence_++), std::move(packet));
    return true;
}

std::vector<Impairment::Packet> Impairment::takeDue(std::int64_t nowUs)
{
    affinity_.assertOwner();
    std::vector<Packet> due;
    while (!pending_.empty() && pending_.begin()->first.first <= nowUs) {
        due.push_back(std::move(pending_.begin()->second));
        pending_.erase(pending_.begin());
    }
    stats_.delivered += due.size();
    return due;
}

std::optional<std::int64_t> Impairment::nextReleaseUs() const
{
    affinity_.assertOwner();
    if (pending_.empty())
        return std::nullopt;
    return pending_.begin()->first.first;
}

} // namespace spoke::transport
