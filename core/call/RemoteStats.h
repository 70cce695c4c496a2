#pragma once

#include "call/StatsDistribution.h"

#include <QJsonObject>
#include <QString>

#include <cstdint>
#include <optional>
#include <utility>
#include <vector>

namespace spoke::call {

// What one remote participant's media looked like on arrival. Plain, small
// values of a fixed size however long the call: counters and summaries of
// bounded distributions (MsDistribution). The per-second and per-event
// series (downlink points, stalls, the jitter buffer's delay each second) go
// to a StatsRecorder when one is attached, and toJson() reads them back from it.
// A feed's receive::ReceiveStatsCollector fills one on the feed's queue and
// publishes a copy a few times a second.
struct RemoteVideoStats {
    std::uint64_t packets = 0;
    std::uint64_t lost = 0; // sequence numbers never seen (after NACK recovery)
    std::uint64_t nacked = 0; // sequence numbers we asked for (each retry counts)
    std::uint64_t retransmitted = 0; // arrived after being NACKed
    std::uint64_t framesDecoded = 0;
    std::uint64_t decodeErrors = 0;
    std::uint64_t freezes = 0; // W3C-style: a gap > max(3 x mean interval, mean + 150 ms)
    std::uint64_t keyframeRequests = 0;
    int layer = 0; // simulcast substream we receive (0 when the publisher sends one layer)
    std::uint64_t stampsRead = 0; // distinct stamped frame numbers decoded
    std::uint64_t stampsExpected = 0; // span of stamped frame numbers seen (last - first + 1)
    std::uint64_t stampsUnreadable = 0; // decoded pictures whose stamp could not be read
    // A screen share's decoded pictures whose stamped text (media::TextStamp)
    // read back exactly, and those where it did not.
    std::uint64_t textRead = 0;
    std::uint64_t textMisread = 0;
    MsSummary latencyMs; // glass-to-glass per stamped frame: capture to decoded
    // Median glass-to-glass of the latest stamped frames (at most
    // ReceiveStatsCollector::kRecentLatencies); none without stamps.
    std::optional<double> recentLatencyMs;
    // Capture to handed to the view, after the lip-sync wait (VideoRenderQueue).
    MsSummary renderLatencyMs;
    std::uint64_t renderDropped = 0; // decoded pictures the render queue dropped (overflow, long overdue)
    // Queueing on the path, from RTP timestamps against arrival times (no
    // stamp needed): each frame's arrival minus its RTP time, above the
    // smallest such figure of the last few seconds, smoothed
    // (receive::QueueDelayEstimator). 0 on a clean link.
    double queueDelayMs = 0;
    // What the receiver adds on top of the path: a frame's first packet to
    // the picture leaving the render queue (frame buffer, decode, lip-sync
    // wait), smoothed; -1 before the first picture.
    double receiveBufferMs = -1;
    // Gaps of more than kStallMs between decoded frames (each one also goes
    // to the recorder as "video_stalls": call ms of the last frame before and
    // of the first frame after).
    static constexpr std::int64_t kStallMs = 500;
    std::uint64_t stalls = 0;
    std::uint64_t packetsDroppedQueue = 0; // RTP/RTCP the feed's queue refused (it fell behind by 2048 packets)
    std::int64_t firstFrameMs = -1; // call ms of the first and last decoded frame
    std::int64_t lastFrameMs = -1;
    std::int64_t rttMs = -1; // estimated from NACK to retransmission (-1: none yet)
    std::uint64_t framesDropped = 0; // complete frames the frame buffer could not use (a reference missing)
    std::uint64_t nacksAbandoned = 0; // missing packets given up on (deadline or too many retries)
    std::uint64_t rtcpReportsSent = 0; // our RRs to Janus (each NACK/PLI rides behind one)
};

struct RemoteAudioStats {
    std::uint64_t packets = 0;
    std::uint64_t lost = 0;
    // From the wire (sequence numbers): 20 ms per missing packet beyond the
    // first of a run, which the next packet's FEC can rebuild.
    std::uint64_t concealedMs = 0;
    std::uint64_t longestGapMs = 0; // longest run of concealment
    std::uint64_t longGapsMs = 0; // time inside concealment runs longer than 60 ms (audible dropouts)
    std::uint64_t spanMs = 0; // 20 ms x the sequence numbers from the first packet to the last
    std::uint64_t decodeErrors = 0;
    // Call ms of the first and the last packet that was new (not late or a
    // duplicate): when the publisher was heard, and when last (a chair's
    // mute stops Janus relaying it, docs/hub-api.md "Media").
    std::int64_t firstPacketMs = -1;
    std::int64_t lastPacketMs = -1;
    // What a listener hears: playout through the adaptive jitter buffer
    // (rtc::AudioJitterBuffer, one 20 ms tick at a time), where lateness
    // and delay growth cost concealment too, and FEC rebuilds lost packets.
    std::uint64_t playoutConcealedMs = 0;
    std::uint64_t playoutFecMs = 0;
    std::uint64_t playoutLongestGapMs = 0;
    std::uint64_t playoutLatePackets = 0; // arrived after their tick had played
    std::int64_t playoutDelayMs = 0; // current, relative to the fastest recent packet
    std::int64_t playoutTargetDelayMs = 0;
    // Capture (the sender's RTP timestamp on its MediaClock) to leaving the
    // speaker (tick plus the playout's reported output latency), per decoded
    // packet. The jitter buffer's delay each second goes to the recorder
    // ("audio_playout_delay").
    MsSummary playLatencyMs;
};

struct RemoteStats {
    QString display;
    quint64 feedId = 0;
    bool screenShare = false; // a screen share (ScreenShare.h), not a camera
    std::int64_t subscribedAtMs = -1; // call-relative
    std::int64_t goneAtMs = -1; // when we noticed the participant vanished
    std::int64_t transportStartedAtMs = -1; // call-relative: the subscriber PeerConnection was made
    // A/V sync from Janus' SRs (rtc::AvSync): audio's end-to-end delay minus
    // video's (positive: video ahead), and the video delay that would match.
    std::optional<double> avOffsetMs;
    std::int64_t videoSyncDelayMs = 0;
    bool avSyncApplied = true; // false: measured only (RemoteFeedConfig::avSyncEnabled off)
    std::int64_t audioSyncDelayMs = 0; // extra audio jitter-buffer delay lip sync asked for (video slower)
    // Per rendered stamped picture, from 5 s after the first: the latest
    // played audio's capture-to-play minus this picture's capture-to-render
    // (positive: sound comes later than the picture it was captured with).
    MsSummary avSkewMs;
    QString goneReason;
    // Janus is asked not to relay this feed's video (the downlink cannot
    // carry it, or the user chose not to receive video); audio goes on.
    bool videoPaused = false;
    RemoteVideoStats video;
    RemoteAudioStats audio;
};

// The series names a feed records (StatsRecorder::record, keyed by feed id).
// [call ms, received bps, layer (-1 while the video is paused), freezes so far]
inline constexpr const char* kDownlinkSeries = "downlink";
inline constexpr const char* kVideoStallsSeries = "video_stalls"; // [call ms before, call ms after]
inline constexpr const char* kAudioPlayoutDelaySeries = "audio_playout_delay"; // [call ms, delay ms]

// The JSON of one remote participant in the spoke-cli join stats file.
// With a recorder, its per-sample series for this feed go back where the
// file has always had them (video.downlink, audio.playout.delay_ms_each_second, …).
class MemoryStatsRecorder;
QJsonObject toJson(const RemoteStats& stats, const MemoryStatsRecorder* recorder = nullptr);

} // namespace spoke::call
