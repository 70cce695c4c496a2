#include "call/CallStats.h"

#include <QJsonArray>

namespace spoke::call {

QJsonObject toJson(const CallStats& stats, const MemoryStatsRecorder* recorder)
{
    QJsonArray remote;
    for (const auto& r : stats.remote)
        remote.append(toJson(r, recorder));
    QJsonArray events;
    for (const auto& e : stats.events)
        events.append(e);
    QJsonObject json{{QStringLiteral("started_steady_ms"), static_cast<qint64>(stats.startedSteadyMs)},
                     {QStringLiteral("local"), toJson(stats.local, recorder)},
                     {QStringLiteral("remote"), remote},
                     {QStringLiteral("events"), events},
                     {QStringLiteral("bytes_sent"), static_cast<qint64>(stats.bytesSent)},
                     {QStringLiteral("bytes_received"), static_cast<qint64>(stats.bytesReceived)},
                     {QStringLiteral("send_bps_last_5s"), static_cast<qint64>(stats.sendBps)},
                     {QStringLiteral("receive_bps_last_5s"), static_cast<qint64>(stats.receiveBps)}};
    if (const auto& s = stats.screenShare) {
        QJsonObject share = toJson(s->local);
        share.insert(QStringLiteral("device"), s->device);
        share.insert(QStringLiteral("started_at_ms"), static_cast<qint64>(s->startedAtMs));
        share.insert(QStringLiteral("stopped_at_ms"), static_cast<qint64>(s->stoppedAtMs));
        share.insert(QStringLiteral("bytes_sent"), static_cast<qint64>(s->bytesSent));
        json.insert(QStringLiteral("screen_share"), share);
    }
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
