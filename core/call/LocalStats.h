#pragma once

#include <QJsonObject>
#include <QString>

#include <cstdint>
#include <optional>
#include <utility>
#include <vector>

namespace spoke::call {

// What our send side did: rates, layers, feedback answered. Plain values:
// the Publisher fills one under its lock and hands out copies.
struct LocalStats {
    std::vector<std::pair<std::int64_t, std::int64_t>>
        sendBitrateBps; // (call ms, bps) SRTP datagrams handed to the transport
    std::vector<int> activeLayers;
    std::uint64_t nacksReceived = 0;
    std::uint64_t packetsRetransmitted = 0;
    std::uint64_t keyframesForced = 0;
    std::uint64_t videoFramesSent = 0;
    std::uint64_t audioPacketsSent = 0;
    std::int64_t targetBitrateBps = 0;
    std::uint64_t framesDroppedBeforeSend = 0; // capture queue and rate control: never stamped on the wire
    // The send-side estimate (GCC over transport-cc feedback and RR loss,
    // capped by REMB) and what it bought, sampled once a second.
    std::vector<std::pair<std::int64_t, std::int64_t>> estimateBps; // (call ms, bps)
    std::vector<std::pair<std::int64_t, std::vector<int>>> activeLayersOverTime; // (call ms, layers), on change
    std::vector<int> layerBitrateBps; // the encoder's current plan, lowest layer first (0 = paused)
    std::int64_t audioBitrateBps = 0;
    std::int64_t rembBps = 0; // the last cap Janus sent (0 = none yet)
    std::uint64_t transportFeedbacks = 0;
    bool videoPaused = false; // the estimate cannot carry even the lowest layer
};

// The JSON of the send side ("local") in the spoke-cli join stats file.
// With a recorder, its per-sample series of the send side go back where the
// file has always had them (send_bitrate_bps, estimate_bps, …).
class MemoryStatsRecorder;
QJsonObject toJson(const LocalStats& stats, const MemoryStatsRecorder* recorder = nullptr);

} // namespace spoke::call
