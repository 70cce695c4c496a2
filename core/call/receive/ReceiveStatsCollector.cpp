#include "call/receive/ReceiveStatsCollector.h"

#include <algorithm>
#include <vector>

namespace spoke::call::receive {

ReceiveStatsCollector::ReceiveStatsCollector(quint64 feedId, std::int64_t callStartMs,
                                             std::shared_ptr<StatsRecorder> recorder)
    : feedId_(feedId)
    , callStartMs_(callStartMs)
    , recorder_(std::move(recorder))
{
    stats_.feedId = feedId;
}

void ReceiveStatsCollector::onFrameDecoded(std::int64_t nowMs)
{
    auto& v = stats_.video;
    ++v.framesDecoded;
    if (v.firstFrameMs < 0)
        v.firstFrameMs = callMs(nowMs);
    v.lastFrameMs = callMs(nowMs);
    if (lastDecodedMs_ >= 0) {
        if (nowMs - lastDecodedMs_ > RemoteVideoStats::kStallMs) {
            ++v.stalls;
            if (recorder_)
                recorder_->record(kVideoStallsSeries, feedId_, callMs(lastDecodedMs_), {callMs(nowMs)});
        }
        // W3C webrtc-stats' freeze: an interval above max(3 x mean, mean + 150 ms).
        const auto interval = static_cast<double>(nowMs - lastDecodedMs_);
        if (interval > std::max(3 * meanIntervalMs_, meanIntervalMs_ + 150))
            ++v.freezes;
        meanIntervalMs_ = 0.95 * meanIntervalMs_ + 0.05 * interval;
    }
    lastDecodedMs_ = nowMs;
}

void ReceiveStatsCollector::onAudioPacket(std::int64_t nowMs)
{
    auto& a = stats_.audio;
    if (a.firstPacketMs < 0)
        a.firstPacketMs = callMs(nowMs);
    a.lastPacketMs = callMs(nowMs);
}

void ReceiveStatsCollector::onGlassToGlassMs(double latencyMs)
{
    latencyMs_.add(latencyMs);
    recentLatencyMs_.push_back(latencyMs);
    while (recentLatencyMs_.size() > kRecentLatencies)
        recentLatencyMs_.pop_front();
}

void ReceiveStatsCollector::onPictureRendered(std::int64_t nowMs, std::optional<std::int64_t> captureMs)
{
    if (firstRenderMs_ < 0)
        firstRenderMs_ = nowMs;
    if (!captureMs)
        return;
    const auto renderLatencyMs = static_cast<double>(nowMs - *captureMs);
    renderLatencyMs_.add(renderLatencyMs);
    if (lastPlayLatencyMs_ && nowMs - firstRenderMs_ >= kSkewSettleMs)
        skewMs_.add(*lastPlayLatencyMs_ - renderLatencyMs);
}

void ReceiveStatsCollector::onAudioPlayLatencyMs(double latencyMs)
{
    playLatencyMs_.add(latencyMs);
    lastPlayLatencyMs_ = latencyMs;
}

void ReceiveStatsCollector::onPlayoutTick(std::int64_t tickMs, std::int64_t delayMs)
{
    stats_.audio.playoutDelayMs = delayMs;
    if (lastDelaySampleMs_ < 0)
        lastDelaySampleMs_ = tickMs;
    if (tickMs - lastDelaySampleMs_ < kPlayoutDelaySampleMs)
        return;
    lastDelaySampleMs_ = tickMs;
    if (recorder_)
        recorder_->record(kAudioPlayoutDelaySeries, feedId_, callMs(tickMs), {delayMs});
}

RemoteStats ReceiveStatsCollector::snapshot() const
{
    RemoteStats out = stats_;
    out.video.latencyMs = latencyMs_.summary();
    out.video.renderLatencyMs = renderLatencyMs_.summary();
    out.audio.playLatencyMs = playLatencyMs_.summary();
    out.avSkewMs = skewMs_.summary();
    if (!recentLatencyMs_.empty())
        out.video.recentLatencyMs =
            percentile(std::vector<double>(recentLatencyMs_.begin(), recentLatencyMs_.end()), 0.5);
    return out;
}

} // namespace spoke::call::receive
