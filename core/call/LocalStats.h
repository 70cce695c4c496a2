#pragma once

#include <QJsonObject>
#include <QString>

#include <cstdint>
#include <optional>
#include <utility>
#include <vector>

namespace spoke::call {

// Pictures our sender never put on the wire, by cause, each counted once.
// A receiver's stamp count (stamped_frames_expected) cannot tell these from
// pictures the network lost; the sender's count can.
struct FramesNotSent {
    std::uint64_t cameraOff = 0; // dropped before the encoder (gaps in the source's numbers)
    std::uint64_t captureQueue = 0; // the encoder fell behind the camera (CPU)
    std::uint64_t encoder = 0; // rate control skipped the picture on every layer, or the encoder refused it
    std::uint64_t outputQueue = 0; // encoded but not taken by the send thread in time (per layer frame)
    std::uint64_t paused = 0; // video paused: the estimate could not carry even the lowest layer
    std::uint64_t total() const { return cameraOff + captureQueue + encoder + outputQueue + paused; }
};

// What our send side did: counters and current values only, so a 90-minute
// call's stats are as small as a one-minute call's. The per-second series
// (send rate, estimate, layers over time) go to the StatsRecorder when one
// is attached. The Publisher fills one under its lock and hands out copies.
struct LocalStats {
    // SRTP datagrams handed to the transport over the last second (-1
    // before the first second), and the estimate then.
    std::int64_t sendBitrateBps = -1;
    std::int64_t estimateBps = 0; // GCC over transport-cc feedback and RR loss, capped by REMB
    std::vector<int> activeLayers;
    std::uint64_t nacksReceived = 0;
    std::uint64_t packetsRetransmitted = 0;
    std::uint64_t keyframesForced = 0;
    std::uint64_t videoFramesSent = 0;
    std::uint64_t audioPacketsSent = 0;
    std::int64_t targetBitrateBps = 0;
    FramesNotSent framesNotSent;
    std::vector<int> layerBitrateBps; // the encoder's current plan, lowest layer first (0 = paused)
    std::int64_t audioBitrateBps = 0;
    std::int64_t rembBps = 0; // the last cap Janus sent (0 = none yet)
    std::int64_t rttMs = 0; // from the last RR's LSR/DLSR (0 = none yet)
    std::uint64_t transportFeedbacks = 0;
    std::uint64_t rtcpDropped = 0; // compound packets the send queue had no room for
    bool videoPaused = false; // the estimate cannot carry even the lowest layer
    // The encoder not keeping up on this machine (media::VideoSendStats):
    // share of the frame interval spent encoding, and how many size steps
    // below the source it encodes.
    double encodeUsage = 0;
    int cpuScaleSteps = 0;
    std::uint64_t cpuAdaptations = 0;
};

// The recorder's series names for the send side (feed StatsRecorder::kLocal).
inline constexpr const char* kSendBitrateSeries = "send_bitrate_bps"; // [ms, bps] each second
inline constexpr const char* kEstimateSeries = "estimate_bps"; // [ms, bps] each second
inline constexpr const char* kActiveLayersSeries = "active_layers"; // [ms, bit i = layer i runs], on change

// The JSON of the send side ("local") in the spoke-cli join stats file.
// With a recorder, its per-sample series of the send side go back where the
// file has always had them (send_bitrate_bps, estimate_bps,
// active_layers_over_time); without one those arrays are empty.
class MemoryStatsRecorder;
QJsonObject toJson(const LocalStats& stats, const MemoryStatsRecorder* recorder = nullptr);

} // namespace spoke::call
