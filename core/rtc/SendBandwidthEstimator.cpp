#include "rtc/SendBandwidthEstimator.h"

#include <algorithm>

namespace spoke::rtc {

namespace {
// Long enough for feedback delayed by an outage to still find its packets.
constexpr std::int64_t kSentHistoryUs = 10'000'000;
} // namespace

SendBandwidthEstimator::SendBandwidthEstimator(Config config)
    : config_(config)
    , delay_(config.startBps, config.minBps, config.maxBps)
    , loss_(config.startBps, config.minBps, config.maxBps)
{
}

void SendBandwidthEstimator::setRttMs(std::int64_t rttMs)
{
    affinity_.assertOwner();
    delay_.setRttMs(rttMs);
    loss_.setRttMs(rttMs);
}

void SendBandwidthEstimator::onPacketSent(std::uint16_t transportSequenceNumber, std::size_t sizeBytes,
                                          std::int64_t sendTimeUs)
{
    affinity_.assertOwner();
    sent_[sentUnwrapper_.unwrap(transportSequenceNumber)] = Sent{sendTimeUs, sizeBytes};
    while (!sent_.empty() && sent_.begin()->second.sendTimeUs < sendTimeUs - kSentHistoryUs)
        sent_.erase(sent_.begin());
}

std::optional<std::int64_t> SendBandwidthEstimator::receivedBps() const
{
    if (acked_.size() < 2)
        return std::nullopt;
    const std::int64_t spanUs = acked_.back().first - acked_.front().first;
    if (spanUs < config_.receivedRateWindowMs * 1000 / 2)
        return std::nullopt; // too little to say
    std::size_t bytes = 0;
    for (auto it = std::next(acked_.begin()); it != acked_.end(); ++it)
        bytes += it->second;
    return static_cast<std::int64_t>(bytes) * 8 * 1'000'000 / spanUs;
}

void SendBandwidthEstimator::onTransportFeedback(const TransportFeedback& feedback, std::int64_t nowMs)
{
    affinity_.assertOwner();
    lastFeedbackMs_ = nowMs;
    lastTimeoutCutMs_.reset();
    struct Result {
        std::int64_t sendUs;
        std::int64_t arrivalUs;
        std::size_t bytes;
    };
    std::vector<Result> results;
    for (const auto& arrival : feedback.arrivals()) {
        const auto it = sent_.find(sentUnwrapper_.peek(arrival.sequenceNumber));
        if (it == sent_.end())
            continue; // not ours any more (or never was)
        results.push_back({it->second.sendTimeUs, arrival.arrivalTimeUs, it->second.sizeBytes});
    }
    for (const auto& status : feedback.packets)
        if (!status.received)
            ++counters_.packetsReportedLost;
    // In arrival order, as the bottleneck queue let them out.
    std::stable_sort(results.begin(), results.end(),
                     [](const Result& a, const Result& b) { return a.arrivalUs < b.arrivalUs; });
    for (const auto& r : results) {
        ++counters_.packetsAcknowledged;
        detector_.onPacket(r.sendUs, r.arrivalUs);
        acked_.emplace_back(r.arrivalUs, r.bytes);
    }
    if (!acked_.empty()) {
        const std::int64_t newest = acked_.back().first;
        while (acked_.front().first < newest - config_.receivedRateWindowMs * 1000)
            acked_.pop_front();
    }
    if (!results.empty())
        delay_.update(detector_.state(), receivedBps(), nowMs);
}

void SendBandwidthEstimator::onReceiverReport(std::uint8_t fractionLost, std::int64_t nowMs)
{
    affinity_.assertOwner();
    loss_.onReport(static_cast<double>(fractionLost) / 256.0, receivedBps(), nowMs);
}

void SendBandwidthEstimator::onRemb(std::int64_t bitrateBps)
{
    affinity_.assertOwner();
    rembBps_ = bitrateBps;
}

void SendBandwidthEstimator::process(std::int64_t nowMs)
{
    affinity_.assertOwner();
    if (!lastFeedbackMs_ || nowMs - *lastFeedbackMs_ < config_.feedbackTimeoutMs)
        return;
    if (lastTimeoutCutMs_)
        return; // once per silence: cutting further only slows the recovery
    lastTimeoutCutMs_ = nowMs;
    ++counters_.feedbackTimeouts;
    delay_.cut(0.5);
    acked_.clear(); // the rate measured before the silence says nothing about after it
}

std::int64_t SendBandwidthEstimator::targetBitrateBps() const
{
    affinity_.assertOwner();
    std::int64_t target = std::min(delay_.bitrateBps(), loss_.bitrateBps());
    if (rembBps_)
        target = std::min(target, *rembBps_);
    return std::max(target, config_.minBps);
}

} // namespace spoke::rtc
