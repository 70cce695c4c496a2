#include "call/RemoteStats.h"

#include "call/StatsRecorder.h"

#include <QJsonArray>

namespace spoke::call {

namespace {

QJsonObject summaryJson(const MsSummary& s)
{
    return QJsonObject{{QStringLiteral("p50"), s.p50},
                       {QStringLiteral("p95"), s.p95},
                       {QStringLiteral("count"), static_cast<qint64>(s.count)}};
}

// A recorded series as the file has always had it: [call ms, values...]
// per point, or only the first value (`valuesOnly`).
QJsonArray seriesJson(const MemoryStatsRecorder* recorder, const char* series, quint64 feedId, bool valuesOnly = false)
{
    if (!recorder)
        return {};
    if (!valuesOnly)
        return recorder->toJson(series, feedId);
    QJsonArray values;
    for (const auto& point : recorder->points(series, feedId)) {
        if (point.size() > 1)
            values.append(static_cast<qint64>(point[1]));
    }
    return values;
}

QJsonObject videoJson(const RemoteVideoStats& v, const QJsonArray& downlink, const QJsonArray& stalls)
{
    const double stampLoss =
        v.stampsExpected == 0 ? 1.0 : 1.0 - static_cast<double>(v.stampsRead) / static_cast<double>(v.stampsExpected);
    return QJsonObject{
        {QStringLiteral("packets"), static_cast<qint64>(v.packets)},
        {QStringLiteral("lost"), static_cast<qint64>(v.lost)},
        {QStringLiteral("nacked"), static_cast<qint64>(v.nacked)},
        {QStringLiteral("retransmitted"), static_cast<qint64>(v.retransmitted)},
        {QStringLiteral("frames_decoded"), static_cast<qint64>(v.framesDecoded)},
        {QStringLiteral("decode_errors"), static_cast<qint64>(v.decodeErrors)},
        {QStringLiteral("freezes"), static_cast<qint64>(v.freezes)},
        {QStringLiteral("keyframe_requests"), static_cast<qint64>(v.keyframeRequests)},
        {QStringLiteral("layer"), v.layer},
        {QStringLiteral("stamped_frames"), static_cast<qint64>(v.stampsRead)},
        {QStringLiteral("stamped_frames_expected"), static_cast<qint64>(v.stampsExpected)},
        {QStringLiteral("stamped_frame_loss"), stampLoss},
        {QStringLiteral("stamps_unreadable"), static_cast<qint64>(v.stampsUnreadable)},
        {QStringLiteral("text_read"), static_cast<qint64>(v.textRead)},
        {QStringLiteral("text_misread"), static_cast<qint64>(v.textMisread)},
        {QStringLiteral("latency_ms"), summaryJson(v.latencyMs)},
        {QStringLiteral("render_latency_ms"), summaryJson(v.renderLatencyMs)},
        {QStringLiteral("render_dropped"), static_cast<qint64>(v.renderDropped)},
        {QStringLiteral("queue_delay_ms"), v.queueDelayMs},
        {QStringLiteral("receive_buffer_ms"), v.receiveBufferMs},
        {QStringLiteral("stalls"), static_cast<qint64>(v.stalls)},
        {QStringLiteral("packets_dropped_queue"), static_cast<qint64>(v.packetsDroppedQueue)},
        {QStringLiteral("downlink"), downlink}, // [call ms, received bps, layer or -1 paused, freezes so far]
        {QStringLiteral("stalls_ms"), stalls}, // [call ms of the last frame before, of the first after]
        {QStringLiteral("first_frame_ms"), static_cast<qint64>(v.firstFrameMs)},
        {QStringLiteral("last_frame_ms"), static_cast<qint64>(v.lastFrameMs)},
        {QStringLiteral("rtt_ms"), static_cast<qint64>(v.rttMs)},
        {QStringLiteral("frames_dropped"), static_cast<qint64>(v.framesDropped)},
        {QStringLiteral("nacks_abandoned"), static_cast<qint64>(v.nacksAbandoned)},
        {QStringLiteral("rtcp_reports_sent"), static_cast<qint64>(v.rtcpReportsSent)},
    };
}

QJsonObject audioJson(const RemoteAudioStats& a, const QJsonArray& delayEachSecond)
{
    return QJsonObject{
        {QStringLiteral("packets"), static_cast<qint64>(a.packets)},
        {QStringLiteral("lost"), static_cast<qint64>(a.lost)},
        {QStringLiteral("concealed_ms"), static_cast<qint64>(a.concealedMs)},
        {QStringLiteral("longest_gap_ms"), static_cast<qint64>(a.longestGapMs)},
        {QStringLiteral("long_gaps_ms"), static_cast<qint64>(a.longGapsMs)},
        {QStringLiteral("span_ms"), static_cast<qint64>(a.spanMs)},
        {QStringLiteral("decode_errors"), static_cast<qint64>(a.decodeErrors)},
        {QStringLiteral("first_packet_ms"), static_cast<qint64>(a.firstPacketMs)},
        {QStringLiteral("last_packet_ms"), static_cast<qint64>(a.lastPacketMs)},
        {QStringLiteral("playout"),
         QJsonObject{{QStringLiteral("concealed_ms"), static_cast<qint64>(a.playoutConcealedMs)},
                     {QStringLiteral("fec_ms"), static_cast<qint64>(a.playoutFecMs)},
                     {QStringLiteral("longest_gap_ms"), static_cast<qint64>(a.playoutLongestGapMs)},
                     {QStringLiteral("late_packets"), static_cast<qint64>(a.playoutLatePackets)},
                     {QStringLiteral("delay_ms"), static_cast<qint64>(a.playoutDelayMs)},
                     {QStringLiteral("target_delay_ms"), static_cast<qint64>(a.playoutTargetDelayMs)},
                     {QStringLiteral("delay_ms_each_second"), delayEachSecond}}},
        {QStringLiteral("play_latency_ms"), summaryJson(a.playLatencyMs)},
    };
}

} // namespace

QJsonObject toJson(const RemoteStats& stats, const MemoryStatsRecorder* recorder)
{
    const quint64 id = stats.feedId;
    QJsonObject entry{
        {QStringLiteral("display"), stats.display},
        {QStringLiteral("feed"), QString::number(stats.feedId)},
        {QStringLiteral("subscribed_at_ms"), static_cast<qint64>(stats.subscribedAtMs)},
        {QStringLiteral("video_paused"), stats.videoPaused},
        {QStringLiteral("screen_share"), stats.screenShare},
        {QStringLiteral("video"), videoJson(stats.video, seriesJson(recorder, kDownlinkSeries, id),
                                            seriesJson(recorder, kVideoStallsSeries, id))},
        {QStringLiteral("audio"), audioJson(stats.audio, seriesJson(recorder, kAudioPlayoutDelaySeries, id, true))},
    };
    entry.insert(QStringLiteral("transport_started_at_ms"), static_cast<qint64>(stats.transportStartedAtMs));
    if (stats.avOffsetMs || stats.avSkewMs.count > 0) {
        QJsonObject sync{{QStringLiteral("applied"), stats.avSyncApplied},
                         {QStringLiteral("video_delay_ms"), static_cast<qint64>(stats.videoSyncDelayMs)},
                         {QStringLiteral("audio_delay_ms"), static_cast<qint64>(stats.audioSyncDelayMs)},
                         {QStringLiteral("skew_ms"),
                          QJsonObject{{QStringLiteral("p05"), stats.avSkewMs.p05},
                                      {QStringLiteral("p50"), stats.avSkewMs.p50},
                                      {QStringLiteral("p95"), stats.avSkewMs.p95},
                                      {QStringLiteral("count"), static_cast<qint64>(stats.avSkewMs.count)}}}};
        if (stats.avOffsetMs)
            sync.insert(QStringLiteral("offset_ms"), *stats.avOffsetMs);
        entry.insert(QStringLiteral("av_sync"), sync);
    }
    if (stats.goneAtMs >= 0) {
        entry.insert(QStringLiteral("gone_at_ms"), static_cast<qint64>(stats.goneAtMs));
        entry.insert(QStringLiteral("gone_reason"), stats.goneReason);
    }
    return entry;
}

} // namespace spoke::call
