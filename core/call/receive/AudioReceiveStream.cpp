#include "call/receive/AudioReceiveStream.h"

#include <algorithm>
#include <cmath>

namespace spoke::call::receive {

rtc::AudioJitterBuffer::Config AudioReceiveStream::jitterConfig(const Config& config)
{
    rtc::AudioJitterBuffer::Config jitter;
    jitter.minDelayMs = std::max(jitter.minDelayMs, config.minDelayMs);
    jitter.initialDelayMs = std::max(jitter.initialDelayMs, jitter.minDelayMs);
    return jitter;
}

AudioReceiveStream::AudioReceiveStream(Config config, ReceiveStatsCollector& stats)
    : stats_(stats)
    , jitterConfig_(jitterConfig(config))
    , jitter_(jitterConfig_)
{
}

// The buffer keys packets by timestamp in exact 20 ms steps; our publishers
// stamp capture time, a little off the grid, so snap to it (a real pause,
// e.g. DTX, still shows as a jump).
std::uint32_t AudioReceiveStream::snapToGrid(std::uint32_t timestamp)
{
    constexpr auto kStep = rtc::AudioJitterBuffer::kTimestampsPerPacket;
    if (!firstTimestamp_)
        firstTimestamp_ = timestamp;
    const auto offset = static_cast<std::int32_t>(timestamp - *firstTimestamp_);
    const auto steps = static_cast<std::int32_t>(std::lround(static_cast<double>(offset) / kStep));
    const std::uint32_t snapped = *firstTimestamp_ + static_cast<std::uint32_t>(steps) * kStep;
    sentTimestamps_[snapped] = timestamp;
    while (sentTimestamps_.size() > jitterConfig_.maxPackets)
        sentTimestamps_.erase(sentTimestamps_.begin());
    return snapped;
}

void AudioReceiveStream::onRtp(const rtc::RtpPacket& packet, std::int64_t nowMs)
{
    ssrc_ = packet.ssrc;
    jitter_.insert(packet.sequenceNumber, snapToGrid(packet.timestamp), packet.payload, nowMs);
    if (!nextTickMs_)
        nextTickMs_ = nowMs;
    countWire(unwrapper_.unwrap(packet.sequenceNumber), nowMs);
}

// What is heard is the jitter buffer's call (the ticks); these figures are
// the wire's: what was missing.
void AudioReceiveStream::countWire(std::int64_t sequence, std::int64_t nowMs)
{
    if (!firstSequence_)
        firstSequence_ = sequence;
    if (highestSequence_ && sequence <= *highestSequence_)
        return; // late or duplicate: its slot was already concealed
    std::uint64_t concealedFrames = 0;
    // Missing packets: the first can be rebuilt from this one's FEC, the rest need concealment.
    if (highestSequence_ && sequence > *highestSequence_ + 1)
        concealedFrames = static_cast<std::uint64_t>(sequence - *highestSequence_ - 2);
    highestSequence_ = sequence;
    stats_.onAudioPacket(nowMs);
    auto& a = stats_.audio();
    ++a.packets;
    const auto span = static_cast<std::uint64_t>(*highestSequence_ - *firstSequence_ + 1);
    a.lost = span - a.packets;
    const std::uint64_t gapMs = concealedFrames * kFrameMs;
    a.concealedMs += gapMs;
    a.longestGapMs = std::max(a.longestGapMs, gapMs);
    if (gapMs > 60)
        a.longGapsMs += gapMs;
    a.spanMs = span * kFrameMs;
}

std::vector<AudioReceiveStream::Tick> AudioReceiveStream::tick(std::int64_t nowMs)
{
    std::vector<Tick> out;
    while (nextTickMs_ && *nextTickMs_ <= nowMs) {
        const std::int64_t tickMs = *nextTickMs_;
        *nextTickMs_ += kFrameMs;
        if (nowMs - *nextTickMs_ > kMaxPlayoutLagMs)
            nextTickMs_ = nowMs;
        out.push_back(play(jitter_.pull(tickMs), tickMs));
    }
    return out;
}

AudioReceiveStream::Tick AudioReceiveStream::play(const rtc::PlayoutDecision& decision, std::int64_t tickMs)
{
    using Kind = rtc::PlayoutDecision::Kind;
    Tick tick{tickMs, decision.kind, {}, decision.rtpTimestamp, 0};
    if (decision.kind == Kind::Decode) {
        tick.pcm = opus_.decode(decision.payload);
        const auto sent = sentTimestamps_.find(decision.rtpTimestamp);
        tick.sentTimestamp = sent != sentTimestamps_.end() ? sent->second : decision.rtpTimestamp;
    } else if (decision.kind == Kind::Fec) {
        tick.pcm = opus_.recoverFromNext(decision.payload);
    } else if (decision.kind == Kind::Conceal) {
        tick.pcm = opus_.conceal();
    }
    if (decision.kind == Kind::Silence)
        return tick; // still filling the initial delay
    const auto& c = jitter_.counters();
    auto& a = stats_.audio();
    a.playoutConcealedMs = static_cast<std::uint64_t>(c.concealedMs);
    a.playoutFecMs = static_cast<std::uint64_t>(c.fecMs);
    a.playoutLongestGapMs = static_cast<std::uint64_t>(c.longestGapMs);
    a.playoutLatePackets = static_cast<std::uint64_t>(c.packetsLate);
    a.playoutTargetDelayMs = jitter_.targetDelayMs();
    a.decodeErrors = opus_.errorCount();
    stats_.onPlayoutTick(tickMs, jitter_.currentDelayMs());
    return tick;
}

} // namespace spoke::call::receive
