#include "call/LocalStats.h"

#include "call/StatsRecorder.h"

#include <QJsonArray>

namespace spoke::call {

namespace {

QJsonArray intArray(const std::vector<int>& values)
{
    QJsonArray array;
    for (const int value : values)
        array.append(value);
    return array;
}

// The recorder keeps the layers as a bit mask; the file has always had them as a list.
QJsonArray layersOverTime(const MemoryStatsRecorder& recorder)
{
    QJsonArray out;
    for (const auto& point : recorder.points(kActiveLayersSeries, StatsRecorder::kLocal)) {
        if (point.size() < 2)
            continue;
        QJsonArray layers;
        for (int i = 0; i < 32; ++i)
            if (point[1] & (std::int64_t{1} << i))
                layers.append(i);
        out.append(QJsonArray{static_cast<qint64>(point[0]), layers});
    }
    return out;
}

QJsonObject toJson(const FramesNotSent& notSent)
{
    return QJsonObject{
        {QStringLiteral("camera_off"), static_cast<qint64>(notSent.cameraOff)},
        {QStringLiteral("capture_queue"), static_cast<qint64>(notSent.captureQueue)},
        {QStringLiteral("encoder"), static_cast<qint64>(notSent.encoder)},
        {QStringLiteral("output_queue"), static_cast<qint64>(notSent.outputQueue)},
        {QStringLiteral("paused"), static_cast<qint64>(notSent.paused)},
    };
}

} // namespace

QJsonObject toJson(const LocalStats& stats, const MemoryStatsRecorder* recorder)
{
    QJsonObject json{
        {QStringLiteral("send_bitrate_bps"),
         recorder ? recorder->toJson(kSendBitrateSeries, StatsRecorder::kLocal) : QJsonArray{}},
        {QStringLiteral("estimate_bps"),
         recorder ? recorder->toJson(kEstimateSeries, StatsRecorder::kLocal) : QJsonArray{}},
        {QStringLiteral("active_layers_over_time"), recorder ? layersOverTime(*recorder) : QJsonArray{}},
        {QStringLiteral("last_send_bitrate_bps"), static_cast<qint64>(stats.sendBitrateBps)},
        {QStringLiteral("last_estimate_bps"), static_cast<qint64>(stats.estimateBps)},
        {QStringLiteral("layer_bitrate_bps"), intArray(stats.layerBitrateBps)},
        {QStringLiteral("audio_bitrate_bps"), static_cast<qint64>(stats.audioBitrateBps)},
        {QStringLiteral("remb_bps"), static_cast<qint64>(stats.rembBps)},
        {QStringLiteral("rtt_ms"), static_cast<qint64>(stats.rttMs)},
        {QStringLiteral("transport_feedbacks"), static_cast<qint64>(stats.transportFeedbacks)},
        {QStringLiteral("rtcp_dropped"), static_cast<qint64>(stats.rtcpDropped)},
        {QStringLiteral("video_paused"), stats.videoPaused},
        {QStringLiteral("active_layers"), intArray(stats.activeLayers)},
        {QStringLiteral("target_bitrate_bps"), static_cast<qint64>(stats.targetBitrateBps)},
        {QStringLiteral("video_frames_sent"), static_cast<qint64>(stats.videoFramesSent)},
        {QStringLiteral("audio_packets_sent"), static_cast<qint64>(stats.audioPacketsSent)},
        {QStringLiteral("nacks_received"), static_cast<qint64>(stats.nacksReceived)},
        {QStringLiteral("packets_retransmitted"), static_cast<qint64>(stats.packetsRetransmitted)},
        {QStringLiteral("keyframes_forced"), static_cast<qint64>(stats.keyframesForced)},
        {QStringLiteral("frames_dropped_before_send"), static_cast<qint64>(stats.framesNotSent.total())},
        {QStringLiteral("frames_not_sent"), toJson(stats.framesNotSent)},
        {QStringLiteral("encode_usage"), stats.encodeUsage},
        {QStringLiteral("cpu_scale_steps"), stats.cpuScaleSteps},
        {QStringLiteral("cpu_adaptations"), static_cast<qint64>(stats.cpuAdaptations)},
    };
    return json;
}

} // namespace spoke::call
