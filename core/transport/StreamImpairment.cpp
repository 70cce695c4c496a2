#include "transport/StreamImpairment.h"

#include <algorithm>
#include <cmath>

namespace spoke::transport {

namespace {
constexpr std::int64_t kMinQueueBytes = 3000;
// Linux's floor under the retransmission timeout (TCP_RTO_MIN, 200 ms).
constexpr std::int64_t kRtoFloorUs = 200'000;
constexpr double kMicrosPerSecond = 1e6;
} // namespace

StreamImpairment::StreamImpairment(ImpairmentConfig config, std::int64_t startUs)
    : config_(std::move(config))
    , random_(config_.seed)
    , lastDepartureUs_(startUs)
{
    if (config_.rateBytesPerSecond > 0)
        queueLimitBytes_ = config_.queueLimitBytes > 0 ? config_.queueLimitBytes
                                                       : std::max(kMinQueueBytes, config_.rateBytesPerSecond / 2);
}

double StreamImpairment::uniform()
{
    // As Impairment: 53 random bits, the same on every standard library.
    return static_cast<double>(random_() >> 11) * 0x1.0p-53;
}

void StreamImpairment::write(std::uint64_t connection, const std::uint8_t* data, std::size_t size)
{
    if (size == 0)
        return;
    auto& backlog = backlog_[connection];
    backlog.insert(backlog.end(), data, data + size);
}

std::size_t StreamImpairment::queuedBytesAt(std::int64_t nowUs) const
{
    std::size_t bytes = 0;
    for (const Queued& queued : queue_)
        if (queued.departUs > nowUs)
            bytes += queued.bytes;
    return bytes;
}

std::int64_t StreamImpairment::serialise(std::size_t bytes, std::int64_t fromUs)
{
    if (config_.rateBytesPerSecond <= 0)
        return fromUs;
    const std::int64_t startUs = std::max(fromUs, lastDepartureUs_);
    lastDepartureUs_ = startUs
                       + static_cast<std::int64_t>(std::ceil(static_cast<double>(bytes) * kMicrosPerSecond
                                                             / static_cast<double>(config_.rateBytesPerSecond)));
    return lastDepartureUs_;
}

// The connection after the last one served that has a backlog (round robin).
std::optional<std::uint64_t> StreamImpairment::nextBacklog() const
{
    if (backlog_.empty())
        return std::nullopt;
    auto it = lastServed_ ? backlog_.upper_bound(*lastServed_) : backlog_.begin();
    return it == backlog_.end() ? backlog_.begin()->first : it->first;
}

void StreamImpairment::admit(std::int64_t nowUs)
{
    while (!queue_.empty() && queue_.front().departUs <= nowUs)
        queue_.pop_front();
    const std::int64_t delayUs = config_.delayMs * 1000;
    const std::int64_t baseRtoUs = 2 * delayUs + kRtoFloorUs;
    while (const auto connection = nextBacklog()) {
        auto& backlog = backlog_.at(*connection);
        const std::size_t size = std::min(kSegmentBytes, backlog.size());
        if (queueLimitBytes_ > 0 && !queue_.empty()
            && static_cast<std::int64_t>(queuedBytesAt(nowUs) + size) > queueLimitBytes_)
            break;
        Bytes segment(backlog.begin(), backlog.begin() + static_cast<std::ptrdiff_t>(size));
        backlog.erase(backlog.begin(), backlog.begin() + static_cast<std::ptrdiff_t>(size));
        if (backlog.empty())
            backlog_.erase(*connection);
        lastServed_ = *connection;
        ++stats_.segments;

        // Every copy the link loses is sent again through the cap (it costs
        // the link's capacity) and arrives a retransmission timeout later.
        std::int64_t departUs = serialise(size, nowUs);
        queue_.push_back({departUs, size});
        std::int64_t waitedUs = 0;
        for (std::int64_t rtoUs = baseRtoUs; uniform() < config_.lossPercent / 100; rtoUs *= 2) {
            ++stats_.retransmissions;
            stats_.retransmittedBytes += size;
            waitedUs += rtoUs;
            departUs = serialise(size, nowUs);
            queue_.push_back({departUs, size});
        }
        auto& lastRelease = lastReleaseUs_[*connection];
        const std::int64_t releaseUs = std::max(lastRelease, departUs + waitedUs + delayUs);
        lastRelease = releaseUs;
        inFlightBytes_[*connection] += size;
        inFlight_.emplace(std::make_pair(releaseUs, sequence_++), Chunk{*connection, std::move(segment)});
    }
}

std::vector<StreamImpairment::Chunk> StreamImpairment::takeDue(std::int64_t nowUs)
{
    admit(nowUs);
    std::vector<Chunk> due;
    while (!inFlight_.empty() && inFlight_.begin()->first.first <= nowUs) {
        Chunk chunk = std::move(inFlight_.begin()->second);
        inFlight_.erase(inFlight_.begin());
        if (auto it = inFlightBytes_.find(chunk.connection); it != inFlightBytes_.end()) {
            it->second -= chunk.bytes.size();
            if (it->second == 0)
                inFlightBytes_.erase(it);
        }
        stats_.bytesDelivered += chunk.bytes.size();
        // A connection's consecutive segments go out as one write.
        if (!due.empty() && due.back().connection == chunk.connection)
            due.back().bytes.insert(due.back().bytes.end(), chunk.bytes.begin(), chunk.bytes.end());
        else
            due.push_back(std::move(chunk));
    }
    return due;
}

std::optional<std::int64_t> StreamImpairment::nextEventUs() const
{
    std::optional<std::int64_t> next;
    if (!inFlight_.empty())
        next = inFlight_.begin()->first.first;
    // A waiting backlog enters when the oldest queued segment has left.
    if (!backlog_.empty()) {
        const std::int64_t roomUs = queue_.empty() ? lastDepartureUs_ : queue_.front().departUs;
        next = next ? std::min(*next, roomUs) : roomUs;
    }
    return next;
}

std::size_t StreamImpairment::backlogBytes(std::uint64_t connection) const
{
    const auto it = backlog_.find(connection);
    return it == backlog_.end() ? 0 : it->second.size();
}

std::size_t StreamImpairment::pendingBytes(std::uint64_t connection) const
{
    const auto it = inFlightBytes_.find(connection);
    return backlogBytes(connection) + (it == inFlightBytes_.end() ? 0 : it->second);
}

void StreamImpairment::forget(std::uint64_t connection)
{
    backlog_.erase(connection);
    inFlightBytes_.erase(connection);
    lastReleaseUs_.erase(connection);
    for (auto it = inFlight_.begin(); it != inFlight_.end();)
        it = it->second.connection == connection ? inFlight_.erase(it) : std::next(it);
}

} // namespace spoke::transport
