#pragma once

#include "call/RemoteStats.h"
#include "call/StatsDistribution.h"
#include "call/StatsRecorder.h"

#include <cstdint>
#include <deque>
#include <memory>
#include <optional>

namespace spoke::call::receive {

// One feed's receive figures while the call runs: the stages write their
// counters into video() and audio() and report the per-frame, per-picture
// and per-tick events here; what would grow with the call (latencies, skew)
// goes into fixed-size MsDistributions, and per-second or per-event series
// go to the optional StatsRecorder. snapshot() is a small plain copy, which
// the feed publishes a few times a second: a reader never touches the live
// figures, so the media thread takes no lock per packet.
//
// Clock-free: every event carries its time. Threading: owned by the feed's
// queue (its tasks only); after that queue has stopped, its owner may take a
// last snapshot from any one thread.
class ReceiveStatsCollector {
public:
    static constexpr std::size_t kRecentLatencies = 30; // about a second of stamped frames
    // Skew figures count once both delays have had time to settle.
    static constexpr std::int64_t kSkewSettleMs = 5000;
    static constexpr std::int64_t kPlayoutDelaySampleMs = 1000;

    ReceiveStatsCollector(quint64 feedId, std::int64_t callStartMs, std::shared_ptr<StatsRecorder> recorder);

    RemoteVideoStats& video() { return stats_.video; }
    RemoteAudioStats& audio() { return stats_.audio; }
    RemoteStats& stats() { return stats_; }

    // A decoded picture at `nowMs`: first/last frame, freezes, stalls.
    void onFrameDecoded(std::int64_t nowMs);
    void onAudioPacket(std::int64_t nowMs); // a new (not late, not duplicate) audio packet
    void onGlassToGlassMs(double latencyMs);
    // A picture left the render queue; `captureMs` when its stamp told it.
    void onPictureRendered(std::int64_t nowMs, std::optional<std::int64_t> captureMs);
    void onAudioPlayLatencyMs(double latencyMs);
    // One 20 ms playout tick with the jitter buffer's current delay.
    void onPlayoutTick(std::int64_t tickMs, std::int64_t delayMs);

    RemoteStats snapshot() const;

    // Bounded state, for tests: samples held for the recent figure.
    std::size_t recentLatencyCount() const { return recentLatencyMs_.size(); }

private:
    std::int64_t callMs(std::int64_t steadyMs) const { return steadyMs - callStartMs_; }

    quint64 feedId_;
    std::int64_t callStartMs_;
    std::shared_ptr<StatsRecorder> recorder_;
    RemoteStats stats_;
    MsDistribution latencyMs_;
    MsDistribution renderLatencyMs_;
    MsDistribution playLatencyMs_;
    MsDistribution skewMs_;
    std::deque<double> recentLatencyMs_;
    std::optional<double> lastPlayLatencyMs_;
    std::int64_t lastDecodedMs_ = -1;
    std::int64_t firstRenderMs_ = -1;
    std::int64_t lastDelaySampleMs_ = -1;
    double meanIntervalMs_ = 1000.0 / 30;
};

} // namespace spoke::call::receive
