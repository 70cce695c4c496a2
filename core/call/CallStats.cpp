#include "call/CallStats.h"

#include <QJsonArray>

#include <algorithm>
#include <cmath>

namespace spoke::call {

double percentile(std::vector<double> values, double fraction)
{
    if (values.empty())
        return 0.0;
    std::sort(values.begin(), values.end());
    const auto rank = static_cast<std::size_t>(std::ceil(fraction * static_cast<double>(values.size())));
    return values[std::clamp<std::size_t>(rank, 1, values.size()) - 1];
}

namespace {

QJsonObject videoJson(const RemoteVideoStats& v)
{
    QJsonArray downlink;
    for (const auto& point : v.downlink)
        downlink.append(QJsonArray{static_cast<qint64>(point.atMs), static_cast<qint64>(point.receivedBps), point.layer,
                                   static_cast<qint64>(point.freezes)});
    QJsonArray stalls;
    for (const auto& [fromMs, toMs] : v.stallsMs)
        stalls.append(QJsonArray{static_cast<qint64>(fromMs), static_cast<qint64>(toMs)});
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
        {QStringLiteral("latency_ms"), QJsonObject{{QStringLiteral("p50"), percentile(v.latencyMs, 0.50)},
                                                   {QStringLiteral("p95"), percentile(v.latencyMs, 0.95)},
                                                   {QStringLiteral("count"), static_cast<qint64>(v.latencyMs.size())}}},
        {QStringLiteral("render_latency_ms"),
         QJsonObject{{QStringLiteral("p50"), percentile(v.renderLatencyMs, 0.50)},
                     {QStringLiteral("p95"), percentile(v.renderLatencyMs, 0.95)},
                     {QStringLiteral("count"), static_cast<qint64>(v.renderLatencyMs.size())}}},
        {QStringLiteral("render_dropped"), static_cast<qint64>(v.renderDropped)},
        {QStringLiteral("downlink"), downlink}, // [call ms, received bps, layer, freezes so far]
        {QStringLiteral("stalls_ms"), stalls}, // [call ms of the last frame before, of the first after]
        {QStringLiteral("first_frame_ms"), static_cast<qint64>(v.firstFrameMs)},
        {QStringLiteral("last_frame_ms"), static_cast<qint64>(v.lastFrameMs)},
        {QStringLiteral("rtt_ms"), static_cast<qint64>(v.rttMs)},
        {QStringLiteral("frames_dropped"), static_cast<qint64>(v.framesDropped)},
        {QStringLiteral("nacks_abandoned"), static_cast<qint64>(v.nacksAbandoned)},
        {QStringLiteral("rtcp_reports_sent"), static_cast<qint64>(v.rtcpReportsSent)},
    };
}

QJsonObject audioJson(const RemoteAudioStats& a)
{
    QJsonArray delayEachSecond;
    for (const auto ms : a.playoutDelayEachSecondMs)
        delayEachSecond.append(static_cast<qint64>(ms));
    return QJsonObject{
        {QStringLiteral("packets"), static_cast<qint64>(a.packets)},
        {QStringLiteral("lost"), static_cast<qint64>(a.lost)},
        {QStringLiteral("concealed_ms"), static_cast<qint64>(a.concealedMs)},
        {QStringLiteral("longest_gap_ms"), static_cast<qint64>(a.longestGapMs)},
        {QStringLiteral("long_gaps_ms"), static_cast<qint64>(a.longGapsMs)},
        {QStringLiteral("span_ms"), static_cast<qint64>(a.spanMs)},
        {QStringLiteral("decode_errors"), static_cast<qint64>(a.decodeErrors)},
        {QStringLiteral("playout"),
         QJsonObject{{QStringLiteral("concealed_ms"), static_cast<qint64>(a.playoutConcealedMs)},
                     {QStringLiteral("fec_ms"), static_cast<qint64>(a.playoutFecMs)},
                     {QStringLiteral("longest_gap_ms"), static_cast<qint64>(a.playoutLongestGapMs)},
                     {QStringLiteral("late_packets"), static_cast<qint64>(a.playoutLatePackets)},
                     {QStringLiteral("delay_ms"), static_cast<qint64>(a.playoutDelayMs)},
                     {QStringLiteral("target_delay_ms"), static_cast<qint64>(a.playoutTargetDelayMs)},
                     {QStringLiteral("delay_ms_each_second"), delayEachSecond}}},
        {QStringLiteral("play_latency_ms"),
         QJsonObject{{QStringLiteral("p50"), percentile(a.playLatencyMs, 0.50)},
                     {QStringLiteral("p95"), percentile(a.playLatencyMs, 0.95)},
                     {QStringLiteral("count"), static_cast<qint64>(a.playLatencyMs.size())}}},
    };
}

} // namespace

QJsonObject toJson(const CallStats& stats)
{
    QJsonArray bitrate;
    for (const auto& [ms, bps] : stats.local.sendBitrateBps)
        bitrate.append(QJsonArray{static_cast<qint64>(ms), static_cast<qint64>(bps)});
    QJsonArray layers;
    for (const int layer : stats.local.activeLayers)
        layers.append(layer);
    QJsonArray estimate;
    for (const auto& [ms, bps] : stats.local.estimateBps)
        estimate.append(QJsonArray{static_cast<qint64>(ms), static_cast<qint64>(bps)});
    QJsonArray layersOverTime;
    for (const auto& [ms, active] : stats.local.activeLayersOverTime) {
        QJsonArray list;
        for (const int layer : active)
            list.append(layer);
        layersOverTime.append(QJsonArray{static_cast<qint64>(ms), list});
    }
    QJsonArray layerBitrates;
    for (const int bps : stats.local.layerBitrateBps)
        layerBitrates.append(bps);
    const QJsonObject local{
        {QStringLiteral("send_bitrate_bps"), bitrate},
        {QStringLiteral("estimate_bps"), estimate},
        {QStringLiteral("active_layers_over_time"), layersOverTime},
        {QStringLiteral("layer_bitrate_bps"), layerBitrates},
        {QStringLiteral("audio_bitrate_bps"), static_cast<qint64>(stats.local.audioBitrateBps)},
        {QStringLiteral("remb_bps"), static_cast<qint64>(stats.local.rembBps)},
        {QStringLiteral("transport_feedbacks"), static_cast<qint64>(stats.local.transportFeedbacks)},
        {QStringLiteral("video_paused"), stats.local.videoPaused},
        {QStringLiteral("active_layers"), layers},
        {QStringLiteral("target_bitrate_bps"), static_cast<qint64>(stats.local.targetBitrateBps)},
        {QStringLiteral("video_frames_sent"), static_cast<qint64>(stats.local.videoFramesSent)},
        {QStringLiteral("audio_packets_sent"), static_cast<qint64>(stats.local.audioPacketsSent)},
        {QStringLiteral("nacks_received"), static_cast<qint64>(stats.local.nacksReceived)},
        {QStringLiteral("packets_retransmitted"), static_cast<qint64>(stats.local.packetsRetransmitted)},
        {QStringLiteral("keyframes_forced"), static_cast<qint64>(stats.local.keyframesForced)},
        {QStringLiteral("frames_dropped_before_send"), static_cast<qint64>(stats.local.framesDroppedBeforeSend)},
    };
    QJsonArray remote;
    for (const auto& r : stats.remote) {
        QJsonObject entry{
            {QStringLiteral("display"), r.display},
            {QStringLiteral("feed"), QString::number(r.feedId)},
            {QStringLiteral("subscribed_at_ms"), static_cast<qint64>(r.subscribedAtMs)},
            {QStringLiteral("video"), videoJson(r.video)},
            {QStringLiteral("audio"), audioJson(r.audio)},
        };
        entry.insert(QStringLiteral("transport_started_at_ms"), static_cast<qint64>(r.transportStartedAtMs));
        if (r.avOffsetMs || !r.avSkewMs.empty()) {
            QJsonObject sync{{QStringLiteral("applied"), r.avSyncApplied},
                             {QStringLiteral("video_delay_ms"), static_cast<qint64>(r.videoSyncDelayMs)},
                             {QStringLiteral("audio_delay_ms"), static_cast<qint64>(r.audioSyncDelayMs)},
                             {QStringLiteral("skew_ms"),
                              QJsonObject{{QStringLiteral("p05"), percentile(r.avSkewMs, 0.05)},
                                          {QStringLiteral("p50"), percentile(r.avSkewMs, 0.50)},
                                          {QStringLiteral("p95"), percentile(r.avSkewMs, 0.95)},
                                          {QStringLiteral("count"), static_cast<qint64>(r.avSkewMs.size())}}}};
            if (r.avOffsetMs)
                sync.insert(QStringLiteral("offset_ms"), *r.avOffsetMs);
            entry.insert(QStringLiteral("av_sync"), sync);
        }
        if (r.goneAtMs >= 0) {
            entry.insert(QStringLiteral("gone_at_ms"), static_cast<qint64>(r.goneAtMs));
            entry.insert(QStringLiteral("gone_reason"), r.goneReason);
        }
        remote.append(entry);
    }
    QJsonArray events;
    for (const auto& e : stats.events)
        events.append(e);
    QJsonObject json{{QStringLiteral("started_steady_ms"), static_cast<qint64>(stats.startedSteadyMs)},
                     {QStringLiteral("local"), local},
                     {QStringLiteral("remote"), remote},
                     {QStringLiteral("events"), events}};
    if (const auto& p = stats.playout) {
        json.insert(QStringLiteral("playout"),
                    QJsonObject{{QStringLiteral("device"), p->device},
                                {QStringLiteral("frames_played"), static_cast<qint64>(p->framesPlayed)},
                                {QStringLiteral("underrun_frames"), static_cast<qint64>(p->underrunFrames)},
                                {QStringLiteral("dropped_ms"), static_cast<qint64>(p->droppedMs)},
                                {QStringLiteral("clipped_samples"), static_cast<qint64>(p->clippedSamples)},
                                {QStringLiteral("queued_ms"), p->queuedMs},
                                {QStringLiteral("device_latency_ms"), p->deviceLatencyMs},
                                {QStringLiteral("error"), p->error}});
    }
    return json;
}

} // namespace spoke::call
