// DownlinkLayerSelector against a capped downlink (Janus forwarding the
// chosen substream through a seeded bottleneck), and AvSync with known
// offsets and clock drift.
#include "LinkModel.h"

#include "rtc/AvSync.h"
#include "rtc/DownlinkLayerSelector.h"
#include "rtc/NtpTime.h"

#include <catch2/catch.hpp>

#include <cstdio>

using namespace spoke::rtc;
using spoke::rtc::test::LinkModel;

namespace {

struct SelectorRun {
    std::vector<int> substreamPerSecond;
    int switches = 0;
};

// Janus sends the selected substream at its rate in 1200-byte packets; each
// second the subscriber reports what arrived and what was lost.
SelectorRun runSelector(DownlinkLayerSelector& selector, LinkModel& link, int seconds,
                        const std::function<void(LinkModel&, int)>& onSecond = {})
{
    SelectorRun run;
    const auto rates = DownlinkLayerSelector::defaultSubstreamBitrates();
    double budgetBits = 0;
    std::int64_t sent = 0, received = 0, bytes = 0;
    for (std::int64_t ms = 0; ms < seconds * 1000; ++ms) {
        if (ms % 1000 == 0 && onSecond)
            onSecond(link, static_cast<int>(ms / 1000));
        budgetBits += static_cast<double>(rates[static_cast<std::size_t>(selector.substream())]) / 1000.0;
        while (budgetBits >= 1200 * 8) {
            budgetBits -= 1200 * 8;
            ++sent;
            if (link.send(1200, ms * 1000)) { // arrival time does not matter for the per-second counts
                ++received;
                bytes += 1200;
            }
        }
        if (ms % 1000 == 999) {
            DownlinkSample s;
            s.nowMs = ms;
            s.receivedBps = bytes * 8;
            s.lossFraction = sent ? 1.0 - static_cast<double>(received) / static_cast<double>(sent) : 0;
            (void)selector.onSample(s);
            run.substreamPerSecond.push_back(selector.substream());
            sent = received = bytes = 0;
        }
    }
    run.switches = selector.switches();
    return run;
}

} // namespace

TEST_CASE("Default substream rates come from core/media's ladder", "[rtc][layers]")
{
    const auto rates = DownlinkLayerSelector::defaultSubstreamBitrates();
    CHECK(rates[0] > 0);
    CHECK(rates[0] < rates[1]);
    CHECK(rates[1] < rates[2]);
    std::printf("substream rates: %lld / %lld / %lld bit/s\n", static_cast<long long>(rates[0]),
                static_cast<long long>(rates[1]), static_cast<long long>(rates[2]));
}

TEST_CASE("Downlink selector steps down under a 700 kbit/s cap and does not flap", "[rtc][layers]")
{
    LinkModel::Config config;
    config.capacityBps = 700'000;
    config.queueLimitUs = 200'000;
    config.lossRate = 0.01;
    config.seed = 31;
    LinkModel link(config);
    DownlinkLayerSelector::Config sc;
    sc.initialSubstream = 2;
    DownlinkLayerSelector selector(sc);
    const auto run = runSelector(selector, link, 120);
    // Top layer (~1.8 Mbit/s) cannot pass; the middle one (~0.5 Mbit/s) can.
    CHECK(run.substreamPerSecond.at(3) == 1);
    int secondsOnMiddle = 0;
    for (std::size_t i = 3; i < run.substreamPerSecond.size(); ++i)
        secondsOnMiddle += run.substreamPerSecond[i] == 1 ? 1 : 0;
    CHECK(secondsOnMiddle >= 110);
    // One step down, then probes at growing intervals (30 s, then 60 s), each undone within a few seconds.
    CHECK(run.switches <= 5);
    CHECK(std::count(run.substreamPerSecond.begin(), run.substreamPerSecond.end(), 0) == 0);
}

TEST_CASE("Downlink selector goes to the lowest substream on a thin link, then back up when it clears", "[rtc][layers]")
{
    LinkModel::Config config;
    config.capacityBps = 300'000;
    config.seed = 32;
    LinkModel link(config);
    DownlinkLayerSelector::Config sc;
    sc.initialSubstream = 2;
    DownlinkLayerSelector selector(sc);
    const auto run = runSelector(selector, link, 150, [](LinkModel& l, int second) {
        if (second == 60)
            l.setCapacityBps(5'000'000);
    });
    CHECK(run.substreamPerSecond.at(10) == 0);
    // At most one short probe while the link stays thin.
    CHECK(std::count(run.substreamPerSecond.begin() + 10, run.substreamPerSecond.begin() + 60, 0) >= 48);
    // The ceiling learned on the thin link is forgotten after 30 s; then it climbs one calm step at a time.
    CHECK(run.substreamPerSecond.back() == 2);
}

TEST_CASE("A/V sync: video delay from SR-mapped capture times, with drift", "[rtc][avsync]")
{
    AvSync sync;
    const std::int64_t wallStartUs = 1'700'000'000'000'000; // sender's wall clock at the start
    const std::int64_t localOffsetMs = 5'000'000; // receiver clock is unrelated
    const double audioPpm = 150; // the sender's audio clock runs fast
    const std::uint32_t audioBase = 12345, videoBase = 999'000'000;
    auto audioRtp = [&](std::int64_t captureUs) {
        return static_cast<std::uint32_t>(
            audioBase + static_cast<std::int64_t>(static_cast<double>(captureUs) * 0.048 * (1 + audioPpm / 1e6)));
    };
    auto videoRtp = [&](std::int64_t captureUs) { return static_cast<std::uint32_t>(videoBase + captureUs * 9 / 100); };
    // Audio plays 180 ms after capture (network + jitter buffer), video renders 60 ms after.
    for (std::int64_t ms = 0; ms < 30'000; ms += 20) {
        const std::int64_t us = ms * 1000;
        if (ms % 1000 == 0) {
            sync.onSenderReport(AvSync::Stream::Audio, ntp::fromUnixMicros(wallStartUs + us), audioRtp(us));
            sync.onSenderReport(AvSync::Stream::Video, ntp::fromUnixMicros(wallStartUs + us + 7000),
                                videoRtp(us + 7000));
        }
        sync.onAudioPlayout(audioRtp(us), localOffsetMs + ms + 180);
        if (ms % 40 == 0)
            sync.onVideoRender(videoRtp(us), localOffsetMs + ms + 60);
    }
    REQUIRE(sync.offsetMs());
    CHECK(*sync.offsetMs() == Approx(120).margin(2));
    CHECK(sync.videoDelayMs() == Approx(120).margin(2));
    CHECK(sync.audioDelayNeededMs() == 0);
    REQUIRE(sync.driftPpm(AvSync::Stream::Audio));
    CHECK(*sync.driftPpm(AvSync::Stream::Audio) == Approx(150).margin(5));
    CHECK(*sync.driftPpm(AvSync::Stream::Video) == Approx(0).margin(5));
}

TEST_CASE("A/V sync: late video asks audio to wait, corrections are gradual", "[rtc][avsync]")
{
    AvSync sync;
    sync.onSenderReport(AvSync::Stream::Audio, ntp::fromUnixMicros(1'000'000'000), 0);
    sync.onSenderReport(AvSync::Stream::Video, ntp::fromUnixMicros(1'000'000'000), 0);
    // Video 90 ms behind audio.
    sync.onAudioPlayout(48 * 100, 1000 + 100 + 50);
    sync.onVideoRender(90 * 100, 1000 + 100 + 140);
    CHECK(sync.videoDelayMs() == 0);
    CHECK(sync.audioDelayNeededMs() == 90);

    AvSync jump;
    jump.onSenderReport(AvSync::Stream::Audio, ntp::fromUnixMicros(1'000'000'000), 0);
    jump.onSenderReport(AvSync::Stream::Video, ntp::fromUnixMicros(1'000'000'000), 0);
    jump.onAudioPlayout(0, 400);
    jump.onVideoRender(0, 100); // video 300 ms ahead
    CHECK(jump.videoDelayMs() == AvSync::kMaxStepMs); // one step at a time, not a 300 ms jump
}
