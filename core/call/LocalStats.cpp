#include "call/LocalStats.h"

#include <QJsonArray>

namespace spoke::call {

QJsonObject toJson(const LocalStats& stats, const MemoryStatsRecorder* /*recorder*/)
{
    QJsonArray bitrate;
    for (const auto& [ms, bps] : stats.sendBitrateBps)
        bitrate.append(QJsonArray{static_cast<qint64>(ms), static_cast<qint64>(bps)});
    QJsonArray layers;
    for (const int layer : stats.activeLayers)
        layers.append(layer);
    QJsonArray estimate;
    for (const auto& [ms, bps] : stats.estimateBps)
        estimate.append(QJsonArray{static_cast<qint64>(ms), static_cast<qint64>(bps)});
    QJsonArray layersOverTime;
    for (const auto& [ms, active] : stats.activeLayersOverTime) {
        QJsonArray list;
        for (const int layer : active)
            list.append(layer);
        layersOverTime.append(QJsonArray{static_cast<qint64>(ms), list});
    }
    QJsonArray layerBitrates;
    for (const int bps : stats.layerBitrateBps)
        layerBitrates.append(bps);
    return QJsonObject{
        {QStringLiteral("send_bitrate_bps"), bitrate},
        {QStringLiteral("estimate_bps"), estimate},
        {QStringLiteral("active_layers_over_time"), layersOverTime},
        {QStringLiteral("layer_bitrate_bps"), layerBitrates},
        {QStringLiteral("audio_bitrate_bps"), static_cast<qint64>(stats.audioBitrateBps)},
        {QStringLiteral("remb_bps"), static_cast<qint64>(stats.rembBps)},
        {QStringLiteral("transport_feedbacks"), static_cast<qint64>(stats.transportFeedbacks)},
        {QStringLiteral("video_paused"), stats.videoPaused},
        {QStringLiteral("active_layers"), layers},
        {QStringLiteral("target_bitrate_bps"), static_cast<qint64>(stats.targetBitrateBps)},
        {QStringLiteral("video_frames_sent"), static_cast<qint64>(stats.videoFramesSent)},
        {QStringLiteral("audio_packets_sent"), static_cast<qint64>(stats.audioPacketsSent)},
        {QStringLiteral("nacks_received"), static_cast<qint64>(stats.nacksReceived)},
        {QStringLiteral("packets_retransmitted"), static_cast<qint64>(stats.packetsRetransmitted)},
        {QStringLiteral("keyframes_forced"), static_cast<qint64>(stats.keyframesForced)},
        {QStringLiteral("frames_dropped_before_send"), static_cast<qint64>(stats.framesDroppedBeforeSend)},
    };
}

} // namespace spoke::call
