#include "rtc/NackGenerator.h"

#include <algorithm>

namespace spoke::rtc {

void NackGenerator::needKeyframe()
{
    if (config_.requestKeyframes)
        keyframeNeeded_ = true;
}

NackGenerator::Arrival NackGenerator::onPacket(std::uint16_t sequenceNumber, std::int64_t nowMs, bool keyframeStart)
{
    affinity_.assertOwner();
    const std::int64_t seq = unwrapper_.unwrap(sequenceNumber);
    Arrival arrival = Arrival::New;
    if (!newest_) {
        newest_ = seq;
    } else if (seq > *newest_) {
        const std::int64_t gap = seq - *newest_ - 1;
        if (static_cast<std::size_t>(gap) + missing_.size() > config_.maxMissing) {
            // Too much to repair packet by packet: start over from a keyframe.
            counters_.abandoned += static_cast<std::int64_t>(missing_.size()) + gap;
            missing_.clear();
            needKeyframe();
        } else {
            for (std::int64_t s = *newest_ + 1; s < seq; ++s)
                missing_.emplace(s, Missing{nowMs, std::nullopt, 0});
        }
        newest_ = seq;
    } else if (const auto it = missing_.find(seq); it != missing_.end()) {
        arrival = it->second.retries > 0 ? Arrival::Recovered : Arrival::Reordered;
        if (arrival == Arrival::Recovered)
            ++counters_.recovered;
        missing_.erase(it);
    } else {
        return Arrival::Duplicate; // or so old that we stopped caring
    }
    if (keyframeStart) {
        missing_.erase(missing_.begin(), missing_.lower_bound(seq));
        keyframeNeeded_ = false;
    }
    return arrival;
}

std::optional<std::int64_t> NackGenerator::nextDueMs() const
{
    affinity_.assertOwner();
    const std::int64_t rtt = rttMs_.value_or(config_.defaultRttMs);
    std::optional<std::int64_t> dueMs;
    for (const auto& [sequence, m] : missing_) {
        // The same conditions as nacksToSend: first NACK after the reorder
        // window, each retry (or the abandonment after the last) one round
        // trip after the previous NACK, and the deadline regardless.
        const std::int64_t nextMs = m.lastNackMs ? *m.lastNackMs + rtt : m.detectedMs + config_.reorderWindowMs;
        const std::int64_t atMs = std::min(nextMs, m.detectedMs + config_.deadlineMs);
        dueMs = dueMs ? std::min(*dueMs, atMs) : atMs;
    }
    return dueMs;
}

std::vector<std::uint16_t> NackGenerator::nacksToSend(std::int64_t nowMs)
{
    affinity_.assertOwner();
    const std::int64_t rtt = rttMs_.value_or(config_.defaultRttMs);
    std::vector<std::uint16_t> out;
    for (auto it = missing_.begin(); it != missing_.end();) {
        Missing& m = it->second;
        const bool lastAnswerDue = !m.lastNackMs || nowMs - *m.lastNackMs >= rtt;
        if (nowMs - m.detectedMs >= config_.deadlineMs || (m.retries >= config_.maxRetries && lastAnswerDue)) {
            ++counters_.abandoned;
            needKeyframe();
            it = missing_.erase(it);
            continue;
        }
        const bool due = m.retries == 0 ? nowMs - m.detectedMs >= config_.reorderWindowMs : lastAnswerDue;
        if (due && m.retries < config_.maxRetries) {
            out.push_back(static_cast<std::uint16_t>(it->first));
            m.lastNackMs = nowMs;
            ++m.retries;
            ++counters_.nacked;
        }
        ++it;
    }
    return out;
}

bool NackGenerator::takeKeyframeRequest(std::int64_t nowMs)
{
    affinity_.assertOwner();
    if (!keyframeNeeded_)
        return false;
    if (lastKeyframeRequestMs_ && nowMs - *lastKeyframeRequestMs_ < config_.minKeyframeRequestIntervalMs)
        return false;
    lastKeyframeRequestMs_ = nowMs;
    return true;
}

} // namespace spoke::rtc
