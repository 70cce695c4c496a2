#include "rtc/AudioJitterBuffer.h"

#include <algorithm>
#include <cmath>

namespace spoke::rtc {

namespace {
constexpr double kTimestampsPerMs = 48.0;
constexpr double kQuantile = 0.95; // NetEq's, docs/codec-anchors.md §"Jitter buffer target"
constexpr double kForgetFactor = 0.983;
constexpr double kLossAverageWeight = 0.05; // ~20 ticks: 400 ms of memory
constexpr double kLossHeadroomThreshold = 0.01;
} // namespace

AudioJitterBuffer::AudioJitterBuffer(Config config) : config_(config), histogram_(5, 200, kForgetFactor) { }

std::int64_t AudioJitterBuffer::unwrapTimestamp(std::uint32_t rtpTimestamp)
{
    if (!lastTimestamp_) {
        lastTimestamp_ = std::int64_t{rtpTimestamp} + (std::int64_t{1} << 32);
        return *lastTimestamp_;
    }
    const auto delta = static_cast<std::int32_t>(rtpTimestamp - static_cast<std::uint32_t>(*lastTimestamp_));
    const std::int64_t value = *lastTimestamp_ + delta;
    lastTimestamp_ = std::max(*lastTimestamp_, value);
    return value;
}

std::int64_t AudioJitterBuffer::minTransitMs() const
{
    return transits_.empty() ? 0 : static_cast<std::int64_t>(std::floor(transits_.front().second));
}

std::int64_t AudioJitterBuffer::targetDelayMs() const
{
    std::int64_t target = histogram_.quantileMs(kQuantile);
    // A lost packet can only be rebuilt from the next one's FEC if that one
    // is already here when the lost one is due: one packet of headroom.
    if (lossRate_ > kLossHeadroomThreshold)
        target += kPacketMs;
    if (counters_.packetsReceived < 10)
        target = std::max(target, config_.initialDelayMs);
    return std::clamp(target + extraDelayMs_, config_.minDelayMs, config_.maxDelayMs);
}

void AudioJitterBuffer::setExtraDelayMs(std::int64_t delayMs)
{
    affinity_.assertOwner();
    extraDelayMs_ = std::clamp<std::int64_t>(delayMs, 0, config_.maxDelayMs);
}

bool AudioJitterBuffer::quietEnoughToDrop(std::size_t payloadBytes) const
{
    if (recentSizes_.size() < 5)
        return true;
    std::vector<std::size_t> sorted(recentSizes_.begin(), recentSizes_.end());
    const auto middle = sorted.begin() + static_cast<std::ptrdiff_t>(sorted.size() / 2);
    std::nth_element(sorted.begin(), middle, sorted.end());
    return payloadBytes <= *middle;
}

void AudioJitterBuffer::insert(std::uint16_t sequenceNumber, std::uint32_t rtpTimestamp,
                               std::vector<std::uint8_t> payload, std::int64_t arrivalMs)
{
    affinity_.assertOwner();
    const std::int64_t ts = unwrapTimestamp(rtpTimestamp);
    if (packets_.contains(ts)) {
        ++counters_.packetsDuplicate;
        return;
    }
    ++counters_.packetsReceived;

    const double transit = static_cast<double>(arrivalMs) - static_cast<double>(ts) / kTimestampsPerMs;
    while (!transits_.empty() && transits_.back().second >= transit)
        transits_.pop_back();
    transits_.emplace_back(arrivalMs, transit);
    while (transits_.front().first < arrivalMs - config_.minDelayWindowMs)
        transits_.pop_front();
    // Late packets count most: they are the evidence the delay must grow.
    histogram_.add(transit - transits_.front().second);

    if (nextTimestamp_ && ts < *nextTimestamp_) {
        ++counters_.packetsLate;
        return;
    }
    packets_.emplace(ts, Packet{sequenceNumber, std::move(payload)});
    if (packets_.size() > config_.maxPackets) {
        packets_.erase(packets_.begin());
        ++counters_.packetsDiscarded;
    }
}

PlayoutDecision AudioJitterBuffer::concealTick(std::int64_t timestamp)
{
    PlayoutDecision d;
    d.kind = PlayoutDecision::Kind::Conceal;
    d.rtpTimestamp = static_cast<std::uint32_t>(timestamp);
    counters_.concealedMs += kPacketMs;
    gapMs_ += kPacketMs;
    counters_.longestGapMs = std::max(counters_.longestGapMs, gapMs_);
    return d;
}

PlayoutDecision AudioJitterBuffer::pull(std::int64_t nowMs)
{
    affinity_.assertOwner();
    const std::int64_t target = targetDelayMs();
    if (!nextTimestamp_) {
        if (packets_.empty())
            return {};
        const std::int64_t first = packets_.begin()->first;
        const auto waited =
            nowMs - (static_cast<std::int64_t>(static_cast<double>(first) / kTimestampsPerMs) + minTransitMs());
        if (waited < target)
            return {};
        nextTimestamp_ = first;
    }
    const std::int64_t due = *nextTimestamp_;
    currentDelayMs_ =
        nowMs - static_cast<std::int64_t>(std::floor(static_cast<double>(due) / kTimestampsPerMs)) - minTransitMs();
    const bool belowTarget = currentDelayMs_ + kPacketMs <= target;
    auto it = packets_.find(due);

    if (it == packets_.end()) {
        // Nothing newer here either: the stream is late (a delay spike), not
        // lost. Grow: conceal without moving on, so the late packets still
        // play. Likewise while below target: the packet may just be late.
        const bool underrun = packets_.empty() || packets_.rbegin()->first < due;
        if ((underrun && currentDelayMs_ < config_.maxDelayMs) || belowTarget)
            return concealTick(due);
        const auto after = packets_.upper_bound(due);
        // The next packet in sequence but later in time: the sender paused (DTX), nothing was lost.
        if (after != packets_.end() && lastPlayedSequence_
            && after->second.sequenceNumber == static_cast<std::uint16_t>(*lastPlayedSequence_ + 1)) {
            *nextTimestamp_ += kTimestampsPerPacket;
            counters_.dtxMs += kPacketMs;
            PlayoutDecision d;
            d.kind = PlayoutDecision::Kind::Conceal;
            d.rtpTimestamp = static_cast<std::uint32_t>(due);
            return d;
        }
        lossRate_ = (1 - kLossAverageWeight) * lossRate_ + kLossAverageWeight;
        *nextTimestamp_ += kTimestampsPerPacket;
        if (lastPlayedSequence_)
            ++*lastPlayedSequence_; // the lost packet's number, so DTX is still told from loss
        if (after != packets_.end() && after->first == due + kTimestampsPerPacket) {
            PlayoutDecision d;
            d.kind = PlayoutDecision::Kind::Fec;
            d.payload = after->second.payload;
            d.rtpTimestamp = static_cast<std::uint32_t>(due);
            counters_.fecMs += kPacketMs;
            gapMs_ = 0;
            return d;
        }
        return concealTick(due);
    }

    // Lip sync asked for more delay than the link needs: no late packet
    // will build it, so stretch: a tick of concealment without moving on,
    // paced like shrinking so it is never a run of gaps.
    if (extraDelayMs_ > 0 && currentDelayMs_ + kPacketMs <= target
        && (!lastShrinkMs_ || nowMs - *lastShrinkMs_ >= config_.minShrinkIntervalMs)) {
        lastShrinkMs_ = nowMs;
        counters_.stretchedMs += kPacketMs;
        return concealTick(due);
    }
    lossRate_ = (1 - kLossAverageWeight) * lossRate_;
    // Shrink: drop the due packet (the next one is there and plays instead)
    // while the buffer is well above target. The further above, the sooner
    // the next drop: one per shrinkIntervalMs at two packets over, scaled
    // down in proportion to the excess.
    // Less than two packets over still drains, one packet once it has lasted
    // two intervals (a buffer that started deeper than the link needs would
    // otherwise keep that delay for the whole call); the packet dropped
    // leaves it above target.
    const std::int64_t excessMs = currentDelayMs_ - target;
    const bool farAbove = excessMs >= 2 * kPacketMs;
    if (farAbove || excessMs >= kPacketMs + kPacketMs / 2) {
        if (!aboveTargetSinceMs_)
            aboveTargetSinceMs_ = nowMs;
        const std::int64_t intervalMs =
            farAbove ? std::max(config_.minShrinkIntervalMs, config_.shrinkIntervalMs * 2 * kPacketMs / excessMs)
                     : 2 * config_.shrinkIntervalMs;
        const bool intervalPassed = (!lastShrinkMs_ || nowMs - *lastShrinkMs_ >= intervalMs)
                                    && (farAbove || nowMs - *aboveTargetSinceMs_ >= intervalMs);
        // A loud packet waits for a quiet one, unless the excess has been there for long.
        const bool mayDropLoud = nowMs - *aboveTargetSinceMs_ >= config_.shrinkIntervalMs;
        const auto following = std::next(it);
        if (intervalPassed && (mayDropLoud || quietEnoughToDrop(it->second.payload.size()))
            && following != packets_.end() && following->first == due + kTimestampsPerPacket) {
            lastShrinkMs_ = nowMs;
            aboveTargetSinceMs_ = nowMs;
            ++counters_.packetsDiscarded;
            packets_.erase(it);
            it = following;
            *nextTimestamp_ += kTimestampsPerPacket;
        }
    } else {
        aboveTargetSinceMs_.reset();
    }
    recentSizes_.push_back(it->second.payload.size());
    if (recentSizes_.size() > 50)
        recentSizes_.pop_front();
    PlayoutDecision d;
    d.kind = PlayoutDecision::Kind::Decode;
    d.rtpTimestamp = static_cast<std::uint32_t>(it->first);
    d.payload = std::move(it->second.payload);
    lastPlayedSequence_ = it->second.sequenceNumber;
    packets_.erase(it);
    *nextTimestamp_ += kTimestampsPerPacket;
    counters_.decodedMs += kPacketMs;
    gapMs_ = 0;
    return d;
}

} // namespace spoke::rtc
