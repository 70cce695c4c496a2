// The stats file spoke-cli join writes, and the clock hand-off between
// publishers and receivers: pure values, no network.

#include "call/CallStats.h"
#include "call/RemoteFeed.h"
#include "call/StatsRecorder.h"

#include <catch2/catch.hpp>

#include <QJsonArray>

using namespace spoke::call;

TEST_CASE("call stats: percentiles by nearest rank", "[call]")
{
    CHECK(percentile({}, 0.5) == 0.0);
    CHECK(percentile({7.0}, 0.95) == 7.0);
    std::vector<double> values;
    for (int i = 100; i >= 1; --i)
        values.push_back(i);
    CHECK(percentile(values, 0.50) == 50.0);
    CHECK(percentile(values, 0.95) == 95.0);
    CHECK(percentile(values, 1.0) == 100.0);
}

TEST_CASE("call stats: the JSON has the fields the join command documents", "[call]")
{
    CallStats stats;
    stats.startedSteadyMs = 123456;
    stats.local.sendBitrateBps = 480000;
    stats.local.activeLayers = {0};
    stats.local.framesNotSent.encoder = 4;
    stats.local.framesNotSent.paused = 2;
    // The per-second series come from the recorder a --stats run attaches.
    MemoryStatsRecorder recorder;
    recorder.record(kSendBitrateSeries, StatsRecorder::kLocal, 1000, {450000});
    recorder.record(kSendBitrateSeries, StatsRecorder::kLocal, 2000, {480000});
    recorder.record(kActiveLayersSeries, StatsRecorder::kLocal, 0, {0b101});
    RemoteStats bob;
    bob.display = QStringLiteral("bob");
    bob.video.packets = 900;
    bob.video.lost = 3;
    bob.video.stampsRead = 297;
    bob.video.stampsExpected = 300;
    MsDistribution latency;
    for (const double ms : {10.0, 20.0, 30.0, 40.0})
        latency.add(ms);
    bob.video.latencyMs = latency.summary();
    bob.audio.packets = 1500;
    bob.audio.longestGapMs = 40;
    bob.goneAtMs = 9000;
    bob.goneReason = QStringLiteral("left");
    stats.remote.push_back(bob);

    const QJsonObject json = toJson(stats, &recorder);
    CHECK(json.value(QLatin1String("started_steady_ms")).toInteger() == 123456);
    const QJsonObject local = json.value(QLatin1String("local")).toObject();
    const QJsonArray rate = local.value(QLatin1String("send_bitrate_bps")).toArray();
    REQUIRE(rate.size() == 2);
    CHECK(rate[1].toArray()[0].toInteger() == 2000);
    CHECK(rate[1].toArray()[1].toInteger() == 480000);
    CHECK(local.value(QLatin1String("active_layers")).toArray().size() == 1);
    CHECK(local.value(QLatin1String("last_send_bitrate_bps")).toInteger() == 480000);
    const QJsonArray layers = local.value(QLatin1String("active_layers_over_time")).toArray();
    REQUIRE(layers.size() == 1);
    CHECK(layers[0].toArray()[1].toArray() == QJsonArray{0, 2});
    // What the sender never sent, per cause and in total.
    CHECK(local.value(QLatin1String("frames_dropped_before_send")).toInteger() == 6);
    const QJsonObject notSent = local.value(QLatin1String("frames_not_sent")).toObject();
    CHECK(notSent.value(QLatin1String("encoder")).toInteger() == 4);
    CHECK(notSent.value(QLatin1String("paused")).toInteger() == 2);
    CHECK(notSent.value(QLatin1String("capture_queue")).toInteger() == 0);
    for (const char* key : {"encode_usage", "cpu_scale_steps", "estimate_bps"})
        CHECK(local.contains(QLatin1String(key)));
    // Without a recorder the series are there, empty.
    CHECK(toJson(stats.local).value(QLatin1String("send_bitrate_bps")).toArray().isEmpty());

    const QJsonObject remote = json.value(QLatin1String("remote")).toArray()[0].toObject();
    CHECK(remote.value(QLatin1String("display")).toString() == QLatin1String("bob"));
    CHECK(remote.value(QLatin1String("gone_at_ms")).toInteger() == 9000);
    const QJsonObject video = remote.value(QLatin1String("video")).toObject();
    for (const char* key : {"packets", "lost", "nacked", "retransmitted", "frames_decoded", "freezes", "layer",
                            "stamped_frame_loss", "latency_ms"})
        CHECK(video.contains(QLatin1String(key)));
    CHECK(video.value(QLatin1String("stamped_frame_loss")).toDouble() == Approx(0.01));
    CHECK(video.value(QLatin1String("latency_ms")).toObject().value(QLatin1String("p50")).toDouble() == 20.0);
    CHECK(video.value(QLatin1String("latency_ms")).toObject().value(QLatin1String("p95")).toDouble() == 40.0);
    const QJsonObject audio = remote.value(QLatin1String("audio")).toObject();
    for (const char* key : {"packets", "lost", "concealed_ms", "longest_gap_ms"})
        CHECK(audio.contains(QLatin1String(key)));
    CHECK(audio.value(QLatin1String("longest_gap_ms")).toInteger() == 40);
}

TEST_CASE("call stats: a feed's series come from the recorder, in the shapes the file has always had", "[call]")
{
    RemoteStats bob;
    bob.feedId = 42;
    MemoryStatsRecorder recorder;
    recorder.record(kDownlinkSeries, 42, 1000, {300'000, 2, 0});
    recorder.record(kDownlinkSeries, 42, 2000, {250'000, 1, 1});
    recorder.record(kVideoStallsSeries, 42, 5000, {5800});
    recorder.record(kAudioPlayoutDelaySeries, 42, 1000, {60});
    recorder.record(kAudioPlayoutDelaySeries, 42, 2000, {80});
    recorder.record(kAudioPlayoutDelaySeries, 7, 2000, {999}); // another feed's

    const QJsonObject json = toJson(bob, &recorder);
    const QJsonObject video = json.value(QLatin1String("video")).toObject();
    const QJsonArray downlink = video.value(QLatin1String("downlink")).toArray();
    REQUIRE(downlink.size() == 2);
    CHECK(downlink[1].toArray() == QJsonArray{2000, 250000, 1, 1});
    const QJsonArray stalls = video.value(QLatin1String("stalls_ms")).toArray();
    REQUIRE(stalls.size() == 1);
    CHECK(stalls[0].toArray() == QJsonArray{5000, 5800});
    const QJsonArray delays = json.value(QLatin1String("audio"))
                                  .toObject()
                                  .value(QLatin1String("playout"))
                                  .toObject()
                                  .value(QLatin1String("delay_ms_each_second"))
                                  .toArray();
    CHECK(delays == QJsonArray{60, 80});

    // Without a recorder the keys stay, empty.
    const QJsonObject bare = toJson(bob).value(QLatin1String("video")).toObject();
    CHECK(bare.value(QLatin1String("downlink")).toArray().isEmpty());
    CHECK(bare.contains(QLatin1String("queue_delay_ms")));
}

TEST_CASE("call stats: a receiver with no stamped frames reports total loss, not none", "[call]")
{
    RemoteStats silent;
    silent.display = QStringLiteral("carol");
    CallStats stats;
    stats.remote.push_back(silent);
    const QJsonObject video =
        toJson(stats).value(QLatin1String("remote")).toArray()[0].toObject().value(QLatin1String("video")).toObject();
    CHECK(video.value(QLatin1String("stamped_frame_loss")).toDouble() == 1.0);
}

TEST_CASE("call: the sender's clock travels in the stream description", "[call]")
{
    CHECK(parseClockDescription(clockDescription(987654321)) == 987654321);
    CHECK(parseClockDescription(QStringLiteral("camera")) == -1);
    CHECK(parseClockDescription(QStringLiteral("clock=")) == -1);
    CHECK(parseClockDescription(QStringLiteral("clock=12x")) == -1);
}
