#pragma once

#include "call/LocalStats.h"
#include "call/RemoteStats.h"
#include "call/StatsDistribution.h"
#include "call/StatsRecorder.h"

#include <QJsonObject>
#include <QString>

#include <cstdint>
#include <optional>
#include <vector>

namespace spoke::call {

// The others' sound on our speaker (call::AudioPlayout); absent when the
// call plays nothing (no speaker chosen, or it would not open).
struct PlayoutStats {
    QString device;
    std::uint64_t framesPlayed = 0; // 20 ms mixes written to the speaker
    std::uint64_t underrunFrames = 0; // per feed: a 20 ms share played as silence (its FIFO ran dry)
    std::uint64_t droppedMs = 0; // oldest audio dropped from a full FIFO (the feed ran fast)
    std::uint64_t clippedSamples = 0; // mixed samples held at full scale
    int queuedMs = 0; // the fullest feed FIFO
    int deviceLatencyMs = -1; // handed to the card minus played (-1: the backend cannot tell)
    QString error; // the device error that ended playout early; empty while it plays
};

// Our screen share (ScreenShare), the current one or the last that ended.
struct ScreenShareStats {
    QString device;
    std::int64_t startedAtMs = -1; // call ms
    std::int64_t stoppedAtMs = -1; // call ms; -1 while it runs
    LocalStats local; // frames, rates, NACKs, as the camera's
    std::uint64_t bytesSent = 0; // its PeerConnection's, on the wire (also in CallStats::bytesSent)
};

struct CallStats {
    std::int64_t startedSteadyMs = 0; // the call's zero on the machine's steady clock
    LocalStats local;
    std::optional<PlayoutStats> playout;
    std::vector<RemoteStats> remote;
    std::optional<ScreenShareStats> screenShare;
    std::vector<QString> events; // human-readable timeline ("12034 ms: bob left")
    // The data meter (call::DataMeter): every PeerConnection of the call,
    // DTLS and SRTP datagrams as they leave and arrive (UDP payloads; ICE's
    // own STUN checks stay inside libnice and are not counted), and the
    // rate over the last 5 s.
    std::uint64_t bytesSent = 0;
    std::uint64_t bytesReceived = 0;
    std::int64_t sendBps = 0;
    std::int64_t receiveBps = 0;
};

// The JSON the spoke-cli join command writes (--stats FILE), with the
// per-sample series of the recorder that run attached, if any.
QJsonObject toJson(const CallStats& stats, const MemoryStatsRecorder* recorder = nullptr);

} // namespace spoke::call
